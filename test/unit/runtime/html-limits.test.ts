import { describe, expect, it } from "vitest";
import { ProblemError, isProblemError } from "../../../src/base/result";
import { markdownLimitMessage, markdownLimitOf } from "../../../src/base/locale/markdown-limit-words";
import { HTML_LIMITS, boundedHtml, htmlTooDeep } from "../../../src/runtime/html-limits";
import { createHtml } from "../../../src/runtime/stdlib";

const nested = (levels: number) => `${"<div>".repeat(levels)}x${"</div>".repeat(levels)}`;

describe("html limits", () => {
  it("lets HTML nested up to the limit through, and refuses deeper with the line and the fix", () => {
    expect(boundedHtml(nested(HTML_LIMITS.depth))).toEqual({ ok: true, value: nested(HTML_LIMITS.depth) });
    expect(boundedHtml(`<p>intro</p>\n${nested(5_000)}`)).toEqual({
      ok: false,
      error: {
        kind: "html-too-deep",
        message:
          "Not rendered: this HTML nests elements more than 256 levels deep at line 2; at most 256 levels are rendered, as deeper HTML can hold up the page for seconds. Close each element before opening the next.",
        limit: { kind: "html-too-deep", text: "html", line: 2, limit: 256 },
      },
    });
  });

  it("refuses an html cell longer than markdown's limit, and says to split it", () => {
    const long = "<p>a</p>".repeat(HTML_LIMITS.characters / 8 + 1);
    expect(boundedHtml(long)).toMatchObject({ ok: false, error: { kind: "html-too-long", message: expect.stringContaining("100,008 characters long; at most 100,000 are rendered in one cell") } });
    expect(boundedHtml("<p>a</p>".repeat(HTML_LIMITS.characters / 8)).ok).toBe(true);
  });

  it("html`…` throws why before it parses HTML nested past the limit", () => {
    const deep = nested(19_000);
    const strings = Object.assign([deep], { raw: [deep] });
    let thrown: unknown;
    try {
      createHtml(undefined)(strings);
    } catch (error) {
      thrown = error;
    }
    expect(isProblemError(thrown) && thrown.problem).toEqual(htmlTooDeep(deep, "html-literal"));
    expect(isProblemError(thrown) && thrown.message).toContain("this html`…` nests elements more than 256 levels deep at line 1");
    expect(createHtml(undefined)`<p>${"<b>".repeat(300)}</p>`).toBe(`<p>${"&lt;b&gt;".repeat(300)}</p>`);
  });

  it("words each html limit in norsk from the limit on the thrown error, with the English message's figures", () => {
    const deep = boundedHtml(`<p>intro</p>\n${nested(5_000)}`);
    const long = boundedHtml("<p>a</p>".repeat(HTML_LIMITS.characters / 8 + 1));
    const literal = htmlTooDeep(nested(300), "html-literal");
    const output = htmlTooDeep(nested(300), "output");
    const problems = [deep.ok ? undefined : deep.error, long.ok ? undefined : long.error, literal, output];
    const nb = problems.map((problem) => {
      const limit = problem && markdownLimitOf(new ProblemError(problem));
      if (!problem || !limit) throw new Error("no limit on an html problem");
      const words = markdownLimitMessage(limit, "nb");
      // The English message (the headless runner's) is the limit worded in English.
      expect(markdownLimitMessage(limit, "en")).toBe(problem.message);
      const figures = (m: string) => (m.replace(/[\s,]/g, "").match(/\d+/g) ?? []).join(" ");
      expect(figures(words)).toBe(figures(problem.message));
      expect(words).not.toMatch(/(?<!\p{L})(Not|rendered|levels|nests|characters|line|this)(?!\p{L})/u);
      return words;
    });
    expect(nb[0]).toBe(
      "Ikke vist: denne HTML-teksten har elementer mer enn 256 nivåer inni hverandre på linje 2; høyst 256 nivåer vises, for dypere HTML kan holde siden opp i flere sekunder. Lukk hvert element før du åpner det neste.",
    );
    expect(nb[1]).toMatch(/^Ikke vist: denne HTML-teksten er 100\s008 tegn lang; høyst 100\s000 vises i én celle/);
    expect(nb[2]).toMatch(/^Ikke vist: denne html`…`-teksten har elementer mer enn 256 nivåer/);
    expect(nb[3]).toMatch(/^Ikke vist: dette resultatet har elementer/);
  });
});

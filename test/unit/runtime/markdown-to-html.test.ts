import { afterEach, describe, expect, it } from "vitest";
import { isProblemError } from "../../../src/base/result";
import type { CellDoc } from "../../../src/notebook/document";
import { MARKDOWN_LIMITS, markdownToHtml } from "../../../src/runtime/markdown-to-html";
import { markdownLimitMessage, markdownLimitOf } from "../../../src/base/locale/markdown-limit-words";
import { ProblemError } from "../../../src/base/result";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";
import { createMd } from "../../../src/runtime/stdlib";
import { isMarkdownOutput } from "../../../src/runtime/types";
import { htmlDepth } from "./html-depth";

const problem = (text: string) => {
  const result = markdownToHtml(text);
  return result.ok ? undefined : result.error;
};

/** A list nested `levels` deep, an item per line, each two spaces further in (stop 30's attack). */
const indentedList = (levels: number) => Array.from({ length: levels }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n");

describe("markdownToHtml: limits", () => {
  it("renders a list nested as deep as the limit", () => {
    const result = markdownToHtml(indentedList(MARKDOWN_LIMITS.depth));
    expect(result.ok).toBe(true);
    expect(result.ok && htmlDepth(result.value, ["li"])).toBe(MARKDOWN_LIMITS.depth);
  });

  it("names the nesting, its line and the fix for a list one level deeper", () => {
    expect(problem(indentedList(MARKDOWN_LIMITS.depth + 1))).toMatchObject({
      kind: "markdown-too-deep",
      message: `Not rendered: this markdown nests 33 levels of lists at line 33; at most 32 levels are rendered. Flatten the list.`,
    });
  });

  it("refuses 800 list levels and 5,000 block quotes, which froze marked or overflowed its stack", () => {
    expect(problem("- ".repeat(800) + "x")?.message).toContain("nests 800 levels of lists at line 1");
    expect(problem(">".repeat(5000) + " deep")?.message).toContain("nests 5,000 levels of block quotes at line 1; at most 32 levels are rendered. Use fewer > markers.");
    expect(problem("> - ".repeat(400) + "x")?.message).toContain("nests 800 levels of lists and block quotes (400 lists, 400 quotes)");
    // Stop 30's form of the attack is long as well as deep: its length is what is named.
    expect(problem(indentedList(800))).toMatchObject({ kind: "markdown-too-long", message: expect.stringContaining("647,889 characters long") });
  });

  it("refuses emphasis nested 5,000 deep", () => {
    expect(problem("*a ".repeat(5000) + "x" + " b*".repeat(5000))?.message).toContain("nests 5,000 levels of emphasis (*, _ or ~~) at line 1");
    expect(problem("~~a ".repeat(5000) + "x" + " b~~".repeat(5000))?.kind).toBe("markdown-too-deep");
  });

  it("refuses a text longer than the limit before reading it, and renders one at the limit", () => {
    expect(problem("Some *text* and [a link](x).\n\n".repeat(5_000_000 / 30))).toMatchObject({ kind: "markdown-too-long", message: expect.stringContaining("at most 100,000 are rendered in one cell") });
    expect(markdownToHtml("a".repeat(MARKDOWN_LIMITS.characters)).ok).toBe(true);
  });

  it("refuses HTML written in the markdown that nests past the HTML limit, naming its line", () => {
    // 12,000 nested <b> are 36,001 characters, within the length limit, and parsed for seconds.
    const deepHtml = `# Title\n\nSome text.\n\n${"<b>".repeat(12_000)}x`;
    expect(problem(deepHtml)).toEqual({
      kind: "markdown-too-deep",
      message:
        "Not rendered: this markdown nests HTML elements more than 256 levels deep at line 5; at most 256 levels are rendered, as deeper HTML can hold up the page for seconds. Close each element before opening the next.",
      limit: { kind: "html-too-deep", text: "markdown", line: 5, limit: 256 },
    });
    // The same limit worded in bokmål, as the page words it on a language switch.
    const nb = markdownToHtml(deepHtml, "nb");
    expect(!nb.ok && nb.error.message).toBe(
      "Ikke vist: denne markdown-teksten har HTML-elementer mer enn 256 nivåer inni hverandre på linje 5; høyst 256 nivåer vises, for dypere HTML kan holde siden opp i flere sekunder. Lukk hvert element før du åpner det neste.",
    );
    // Formatting elements the parser opens again after each </div>: every tag is closed as written.
    expect(problem(Array.from({ length: 300 }, (_, k) => `<div><b class=c${k}></div>x`).join(""))?.kind).toBe("markdown-too-deep");
    expect(markdownToHtml(`${"<b>".repeat(200)}x`).ok).toBe(true);
  });

  it("stops nesting in marked itself where the measure cannot see it: delimiters inside code spans", () => {
    // marked skips the "*" inside "`* **b `", the measure pairs it: it counts 1 level, marked nests 100.
    const text = "**b `* ".repeat(400) + "x" + " b**".repeat(400);
    const result = markdownToHtml(text);
    expect(result.ok).toBe(true);
    expect(result.ok && htmlDepth(result.value, ["em", "strong", "del"])).toBe(MARKDOWN_LIMITS.emphasis);
  });
});

const md = (id: string, source: string, variants?: CellDoc["variants"]): CellDoc => ({ id, kind: "md", source, ...(variants ? { variants } : {}) });

describe("markdown limits in each language", () => {
  const texts = [indentedList(800), ">".repeat(5000) + " deep", "*a ".repeat(40) + "x" + " b*".repeat(40), "x".repeat(MARKDOWN_LIMITS.characters + 1), "> ".repeat(20) + "- ".repeat(20) + "x"];
  it("words each limit in norsk with the same figures as in English, and the page finds the limit on the thrown error", () => {
    for (const text of texts) {
      const nb = markdownToHtml(text, "nb");
      const en = markdownToHtml(text);
      if (nb.ok || en.ok) throw new Error("rendered past a limit");
      expect(nb.error.message).toMatch(/^Ikke vist: denne markdown-teksten /);
      expect(nb.error.message).not.toMatch(/(?<!\p{L})(levels|lists|quotes|characters|rendered|line)(?!\p{L})/u);
      const figures = (m: string) => (m.replace(/[\s,]/g, "").match(/\d+/g) ?? []).join(" ");
      expect(figures(nb.error.message)).toBe(figures(en.error.message));
      const limit = markdownLimitOf(new ProblemError(en.error));
      expect(limit && markdownLimitMessage(limit, "nb")).toBe(nb.error.message);
    }
    expect(markdownLimitOf(new ProblemError({ kind: "markdown-too-deep", message: "x" }))).toBeUndefined();
    expect(markdownLimitOf(new Error("x"))).toBeUndefined();
  });
});

describe("a markdown cell past the limits", () => {
  let runtime: NotebookRuntime | undefined;
  afterEach(() => runtime?.dispose());

  it("shows why it is not rendered, and the cells after it still run", async () => {
    runtime = new NotebookRuntime({ timeoutMs: 2000 });
    runtime.load({
      title: "deep",
      cells: [md("list", "- ".repeat(800) + "x"), md("quotes", ">".repeat(5000)), { id: "after", kind: "js", source: "const after = 6 * 7" }, md("fine", "**${after}**")],
    });
    await runtime.idle();
    expect(runtime.state("list")?.error).toMatchObject({ kind: "thrown", message: expect.stringContaining("nests 800 levels of lists") });
    expect(runtime.state("quotes")?.error?.message).toContain("nests 5,000 levels of block quotes");
    expect(runtime.namedValues()["after"]).toBe(42);
    const fine = runtime.state("fine")?.value;
    expect(isMarkdownOutput(fine) && fine.html).toBe("<p><strong>42</strong></p>\n");
  });

  it("is refused in the bokmål text a reader in norsk runs, and renders in English", async () => {
    const cell = md("intro", "# Intro", { nb: "# Intro\n\n" + ">".repeat(5000) });
    runtime = new NotebookRuntime({ timeoutMs: 2000, language: "nb" });
    runtime.load({ title: "varianter", cells: [cell] });
    await runtime.idle();
    expect(runtime.state("intro")?.error?.message).toContain("nests 5,000 levels of block quotes");
    runtime.setLanguage("en");
    await runtime.idle();
    expect(runtime.state("intro")?.error).toBeUndefined();
  });

  it("shows why an html cell nested or sized past its limits is not rendered, and the cells after it still run", async () => {
    runtime = new NotebookRuntime({ timeoutMs: 2000 });
    const divs = (n: number) => `${"<div>".repeat(n)}x${"</div>".repeat(n)}`;
    runtime.load({
      title: "deep html",
      cells: [
        { id: "deep", kind: "html", source: `<p>Intro</p>\n${"<span>".repeat(2_000)}` },
        { id: "long", kind: "html", source: divs(19_000) },
        { id: "put-in", kind: "html", source: "<section>${deep}</section>" },
        { id: "source", kind: "js", source: `const deep = { kind: "markdown", html: ${JSON.stringify(divs(2_000))} }` },
        { id: "fine", kind: "html", source: `${divs(200)}<p>\${6 * 7}</p>` },
      ],
    });
    await runtime.idle();
    expect(runtime.state("deep")?.error?.message).toBe(
      "Not rendered: this HTML nests elements more than 256 levels deep at line 2; at most 256 levels are rendered, as deeper HTML can hold up the page for seconds. Close each element before opening the next.",
    );
    expect(runtime.state("long")?.error?.message).toContain("this HTML is 209,001 characters long; at most 100,000 are rendered in one cell");
    // Rendered HTML put in with ${…} is measured with the cell's own.
    expect(runtime.state("put-in")?.error?.message).toContain("nests elements more than 256 levels deep at line 1");
    const fine = runtime.state("fine")?.value;
    expect(isMarkdownOutput(fine) && fine.html).toBe(`${divs(200)}<p>42</p>`);
  });

  it("md`…` in a code cell throws the same Problem", () => {
    const render = () => createMd(undefined)`${"- ".repeat(800)}x`;
    expect(render).toThrow("nests 800 levels of lists");
    try {
      render();
    } catch (e) {
      expect(isProblemError(e)).toBe(true);
    }
  });
});

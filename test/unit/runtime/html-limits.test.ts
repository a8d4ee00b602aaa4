import { describe, expect, it } from "vitest";
import { isProblemError } from "../../../src/base/result";
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
    expect(isProblemError(thrown) && thrown.problem).toEqual(htmlTooDeep(deep, "this html`…`"));
    expect(isProblemError(thrown) && thrown.message).toContain("this html`…` nests elements more than 256 levels deep at line 1");
    expect(createHtml(undefined)`<p>${"<b>".repeat(300)}</p>`).toBe(`<p>${"&lt;b&gt;".repeat(300)}</p>`);
  });
});

import { describe, expect, it } from "vitest";
import { interpolationText, renderMarkdown } from "../../../src/runtime/markdown-cell";
import { parseMarkdownCell } from "../../../src/runtime/markdown-template";

describe("markdown cells", () => {
  it("splits at ${…}, parsing nested braces and strings", () => {
    const t = parseMarkdownCell("A ${ {a: 1}.a } and ${'}'} and ${`x${y}`} \\${literal}");
    expect(t).toEqual({ ok: true, strings: ["A ", " and ", " and ", " ${literal}"], expressions: [" {a: 1}.a", "'}'", "`x${y}`"] });
  });

  it("reports a broken interpolation with its position", () => {
    const t = parseMarkdownCell("line one\nvalue ${a +}");
    expect(t).toMatchObject({ ok: false, line: 2 });
  });

  it("renders values into markdown", () => {
    expect(renderMarkdown(["**", "** of ", ""], [3, [1, 2]])).toEqual({ kind: "markdown", html: "<p><strong>3</strong> of [1,2]</p>\n" });
    expect(interpolationText(null)).toBe("");
    expect(interpolationText({ outerHTML: "<b>x</b>" })).toBe("<b>x</b>");
  });
});

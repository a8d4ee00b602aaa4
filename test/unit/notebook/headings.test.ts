import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { marked } from "marked";
import { parseHTML } from "linkedom";
import { unwrap } from "../../../src/base/result";
import { parseNotebook } from "../../../src/notebook/format";
import { markdownHeadings, notebookHeadings } from "../../../src/notebook/headings";

/** The headings marked itself renders from a source: the independent reading of the same text. */
function renderedHeadings(source: string): Array<{ level: number; text: string }> {
  const { document } = parseHTML(`<div>${marked.parse(source, { async: false })}</div>`);
  return [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => ({ level: Number(h.tagName.slice(1)), text: (h.textContent ?? "").trim() }));
}

describe("markdownHeadings", () => {
  it("reads ATX and setext headings, not lines inside code fences", () => {
    const source = ["# Title *one*", "", "text", "```", "# not a heading", "```", "Second", "------", "", "## [Linked](x) `code` ##", "    # indented code"].join("\n");
    expect(markdownHeadings(source)).toEqual([
      { level: 1, text: "Title one" },
      { level: 2, text: "Second" },
      { level: 2, text: "Linked code" },
    ]);
    expect(markdownHeadings(source)).toEqual(renderedHeadings(source));
  });

  it("agrees with marked on every markdown cell of the shipped notebooks", () => {
    for (const name of ["01-overview", "02-six-models", "03-size-and-correlations", "04-reconciliation", "05-adopters", "06-thesis-crosswalk"]) {
      const doc = unwrap(parseNotebook(readFileSync(`notebooks/${name}.html`, "utf8"))).doc;
      for (const cell of doc.cells.filter((c) => c.kind === "md")) expect(markdownHeadings(cell.source), `${name} cell ${cell.id}`).toEqual(renderedHeadings(cell.source));
    }
  });
});

describe("notebookHeadings", () => {
  it("keeps each heading's cell and its index among that cell's headings, down to level 3", () => {
    const doc = { cells: [
      { id: "a", kind: "md" as const, source: "# One\n#### deep\n## Two" },
      { id: "b", kind: "js" as const, source: "// # not markdown" },
      { id: "c", kind: "md" as const, source: "### Three" },
    ] };
    expect(notebookHeadings(doc)).toEqual([
      { cellId: "a", index: 0, level: 1, text: "One" },
      { cellId: "a", index: 2, level: 2, text: "Two" },
      { cellId: "c", index: 0, level: 3, text: "Three" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { unwrap } from "../../../src/base/result";
import { newCell, type CellKind } from "../../../src/notebook/document";
import { parseNotebook, serializeNotebook } from "../../../src/notebook/format";
import { NOTEBOOK_TEMPLATES } from "../../../src/app/notebook-templates";

// Kit's own defaults (notebook-kit src/lib/notebook.ts, defaultPinned): code cells pinned, prose not.
const KIT_PINNED: Array<[CellKind, boolean]> = [["js", true], ["ojs", true], ["sql", true], ["node", true], ["python", true], ["md", false], ["html", false], ["tex", false], ["dot", false]];

describe("Notebook Kit's pinned attribute", () => {
  it("is set on new cells as Kit sets it, and written as Kit writes it", () => {
    for (const [kind, pinned] of KIT_PINNED) {
      const cell = newCell("1", kind, "x");
      expect(cell.pinned === true, kind).toBe(pinned);
    }
    const text = serializeNotebook({ title: "t", cells: [newCell("1", "md", "# t"), newCell("2", "js", "1 + 1")] });
    expect(text).toContain('<script id="1" type="text/markdown">');
    expect(text).toContain('<script id="2" type="module" pinned="">');
  });

  it("is on every JavaScript cell of the shipped notebooks and the templates, so Kit shows their code", () => {
    const files = readdirSync("notebooks").filter((f) => f.endsWith(".html"));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(`notebooks/${file}`, "utf8");
      const doc = unwrap(parseNotebook(text)).doc;
      for (const cell of doc.cells) expect(cell.pinned === true, `${file} cell ${cell.id}`).toBe(cell.kind === "js");
      expect(serializeNotebook(doc)).toBe(text);
    }
    for (const template of NOTEBOOK_TEMPLATES) for (const cell of template.doc().cells) expect(cell.pinned === true, template.id).toBe(cell.kind === "js");
  });
});

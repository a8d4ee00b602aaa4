import { describe, expect, it } from "vitest";
import type { NotebookDoc } from "../../src/notebook/document";
import { parseNotebook, serializeNotebook } from "../../src/notebook/format";
import { validatePayload } from "../../src/notebook/share-codec";

/**
 * A shared link's cells are shown in the preview by their `kind`; "Export notebook" writes them with
 * serializeNotebook, and a notebook file is read back with HTML's rules: attribute names are
 * lowercased and the first of two with one name is kept. A link whose attribute names differ from
 * the writer's only in case (`TYPE`, `PINNED`, `ID`) must not turn into other cells in the file —
 * a markdown cell the preview showed as text must not run as JavaScript once exported and reopened.
 */
describe("a link's attribute names in another case cannot change what an exported file reads", () => {
  /** The cells (id, kind, source, pinned) a notebook file written from `doc` is read back as. */
  function reread(doc: NotebookDoc): Array<[string, string, string, boolean]> {
    const parsed = parseNotebook(serializeNotebook(doc));
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value.doc.cells.map((c) => [c.id, c.kind, c.source, c.pinned === true]);
  }
  const shown = (doc: NotebookDoc) => doc.cells.map((c): [string, string, string, boolean] => [c.id, c.kind, c.source, c.pinned === true]);

  const hostile: Array<[string, NotebookDoc]> = [
    ["a markdown cell with TYPE=module before its own type", { title: "t", cells: [{ id: "1", kind: "md", source: "leak()", attributes: [["TYPE", "module"], ["type", "text/markdown"]] }] }],
    ["an unknown-kind cell with Type=module before its own type", { title: "t", cells: [{ id: "1", kind: "other", source: "leak()", attributes: [["Type", "module"], ["type", "text/x-r"]] }] }],
    ["a markdown cell with TYPE=module alone", { title: "t", cells: [{ id: "1", kind: "md", source: "leak()", attributes: [["TYPE", "module"]] }] }],
    ["a JavaScript cell that says TYPE=text/markdown", { title: "t", cells: [{ id: "1", kind: "js", source: "leak()", attributes: [["TYPE", "text/markdown"]] }] }],
    ["a cell not pinned with PINNED", { title: "t", cells: [{ id: "1", kind: "md", source: "# Hi", attributes: [["PINNED", ""]] }] }],
    ["a cell with a second id", { title: "t", cells: [{ id: "1", kind: "md", source: "# Hi", attributes: [["ID", "2"]] }, { id: "2", kind: "js", source: "1" }] }],
  ];

  it.each(hostile)("%s is refused, or its exported file reads as the cells the preview showed", (_, bad) => {
    const result = validatePayload({ doc: bad, inputs: {} });
    if (result.ok) expect(reread(result.value.doc)).toEqual(shown(result.value.doc));
    else expect(result.error.kind).toBe("shape");
  });

  it("the markdown cell with TYPE=module is refused with the reason, not passed on", () => {
    const [, bad] = hostile[0] ?? ["", { title: "", cells: [] }];
    // What the file writer makes of it: the markdown text runs as JavaScript.
    expect(reread(bad)).toEqual([["1", "js", "leak()", false]]);
    const result = validatePayload({ doc: bad, inputs: {} });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/cell 1/);
    expect(!result.ok && result.error.message).toMatch(/Ask the sender to export the notebook file instead\.$/);
  });

  it("still takes a parsed file's attributes, whose names the reader already lowercased", () => {
    const file = `<!doctype html>\n<notebook theme="air" Data-X="1">\n  <title>T</title>\n  <script id="1" TYPE="text/x-r" Output="x">\n    x <- 1\n  </script>\n  <script id="2" type="module" PINNED>\n    1 + 1\n  </script>\n</notebook>\n`;
    const read = parseNotebook(file);
    const doc = read.ok ? read.value.doc : { title: "", cells: [] };
    const again = validatePayload({ doc, inputs: {} });
    expect(again.ok && again.value.doc).toEqual(doc);
    expect(shown(doc)).toEqual([
      ["1", "other", "x <- 1", false],
      ["2", "js", "1 + 1", true],
    ]);
    expect(reread(doc)).toEqual(shown(doc));
  });
});

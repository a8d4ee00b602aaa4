/**
 * Issue 11 §5: a notebook file or link may name its cells anything; names that are also
 * Object.prototype's (constructor, toString, __proto__) must not reach a draft through a record's
 * prototype when an edit is undone (a draft is text or nothing).
 */
import { describe, expect, it } from "vitest";
import { NotebookSession } from "../../../src/app/notebook-session";
import { QuietRuntime } from "./quiet-runtime";

describe("cell ids that are Object.prototype's names", () => {
  for (const id of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
    it(`undoing a delete next to a cell with id ${JSON.stringify(id)} gives it no draft`, async () => {
      const session = new NotebookSession({
        doc: { title: "T", cells: [{ id, kind: "js", source: "x = 1" }, { id: "2", kind: "js", source: "x + 1" }] },
        createRuntime: () => new QuietRuntime(),
      });
      await session.start();
      session.deleteCell("2");
      expect(session.undo()).toBe(true);
      expect(session.doc.cells.map((c) => c.id)).toEqual([id, "2"]);
      expect(session.draft(id)).toBeUndefined();
      expect(Object.keys(session.draftRecord())).toEqual([]);
      expect(session.redo()).toBe(true);
      expect(session.undo()).toBe(true);
      expect(session.draft(id)).toBeUndefined();
    });
  }
});

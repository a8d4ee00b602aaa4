import { describe, expect, it } from "vitest";
import { NotebookSession } from "../../../src/app/notebook-session";
import { QuietRuntime } from "./quiet-runtime";
import type { CellDoc } from "../../../src/notebook/document";

/** Records the cells the session hands the runtime. */
class CellsRuntime extends QuietRuntime {
  updated: CellDoc[] = [];
  override updateCell(cell: CellDoc): void {
    this.updated.push(cell);
  }
}

describe("a markdown cell's bokmål text in the session", () => {
  it("is set, removed when emptied, runs the cell again, and is one undoable edit", async () => {
    const runtime = new CellsRuntime();
    const session = new NotebookSession({
      doc: { title: "T", cells: [{ id: "1", kind: "md", source: "# English" }, { id: "2", kind: "js", source: "1" }] },
      createRuntime: () => runtime,
    });
    await session.start();
    session.setVariant("1", "nb", "# Norsk");
    expect(session.cell("1")?.variants).toEqual({ nb: "# Norsk" });
    expect(runtime.updated.at(-1)?.variants).toEqual({ nb: "# Norsk" });
    expect(session.undoLabel).toBe("Edit translation");
    // Code cells have no variants.
    session.setVariant("2", "nb", "2");
    expect(session.cell("2")?.variants).toBeUndefined();
    session.setVariant("1", "nb", "  ");
    expect(session.cell("1")?.variants).toBeUndefined();
    expect(session.undo()).toBe(true);
    expect(session.cell("1")?.variants).toEqual({ nb: "# Norsk" });
    // The runtime gets the text back too, or the reader would go on seeing the undone one.
    expect(runtime.updated.at(-1)?.variants).toEqual({ nb: "# Norsk" });
    expect(session.undo()).toBe(true);
    expect(session.cell("1")?.variants).toBeUndefined();
    expect(runtime.updated.at(-1)?.variants).toBeUndefined();
  });
});

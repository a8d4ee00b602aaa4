import { describe, expect, it } from "vitest";
import { NotebookSession, type SessionChange } from "../../../src/app/notebook-session";
import { QuietRuntime } from "./quiet-runtime";
import type { CellDoc, NotebookDoc } from "../../../src/notebook/document";

/** Records what the session asks of the runtime. */
class FakeRuntime extends QuietRuntime {
  calls: string[] = [];
  inputs: Record<string, unknown> = {};
  override load(doc: NotebookDoc): void {
    this.calls.push(`load:${doc.cells.length}`);
  }
  override updateCell(cell: CellDoc): void {
    this.calls.push(`update:${cell.id}:${cell.source}`);
  }
  override removeCell(id: string): void {
    this.calls.push(`remove:${id}`);
  }
  override setInput(name: string, value: unknown): void {
    this.inputs[name] = value;
  }
  override inputValues(): Record<string, unknown> {
    return { ...this.inputs };
  }
  override references(name: string): boolean {
    return name === "a";
  }
  override dispose(): void {
    this.calls.push("dispose");
  }
}

const doc: NotebookDoc = {
  title: "T",
  cells: [
    { id: "1", kind: "js", source: "const a = 1" },
    { id: "2", kind: "js", source: "a + 1" },
  ],
};

function make(inputs: Record<string, unknown> = {}): { session: NotebookSession; runtimes: FakeRuntime[] } {
  const runtimes: FakeRuntime[] = [];
  const session = new NotebookSession({
    doc,
    drafts: { "2": "a + 2", "9": "stale draft of a deleted cell" },
    inputs,
    createRuntime: () => {
      const r = new FakeRuntime();
      runtimes.push(r);
      return r;
    },
  });
  return { session, runtimes };
}

describe("notebook session", () => {
  it("executes nothing until start() (preview of a shared link)", () => {
    const { session, runtimes } = make();
    expect(session.mode).toBe("preview");
    session.run("2");
    expect(runtimes).toHaveLength(0);
  });

  it("starts the runtime once, loads the document and applies shared input values", async () => {
    const { session, runtimes } = make({ region: "Nord-Norge" });
    await session.start();
    await session.start();
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]?.calls).toEqual(["load:2"]);
    expect(runtimes[0]?.inputs).toEqual({ region: "Nord-Norge" });
    expect(session.mode).toBe("live");
  });

  it("sets an input before start (held until the runtime exists) and after (passed straight on)", async () => {
    const { session, runtimes } = make();
    session.setInput("filter", { fylke: [18] });
    expect(session.inputValues()).toEqual({ filter: { fylke: [18] } });
    await session.start();
    expect(runtimes[0]?.inputs).toEqual({ filter: { fylke: [18] } });
    session.setInput("filter", { fylke: [2] });
    expect(runtimes[0]?.inputs).toEqual({ filter: { fylke: [2] } });
  });

  it("keeps drafts of existing cells only and marks them until run", async () => {
    const { session, runtimes } = make();
    expect(session.draftRecord()).toEqual({ "2": "a + 2" });
    await session.start();
    const changes: SessionChange[] = [];
    session.onChange((c) => changes.push(c));
    session.run("2");
    expect(session.cell("2")?.source).toBe("a + 2");
    expect(session.draft("2")).toBeUndefined();
    expect(runtimes[0]?.calls.at(-1)).toBe("update:2:a + 2");
    expect(changes).toContainEqual({ kind: "doc", edit: { label: "Run edited cell", via: "edit", cell: "2" } });
  });

  it("a draft typed back to the source is no longer a draft", () => {
    const { session } = make();
    session.setDraft("2", "a + 1");
    expect(session.draft("2")).toBeUndefined();
  });

  it("adds after a cell with the next free id, moves without rerunning, deletes from the runtime", async () => {
    const { session, runtimes } = make();
    await session.start();
    const id = session.addCell("md", "1");
    expect(id).toBe("3");
    expect(session.doc.cells.map((c) => c.id)).toEqual(["1", "3", "2"]);
    const before = runtimes[0]?.calls.length;
    session.moveCell("3", 1);
    expect(session.doc.cells.map((c) => c.id)).toEqual(["1", "2", "3"]);
    expect(runtimes[0]?.calls.length).toBe(before);
    session.deleteCell("1");
    expect(runtimes[0]?.calls.at(-1)).toBe("remove:1");
    expect(session.doc.cells.map((c) => c.id)).toEqual(["2", "3"]);
  });

  it("never changes the document it was given", async () => {
    const { session } = make();
    await session.start();
    session.setTitle("Other");
    session.deleteCell("1");
    expect(doc.title).toBe("T");
    expect(doc.cells).toHaveLength(2);
  });

  it("undoes a delete: the cell comes back in place with its draft, and the runtime defines it again", async () => {
    const { session, runtimes } = make();
    await session.start();
    const changes: SessionChange[] = [];
    session.onChange((c) => changes.push(c));
    session.deleteCell("2");
    expect(session.doc.cells.map((c) => c.id)).toEqual(["1"]);
    expect(session.draft("2")).toBeUndefined();
    expect(session.undoLabel).toBe("Delete cell");
    expect(session.undo()).toBe(true);
    expect(session.doc.cells).toEqual(doc.cells);
    expect(session.draft("2")).toBe("a + 2");
    expect(runtimes[0]?.calls.slice(-2)).toEqual(["remove:2", "update:2:a + 1"]);
    expect(changes).toContainEqual({ kind: "doc", edit: { label: "Delete cell", via: "undo", cell: "2" } });
    expect(changes.at(-1)).toEqual({ kind: "draft", id: "2" });
    expect(session.redo()).toBe(true);
    expect(session.doc.cells.map((c) => c.id)).toEqual(["1"]);
    expect(runtimes[0]?.calls.at(-1)).toBe("remove:2");
    expect(session.undo()).toBe(true);
    expect(session.draft("2")).toBe("a + 2");
  });

  it("undoes moves and adds in reverse order; a new edit drops the redo side", async () => {
    const { session, runtimes } = make();
    await session.start();
    const added = session.addCell("js", "1", "before");
    expect(session.doc.cells.map((c) => c.id)).toEqual([added, "1", "2"]);
    session.moveCell("2", -1);
    expect(session.doc.cells.map((c) => c.id)).toEqual([added, "2", "1"]);
    const calls = runtimes[0]?.calls.length;
    session.undo();
    expect(session.doc.cells.map((c) => c.id)).toEqual([added, "1", "2"]);
    expect(runtimes[0]?.calls.length).toBe(calls); // order is presentation: nothing reruns
    session.undo();
    expect(session.doc.cells.map((c) => c.id)).toEqual(["1", "2"]);
    expect(runtimes[0]?.calls.at(-1)).toBe(`remove:${added}`);
    expect(session.undo()).toBe(false);
    session.redo();
    expect(session.doc.cells.map((c) => c.id)).toEqual([added, "1", "2"]);
    session.deleteCell("1");
    expect(session.redo()).toBe(false);
  });

  it("undoes a run after an edit: the old source runs again and the text that ran stays as a draft", async () => {
    const { session, runtimes } = make();
    await session.start();
    session.run("2");
    expect(session.cell("2")?.source).toBe("a + 2");
    session.undo();
    expect(session.cell("2")?.source).toBe("a + 1");
    expect(session.draft("2")).toBe("a + 2");
    expect(runtimes[0]?.calls.at(-1)).toBe("update:2:a + 1");
    session.redo();
    expect(session.cell("2")?.source).toBe("a + 2");
    expect(session.draft("2")).toBeUndefined();
  });

  it("has nothing to undo in preview (nothing was edited)", () => {
    const { session } = make();
    expect(session.undo()).toBe(false);
  });
});

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { NotebookSession } from "../../../src/app/notebook-session";
import { toStoredNotebook } from "../../../src/app/notebook-store";
import type { NotebookDoc } from "../../../src/notebook/document";
import { parseNotebook } from "../../../src/notebook/format";
import { decodeStructureHistory, encodeStructureHistory, STORED_HISTORY_STEPS, type StructureHistoryRecord } from "../../../src/notebook/structure-history";
import { QuietRuntime } from "../app/quiet-runtime";

/** Notebook 01 as shipped (a real notebook: 18 cells of real size). */
function notebook01(): NotebookDoc {
  const parsed = parseNotebook(readFileSync(resolve(import.meta.dirname, "../../../notebooks/01-overview.html"), "utf8"));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.doc;
}

function live(doc: NotebookDoc, history?: StructureHistoryRecord): NotebookSession {
  const steps = history ? decodeStructureHistory(history) : undefined;
  if (steps && !steps.ok) throw new Error(steps.error.message);
  const session = new NotebookSession({ doc, drafts: {}, inputs: {}, ...(steps ? { history: steps.value } : {}), createRuntime: () => new QuietRuntime() });
  void session.start();
  return session;
}

/** A JSON round trip, as IndexedDB's structured copy of our plain-JSON record and the journal do. */
function stored(record: unknown): unknown {
  return JSON.parse(JSON.stringify(record));
}

describe("the stored undo history", () => {
  it("keeps the last 50 steps of each side, and a reloaded session undoes them in order", () => {
    const doc = notebook01();
    const ids = doc.cells.map((c) => c.id);
    expect(ids.length).toBeGreaterThan(10);
    const session = live(doc);
    // 60 edits: add a cell and delete it again, 30 times (each a step).
    for (let i = 0; i < 30; i++) {
      session.addCell("md", ids[0]);
      const added = session.doc.cells[1]?.id ?? "";
      session.deleteCell(added);
    }
    // Then delete three real cells, and undo the last delete (one step on the redo side).
    for (const id of [ids[3], ids[4], ids[5]]) session.deleteCell(id ?? "");
    session.undo();
    const record = session.historyRecord();
    if (!record) throw new Error("no history after 63 edits");
    expect(record.past).toHaveLength(STORED_HISTORY_STEPS);
    expect(record.future).toHaveLength(1);

    // Reload: a fresh session from the saved document and the saved history.
    const reloaded = live(structuredClone(session.doc), stored(record) as StructureHistoryRecord);
    expect(reloaded.doc.cells.map((c) => c.id)).toEqual(ids.filter((id) => id !== ids[3] && id !== ids[4]));
    expect(reloaded.redoLabel).toBe("Delete cell");
    expect(reloaded.redo()).toBe(true);
    expect(reloaded.doc.cells.some((c) => c.id === ids[5])).toBe(false);
    expect(reloaded.undo()).toBe(true);
    expect(reloaded.undo()).toBe(true);
    expect(reloaded.undo()).toBe(true);
    // Both real deletes taken back: cells 4 and 5 are in their places with their source.
    expect(reloaded.doc.cells.map((c) => c.id)).toEqual(ids);
    expect(reloaded.doc.cells[3]).toEqual(doc.cells[3]);
    // 50 steps in all: the 47 left are add/delete pairs; then nothing more.
    let more = 0;
    while (reloaded.undo()) more++;
    expect(more).toBe(STORED_HISTORY_STEPS - 3 + 1 /* the redone step went back onto the undo side */);
  });

  it("stores each distinct cell once: 50 steps of notebook 01 weigh a few notebooks, not fifty", () => {
    const doc = notebook01();
    const session = live(doc);
    for (let i = 0; i < STORED_HISTORY_STEPS; i++) session.moveCell(doc.cells[2]?.id ?? "", i % 2 === 0 ? 1 : -1);
    const record = session.historyRecord();
    if (!record) throw new Error("no history");
    const docChars = JSON.stringify(doc.cells).length;
    const recordChars = JSON.stringify(record).length;
    expect(record.pool).toHaveLength(doc.cells.length);
    // Unpooled, 50 snapshots of the cells would be 50 × docChars; pooled, the cells once plus 50
    // short lists of indexes (measured: 12,019 characters against 5,133 for the cells).
    expect(recordChars).toBeLessThan(3 * docChars);
  });

  it("refuses a damaged record as a whole, with a message that says the notebook opens without it", () => {
    const good = encodeStructureHistory({
      past: [{ label: "Delete cell", state: { title: "T", cells: [{ id: "1", kind: "js", source: "1" }, { id: "2", kind: "md", source: "# x" }], drafts: { "2": "# y" }, cell: "2" } }],
      future: [],
    });
    expect(decodeStructureHistory(stored(good))).toMatchObject({ ok: true });
    const damaged: Record<string, unknown> = {
      "not an object": "history",
      "another version": { ...good, v: 2 },
      "no pool": { ...good, pool: undefined },
      "an index past the pool": { ...good, past: [{ ...good.past[0], cells: [0, 7] }] },
      "a fractional index": { ...good, past: [{ ...good.past[0], cells: [0.5] }] },
      "the same cell twice in a step": { ...good, past: [{ ...good.past[0], cells: [0, 0] }] },
      "a cell of an unknown kind": { ...good, pool: [{ id: "1", kind: "exe", source: "1" }, good.pool[1]] },
      "a cell without source": { ...good, pool: [{ id: "1", kind: "js" }, good.pool[1]] },
      "a draft that is not text": { ...good, past: [{ ...good.past[0], drafts: { "2": 5 } }] },
      "a label that is not text": { ...good, past: [{ ...good.past[0], label: null }] },
      "a cell name that is not text": { ...good, past: [{ ...good.past[0], cell: 2 }] },
      "a future that is not a list": { ...good, future: {} },
    };
    for (const [what, value] of Object.entries(damaged)) {
      const decoded = decodeStructureHistory(value);
      expect(decoded.ok, what).toBe(false);
      if (!decoded.ok) {
        expect(decoded.error.kind).toBe("history");
        expect(decoded.error.message).toMatch(/dropped: the notebook opens as it was saved, and Undo starts from here/);
      }
    }
  });

  it("opens a stored notebook whose history is damaged without the history, and says why", () => {
    const doc = notebook01();
    const record = {
      key: "bundled:01-overview",
      doc,
      drafts: {},
      inputs: {},
      origin: { kind: "bundled", name: "01-overview" },
      updatedAt: 5,
      history: { v: 1, pool: [{ id: "1", kind: "js", source: "x" }], past: [{ label: "Delete cell", title: "T", cells: [3], drafts: {} }], future: [] },
    };
    const read = toStoredNotebook(stored(record));
    expect(read?.doc.cells).toHaveLength(doc.cells.length);
    expect(read?.history).toBeUndefined();
    expect(read?.historyProblem?.message).toMatch(/^The undo history saved with this notebook could not be read \(step 1 points at a cell that is not there\)/);
    // And a sound one is read back as it was written.
    const session = live(doc);
    session.deleteCell(doc.cells[1]?.id ?? "");
    const history = session.historyRecord();
    const sound = toStoredNotebook(stored({ ...record, doc: session.doc, history }));
    expect(sound?.historyProblem).toBeUndefined();
    expect(sound?.history).toEqual(history);
  });
});

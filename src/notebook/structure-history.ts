/**
 * The undo history of a notebook's structure, as it is kept with the notebook in the browser's
 * storage so that Ctrl-Z still works after a reload.
 *
 * Stored compactly: every step of the history is a whole snapshot of the cells, but consecutive
 * snapshots share almost all of them (a delete changes one cell). The record keeps each distinct
 * cell once in a pool and each step as indexes into it, so 50 steps of a 40-cell notebook weigh
 * about one notebook, not fifty. Only the last `STORED_HISTORY_STEPS` steps on each side are kept.
 *
 * What storage hands back is untrusted like every other stored input: `decodeStructureHistory`
 * rebuilds each snapshot and checks it as a notebook's cells are checked (share-codec's
 * `validatePayload`: kinds, text, unique ids), and a record that fails is refused as a whole with a
 * Problem — the caller drops the history, says so, and opens the notebook without it.
 */
import { ok, problem, type Problem, type Result } from "../base/result";
import type { CellDoc } from "./document";
import type { HistoryStep } from "./edit-history";
import { validatePayload } from "./share-codec";
import { isRecord, isStringRecord } from "../base/guards";

/** What one step of the structure history holds: the document's title and cells, and the drafts. */
export interface StructureSnapshot {
  title: string;
  cells: CellDoc[];
  /** Cell id → editor text not yet run, at the time of the step. */
  drafts: Record<string, string>;
  /** The cell the edit concerned (focus follows it after an undo). */
  cell?: string;
}

/** Both sides of a history: the steps Undo takes back (oldest first) and those Redo does again. */
export interface StructureSteps {
  past: HistoryStep<StructureSnapshot>[];
  future: HistoryStep<StructureSnapshot>[];
}

/** One step in a stored record: the cells as indexes into the record's pool. */
export interface StoredStructureStep {
  label: string;
  title: string;
  cells: number[];
  drafts: Record<string, string>;
  cell?: string;
}

/** The stored form of {@link StructureSteps} (plain JSON). */
export interface StructureHistoryRecord {
  v: 1;
  /** Every distinct cell of the steps, once. */
  pool: CellDoc[];
  past: StoredStructureStep[];
  future: StoredStructureStep[];
}

/** How many steps on each side (undo, redo) are kept with a stored notebook. */
export const STORED_HISTORY_STEPS = 50;

/** Why a stored history was not taken. */
export type HistoryProblem = Problem<"history">;

/** The stored record of `steps`: the newest `limit` steps of each side, cells pooled. */
export function encodeStructureHistory(steps: StructureSteps, limit = STORED_HISTORY_STEPS): StructureHistoryRecord {
  const pool: CellDoc[] = [];
  const index = new Map<string, number>();
  // A cell object met before is the same cell: its JSON is not written again. Steps read from a
  // record share their pool's objects (decodeStructureHistory), and a record's steps may all name
  // every cell of its pool, so without this a 10 MB history cost its steps × 10 MB of JSON.
  const seen = new Map<CellDoc, number>();
  const cellIndex = (cell: CellDoc): number => {
    const known = seen.get(cell);
    if (known !== undefined) return known;
    // Cells are equal when they would serialise the same; JSON of the cell is that test.
    const key = JSON.stringify(cell);
    let at = index.get(key);
    if (at === undefined) {
      at = pool.push(structuredClone(cell)) - 1;
      index.set(key, at);
    }
    seen.set(cell, at);
    return at;
  };
  const encode = (step: HistoryStep<StructureSnapshot>): StoredStructureStep => {
    const out: StoredStructureStep = { label: step.label, title: step.state.title, cells: step.state.cells.map(cellIndex), drafts: { ...step.state.drafts } };
    if (step.state.cell !== undefined) out.cell = step.state.cell;
    return out;
  };
  // Undo takes from the end of `past` and Redo from the end of `future`: the ends are the newest.
  return { v: 1, pool, past: steps.past.slice(-limit).map(encode), future: steps.future.slice(-limit).map(encode) };
}

function refused(detail: string): Result<never, HistoryProblem> {
  return problem("history", `The undo history saved with this notebook could not be read (${detail}), so it was dropped: the notebook opens as it was saved, and Undo starts from here.`);
}

/**
 * Rebuild the steps of a stored record (from IndexedDB, the unload journal or the frame), checking
 * every field; `limit` steps per side at most (older ones are dropped, not refused).
 */
export function decodeStructureHistory(value: unknown, limit = STORED_HISTORY_STEPS): Result<StructureSteps, HistoryProblem> {
  if (!isRecord(value) || value.v !== 1) return refused("it is not a history this version of Tverrsnitt writes");
  const { pool, past, future } = value;
  if (!Array.isArray(pool) || !Array.isArray(past) || !Array.isArray(future)) return refused("a part of it is missing");
  // Each pool cell is checked and rebuilt once, and every step naming it shares that one object:
  // checked per step, a record whose 100 steps each name all of a 10 MB pool cost 100 × 10 MB.
  const checkedPool = new Map<number, CellDoc | undefined>();
  const poolCell = (at: number): CellDoc | undefined => {
    if (!checkedPool.has(at)) {
      // The same check as a notebook's own cells get: kinds, text, attributes.
      const checked = validatePayload({ doc: { title: "", cells: [pool[at]] } });
      checkedPool.set(at, checked.ok ? checked.value.doc.cells[0] : undefined);
    }
    return checkedPool.get(at);
  };
  const decodeSide = (side: unknown[]): Result<HistoryStep<StructureSnapshot>[], HistoryProblem> => {
    const steps: HistoryStep<StructureSnapshot>[] = [];
    for (const [n, raw] of side.slice(-limit).entries()) {
      if (!isRecord(raw) || typeof raw.label !== "string" || typeof raw.title !== "string" || !Array.isArray(raw.cells) || !isStringRecord(raw.drafts)) {
        return refused(`step ${n + 1} is not a step`);
      }
      if (raw.cell !== undefined && typeof raw.cell !== "string") return refused(`step ${n + 1} names its cell wrongly`);
      const cells: CellDoc[] = [];
      const ids = new Set<string>();
      for (const at of raw.cells) {
        if (typeof at !== "number" || !Number.isInteger(at) || at < 0 || at >= pool.length) return refused(`step ${n + 1} points at a cell that is not there`);
        const cell = poolCell(at);
        // A notebook's cells have unique ids, as validatePayload requires of a document.
        if (cell === undefined || ids.has(cell.id)) return refused(`the cells of step ${n + 1} are not a notebook's cells`);
        ids.add(cell.id);
        cells.push(cell);
      }
      const state: StructureSnapshot = { title: raw.title, cells, drafts: { ...raw.drafts } };
      if (typeof raw.cell === "string") state.cell = raw.cell;
      steps.push({ label: raw.label, state });
    }
    return ok(steps);
  };
  const pastSteps = decodeSide(past);
  if (!pastSteps.ok) return pastSteps;
  const futureSteps = decodeSide(future);
  if (!futureSteps.ok) return futureSteps;
  return ok({ past: pastSteps.value, future: futureSteps.value });
}

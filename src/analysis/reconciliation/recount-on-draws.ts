/**
 * Reconciled figures recounted on every reconstruction by the residual engine itself — for the
 * figures the printed tables' comparison does not recount: running-text statements on combined
 * codes ("1+2", "2+3"), age bands, and derived variables ("three or more of the six"). Each draw's
 * value is the engine's own (same rounding, same base), so the class is the figure's, not borrowed.
 *
 * Surprising: over plain records the engine costs about 0.2 s per draw for all 727 figures. Here
 * only the rows that need it are recounted, from the code counts the comparison's frame counter
 * already keeps per selection view (derived variables made once per draw as columns and counted
 * here), so a recount is mostly arithmetic on counts that were there.
 */
import type { PrintedRow, PrintedTable } from "../../data/printed-tables";
import type { Respondents } from "../../data/respondents";
import { rowResiduals, type CellResidual, type MissingCodes } from "../../data/residuals";
import { MODEL_STATUS_VARIABLES } from "../../data/six-models";
import { frameOf, type Frame } from "../../stats/index";
import { selectionCounter } from "../evidence/frame-counter";
import type { FilteredSurvey } from "../apply-filter";
import type { ReconciledCell } from "./reconcile";
import type { Steps } from "../../base/run-steps";

/** The variables the text figures derive from the six models and q28 (as `withDerived` adds them to records). */
const DERIVED = new Set(["n_models_adopted", "any_six_adopted", "any_model_adopted"]);

/** Per reconstruction's table: its derived columns over every backing row, made once (a draw never changes). */
const derivedOf = new WeakMap<object, Map<string, Float64Array>>();

/** `withDerived`'s three variables as columns of `frame`'s backing rows. */
function derivedColumns(key: object, frame: Frame): Map<string, Float64Array> {
  const known = derivedOf.get(key);
  if (known) return known;
  const six = MODEL_STATUS_VARIABLES.filter((v) => frame.has(v)).map((v) => frame.column(v));
  const q28 = frame.names().filter((n) => n.startsWith("q28_")).map((n) => frame.column(n));
  const n = new Float64Array(frame.totalRows);
  const anySix = new Float64Array(frame.totalRows);
  const anyModel = new Float64Array(frame.totalRows);
  for (let r = 0; r < frame.totalRows; r++) {
    let k = 0;
    for (const c of six) if (c[r] === 1) k++;
    n[r] = k;
    anySix[r] = k > 0 ? 1 : 0;
    anyModel[r] = k > 0 || q28.some((c) => c[r] === 1) ? 1 : 0;
  }
  const made = new Map([["n_models_adopted", n], ["any_six_adopted", anySix], ["any_model_adopted", anyModel]]);
  derivedOf.set(key, made);
  return made;
}

/** A draw's selected respondents: counts from the frame counter the printed tables' comparison shares (derived variables counted here). */
function respondentsOf(draw: FilteredSurvey): Respondents {
  const frame = frameOf(draw.view);
  const counter = selectionCounter(draw);
  return {
    codes: (variable, where) => {
      if (!where.every((w) => frame.has(w.variable))) return { counts: new Map(), total: 0 };
      if (!DERIVED.has(variable)) return frame.has(variable) ? counter.codes(variable, where) : undefined;
      const values = derivedColumns(draw.survey.table, frame).get(variable) ?? new Float64Array();
      const tests = where.map((w) => ({ column: frame.column(w.variable), codes: w.codes }));
      const counts = new Map<number, number>();
      let total = 0;
      for (let i = 0; i < frame.n; i++) {
        const r = frame.rows ? (frame.rows[i] ?? 0) : i;
        if (!tests.every((t) => t.codes.includes(t.column[r] ?? Number.NaN))) continue;
        total++;
        const v = values[r] ?? 0;
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      return { counts, total };
    },
  };
}

/** One printed row to recount, with the reconciled cells that need a value per draw. */
export interface RecountRow {
  table: PrintedTable;
  row: PrintedRow;
  variable: string;
  cells: readonly ReconciledCell[];
}

/** The printed row a reconciled cell was recounted from ("q3,q7,q12" rows hold each variable). */
export function printedRowOf(table: PrintedTable, cell: ReconciledCell): PrintedRow | undefined {
  return table.rows.find((r) => r.label === cell.row && r.variable.split(",").some((v) => v.trim() === cell.variable));
}

/**
 * Each row's recount per draw's counter — one per reconstruction table and filter conditions
 * (frame-counter.ts, `selectionCounter`): the same rows meet the same conditions in it whichever
 * selection asks, so going back to a filter seen before — "no filter" above all, which a spare
 * frame recounts before a notebook opens (evidence/warm-evidence.ts) — costs no loop over the
 * draws. (A table is one survey's, so one codebook's: `missing` is the same for every ask.)
 */
const recounts = new WeakMap<object, Map<string, CellResidual[]>>();

/**
 * The keys of `rows` in `recounts`, made once per list of rows and `subset`: the same list is asked
 * for on each of the fifty draws, and building the strings again per draw cost as much as a row's
 * lookup.
 */
const keysOf = new WeakMap<readonly RecountRow[], Map<boolean, string[]>>();

/** A row's key in `recounts`: the printed table, row and variable, and whether the count is of a subset. */
function recountKeys(rows: readonly RecountRow[], subset: boolean): string[] {
  let bySubset = keysOf.get(rows);
  if (!bySubset) keysOf.set(rows, (bySubset = new Map()));
  let keys = bySubset.get(subset);
  if (!keys) bySubset.set(subset, (keys = rows.map(({ table, row, variable }) => `${table.id}\u0000${row.label}\u0000${variable}\u0000${subset}`)));
  return keys;
}

/** Each row's recount in one draw (kept per draw's table and conditions), in the order of `rows`. */
export function recountDraw(rows: readonly RecountRow[], draw: FilteredSurvey, missing: MissingCodes, subset: boolean): CellResidual[][] {
  let who: Respondents | undefined;
  const counter = selectionCounter(draw);
  let kept = recounts.get(counter);
  if (!kept) recounts.set(counter, (kept = new Map()));
  const keys = recountKeys(rows, subset);
  return rows.map(({ table, row, variable }, i) => {
    const key = keys[i] ?? "";
    let res = kept.get(key);
    if (!res) {
      const allRows = table.kind === "multiple-response" ? table.rows : undefined;
      res = rowResiduals(table, row, (who ??= respondentsOf(draw)), missing, { allRows, variable, subset }) ?? [];
      kept.set(key, res);
    }
    return res;
  });
}

/**
 * Each cell's recomputed figure in every draw ([canonical, draw 1, …]); a cell the engine does not
 * give back in a draw reads null there. One step per draw.
 */
export function* recountOnDrawsSteps(rows: readonly RecountRow[], draws: readonly FilteredSurvey[], missing: MissingCodes, subset: boolean): Steps<Map<ReconciledCell, (number | null)[]>> {
  const values = new Map<ReconciledCell, (number | null)[]>();
  const lists: (number | null)[][][] = rows.map(({ cells }) => cells.map((cell) => {
    const list: (number | null)[] = [];
    values.set(cell, list);
    return list;
  }));
  // Where each cell's figure sat in its row's recount on the draw before: the engine lists a row's
  // figures in the same order on every draw, so this is almost always a hit, checked (code and
  // measure) before it is used and searched for when it is not.
  const at: number[][] = rows.map(({ cells }) => cells.map(() => 0));
  for (const draw of draws) {
    const results = recountDraw(rows, draw, missing, subset);
    rows.forEach(({ cells }, i) => {
      const res = results[i] ?? [];
      const guess = at[i] ?? [];
      const out = lists[i] ?? [];
      cells.forEach((cell, j) => {
        let k = guess[j] ?? 0;
        let hit = res[k];
        if (!hit || hit.code !== cell.code || hit.measure !== cell.measure) {
          k = res.findIndex((c) => c.code === cell.code && c.measure === cell.measure);
          hit = res[k];
          if (k >= 0) guess[j] = k;
        }
        out[j]?.push(hit ? hit.reconstructed : null);
      });
    });
    yield;
  }
  return values;
}

/**
 * Reconciled figures recounted on every reconstruction by the residual engine itself — for the
 * figures the printed tables' comparison does not recount: running-text statements on combined
 * codes ("1+2", "2+3"), age bands, and derived variables ("three or more of the six"). Each draw's
 * value is the engine's own (same rounding, same base), so the class is the figure's, not borrowed.
 *
 * Surprising: over plain records the engine costs about 0.2 s per draw for all 727 figures. Here
 * each printed table is compiled once (`planOf`: every row's recount from data/residuals.ts,
 * `rowRecount`), each draw's codes are counted straight from its typed columns (derived variables
 * made once per draw as columns), and a table's figures on a draw are one Float64Array kept per
 * draw's counter — so the fifty draws of a filter cost a loop over counts and no result objects,
 * and a filter seen before costs nothing (issue 12).
 */
import type { PrintedRow, PrintedTable } from "../../data/printed-tables";
import type { Respondents } from "../../data/respondents";
import { cellResidual, rowRecount, type CellResidual, type MissingCodes, type RowRecount } from "../../data/residuals";
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

/** Per reconstruction's table: each column the recount reads, looked up once (null: the table has none). */
const columnsOf = new WeakMap<object, Map<string, Float64Array | null>>();

/** Codes 0–255 are counted in an array, shared by every count (counting is synchronous) and left all zero after each. */
const DENSE = 256;
const tally = new Float64Array(DENSE);

/**
 * A draw's selected respondents as counts, straight from the typed columns of its reconstruction
 * (derived variables made once per draw as columns). Each (variable, base) is counted once per
 * draw and filter, and the figures made from the counts are kept (`drawFigures`), so nothing here
 * is kept: a column lookup and a loop over the draw's selected rows per ask, no keys built.
 */
function respondentsOf(draw: FilteredSurvey): Respondents {
  const frame = frameOf(draw.view);
  const table: object = draw.survey.table;
  let known = columnsOf.get(table);
  if (!known) columnsOf.set(table, (known = new Map()));
  const columns = known;
  const column = (name: string): Float64Array | undefined => {
    let c = columns.get(name);
    if (c === undefined) columns.set(name, (c = frame.has(name) ? frame.column(name) : null));
    return c ?? undefined;
  };
  const rows = frame.rows;
  const n = frame.n;
  return {
    codes: (variable, where) => {
      const tests: { column: Float64Array; codes: readonly number[] }[] = [];
      for (const w of where) {
        const c = column(w.variable);
        if (!c) return { counts: new Map(), total: 0 };
        tests.push({ column: c, codes: w.codes });
      }
      const values = DERIVED.has(variable) ? derivedColumns(table, frame).get(variable) : column(variable);
      if (!values) return undefined;
      const touched: number[] = [];
      const counts = new Map<number, number>();
      let total = 0;
      rows: for (let i = 0; i < n; i++) {
        const r = rows ? (rows[i] ?? 0) : i;
        for (const test of tests) if (!test.codes.includes(test.column[r] ?? Number.NaN)) continue rows;
        total++;
        const v = values[r] ?? Number.NaN;
        if (v >= 0 && v < DENSE && (v | 0) === v) {
          if (tally[v] === 0) touched.push(v);
          tally[v] = (tally[v] ?? 0) + 1;
        } else if (!Number.isNaN(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      for (const v of touched) {
        counts.set(v, tally[v] ?? 0);
        tally[v] = 0;
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

/**
 * One printed table compiled for recounting: each row and variable as `reconcile` walks them, with
 * where its figures sit in the table's list of figures.
 */
export interface TablePlan {
  readonly rows: readonly { readonly label: string; readonly variable: string; readonly recount: RowRecount; readonly at: number }[];
  /** Figures in all. */
  readonly size: number;
  /** A figure's place by row label, variable, code and measure (the first such). */
  readonly index: ReadonlyMap<string, number>;
}

/** A figure's key in `TablePlan.index`. */
export function figureKey(c: Pick<CellResidual, "row" | "variable" | "code" | "measure">): string {
  return `${c.row}\u0000${c.variable}\u0000${String(c.code)}\u0000${c.measure}`;
}

/** Plans by table and subset (a printed table never changes). */
const plans = new WeakMap<PrintedTable, Map<boolean, TablePlan>>();

/** `table` compiled for recounting a subset (a filter) or all respondents. */
export function planOf(table: PrintedTable, subset: boolean): TablePlan {
  let bySubset = plans.get(table);
  if (!bySubset) plans.set(table, (bySubset = new Map()));
  const known = bySubset.get(subset);
  if (known) return known;
  const rows: TablePlan["rows"][number][] = [];
  const index = new Map<string, number>();
  let size = 0;
  for (const row of table.rows) {
    for (const variable of row.variable.split(",").map((v) => v.trim())) {
      const recount = rowRecount(table, row, { allRows: table.kind === "multiple-response" ? table.rows : undefined, variable, subset });
      if (!recount) continue;
      rows.push({ label: row.label, variable, recount, at: size });
      recount.shapes.forEach((shape, i) => {
        const key = figureKey(shape);
        if (!index.has(key)) index.set(key, size + i);
      });
      size += recount.shapes.length;
    }
  }
  const plan = { rows, size, index };
  bySubset.set(subset, plan);
  return plan;
}

/**
 * Each table's figures per draw's counter — one per reconstruction table and filter conditions
 * (frame-counter.ts, `selectionCounter`): the same rows meet the same conditions in it whichever
 * selection asks, so going back to a filter seen before — "no filter" above all, which a spare
 * frame recounts before a notebook opens (evidence/warm-evidence.ts) — costs no loop over the
 * draws. NaN where the draw does not give a row back. (A table is one survey's, so one codebook's:
 * `missing` is the same for every ask.)
 */
const recounts = new WeakMap<object, WeakMap<TablePlan, Float64Array>>();

/** Every figure of `plan` recounted on `draw` (NaN: the row is not given back there), kept per draw's counter. */
export function drawFigures(plan: TablePlan, draw: FilteredSurvey, missing: MissingCodes): Float64Array {
  return figuresOfDraw(draw).figures(plan, missing);
}

/** A draw's figures by plan, and its respondents when a plan is first recounted there. */
interface DrawFigures {
  figures(plan: TablePlan, missing: MissingCodes): Float64Array;
}

/**
 * Per draw (a selection object, made once per filter): its figures, found through its counter once
 * rather than once per table (the counter's key is built from the filter's conditions).
 */
const ofDraw = new WeakMap<FilteredSurvey, DrawFigures>();

function figuresOfDraw(draw: FilteredSurvey): DrawFigures {
  const known = ofDraw.get(draw);
  if (known) return known;
  const counter = selectionCounter(draw);
  let kept = recounts.get(counter);
  if (!kept) recounts.set(counter, (kept = new WeakMap()));
  const byPlan = kept;
  let who: Respondents | undefined;
  const made: DrawFigures = {
    figures: (plan, missing) => {
      const done = byPlan.get(plan);
      if (done) return done;
      const values = new Float64Array(plan.size).fill(Number.NaN);
      who ??= respondentsOf(draw);
      for (const { recount, at } of plan.rows) recount.figures(who, missing, values, at);
      byPlan.set(plan, values);
      return values;
    },
  };
  ofDraw.set(draw, made);
  return made;
}

/** Each row's recount in one draw (kept per draw's table and conditions), in the order of `rows`. */
export function recountDraw(rows: readonly RecountRow[], draw: FilteredSurvey, missing: MissingCodes, subset: boolean): CellResidual[][] {
  return rows.map(({ table, row, variable }) => {
    const plan = planOf(table, subset);
    const entry = plan.rows.find((r) => r.label === row.label && r.variable === variable);
    if (!entry) return [];
    const values = drawFigures(plan, draw, missing);
    const { shapes } = entry.recount;
    if (shapes.length > 0 && Number.isNaN(values[entry.at] ?? Number.NaN)) return [];
    return shapes.map((shape, i) => cellResidual(shape, values[entry.at + i] ?? Number.NaN));
  });
}

/**
 * Each cell's recomputed figure in every draw ([canonical, draw 1, …]); a cell the engine does not
 * give back in a draw reads null there. One step per draw.
 */
export function* recountOnDrawsSteps(rows: readonly Pick<RecountRow, "table" | "cells">[], draws: readonly FilteredSurvey[], missing: MissingCodes, subset: boolean): Steps<Map<ReconciledCell, (number | null)[]>> {
  const values = new Map<ReconciledCell, (number | null)[]>();
  // Each cell's place in its table's figures, found once for all draws.
  const places: { plan: TablePlan; cells: { at: number; list: (number | null)[] }[] }[] = [];
  const byPlan = new Map<TablePlan, (typeof places)[number]>();
  for (const { table, cells } of rows) {
    const plan = planOf(table, subset);
    let place = byPlan.get(plan);
    if (!place) byPlan.set(plan, (place = { plan, cells: [] }));
    for (const cell of cells) {
      const list: (number | null)[] = [];
      values.set(cell, list);
      place.cells.push({ at: plan.index.get(figureKey(cell)) ?? -1, list });
    }
  }
  places.push(...byPlan.values());
  for (const draw of draws) {
    for (const { plan, cells } of places) {
      const figures = drawFigures(plan, draw, missing);
      for (const { at, list } of cells) {
        const v = at < 0 ? Number.NaN : (figures[at] ?? Number.NaN);
        list.push(Number.isNaN(v) ? null : v);
      }
    }
    yield;
  }
  return values;
}

/**
 * Reconciled figures recounted on every reconstruction by the residual engine itself — for the
 * figures the printed tables' comparison does not recount: running-text statements on combined
 * codes ("1+2", "2+3"), age bands, and derived variables ("three or more of the six"). Each draw's
 * value is the engine's own (same rounding, same base), so the class is the figure's, not borrowed.
 *
 * Surprising: over plain records the engine costs about 0.2 s per draw for all 727 figures. Here
 * each printed table is compiled once (`planOf`: every row's recount from data/residuals.ts,
 * `rowRecount`), and the draw's whole print is recounted at once by one compiled plan
 * (recount-plan.ts: each base restriction's respondents found once, each variable counted once
 * into a histogram from the draw's typed columns, derived variables made once per reconstruction
 * as columns). A table's figures on a draw are a view of that one Float64Array, kept per draw's
 * counter — so the fifty draws of a filter cost a few loops over the selected rows and no result
 * objects, and a filter seen before costs nothing (issue 12).
 */
import type { PrintedRow, PrintedTable } from "../../data/printed-tables";
import { cellResidual, rowRecount, type CellResidual, type MissingCodes, type RowRecount } from "../../data/residuals";
import { compileRecountPlan, recountWithPlan, type DrawColumns, type RecountPlan } from "./recount-plan";
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

/**
 * A draw's columns as the compiled recount reads them, looked up once per reconstruction table:
 * a base restriction's column as the frame has it, a counted variable with the derived ones.
 */
function columnsOfDraw(draw: FilteredSurvey): DrawColumns {
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
  return {
    key: table,
    values: (variable) => (DERIVED.has(variable) ? derivedColumns(table, frame).get(variable) : column(variable)),
    where: column,
    rows: frame.rows,
    n: frame.n,
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
  readonly table: PrintedTable;
  /** Each printed row's entry in `rows` by variable (a row without a recount has none). */
  readonly byRow: ReadonlyMap<PrintedRow, ReadonlyMap<string, TablePlan["rows"][number]>>;
  /** Compiled for a subset (a filter) or all respondents. */
  readonly subset: boolean;
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

/** Table plans and print plans compiled so far (for tests: the work ahead leaves none to a filter change). */
export const compiled = { tables: 0, prints: 0 };

/** Plans by table and subset (a printed table never changes). */
const plans = new WeakMap<PrintedTable, Map<boolean, TablePlan>>();

/** `table` compiled for recounting a subset (a filter) or all respondents. */
export function planOf(table: PrintedTable, subset: boolean): TablePlan {
  let bySubset = plans.get(table);
  if (!bySubset) plans.set(table, (bySubset = new Map()));
  const known = bySubset.get(subset);
  if (known) return known;
  compiled.tables++;
  const rows: TablePlan["rows"][number][] = [];
  const index = new Map<string, number>();
  const byRow = new Map<PrintedRow, Map<string, TablePlan["rows"][number]>>();
  let size = 0;
  for (const row of table.rows) {
    for (const variable of row.variable.split(",").map((v) => v.trim())) {
      const recount = rowRecount(table, row, { allRows: table.kind === "multiple-response" ? table.rows : undefined, variable, subset });
      if (!recount) continue;
      const entry = { label: row.label, variable, recount, at: size };
      rows.push(entry);
      let ofRow = byRow.get(row);
      if (!ofRow) byRow.set(row, (ofRow = new Map()));
      if (!ofRow.has(variable)) ofRow.set(variable, entry);
      recount.shapes.forEach((shape, i) => {
        const key = figureKey(shape);
        if (!index.has(key)) index.set(key, size + i);
      });
      size += recount.shapes.length;
    }
  }
  const plan = { table, byRow, subset, rows, size, index };
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

/** A draw's figures by plan. */
interface DrawFigures {
  figures(plan: TablePlan, missing: MissingCodes): Float64Array;
  /** The figures of `plan` if recounted already. */
  kept(plan: TablePlan): Float64Array | undefined;
}

/** Printed tables compiled together: one recount plan, and where each table's figures sit in it. */
interface PrintPlan {
  readonly recount: RecountPlan;
  readonly tables: readonly { readonly plan: TablePlan; readonly from: number }[];
  readonly has: ReadonlySet<TablePlan>;
}

/** Print plans by list of printed tables (the survey's, or one table alone) and subset. */
const printPlans = new WeakMap<readonly PrintedTable[], Map<boolean, PrintPlan>>();
/** A table asked alone (not in its draw's print): the list of it, kept so its plan is compiled once. */
const alone = new WeakMap<PrintedTable, readonly PrintedTable[]>();

/** Every recountable table of `tables` compiled into one plan (a printed table never changes). */
function printPlanOf(tables: readonly PrintedTable[], subset: boolean): PrintPlan {
  let bySubset = printPlans.get(tables);
  if (!bySubset) printPlans.set(tables, (bySubset = new Map()));
  const known = bySubset.get(subset);
  if (known) return known;
  compiled.prints++;
  const placed: PrintPlan["tables"][number][] = [];
  const rows: { spec: RowRecount["spec"]; at: number }[] = [];
  let size = 0;
  for (const table of tables) {
    if (table.kind === "list") continue;
    const plan = planOf(table, subset);
    placed.push({ plan, from: size });
    for (const { recount, at } of plan.rows) rows.push({ spec: recount.spec, at: size + at });
    size += plan.size;
  }
  const made = { recount: compileRecountPlan(rows, size), tables: placed, has: new Set(placed.map((p) => p.plan)) };
  bySubset.set(subset, made);
  return made;
}

/**
 * `print` (a survey's printed tables) compiled for recounting `subset` ahead of the first recount
 * that needs it, in steps: each table's plan a step, then the print's one plan of them all a step
 * of its own. Compiled in the first draw's step, the plans were the larger part of it (a spare
 * frame's work ahead, warm-evidence.ts, unfiltered); compiled in 04's first filter change, they
 * were 5–8 ms of `rec`'s run in the input's task, which a second change does not pay
 * (evidence/warm-counties.ts compiles them for a subset once 04 has settled). A step for a plan
 * compiled already does nothing.
 */
export function printPlanSteps(print: readonly PrintedTable[], subset: boolean): (() => void)[] {
  // Lists too: `reconcile` asks each table for its plan, a list's has no rows.
  return [...print.map((t) => () => void planOf(t, subset)), () => void printPlanOf(print, subset)];
}

/** The print plan holding `plan`: its draw's whole print when the table is in it, else the table alone. */
function printPlanFor(plan: TablePlan, draw: FilteredSurvey): PrintPlan {
  const print = draw.survey.printed?.tables;
  if (print) {
    const whole = printPlanOf(print, plan.subset);
    if (whole.has.has(plan)) return whole;
  }
  let list = alone.get(plan.table);
  if (!list) alone.set(plan.table, (list = [plan.table]));
  return printPlanOf(list, plan.subset);
}

/**
 * Per draw (a selection object, made once per filter): its figures, found through its counter once
 * rather than once per table (the counter's key is built from the filter's conditions). The first
 * table asked recounts its draw's whole print in one compiled pass (`recount-plan.ts`): the summary
 * asks for every table, and a filter's figures are asked for table after table.
 */
const ofDraw = new WeakMap<FilteredSurvey, DrawFigures>();

/** Printed rows recounted on a draw so far, whole prints and rows alone together (for tests). */
export const recountStats = { rows: 0 };

function figuresOfDraw(draw: FilteredSurvey): DrawFigures {
  const known = ofDraw.get(draw);
  if (known) return known;
  const counter = selectionCounter(draw);
  let kept = recounts.get(counter);
  if (!kept) recounts.set(counter, (kept = new WeakMap()));
  const byPlan = kept;
  const made: DrawFigures = {
    figures: (plan, missing) => {
      const done = byPlan.get(plan);
      if (done) return done;
      const print = printPlanFor(plan, draw);
      const values = new Float64Array(print.recount.size).fill(Number.NaN);
      recountWithPlan(print.recount, columnsOfDraw(draw), missing, values);
      recountStats.rows += print.recount.rows;
      for (const { plan: p, from } of print.tables) if (!byPlan.has(p)) byPlan.set(p, values.subarray(from, from + p.size));
      return byPlan.get(plan) ?? values;
    },
    kept: (plan) => byPlan.get(plan),
  };
  ofDraw.set(draw, made);
  return made;
}

/**
 * Each printed row's figures on `draw` as the record path gives them (`rowResiduals` on its
 * respondents as plain records), from the compiled recount: for `reconcile` on a selection with
 * respondents (a selection of none carries no variable on the record path; reconcile its records).
 * The selection is its own first draw, so its recount is the one the evidence then reads.
 */
export function selectionFigures(draw: FilteredSurvey, missing: MissingCodes, subset: boolean): (table: PrintedTable, row: PrintedRow, variable: string) => CellResidual[] | null {
  const columns = columnsOfDraw(draw);
  return (table, row, variable) => {
    const plan = planOf(table, subset);
    const entry = plan.byRow.get(row)?.get(variable);
    if (!entry) return null;
    const { shapes } = entry.recount;
    if (shapes.length === 0) return columns.values(variable) ? [] : null;
    const values = drawFigures(plan, draw, missing);
    // A carried variable gives every figure a number; NaN: the draw does not carry it.
    if (Number.isNaN(values[entry.at] ?? Number.NaN)) return null;
    return shapes.map((shape, i) => cellResidual(shape, values[entry.at + i] ?? Number.NaN));
  };
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

/** Cells of one printed table to recount: each one's place in the table's figures, and its list of values per draw. */
interface CellPlaces {
  plan: TablePlan;
  cells: { at: number; list: (number | null)[] }[];
}

/**
 * A table's figures on a draw, from a plan of only the printed rows that hold `places`' cells
 * (about a tenth of the print for 04's flagged table) — laid out as `drawFigures` lays them out, so
 * a cell reads the same index, every other figure NaN — or the draw's whole print where that is
 * kept already. A row's figures do not depend on the rows planned with it (each counts its own
 * variable under its own base restriction), so each cell's value is the whole recount's. Not kept:
 * the whole recount, which keeps every table, is made later for the other views.
 */
function rowsAlone(places: readonly CellPlaces[], missing: MissingCodes): (plan: TablePlan, draw: FilteredSurvey) => Float64Array {
  const from = new Map<TablePlan, number>();
  const rows: { spec: RowRecount["spec"]; at: number }[] = [];
  let size = 0;
  for (const { plan, cells } of places) {
    from.set(plan, size);
    for (const { recount, at } of plan.rows) {
      const end = at + recount.shapes.length;
      if (cells.some((c) => c.at >= at && c.at < end)) rows.push({ spec: recount.spec, at: size + at });
    }
    size += plan.size;
  }
  let recount: RecountPlan | undefined;
  const out = new Float64Array(size);
  let last: FilteredSurvey | undefined;
  return (plan, draw) => {
    const kept = figuresOfDraw(draw).kept(plan);
    if (kept) return kept;
    if (draw !== last) {
      out.fill(Number.NaN);
      recountWithPlan((recount ??= compileRecountPlan(rows, size)), columnsOfDraw(draw), missing, out);
      recountStats.rows += recount.rows;
      last = draw;
    }
    const at = from.get(plan) ?? 0;
    return out.subarray(at, at + plan.size);
  };
}

/**
 * Each cell's recomputed figure in every draw ([canonical, draw 1, …]); a cell the engine does not
 * give back in a draw reads null there. One step per draw. `alone`: only the printed rows holding
 * the cells are recounted, unless a draw's whole print is kept already (`rowsAlone`) — for a view
 * of a few figures that should not wait for all of them; otherwise each draw's whole print is
 * recounted once and kept (`drawFigures`).
 */
export function* recountOnDrawsSteps(rows: readonly Pick<RecountRow, "table" | "cells">[], draws: readonly FilteredSurvey[], missing: MissingCodes, subset: boolean, alone = false): Steps<Map<ReconciledCell, (number | null)[]>> {
  const values = new Map<ReconciledCell, (number | null)[]>();
  // Each cell's place in its table's figures, found once for all draws.
  const byPlan = new Map<TablePlan, CellPlaces>();
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
  const places = [...byPlan.values()];
  const figuresOn = alone ? rowsAlone(places, missing) : (plan: TablePlan, draw: FilteredSurvey) => drawFigures(plan, draw, missing);
  for (const draw of draws) {
    for (const { plan, cells } of places) {
      const figures = figuresOn(plan, draw);
      for (const { at, list } of cells) {
        const v = at < 0 ? Number.NaN : (figures[at] ?? Number.NaN);
        list.push(Number.isNaN(v) ? null : v);
      }
    }
    yield;
  }
  return values;
}

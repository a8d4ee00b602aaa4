/**
 * Residuals: every printed figure of printed-tables.json recomputed from respondent records and
 * compared. A count is compared exactly; a percentage-only cell is compared after rounding to the
 * printed decimals on the row's percent base. A documented conflict is met when the record
 * reproduces its `resolved` value; the printed value then differs by design.
 */
import { decimalsOf, type BaseRestriction, type PrintedRow, type PrintedTable, type PrintedTables } from "./printed-tables";
import { recordRespondents, type CodeCounts, type Respondents } from "./respondents";
import { MODEL_STATUS_VARIABLES } from "./six-models";

/** A respondent as the residual check sees it: variable → code, or null when blank. */
export type RecordValues = Readonly<Record<string, number | null>>;

export interface CellResidual {
  table: string;
  row: string;
  variable: string;
  code: number | string;
  /** What is compared: the printed value, or the resolution when the cell is a documented conflict. */
  target: number;
  measure: "count" | "percent" | "total";
  reconstructed: number;
  /** reconstructed − target (0 when met; for percentages after rounding). */
  residual: number;
  conflict?: string;
  /** A running-text statement ("om lag", "i overkant av"): reported, not required to be exact. */
  soft?: boolean;
  ok: boolean;
}

/** Codebook missing codes per variable (user-missing, e.g. 9 "vet ikke", 5 for q30). */
export type MissingCodes = (variable: string) => readonly number[];

/** Derived variables the text figures use, added to every record before recounting. */
export function withDerived(rec: RecordValues): RecordValues {
  const six = MODEL_STATUS_VARIABLES.filter((v) => rec[v] === 1).length;
  const other = Object.keys(rec).some((k) => k.startsWith("q28_") && rec[k] === 1);
  return { ...rec, n_models_adopted: six, any_six_adopted: six > 0 ? 1 : 0, any_model_adopted: six > 0 || other ? 1 : 0 };
}

/** A printed category code's test, compiled once: recounting on fifty reconstructions asks millions of times. */
const matchers = new Map<string, (value: number) => boolean>();

/** The test of a printed category code: 3, "1+2" (either), "41-50" (range), "3+" (at least). */
function codeMatcher(code: string): (value: number) => boolean {
  let known = matchers.get(code);
  if (known) return known;
  const atLeast = /^(\d+)\+$/.exec(code);
  const range = /^(\d+)-(\d+)$/.exec(code);
  if (atLeast) {
    const min = Number(atLeast[1]);
    known = (v) => v >= min;
  } else if (range) {
    const [min, max] = [Number(range[1]), Number(range[2])];
    known = (v) => v >= min && v <= max;
  } else if (/^\d+(\+\d+)+$/.test(code)) {
    const codes = code.split("+").map(Number);
    known = (v) => codes.includes(v);
  } else known = () => false;
  matchers.set(code, known);
  return known;
}

/** Does a value match a printed category code: 3, "1+2" (either), "41-50" (range), "3+" (at least)? */
export function matchesCode(value: number | null | undefined, code: number | string): boolean {
  if (value === null || value === undefined) return false;
  if (typeof code === "number") return value === code;
  return codeMatcher(code)(value);
}

/** Round half-up to `decimals`, as the report's tables were rounded (the epsilon absorbs binary noise). */
export function roundHalfUp(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.floor(value * scale + 0.5 + 1e-9) / scale;
}

/** Rows whose every category is a code, a code list or a range (asked once per row, not per recount). */
const codedRows = new WeakMap<PrintedRow, boolean>();

function recountable(row: PrintedRow): boolean {
  let known = codedRows.get(row);
  if (known === undefined) {
    known = row.cells.length > 0 && row.cells.every((c) => typeof c.code === "number" || /^\d+((\+\d+)+|-\d+|\+)$/.test(c.code));
    codedRows.set(row, known);
  }
  return known;
}

/** How a row is recounted. */
export interface RowResidualOptions {
  /** Every row of a multiple-response table (its "% of answers" base counts the whole set). */
  allRows?: readonly PrintedRow[];
  /** The variable of a "q3,q7,q12" row to recount (default: the row's variable). */
  variable?: string;
  /**
   * The records are a subset of the 267 (a filter): a printed row total is then not this subset's
   * base, so a "row-total" percentage is taken of the subset's own row sum. Without this, Tabell
   * 2.9 under one county printed its percentages of the whole survey's 256 (3 % where 38 % was meant).
   */
  subset?: boolean;
}

/** A recounted figure without its value: what a row gives whatever the counts (table, row, cell, target, measure). */
export type CellShape = Omit<CellResidual, "reconstructed" | "residual" | "ok">;

/**
 * One printed row's recount for one variable, compiled once (issue 12: 04 recounts every printed
 * row on each of fifty reconstructions per filter change, and rebuilding the row's tests, closures
 * and result objects each time cost more than the arithmetic). `shapes` are the figures it gives, in
 * order; `figures` writes each one's recomputed value from `who`'s counts.
 */
export interface RowRecount {
  readonly shapes: readonly CellShape[];
  /** How the row is counted, as data (the typed-array plan of 04's recount compiles it). */
  readonly spec: RowSpec;
  /** Each shape's recomputed figure into `out` from `at`; false (nothing written) when `who` does not carry the variable. */
  figures(who: Respondents, missing: MissingCodes, out: { [i: number]: number }, at: number): boolean;
}

/**
 * A row's percent base, decided once from its table and print: the respondents meeting its base
 * restriction, every tick of its multiple-response set, the row's own sum, its printed (or resolved)
 * total, or the valid answers (all of them, or all but the variable's missing codes).
 */
export type RowBase =
  | { readonly kind: "respondents" }
  | { readonly kind: "answers"; readonly set: readonly { readonly variable: string; readonly codes: readonly number[] }[] }
  | { readonly kind: "row-sum" }
  | { readonly kind: "printed-total"; readonly total: number }
  | { readonly kind: "answered"; readonly skipMissing: boolean };

/** A compiled row as data: what is counted and how each figure is made from the counts. */
export interface RowSpec {
  readonly variable: string;
  readonly where: readonly BaseRestriction[];
  /** Each printed cell's code (a value counts in every cell whose code it matches). */
  readonly codes: readonly (number | string)[];
  /** Per shape: the printed cell it counts (-1: the row's sum) and, for a percentage, its printed decimals. */
  readonly sources: readonly { readonly cell: number; readonly decimals: number | undefined }[];
  readonly base: RowBase;
}

/** The percent base of `row` in `table` (text figures count answers; a subset's row total is its own sum). */
function baseOf(table: PrintedTable, row: PrintedRow, setRows: Extract<RowBase, { kind: "answers" }>["set"], subset: boolean): RowBase {
  const textFigure = table.kind === "text" || table.id.startsWith("text:");
  switch (row.percentBase) {
    case "respondents": return { kind: "respondents" };
    case "answers": return { kind: "answers", set: setRows };
    case "row-total": {
      if (textFigure) return { kind: "answered", skipMissing: false };
      const total = row.resolved?.total ?? row.total;
      return subset || total === undefined || total === null ? { kind: "row-sum" } : { kind: "printed-total", total };
    }
    default: return textFigure ? { kind: "answered", skipMissing: true } : { kind: "row-sum" };
  }
}

/** The residual of a recomputed figure: recomputed − target, percentages to a tenth of a point. */
export function residualOf(shape: CellShape, reconstructed: number): number {
  return shape.measure === "percent" ? Math.round((reconstructed - shape.target) * 10) / 10 : reconstructed - shape.target;
}

/** A shape with its recomputed figure, as `rowResiduals` gives it. */
export function cellResidual(shape: CellShape, reconstructed: number): CellResidual {
  const residual = residualOf(shape, reconstructed);
  // Built field by field, not spread: object spread of these records cost ~40 µs a cell in V8.
  const made: CellResidual = { table: shape.table, row: shape.row, variable: shape.variable, code: shape.code, target: shape.target, measure: shape.measure, reconstructed, residual, ok: residual === 0 };
  if (shape.conflict !== undefined) made.conflict = shape.conflict;
  if (shape.soft) made.soft = true;
  return made;
}

/** Rows compiled, by row, then variable, subset and set of rows. */
const compiled = new WeakMap<PrintedRow, Map<string, { allRows: readonly PrintedRow[] | undefined; recount: RowRecount | null }>>();

/** `compileRow`, made once per row, variable, subset and multiple-response set. */
export function rowRecount(table: PrintedTable, row: PrintedRow, options: RowResidualOptions = {}): RowRecount | null {
  let byKey = compiled.get(row);
  if (!byKey) compiled.set(row, (byKey = new Map()));
  const key = `${table.id}\u0000${options.variable ?? row.variable}\u0000${options.subset === true}`;
  const known = byKey.get(key);
  if (known && known.allRows === options.allRows) return known.recount;
  const recount = compileRow(table, row, options);
  byKey.set(key, { allRows: options.allRows, recount });
  return recount;
}

/** Sum of the counts of the values `keep` accepts. */
function sumOf(t: CodeCounts | undefined, keep: (value: number) => boolean): number {
  let k = 0;
  if (t) for (const [value, n] of t.counts) if (keep(value)) k += n;
  return k;
}

/** A row's recount for one variable, or null when the row cannot be recounted (a list, a code that is not a number or a range). */
function compileRow(table: PrintedTable, row: PrintedRow, options: RowResidualOptions): RowRecount | null {
  const variable = options.variable ?? row.variable;
  if (table.kind === "list" || !recountable(row)) return null;
  // Running-text statements are soft unless the cell carries a documented resolution (then exact).
  const textFigure = table.kind === "text" || table.id.startsWith("text:");
  const cells = row.cells;
  const where = row.where ?? [];
  const tests = cells.map((c) => (typeof c.code === "number" ? ((code: number) => (v: number) => v === code)(c.code) : codeMatcher(c.code)));
  // Multiple-response tables print each box twice (% of N, % of answers): count each variable once.
  const setRows = [...new Map((options.allRows ?? [row]).map((r) => [r.variable, r])).values()].map((r) => ({ variable: r.variable, codes: r.cells.flatMap((c) => (typeof c.code === "number" ? [c.code] : [])) }));
  const shapes: CellShape[] = [];
  /** Per shape: the printed cell it counts (-1: the row sum) and, for a percentage, its decimals. */
  const sources: { cell: number; decimals: number | undefined }[] = [];
  cells.forEach((cell, i) => {
    const shape = (measure: CellShape["measure"], target: number): CellShape => {
      const made: CellShape = { table: table.id, row: row.label, variable, code: cell.code, target, measure };
      if (cell.conflict) made.conflict = cell.conflict;
      if (textFigure && cell.resolved === undefined) made.soft = true;
      return made;
    };
    const targetCount = cell.resolved?.count ?? cell.count;
    if (targetCount !== undefined && targetCount !== null) {
      shapes.push(shape("count", targetCount));
      sources.push({ cell: i, decimals: undefined });
      return;
    }
    const targetPct = cell.resolved?.percent ?? cell.percent;
    if (targetPct === undefined || targetPct === null) return;
    shapes.push(shape("percent", targetPct));
    sources.push({ cell: i, decimals: decimalsOf(targetPct) });
  });
  const total = row.resolved?.total ?? row.total;
  if (total !== undefined && total !== null && table.kind === "frequency") {
    const made: CellShape = { table: table.id, row: row.label, variable, code: "total", target: total, measure: "total" };
    if (row.conflict) made.conflict = row.conflict;
    shapes.push(made);
    sources.push({ cell: -1, decimals: undefined });
  }
  const base = baseOf(table, row, setRows, options.subset === true);
  const counts = new Float64Array(cells.length);
  return {
    shapes,
    spec: { variable, where, codes: cells.map((c) => c.code), sources, base },
    figures: (who, missing, out, at) => {
      const tally = who.codes(variable, where);
      if (!tally) return false;
      // Each cell's count once: a percentage cell, the row sum and the base all read it.
      counts.fill(0);
      for (const [value, n] of tally.counts) for (let c = 0; c < tests.length; c++) if (tests[c]?.(value)) counts[c] = (counts[c] ?? 0) + n;
      let rowSum = 0;
      for (const k of counts) rowSum += k;
      const answered = (skip: readonly number[]): number => sumOf(tally, (v) => !skip.includes(v));
      const answers = (): number => setRows.reduce((s, r) => {
        const t = who.codes(r.variable, where);
        return s + r.codes.reduce((k, code) => k + sumOf(t, (v) => v === code), 0);
      }, 0);
      const denominator = (): number => {
        switch (base.kind) {
          case "respondents": return tally.total;
          case "answers": return answers();
          case "row-sum": return rowSum;
          case "printed-total": return base.total;
          case "answered": return answered(base.skipMissing ? missing(variable) : []);
        }
      };
      let base100: number | undefined;
      sources.forEach((source, i) => {
        const count = source.cell < 0 ? rowSum : (counts[source.cell] ?? 0);
        if (source.decimals === undefined) out[at + i] = count;
        else {
          const d = (base100 ??= denominator());
          out[at + i] = d > 0 ? roundHalfUp((count / d) * 100, source.decimals) : 0;
        }
      });
      return true;
    },
  };
}

/**
 * Residuals of one row for one variable, or null when the row cannot be recounted (a list, a
 * variable the respondents do not carry, a category code that is not a number or a range).
 */
export function rowResiduals(
  table: PrintedTable,
  row: PrintedRow,
  who: Respondents,
  missing: MissingCodes,
  options: RowResidualOptions = {},
): CellResidual[] | null {
  const recount = rowRecount(table, row, options);
  if (!recount) return null;
  const values: number[] = [];
  if (!recount.figures(who, missing, values, 0)) return null;
  return recount.shapes.map((shape, i) => cellResidual(shape, values[i] ?? 0));
}

export interface ResidualReport {
  cells: CellResidual[];
  /** Rows that could not be recomputed (lists, derived categories), with the reason. */
  skipped: { table: string; row: string; reason: string }[];
}

/** Residuals of every table. */
export function computeResiduals(printed: PrintedTables, records: readonly RecordValues[], missing: MissingCodes): ResidualReport {
  const report: ResidualReport = { cells: [], skipped: [] };
  const augmented = recordRespondents(records.map(withDerived));
  for (const table of printed.tables) {
    for (const row of table.rows) {
      // "q3,q7,q12" in a text row: the statement holds for each variable.
      for (const variable of row.variable.split(",").map((v) => v.trim())) {
        const res = rowResiduals(table, row, augmented, missing, { allRows: table.kind === "multiple-response" ? table.rows : undefined, variable });
        if (res === null) report.skipped.push({ table: table.id, row: row.label, reason: `${table.kind} row of "${variable}": nothing to recount (list, or a category that is not a code)` });
        else report.cells.push(...res);
      }
    }
  }
  return report;
}

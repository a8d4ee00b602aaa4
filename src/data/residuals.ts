/**
 * Residuals: every printed figure of printed-tables.json recomputed from respondent records and
 * compared. A count is compared exactly; a percentage-only cell is compared after rounding to the
 * printed decimals on the row's percent base. A documented conflict is met when the record
 * reproduces its `resolved` value; the printed value then differs by design.
 */
import { decimalsOf, type PrintedRow, type PrintedTable, type PrintedTables } from "./printed-tables";
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
  const variable = options.variable ?? row.variable;
  const allRows = options.allRows;
  if (table.kind === "list") return null;
  // Running-text statements are soft unless the cell carries a documented resolution (then exact).
  const textFigure = table.kind === "text" || table.id.startsWith("text:");
  if (!recountable(row)) return null;
  const cells = row.cells;
  const where = row.where ?? [];
  const tally = who.codes(variable, where);
  if (!tally) return null;
  const sum = (t: CodeCounts | undefined, keep: (value: number) => boolean): number => {
    let k = 0;
    if (t) for (const [value, n] of t.counts) if (keep(value)) k += n;
    return k;
  };
  // Each cell's count once: a percentage cell, the row sum and the base all read it.
  const counts = new Map(cells.map((c) => [c.code, sum(tally, (v) => matchesCode(v, c.code))]));
  const rowSum = cells.reduce((s, c) => s + (counts.get(c.code) ?? 0), 0);
  const answered = (skip: readonly number[]): number => sum(tally, (v) => !skip.includes(v));
  // Multiple-response tables print each box twice (% of N, % of answers): count each variable once.
  const answers = (): number => {
    const setRows = [...new Map((allRows ?? [row]).map((r) => [r.variable, r])).values()];
    return setRows.reduce((s, r) => {
      const t = who.codes(r.variable, where);
      return s + r.cells.filter((c) => typeof c.code === "number").reduce((k, c) => k + sum(t, (v) => v === c.code), 0);
    }, 0);
  };
  const denominator = (): number => {
    switch (row.percentBase) {
      case "respondents": return tally.total;
      case "answers": return answers();
      case "row-total":
        if (textFigure) return answered([]);
        return options.subset ? rowSum : (row.resolved?.total ?? row.total ?? rowSum);
      default: return textFigure ? answered(missing(variable)) : rowSum;
    }
  };
  let base100: number | undefined;
  const out: CellResidual[] = [];
  for (const cell of cells) {
    const count = counts.get(cell.code) ?? 0;
    const soft = textFigure && cell.resolved === undefined;
    // Built field by field, not spread: object spread of these records cost ~40 µs a cell in V8,
    // and the ensemble's recount makes 36,000 of them per filter change.
    const residualOf = (measure: CellResidual["measure"], target: number, reconstructed: number, residual: number): CellResidual => {
      const made: CellResidual = { table: table.id, row: row.label, variable, code: cell.code, target, measure, reconstructed, residual, ok: residual === 0 };
      if (cell.conflict) made.conflict = cell.conflict;
      if (soft) made.soft = true;
      return made;
    };
    const targetCount = cell.resolved?.count ?? cell.count;
    if (targetCount !== undefined && targetCount !== null) {
      out.push(residualOf("count", targetCount, count, count - targetCount));
      continue;
    }
    const targetPct = cell.resolved?.percent ?? cell.percent;
    if (targetPct === undefined || targetPct === null) continue;
    const d = (base100 ??= denominator());
    const pct = d > 0 ? roundHalfUp((count / d) * 100, decimalsOf(targetPct)) : 0;
    out.push(residualOf("percent", targetPct, pct, Math.round((pct - targetPct) * 10) / 10));
  }
  const total = row.resolved?.total ?? row.total;
  if (total !== undefined && total !== null && table.kind === "frequency") {
    const made: CellResidual = { table: table.id, row: row.label, variable, code: "total", target: total, measure: "total", reconstructed: rowSum, residual: rowSum - total, ok: rowSum === total };
    if (row.conflict) made.conflict = row.conflict;
    out.push(made);
  }
  return out;
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

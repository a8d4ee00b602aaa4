/**
 * Residuals: every printed figure of printed-tables.json recomputed from respondent records and
 * compared. A count is compared exactly; a percentage-only cell is compared after rounding to the
 * printed decimals on the row's percent base. A documented conflict is met when the record
 * reproduces its `resolved` value; the printed value then differs by design.
 */
import { decimalsOf, type PrintedRow, type PrintedTable, type PrintedTables } from "./printed-tables";
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

/** Does a value match a printed category code: 3, "1+2" (either), "41-50" (range), "3+" (at least)? */
export function matchesCode(value: number | null | undefined, code: number | string): boolean {
  if (value === null || value === undefined) return false;
  if (typeof code === "number") return value === code;
  const atLeast = /^(\d+)\+$/.exec(code);
  if (atLeast) return value >= Number(atLeast[1]);
  const range = /^(\d+)-(\d+)$/.exec(code);
  if (range) return value >= Number(range[1]) && value <= Number(range[2]);
  if (/^\d+(\+\d+)+$/.test(code)) return code.split("+").map(Number).includes(value);
  return false;
}

function inBase(row: PrintedRow, rec: RecordValues): boolean {
  return (row.where ?? []).every((w) => w.codes.includes(rec[w.variable] ?? Number.NaN));
}

/** Round half-up to `decimals`, as the report's tables were rounded (the epsilon absorbs binary noise). */
export function roundHalfUp(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.floor(value * scale + 0.5 + 1e-9) / scale;
}

/**
 * Residuals of one row for one variable, or null when the row cannot be recounted (a list, a
 * variable the records do not carry, a category code that is not a number or a range).
 */
export function rowResiduals(
  table: PrintedTable,
  row: PrintedRow,
  records: readonly RecordValues[],
  missing: MissingCodes,
  allRows?: readonly PrintedRow[],
  variable: string = row.variable,
): CellResidual[] | null {
  if (table.kind === "list") return null;
  // Running-text statements are soft unless the cell carries a documented resolution (then exact).
  const textFigure = table.kind === "text" || table.id.startsWith("text:");
  const cells = row.cells.filter((c) => typeof c.code === "number" || /^\d+((\+\d+)+|-\d+|\+)$/.test(c.code));
  if (cells.length === 0 || cells.length !== row.cells.length) return null;
  if (!records.some((r) => variable in r)) return null;
  const base = records.filter((r) => inBase(row, r));
  const countOf = (v: string, code: number | string): number => base.filter((r) => matchesCode(r[v], code)).length;
  const rowSum = cells.reduce((s, c) => s + countOf(variable, c.code), 0);
  const valid = base.filter((r) => {
    const x = r[variable];
    return x !== null && x !== undefined && !missing(variable).includes(x);
  }).length;
  // Multiple-response tables print each box twice (% of N, % of answers): count each variable once.
  const setRows = [...new Map((allRows ?? [row]).map((r) => [r.variable, r])).values()];
  const answers = setRows.reduce(
    (s, r) => s + r.cells.filter((c) => typeof c.code === "number").reduce((t, c) => t + countOf(r.variable, c.code), 0), 0);
  const denominator = (): number => {
    switch (row.percentBase) {
      case "respondents": return base.length;
      case "answers": return answers;
      case "row-total": return textFigure ? base.filter((r) => r[variable] !== null && r[variable] !== undefined).length : (row.resolved?.total ?? row.total ?? rowSum);
      default: return textFigure ? valid : rowSum;
    }
  };
  const out: CellResidual[] = [];
  for (const cell of cells) {
    const count = countOf(variable, cell.code);
    const soft = textFigure && cell.resolved === undefined;
    const common = { table: table.id, row: row.label, variable, code: cell.code, ...(cell.conflict ? { conflict: cell.conflict } : {}), ...(soft ? { soft } : {}) };
    const targetCount = cell.resolved?.count ?? cell.count;
    if (targetCount !== undefined && targetCount !== null) {
      out.push({ ...common, measure: "count", target: targetCount, reconstructed: count, residual: count - targetCount, ok: count === targetCount });
      continue;
    }
    const targetPct = cell.resolved?.percent ?? cell.percent;
    if (targetPct === undefined || targetPct === null) continue;
    const d = denominator();
    const pct = d > 0 ? roundHalfUp((count / d) * 100, decimalsOf(targetPct)) : 0;
    const residual = Math.round((pct - targetPct) * 10) / 10;
    out.push({ ...common, measure: "percent", target: targetPct, reconstructed: pct, residual, ok: residual === 0 });
  }
  const total = row.resolved?.total ?? row.total;
  if (total !== undefined && total !== null && table.kind === "frequency") {
    out.push({ table: table.id, row: row.label, variable, code: "total", measure: "total", target: total,
      reconstructed: rowSum, residual: rowSum - total, ok: rowSum === total, ...(row.conflict ? { conflict: row.conflict } : {}) });
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
  const augmented = records.map(withDerived);
  for (const table of printed.tables) {
    for (const row of table.rows) {
      // "q3,q7,q12" in a text row: the statement holds for each variable.
      for (const variable of row.variable.split(",").map((v) => v.trim())) {
        const res = rowResiduals(table, row, augmented, missing, table.kind === "multiple-response" ? table.rows : undefined, variable);
        if (res === null) report.skipped.push({ table: table.id, row: row.label, reason: `${table.kind} row of "${variable}": nothing to recount (list, or a category that is not a code)` });
        else report.cells.push(...res);
      }
    }
  }
  return report;
}

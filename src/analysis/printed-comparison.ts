/**
 * One printed table of the 1999 report recomputed from respondents with the statistics core, cell by
 * cell beside the printed figure. Each printed row names its variable, an optional base restriction
 * (`where`) and its percent base; the recomputation follows exactly that recipe, so a notebook can
 * show "printed 46 % · recomputed 46 %" and a test can check every figure against the transcription.
 *
 * A printed figure that the report contradicts elsewhere carries a documented `resolved` value: the
 * target is then the resolution, and the cell says which inconsistency explains it. Under a filter
 * the printed figures (always for all respondents) are shown for orientation but not compared.
 */
import type { Codebook, MultipleResponseSet } from "../data/codebook";
import { decimalsOf, type PrintedCell, type PrintedRow, type PrintedTable } from "../data/printed-tables";
import { frequencies, isFilterView, isTableLike, multipleResponse, type ColumnSource, type FrequencyTable } from "../stats/index";
import { matchesCode, roundHalfUp } from "../data/residuals";
import type { Evidence } from "./evidence/evidence";
import { DEFAULT_LOCALE, formatNumber, messages, type Locale } from "../base/locale/locale";

/** One printed figure and its recomputation. */
export interface ComparedCell {
  code: number | string;
  label: string;
  /** Recomputed count in the (filtered) data. */
  count: number;
  /** Recomputed percent on the row's printed base, unrounded; null when the base is empty or none is printed. */
  percent: number | null;
  /** The recomputed percent rounded as the report prints the target (0 or 1 decimal). */
  percentRounded: number | null;
  printedCount: number | null;
  printedPercent: number | null;
  /** What the recomputation must equal: the printed figure, or its documented resolution. */
  target: { count: number | null; percent: number | null };
  conflict?: string;
  /** True/false when compared (unfiltered data); null under a filter. */
  matches: boolean | null;
  /** What the recomputed count and percentage rest on (set when computed on a selection; see evidence/). */
  evidence?: { count: Evidence; percent: Evidence };
}

export interface ComparedRow {
  label: string;
  variable: string;
  where: { variable: string; codes: number[] }[];
  percentBase: string;
  cells: ComparedCell[];
  /** Recomputed sum of the row's printed categories. */
  total: number;
  printedTotal: number | null;
  targetTotal: number | null;
  totalMatches: boolean | null;
  /** The statistics core's audit line for the row. */
  audit: string;
  /** What the recomputed total rests on (see evidence/). */
  totalEvidence?: Evidence;
}

export interface PrintedComparison {
  id: string;
  caption: string;
  kind: PrintedTable["kind"];
  rows: ComparedRow[];
  /** Rows in the data the table was recomputed on. */
  n: number;
  /** True when a filter is active: printed figures are then not comparable. */
  filtered: boolean;
  /** True under a county or size-class filter: shared and exported views mask counts below 3. */
  disclosureSensitive: boolean;
  /** Compared figures that differ from their target (0 under a filter). */
  mismatches: number;
  /** Compared figures in all. */
  compared: number;
  /** Printed rows that could not be recomputed (several variables in one statement, a derived count). */
  skipped: { label: string; variable: string }[];
  note: string;
  /** Which of its variables (and the filter's) the reconstruction drew, for how many respondents (see evidence/). */
  drawn?: string;
}

/**
 * Where a comparison gets its counts. The recomputation shown on the page counts with the statistics
 * kernels (which also write the audit lines); the ensemble of reconstructions counts the same things
 * on plain typed arrays (evidence/frame-counter.ts), fifty times, without audit lines. Both feed the
 * one comparison rule below. (The draws of a selection's evidence are counted by the same rule
 * compiled per table, evidence/comparison-plan.ts, held to the kernels by a test on every table.)
 */
export interface RowCounter {
  /** Every code's count of `variable` among the rows meeting `where`, and how many rows that is. */
  codes(variable: string, where: readonly { variable: string; codes: number[] }[]): { counts: Map<number, number>; total: number; audit: string };
  /** A multiple-response set: ticks per variable, all ticks, and the respondents it is a share of. */
  multipleResponse(set: MultipleResponseSet): { count(variable: string): number; answers: number; caseBase: number; audit: string };
}

function codeCounts(freq: FrequencyTable): Map<number, number> {
  const out = new Map<number, number>();
  for (const row of [...freq.valid, ...freq.missing]) if (row.code !== null) out.set(row.code, row.count);
  return out;
}

/** The kernels' counter: frequencies and multipleResponse, with their audit lines. */
export function kernelCounter(source: ColumnSource, codebook: Codebook, filters: string[]): RowCounter {
  return {
    codes: (variable, where) => {
      const freq = frequencies(source, variable, { codebook, filters, where: where.map((w) => ({ variable: w.variable, codes: [...w.codes] })), allCodes: true });
      return { counts: codeCounts(freq), total: freq.total, audit: freq.audit.line };
    },
    multipleResponse: (set) => {
      const mr = multipleResponse(source, set, { codebook, filters });
      return { count: (variable) => mr.rows.find((r) => r.variable === variable)?.count ?? 0, answers: mr.answers, caseBase: mr.caseBase, audit: mr.audit.line };
    },
  };
}

function sumMatching(counts: Map<number, number>, code: number | string): number {
  let k = 0;
  for (const [value, count] of counts) if (matchesCode(value, code)) k += count;
  return k;
}

function compareCell(cell: PrintedCell, count: number, base: number | null, filtered: boolean): ComparedCell {
  const printedCount = cell.count ?? null;
  const printedPercent = cell.percent ?? null;
  const target = { count: cell.resolved?.count ?? printedCount, percent: cell.resolved?.percent ?? printedPercent };
  const percent = percentOf(count, base);
  const decimals = decimalsOf(target.percent ?? printedPercent ?? 0);
  const percentRounded = percent === null ? null : roundHalfUp(percent, decimals);
  let matches: boolean | null = null;
  if (!filtered) {
    const countOk = target.count === null || target.count === count;
    const percentOk = target.percent === null || (percentRounded !== null && Math.abs(percentRounded - target.percent) < 1e-9);
    matches = countOk && percentOk;
  }
  return {
    code: cell.code, label: cell.label, count, percent, percentRounded, printedCount, printedPercent, target, matches,
    ...(cell.conflict ? { conflict: cell.conflict } : {}),
  };
}

/** The multiple-response set behind a table's rows (distinct variables in printed order). */
function setOf(table: PrintedTable): MultipleResponseSet {
  const variables = [...new Set(table.rows.map((r) => r.variable))];
  return { name: table.questions.join("+") || table.id, label: { no: table.caption, en: table.caption }, variables, countedValue: 1 };
}

/** Options: the codebook for labels and missing codes, and the filter text for audit lines. */
export interface CompareOptions {
  codebook: Codebook;
  /**
   * Filters applied before the data reached here, as text (a FilterView from `filterView` carries its
   * own). Any filter means the figures are not compared with the print.
   */
  filters?: string[];
  /** Count with this instead of the statistics kernels (the ensemble's draws do). */
  counter?: RowCounter;
  /** The language of the comparison's note (default norsk): a selection's own. */
  locale?: Locale;
}

/** Recompute every row of `table` from `source` and put it beside the printed figures. */
export function comparePrinted(source: ColumnSource, table: PrintedTable, options: CompareOptions): PrintedComparison {
  if (table.kind === "list") {
    throw new Error(`Table ${table.id} is a list of named municipalities, not figures; read it from survey.adopters instead.`);
  }
  const filters = [...(options.filters ?? []), ...(isFilterView(source) ? source.filterLabels : [])];
  // Running-text statements ("om lag 30 prosent") are approximate: shown, never counted as agreement.
  const filtered = filters.length > 0 || table.kind === "text";
  const columns = new Set(columnNamesOf(source));
  const counter = options.counter ?? kernelCounter(source, options.codebook, options.filters ?? []);
  const rows = compareRows(table, counter, columns, filtered);
  const skipped = table.rows.filter((row) => !columns.has(row.variable)).map((row) => ({ label: row.label, variable: row.variable }));
  const n = isTableLike(source) ? source.numRows() : rowsOfColumns(source);
  let compared = 0;
  let mismatches = 0;
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.matches === null) continue;
      compared++;
      if (!cell.matches) mismatches++;
    }
    if (row.totalMatches !== null) {
      compared++;
      if (!row.totalMatches) mismatches++;
    }
  }
  const locale = options.locale ?? DEFAULT_LOCALE;
  const words = messages[locale];
  const count = (x: number): string => formatNumber(locale, x);
  const note = n === 0
    ? words.comparisonNoRespondents
    : table.kind === "text"
    ? words.comparisonRunningText
    : filtered
    ? words.comparisonFiltered(filters.join("; "))
    : mismatches === 0
      ? words.comparisonReproduced(count(compared))
      : words.comparisonDiffer(count(mismatches), count(compared));
  const disclosureSensitive = isFilterView(source) && source.where.some((w) => w.variable === "fylke" || w.variable === "size_class");
  return { id: table.id, caption: table.caption, kind: table.kind, rows, n, filtered, disclosureSensitive, mismatches, compared, skipped, note };
}

/** Rows in a plain column record. */
function rowsOfColumns(source: Record<string, ArrayLike<unknown>>): number {
  const first = Object.values(source)[0];
  return first ? first.length : 0;
}

/**
 * The rows of `table` computed from `counter`: the one comparison rule (bases, rounding as printed,
 * the documented resolutions). Rows whose variable the data lacks are left out.
 */
export function compareRows(table: PrintedTable, counter: RowCounter, columns: ReadonlySet<string>, filtered: boolean): ComparedRow[] {
  const mr = table.kind === "multiple-response" ? counter.multipleResponse(setOf(table)) : null;
  return table.rows.filter((row) => columns.has(row.variable)).map((row) => compareRow(table, row, mr, counter, filtered));
}

/** The arithmetic of one compared row: each cell's count, the percent base, the row's total. */
interface RowNumbers {
  counts: number[];
  /** What the cells' percentages are of; null when the row prints none. */
  base: number | null;
  total: number;
}

function rowNumbers(row: PrintedRow, mr: ReturnType<RowCounter["multipleResponse"]> | null, counter: RowCounter, counted?: ReturnType<RowCounter["codes"]>): RowNumbers {
  if (mr) {
    const count = mr.count(row.variable);
    const base = row.percentBase === "answers" ? mr.answers : mr.caseBase;
    return { counts: row.cells.map(() => count), base: row.percentBase ? base : null, total: base };
  }
  const { counts, total } = counted ?? counter.codes(row.variable, row.where ?? []);
  const cellCounts = row.cells.map((c) => sumMatching(counts, c.code));
  const rowSum = cellCounts.reduce((a, b) => a + b, 0);
  const base = row.percentBase === "respondents" ? total : row.percentBase === undefined ? null : rowSum;
  return { counts: cellCounts, base, total: rowSum };
}

/** A cell's percentage of its row's base (null without a base or of nothing): the one rule. */
export function percentOf(count: number, base: number | null): number | null {
  return base !== null && base > 0 ? (100 * count) / base : null;
}

/** Column names of a table or a column record. */
function columnNamesOf(source: ColumnSource): string[] {
  return isTableLike(source) ? source.columnNames() : Object.keys(source);
}

function compareRow(table: PrintedTable, row: PrintedRow, mr: ReturnType<RowCounter["multipleResponse"]> | null, counter: RowCounter, filtered: boolean): ComparedRow {
  const where = (row.where ?? []).map((w) => ({ variable: w.variable, codes: [...w.codes] }));
  const percentBase = row.percentBase ?? "none";
  const counted = mr ? undefined : counter.codes(row.variable, where);
  const numbers = rowNumbers(row, mr, counter, counted);
  const cells = row.cells.map((c, i) => compareCell(c, numbers.counts[i] ?? 0, numbers.base, filtered));
  const targetTotal = row.resolved?.total ?? row.total ?? null;
  const totalMatches = filtered || targetTotal === null || (!mr && table.kind !== "frequency") ? null : targetTotal === numbers.total;
  return { label: row.label, variable: row.variable, where, percentBase, cells, total: numbers.total, printedTotal: row.total ?? null, targetTotal, totalMatches, audit: mr ? mr.audit : (counted?.audit ?? "") };
}

/** A result of `comparePrinted`. */
export function isPrintedComparison(value: unknown): value is PrintedComparison {
  return typeof value === "object" && value !== null && "rows" in value && "mismatches" in value && "compared" in value && "caption" in value;
}

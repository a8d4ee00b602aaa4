/**
 * A printed table's comparison compiled once for counting on the reconstructions: each compared
 * row's column, base restriction, and which printed category each code falls in, so that a draw's
 * numbers of the whole table — every cell's count, each row's percent base and total — are one
 * loop per base restriction over the draw's selected rows, written into one Float64Array.
 *
 * Surprising: it is the comparison rule of printed-comparison.ts (`compareRows`: a cell sums the
 * codes it names, the base is the row's respondents or its sum, a multiple-response row is its
 * variable's ticks) written a second time, on typed arrays. A filter change counts 14 tables × 49
 * draws on notebook 02; through the `RowCounter` each row made a Map of code counts, a key and a
 * result object per draw, and each cell scanned that Map (issue 12). A unit test holds these
 * numbers to the statistics kernels' on every printed table, filtered and not.
 */
import { matchesCode } from "../../data/residuals";
import type { PrintedRow, PrintedTable } from "../../data/printed-tables";
import { frameOf } from "../../stats/index";
import type { FilteredSurvey } from "../apply-filter";

/** Codes 0–255 find their categories in a table; any other value is tested against each code. */
const DENSE = 256;

/** One compared row: where its numbers sit in a draw's figures, and how they are counted. */
interface PlannedRow {
  readonly variable: string;
  /** Cells in the row; a draw's figures hold, from `at`, each cell's count, then the base (NaN: none), then the total. */
  readonly cells: number;
  readonly at: number;
  /** For a code v in 0–255, the cells it counts in: `cellIndex[cellStart[v] … cellStart[v + 1]]`. */
  readonly cellStart: Int32Array;
  readonly cellIndex: Int32Array;
  /** Each cell's printed code, for values outside 0–255. */
  readonly codes: readonly (number | string)[];
  readonly percentBase: PrintedRow["percentBase"];
}

/** Rows sharing one base restriction: the draw's rows meeting it are found once for all of them. */
interface RowGroup {
  readonly where: readonly { readonly variable: string; readonly codes: readonly number[] }[];
  readonly rows: readonly PlannedRow[];
}

/** A printed table compiled for counting on a survey's columns. */
export interface ComparisonPlan {
  /** The compared rows in `compareRows`' order (rows whose variable the data lacks left out). */
  readonly rows: readonly PlannedRow[];
  /** Numbers per draw. */
  readonly size: number;
  readonly groups: readonly RowGroup[];
  /** A multiple-response table's distinct variables (null for other kinds). */
  readonly set: readonly string[] | null;
}

/** Plans per survey table (its columns decide which rows are compared) and printed table. */
const plans = new WeakMap<object, WeakMap<PrintedTable, ComparisonPlan>>();

/** `table` compiled for the columns of `survey` (a printed table and a survey's columns never change). */
export function comparisonPlan(table: PrintedTable, surveyTable: object, columns: ReadonlySet<string>): ComparisonPlan {
  let bySurvey = plans.get(surveyTable);
  if (!bySurvey) plans.set(surveyTable, (bySurvey = new WeakMap()));
  const known = bySurvey.get(table);
  if (known) return known;
  const made = compile(table, columns);
  bySurvey.set(table, made);
  return made;
}

function compile(table: PrintedTable, columns: ReadonlySet<string>): ComparisonPlan {
  const rows: PlannedRow[] = [];
  const groups = new Map<string, { where: RowGroup["where"]; rows: PlannedRow[] }>();
  let size = 0;
  for (const row of table.rows) {
    if (!columns.has(row.variable)) continue;
    const codes = row.cells.map((c) => c.code);
    const starts = new Int32Array(DENSE + 1);
    const index: number[] = [];
    for (let v = 0; v < DENSE; v++) {
      starts[v] = index.length;
      codes.forEach((code, c) => {
        if (matchesCode(v, code)) index.push(c);
      });
    }
    starts[DENSE] = index.length;
    const planned: PlannedRow = { variable: row.variable, cells: codes.length, at: size, cellStart: starts, cellIndex: Int32Array.from(index), codes, percentBase: row.percentBase };
    size += codes.length + 2;
    rows.push(planned);
    const where = (row.where ?? []).map((w) => ({ variable: w.variable, codes: [...w.codes] }));
    const key = where.map((w) => `${w.variable}=${w.codes.join(",")}`).join("\u0000");
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { where, rows: [] }));
    group.rows.push(planned);
  }
  const set = table.kind === "multiple-response" ? [...new Set(table.rows.map((r) => r.variable))] : null;
  return { rows, size, groups: [...groups.values()], set };
}

/** The draw's selected rows meeting a base restriction, reused by every count (counting is synchronous). */
let scratch = new Uint32Array(512);

/**
 * The numbers of every compared row of `plan` on `draw`'s selected respondents, as `compareRows`
 * computes them: per row (`RowSlots`) each cell's count, the percent base (NaN where the row prints
 * none) and the row's total.
 */
export function drawNumbers(plan: ComparisonPlan, draw: FilteredSurvey): Float64Array {
  const out = new Float64Array(plan.size);
  const frame = frameOf(draw.view);
  const selected = frame.rows;
  const n = frame.n;
  if (plan.set) {
    countTicks(plan, plan.set, frame.column.bind(frame), selected, n, out);
    return out;
  }
  if (scratch.length < n) scratch = new Uint32Array(n);
  for (const group of plan.groups) {
    const tests = group.where.map((w) => ({ column: frame.column(w.variable), codes: w.codes }));
    let m = 0;
    rows: for (let i = 0; i < n; i++) {
      const r = selected ? (selected[i] ?? 0) : i;
      for (const test of tests) if (!test.codes.includes(test.column[r] ?? Number.NaN)) continue rows;
      scratch[m++] = r;
    }
    for (const row of group.rows) countRow(row, frame.column(row.variable), m, out);
  }
  return out;
}

/** One row's cells, base and total among the first `m` rows of `scratch`. */
function countRow(row: PlannedRow, column: Float64Array, m: number, out: Float64Array): void {
  const { at, cellStart, cellIndex, codes } = row;
  for (let j = 0; j < m; j++) {
    const v = column[scratch[j] ?? 0] ?? Number.NaN;
    if (v >= 0 && v < DENSE && (v | 0) === v) {
      for (let p = cellStart[v] ?? 0, end = cellStart[v + 1] ?? 0; p < end; p++) {
        const i = at + (cellIndex[p] ?? 0);
        out[i] = (out[i] ?? 0) + 1;
      }
    } else if (!Number.isNaN(v)) {
      for (let c = 0; c < codes.length; c++) if (matchesCode(v, codes[c] ?? Number.NaN)) out[at + c] = (out[at + c] ?? 0) + 1;
    }
  }
  let sum = 0;
  for (let c = 0; c < row.cells; c++) sum += out[at + c] ?? 0;
  // The base: the rows meeting the restriction, the row's sum, or none (NaN).
  out[at + row.cells] = row.percentBase === "respondents" ? m : row.percentBase === undefined ? Number.NaN : sum;
  out[at + row.cells + 1] = sum;
}

/** A multiple-response table: each row is its variable's ticks (value 1); the base is the answers or the respondents. */
function countTicks(plan: ComparisonPlan, set: readonly string[], column: (name: string) => Float64Array, selected: Uint32Array | null, n: number, out: Float64Array): void {
  const columns = set.map(column);
  const ticks = new Float64Array(set.length);
  for (let i = 0; i < n; i++) {
    const r = selected ? (selected[i] ?? 0) : i;
    for (let j = 0; j < columns.length; j++) if (columns[j]?.[r] === 1) ticks[j] = (ticks[j] ?? 0) + 1;
  }
  let answers = 0;
  for (const t of ticks) answers += t;
  for (const row of plan.rows) {
    const count = ticks[set.indexOf(row.variable)] ?? 0;
    const base = row.percentBase === "answers" ? answers : n;
    for (let c = 0; c < row.cells; c++) out[row.at + c] = count;
    out[row.at + row.cells] = row.percentBase ? base : Number.NaN;
    out[row.at + row.cells + 1] = base;
  }
}

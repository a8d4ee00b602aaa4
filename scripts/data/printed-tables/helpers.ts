/**
 * Small builders that turn the printed figures, copied verbatim as strings ("3,8 % (4)",
 * "- ", "100,0 % 42)"), into PrintedCell / PrintedRow values. Keeping the transcription as the
 * printed strings makes it easy to proof-read against the seed text line by line.
 */
import type { BaseRestriction, PercentBase, PrintedCell, PrintedRow, PrintedTable } from "../../../src/data/printed-tables";

/** A printed figure split into its percent and its count in parentheses. */
export interface Figure {
  percent: number | null;
  count: number | null;
}

/**
 * Parse one printed cell. Accepts the report's decimal comma or point, a missing "%" or a missing
 * opening parenthesis (both occur in the extract), and "-" which the report prints for zero.
 */
export function fig(printed: string): Figure {
  const s = printed.trim();
  if (s === "-") return { percent: 0, count: 0 };
  const m = /^(?:(\d+(?:[.,]\d+)?)\s*%?)?\s*\(?\s*(\d+)?\s*\)?$/.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) {
    throw new Error(`cannot read printed figure "${printed}"; write it as "12,3 % (45)", "(45)", "12 %" or "-"`);
  }
  return {
    percent: m[1] === undefined ? null : Number(m[1].replace(",", ".")),
    count: m[2] === undefined ? null : Number(m[2]),
  };
}

/** A response category: code and column heading as printed. */
export type Category = readonly [code: number | string, label: string];

/** Build the cells of one row from its categories and the printed figures, in column order. */
export function cellsOf(categories: readonly Category[], printed: readonly string[]): PrintedCell[] {
  if (categories.length !== printed.length) {
    throw new Error(`expected ${categories.length} printed figures, got ${printed.length}: ${printed.join(" | ")}`);
  }
  return categories.map(([code, label], i) => {
    const f = fig(printed[i] ?? "");
    const cell: PrintedCell = { code, label };
    if (f.count !== null) cell.count = f.count;
    if (f.percent !== null) cell.percent = f.percent;
    return cell;
  });
}

/** Options shared by the row builders. */
export interface RowOptions {
  where?: BaseRestriction[];
  percentBase?: PercentBase;
}

/** A frequency row: label, variable, categories, printed figures and the printed total "(253)". */
export function freqRow(
  label: string,
  variable: string,
  categories: readonly Category[],
  printed: readonly string[],
  total: string | number | null,
  opts: RowOptions = {},
): PrintedRow {
  // Key order (label, variable, where, cells, total) keeps the JSON readable top-down.
  const row: PrintedRow = {
    label,
    variable,
    ...(opts.where ? { where: opts.where } : {}),
    cells: cellsOf(categories, printed),
    total: typeof total === "string" ? fig(total).count : total,
  };
  if (opts.percentBase) row.percentBase = opts.percentBase;
  return row;
}

/** Attach a conflict id and resolved figures to one cell of a table (found by variable and code). */
export function resolveCell(
  table: PrintedTable,
  variable: string,
  code: number | string,
  conflict: string,
  resolved?: { count?: number; percent?: number },
  rowPredicate: (row: PrintedRow) => boolean = () => true,
): void {
  // Several rows may share a variable (text figures, multiple-response bases): take the first that has the code.
  const row = table.rows.find((r) => r.variable === variable && rowPredicate(r) && r.cells.some((c) => c.code === code));
  const cell = row?.cells.find((c) => c.code === code);
  if (!cell) throw new Error(`table ${table.id}: no cell ${variable}=${String(code)} to resolve`);
  cell.conflict = conflict;
  if (resolved) cell.resolved = resolved;
}

/** Attach a conflict id (and optionally a resolved total) to a whole row. */
export function resolveRow(
  table: PrintedTable,
  variable: string,
  conflict: string,
  resolved?: { total?: number },
  rowPredicate: (row: PrintedRow) => boolean = () => true,
): void {
  const row = table.rows.find((r) => r.variable === variable && rowPredicate(r));
  if (!row) throw new Error(`table ${table.id}: no row for ${variable} to resolve`);
  row.conflict = conflict;
  if (resolved) row.resolved = resolved;
}

/** The six models in questionnaire order with their variable stems. */
export const MODELS = [
  { key: "SE", label: "Serviceerklæringer", status: "q3", areas: "q4", results: "q5", expect: "q6" },
  { key: "ST", label: "Servicetorg", status: "q7", areas: "q8", results: "q10", expect: "q11" },
  { key: "ESN", label: "Elektronisk servicenettverk", status: "q12", areas: "q13", results: "q14", expect: "q15" },
  { key: "EP", label: "Etisk prosess", status: "q16", areas: "q17", results: "q18", expect: "q19" },
  { key: "BMS", label: "Balansert målstyring", status: "q20", areas: "q21", results: "q22", expect: "q23" },
  { key: "BPR", label: "Prosessforbedringer/-ombygging (BPR)", status: "q24", areas: "q25", results: "q26", expect: "q27" },
] as const;

export type Model = (typeof MODELS)[number];

/** Look a model up by its key. */
export function model(key: Model["key"]): Model {
  const m = MODELS.find((x) => x.key === key);
  if (!m) throw new Error(`unknown model ${key}`);
  return m;
}

/** The ten service areas of q4/q8/…/q25 in printed order (1 = Skole … 10 = Sentraladministrasjon). */
export const AREAS = [
  "Skole",
  "Barnehager",
  "Pleie- og omsorg",
  "Helsetjenester",
  "Sosiale tjenester",
  "Tekniske tjenester",
  "Samferdsel",
  "Næringsutvikling",
  "Kultur og fritid",
  "Sentraladministrasjon",
] as const;

/** Status categories of q3/q7/q12/q16/q20/q24. */
export const STATUS: readonly Category[] = [
  [1, "Har allerede innført"],
  [2, "Holder på å innføre"],
  [3, "Planlegger å innføre"],
  [4, "Har ikke planer om å innføre"],
];

/** Columns of the service-area tables 3.1/3.3/…/3.11 (q4_k … q25_k). */
export const AREA_STATUS: readonly Category[] = [
  [1, "Er innført"],
  [2, "Under innføring"],
  [3, "Planlagt innført"],
  [9, "Vet ikke"],
];

/** Columns of the results tables 3.2/3.4/…/3.12 and of Tabell 2.5 (codes 1–4, 9). */
export const DEGREE_5: readonly Category[] = [
  [1, "I stor grad"],
  [2, "I nokså stor grad"],
  [3, "I nokså liten grad"],
  [4, "I liten grad"],
  [9, "Uaktuelt/vet ikke"],
];

/**
 * The reconciliation view model: every printed table of the 1999 report against its recomputation
 * from respondent records, built on the residual engine of `npm run data:build`
 * (src/data/residuals.ts) — the same `rowResiduals` over the same `withDerived` records, table by
 * table, so the notebook and the build can never disagree about what a residual is.
 *
 * Each residual is classified: an exact match, a documented conflict met at its resolved value, a
 * soft running-text statement ("om lag", "i overkant av"), or a difference (documented or not).
 * Under a filter the recomputation covers a subset while the print is for all 267, so differences
 * are then expected and the model says so instead of calling them errors.
 */
import type { Codebook } from "../../data/codebook";
import type { Inconsistency, PrintedRow, PrintedTable, PrintedTables } from "../../data/printed-tables";
import { rowResiduals, withDerived, type CellResidual, type MissingCodes, type RecordValues } from "../../data/residuals";
import { recordRespondents } from "../../data/respondents";
import { DEFAULT_LOCALE, formatNumber, messages, type Locale } from "../../base/locale/locale";

/** How one recomputed figure relates to the print. */
export type ReconciledStatus =
  /** recomputed = printed */
  | "match"
  /** a documented inconsistency; recomputed = its resolved value */
  | "conflict-met"
  /** a running-text statement, approximate by nature */
  | "soft"
  /** a documented inconsistency, but the recomputation misses its resolution too */
  | "conflict-off"
  /** recomputed ≠ printed, and no inconsistency explains it */
  | "difference";

export interface ReconciledCell extends CellResidual {
  /** The figure as printed (before any resolution); null when the print gives none for this measure. */
  printed: number | null;
  /** The printed count and percent of the category (a resolution may target the other measure). */
  printedCount: number | null;
  printedPercent: number | null;
  /** The row's category label as printed ("I stor grad", "Total"). */
  label: string;
  status: ReconciledStatus;
}

export interface ReconciledTable {
  id: string;
  caption: string;
  kind: PrintedTable["kind"];
  /** Seed line numbers of the printed table. */
  lines: [number, number];
  cells: ReconciledCell[];
  /** Rows with nothing to recount (lists, non-code categories), with the reason. */
  skipped: { row: string; reason: string }[];
  /** Inconsistency ids met in this table's cells. */
  conflicts: string[];
  counts: ReconciliationCounts;
}

export interface ReconciliationCounts {
  /** Residual cells computed (exact and soft). */
  compared: number;
  /** recomputed = printed, no conflict. */
  exact: number;
  /** Documented conflicts met at their resolved value. */
  conflictsMet: number;
  /** Running-text statements (soft). */
  soft: number;
  /** … of which the recomputation is not exactly the stated round figure. */
  softOff: number;
  /** Documented conflicts whose resolution is not met either. */
  conflictsOff: number;
  /** Differences no inconsistency explains. */
  differences: number;
}

export interface ReconciledInconsistency extends Inconsistency {
  /** The recomputed cells carrying this id (empty when it concerns a list, a caption or the questionnaire). */
  cells: ReconciledCell[];
  /** True when at least one recountable cell carries it. */
  recountable: boolean;
}

export interface Reconciliation {
  counts: ReconciliationCounts;
  tables: ReconciledTable[];
  inconsistencies: ReconciledInconsistency[];
  /** Distinct inconsistency ids met in recomputed cells. */
  conflictIds: string[];
  /** Printed rows with nothing to recount. */
  skipped: number;
  /** Records recomputed from. */
  n: number;
  /** True when the records are a filtered subset: the print (all respondents) is then not comparable. */
  filtered: boolean;
  /** One plain sentence for the header. */
  headline: string;
}

/** Missing codes per variable from the codebook, as the residual engine takes them. */
export function missingCodesOf(codebook: Codebook): MissingCodes {
  const byName = new Map(codebook.variables.map((v) => [v.name, v.missing]));
  return (variable) => byName.get(variable) ?? [];
}

/**
 * A survey row as the residual engine sees it: numeric codes kept, blanks null. Text columns
 * (name, knr, provenance) are dropped because no printed figure counts them.
 */
export function recordOf(row: Readonly<Record<string, unknown>>): RecordValues {
  const out: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === "number") out[key] = Number.isFinite(value) ? value : null;
    else if (value === null || value === undefined || value === "") out[key] = null;
  }
  return out;
}

function classify(c: Pick<CellResidual, "soft" | "ok" | "conflict">): ReconciledStatus {
  if (c.soft) return "soft";
  if (c.ok) return c.conflict ? "conflict-met" : "match";
  return c.conflict ? "conflict-off" : "difference";
}

function printedOf(row: PrintedRow, c: CellResidual): Pick<ReconciledCell, "printed" | "printedCount" | "printedPercent" | "label"> {
  if (c.measure === "total") return { printed: row.total ?? null, printedCount: row.total ?? null, printedPercent: null, label: "Total" };
  const cell = row.cells.find((x) => x.code === c.code);
  const printedCount = cell?.count ?? null;
  const printedPercent = cell?.percent ?? null;
  return { printed: c.measure === "count" ? printedCount : printedPercent, printedCount, printedPercent, label: cell?.label ?? String(c.code) };
}

/**
 * A recomputed figure with its print and status, built field by field: object spread of these
 * records cost more than the recount on a county never seen (issue 12). The keys keep the order
 * `{ ...c, ...printedOf(row, c), status }` gave them.
 */
function reconciledCell(row: PrintedRow, c: CellResidual): ReconciledCell {
  const made: CellResidual = { table: c.table, row: c.row, variable: c.variable, code: c.code, target: c.target, measure: c.measure, reconstructed: c.reconstructed, residual: c.residual, ok: c.ok };
  if (c.conflict !== undefined) made.conflict = c.conflict;
  if (c.soft !== undefined) made.soft = c.soft;
  return Object.assign(made, printedOf(row, c), { status: classify(c) });
}

/** Counts with nothing counted yet. */
export function emptyCounts(): ReconciliationCounts {
  return { compared: 0, exact: 0, conflictsMet: 0, soft: 0, softOff: 0, conflictsOff: 0, differences: 0 };
}

function tally(counts: ReconciliationCounts, cell: Pick<ReconciledCell, "status" | "ok">): void {
  counts.compared++;
  if (cell.status === "match") counts.exact++;
  else if (cell.status === "conflict-met") counts.conflictsMet++;
  else if (cell.status === "conflict-off") counts.conflictsOff++;
  else if (cell.status === "difference") counts.differences++;
  else {
    counts.soft++;
    if (!cell.ok) counts.softOff++;
  }
}

/** One recomputed figure (soft or not, its conflict, whether it meets its target) added to `counts` as `reconcile` adds it (the summary of a reconstruction's recount). */
export function countFigure(counts: ReconciliationCounts, figure: Pick<CellResidual, "soft" | "conflict">, ok: boolean): void {
  tally(counts, { status: classify({ soft: figure.soft, conflict: figure.conflict, ok }), ok });
}

export interface ReconcileOptions {
  /** The records are a filtered subset (the filter bar is set). */
  filtered?: boolean;
  /** The language of the headline (default norsk). */
  locale?: Locale;
  /**
   * The number of respondents as the view shows it, for the headline ("< 3" in a shared view of a
   * county- or size-filtered selection of 1–2, as the filter bar and every table say); default: the count.
   */
  shownN?: string;
}

/**
 * Reconcile every printed table with `records`. Walks tables, rows and the variables of a row
 * exactly as `computeResiduals` does, so the flattened cells equal its report.
 */
export function reconcile(printed: PrintedTables, records: readonly RecordValues[], missing: MissingCodes, options: ReconcileOptions = {}): Reconciliation {
  const augmented = recordRespondents(records.map(withDerived));
  const subset = options.filtered === true;
  return reconcileFigures(printed, records.length, (table, row, variable) => rowResiduals(table, row, augmented, missing, { allRows: table.kind === "multiple-response" ? table.rows : undefined, variable, subset }), options);
}

/**
 * A printed row's recomputed figures for one of its variables, as `rowResiduals` gives them (null:
 * nothing to recount, or the respondents do not carry the variable).
 */
export type RowFigures = (table: PrintedTable, row: PrintedRow, variable: string) => CellResidual[] | null;

/**
 * `reconcile` from each row's figures however they were counted: plain records (above), or a
 * selection's typed columns through the compiled recount (reconciliation-builtins.ts), which gives
 * the same figures (recount-plan.test.ts).
 */
export function reconcileFigures(printed: PrintedTables, n: number, figuresOf: RowFigures, options: ReconcileOptions = {}): Reconciliation {
  const counts = emptyCounts();
  let skipped = 0;
  const tables: ReconciledTable[] = printed.tables.map((table) => {
    const out: ReconciledTable = { id: table.id, caption: table.caption, kind: table.kind, lines: table.lines, cells: [], skipped: [], conflicts: [], counts: emptyCounts() };
    for (const row of table.rows) {
      for (const variable of row.variable.split(",").map((v) => v.trim())) {
        const res = figuresOf(table, row, variable);
        if (res === null) {
          out.skipped.push({ row: row.label, reason: `${table.kind} row of "${variable}": nothing to recount (list, or a category that is not a code)` });
          skipped++;
          continue;
        }
        for (const c of res) {
          const cell = reconciledCell(row, c);
          out.cells.push(cell);
          tally(out.counts, cell);
          tally(counts, cell);
        }
      }
    }
    out.conflicts = [...new Set(out.cells.flatMap((c) => (c.conflict ? [c.conflict] : [])))];
    return out;
  });
  const all = tables.flatMap((t) => t.cells);
  const inconsistencies = printed.inconsistencies.map((inc) => {
    const cells = all.filter((c) => c.conflict === inc.id);
    return { ...inc, cells, recountable: cells.length > 0 };
  });
  const conflictIds = [...new Set(all.flatMap((c) => (c.conflict ? [c.conflict] : [])))];
  const filtered = options.filtered === true;
  return { counts, tables, inconsistencies, conflictIds, skipped, n, filtered, headline: headlineOf(counts, n, filtered, options.locale ?? DEFAULT_LOCALE, options.shownN) };
}

function headlineOf(c: ReconciliationCounts, n: number, filtered: boolean, locale: Locale, shownN: string | undefined): string {
  const words = messages[locale];
  if (n === 0) return words.recHeadlineEmpty;
  // Filtered: no count here. How many figures of a subset differ depends on the reconstruction, and
  // prose carries no marker — the summary's table gives the counts with their range across the draws.
  if (filtered) return words.recHeadlineFiltered(shownN ?? formatNumber(locale, n));
  return words.recHeadline({ compared: c.compared, n: formatNumber(locale, n), exact: c.exact, conflictsMet: c.conflictsMet, soft: c.soft, softExact: c.soft - c.softOff, differences: c.differences });
}

/** The cells that differ from their target (status other than match / conflict-met, soft ones only when off). */
export function flaggedCells(rec: Reconciliation): ReconciledCell[] {
  return rec.tables.flatMap((t) => t.cells).filter((c) => !c.ok);
}

/** A small JSON picture of a reconciliation (what the headless runner prints). */
export function reconciliationSummary(rec: Reconciliation): Record<string, unknown> {
  return {
    n: rec.n, filtered: rec.filtered, headline: rec.headline, counts: rec.counts, skipped: rec.skipped, conflictIds: rec.conflictIds,
    tables: rec.tables.map((t) => ({ id: t.id, counts: t.counts, conflicts: t.conflicts })),
  };
}

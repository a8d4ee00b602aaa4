/**
 * What each recomputed figure of the reconciliation rests on (issue 10), through the tables'
 * mechanism: a reconciled cell is the count, rounded percentage or total of a printed row, which
 * `comparePrintedWithEvidence` already recounts on every reconstruction (frame counters on typed
 * arrays) and classifies. Each reconciled cell takes the classification of the same figure there —
 * only when the two recomputations give the same value here. A figure the comparison does not
 * recount (derived variables, running-text statements on combined codes) is recounted on every draw
 * by the residual engine itself, row by row (`recount-on-draws.ts`); a figure neither route gives
 * back stays unclassified and is counted as such in the audit, never given an invented class. A cell
 * the reconciliation finds equal to the print (or its documented resolution) is printed, as in the
 * tables.
 */
import type { PrintedTable } from "../../data/printed-tables";
import { decimalsOf } from "../../data/printed-tables";
import { roundHalfUp } from "../../data/residuals";
import type { FilteredSurvey } from "../apply-filter";
import type { WithEvidence } from "../evidence/across-draws";
import { comparePrintedWithEvidence } from "../evidence/compare-evidence";
import { classifyFigure, type Evidence, type EvidenceKind } from "../evidence/evidence";
import type { ComparedRow, PrintedComparison } from "../printed-comparison";
import { missingCodesOf, type ReconciledCell, type Reconciliation } from "./reconcile";
import { printedRowOf, recountOnDraws, type RecountRow } from "./recount-on-draws";

/** A reconciliation's figures classified, and the path of each cell's recomputed figure. */
export interface ReconciliationEvidence {
  figures: WithEvidence<Reconciliation>;
  /** "tables.3.cells.12.reconstructed"; undefined for a cell left unclassified (it gets no marker). */
  pathOf(cell: ReconciledCell): string | undefined;
  /** Cells shown without a class (no shared recount). */
  unclassified: number;
}

/** Same figure: values closer than this. */
const SAME = 1e-9;

/** A percentage's evidence after rounding as printed: a range that rounds to one value is no range. */
function rounded(evidence: Evidence, decimals: number): Evidence {
  if (!evidence.range) return evidence;
  const min = roundHalfUp(evidence.range.min, decimals);
  const max = roundHalfUp(evidence.range.max, decimals);
  return Math.abs(max - min) < SAME ? { kind: "determined", draws: evidence.draws } : { ...evidence, range: { min, max } };
}

/** The comparison's figure and evidence for a reconciled cell, when the comparison recounts the same one. */
function shared(cell: ReconciledCell, rows: readonly ComparedRow[]): { value: number; evidence: Evidence } | undefined {
  const row = rows.find((r) => r.label === cell.row && r.variable === cell.variable);
  if (!row) return undefined;
  if (cell.measure === "total") return row.totalEvidence && { value: row.total, evidence: row.totalEvidence };
  const c = row.cells.find((x) => x.code === cell.code);
  if (!c?.evidence) return undefined;
  if (cell.measure === "count") return { value: c.count, evidence: c.evidence.count };
  if (c.percent === null) return undefined;
  const decimals = decimalsOf(cell.target);
  return { value: roundHalfUp(c.percent, decimals), evidence: rounded(c.evidence.percent, decimals) };
}

/**
 * The cells the comparison does not share, recounted on every draw: each one's evidence, when the
 * canonical recount gives back the reconciled figure.
 */
function recountedEvidence(selection: FilteredSurvey, rec: Reconciliation, printed: readonly PrintedTable[], cells: readonly ReconciledCell[]): Map<ReconciledCell, Evidence> {
  const draws = selection.draws();
  const out = new Map<ReconciledCell, Evidence>();
  if (!draws || cells.length === 0) return out;
  const rows = new Map<string, RecountRow & { cells: ReconciledCell[] }>();
  for (const cell of cells) {
    const table = printed.find((p) => p.id === cell.table);
    const row = table && printedRowOf(table, cell);
    if (!table || !row) continue;
    const key = `${table.id}\u0000${row.label}\u0000${cell.variable}`;
    const known = rows.get(key);
    if (known) known.cells.push(cell);
    else rows.set(key, { table, row, variable: cell.variable, cells: [cell] });
  }
  const values = recountOnDraws([...rows.values()], draws, missingCodesOf(selection.survey.codebook), rec.filtered);
  for (const [cell, v] of values) {
    if (v[0] !== undefined && v[0] !== null && Math.abs(v[0] - cell.reconstructed) < SAME) out.set(cell, classifyFigure(v));
  }
  return out;
}

/** Classify every recomputed figure of `rec`, made from `selection`. */
export function reconciliationEvidence(selection: FilteredSurvey, rec: Reconciliation, printed: readonly PrintedTable[]): ReconciliationEvidence {
  const draws = selection.draws()?.length ?? 0;
  const byPath = new Map<string, Evidence>();
  const paths = new Map<ReconciledCell, string>();
  const counts: Record<EvidenceKind, number> = { printed: 0, determined: 0, reconstruction: 0, "your-data": 0 };
  const classify = (cell: ReconciledCell, path: string, evidence: Evidence): void => {
    byPath.set(path, evidence);
    paths.set(cell, path);
    counts[evidence.kind]++;
  };
  const unshared: { cell: ReconciledCell; path: string }[] = [];
  rec.tables.forEach((table, t) => {
    const source = printed.find((p) => p.id === table.id);
    let comparison: PrintedComparison | undefined;
    if (draws > 0 && source && source.kind !== "list" && table.cells.length > 0) comparison = comparePrintedWithEvidence(selection, source);
    table.cells.forEach((cell, c) => {
      const path = `tables.${t}.cells.${c}.reconstructed`;
      const same = comparison && shared(cell, comparison.rows);
      const isPrintLike = same?.evidence.kind === "printed";
      const agrees = same !== undefined && Math.abs(same.value - cell.reconstructed) < SAME;
      const isPrint = !rec.filtered && cell.ok && !cell.soft;
      // The print is a fact of the report whatever the draws; "your data" has no draws to ask.
      const evidence: Evidence | undefined = draws === 0 ? { kind: "your-data", draws } : isPrint ? { kind: "printed", draws } : agrees && (isPrint || !isPrintLike) ? same.evidence : undefined;
      if (evidence) classify(cell, path, evidence);
      else unshared.push({ cell, path });
    });
  });
  const recounted = recountedEvidence(selection, rec, printed, unshared.map((u) => u.cell));
  let unclassified = 0;
  for (const { cell, path } of unshared) {
    const evidence = recounted.get(cell);
    if (evidence) classify(cell, path, evidence);
    else unclassified++;
  }
  const figures: WithEvidence<Reconciliation> = {
    value: rec,
    evidence: (path) => byPath.get(path) ?? { kind: draws ? "determined" : "your-data", draws },
    counts,
    draws,
  };
  return { figures, pathOf: (cell) => paths.get(cell), unclassified };
}

/** Per reconciliation built on a selection: its evidence, made when a view first asks for it. */
const attached = new WeakMap<Reconciliation, () => ReconciliationEvidence>();

/** Remember how to classify `rec`'s figures (the ensemble is asked only when a view shows them). */
export function attachEvidence(rec: Reconciliation, selection: FilteredSurvey, printed: readonly PrintedTable[]): void {
  let made: ReconciliationEvidence | undefined;
  attached.set(rec, () => (made ??= reconciliationEvidence(selection, rec, printed)));
}

/** The evidence of a reconciliation built by `reconciliation.build` on a selection or survey. */
export function evidenceOfReconciliation(rec: Reconciliation): ReconciliationEvidence | undefined {
  return attached.get(rec)?.();
}

/** `to` (a copy of `from` with more fields) with `from`'s evidence. */
export function copyEvidence<T extends Reconciliation>(from: Reconciliation, to: T): T {
  const make = attached.get(from);
  if (make) attached.set(to, make);
  return to;
}

/**
 * What each recomputed figure of the reconciliation rests on (issue 10): every printed row is
 * recounted on every reconstruction by the residual engine itself (`recount-on-draws.ts`, on the
 * typed columns of each draw), so each reconciled count, rounded percentage and total is classified
 * from its own value in every draw — the same rounding and base as the figure shown — and the
 * summary's counts are tallied from the same recounts. A cell the reconciliation finds equal to the
 * print (or its documented resolution) is printed, as in the tables. A figure the recount does not
 * give back as shown stays unclassified and is counted as such in the audit, never given an
 * invented class.
 */
import type { PrintedTable } from "../../data/printed-tables";
import type { FilteredSurvey } from "../apply-filter";
import type { WithEvidence } from "../evidence/across-draws";
import { classifyFigure, type Evidence, type EvidenceKind } from "../evidence/evidence";
import { missingCodesOf, type ReconciledCell, type Reconciliation, type ReconciliationCounts } from "./reconcile";
import { summaryEvidenceSteps } from "./summary-evidence";
import { recountOnDrawsSteps, type RecountRow } from "./recount-on-draws";
import { runSteps, type Steps } from "../../base/run-steps";

/** A reconciliation's figures classified, and the path of each cell's recomputed figure. */
export interface ReconciliationEvidence {
  figures: WithEvidence<Reconciliation>;
  /** "tables.3.cells.12.reconstructed"; undefined for a cell left unclassified (it gets no marker). */
  pathOf(cell: ReconciledCell): string | undefined;
  /** Cells shown without a class (the recount did not give the figure back). */
  unclassified: number;
  /** The reconciliation's own counts classified (from the same recounts). */
  summary(): WithEvidence<ReconciliationCounts>;
}

/** Same figure: values closer than this. */
const SAME = 1e-9;

/** The cells of each reconciled table (those in `only`, when given) with the printed table they were recounted from. */
function rowsOf(rec: Reconciliation, printed: readonly PrintedTable[], only?: ReadonlySet<ReconciledCell>): Pick<RecountRow, "table" | "cells">[] {
  return rec.tables.flatMap((t) => {
    const cells = only ? t.cells.filter((c) => only.has(c)) : t.cells;
    const table = cells.length > 0 ? printed.find((p) => p.id === t.id) : undefined;
    return table ? [{ table, cells }] : [];
  });
}

/** Classify every recomputed figure of `rec`, made from `selection`. */
export function reconciliationEvidence(selection: FilteredSurvey, rec: Reconciliation, printed: readonly PrintedTable[]): ReconciliationEvidence {
  return runSteps(reconciliationEvidenceSteps(selection, rec, printed));
}

/**
 * `reconciliationEvidence` in steps: one per draw's recount, one per table classified. With `only`,
 * just those cells are recounted and classified (the others get no path): each gets the class the
 * whole classification gives it, from the same recount.
 */
function* reconciliationEvidenceSteps(selection: FilteredSurvey, rec: Reconciliation, printed: readonly PrintedTable[], only?: ReadonlySet<ReconciledCell>): Steps<ReconciliationEvidence> {
  const drawn = selection.draws();
  const draws = drawn?.length ?? 0;
  const values = drawn ? yield* recountOnDrawsSteps(rowsOf(rec, printed, only), drawn, missingCodesOf(selection.survey.codebook), rec.filtered, only !== undefined) : new Map<ReconciledCell, (number | null)[]>();
  const byPath = new Map<string, Evidence>();
  const paths = new Map<ReconciledCell, string>();
  const counts: Record<EvidenceKind, number> = { printed: 0, determined: 0, reconstruction: 0, "your-data": 0 };
  let unclassified = 0;
  for (const [t, table] of rec.tables.entries()) {
    table.cells.forEach((cell, c) => {
      if (only && !only.has(cell)) return;
      const path = `tables.${t}.cells.${c}.reconstructed`;
      const v = values.get(cell);
      const recounted = v?.[0] !== undefined && v[0] !== null && Math.abs(v[0] - cell.reconstructed) < SAME;
      const isPrint = !rec.filtered && cell.ok && !cell.soft;
      // The print is a fact of the report whatever the draws; "your data" has no draws to ask.
      const evidence: Evidence | undefined = !drawn ? { kind: "your-data", draws } : isPrint ? { kind: "printed", draws } : recounted ? classifyFigure(v) : undefined;
      if (!evidence) {
        unclassified++;
        return;
      }
      byPath.set(path, evidence);
      paths.set(cell, path);
      counts[evidence.kind]++;
    });
    yield;
  }
  const figures: WithEvidence<Reconciliation> = {
    value: rec,
    evidence: (path) => byPath.get(path) ?? { kind: draws ? "determined" : "your-data", draws },
    counts,
    draws,
  };
  let summary: WithEvidence<ReconciliationCounts> | undefined;
  return {
    figures,
    pathOf: (cell) => paths.get(cell),
    unclassified,
    summary: () => (summary ??= runSteps(summaryEvidenceSteps(selection, rec, printed))),
  };
}

/** What a reconciliation built on a selection needs to classify its figures, and the classification once made. */
interface Attached {
  selection: FilteredSurvey;
  printed: readonly PrintedTable[];
  /** The reconciliation as built (a copy made by `copyEvidence` shares this). */
  rec: Reconciliation;
  made?: ReconciliationEvidence;
}

/** Per reconciliation built on a selection: its evidence, made when a view first asks for it. */
const attached = new WeakMap<Reconciliation, Attached>();

/** Remember how to classify `rec`'s figures (the ensemble is asked only when a view shows them). */
export function attachEvidence(rec: Reconciliation, selection: FilteredSurvey, printed: readonly PrintedTable[]): void {
  attached.set(rec, { selection, printed, rec });
}

/**
 * The work of `rec`'s evidence in small steps (issue 12: no task over 50 ms on a filter change):
 * one per draw's recount, one per table classified. It is the very computation a view would make
 * at once (`reconciliationEvidence`), kept for the views when it ends; stopped early, the first view
 * makes it all itself. The summary's tally (`summary()`, for the summary view only) is left to that
 * view: the tables and the flagged figures, often the ones on screen, need not wait for it.
 */
export function* evidenceSteps(rec: Reconciliation): Steps<void> {
  const a = attached.get(rec);
  if (!a) return;
  a.selection.draws();
  yield;
  if (a.made) return;
  const made = yield* reconciliationEvidenceSteps(a.selection, a.rec, a.printed);
  a.made ??= made;
}

/** The selection a reconciliation was built on (by `reconciliation.build`), if it was. */
export function selectionOfReconciliation(rec: Reconciliation): FilteredSurvey | undefined {
  return attached.get(rec)?.selection;
}

/** The evidence of a reconciliation built by `reconciliation.build` on a selection or survey. */
export function evidenceOfReconciliation(rec: Reconciliation): ReconciliationEvidence | undefined {
  const a = attached.get(rec);
  if (!a) return undefined;
  return (a.made ??= reconciliationEvidence(a.selection, a.rec, a.printed));
}

/**
 * What `cells` of `rec` rest on, for a view that shows only them (the flagged table: 25 figures
 * under a filter, from some 8 of the 37 tables). Once the whole classification is made, that;
 * until then only the printed rows holding `cells` are recounted on the draws (issue 12: some 20
 * of the print's 245 rows, so 04's flagged table, on screen mid-page, need not wait for the rest;
 * until stop 29 every draw's whole print was recounted here, most of that view's run). Each of
 * `cells` gets the path and class the whole classification gives it — the same engine on the same
 * rows of the same draw (recount-on-draws.ts, `rowsAlone`) — and the other cells none. That part
 * is not kept: the whole classification recounts every row later, in the background.
 * `summary()` is the whole classification's.
 */
export function evidenceOfCells(rec: Reconciliation, cells: readonly ReconciledCell[]): ReconciliationEvidence | undefined {
  const a = attached.get(rec);
  if (!a) return undefined;
  if (a.made) return a.made;
  const part = runSteps(reconciliationEvidenceSteps(a.selection, a.rec, a.printed, new Set(cells)));
  return { ...part, summary: () => (a.made ??= reconciliationEvidence(a.selection, a.rec, a.printed)).summary() };
}

/** `to` (a copy of `from` with more fields) with `from`'s evidence. */
export function copyEvidence<T extends Reconciliation>(from: Reconciliation, to: T): T {
  const made = attached.get(from);
  if (made) attached.set(to, made);
  return to;
}

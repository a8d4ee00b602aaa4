/**
 * The names the reconciliation notebook (notebooks/04-reconciliation.html) gets in scope next to
 * the survey builtins:
 *
 * - `reconciliation.build(selection)` — every printed table against the recomputation from the
 *   selected respondents (`applyFilter(survey, filter)` or the survey), through the residual engine
 *   of `npm run data:build`;
 * - `reconciliation.summary(rec)`, `.table(rec, id, options?)`, `.tables(rec, options?)`,
 *   `.inconsistencies(rec)`, `.flaggedTable(rec)` — the DOM views; `.flagged(rec)` — the figures that differ.
 */
import { ProblemError } from "../../base/result";
import { describe, isSelection, isSurvey, requireDocument, type AnalysisHost } from "../builtins";
import { flaggedCells, missingCodesOf, reconcile, reconciliationSummary, recordOf, type ReconciledCell, type Reconciliation } from "./reconcile";
import { renderFlagged, renderInconsistencies, renderReconciledTable, renderReconciliationSummary, type ReconciliationRenderOptions } from "./render-reconciliation";

/** Reconcile a selection (or the whole survey) with the survey's printed tables. */
export function reconcileSelection(value: unknown): Reconciliation & { disclosureSensitive: boolean } {
  const selection = isSelection(value) ? { survey: value.survey, rows: value.rows, filtered: value.conditions.length > 0, sensitive: value.disclosureSensitive }
    : isSurvey(value) ? { survey: value, rows: value.rows, filtered: false, sensitive: false }
      : undefined;
  if (!selection) throw new ProblemError({ kind: "bad-argument", message: `reconciliation.build(selection) expects the builtin \`selection\` (or the survey); got ${describe(value)}. Example: reconciliation.build(selection).` });
  const printed = selection.survey.printed;
  if (!printed) throw new ProblemError({ kind: "no-print", message: "This survey carries no printed tables; reconciliation works on the bundled 1999 survey (or a file of the same survey, compared with its print)." });
  const rec = reconcile(printed, selection.rows.map(recordOf), missingCodesOf(selection.survey.codebook), { filtered: selection.filtered });
  return { ...rec, disclosureSensitive: selection.sensitive };
}

/** Build the reconciliation names for a runtime over `host`. */
export function createReconciliationBuiltins(host: AnalysisHost): Record<string, unknown> {
  const doc = (what: string): Document => requireDocument(host, what);
  const masked = (rec: Reconciliation, options: ReconciliationRenderOptions): ReconciliationRenderOptions => {
    const sensitive = "disclosureSensitive" in rec && rec.disclosureSensitive === true;
    return { ...options, mask: options.mask ?? (host.view === "shared" && sensitive) };
  };
  const findTable = (rec: Reconciliation, id: string): Reconciliation["tables"][number] => {
    const table = rec.tables.find((t) => t.id === id);
    if (!table) throw new ProblemError({ kind: "bad-argument", message: `No printed table "${id}". Known ids: ${rec.tables.map((t) => t.id).join(", ")}.` });
    return table;
  };
  const reconciliation = {
    build: (selection: unknown): Reconciliation & { toJSON(): Record<string, unknown> } => {
      const rec = reconcileSelection(selection);
      // Headless runs print this summary instead of all 727 cells.
      return { ...rec, toJSON: () => reconciliationSummary(rec) };
    },
    flagged: (rec: Reconciliation): ReconciledCell[] => flaggedCells(rec),
    flaggedTable: (rec: Reconciliation, options: ReconciliationRenderOptions = {}): HTMLElement =>
      renderFlagged(doc("The flagged figures"), rec, masked(rec, options)),
    summary: (rec: Reconciliation): HTMLElement => renderReconciliationSummary(doc("The reconciliation summary"), rec),
    table: (rec: Reconciliation, id: string, options: ReconciliationRenderOptions = {}): HTMLElement =>
      renderReconciledTable(doc("A reconciliation table"), findTable(rec, id), masked(rec, options)),
    tables: (rec: Reconciliation, options: ReconciliationRenderOptions = {}): HTMLElement => {
      const d = doc("The reconciliation tables");
      const section = d.createElement("section");
      for (const t of rec.tables) if (t.cells.length > 0 || !options.onlyFlagged) section.append(renderReconciledTable(d, t, masked(rec, options)));
      return section;
    },
    inconsistencies: (rec: Reconciliation, options: ReconciliationRenderOptions = {}): HTMLElement =>
      renderInconsistencies(doc("The inconsistency list"), rec.inconsistencies, masked(rec, options)),
  };
  return { reconciliation };
}

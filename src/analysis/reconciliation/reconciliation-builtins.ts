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
import { builtinError, describeValue } from "../../base/builtin-problem";
import type { FilteredSurvey } from "../apply-filter";
import type { Survey } from "../survey";
import { isSelection, isSurvey, requireDocument, type AnalysisHost } from "../builtins";
import { flaggedCells, missingCodesOf, reconcile, reconcileFigures, reconciliationSummary, recordOf, type ReconciledCell, type Reconciliation } from "./reconcile";
import { selectionFigures } from "./recount-on-draws";
import { applyFilter } from "../apply-filter";
import { formatShownCount, guardCount } from "../../stats/disclosure";
import { EMPTY_FILTER } from "../../data/survey-filter";
import { DEFAULT_LOCALE, type Locale } from "../../base/locale/locale";
import { attachEvidence, copyEvidence as withEvidenceOf, evidenceSteps } from "./reconciliation-evidence";
import { keptView, viewKeeper } from "./kept-views";
import { stepPerTask } from "../work-ahead";
import { keptBuild } from "./kept-builds";
import { renderFlagged, renderInconsistencies, renderReconciledTable, renderReconciliationSummary, type ReconciliationRenderOptions } from "./render-reconciliation";
import type { BokmalInconsistencies } from "./inconsistency-words";

/**
 * Reconcile a selection (or the whole survey) with the survey's printed tables; `shared`: the
 * headline says a county- or size-filtered N of 1–2 as "< 3", as the shared view says it everywhere.
 */
export function reconcileSelection(value: unknown, locale: Locale = DEFAULT_LOCALE, shared = false): Reconciliation & { disclosureSensitive: boolean } {
  const chosen = isSelection(value) ? value : isSurvey(value) ? applyFilter(value, EMPTY_FILTER) : undefined;
  if (!chosen) throw builtinError("reconciliation.build", "bad-argument", `the argument is \`selection\` (or \`survey\`), but it got ${describeValue(value)}.`);
  const printed = chosen.survey.printed;
  if (!printed) throw builtinError("reconciliation.build", "no-print", "this survey carries no printed tables; reconciliation works on the bundled 1999 survey (or a file of the same survey, compared with its print).");
  const filtered = chosen.conditions.length > 0;
  const sensitive = chosen.disclosureSensitive;
  // The selection's N, not its rows' length: `rows` builds a table and an object per respondent,
  // which only the records' path below reads (issue 12: 04's `rec` runs in the input's task).
  const shown = guardCount(chosen.n, { active: shared && sensitive });
  const shownN = shown.masked ? formatShownCount(shown) : undefined;
  const missing = missingCodesOf(chosen.survey.codebook);
  const options = { filtered, locale, shownN };
  // The bundled reconstruction's selection is counted from its typed columns by the compiled
  // recount, which its evidence then reads for its first draw (the same figures as its records give,
  // recount-plan.test.ts). A user's file (whose text cells the records drop) and a selection of none
  // are reconciled on their records.
  const built = chosen.survey.draws && chosen.n > 0 ? reconcileFigures(printed, chosen.n, selectionFigures(chosen, missing, filtered), options) : reconcile(printed, chosen.rows.map(recordOf), missing, options);
  const rec = { ...built, disclosureSensitive: sensitive };
  attachEvidence(rec, chosen, printed.tables);
  return rec;
}

/** A reconciliation as `reconciliation.build` returns it. */
export type BuiltReconciliation = Reconciliation & { disclosureSensitive: boolean; toJSON(): Record<string, unknown> };

/** Every printed figure against the recomputation, in scope as `reconciliation`. */
export interface ReconciliationBuiltin {
  /**
   * Every printed table of the report recomputed from the selected respondents, through the residual
   * engine of `npm run data:build`: exact, documented conflicts met, approximate, and differences.
   * @example reconciliation.build(selection)
   */
  build(selection: Survey | FilteredSurvey): BuiltReconciliation;
  /**
   * The figures that differ from the print (or from their documented resolution).
   * @example reconciliation.flagged(reconciliation.build(selection))
   */
  flagged(rec: Reconciliation): ReconciledCell[];
  /**
   * The flagged figures as a table.
   * @example reconciliation.flaggedTable(reconciliation.build(selection))
   */
  flaggedTable(rec: Reconciliation, options?: ReconciliationRenderOptions): HTMLElement;
  /**
   * The counts of the reconciliation as a small table.
   * @example reconciliation.summary(reconciliation.build(selection))
   */
  summary(rec: Reconciliation): HTMLElement;
  /**
   * One printed table, figure by figure.
   * @example reconciliation.table(reconciliation.build(selection), "2.1")
   */
  table(rec: Reconciliation, id: string, options?: ReconciliationRenderOptions): HTMLElement;
  /**
   * Every printed table, figure by figure (`{onlyFlagged: true}`: only those with a flagged figure);
   * resolves once the last table is drawn (a table per step, between other tasks). A draw stops when
   * its cell runs again meanwhile (a newer filter).
   * @example reconciliation.tables(reconciliation.build(selection), {onlyFlagged: true})
   */
  tables(rec: Reconciliation, options?: ReconciliationRenderOptions): Promise<HTMLElement>;
  /**
   * The report's self-contradictions and how the reconstruction resolves each, in the app's
   * language (resolves once its words are loaded).
   * @example reconciliation.inconsistencies(reconciliation.build(selection))
   */
  inconsistencies(rec: Reconciliation, options?: ReconciliationRenderOptions): Promise<HTMLElement>;
}

/** The reconciliation's names. */
export interface ReconciliationBuiltins {
  /**
   * Every printed figure of the 1999 report against its recomputation from the respondents.
   * @example reconciliation.summary(reconciliation.build(selection))
   */
  reconciliation: ReconciliationBuiltin;
}

/**
 * What `reconciliation.build` returned (any runtime's). The views walk a reconciliation's tables and
 * cells as they are; a made-up one from a shared, untrusted notebook — a table list claiming a
 * billion entries — held the frame, and `{}` gave "Cannot read properties of undefined". So each
 * view checks once, at the call, that it was given a build, and tells anything else the call to make.
 */
const builds = new WeakSet<object>();

/** `value` is a reconciliation `reconciliation.build` returned. */
function isBuild(value: unknown): value is BuiltReconciliation {
  return typeof value === "object" && value !== null && builds.has(value);
}

/** `rec` if `reconciliation.build` returned it; else the error of `builtin` saying to pass a build. */
function requireBuild(rec: unknown, builtin: string): BuiltReconciliation {
  if (isBuild(rec)) return rec;
  throw builtinError(builtin, "bad-argument", `the argument is what \`reconciliation.build(selection)\` returns, but it got ${describeValue(rec)}.`);
}

/** Build the reconciliation names for a runtime over `host`. */
export function createReconciliationBuiltins(host: AnalysisHost): ReconciliationBuiltins {
  const doc = (what: string): Document => requireDocument(host, what);
  const locale = host.locale ?? DEFAULT_LOCALE;
  const masked = (rec: Reconciliation, options: ReconciliationRenderOptions): ReconciliationRenderOptions => {
    const sensitive = "disclosureSensitive" in rec && rec.disclosureSensitive === true;
    return { ...options, mask: options.mask ?? (host.view === "shared" && sensitive), locale: options.locale ?? locale };
  };
  const findTable = (rec: Reconciliation, id: string): Reconciliation["tables"][number] => {
    const table = rec.tables.find((t) => t.id === id);
    if (!table) throw builtinError("reconciliation.table", "bad-argument", `no printed table "${id}". Known ids: ${rec.tables.map((t) => t.id).join(", ")}.`);
    return table;
  };
  const reconciliation: ReconciliationBuiltin = {
    build: (selection) => {
      const shared = host.view === "shared";
      const built = keptBuild(selection, locale, shared, () => {
        const rec = reconcileSelection(selection, locale, shared);
        // Headless runs print this summary instead of all 727 cells; the evidence stays with the object shown.
        return withEvidenceOf(rec, { ...rec, toJSON: () => reconciliationSummary(rec) });
      });
      // The recount on every reconstruction, in steps before the views ask for it (issue 12).
      host.warm?.("reconciliation", evidenceSteps(built));
      builds.add(built);
      return built;
    },
    flagged: (value) => flaggedCells(requireBuild(value, "reconciliation.flagged")),
    flaggedTable: (value, options = {}) => {
      const rec = requireBuild(value, "reconciliation.flaggedTable");
      const d = doc("reconciliation.flaggedTable");
      const o = masked(rec, options);
      return keptView(d, rec, "flagged", o, () => renderFlagged(d, rec, o));
    },
    summary: (value) => renderReconciliationSummary(doc("reconciliation.summary"), requireBuild(value, "reconciliation.summary"), locale),
    table: (value, id, options = {}) => {
      const rec = requireBuild(value, "reconciliation.table");
      return renderReconciledTable(doc("reconciliation.table"), rec, findTable(rec, id), masked(rec, options));
    },
    tables: (value, options = {}) => {
      const rec = requireBuild(value, "reconciliation.tables");
      const d = doc("reconciliation.tables");
      const o = masked(rec, options);
      const keeper = viewKeeper(d, rec, "tables", o);
      if (keeper.copy) return Promise.resolve(keeper.copy);
      // Drawn a printed table per step (issue 12): all 727 rows in one task took 33–55 ms under a
      // filter change, a task the page's input waited behind. The cell's value is the whole section.
      const section = d.createElement("section");
      const shown = rec.tables.filter((t) => t.cells.length > 0 || !o.onlyFlagged);
      let drawn = 0;
      const steps = shown.map((t) => () => {
        section.append(renderReconciledTable(d, rec, t, o));
        drawn++;
      });
      // A newer run of the calling cell (a newer filter) stops this draw at its next step: the
      // runtime drops this run's value, and the newer run's draw waits for this one to settle
      // (Observable runs a cell's definitions one after the other): until stop 30 all 37 steps ran.
      const current = host.callerRun?.() ?? (() => true);
      return (host.steps ?? stepPerTask)(steps, current).then(() => {
        // Stopped: a part drawn is no view to keep, nor to give anyone.
        if (drawn < steps.length) throw builtinError("reconciliation.tables", "superseded", "this draw stopped: its cell ran again (a newer filter), and that run draws the tables.");
        return keeper.keep(section);
      });
    },
    inconsistencies: (value, options = {}) => {
      const rec = requireBuild(value, "reconciliation.inconsistencies");
      const shown = masked(rec, options);
      const render = (bokmal?: BokmalInconsistencies): HTMLElement => renderInconsistencies(doc("reconciliation.inconsistencies"), rec, shown, bokmal);
      // The bokmål texts (≈ 7 KB gzip) are a chunk of their own: only 04 shows them, and only in norsk.
      return shown.locale === "nb" ? import("./inconsistencies-nb").then((m) => render(m.inconsistenciesNb)) : Promise.resolve(render());
    },
  };
  return { reconciliation };
}

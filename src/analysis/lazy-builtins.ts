/**
 * The analysis layer's names, known without loading the layer. The app defines each as a lazy
 * builtin and imports `all-builtins.ts` (and with it Plot, the stats core, the codebook…) only when a
 * cell first uses one of them, which keeps them out of the startup bundle. This module must stay
 * free of imports; a unit test keeps the list equal to what `createAllAnalysisBuiltins` returns.
 */

/** Every name the analysis layer puts in scope. */
export const ANALYSIS_NAMES: readonly string[] = [
  "stats", "tables", "charts", "filterInput", "applyFilter", "matchesFilter", "describeFilter", "comparePrinted", "acrossReconstructions", "evidenceOf", "renderComparison", "shownComparison", "renderTable",
  "exportTable", "exportColumns", "psppExport", "disclosure", "fmt",
  "crosswalk", "thesis",
  "reconciliation",
];

/**
 * The names whose output is in the app's language (words and number format): each is made for one
 * language, and a language switch redefines them (SurveyScope.localize), rerunning exactly the
 * cells that use them.
 */
export const LOCALIZED_NAMES: readonly string[] = ["stats", "tables", "charts", "filterInput", "applyFilter", "describeFilter", "renderComparison", "renderTable", "fmt", "crosswalk", "reconciliation", "psppExport"];

/**
 * The same names as lazy getters: nothing of the analysis layer is imported until a cell uses one
 * of them; then `load` is called once and every name resolves from its result.
 */
export function lazyAnalysisBuiltins(load: () => Promise<Record<string, unknown>>): Record<string, unknown> {
  let loaded: Promise<Record<string, unknown>> | undefined;
  const once = (): Promise<Record<string, unknown>> => (loaded ??= load());
  const names: Record<string, unknown> = {};
  for (const name of ANALYSIS_NAMES) {
    Object.defineProperty(names, name, { enumerable: true, get: () => once().then((all) => Reflect.get(all, name)) });
  }
  return names;
}

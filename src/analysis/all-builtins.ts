/**
 * The whole analysis layer as notebook builtins: survey, stats, filter bar, charts (builtins.ts)
 * the thesis crosswalk (crosswalk-builtins.ts) and the printed-vs-recomputed reconciliation
 * (reconciliation-builtins.ts). The browser app and the headless runner both
 * take their names from here, so a notebook sees the same scope everywhere.
 * The app imports this module only when a cell first uses one of its names (see lazy-builtins.ts).
 */
import { createAnalysisBuiltins, type AnalysisHost } from "./builtins";
import { createCrosswalkBuiltins } from "./crosswalk-builtins";
import { createReconciliationBuiltins } from "./reconciliation-builtins";

/**
 * All analysis builtins over one host, merged by property descriptor so lazy getters (`survey`,
 * `thesis`, which read data files) are not called while merging; later factories win on a clash.
 */
export function createAllAnalysisBuiltins(host: AnalysisHost): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const part of [createAnalysisBuiltins(host), createCrosswalkBuiltins(host), createReconciliationBuiltins(host)]) {
    Object.defineProperties(merged, Object.getOwnPropertyDescriptors(part));
  }
  return merged;
}

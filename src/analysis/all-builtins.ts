/**
 * The whole analysis layer as notebook builtins: stats, filter bars, charts, tables (builtins.ts),
 * the thesis crosswalk (crosswalk/) and the printed-vs-recomputed reconciliation (reconciliation/).
 * `survey`, `filter` and `selection` come from the host's SurveyScope. The browser app and the
 * headless runner both take their names from here, so a notebook sees the same scope everywhere.
 * The app imports this module only when a cell first uses one of its names (see lazy-builtins.ts).
 */
import { signBuiltins } from "../base/builtin-signature";
import { mergeLazy } from "../base/merge-lazy";
import { createAnalysisBuiltins, type AnalysisBuiltins, type AnalysisHost } from "./builtins";
import { createCrosswalkBuiltins, type CrosswalkBuiltins } from "./crosswalk/crosswalk-builtins";
import { createReconciliationBuiltins, type ReconciliationBuiltins } from "./reconciliation/reconciliation-builtins";
import type { SurveyHost } from "./survey";

/** Every analysis name with its type and documentation (the reference is generated from this type). */
export type AllAnalysisBuiltins = AnalysisBuiltins & CrosswalkBuiltins & ReconciliationBuiltins;

/** All analysis builtins over one host (`thesis` stays a lazy getter until a cell reads it). */
export function createAllAnalysisBuiltins(host: SurveyHost & AnalysisHost): Record<string, unknown> {
  return signBuiltins(mergeLazy(createAnalysisBuiltins(host), createCrosswalkBuiltins(host), createReconciliationBuiltins(host)));
}

/**
 * Everything a notebook has in scope in the app: the stdlib, the analysis layer (lazy: its module
 * is imported, and the survey files read, only when a cell uses one of its names) and the host's
 * survey state (`survey`, `filter`, `selection` from the SurveyScope, redefined when the data or the
 * filter changes). Merged by property descriptor (mergeLazy) so no getter runs while merging.
 */
import { lazyAnalysisBuiltins } from "../analysis/lazy-builtins";
import type { SurveyScope } from "../analysis/survey-scope";
import { mergeLazy } from "../base/merge-lazy";
import { createStdlib, type StdlibHost } from "../runtime/stdlib";

/** The builtins for one view of notebooks ("shared": counts of 1–2 under a county/size filter masked). */
export function notebookBuiltins(host: StdlibHost & { view: "live" | "shared" }, scope: SurveyScope): Record<string, unknown> {
  const analysis = lazyAnalysisBuiltins(() => import("../analysis/all-builtins").then((m) => m.createAllAnalysisBuiltins(host)));
  return mergeLazy(createStdlib(host), analysis, scope.builtins());
}

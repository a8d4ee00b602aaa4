/**
 * Everything a notebook has in scope in the app: the stdlib, the analysis layer (lazy: its module
 * is imported, and the survey files read, only when a cell uses one of its names) and the host's
 * survey state (`survey`, `filter`, `selection` from the SurveyScope, redefined when the data or the
 * filter changes), with the names written in the app's language made per language and redefined by
 * the scope on a switch. Merged by property descriptor (mergeLazy) so no getter runs while merging.
 */
import { lazyAnalysisBuiltins, LOCALIZED_NAMES } from "../analysis/lazy-builtins";
import { formatBuiltin, type Locale } from "../base/locale/locale";
import type { SurveyScope } from "../analysis/survey-scope";
import { mergeLazy } from "../base/merge-lazy";
import { createStdlib, type StdlibHost } from "../runtime/stdlib";
import type { AnalysisHost } from "../analysis/builtins";

/** The builtins for one view of notebooks ("shared": counts of 1–2 under a county/size filter masked). */
export function notebookBuiltins(host: StdlibHost & Pick<AnalysisHost, "warm" | "steps" | "callerRun"> & { view: "live" | "shared" }, scope: SurveyScope): Record<string, unknown> {
  const made = new Map<Locale, Promise<Record<string, unknown>>>();
  const load = (locale: Locale): Promise<Record<string, unknown>> => {
    let builtins = made.get(locale);
    if (!builtins) made.set(locale, (builtins = import("../analysis/all-builtins").then((m) => m.createAllAnalysisBuiltins({ ...host, locale }))));
    return builtins;
  };
  // `fmt` needs nothing of the analysis layer: a notebook that only formats numbers does not load it.
  const define = (locale: Locale, name: string): unknown => (name === "fmt" ? formatBuiltin(locale) : load(locale).then((all) => Reflect.get(all, name)));
  scope.localize({ names: LOCALIZED_NAMES, define });
  // The names that do not depend on the language come from the builtins of the first language asked for.
  const analysis = lazyAnalysisBuiltins(() => load(scope.locale));
  return mergeLazy(createStdlib({ ...host, tableLocale: () => scope.locale }), analysis, scope.builtins());
}

/**
 * Reconciliations kept per survey and filter (issue 12): 04's cell `rec` is built again whenever
 * `selection` changes, and clearing the filter — the commonest what-if step — rebuilt the whole
 * survey's reconciliation each time (24–36 ms of the change in the profile). A reconciliation is a
 * function of the selection's survey and the filter's conditions (`reconcileSelection`, as the
 * kept views say in kept-views.ts) and of the language and view it is built for, so the one built
 * before for the same of those is given again, its evidence (once made) with it.
 */
import type { Locale } from "../../base/locale/locale";
import { keptOrMade } from "../../base/recent-entries";
import { isSelection } from "../apply-filter";
import { isSurvey } from "../survey";
import { conditionsKey } from "../evidence/frame-counter";
import type { BuiltReconciliation } from "./reconciliation-builtins";

/** Filters whose reconciliation is kept per survey (the one asked for longest ago goes first). */
export const BUILDS_KEPT = 4;

/** Per survey: key (conditions, language, view) → the reconciliation built. */
const kept = new WeakMap<object, Map<string, BuiltReconciliation>>();

/**
 * `make()`, or what it gave before for the same survey, conditions, language and view. A value
 * that is neither a selection nor a survey is passed to `make` every time (it reports the error).
 */
export function keptBuild(value: unknown, locale: Locale, shared: boolean, make: () => BuiltReconciliation): BuiltReconciliation {
  // The whole survey is the selection without conditions (`reconcileSelection`).
  const from = isSelection(value) ? { survey: value.survey, conditions: conditionsKey(value), sensitive: value.disclosureSensitive } : isSurvey(value) ? { survey: value, conditions: "", sensitive: false } : undefined;
  if (!from) return make();
  let builds = kept.get(from.survey);
  if (!builds) kept.set(from.survey, (builds = new Map()));
  const key = [from.conditions, from.sensitive, locale, shared].join("\u0000");
  // The filters asked for last are dropped last.
  return keptOrMade(builds, key, BUILDS_KEPT, make);
}

/**
 * Whether a reconciliation was asked for on `survey` (notebook 04 ran): the open notebook's work
 * ahead then compiles the print's recount plans for a filter (evidence/warm-counties.ts).
 */
export function reconciledOn(survey: object): boolean {
  return kept.has(survey);
}

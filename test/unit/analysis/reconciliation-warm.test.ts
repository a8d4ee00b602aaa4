/**
 * Issue 12: in the app, `reconciliation.build` hands its recount on every reconstruction to the host
 * in small steps (AnalysisHost.warm), so no view does it in one long task. The views must not show
 * anything else for it: drawn after every step, after some of them, or with no steps at all (Node,
 * the headless runner), each view of notebook 04 is the same DOM, under the filters a reader picks.
 * Each side reads its own copy of the survey, so neither finds the other's recounts in a cache.
 */
import { describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { createReconciliationBuiltins } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

const host = nodeHost();

/** Every view of notebook 04 as HTML. */
async function views(reconciliation: ReturnType<typeof createReconciliationBuiltins>["reconciliation"], rec: ReturnType<typeof reconciliation.build>): Promise<string[]> {
  return [reconciliation.summary(rec), reconciliation.flaggedTable(rec), await reconciliation.tables(rec, { onlyFlagged: false }), await reconciliation.inconsistencies(rec)].map((e) => e.outerHTML);
}

/** The views of a fresh survey under `filter`, the warm steps run up to `limit` (undefined: no host warm at all). */
async function drawn(filter: SurveyFilter, limit: number | undefined): Promise<{ html: string[]; steps: number }> {
  let steps = 0;
  const warm = limit === undefined ? undefined : (_key: string, work: Iterator<void>): void => {
    while (steps < limit && !work.next().done) steps++;
  };
  const { reconciliation } = createReconciliationBuiltins({ document: host.document, view: "live", warm });
  const selection = applyFilter(await loadSurvey(host), filter);
  return { html: await views(reconciliation, reconciliation.build(selection)), steps };
}

describe("the reconciliation's recount in steps (AnalysisHost.warm)", () => {
  const filters: [string, SurveyFilter][] = [
    ["no filter", EMPTY_FILTER],
    ["Rogaland", { ...EMPTY_FILTER, fylke: [11] }],
  ];
  it.each(filters)("%s: every view is the same DOM with all steps, some steps and none", async (_name, filter) => {
    const none = await drawn(filter, undefined);
    const all = await drawn(filter, Number.POSITIVE_INFINITY);
    const some = await drawn(filter, 30);
    // One step per draw's recount and per table classified: the work was done ahead, not skipped.
    expect(all.steps).toBeGreaterThan(60);
    expect(some.steps).toBe(30);
    expect(none.html.join("").length).toBeGreaterThan(100_000);
    expect(all.html).toEqual(none.html);
    expect(some.html).toEqual(none.html);
  }, 120_000);
});

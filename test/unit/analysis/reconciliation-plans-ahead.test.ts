/**
 * 04's first filter change after opening (issue 12): the print's recount plans for a subset (a
 * filter) are compiled by the open notebook's work ahead once it has built its reconciliation
 * (evidence/warm-counties.ts through recount-on-draws.ts `printPlanSteps`), so the first filtered
 * `reconciliation.build` — 04's cell `rec`, in the input's task — compiles none, and gives the
 * figures of a survey that compiles them itself.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { countyWarmSteps } from "../../../src/analysis/evidence/warm-counties";
import { createReconciliationBuiltins } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import { compiled } from "../../../src/analysis/reconciliation/recount-on-draws";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

const reconciliation = createReconciliationBuiltins({ document: nodeHost().document, view: "live" }).reconciliation;
const county = (fylke: number): SurveyFilter => ({ ...EMPTY_FILTER, fylke: [fylke] });

let warmed: Survey;
let fresh: Survey;
beforeAll(async () => {
  [warmed, fresh] = await Promise.all([loadSurvey(nodeHost()), loadSurvey(nodeHost())]);
}, 60_000);

/** The steps of `countyWarmSteps(survey)` run; how many. (Asked for all first: 04's plan steps do not depend on each other.) */
function ranSteps(survey: Survey): number {
  const steps = [...countyWarmSteps(survey)];
  steps.forEach((step) => step());
  return steps.length;
}

/** Plans compiled by `run`. */
function compiling(run: () => void): { tables: number; prints: number } {
  const before = { ...compiled };
  run();
  return { tables: compiled.tables - before.tables, prints: compiled.prints - before.prints };
}

describe("04's recount plans for a filter, compiled ahead", () => {
  it("are compiled by the work ahead once the notebook built a reconciliation, and the first filtered build compiles none", () => {
    // A notebook that never reconciled works ahead on nothing of 04's (here: nothing at all).
    expect(ranSteps(warmed)).toBe(0);
    reconciliation.build(applyFilter(warmed, EMPTY_FILTER));
    const tables = warmed.printed?.tables.length ?? 0;
    expect(tables).toBeGreaterThan(20);
    // A printed table's plan a step, then the print's one plan.
    let steps = 0;
    expect(compiling(() => (steps = ranSteps(warmed)))).toEqual({ tables, prints: 1 });
    expect(steps).toBe(tables + 1);
    // Run again, the steps compile nothing.
    expect(compiling(() => ranSteps(warmed))).toEqual({ tables: 0, prints: 0 });
    // … nor does the first filter's reconciliation, nor the next; on a survey not worked ahead, the
    // first compiles them all.
    let rec = reconciliation.build(applyFilter(warmed, EMPTY_FILTER));
    expect(compiling(() => (rec = reconciliation.build(applyFilter(warmed, county(17), { locale: "en" }))))).toEqual({ tables: 0, prints: 0 });
    expect(compiling(() => reconciliation.build(applyFilter(warmed, county(9))))).toEqual({ tables: 0, prints: 0 });
    reconciliation.build(applyFilter(fresh, EMPTY_FILTER));
    let want = rec;
    expect(compiling(() => (want = reconciliation.build(applyFilter(fresh, county(17), { locale: "en" }))))).toEqual({ tables, prints: 1 });
    expect(rec.filtered).toBe(true);
    expect(rec.tables).toEqual(want.tables);
    expect(rec.counts).toEqual(want.counts);
    expect(rec.headline).toBe(want.headline);
  }, 60_000);
});

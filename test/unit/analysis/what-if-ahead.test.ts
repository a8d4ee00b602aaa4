/**
 * 06's what-if sides measured ahead (crosswalk/what-if-ahead.ts): once the what-if has diffed, an
 * evaluation under a new filter hands over (`AnalysisHost.warm`, key `filter`: the what-if reads it) the steps that
 * measure the sides the what-if will ask for under that filter — what each side set apart from the
 * filter, laid over the new one — into the frame's store, where the what-if then finds them; its
 * values equal a fresh survey's. Nothing is handed over before a diff, and a side guessed wrong is
 * measured by the what-if itself, with the same values.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { createCrosswalkBuiltins, loadThesis } from "../../../src/analysis/crosswalk/crosswalk-builtins";
import { FRAME_MEASUREMENTS, filterKey } from "../../../src/analysis/crosswalk/measured-draws-cache";
import { ownParts } from "../../../src/analysis/crosswalk/what-if-ahead";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import type { ThesisData } from "../../../src/data/thesis";
import { nodeHost } from "../notebooks/headless-survey";

let warmed: Survey;
let fresh: Survey;
let thesis: ThesisData;
beforeAll(async () => {
  [warmed, fresh, thesis] = await Promise.all([loadSurvey(nodeHost()), loadSurvey(nodeHost()), loadThesis(nodeHost())]);
}, 120_000);

/** The builtins over a host that keeps the work handed over, by key, to run when the test says. */
function builtins(): { crosswalk: ReturnType<typeof createCrosswalkBuiltins>["crosswalk"]; handed: [string, Iterator<void>][] } {
  const handed: [string, Iterator<void>][] = [];
  const { crosswalk } = createCrosswalkBuiltins({ ...nodeHost(), locale: "en", warm: (key, steps) => void handed.push([key, steps]) });
  return { crosswalk, handed };
}

/** 06's what-if cell under `filter` (its sides: the filter with size classes 1–3 and 4–6). */
function whatIf(crosswalk: ReturnType<typeof builtins>["crosswalk"], survey: Survey, filter: SurveyFilter): unknown {
  const [small, large] = crosswalk.SMALL_VS_LARGE;
  const diffs = crosswalk.diff(survey, { label: small.label, filter: { ...filter, sizeClass: small.filter.sizeClass } }, { label: large.label, filter: { ...filter, sizeClass: large.filter.sizeClass } }, thesis);
  return JSON.parse(JSON.stringify(diffs));
}

const kept = (survey: Survey, filter: SurveyFilter): boolean => FRAME_MEASUREMENTS.has(survey, thesis, filterKey(applyFilter(survey, filter).filter));

describe("what a what-if side sets itself", () => {
  it("is the parts that differ from the filter, in any order of codes", () => {
    const base: SurveyFilter = { ...EMPTY_FILTER, fylke: [11, 12], sizeClass: [5] };
    expect(ownParts({ ...base, fylke: [12, 11], sizeClass: [1, 2, 3] }, base)).toEqual({ sizeClass: [1, 2, 3] });
    expect(ownParts(base, base)).toEqual({});
    expect(ownParts({ ...EMPTY_FILTER, respType: [1] }, base)).toEqual({ fylke: [], sizeClass: [], respType: [1] });
  });
});

describe("06's what-if sides measured ahead after an evaluation", () => {
  it("hands over nothing before the what-if has diffed, then its sides under the new filter, which the what-if reads with a fresh survey's values", () => {
    const { crosswalk, handed } = builtins();
    crosswalk.evaluate(applyFilter(warmed, EMPTY_FILTER), thesis);
    expect(handed).toHaveLength(0);
    whatIf(crosswalk, warmed, EMPTY_FILTER);
    const county: SurveyFilter = { ...EMPTY_FILTER, fylke: [17] };
    crosswalk.evaluate(applyFilter(warmed, county), thesis);
    // Under `filter`, which the what-if reads to build its sides (and the evaluation does not).
    expect(handed.map(([key]) => key)).toEqual(["filter"]);
    const sides = [{ ...county, sizeClass: [1, 2, 3] }, { ...county, sizeClass: [4, 5, 6] }];
    expect(sides.map((side) => kept(warmed, side))).toEqual([false, false]);
    const [, steps] = handed[0] ?? [];
    let count = 0;
    while (steps?.next().done === false) count++;
    // Two sides: each filtered in a step, then measured a reconstruction a step.
    expect(count).toBe(2 * (1 + (warmed.draws?.length ?? 0)));
    expect(sides.map((side) => kept(warmed, side))).toEqual([true, true]);
    expect(whatIf(crosswalk, warmed, county)).toEqual(whatIf(createCrosswalkBuiltins({ ...nodeHost(), locale: "en" }).crosswalk, fresh, county));
  }, 120_000);

  it("a side guessed wrong is measured by the what-if itself, with the same values", () => {
    const { crosswalk, handed } = builtins();
    crosswalk.evaluate(applyFilter(warmed, EMPTY_FILTER), thesis);
    whatIf(crosswalk, warmed, EMPTY_FILTER);
    const filter: SurveyFilter = { ...EMPTY_FILTER, respType: [1] };
    crosswalk.evaluate(applyFilter(warmed, filter), thesis);
    for (const [, steps] of handed) while (steps.next().done === false);
    // This what-if keeps the size classes but not the rest of the filter.
    const other = builtins().crosswalk;
    const [small, large] = other.SMALL_VS_LARGE;
    const diffs = (survey: Survey, c: typeof other): unknown => JSON.parse(JSON.stringify(c.diff(survey, { filter: { ...small.filter, adopted: ["q20"] } }, large, thesis)));
    expect(diffs(warmed, crosswalk)).toEqual(diffs(fresh, createCrosswalkBuiltins({ ...nodeHost(), locale: "en" }).crosswalk));
  }, 120_000);
});

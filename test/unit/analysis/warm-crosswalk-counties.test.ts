/**
 * Each county's crosswalk measured ahead in the open notebook's idle time (warm-counties.ts →
 * crosswalk/warm-crosswalk.ts `crosswalkCountySteps`, into `COUNTY_MEASUREMENTS`): notebook 06's
 * evaluation under a county then reads it and asks for no reconstruction, gives the verdicts,
 * numbers and words a fresh survey computes itself, is never served for a county combined with
 * another condition, and pushes none of the reader's own filters out of their store.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter, type FilteredSurvey } from "../../../src/analysis/apply-filter";
import { createCrosswalkBuiltins, loadThesis } from "../../../src/analysis/crosswalk/crosswalk-builtins";
import { COUNTY_MEASUREMENTS, FRAME_MEASUREMENTS, filterKey } from "../../../src/analysis/crosswalk/measured-draws-cache";
import { crosswalkCountySteps } from "../../../src/analysis/crosswalk/warm-crosswalk";
import { countyWarmSteps } from "../../../src/analysis/evidence/warm-counties";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { COUNTIES_1999 } from "../../../src/data/counties";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import type { ThesisData } from "../../../src/data/thesis";
import { nodeHost } from "../notebooks/headless-survey";

/** Steps per selection: the reconstructions filtered, then fifty, one per step (warm-crosswalk.ts). */
const STEPS_PER_COUNTY = 51;

let warmed: Survey;
let fresh: Survey;
let thesis: ThesisData;
let steps = 0;
beforeAll(async () => {
  [warmed, fresh, thesis] = await Promise.all([loadSurvey(nodeHost()), loadSurvey(nodeHost()), loadThesis(nodeHost())]);
  // Before 06 evaluates anything, there is nothing to measure ahead for it.
  expect(crosswalkCountySteps(warmed, 11)).toHaveLength(0);
  // The notebook's first run evaluates the crosswalk unfiltered; then the frame works ahead.
  evaluation(warmed, EMPTY_FILTER, "nb");
  for (const step of countyWarmSteps(warmed)) {
    step();
    steps++;
  }
}, 120_000);

/** `selection` as a new object whose `draws()` counts its calls (a measurement filters the reconstructions through it). */
function counted(selection: FilteredSurvey): { selection: FilteredSurvey; calls: () => number } {
  let calls = 0;
  return { selection: { ...selection, draws: () => (calls++, selection.draws()) }, calls: () => calls };
}

/** 06's evaluation cell (`crosswalk.evaluate(selection, findings)`) on `survey` under `filter`, as plain data, and how often it asked for the reconstructions. */
function evaluation(survey: Survey, filter: SurveyFilter, locale: "nb" | "en"): { value: unknown; draws: number } {
  const { crosswalk } = createCrosswalkBuiltins({ ...nodeHost(), locale });
  const { selection, calls } = counted(applyFilter(survey, filter, { locale }));
  const value: unknown = JSON.parse(JSON.stringify(crosswalk.evaluate(selection, thesis)));
  return { value, draws: calls() };
}

const county = (fylke: number): SurveyFilter => ({ ...EMPTY_FILTER, fylke: [fylke] });

describe("each county's crosswalk measured ahead", () => {
  it("is a few steps per county for the thesis evaluated, none for a survey without reconstructions", () => {
    expect(steps).toBe(COUNTIES_1999.length * STEPS_PER_COUNTY);
    const own: Survey = { ...fresh, draws: undefined };
    evaluation(own, EMPTY_FILTER, "nb");
    expect([...countyWarmSteps(own)]).toHaveLength(0);
  });

  it("is read by 06's evaluation under that county, which asks for no reconstruction and equals a fresh survey's, in both languages", () => {
    for (const { fylke } of COUNTIES_1999) {
      for (const locale of ["nb", "en"] as const) {
        const got = evaluation(warmed, county(fylke), locale);
        expect(got.draws, `county ${fylke}`).toBe(0);
        const want = evaluation(fresh, county(fylke), locale);
        // The fresh survey measures the county itself (in the other language it reads its own measurement).
        if (locale === "nb") expect(want.draws, `county ${fylke} on a fresh survey`).toBeGreaterThan(0);
        expect(got.value, `county ${fylke} (${locale})`).toEqual(want.value);
      }
    }
  }, 60_000);

  it("is never read for a county combined with another condition: that is measured afresh, as a fresh survey does", () => {
    const combined: SurveyFilter[] = [
      { ...county(11), sizeClass: [5] },
      { ...county(11), respType: [1] },
      { ...county(11), adopted: ["q20"] },
      { ...county(11), fylke: [11, 12] },
    ];
    for (const filter of combined) {
      const got = evaluation(warmed, filter, "en");
      expect(got.draws, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(got.value, JSON.stringify(filter)).toEqual(evaluation(fresh, filter, "en").value);
    }
  });

  it("pushes none of the reader's own filters out of their store", async () => {
    const survey = await loadSurvey(nodeHost());
    // The reader's last eight filters (size classes and types, not a county alone) …
    const mine: SurveyFilter[] = [];
    for (const sizeClass of [1, 2, 3, 4]) for (const respType of [[1], [2]]) mine.push({ ...EMPTY_FILTER, sizeClass: [sizeClass], respType });
    for (const filter of mine) evaluation(survey, filter, "nb");
    // … then the frame measures every county ahead: nineteen selections.
    let made = 0;
    for (const step of countyWarmSteps(survey)) {
      step();
      made++;
    }
    expect(made).toBe(COUNTIES_1999.length * STEPS_PER_COUNTY);
    for (const filter of mine) {
      expect(FRAME_MEASUREMENTS.has(survey, thesis, filterKey(applyFilter(survey, filter).filter)), JSON.stringify(filter)).toBe(true);
      expect(evaluation(survey, filter, "nb").draws, JSON.stringify(filter)).toBe(0);
    }
    // Once made, a county is not measured again: its steps leave the kept measurement as it is.
    const key = filterKey(county(11));
    const kept = COUNTY_MEASUREMENTS.kept(survey, thesis, key);
    expect(kept).toBeDefined();
    for (const step of crosswalkCountySteps(survey, 11)) step();
    expect(COUNTY_MEASUREMENTS.kept(survey, thesis, key)).toBe(kept);
  }, 120_000);
});

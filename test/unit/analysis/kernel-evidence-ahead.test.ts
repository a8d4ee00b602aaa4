/**
 * Notebook 03's statistics worked ahead under each county (evidence/kernel-evidence-ahead.ts through
 * warm-counties.ts): after the steps, the same calls under a county read the evidence of the figures
 * the cells read without filtering a reconstruction, and every figure — read before or not, and the
 * counts — is what a fresh survey computes itself. A county combined with another condition is
 * computed afresh, and a spare frame's own calls (warm-kernels.ts) are not worked ahead.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter, type FilteredSurvey } from "../../../src/analysis/apply-filter";
import * as evidenced from "../../../src/analysis/evidence/evidenced-kernels";
import { notedCalls } from "../../../src/analysis/evidence/kernel-evidence-ahead";
import { evidenceOfResult } from "../../../src/analysis/evidence/result-evidence";
import { countyWarmSteps } from "../../../src/analysis/evidence/warm-counties";
import { DRAWS_AHEAD_PER_STEP } from "../../../src/analysis/work-ahead";
import { kernelWarmSteps } from "../../../src/analysis/evidence/warm-kernels";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { COUNTIES_1999 } from "../../../src/data/counties";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

/** 03's calls as its cells r1, r2 and rates make them (a new recode function on each run), and the figure each reads. */
function calls03(selection: FilteredSurvey): { result: object; path: string }[] {
  const models = selection.survey.models;
  return [
    ...models.map((m) => ({ result: evidenced.pearson(selection, "size_class", m.status, { recode: { [m.status]: (code: number) => (code === 1 ? 1 : 0) } }), path: "r" })),
    ...models.map((m) => ({ result: evidenced.pearson(selection, "q30_5", m.expectation), path: "r" })),
    { result: evidenced.correlationMatrix(selection, ["q30_5", ...models.map((m) => m.expectation)]), path: "cells.1.0.r" },
    ...models.map((m) => ({ result: evidenced.sizeClassRates(selection, m.status, [1]), path: "rows.2.estimate" })),
  ];
}

const evidenceOf = (result: object) => {
  const made = evidenceOfResult(result);
  if (!made) throw new Error("no evidence kept for a result on a selection");
  return made.figures;
};

/** `selection` as a new object whose `draws()` counts its calls (the evidence filters the reconstructions through it). */
function counted(selection: FilteredSurvey): { selection: FilteredSurvey; calls: () => number } {
  let calls = 0;
  return { selection: { ...selection, draws: () => (calls++, selection.draws()) }, calls: () => calls };
}

const county = (fylke: number): SurveyFilter => ({ ...EMPTY_FILTER, fylke: [fylke] });

let warmed: Survey;
let fresh: Survey;
let steps = 0;
beforeAll(async () => {
  [warmed, fresh] = await Promise.all([loadSurvey(nodeHost()), loadSurvey(nodeHost())]);
  // The notebook's first run reads its figures' evidence unfiltered; then the frame works ahead.
  for (const { result, path } of calls03(applyFilter(warmed, EMPTY_FILTER))) evidenceOf(result).evidence(path);
  for (const step of countyWarmSteps(warmed)) {
    step();
    steps++;
  }
}, 120_000);

describe("03's statistics worked ahead under each county", () => {
  it("is a few steps per county and call whose evidence was read: the call, then a few reconstructions a step", () => {
    expect(notedCalls(warmed)).toHaveLength(19);
    // And a step per county that filters its reconstructions.
    expect(steps).toBe(COUNTIES_1999.length * (1 + 19 * (1 + Math.ceil(49 / DRAWS_AHEAD_PER_STEP))));
  });

  it("is read under that county without filtering a reconstruction, with a fresh survey's evidence", () => {
    for (const { fylke } of COUNTIES_1999) {
      const { selection, calls } = counted(applyFilter(warmed, county(fylke)));
      const got = calls03(selection).map(({ result, path }) => evidenceOf(result).evidence(path));
      expect(calls(), `county ${fylke}`).toBe(0);
      const want = calls03(applyFilter(fresh, county(fylke))).map(({ result, path }) => evidenceOf(result).evidence(path));
      expect(got, `county ${fylke}`).toStrictEqual(want);
    }
    // Not all alike: some county's r rests on the reconstruction, with a range across the draws.
    const rogaland = calls03(applyFilter(warmed, county(11))).map(({ result, path }) => evidenceOf(result).evidence(path));
    expect(rogaland.some((e) => e.kind === "reconstruction" && e.range !== undefined)).toBe(true);
  }, 60_000);

  it("computes a figure not read before, and the counts, as a fresh survey does", () => {
    const { selection, calls } = counted(applyFilter(warmed, county(12)));
    const got = evidenceOf(evidenced.pearson(selection, "size_class", "q3", { recode: { q3: (code: number) => (code === 1 ? 1 : 0) } }));
    const want = evidenceOf(evidenced.pearson(applyFilter(fresh, county(12)), "size_class", "q3", { recode: { q3: (code: number) => (code === 1 ? 1 : 0) } }));
    expect(got.evidence("r")).toStrictEqual(want.evidence("r"));
    expect(calls()).toBe(0);
    expect(got.evidence("n")).toStrictEqual(want.evidence("n"));
    expect(got.counts).toStrictEqual(want.counts);
    expect(calls()).toBeGreaterThan(0);
  });

  it("is never read for a county combined with another condition, or another recode", () => {
    const combined: SurveyFilter[] = [{ ...county(11), sizeClass: [5] }, { ...county(11), fylke: [11, 12] }, { ...county(3), adopted: ["q3"] }];
    for (const filter of combined) {
      const { selection, calls } = counted(applyFilter(warmed, filter));
      const got = calls03(selection).map(({ result, path }) => evidenceOf(result).evidence(path));
      expect(calls(), JSON.stringify(filter)).toBeGreaterThan(0);
      const want = calls03(applyFilter(fresh, filter)).map(({ result, path }) => evidenceOf(result).evidence(path));
      expect(got, JSON.stringify(filter)).toStrictEqual(want);
    }
    const { selection, calls } = counted(applyFilter(warmed, county(14)));
    const other = evidenceOf(evidenced.pearson(selection, "size_class", "q3", { recode: { q3: (code: number) => (code === 2 ? 1 : 0) } }));
    const want = evidenceOf(evidenced.pearson(applyFilter(fresh, county(14)), "size_class", "q3", { recode: { q3: (code: number) => (code === 2 ? 1 : 0) } }));
    expect(other.evidence("r")).toStrictEqual(want.evidence("r"));
    expect(calls()).toBeGreaterThan(0);
  });

  it("notes none of a spare frame's own calls", async () => {
    const survey = await loadSurvey(nodeHost());
    for (const step of kernelWarmSteps(applyFilter(survey, EMPTY_FILTER))) step();
    expect(notedCalls(survey)).toHaveLength(0);
    expect([...countyWarmSteps(survey)]).toHaveLength(0);
  }, 60_000);
});

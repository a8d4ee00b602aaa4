/**
 * A spare notebook frame computes the report's correlations and size-class rates with their
 * evidence before a notebook opens in it (evidence/warm-kernels.ts, run by warm-evidence.ts), so 03's
 * opening does not pay the kernels' first run nor fold each reconstruction's columns. These tests
 * hold 03's statistics in the primed frame — values, n, p and every figure's evidence — to a fresh
 * load's, and pin that the warm-up ran the kernels on every reconstruction's columns (the cleaned
 * columns are there before any notebook asks; without the warm-up they are not).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter, type FilteredSurvey } from "../../../src/analysis/apply-filter";
import * as evidenced from "../../../src/analysis/evidence/evidenced-kernels";
import { evidenceOfResult } from "../../../src/analysis/evidence/result-evidence";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey, primeBundledSurvey, SurveySource } from "../../../src/analysis/survey-source";
import { SURVEY_PATHS } from "../../../src/data/bundled-survey";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { hasCleanColumn } from "../../../src/stats/clean-column";
import { frameOf } from "../../../src/stats/column-cache";
import { missingCodes } from "../../../src/stats/pair-sums";
import { variableInfo } from "../../../src/stats/variable-info";
import { nodeHost } from "../notebooks/headless-survey";

let fresh: Survey;
let files: Map<string, Uint8Array>;
beforeAll(async () => {
  const host = nodeHost();
  files = new Map(await Promise.all(Object.values(SURVEY_PATHS).map(async (path) => [path, await host.readBytes(path)] as const)));
  fresh = await loadSurvey(host);
});

/** Notebook 03's statistics on `selection` as its cells compute them, each with the evidence of every figure it shows. */
function notebook03(selection: FilteredSurvey): unknown[] {
  const models = selection.survey.models;
  const adopted = (code: number): number => (code === 1 ? 1 : 0);
  const shown = (result: object, paths: readonly string[]) => {
    const figures = evidenceOfResult(result)?.figures;
    return { result: JSON.parse(JSON.stringify(result)) as unknown, evidence: paths.map((p) => figures?.evidence(p)) };
  };
  const correlation = ["r", "n", "p"];
  const expectations = ["q30_5", ...models.map((m) => m.expectation)];
  return [
    ...models.map((m) => shown(evidenced.sizeClassRates(selection, m.status, [1]), [0, 1, 2, 3, 4, 5].map((i) => `rows.${i}.estimate`))),
    ...models.map((m) => shown(evidenced.pearson(selection, "size_class", m.status, { recode: { [m.status]: adopted } }), correlation)),
    ...models.map((m) => shown(evidenced.pearson(selection, "q30_5", m.expectation), correlation)),
    shown(evidenced.correlationMatrix(selection, expectations), expectations.flatMap((_, a) => expectations.map((__, b) => `cells.${a}.${b}.r`))),
    shown(evidenced.pearson(selection, "size_class", "q9", { recode: { q9: (code) => 5 - code } }), correlation),
    shown(evidenced.sizeClassRates(selection, "q9", [1]), ["rows.0.estimate", "overall.estimate", "trend.p"]),
  ];
}

/** Whether every reconstruction's column of `variable` has its cleaned copy kept. */
function cleanedOnEveryDraw(selection: FilteredSurvey, variable: string): boolean {
  const m = missingCodes(variableInfo(variable, { codebook: selection.codebook }).missing);
  const draws = selection.draws() ?? [];
  return draws.length > 1 && draws.slice(1).every((d) => hasCleanColumn(frameOf(d.view).column(variable), m));
}

describe("the report's correlations warmed in a spare frame", () => {
  it("leaves each reconstruction's columns cleaned, and notebook 03 the same figures and evidence as a fresh load", async () => {
    const primed = primeBundledSurvey(files);
    await primed.warmed;
    const source = new SurveySource(nodeHost(), primed);
    const survey = await source.survey();
    expect(survey).toBe(await primed.survey);
    const selection = source.select(survey, EMPTY_FILTER, "en");
    // Before the notebook computes anything: the warm-up's work is there.
    const variables = ["size_class", "q30_5", ...survey.models.map((m) => m.expectation)];
    for (const variable of variables) expect(cleanedOnEveryDraw(selection, variable), variable).toBe(true);
    // A fresh load's columns have not been cleaned: the check can fail.
    expect(cleanedOnEveryDraw(applyFilter(fresh, EMPTY_FILTER), "q30_5")).toBe(false);
    const got = notebook03(selection);
    expect(got).toEqual(notebook03(applyFilter(fresh, EMPTY_FILTER, { locale: "en" })));
    // And under a filter (rows picked on every draw), as on a fresh load.
    const rogaland = { ...EMPTY_FILTER, fylke: [11] };
    expect(notebook03(source.select(survey, rogaland, "en"))).toEqual(notebook03(applyFilter(fresh, rogaland, { locale: "en" })));
    // 60 s like the other tests that run a notebook's statistics on every reconstruction: the warm-up
    // and four passes of 03 took 22 s at a load average of 31 on 2 cores, over the project's 20 s.
  }, 60_000);
});

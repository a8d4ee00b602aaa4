/**
 * A spare notebook frame primed with the thesis measures notebook 06's crosswalk selections before a
 * notebook opens in it (crosswalk/warm-crosswalk.ts, run by survey-source.ts): unfiltered, and the
 * what-if's small and large sides. These tests pin that the three are kept where 06's cells look —
 * for the thesis the notebook loads itself, another object parsed from the same file — and that the
 * notebook's evaluation, timeline and what-if are the same as a fresh load's.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { createCrosswalkBuiltins, loadThesis } from "../../../src/analysis/crosswalk/crosswalk-builtins";
import { FRAME_MEASUREMENTS, filterKey } from "../../../src/analysis/crosswalk/measured-draws-cache";
import { measureDraws, measuringDraws } from "../../../src/analysis/crosswalk/evaluate-crosswalk";
import { crosswalkWarmStepsFromFile } from "../../../src/analysis/crosswalk/warm-crosswalk";
import { CROSSWALK } from "../../../src/analysis/crosswalk/crosswalk-spec";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey, primeBundledSurvey, SurveySource } from "../../../src/analysis/survey-source";
import { SURVEY_PATHS, THESIS_PATH } from "../../../src/data/bundled-survey";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import type { ThesisData } from "../../../src/data/thesis";
import { nodeHost } from "../notebooks/headless-survey";

let files: Map<string, Uint8Array>;
let fresh: Survey;
beforeAll(async () => {
  const host = nodeHost();
  files = new Map(await Promise.all([...Object.values(SURVEY_PATHS), THESIS_PATH].map(async (path) => [path, await host.readBytes(path)] as const)));
  fresh = await loadSurvey(host);
});

const SMALL = { ...EMPTY_FILTER, sizeClass: [1, 2, 3] };
const LARGE = { ...EMPTY_FILTER, sizeClass: [4, 5, 6] };

/** The keys 06's cells measure under no filter: its evaluation, and the what-if's two sides. */
function kept(survey: Survey, thesis: ThesisData): boolean[] {
  return [EMPTY_FILTER, SMALL, LARGE].map((filter) => FRAME_MEASUREMENTS.has(survey, thesis, filterKey(applyFilter(survey, filter).filter)));
}

/** Notebook 06's crosswalk cells on `survey` unfiltered, as plain data. */
function notebook06(survey: Survey, source: SurveySource | undefined, thesis: ThesisData): unknown {
  const { crosswalk } = createCrosswalkBuiltins({ ...nodeHost(), locale: "en" });
  const selection = source ? source.select(survey, EMPTY_FILTER, "en") : applyFilter(survey, EMPTY_FILTER, { locale: "en" });
  const [small, large] = crosswalk.SMALL_VS_LARGE;
  return JSON.parse(
    JSON.stringify({
      evaluation: crosswalk.evaluate(selection, thesis),
      timeline: crosswalk.timeline(selection, thesis),
      whatIf: crosswalk.diff(survey, { label: small.label, filter: { ...EMPTY_FILTER, sizeClass: small.filter.sizeClass } }, { label: large.label, filter: { ...EMPTY_FILTER, sizeClass: large.filter.sizeClass } }, thesis),
    }),
  );
}

describe("the crosswalk measured ahead in a spare frame", () => {
  it("keeps 06's three selections for the thesis the notebook loads, and 06 computes what a fresh load computes", async () => {
    const primed = primeBundledSurvey(files);
    await primed.warmed;
    const source = new SurveySource(nodeHost(), primed);
    const survey = await source.survey();
    expect(survey).toBe(await primed.survey);
    // The notebook's own thesis: loaded through its host, another object than the spare's.
    const thesis = await loadThesis(nodeHost());
    expect(kept(survey, thesis)).toEqual([true, true, true]);
    // A fresh load is not measured: the check can fail.
    expect(kept(fresh, thesis)).toEqual([false, false, false]);
    expect(notebook06(survey, source, thesis)).toEqual(notebook06(fresh, undefined, thesis));
  }, 60_000);

  it("measures in steps what measureDraws measures at once, pausing after every few reconstructions", async () => {
    const thesis = await loadThesis(nodeHost());
    const selection = applyFilter(fresh, SMALL);
    const options = { codebook: fresh.codebook, thesis, draws: selection.draws()?.map((d) => d.view) ?? [] };
    expect(options.draws).toHaveLength(50);
    const steps = measuringDraws(selection.view, CROSSWALK, options, 5);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBe(9);
    expect(JSON.parse(JSON.stringify(step.value))).toEqual(JSON.parse(JSON.stringify(measureDraws(selection.view, CROSSWALK, options))));
  });

  it("has no steps for a thesis file that does not parse (the notebook reports it), and for one that does, per selection one step filtering its reconstructions and one per reconstruction", () => {
    const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
    expect(crosswalkWarmStepsFromFile(fresh, bytes("{not json"))).toEqual([]);
    expect(crosswalkWarmStepsFromFile(fresh, bytes('{"cases": 3}'))).toEqual([]);
    expect(crosswalkWarmStepsFromFile(fresh, files.get(THESIS_PATH) ?? bytes(""))).toHaveLength(3 * (1 + 50));
  });

  it("measures nothing ahead without the thesis among the primed files", async () => {
    const primed = primeBundledSurvey(new Map([...files].filter(([path]) => path !== THESIS_PATH)));
    await primed.warmed;
    expect(kept(await primed.survey, await loadThesis(nodeHost()))).toEqual([false, false, false]);
  }, 60_000);
});

/**
 * A selection's draws (the same filter on every reconstruction) take the filter's conditions and
 * description made once for the canonical selection, not made again per draw (issue 12: 50 draws
 * per new filter, in the task of the cells on screen that read the evidence). Each draw must still
 * read exactly as the filter applied to that draw on its own.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter, type SelectionOptions } from "../../../src/analysis/apply-filter";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

let survey: Survey;
beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
}, 60_000);

const FILTERS: [string, SurveyFilter][] = [
  ["no filter", EMPTY_FILTER],
  ["Rogaland", { ...EMPTY_FILTER, fylke: [11] }],
  ["two counties, size classes 5–6, kommuner", { ...EMPTY_FILTER, fylke: [12, 3], sizeClass: [5, 6], respType: [1] }],
  ["adopters of balanced scorecard in Nordland", { ...EMPTY_FILTER, fylke: [18], adopted: ["q20"] }],
  ["Finnmark, size class 1 (a tiny or empty draw)", { ...EMPTY_FILTER, fylke: [20], sizeClass: [1] }],
];
const OPTIONS: SelectionOptions[] = [{ locale: "nb" }, { locale: "en" }, { locale: "en", shared: true }];

describe("applyFilter's draws", () => {
  for (const [name, filter] of FILTERS) {
    it(`${name}: each draw reads as the filter applied to it alone, with the canonical words`, () => {
      for (const options of OPTIONS) {
        const selection = applyFilter(survey, filter, options);
        const draws = selection.draws() ?? [];
        expect(draws.length).toBe(survey.draws?.length);
        expect(draws.length).toBeGreaterThan(1);
        expect(draws[0]).toBe(selection);
        for (const [k, draw] of draws.entries()) {
          if (k === 0) continue;
          const own = survey.draws?.[k];
          if (!own) throw new Error(`no draw ${k}`);
          const alone = applyFilter(own, filter, options);
          expect(draw.survey).toBe(own);
          expect(draw.toJSON()).toEqual(alone.toJSON());
          expect(draw.conditions).toEqual(alone.conditions);
          expect([...draw.view.indices()]).toEqual([...alone.view.indices()]);
          expect(draw.view.filterLabels).toEqual(alone.view.filterLabels);
          expect({ locale: draw.locale, disclosureSensitive: draw.disclosureSensitive, notice: draw.notice }).toEqual({ locale: alone.locale, disclosureSensitive: alone.disclosureSensitive, notice: alone.notice });
          // Made once: the draw holds the canonical selection's conditions, not a copy made for it.
          expect(draw.conditions).toBe(selection.conditions);
        }
      }
    });
  }
});

/**
 * A selection's summary and message in a shared view: an N of 1–2 under a county or size-class
 * filter reads "N < 3" (chart subtitles and headers print them); the owner's view and larger
 * selections keep the number. N is counted here from the respondents' rows.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

describe("a selection in a shared view", () => {
  let survey: Survey;
  /** County × size-class filters with their N counted from the rows. */
  let pairs: { filter: SurveyFilter; n: number }[];
  beforeAll(async () => {
    survey = await loadSurvey(nodeHost());
    const counts = new Map<string, number>();
    for (const r of survey.rows) counts.set(`${String(r.fylke)}|${String(r.size_class)}`, (counts.get(`${String(r.fylke)}|${String(r.size_class)}`) ?? 0) + 1);
    pairs = [...counts].map(([key, n]) => {
      const [fylke = 0, size = 0] = key.split("|").map(Number);
      return { filter: { ...EMPTY_FILTER, fylke: [fylke], sizeClass: [size] }, n };
    });
  });

  it("says N < 3 for 1–2 respondents, and the number otherwise or in the owner's view", () => {
    const small = pairs.filter((p) => p.n <= 2);
    const large = pairs.filter((p) => p.n >= 3);
    expect(small.length).toBeGreaterThan(0);
    expect(large.length).toBeGreaterThan(0);
    for (const { filter, n } of small) {
      const shared = applyFilter(survey, filter, { shared: true, locale: "en" });
      const owner = applyFilter(survey, filter, { locale: "en" });
      expect(shared.summary).toBe(`N < 3 of 267 (${owner.description})`);
      expect(shared.message).toMatch(/^Fewer than 3 respondents match \(/);
      expect(`${shared.summary} ${shared.message}`).not.toMatch(/\b[12] respondent|N = [12]\b/);
      expect(owner.summary).toBe(`N = ${n} of 267 (${owner.description})`);
      expect(owner.message).toMatch(new RegExp(`^Only ${n} respondents? match`));
    }
    for (const { filter, n } of large) expect(applyFilter(survey, filter, { shared: true, locale: "en" }).summary).toMatch(new RegExp(`^N = ${n} of 267 `));
    // Not narrowed by county or size class: nothing to mask.
    expect(applyFilter(survey, EMPTY_FILTER, { shared: true, locale: "en" }).summary).toBe("N = 267 of 267");
    expect(applyFilter(survey, EMPTY_FILTER, { shared: true, locale: "nb" }).summary).toBe("N = 267 av 267");
  });
});

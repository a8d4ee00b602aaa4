/**
 * `reconciliation.build` on the bundled survey counts from the typed columns and never reads the
 * selection's `rows` (issue 12): `rows` builds an Arquero table and an object per respondent, and
 * 04's `rec` runs in the filter change's first task. The reconciliation is the same as before; a
 * selection of nobody is still reconciled on its records.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter, type FilteredSurvey } from "../../../src/analysis/apply-filter";
import { reconcile, recordOf, missingCodesOf } from "../../../src/analysis/reconciliation/reconcile";
import { reconcileSelection } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { formatShownCount, guardCount } from "../../../src/stats/disclosure";
import { nodeHost } from "../notebooks/headless-survey";

let survey: Survey;
beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
}, 60_000);

function printed(): NonNullable<Survey["printed"]> {
  if (!survey.printed) throw new Error("the bundled survey carries its print");
  return survey.printed;
}

/** A county and size class with one or two respondents (read off the survey, not assumed). */
function tiny(): SurveyFilter | undefined {
  for (let fylke = 1; fylke <= 20; fylke++) {
    for (let size = 1; size <= 6; size++) {
      const filter = { ...EMPTY_FILTER, fylke: [fylke], sizeClass: [size] };
      const n = applyFilter(survey, filter).n;
      if (n >= 1 && n <= 2) return filter;
    }
  }
  return undefined;
}

/** `selection` as the builtin sees it, counting the reads of its `rows`. */
function counted(selection: FilteredSurvey): { selection: FilteredSurvey; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(selection, {
    get(target, key, receiver) {
      if (key === "rows") reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { selection: proxy, reads: () => reads };
}

const FILTERS: [string, () => SurveyFilter | undefined][] = [
  ["no filter", () => EMPTY_FILTER],
  ["Rogaland", () => ({ ...EMPTY_FILTER, fylke: [11] })],
  ["size class 2", () => ({ ...EMPTY_FILTER, sizeClass: [2] })],
  ["a county and size class of one or two respondents (masked when shared)", () => tiny()],
];

describe("reconciliation.build on the bundled survey", () => {
  for (const [name, filterOf] of FILTERS) {
    it(`${name}: reads no rows, and equals the reconciliation of the selection's records`, () => {
      const filter = filterOf();
      if (!filter) throw new Error("no county and size class of one or two respondents");
      for (const shared of [false, true]) {
        const selection = applyFilter(survey, filter, { locale: "en", shared });
        expect(selection.n).toBeGreaterThan(0);
        const { selection: watched, reads } = counted(selection);
        const rec = reconcileSelection(watched, "en", shared);
        expect(reads(), "rows read").toBe(0);
        // The same figures and words as the selection's records give (the path a user's file takes).
        const fresh = applyFilter(survey, filter, { locale: "en", shared });
        const shown = guardCount(fresh.rows.length, { active: shared && fresh.disclosureSensitive });
        const options = { filtered: fresh.conditions.length > 0, locale: "en" as const, shownN: shown.masked ? formatShownCount(shown) : undefined };
        const byRecords = reconcile(printed(), fresh.rows.map(recordOf), missingCodesOf(survey.codebook), options);
        const { disclosureSensitive, ...figures } = rec;
        expect(figures).toEqual(byRecords);
        expect(disclosureSensitive).toBe(fresh.disclosureSensitive);
        if (fresh.n <= 2) expect(shown.masked, "an N of 1–2 is masked in the shared view").toBe(shared);
        if (shown.masked) expect(rec.headline).toContain("< 3");
      }
    });
  }

  it("reconciles a selection of nobody on its records", () => {
    const selection = applyFilter(survey, { ...EMPTY_FILTER, sizeClass: [1], respType: [2] }, { locale: "en" });
    expect(selection.n).toBe(0);
    const { selection: watched, reads } = counted(selection);
    const rec = reconcileSelection(watched, "en");
    expect(reads()).toBeGreaterThan(0);
    expect(rec.tables.length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from "vitest";
import { meetsConditions } from "../../../src/data/filter-condition";
import {
  asSurveyFilter,
  describeSurveyFilter,
  EMPTY_FILTER,
  isDisclosureSensitive,
  surveyFilterConditions,
  surveyFilterFromParams,
  surveyFilterToParams,
  type SurveyFilter,
} from "../../../src/data/survey-filter";
import { formatShownCount, guardCount, guardCounts } from "../../../src/stats/disclosure";

const rows = [
  { resp_id: 1, fylke: 11, size_class: 5, resp_type: 1, q20: 1, q3: 4 },
  { resp_id: 2, fylke: 11, size_class: 2, resp_type: 1, q20: 3, q3: 1 },
  { resp_id: 3, fylke: 12, size_class: 6, resp_type: 2, q20: 1, q3: 1 },
  { resp_id: 4, fylke: 3, size_class: 6, resp_type: 1, q20: null, q3: 2 },
];

/** The ids the filter's one rule keeps. */
function kept(filter: SurveyFilter): number[] {
  const conditions = surveyFilterConditions(filter, "nb");
  return rows.filter((row) => meetsConditions(conditions, (v) => Reflect.get(row, v))).map((r) => r.resp_id);
}

describe("survey filter", () => {
  it("keeps everything when empty", () => {
    expect(surveyFilterConditions(EMPTY_FILTER, "nb")).toEqual([]);
    expect(kept(EMPTY_FILTER)).toEqual([1, 2, 3, 4]);
  });

  it("combines county, size class, type and adopted model with AND", () => {
    expect(kept({ fylke: [11, 12], sizeClass: [5, 6], respType: [], adopted: ["q20"] })).toEqual([1, 3]);
    expect(kept({ ...EMPTY_FILTER, respType: [1] })).toEqual([1, 2, 4]);
    expect(kept({ ...EMPTY_FILTER, adopted: ["q20", "q3"] })).toEqual([3]);
  });

  it("round-trips through URL parameters", () => {
    const f = { fylke: [12, 11], sizeClass: [6], respType: [1], adopted: ["q20" as const] };
    const text = surveyFilterToParams(f);
    expect(text).toBe("fylke=11,12&size=6&type=1&adopted=q20");
    expect(surveyFilterFromParams(text)).toEqual({ ok: true, value: { fylke: [11, 12], sizeClass: [6], respType: [1], adopted: ["q20"] } });
  });

  it("refuses hostile or broken filter text with a message naming the part and the fix", () => {
    const cases: [string, RegExp][] = [
      ["fylke=99", /"99", which is not a county number of 1999/],
      // County 13 (Bergen) had merged into Hordaland in 1972: no such county in 1999.
      ["fylke=13", /"13", which is not a county number of 1999 \(1–20; 13 Bergen had merged into Hordaland\)/],
      ["fylke=11&fylke=12", /"fylke" appears twice .* fylke=11,12/],
      ["size=x", /"x", which is not a size class 1–6/],
      ["adopted=q99", /unknown model "q99"/],
      ["evil=1", /Unknown filter "evil"/],
      ["fylke=", /"fylke" has no value/],
      ["a".repeat(600), /longer than 500 characters/],
    ];
    for (const [text, message] of cases) {
      const result = surveyFilterFromParams(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe("filter");
        expect(result.error.message, text).toMatch(message);
      }
    }
  });

  it("validates a filter value from a link: refuses null, text, empty objects and tampered lists", () => {
    expect(asSurveyFilter({ fylke: [12, 11, 11], sizeClass: [5], respType: [], adopted: ["q20", "q3"] })).toEqual({
      ok: true, value: { fylke: [11, 12], sizeClass: [5], respType: [], adopted: ["q20", "q3"] },
    });
    const refused: [unknown, RegExp][] = [
      [null, /is null, not a filter object/],
      ["fylke=11", /is a string, not a filter object/],
      [{}, /lacks its "fylke" part/],
      [{ fylke: ["11"], sizeClass: [], respType: [], adopted: [] }, /"fylke" is not a list of values/],
      [{ fylke: [], sizeClass: [], respType: [], adopted: ["q99"] }, /unknown model "q99"/],
      [{ fylke: [13], sizeClass: [], respType: [], adopted: [] }, /not a county number of 1999/],
      [{ fylke: [], sizeClass: [], respType: [], adopted: [], extra: 1 }, /unknown part "extra"/],
    ];
    for (const [value, message] of refused) {
      const result = asSurveyFilter(value);
      expect(result.ok, JSON.stringify(value)).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
  });

  it("describes itself for the audit line and flags county/size filters as disclosure-sensitive", () => {
    const f = { fylke: [11], sizeClass: [1, 2], respType: [2], adopted: ["q24" as const] };
    expect(describeSurveyFilter(f, "en", () => "BPR")).toBe("county 11 Rogaland; size class 1, 2; county authorities; adopted BPR (q24 = 1)");
    expect(describeSurveyFilter(EMPTY_FILTER, "en")).toBe("no filter");
    expect(describeSurveyFilter(f, "nb", () => "BPR")).toBe("fylke 11 Rogaland; størrelsesklasse 1, 2; fylkeskommuner; har innført BPR (q24 = 1)");
    expect(describeSurveyFilter(EMPTY_FILTER, "nb")).toBe("ingen filter");
    expect(isDisclosureSensitive(f)).toBe(true);
    expect(isDisclosureSensitive({ ...EMPTY_FILTER, respType: [1] })).toBe(false);
  });
});

describe("disclosure guard", () => {
  it("masks 1 and 2 but not 0 or 3 when active", () => {
    const on = { active: true };
    expect([0, 1, 2, 3].map((c) => formatShownCount(guardCount(c, on)))).toEqual(["0", "< 3", "< 3", "3"]);
    expect(formatShownCount(guardCount(1, { active: false }))).toBe("1");
    expect(formatShownCount(guardCount(4, { active: true, threshold: 5 }))).toBe("< 5");
  });

  it("counts masked cells of a table", () => {
    const { masked, cells } = guardCounts([[0, 1], [2, 10]], { active: true });
    expect(masked).toBe(2);
    expect(cells[1]?.[1]).toEqual({ masked: false, value: 10 });
    expect(() => guardCount(1, { active: true, threshold: 0 })).toThrow(/threshold/);
  });
});

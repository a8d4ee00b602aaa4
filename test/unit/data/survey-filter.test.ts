import { describe, expect, it } from "vitest";
import {
  applySurveyFilter,
  describeSurveyFilter,
  EMPTY_FILTER,
  isDisclosureSensitive,
  isFilterError,
  surveyFilterFromParams,
  surveyFilterToParams,
} from "../../../src/data/survey-filter";
import { formatShownCount, guardCount, guardCounts } from "../../../src/stats/disclosure";

const rows = [
  { resp_id: 1, fylke: 11, size_class: 5, resp_type: 1, q20: 1, q3: 4 },
  { resp_id: 2, fylke: 11, size_class: 2, resp_type: 1, q20: 3, q3: 1 },
  { resp_id: 3, fylke: 12, size_class: 6, resp_type: 2, q20: 1, q3: 1 },
  { resp_id: 4, fylke: 3, size_class: 6, resp_type: 1, q20: null, q3: 2 },
];

describe("survey filter", () => {
  it("keeps everything when empty", () => {
    expect(applySurveyFilter(rows, EMPTY_FILTER).map((r) => r.resp_id)).toEqual([1, 2, 3, 4]);
  });

  it("combines county, size class, type and adopted model with AND", () => {
    const f = { fylke: [11, 12], sizeClass: [5, 6], respType: [], adopted: ["q20" as const] };
    expect(applySurveyFilter(rows, f).map((r) => r.resp_id)).toEqual([1, 3]);
    const kommuner = { ...EMPTY_FILTER, respType: [1] };
    expect(applySurveyFilter(rows, kommuner).map((r) => r.resp_id)).toEqual([1, 2, 4]);
    const both = { ...EMPTY_FILTER, adopted: ["q20" as const, "q3" as const] };
    expect(applySurveyFilter(rows, both).map((r) => r.resp_id)).toEqual([3]);
  });

  it("round-trips through URL parameters", () => {
    const f = { fylke: [12, 11], sizeClass: [6], respType: [1], adopted: ["q20" as const] };
    const text = surveyFilterToParams(f);
    expect(text).toBe("fylke=11,12&size=6&type=1&adopted=q20");
    const back = surveyFilterFromParams(text);
    expect(isFilterError(back)).toBe(false);
    expect(back).toEqual({ fylke: [11, 12], sizeClass: [6], respType: [1], adopted: ["q20"] });
  });

  it("rejects hostile or broken filter text with a message naming the part", () => {
    const bad = ["fylke=99", "size=x", "adopted=q99", "evil=1", "fylke=", "a".repeat(600)];
    for (const text of bad) {
      const result = surveyFilterFromParams(text);
      expect(isFilterError(result), text).toBe(true);
      if (isFilterError(result)) expect(result.message.length).toBeGreaterThan(20);
    }
    const r = surveyFilterFromParams("fylke=99");
    if (isFilterError(r)) expect(r.message).toContain("outside 1–20");
  });

  it("describes itself for the audit line and flags county/size filters as disclosure-sensitive", () => {
    const f = { fylke: [11], sizeClass: [1, 2], respType: [2], adopted: ["q24" as const] };
    expect(describeSurveyFilter(f, (n) => (n === 11 ? "Rogaland" : "?"))).toBe(
      "fylke 11 Rogaland; size class 1, 2; fylkeskommuner; adopted Business process re-engineering",
    );
    expect(describeSurveyFilter(EMPTY_FILTER)).toBe("no filter");
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

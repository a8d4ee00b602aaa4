import { describe, expect, it } from "vitest";
import { asSurveyFilter, currentFilter } from "../../../src/app/filter-link";

describe("the filter input's value as a SurveyFilter", () => {
  it("accepts the filter bar's value and puts it in canonical order", () => {
    expect(asSurveyFilter({ fylke: [12, 11, 11], sizeClass: [5], respType: [], adopted: ["q20", "q3"] })).toEqual({ fylke: [11, 12], sizeClass: [5], respType: [], adopted: ["q20", "q3"] });
    expect(currentFilter({ filter: { fylke: [], sizeClass: [], respType: [2], adopted: [] }, other: 3 })).toEqual({ fylke: [], sizeClass: [], respType: [2], adopted: [] });
  });

  it("ignores inputs that are not a survey filter", () => {
    expect(currentFilter({})).toBeUndefined();
    expect(currentFilter({ filter: "Nord-Norge" })).toBeUndefined();
    expect(asSurveyFilter(null)).toBeUndefined();
    expect(asSurveyFilter({ fylke: ["11"], sizeClass: [], respType: [], adopted: [] })).toBeUndefined();
    expect(asSurveyFilter({ fylke: [], sizeClass: [], respType: [], adopted: ["q99"] })).toBeUndefined();
    expect(asSurveyFilter({ fylke: [21], sizeClass: [], respType: [], adopted: [] })).toBeUndefined();
    expect(asSurveyFilter({ fylke: [], sizeClass: [] })).toBeUndefined();
  });
});

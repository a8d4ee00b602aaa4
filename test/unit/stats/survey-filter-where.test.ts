import { describe, expect, it } from "vitest";
import { whereFromSurveyFilter } from "../../../src/stats/survey-filter-where";
import { filterView } from "../../../src/stats/filter-view";
import { crosstab } from "../../../src/stats/crosstab";

describe("the filter bar's SurveyFilter as row conditions", () => {
  it("gives no condition for an empty filter", () => {
    expect(whereFromSurveyFilter({ fylke: [], sizeClass: [], respType: [], adopted: [] })).toEqual([]);
  });

  it("turns every part into a labelled condition and filters rows like the predicate", () => {
    const where = whereFromSurveyFilter({ fylke: [12], sizeClass: [5, 6], respType: [1], adopted: ["q20"] });
    expect(where.map((w) => [w.variable, w.codes])).toEqual([
      ["fylke", [12]],
      ["size_class", [5, 6]],
      ["resp_type", [1]],
      ["q20", [1]],
    ]);
    expect(where[0]?.label).toBe("Fylke: Hordaland");
    expect(where[3]?.label).toMatch(/Balansert målstyring/);
    const data = {
      fylke: [12, 12, 12, 11, 12],
      size_class: [5, 6, 4, 5, 6],
      resp_type: [1, 1, 1, 1, 2],
      q20: [1, 1, 1, 1, 1],
      q3: [1, 2, 3, 4, 1],
    };
    const view = filterView(data, where);
    expect([...view.indices()]).toEqual([0, 1]);
    expect(crosstab(view, "q3", "q20").audit.line).toContain("filters: Fylke: Hordaland; Size class: 25 000–49 999, 50 000 +; Type: kommune;");
  });
});

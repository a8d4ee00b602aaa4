import { describe, expect, it } from "vitest";
import { populationCells, postStratify } from "../../../src/stats/weights";
import { frequencies } from "../../../src/stats/frequencies";
import { crosstab } from "../../../src/stats/crosstab";
import { weightingEffect } from "../../../src/stats/weighting-effect";
import { auditLine, readAuditLine } from "../../../src/stats/audit";

describe("post-stratification weights", () => {
  const data = { size_class: [1, 1, 1, 6, null], resp_type: [1, 1, 1, 2, 1], q3: [1, 2, 2, 1, 1] };

  it("gives each cell population share over sample share, summing to n", () => {
    // Sample: 3 in (1,1), 1 in (6,2), n = 4. Population 50/50 → w = 0.5/0.75 = 2/3 and 0.5/0.25 = 2.
    const ps = postStratify(data, [
      { size_class: 1, resp_type: 1, population: 50 },
      { size_class: 6, resp_type: 2, population: 50 },
    ]);
    expect([...ps.weights.slice(0, 4)].map((w) => Number(w.toFixed(12)))).toEqual([0.666666666667, 0.666666666667, 0.666666666667, 2]);
    expect(Number.isNaN(ps.weights[4] ?? 0)).toBe(true);
    expect(ps.warnings).toEqual([]);
  });

  it("makes the effect on a table visible", () => {
    const ps = postStratify(data, [
      { size_class: 1, resp_type: 1, population: 50 },
      { size_class: 6, resp_type: 2, population: 50 },
    ]);
    const plain = frequencies(data, "q3");
    const weighted = frequencies(data, "q3", { weight: ps.weights });
    expect(plain.valid.map((r) => r.validPercent)).toEqual([60, 40]);
    // code 1: rows 0 and 3 → 2/3 + 2 = 8/3 of 4 → 66.67 %; code 2: 4/3 of 4 → 33.33 %
    expect(weighted.valid.map((r) => Number((r.validPercent ?? 0).toFixed(6)))).toEqual([66.666667, 33.333333]);
    expect(weighted.audit.weight).toBe("post-stratification weight");
    const ct = crosstab(data, "size_class", "q3", { weight: ps.weights });
    expect(ct.total).toBeCloseTo(4, 12);
    const effect = weightingEffect(data, "q3", ps.weights, { language: "en" });
    expect(effect.rows.map((r) => [r.code, r.unweighted, Number((r.difference ?? 0).toFixed(6))])).toEqual([
      [1, 60, 6.666667],
      [2, 40, -6.666667],
    ]);
    expect(effect.maxDifference).toBeCloseTo(20 / 3, 12);
    expect(effect.audit.weighted.line).toContain("weight: post-stratification weight");
  });

  it("names an array weight in the audit line's language, and reads it back from either", () => {
    const ps = postStratify(data, [
      { size_class: 1, resp_type: 1, population: 50 },
      { size_class: 6, resp_type: 2, population: 50 },
    ]);
    const nb = frequencies(data, "q3", { weight: ps.weights, language: "no" }).audit;
    const en = frequencies(data, "q3", { weight: ps.weights, language: "en" }).audit;
    expect(nb.line).toContain(" · vekt: poststratifiseringsvekt · ");
    expect(nb.line).not.toContain("post-stratification");
    expect(en.line).toContain(" · weight: post-stratification weight · ");
    // The same weight either way: a line read back (a shared table's) names it again in the other language.
    const read = readAuditLine(nb.line);
    expect(read?.parts.weight).toBe(en.weight);
    expect(read && auditLine(read.parts, "en")).toContain(" · weight: post-stratification weight · ");
    expect(read && auditLine(read.parts, "nb")).toBe(nb.line);
    // A weight column keeps its own name in both languages.
    const column = { ...data, w: [1, 1, 1, 1, 1] };
    expect(frequencies(column, "q3", { weight: "w", language: "no" }).audit.line).toContain(" · vekt: w · ");
  });

  it("warns about population cells without respondents and respondents without a cell", () => {
    const ps = postStratify(data, [
      { size_class: 1, resp_type: 1, population: 50 },
      { size_class: 2, resp_type: 1, population: 20 },
    ]);
    expect(ps.warnings.join("\n")).toMatch(/No respondents in size class 2 × type 1/);
    expect(ps.warnings.join("\n")).toMatch(/1 respondents in size class 6 × type 2, which has no population cell/);
    expect(ps.weights[3]).toBe(0);
  });

  it("rejects a weight array of the wrong length with the fix in the message", () => {
    expect(() => frequencies(data, "q3", { weight: new Float64Array(2) })).toThrow(/compute weights on the unfiltered table/);
  });
});

describe("population cells", () => {
  it("count units by size class × respondent type", () => {
    const units = { size_class: [1, 1, 2, 6, 6, null], resp_type: [1, 1, 1, 1, 2, 1] };
    expect(populationCells(units)).toEqual([
      { size_class: 1, resp_type: 1, population: 2 },
      { size_class: 2, resp_type: 1, population: 1 },
      { size_class: 6, resp_type: 1, population: 1 },
      { size_class: 6, resp_type: 2, population: 1 },
    ]);
  });
});

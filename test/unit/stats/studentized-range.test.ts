/**
 * The studentized range distribution (Tukey's HSD, Games–Howell) held to three independent sources:
 * the closed form for k = 2 (Q = √2·|T| with T Student's t on ν df), SciPy 1.17.1's
 * `studentized_range` (its own numerical integration; values printed with `%.12f` and recorded here,
 * SciPy not being a dependency of the project), and textbook table values of q(0.95) and q(0.99)
 * (Harter's tables, three decimals).
 */
import { describe, expect, it } from "vitest";
import { studentizedRangeCdf, studentizedRangeQuantile, studentizedRangeUpperTail } from "../../../src/stats/studentized-range";
import { normalCdf, tTwoSided } from "../../../src/stats/distributions";

describe("k = 2: Q/√2 is |T|", () => {
  it.each([[0.5, 2], [1, 5], [2.8, 10], [4, 3], [3.2, 1.5], [0.5, 1e6], [1.7, 30000], [2.5, 7.25]])("q = %s, ν = %s agrees with the t distribution to 1e-9", (q, df) => {
    const exact = 1 - (tTwoSided(q / Math.SQRT2, df) ?? NaN);
    expect(Math.abs(studentizedRangeCdf(q, 2, df) - exact)).toBeLessThan(1e-9);
  });
  it("ν past 10⁸ is the normal range: 2Φ(q/√2) − 1", () => {
    expect(Math.abs(studentizedRangeCdf(1.3, 2, 2e8) - (2 * normalCdf(1.3 / Math.SQRT2) - 1))).toBeLessThan(1e-9);
  });
});

// [q, k, ν, SciPy's P(Q < q)]
const SCIPY_CDF: [number, number, number, number][] = [
  [3.5, 3, 10, 0.922896689162],
  [1, 2, 5, 0.48891591957],
  [4, 6, 244, 0.94363603171],
  [2.5, 4, 20, 0.682797002627],
  [6, 10, 3, 0.838126192122],
  [3, 3, 1.5, 0.664624268956],
  [5, 20, 60, 0.921463914391],
  [3.2, 5, 1000, 0.842001650872],
  [3.6, 3, 30000, 0.970617462562],
  [8, 3, 12, 0.999710889797],
  [2, 6, 40.5, 0.281644543212],
  [4.5, 4, 7.25, 0.943068672366],
];

describe("against SciPy's studentized_range", () => {
  it.each(SCIPY_CDF)("P(Q < %s; k = %s, ν = %s) to 1e-9", (q, k, df, scipy) => {
    expect(Math.abs(studentizedRangeCdf(q, k, df) - scipy)).toBeLessThan(1e-9);
    expect(Math.abs(studentizedRangeUpperTail(q, k, df) - (1 - scipy))).toBeLessThan(1e-9);
  });
});

// [p, k, ν, SciPy's quantile, the table's three decimals or null]
const QUANTILES: [number, number, number, number, number | null][] = [
  [0.95, 2, 1e9, 2.7718076487, 2.772],
  [0.95, 3, 10, 3.87677675, 3.877],
  [0.95, 3, 1e9, 3.3144931554, 3.314],
  [0.99, 3, 1e9, 4.1203032065, 4.12],
  [0.95, 4, 20, 3.9582935609, 3.958],
  [0.95, 5, 10, 4.6542929979, 4.654],
  [0.95, 10, 20, 5.0078826676, 5.008],
  [0.99, 5, 30, 5.0476051319, 5.048],
  [0.95, 6, 244, 4.062340487, null],
  [0.95, 6, 3.5, 7.2422982017, null],
];

describe("quantiles (critical values of Tukey's HSD)", () => {
  it.each(QUANTILES)("q(%s; k = %s, ν = %s) to 1e-8, and the table's three decimals", (p, k, df, scipy, table) => {
    const q = studentizedRangeQuantile(p, k, df);
    expect(Math.abs(q - scipy)).toBeLessThan(1e-8);
    if (table !== null) expect(q).toBeCloseTo(table, 3);
    expect(Math.abs(studentizedRangeCdf(q, k, df) - p)).toBeLessThan(1e-10);
  });
  it("refuses what has no distribution", () => {
    expect(studentizedRangeCdf(2, 1, 10)).toBeNaN();
    expect(studentizedRangeCdf(2, 3, 0.5)).toBeNaN();
    expect(studentizedRangeQuantile(1, 3, 10)).toBeNaN();
    expect(studentizedRangeCdf(0, 3, 10)).toBe(0);
    expect(studentizedRangeCdf(Infinity, 3, 10)).toBe(1);
  });
});

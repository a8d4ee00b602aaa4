import { describe, expect, it } from "vitest";
import { cochranArmitage, ratePercents, sizeClassMeans, sizeClassRates, wilsonInterval } from "../../../src/stats/size-class";
import { pearson } from "../../../src/stats/pearson";
import { sampleCodebook, sampleColumns } from "./pspp-fixtures";

describe("size-class comparison", () => {
  it("gives the Wilson interval for 5 of 10 (0.2366, 0.7634)", () => {
    // z = 1.959964, centre = 0.5, half = z/(1 + z²/n)·√(p(1−p)/n + z²/4n²) = 0.263410
    const ci = wilsonInterval(5, 10);
    expect(ci?.low).toBeCloseTo(0.23659, 5);
    expect(ci?.high).toBeCloseTo(0.76341, 5);
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(0, 4)?.low).toBe(0);
  });

  it("computes the Cochran–Armitage trend test by hand", () => {
    // n = 10 per class, x = 1, 3, 6: p̄ = 1/3, T = Σs(x − np̄) = 5, Var = p̄(1−p̄)(Σns² − (Σns)²/N) = 40/9
    const t = cochranArmitage([1, 2, 3], [1, 3, 6], [10, 10, 10]);
    expect(t.statistic).toBeCloseTo(5 / Math.sqrt(40 / 9), 12);
    expect(t.p).toBeCloseTo(0.01771, 4);
  });

  it("matches N·r² of size class × adoption on the fixture data (the CA identity)", () => {
    const data = sampleColumns();
    const codebook = sampleCodebook();
    const rates = sizeClassRates(data, "q20", [1], { codebook });
    const adopted = data.q20?.map((v) => (v === "" || v === "9" ? null : v === "1" ? 1 : 0)) ?? [];
    const r = pearson({ size_class: data.size_class ?? [], adopted }, "size_class", "adopted");
    expect(rates.overall.n).toBe(89);
    expect(rates.trend.secondary ?? 0).toBeCloseTo(89 * (r.r ?? 0) ** 2, 9);
    // Class 6 from the PSPP crosstab: 10 of 23 have introduced balanced scorecards.
    const six = rates.rows.find((row) => row.sizeClass === 6);
    expect(six?.successes).toBe(10);
    expect(six?.estimate).toBeCloseTo(10 / 23, 12);
    expect(rates.audit.line).toContain("q20: 9 (5), blank (2)");
  });

  it("gives t intervals for means and flags empty and tiny classes", () => {
    const data = { size_class: [1, 1, 1, 1, 1, 2], score: [1, 2, 3, 4, 5, 7] };
    const m = sizeClassMeans(data, "score", { classes: [1, 2, 3] });
    // mean 3, sd √2.5, se 0.707107, t(0.975, 4) = 2.776445 → ±1.963243
    expect(m.rows[0]?.estimate).toBe(3);
    expect(m.rows[0]?.interval?.low).toBeCloseTo(3 - 1.963243, 5);
    expect(m.rows[0]?.interval?.high).toBeCloseTo(3 + 1.963243, 5);
    expect(m.rows[1]?.interval).toBeNull();
    expect(m.rows[2]?.estimate).toBeNull();
    expect(m.notes.join(" ")).toMatch(/Ingen gyldige tilfeller i størrelsesklasse 3/);
    expect(m.trend.statistic ?? 0).toBeGreaterThan(0);
  });
});

describe("size-class rates for the chart", () => {
  it("are given in percent with interval bounds", () => {
    const data = { size_class: [1, 1, 1, 1, 2, 2], q20: [1, 1, 2, 3, 1, 9] };
    const rows = ratePercents(sizeClassRates(data, "q20", [1], { classes: [1, 2], missing: { q20: [9] } }));
    expect(rows.map((r) => [r.sizeClass, r.n, r.rate])).toEqual([[1, 4, 50], [2, 1, 100]]);
    expect(rows[0]?.lower ?? 0).toBeCloseTo(100 * (wilsonInterval(2, 4)?.low ?? 0), 12);
  });
});

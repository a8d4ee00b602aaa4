import { describe, expect, it } from "vitest";
import { benjaminiHochberg, significanceMark } from "../../../src/stats/fdr";

describe("Benjamini–Hochberg", () => {
  it("adjusts by hand-worked step-up values", () => {
    // sorted 0.005, 0.01, 0.03, 0.04 → ·4/rank = 0.02, 0.02, 0.04, 0.04 (running minimum from the top)
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(q.map((x) => Number((x ?? 0).toFixed(10)))).toEqual([0.02, 0.04, 0.04, 0.02]);
  });
  it("keeps undefined p-values out of m", () => {
    expect(benjaminiHochberg([null, 0.5, 0.01])).toEqual([null, 0.5, 0.02]);
  });
  it("marks like SPSS", () => {
    expect([0.001, 0.02, 0.2, null].map(significanceMark)).toEqual(["**", "*", "", ""]);
  });
});

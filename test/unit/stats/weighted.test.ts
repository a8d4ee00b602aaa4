import { describe, expect, it } from "vitest";
import { frequencies } from "../../../src/stats/frequencies";
import { crosstab } from "../../../src/stats/crosstab";
import { pearson } from "../../../src/stats/pearson";
import { num, psppTables, sampleCodebook, sampleColumns } from "./pspp-fixtures";

const codebook = sampleCodebook();
const data = sampleColumns();
// weighted.sps: COMPUTE w = score / 10. WEIGHT BY w.
const withWeight = { ...data, w: (data.score ?? []).map((s) => (s === "" ? null : Number(s) / 10)) };
const [, freqQ3, , body, chi, sym] = psppTables("weighted");

describe("weighted results agree with PSPP (WEIGHT BY w)", () => {
  it("reproduces weighted FREQUENCIES of q3", () => {
    const t = frequencies(withWeight, "q3", { codebook, weight: "w" });
    const rows = (freqQ3?.rows ?? []).slice(1);
    t.valid.forEach((r, i) => {
      expect(r.count).toBeCloseTo(num(rows[i]?.[2]), 6);
      expect(r.percent ?? 0).toBeCloseTo(num(rows[i]?.[3]), 6);
      expect(r.validPercent ?? 0).toBeCloseTo(num(rows[i]?.[4]), 6);
    });
    expect(t.total).toBeCloseTo(136.454, 6);
    expect(t.audit.weight).toBe("w");
  });

  it("reproduces the weighted crosstab, χ² and Cramér's V", () => {
    const t = crosstab(withWeight, "size_class", "q20", { codebook, weight: "w" });
    const countLines = (body?.rows ?? []).filter((r) => r[2] === "Count" && r[0] !== "Total");
    t.cells.forEach((row, i) => row.forEach((c, j) => expect(c.count).toBeCloseTo(num(countLines[i]?.[3 + j]), 6)));
    expect(t.total).toBeCloseTo(127.927, 6);
    const pearsonLine = chi?.rows.find((r) => r[0] === "Pearson Chi-Square") ?? [];
    expect(t.tests.pearson.value ?? 0).toBeCloseTo(num(pearsonLine[1]), 6);
    expect(Math.abs((t.tests.pearson.p ?? 1) - num(pearsonLine[3]))).toBeLessThan(1e-4);
    const lbl = chi?.rows.find((r) => r[0] === "Linear-by-Linear Association") ?? [];
    expect(t.tests.linearByLinear.value ?? 0).toBeCloseTo(num(lbl[1]), 6);
    expect(t.measures.cramersV ?? 0).toBeCloseTo(num(sym?.rows.find((r) => r[1] === "Cramer's V")?.[2]), 6);
  });

  it("weights a correlation like duplicated rows (PSPP 1.6 cannot: it prints NaN)", () => {
    const x = [1, 2, 3, 4, 5];
    const y = [2, 4, 5, 4, 5];
    const w = [1, 2, 1, 3, 1];
    const expanded = { x: x.flatMap((v, i) => Array<number>(w[i] ?? 0).fill(v)), y: y.flatMap((v, i) => Array<number>(w[i] ?? 0).fill(v)) };
    const weighted = pearson({ x, y, w }, "x", "y", { weight: "w" });
    const plain = pearson(expanded, "x", "y");
    expect(weighted.n).toBe(8);
    expect(weighted.r ?? 0).toBeCloseTo(plain.r ?? 1, 12);
    expect(weighted.p ?? 0).toBeCloseTo(plain.p ?? 1, 12);
  });
});

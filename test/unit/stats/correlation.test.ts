import { describe, expect, it } from "vitest";
import { correlationMatrix } from "../../../src/stats/correlation-matrix";
import { pearson } from "../../../src/stats/pearson";
import { spearman } from "../../../src/stats/spearman";
import { num, psppTables, sampleCodebook, sampleColumns, type PsppTable } from "./pspp-fixtures";

const data = sampleColumns();
const codebook = sampleCodebook();
const vars = ["size_class", "q3", "q7", "q20", "q33", "score"];

/** PSPP's correlation table as lookups: stat(row variable index, statistic line)[column index]. */
function psppMatrix(table: PsppTable | undefined): (a: number, stat: string) => string[] {
  const rows = table?.rows ?? [];
  return (a, stat) => {
    let current = -1;
    for (const r of rows.slice(1)) {
      if (r[0]) current++;
      if (current === a && r[1] === stat) return r.slice(2);
    }
    return [];
  };
}

describe("Pearson correlations agree with PSPP CORRELATIONS", () => {
  const [pairwiseTable, listwiseTable] = psppTables("correlations");
  for (const [deletion, table] of [["pairwise", pairwiseTable], ["listwise", listwiseTable]] as const) {
    it(`reproduces r and p of the 6 × 6 matrix (${deletion})`, () => {
      const m = correlationMatrix(data, vars, { codebook, deletion });
      const stat = psppMatrix(table);
      for (let a = 0; a < vars.length; a++) {
        for (let b = 0; b < vars.length; b++) {
          const cell = m.cells[a]?.[b];
          expect(cell?.r ?? Number.NaN).toBeCloseTo(num(stat(a, "Pearson Correlation")[b]), 6);
          if (a !== b) expect(Math.abs((cell?.p ?? Number.NaN) - num(stat(a, "Sig. (2-tailed)")[b]))).toBeLessThan(1e-4);
          if (deletion === "pairwise") expect(cell?.n).toBe(num(stat(a, "N")[b]));
        }
      }
      if (deletion === "listwise") expect(m.complete).toBe(62);
    });
  }

  it("gives the same single pair through pearson() with an audit line", () => {
    const r = pearson(data, "size_class", "q20", { codebook, language: "en" });
    expect(r.r ?? Number.NaN).toBeCloseTo(-0.4990897824, 9);
    expect(r.n).toBe(89);
    expect(Math.abs((r.p ?? 1) - 0.0000006414)).toBeLessThan(1e-4);
    expect(r.audit.line).toContain("q20: 9 (5), blank (2)");
    expect(r.audit.test).toMatch(/^r\(87\) = \u22120\.499, p < \.001, two-sided$/u);
    // The same test in norsk: decimal comma, p with its leading zero.
    expect(pearson(data, "size_class", "q20", { codebook }).audit.test).toBe("r(87) = \u22120,499, p < 0,001, tosidig");
  });
});

describe("Spearman correlations agree with PSPP (RANK /TIES=MEAN + CORRELATIONS)", () => {
  const [listwiseTable, pairTable] = psppTables("spearman");
  it("reproduces ρ and p of the listwise 6 × 6 matrix", () => {
    const m = correlationMatrix(data, vars, { codebook, method: "spearman", deletion: "listwise" });
    const stat = psppMatrix(listwiseTable);
    for (let a = 0; a < vars.length; a++) {
      for (let b = 0; b < vars.length; b++) {
        if (a === b) continue;
        expect(m.cells[a]?.[b]?.r ?? Number.NaN).toBeCloseTo(num(stat(a, "Pearson Correlation")[b]), 6);
        expect(Math.abs((m.cells[a]?.[b]?.p ?? Number.NaN) - num(stat(a, "Sig. (2-tailed)")[b]))).toBeLessThan(1e-4);
        expect(m.cells[a]?.[b]?.n).toBe(62);
      }
    }
  });

  it("reproduces one pairwise ρ (size_class × q20, n = 89)", () => {
    const stat = psppMatrix(pairTable);
    const s = spearman(data, "size_class", "q20", { codebook });
    expect(s.r ?? Number.NaN).toBeCloseTo(num(stat(0, "Pearson Correlation")[1]), 6);
    expect(s.n).toBe(89);
    expect(Math.abs((s.p ?? 1) - num(stat(0, "Sig. (2-tailed)")[1]))).toBeLessThan(1e-4);
    const m = correlationMatrix(data, ["size_class", "q20"], { codebook, method: "spearman" });
    expect(m.cells[0]?.[1]?.r ?? Number.NaN).toBeCloseTo(num(stat(0, "Pearson Correlation")[1]), 6);
  });
});

describe("correlation edge cases (hand-worked)", () => {
  it("computes a small Pearson r by hand", () => {
    // x = 1 2 3 4 5, y = 2 4 5 4 5: Sxy = 6, Sxx = 10, Syy = 6; r = 6/√60 = 0.774597
    // t = r√(3/(1−r²)) = √4.5 = 2.121320. For 3 df the t CDF has a closed form:
    // F(t) = 1/2 + (1/π)[(t/√3)/(1 + t²/3) + atan(t/√3)] → p = 2(1 − F) = 0.124027
    const r = pearson({ x: [1, 2, 3, 4, 5], y: [2, 4, 5, 4, 5] }, "x", "y");
    expect(r.r ?? Number.NaN).toBeCloseTo(6 / Math.sqrt(60), 12);
    const t = Math.sqrt(4.5);
    const u = t / Math.sqrt(3);
    const closedForm = 2 * (1 - (0.5 + (u / (1 + (t * t) / 3) + Math.atan(u)) / Math.PI));
    expect(r.p ?? Number.NaN).toBeCloseTo(closedForm, 10);
    expect(closedForm).toBeCloseTo(0.12403, 4);
  });

  it("reports r as undefined for a constant column instead of NaN", () => {
    const r = pearson({ x: [2, 2, 2, 2], y: [1, 2, 3, 4] }, "x", "y", { language: "en" });
    expect(r.r).toBeNull();
    expect(r.p).toBeNull();
    expect(r.reason).toBe("x is constant in these 4 cases, so r is undefined");
    expect(r.audit.line).toContain("r undefined (x is constant");
    expect(JSON.stringify(r)).not.toContain("NaN");
  });

  it("gives r but no p when n < 3, and nothing when n < 2", () => {
    const two = pearson({ x: [1, 2, null], y: [3, 5, 7] }, "x", "y");
    expect(two.r).toBe(1);
    expect(two.n).toBe(2);
    expect(two.p).toBeNull();
    const one = pearson({ x: [1, null, null], y: [3, 5, 7] }, "x", "y");
    expect(one.r).toBeNull();
    expect(one.reason).toMatch(/only 1 case/);
  });

  it("reports an all-missing variable in a matrix", () => {
    const m = correlationMatrix({ a: [1, 2, 3], b: [9, 9, null], c: [3, 1, 2] }, ["a", "b", "c"], { missing: { b: [9] } });
    expect(m.cells[1]?.[1]?.r).toBeNull();
    expect(m.cells[0]?.[1]?.r).toBeNull();
    expect(m.cells[0]?.[2]?.r ?? Number.NaN).toBeCloseTo(-0.5, 12);
    expect(m.notes.join(" ")).toMatch(/par har ingen r/);
    expect(m.audit.line).toContain("b: 9 (2), blank (1)");
  });

  it("gives a matrix cell without r the pair's reason, written when first read, in the spread cell's order", () => {
    // a × b: no case (b's only code is missing), as b × b; a × c: 2 cases (r, no p); a × d: r and p.
    const data = { a: [1, 2, 3, null], b: [5, 5, 5, 5], c: [1, null, 4, 2], d: [2, 1, 4, 3] };
    const m = correlationMatrix(data, ["a", "b", "c", "d"], { missing: { b: [5] } });
    // Each pair's cell, both halves, against `stats.pearson` of the pair (first variable first).
    for (const [a, b, x, y] of [[0, 1, "a", "b"], [1, 0, "a", "b"], [0, 2, "a", "c"], [2, 0, "a", "c"], [0, 3, "a", "d"]] as const) {
      const cell = m.cells[a]?.[b];
      const alone = pearson(data, x, y, { missing: { b: [5] } });
      // The cell as `{...correlation, q, mark}` wrote it: the same keys in the same order, the same values.
      const spread = { r: alone.r, n: alone.n, p: alone.p, ...(alone.why ? { reason: alone.reason, why: alone.why } : {}), q: null, mark: cell?.mark };
      expect(JSON.stringify(cell)).toBe(JSON.stringify(spread));
      expect(cell?.reason).toBe(alone.reason);
      // Without r (or p) the reason is an accessor until read: a reconstruction's cells never write it.
      expect(typeof Object.getOwnPropertyDescriptor(cell, "reason")?.get).toBe(alone.why ? "function" : "undefined");
    }
    expect(m.cells[1]?.[1]).toMatchObject({ r: null, n: 0, why: { kind: "no-valid-cases", variable: "b" } });
    expect(m.cells[1]?.[1]?.reason).toMatch(/b/);
  });

  it("ranks ties by their mean rank for Spearman", () => {
    // x ranks: 1, 2.5, 2.5, 4; y = x reversed → ρ = −1
    const s = spearman({ x: [1, 2, 2, 3], y: [3, 2, 2, 1] }, "x", "y");
    expect(s.r).toBe(-1);
    expect(s.p).toBe(0);
  });

  it("marks significance with BH q-values when FDR is on", () => {
    const plain = correlationMatrix(data, vars, { codebook });
    const fdr = correlationMatrix(data, vars, { codebook, fdr: true });
    // q ≥ p everywhere; q20 × q3 (p = .053) stays unmarked, size_class × score stays "**".
    for (let a = 0; a < vars.length; a++) {
      for (let b = 0; b < vars.length; b++) {
        if (a === b) continue;
        expect(fdr.cells[a]?.[b]?.q ?? 0).toBeGreaterThanOrEqual(plain.cells[a]?.[b]?.p ?? 1);
      }
    }
    expect(fdr.cells[0]?.[5]?.mark).toBe("**");
    expect(plain.cells[1]?.[3]?.mark).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import * as aq from "arquero";
import { crosstab } from "../../../src/stats/crosstab";
import { num, psppCrosstabCells, psppTables, sampleCodebook, sampleColumns, sampleCsv } from "./pspp-fixtures";

const codebook = sampleCodebook();
const tables = psppTables("crosstabs");


const cases: [string, string, number][] = [
  ["size_class", "q20", 0],
  ["q3", "q7", 1],
  ["resp_type", "q20", 2],
];

describe("crosstab agrees with PSPP CROSSTABS", () => {
  for (const source of ["plain columns", "Arquero table"] as const) {
    for (const [rowVar, colVar, k] of cases) {
      it(`reproduces ${rowVar} × ${colVar} cells, χ², φ and V (${source})`, () => {
        const data = source === "plain columns" ? sampleColumns() : aq.fromCSV(sampleCsv());
        const ours = crosstab(data, rowVar, colVar, { codebook });
        const [summary, body, chi, sym] = tables.slice(k * 4, k * 4 + 4);
        expect(body?.title).toBe(`${rowVar} × ${colVar}`);
        const cells = psppCrosstabCells(body ?? { title: "", rows: [] });
        ours.rows.forEach((row, i) => {
          const get = (stat: string): string[] => cells.get(`${row.label}|${stat}`) ?? [];
          ours.columns.forEach((_, j) => {
            const c = ours.cells[i]?.[j];
            expect(c?.count).toBeCloseTo(num(get("Count")[j]), 6);
            expect(c?.expected ?? Number.NaN).toBeCloseTo(num(get("Expected")[j]), 6);
            expect(c?.rowPercent ?? Number.NaN).toBeCloseTo(num(get("Row %")[j]), 6);
            expect(c?.columnPercent ?? Number.NaN).toBeCloseTo(num(get("Column %")[j]), 6);
            expect(c?.totalPercent ?? Number.NaN).toBeCloseTo(num(get("Total %")[j]), 6);
          });
          expect(ours.rowTotals[i]).toBeCloseTo(num(get("Count")[ours.columns.length]), 6);
        });
        expect(ours.total).toBe(num(summary?.rows[3]?.[1]));
        const stat = (label: string): string[] => chi?.rows.find((r) => r[0] === label) ?? [];
        const pearson = stat("Pearson Chi-Square");
        expect(ours.tests.pearson.value ?? Number.NaN).toBeCloseTo(num(pearson[1]), 6);
        expect(ours.tests.pearson.df).toBe(num(pearson[2]));
        expect(Math.abs((ours.tests.pearson.p ?? Number.NaN) - num(pearson[3]))).toBeLessThan(1e-4);
        const lr = stat("Likelihood Ratio");
        expect(ours.tests.likelihoodRatio.value ?? Number.NaN).toBeCloseTo(num(lr[1]), 6);
        expect(Math.abs((ours.tests.likelihoodRatio.p ?? Number.NaN) - num(lr[3]))).toBeLessThan(1e-4);
        const lbl = stat("Linear-by-Linear Association");
        expect(ours.tests.linearByLinear.value ?? Number.NaN).toBeCloseTo(num(lbl[1]), 6);
        expect(Math.abs((ours.tests.linearByLinear.p ?? Number.NaN) - num(lbl[3]))).toBeLessThan(1e-4);
        expect(ours.measures.phi ?? Number.NaN).toBeCloseTo(num(sym?.rows.find((r) => r[1] === "Phi")?.[2]), 6);
        expect(ours.measures.cramersV ?? Number.NaN).toBeCloseTo(num(sym?.rows.find((r) => r[1] === "Cramer's V")?.[2]), 6);
      });
    }
  }

  it("labels both axes from the codebook and warns about small expected counts like SPSS", () => {
    const ours = crosstab(sampleColumns(), "size_class", "q20", { codebook });
    expect(ours.columns.map((c) => c.label)).toEqual(["Har allerede innført", "Er i ferd med å innføre", "Planlegger å innføre", "Har ingen planer"]);
    expect(ours.rows.map((r) => r.label)).toEqual(["1", "2", "3", "4", "5", "6"]);
    // Counted off PSPP's Expected lines: 2 + 4 + 4 + 3 + 2 + 2 = 17 of the 24 cells are below 5;
    // the smallest is 1.3146 (size class 2 and 3 × "Har ingen planer").
    expect(ours.expectedWarning?.cells).toBe(17);
    expect(ours.expectedWarning?.share).toBeCloseTo(17 / 24, 12);
    expect(ours.expectedWarning?.minExpected).toBeCloseTo(1.3146067416, 9);
    expect(ours.audit.line).toContain("q20: 9 (5), blank (2)");
  });
});

describe("crosstab edge cases (hand-worked)", () => {
  it("computes a 2×2 with expected counts below 5", () => {
    // a=3 b=1 / c=1 d=5, N=10. Row totals 4, 6; column totals 4, 6.
    // Expected: 1.6 2.4 / 2.4 3.6. χ² = Σ(O−E)²/E = 1.96/1.6 + 1.96/2.4 + 1.96/2.4 + 1.96/3.6 = 3.4027777…
    const x = [1, 1, 1, 1, 2, 2, 2, 2, 2, 2];
    const y = [1, 1, 1, 2, 1, 2, 2, 2, 2, 2];
    const t = crosstab({ x, y }, "x", "y");
    expect(t.cells.map((r) => r.map((c) => c.expected))).toEqual([[1.6, 2.4], [2.4, 3.6]]);
    expect(t.tests.pearson.value).toBeCloseTo(1.96 / 1.6 + 1.96 / 2.4 + 1.96 / 2.4 + 1.96 / 3.6, 12);
    expect(t.tests.pearson.df).toBe(1);
    // p = P(χ²₁ ≥ 3.40278) = 2·(1 − Φ(√3.40278)) = 2·(1 − Φ(1.84466)) = 0.06509
    expect(t.tests.pearson.p).toBeCloseTo(0.06509, 4);
    expect(t.expectedWarning?.cells).toBe(4);
    expect(t.expectedWarning?.share).toBe(1);
    // SPSS's footnote, in English and in norsk (the kernels' default without a selection's language).
    expect(crosstab({ x, y }, "x", "y", { language: "en" }).expectedWarning?.message).toBe("4 cells (100.0%) have expected count less than 5. The minimum expected count is 1.60.");
    expect(t.expectedWarning?.message).toBe("4 celler (100,0 %) har forventet antall under 5. Minste forventede antall er 1,60.");
    expect(t.measures.cramersV).toBeCloseTo(Math.sqrt(3.4027777777777777 / 10), 12);
  });

  it("leaves empty codebook rows out of χ² but shows them", () => {
    const t = crosstab({ q3: [1, 1, 2, 2], q7: [1, 2, 1, 2] }, "q3", "q7", { codebook: sampleCodebook(), allCodes: true });
    expect(t.rows.map((r) => r.code)).toEqual([1, 2, 3, 4]);
    expect(t.cells[2]?.[0]).toEqual({ count: 0, expected: 0, rowPercent: null, columnPercent: 0, totalPercent: 0 });
    expect(t.tests.pearson.df).toBe(1);
    expect(t.tests.pearson.value).toBe(0);
  });

  it("reports χ² as not computed for a single row instead of NaN", () => {
    const t = crosstab({ a: [1, 1, 1], b: [1, 2, 2] }, "a", "b");
    expect(t.tests.pearson.value).toBeNull();
    expect(t.tests.pearson.reason).toMatch(/at least 2/);
    expect(t.measures.cramersV).toBeNull();
    expect(JSON.stringify(t)).not.toContain("NaN");
  });

  it("says why χ² is not computed in the language asked for, in the audit line too", () => {
    const data = { a: [1, 1, 1], b: [1, 2, 2] };
    const nb = crosstab(data, "a", "b");
    const en = crosstab(data, "a", "b", { language: "en" });
    expect(nb.tests.pearson.why).toEqual({ kind: "too-few-categories", rows: 1, columns: 2 });
    expect(nb.audit.test).toContain("bare 1 rad og 2 kolonner har svar; χ² krever minst 2 av hver");
    expect(en.audit.test).toContain("only 1 row(s) and 2 column(s) have answers; χ² needs at least 2 of each");
    expect(crosstab({ a: [], b: [] }, "a", "b").audit.test).toContain("tabellen er tom");
  });

  it("keeps codes outside 0–255 and fractional values (the Map path)", () => {
    const t = crosstab({ a: [1000, 1000, 2.5, 2.5, -1], b: [1, 2, 1, 2, 1] }, "a", "b");
    expect(t.rows.map((r) => r.code)).toEqual([-1, 2.5, 1000]);
    expect(t.cells.map((r) => r.map((c) => c.count))).toEqual([[1, 0], [1, 1], [1, 1]]);
    expect(t.total).toBe(5);
  });

  it("reports an empty selection", () => {
    const t = crosstab({ a: [1, 2], b: [1, 2], f: [1, 1] }, "a", "b", { where: [{ variable: "f", codes: [5] }] });
    expect(t.total).toBe(0);
    expect(t.cells).toEqual([]);
    expect(t.notes[0]).toMatch(/Ingen rader er valgt/);
  });
});

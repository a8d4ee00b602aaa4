import { describe, expect, it } from "vitest";
import { frequencies } from "../../../src/stats/frequencies";
import { num, psppTables, sampleCodebook, sampleColumns } from "./pspp-fixtures";

const data = sampleColumns();
const codebook = sampleCodebook();
const tables = psppTables("frequencies");

describe("frequencies agree with PSPP FREQUENCIES", () => {
  for (const variable of ["q3", "q7", "q20", "size_class"]) {
    it(`reproduces count, percent, valid and cumulative percent of ${variable}`, () => {
      const pspp = tables.find((t) => t.title === variable);
      expect(pspp).toBeDefined();
      const ours = frequencies(data, variable, { codebook });
      const validRows = (pspp?.rows ?? []).filter((r, i) => i > 0 && r[4] !== "" && r[0] !== "Total");
      expect(ours.valid.map((r) => r.label)).toEqual(validRows.map((r) => r[1]));
      ours.valid.forEach((row, i) => {
        const p = validRows[i] ?? [];
        expect(row.count).toBeCloseTo(num(p[2]), 6);
        expect(row.percent ?? Number.NaN).toBeCloseTo(num(p[3]), 6);
        expect(row.validPercent ?? Number.NaN).toBeCloseTo(num(p[4]), 6);
        expect(row.cumulativePercent ?? Number.NaN).toBeCloseTo(num(p[5]), 6);
      });
      // Missing rows: PSPP prints "." for blanks and the label for user-missing codes.
      const missingRows = (pspp?.rows ?? []).filter((r) => r[4] === "" && r[0] !== "Total" && r[2] !== "");
      for (const p of missingRows) {
        const mine = ours.missing.find((m) => (p[1] === "." ? m.kind === "system-missing" : m.label === p[1]));
        expect(mine?.count).toBeCloseTo(num(p[2]), 6);
        expect(mine?.percent ?? Number.NaN).toBeCloseTo(num(p[3]), 6);
      }
      const totalRow = (pspp?.rows ?? []).find((r) => r[0] === "Total");
      expect(ours.total).toBe(num(totalRow?.[2]));
    });
  }
});

describe("frequencies edge cases (hand-worked)", () => {
  it("treats codebook missing codes and blanks as missing and reports them in the audit", () => {
    const t = frequencies({ q3: [1, 1, 2, 9, null, ""] }, "q3", { codebook: sampleCodebook() });
    expect(t.total).toBe(6);
    expect(t.validTotal).toBe(3);
    expect(t.valid.map((r) => [r.code, r.count, r.validPercent])).toEqual([
      [1, 2, (100 * 2) / 3],
      [2, 1, 100 / 3],
    ]);
    expect(t.missing.map((r) => [r.kind, r.count])).toEqual([
      ["user-missing", 1],
      ["system-missing", 2],
    ]);
    expect(t.audit.line).toContain("q3: 9 (1), blank (2)");
  });

  it("says so instead of printing NaN when every answer is missing", () => {
    const t = frequencies({ q3: [9, null, 9] }, "q3", { codebook: sampleCodebook() });
    expect(t.validTotal).toBe(0);
    expect(t.valid).toEqual([]);
    expect(t.notes[0]).toMatch(/Ingen gyldige svar/);
    expect(JSON.stringify(t)).not.toContain("NaN");
  });

  it("applies where-filters and weights", () => {
    const data = { q3: [1, 2, 2, 1], fylke: [1, 1, 2, 1], w: [2, 1, 1, 0.5] };
    const t = frequencies(data, "q3", { where: [{ variable: "fylke", codes: [1] }], weight: "w" });
    expect(t.valid.map((r) => r.count)).toEqual([2.5, 1]);
    expect(t.audit.n).toBe(3);
    expect(t.audit.filters).toEqual(["fylke ∈ {1}"]);
    expect(t.audit.weight).toBe("w");
  });

  it("lists unchosen codebook codes with count 0 when asked", () => {
    const t = frequencies({ q3: [1, 1] }, "q3", { codebook: sampleCodebook(), allCodes: true });
    expect(t.valid.map((r) => [r.code, r.count])).toEqual([[1, 2], [2, 0], [3, 0], [4, 0]]);
  });

  it("handles an empty selection", () => {
    const t = frequencies({ q3: [] }, "q3");
    expect(t.total).toBe(0);
    expect(t.notes[0]).toMatch(/Ingen rader er valgt/);
  });
});

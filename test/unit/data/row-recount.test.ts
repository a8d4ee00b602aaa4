/**
 * Issue 12: the residual engine is compiled once per printed row (`rowRecount`) and run on counts
 * (04 runs it on every printed row of each of fifty reconstructions per filter change). Its figures
 * here are worked by hand from small code counts, one row per way a percentage is based, so the
 * compiled form is checked against arithmetic, not against itself; and a row compiled for one
 * variable, subset or set of rows is never handed to another.
 */
import { describe, expect, it } from "vitest";
import type { PrintedRow, PrintedTable } from "../../../src/data/printed-tables";
import type { Respondents } from "../../../src/data/respondents";
import { residualOf, rowRecount, rowResiduals } from "../../../src/data/residuals";

/** Respondents whose counts are given per variable (the base restriction is applied by the caller's counts). */
function respondents(byVariable: Record<string, { counts: [number, number][]; total: number }>): Respondents {
  return {
    codes: (variable) => {
      const c = byVariable[variable];
      return c ? { counts: new Map(c.counts), total: c.total } : undefined;
    },
  };
}

const table = (id: string, kind: PrintedTable["kind"], rows: PrintedRow[]): PrintedTable => ({ id, caption: id, lines: [1, 2], questions: [], kind, rows });

// q1: code 1 × 7, code 2 × 2, code 3 × 1, code 9 ("vet ikke") × 2; 14 respondents, 2 of them blank.
const who = respondents({
  q1: { counts: [[1, 7], [2, 2], [3, 1], [9, 2]], total: 14 },
  m1: { counts: [[1, 6]], total: 20 },
  m2: { counts: [[1, 3]], total: 20 },
});
const noMissing = (): readonly number[] => [];
const missing9 = (): readonly number[] => [9];

describe("the compiled residual engine, worked by hand", () => {
  it("counts, a code list and the row total of a frequency table", () => {
    const row: PrintedRow = { label: "q1", variable: "q1", cells: [{ code: 1, label: "a", count: 7 }, { code: "2+3", label: "b", count: 4 }, { code: 9, label: "vet ikke", count: 2 }], total: 13 };
    const res = rowResiduals(table("t1", "frequency", [row]), row, who, noMissing);
    // 7; 2 + 1 = 3 (printed 4: residual −1); 2; the row sum 12 against a printed 13.
    expect(res?.map((c) => [c.measure, c.reconstructed, c.residual, c.ok])).toEqual([["count", 7, 0, true], ["count", 3, -1, false], ["count", 2, 0, true], ["total", 12, -1, false]]);
  });

  it("percentages of the printed row total, and of the subset's own row sum under a filter", () => {
    const row: PrintedRow = { label: "q1", variable: "q1", percentBase: "row-total", cells: [{ code: 1, label: "a", percent: 58.3 }, { code: 2, label: "b", percent: 17 }], total: 12 };
    const t = table("t2", "frequency", [row]);
    // All respondents: of the printed 12 → 7/12 = 58.33 → 58.3; 2/12 = 16.67 → 17.
    expect(rowResiduals(t, row, who, noMissing)?.map((c) => c.reconstructed)).toEqual([58.3, 17, 9]);
    // A subset: of its own row sum 7 + 2 = 9 → 77.8 and 22; residuals to a tenth of a point.
    const subset = rowResiduals(t, row, who, noMissing, { subset: true });
    expect(subset?.map((c) => [c.reconstructed, c.residual])).toEqual([[77.8, 19.5], [22, 5], [9, -3]]);
    expect(rowRecount(t, row, { subset: true })).not.toBe(rowRecount(t, row));
  });

  it("percentages of the respondents, of the valid answers, and of every tick of a multiple-response set", () => {
    const respondentsRow: PrintedRow = { label: "r", variable: "q1", percentBase: "respondents", cells: [{ code: 1, label: "a", percent: 50 }] };
    // 7 of 14 respondents = 50 %.
    expect(rowResiduals(table("t3", "frequency", [respondentsRow]), respondentsRow, who, noMissing)?.map((c) => [c.reconstructed, c.ok])).toEqual([[50, true]]);
    const validRow: PrintedRow = { label: "v", variable: "q1", cells: [{ code: 1, label: "a", percent: 70 }, { code: 2, label: "b", percent: 20 }, { code: 3, label: "c", percent: 10 }] };
    // Of the printed cells' sum 7 + 2 + 1 = 10: 70, 20, 10.
    expect(rowResiduals(table("t4", "frequency", [validRow]), validRow, who, noMissing)?.map((c) => c.reconstructed)).toEqual([70, 20, 10]);
    const set: PrintedRow[] = [
      { label: "m1", variable: "m1", percentBase: "answers", cells: [{ code: 1, label: "x", percent: 66.7 }] },
      { label: "m2", variable: "m2", percentBase: "answers", cells: [{ code: 1, label: "y", percent: 33.3 }] },
    ];
    const mr = table("t5", "multiple-response", set);
    // 6 and 3 ticks of 9 in all: 66.7 and 33.3.
    expect(set.map((r) => rowResiduals(mr, r, who, noMissing, { allRows: set })?.[0]?.reconstructed)).toEqual([66.7, 33.3]);
    // Without the set, m1's answers are its own 6 ticks: 100 %.
    expect(rowResiduals(mr, set[0] ?? set[1] ?? respondentsRow, who, noMissing)?.[0]?.reconstructed).toBe(100);
  });

  it("a running-text statement: soft, of those who answered (the variable's missing codes left out), a resolution exact", () => {
    const row: PrintedRow = { label: "s", variable: "q1", cells: [{ code: "1+2", label: "most", percent: 80 }, { code: 3, label: "few", percent: 10, resolved: { percent: 10 }, conflict: "X1" }] };
    const t = table("text:s", "text", [row]);
    // Of the 12 who answered less the 2 "vet ikke": (7 + 2) / 10 = 90 %, 1 / 10 = 10 %.
    const res = rowResiduals(t, row, who, missing9);
    expect(res?.map((c) => [c.reconstructed, c.residual, c.soft === true, c.conflict ?? ""])).toEqual([[90, 10, true, ""], [10, 0, false, "X1"]]);
    // With no missing codes, of all 12 who answered: 75 % and 8 %.
    expect(rowResiduals(t, row, who, noMissing)?.map((c) => c.reconstructed)).toEqual([75, 8]);
  });

  it("nothing for a variable the respondents do not carry, a list, or a category that is not a code", () => {
    const row: PrintedRow = { label: "z", variable: "q99", cells: [{ code: 1, label: "a", count: 1 }] };
    expect(rowResiduals(table("t6", "frequency", [row]), row, who, noMissing)).toBeNull();
    expect(rowResiduals(table("t7", "list", [row]), row, who, noMissing)).toBeNull();
    const named: PrintedRow = { label: "n", variable: "q1", cells: [{ code: "Bergen", label: "Bergen", count: 1 }] };
    expect(rowRecount(table("t8", "frequency", [named]), named)).toBeNull();
  });

  it("each variable of a row of several gets its own compiled recount", () => {
    const row: PrintedRow = { label: "both", variable: "m1,m2", percentBase: "respondents", cells: [{ code: 1, label: "x", percent: 30 }] };
    const t = table("t9", "frequency", [row]);
    // 6 of 20 = 30 %, 3 of 20 = 15 %.
    expect(["m1", "m2"].map((variable) => rowResiduals(t, row, who, noMissing, { variable })?.[0]?.reconstructed)).toEqual([30, 15]);
    expect(rowRecount(t, row, { variable: "m1" })).not.toBe(rowRecount(t, row, { variable: "m2" }));
  });

  it("a percentage's residual is to a tenth of a point, a count's exact", () => {
    expect(residualOf({ table: "t", row: "r", variable: "v", code: 1, target: 33.3, measure: "percent" }, 33.5)).toBe(0.2);
    expect(residualOf({ table: "t", row: "r", variable: "v", code: 1, target: 3, measure: "count" }, 5)).toBe(2);
  });
});

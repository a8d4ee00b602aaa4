/**
 * comparePrinted on small hand-worked data: counts and percentages on each printed base, documented
 * resolutions as targets, base restrictions, multiple-response bases, and no comparison under a filter.
 */
import { describe, expect, it } from "vitest";
import { table } from "arquero";
import type { Codebook } from "../../../src/data/codebook";
import type { PrintedTable } from "../../../src/data/printed-tables";
import { comparePrinted } from "../../../src/analysis/printed-comparison";
import { matchesCode as matchesPrintedCode, roundHalfUp } from "../../../src/data/residuals";
import { filterView } from "../../../src/stats/index";

const codebook: Codebook = {
  title: "t", source: "s", recordLength: 10, skipRules: [], sets: [],
  variables: [
    { name: "q1", question: "q1", no: "Aktivitet", en: "Activity", kind: "categorical", columns: { start: 1, end: 1 }, missing: [9],
      codes: [{ code: 1, no: "Svært aktiv", en: "" }, { code: 2, no: "Aktiv", en: "" }, { code: 9, no: "Vet ikke", en: "" }] },
    { name: "q3", question: "q3", no: "Status", en: "Status", kind: "categorical", columns: { start: 2, end: 2 }, missing: [], codes: [] },
    { name: "q2_1", question: "q2", no: "A", en: "A", kind: "dichotomy", columns: { start: 3, end: 3 }, missing: [], codes: [{ code: 1, no: "x", en: "x" }] },
    { name: "q2_2", question: "q2", no: "B", en: "B", kind: "dichotomy", columns: { start: 4, end: 4 }, missing: [], codes: [{ code: 1, no: "x", en: "x" }] },
  ],
};

// Six respondents. q1: 1, 1, 2, 9, blank, 2 → valid 1,1,2,2 (base 4); with "vet ikke" 5.
const data = table({
  q1: [1, 1, 2, 9, null, 2],
  q3: [1, 2, 4, 1, 3, 2],
  q2_1: [1, null, 1, null, null, 1],
  q2_2: [1, 1, null, null, null, null],
  fylke: [1, 1, 2, 2, 2, 2],
});

function frequencyTable(rows: PrintedTable["rows"]): PrintedTable {
  return { id: "x", caption: "X", lines: [1, 2], questions: ["q1"], kind: "frequency", rows };
}

describe("comparePrinted", () => {
  it("reproduces counts and valid percentages (2 of 4 = 50 %, missing codes left out)", () => {
    const t = frequencyTable([{ label: "Aktivitet", variable: "q1", percentBase: "valid", total: 4,
      cells: [{ code: 1, label: "Svært aktiv", count: 2, percent: 50 }, { code: 2, label: "Aktiv", count: 2, percent: 50 }] }]);
    const cmp = comparePrinted(data, t, { codebook });
    expect(cmp.rows[0]?.cells.map((c) => [c.count, c.percent, c.matches])).toEqual([[2, 50, true], [2, 50, true]]);
    expect(cmp.rows[0]?.total).toBe(4);
    expect(cmp.mismatches).toBe(0);
    // Two printed cells (count and percent checked together) and the row N.
    expect(cmp.compared).toBe(3);
  });

  it("puts 'vet ikke' inside a row-total base: 1 of 5 = 20 %", () => {
    const t = frequencyTable([{ label: "Aktivitet", variable: "q1", percentBase: "row-total", total: 5,
      cells: [{ code: 1, label: "a", percent: 40 }, { code: 2, label: "b", percent: 40 }, { code: 9, label: "vet ikke", percent: 20 }] }]);
    const cmp = comparePrinted(data, t, { codebook });
    expect(cmp.rows[0]?.cells.map((c) => c.percent)).toEqual([40, 40, 20]);
    expect(cmp.mismatches).toBe(0);
  });

  it("flags a printed figure the data do not reproduce", () => {
    const t = frequencyTable([{ label: "Aktivitet", variable: "q1", percentBase: "valid",
      cells: [{ code: 1, label: "a", count: 3, percent: 75 }, { code: 2, label: "b", count: 2, percent: 50 }] }]);
    const cmp = comparePrinted(data, t, { codebook, locale: "en" });
    expect(cmp.rows[0]?.cells[0]?.matches).toBe(false);
    expect(cmp.mismatches).toBe(1);
    expect(cmp.note).toBe("1 of 2 printed figures differ from the recomputation.");
  });

  it("writes its note in the language asked for: norsk by default, as the selection's", () => {
    const t = frequencyTable([{ label: "Aktivitet", variable: "q1", percentBase: "valid",
      cells: [{ code: 1, label: "a", count: 3, percent: 75 }, { code: 2, label: "b", count: 2, percent: 50 }] }]);
    expect(comparePrinted(data, t, { codebook }).note).toBe("1 av 2 trykte tall avviker fra omberegningen.");
    const reproduced = frequencyTable([{ label: "Aktivitet", variable: "q1", percentBase: "row-total", total: 5,
      cells: [{ code: 1, label: "a", percent: 40 }, { code: 2, label: "b", percent: 40 }, { code: 9, label: "vet ikke", percent: 20 }] }]);
    expect(comparePrinted(data, reproduced, { codebook, locale: "nb" }).note).toMatch(/^Alle \d+ trykte tall gjenskapes/);
    expect(comparePrinted(data, reproduced, { codebook, locale: "en" }).note).toMatch(/^All \d+ printed figures are reproduced/);
  });

  it("compares a documented conflict against its resolution, not the infeasible print", () => {
    const t = frequencyTable([{ label: "Aktivitet", variable: "q1", percentBase: "valid",
      cells: [{ code: 1, label: "a", count: 7, resolved: { count: 2 }, conflict: "c1" }] }]);
    const cell = comparePrinted(data, t, { codebook }).rows[0]?.cells[0];
    expect(cell).toMatchObject({ count: 2, printedCount: 7, target: { count: 2 }, conflict: "c1", matches: true });
  });

  it("restricts the base with `where` (q3 ∈ {1, 2}: rows 1, 2, 4, 6)", () => {
    const t = frequencyTable([{ label: "Aktivitet", variable: "q1", where: [{ variable: "q3", codes: [1, 2] }], percentBase: "row-total",
      cells: [{ code: 1, label: "a", count: 2 }, { code: 2, label: "b", count: 1 }, { code: 9, label: "v", count: 1 }] }]);
    const cmp = comparePrinted(data, t, { codebook });
    expect(cmp.rows[0]?.cells.map((c) => c.count)).toEqual([2, 1, 1]);
    expect(cmp.rows[0]?.cells.map((c) => c.percent)).toEqual([50, 25, 25]);
  });

  it("divides multiple-response items by all respondents and by all answers", () => {
    // q2_1 ticked 3 times, q2_2 twice: 5 answers, 6 respondents.
    const t: PrintedTable = { id: "mr", caption: "MR", lines: [1, 1], questions: ["q2"], kind: "multiple-response", rows: [
      { label: "A % of N", variable: "q2_1", percentBase: "respondents", total: 6, cells: [{ code: 1, label: "x", count: 3, percent: 50 }] },
      { label: "A % of answers", variable: "q2_1", percentBase: "answers", total: 5, cells: [{ code: 1, label: "x", count: 3, percent: 60 }] },
      { label: "B % of N", variable: "q2_2", percentBase: "respondents", total: 6, cells: [{ code: 1, label: "x", count: 2, percent: 33.3 }] },
    ] };
    const cmp = comparePrinted(data, t, { codebook });
    expect(cmp.rows.map((r) => r.cells[0]?.matches)).toEqual([true, true, true]);
    expect(cmp.rows.map((r) => r.total)).toEqual([6, 5, 6]);
    expect(cmp.rows[2]?.cells[0]?.percentRounded).toBe(33.3);
  });

  it("does not compare under a filter and says why; an empty selection gives no NaN", () => {
    const t = frequencyTable([{ label: "Aktivitet", variable: "q1", percentBase: "valid", cells: [{ code: 1, label: "a", count: 2, percent: 50 }] }]);
    const some = comparePrinted(filterView(data, [{ variable: "fylke", codes: [1], label: "fylke 1" }]), t, { codebook });
    expect(some.filtered).toBe(true);
    expect(some.rows[0]?.cells[0]).toMatchObject({ count: 2, matches: null });
    expect(some.note).toContain("fylke 1");
    const none = comparePrinted(filterView(data, [{ variable: "fylke", codes: [7] }]), t, { codebook, locale: "en" });
    expect(none.rows[0]?.cells[0]).toMatchObject({ count: 0, percent: null, percentRounded: null, matches: null });
    expect(none.note).toContain("No respondents match");
  });

  it("refuses list tables with a pointer to the adopters", () => {
    const t: PrintedTable = { id: "2.3", caption: "list", lines: [1, 1], questions: [], kind: "list", rows: [] };
    expect(() => comparePrinted(data, t, { codebook })).toThrow(/survey.adopters/);
  });
});

describe("printed codes and rounding", () => {
  it("matches single codes, alternatives, ranges and open ranges", () => {
    expect(matchesPrintedCode(2, 2)).toBe(true);
    expect(matchesPrintedCode(2, "1+2")).toBe(true);
    expect(matchesPrintedCode(3, "1+2")).toBe(false);
    expect(matchesPrintedCode(45, "41-50")).toBe(true);
    expect(matchesPrintedCode(51, "41-50")).toBe(false);
    expect(matchesPrintedCode(4, "3+")).toBe(true);
    expect(matchesPrintedCode(2, "3+")).toBe(false);
  });

  it("rounds half up as the report did (2/8 = 12.5 → 13; 1/6 = 16.67 → 16.7)", () => {
    expect(roundHalfUp(12.5, 0)).toBe(13);
    expect(roundHalfUp(100 / 6, 1)).toBe(16.7);
    expect(roundHalfUp(0.05, 1)).toBe(0.1);
  });
});

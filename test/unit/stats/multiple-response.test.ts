import { describe, expect, it } from "vitest";
import { multipleResponse } from "../../../src/stats/multiple-response";
import { sampleCodebook } from "./pspp-fixtures";

/** Rows that reproduce a printed multiple-response table: `counts[j]` ticks of item j among `n` respondents. */
function synthetic(counts: number[], n: number): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  counts.forEach((c, j) => {
    out[`o_${j + 1}`] = Array.from({ length: n }, (_, i) => (i < c ? 1 : null));
  });
  return out;
}

describe("multiple response", () => {
  it("reproduces Tabell 2.7's percent of answers and percent of N = 267", () => {
    const counts = [82, 149, 23, 120, 44];
    const set = { name: "q31", label: { no: "Organisering", en: "Organisation" }, variables: counts.map((_, j) => `o_${j + 1}`), countedValue: 1 };
    const t = multipleResponse(synthetic(counts, 267), set);
    expect(t.answers).toBe(418);
    expect(t.rows.map((r) => Number((r.percentOfAnswers ?? 0).toFixed(1)))).toEqual([19.6, 35.6, 5.5, 28.7, 10.5]);
    expect(t.rows.map((r) => Number((r.percentOfCases ?? 0).toFixed(1)))).toEqual([30.7, 55.8, 8.6, 44.9, 16.5]);
    expect(t.caseBase).toBe(267);
  });

  it("reproduces Tabell 2.8 (N = 267, 298 answers)", () => {
    const counts = [52, 230, 8, 8];
    const set = { name: "q2", label: { no: "Initiativ", en: "Initiative" }, variables: counts.map((_, j) => `o_${j + 1}`), countedValue: 1 };
    const t = multipleResponse(synthetic(counts, 267), set);
    expect(t.answers).toBe(298);
    expect(t.rows.map((r) => Number((r.percentOfAnswers ?? 0).toFixed(1)))).toEqual([17.4, 77.2, 2.7, 2.7]);
    expect(t.rows.map((r) => Number((r.percentOfCases ?? 0).toFixed(1)))).toEqual([19.5, 86.1, 3.0, 3.0]);
  });

  it("uses the codebook set and offers SPSS's base of answering cases", () => {
    const data = { q2_1: [1, 1, null, 1, null], q2_2: [1, null, null, null, 1], q2_3: [null, null, null, null, null] };
    const all = multipleResponse(data, "q2", { codebook: sampleCodebook() });
    expect(all.rows.map((r) => [r.count, r.percentOfAnswers, r.percentOfCases])).toEqual([[3, 60, 60], [2, 40, 40], [0, 0, 0]]);
    const answering = multipleResponse(data, "q2", { codebook: sampleCodebook(), caseBase: "answering" });
    expect(answering.caseBase).toBe(4);
    expect(answering.rows.map((r) => r.percentOfCases)).toEqual([75, 50, 0]);
  });

  it("says when nobody ticked anything and names an unknown set", () => {
    const t = multipleResponse({ q2_1: [null], q2_2: [null], q2_3: [null] }, "q2", { codebook: sampleCodebook() });
    expect(t.rows.every((r) => r.percentOfAnswers === null)).toBe(true);
    expect(t.notes[0]).toMatch(/Nobody/);
    expect(() => multipleResponse({}, "q99", { codebook: sampleCodebook() })).toThrow(/no multiple-response set "q99" in the codebook \(its sets: q2\)/);
  });
});

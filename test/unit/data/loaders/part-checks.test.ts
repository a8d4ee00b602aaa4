/**
 * The row-by-row checks run in each part of a split file (`part-checks.ts`): which checks a part
 * finds clean (hand-made columns against the small fixture codebook: q1 codes 1–3, missing 9; q33
 * 18–80, missing 99; skip rule q3 = 4 → q4_1…q4_3 blank), that the join keeps only the checks every
 * part found clean, and that validation then skips exactly those — the join's saving — while a
 * check found dirty in any part still reports every issue, as one pass does.
 */
import { describe, expect, it } from "vitest";
import type { ColumnData, ColumnSet } from "../../../../src/data/loaders/column-builders";
import { cleanChecks, joinCleanChecks } from "../../../../src/data/loaders/part-checks";
import { IssueCollector, validateColumns } from "../../../../src/data/loaders/validate";
import { smallCodebook as codebook } from "./helpers";

const M = -128;
const numbers = (...values: number[]): ColumnData => ({ type: "number", values: Int8Array.from(values) });

/** Four rows: every checked variable valid, q3 = 4 only where q4_* are blank. */
function part(overrides: Record<string, ColumnData> = {}): ColumnSet {
  const base: Record<string, ColumnData> = {
    resp_id: numbers(1, 2, 3, 4),
    q1: numbers(1, 2, 3, 9),
    q3: numbers(1, 4, 2, M),
    q4_1: numbers(1, M, 1, M),
    q4_2: numbers(M, M, 1, 1),
    q4_3: numbers(1, M, M, M),
    q30_1: numbers(1, 2, 5, M),
    q33: numbers(18, 80, 99, M),
    q34: numbers(6, 5, 9, 1),
    ...overrides,
  };
  const names = Object.keys(base);
  return { names, columns: names.map((n) => base[n] ?? numbers()), rows: 4 };
}

const CHECKED = ["q1", "q3", "q4_1", "q4_2", "q4_3", "q30_1", "q33", "q34"];

describe("what a part finds clean", () => {
  it("every checked column and the skip rule, on valid data; the id is never a value check", () => {
    const clean = cleanChecks(part(), codebook);
    expect([...clean.columns].sort()).toEqual([...CHECKED].sort());
    expect(clean.rules).toEqual([0]);
  });

  it("a code outside the codes, a number outside the range, a skip broken: those checks are not clean", () => {
    const clean = cleanChecks(part({ q1: numbers(1, 4, 3, 9), q33: numbers(18, 81, 99, M), q4_2: numbers(M, 1, 1, 1) }), codebook);
    expect(clean.columns).not.toContain("q1");
    expect(clean.columns).not.toContain("q33");
    expect(clean.columns).toContain("q4_2");
    expect(clean.rules).toEqual([]);
  });

  it("a column of text is never clean, nor a rule reading one (a join with text reads it differently)", () => {
    const clean = cleanChecks(part({ q4_1: { type: "text", codes: Int32Array.from([-1, -1, -1, -1]), dictionary: [] } }), codebook);
    expect(clean.columns).not.toContain("q4_1");
    expect(clean.rules).toEqual([]);
  });
});

describe("the join", () => {
  it("keeps the checks every part found clean; a part that ran none means none", () => {
    expect(joinCleanChecks([{ columns: ["q1", "q3", "q33"], rules: [0] }, { columns: ["q33", "q1"], rules: [] }])).toEqual({ columns: ["q1", "q33"], rules: [] });
    expect(joinCleanChecks([{ columns: ["q1"], rules: [0] }, undefined])).toBeUndefined();
    expect(joinCleanChecks([])).toBeUndefined();
  });

  it("validation skips the clean checks and runs the rest: issues from a dirty part only are all reported", () => {
    const bad = part({ q1: numbers(4, 4, 3, 9), q4_2: numbers(M, 1, 1, 1) });
    const clean = joinCleanChecks([cleanChecks(part(), codebook), cleanChecks(bad, codebook)]);
    const rowNumbers = [2, 3, 4, 5];
    const full = new IssueCollector("f.csv");
    validateColumns(bad, codebook, full, { rowNumbers });
    const skipping = new IssueCollector("f.csv");
    validateColumns(bad, codebook, skipping, { rowNumbers, clean });
    expect(skipping.report(4)).toEqual(full.report(4));
    expect(full.report(4).counts).toEqual({ "unknown-code": 2, "skip-violation": 1 });
  });

  it("a check named clean is not run again (what the joining worker saves): its column's issues are not looked for", () => {
    const bad = part({ q33: numbers(18, 81, 99, M) });
    const out = new IssueCollector("f.csv");
    validateColumns(bad, codebook, out, { rowNumbers: [2, 3, 4, 5], clean: { columns: ["q33"], rules: [0] } });
    expect(out.report(4).total).toBe(0);
    const full = new IssueCollector("f.csv");
    validateColumns(bad, codebook, full, { rowNumbers: [2, 3, 4, 5] });
    expect(full.report(4).counts).toEqual({ "out-of-range": 1 });
  });
});

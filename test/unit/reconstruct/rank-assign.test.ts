import { describe, expect, it } from "vitest";
import { createRng } from "../../../scripts/data/reconstruct/prng";
import { countsForPercents, QuotaError, rankAssign } from "../../../scripts/data/reconstruct/rank-assign";

describe("createRng", () => {
  it("gives the same stream for the same seed and a different one for another seed", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 5 }, () => a.next());
    const sb = Array.from({ length: 5 }, () => b.next());
    const sc = Array.from({ length: 5 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    for (const x of sa) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe("rankAssign", () => {
  it("hands out exact quotas in key order", () => {
    const people = [5, 1, 4, 2, 3];
    const result = rankAssign("demo", people, (p) => p, [
      { code: 1, n: 2 },
      { code: 2, n: 1 },
      { code: null, n: 2 },
    ]);
    expect(result.get(1)).toBe(1);
    expect(result.get(2)).toBe(1);
    expect(result.get(3)).toBe(2);
    expect(result.get(4)).toBeNull();
    expect(result.get(5)).toBeNull();
  });

  it("refuses quotas that do not add up to the eligible group", () => {
    expect(() => rankAssign("Tabell X", [1, 2, 3], (p) => p, [{ code: 1, n: 2 }])).toThrow(QuotaError);
  });
});

describe("countsForPercents", () => {
  it("finds the counts behind the report's intranet figures only when a base fits", () => {
    // 19/22/44/15 % of 100 is trivially 19/22/44/15.
    expect(countsForPercents([19, 22, 44, 15], 100, 0)).toEqual([19, 22, 44, 15]);
    // Hand-worked: 1/3 and 2/3 of 3 print as 33.3 % and 66.7 %.
    expect(countsForPercents([33.3, 66.7], 3)).toEqual([1, 2]);
    // 50.0 % + 50.0 % of an odd base cannot be printed by any integer counts.
    expect(countsForPercents([50, 50], 7)).toBeNull();
  });
});

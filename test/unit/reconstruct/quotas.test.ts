import { describe, expect, it } from "vitest";
import { createRng } from "../../../scripts/data/reconstruct/prng";
import { countsForPercents, dealQuotas, pickRandom, QuotaError } from "../../../scripts/data/reconstruct/quotas";

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

describe("dealQuotas", () => {
  it("hands out exact quotas, and the same ones for the same stream", () => {
    const people = [1, 2, 3, 4, 5];
    const quotas = [{ code: 1, n: 2 }, { code: 2, n: 1 }, { code: null, n: 2 }];
    const result = dealQuotas("demo", people, quotas, createRng(1));
    const codes = people.map((p) => result.get(p));
    expect(codes.filter((c) => c === 1)).toHaveLength(2);
    expect(codes.filter((c) => c === 2)).toHaveLength(1);
    expect(codes.filter((c) => c === null)).toHaveLength(2);
    expect(people.map((p) => dealQuotas("demo", people, quotas, createRng(1)).get(p))).toEqual(codes);
  });

  it("gives every person the same chance of every code (no ordering by position)", () => {
    // 4 000 deals of one "1" among four people: each should get it about 1 000 times (binomial
    // sd ≈ 27; 6 sd = ±165).
    const rng = createRng(2024);
    const people = ["a", "b", "c", "d"];
    const hits = new Map(people.map((p) => [p, 0]));
    for (let i = 0; i < 4000; i++) {
      for (const [p, code] of dealQuotas("demo", people, [{ code: 1, n: 1 }, { code: 2, n: 3 }], rng)) if (code === 1) hits.set(p, (hits.get(p) ?? 0) + 1);
    }
    for (const p of people) expect(Math.abs((hits.get(p) ?? 0) - 1000), p).toBeLessThan(165);
  });

  it("refuses quotas that do not add up to the eligible group", () => {
    expect(() => dealQuotas("Tabell X", [1, 2, 3], [{ code: 1, n: 2 }], createRng(1))).toThrow(QuotaError);
  });
});

describe("pickRandom", () => {
  it("picks exactly n, keeps frame order, and refuses more than there are", () => {
    const { picked, rest } = pickRandom("demo", [1, 2, 3, 4, 5, 6], 3, createRng(9));
    expect(picked).toHaveLength(3);
    expect([...picked].sort()).toEqual(picked);
    expect([...picked, ...rest].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => pickRandom("Tabell Y", [1, 2], 3, createRng(9))).toThrow(/3 are needed but only 2/);
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

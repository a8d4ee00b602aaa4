import { describe, expect, it } from "vitest";
import { median } from "../../../bench/median";
import { allOpens, balancedRatio, classRatios, clearsNoise, p95, pooledRatio, type PairClass } from "../../../bench/paired-ratios";

/** Pairs from two lists of the same length. */
const pairs = (a: number[], b: number[]): { a: number; b: number }[] => a.map((x, i) => ({ a: x, b: b[i] ?? Number.NaN }));

describe("pooledRatio", () => {
  it("reads both builds' pooled median and p95 and their ratio", () => {
    const classes: PairClass[] = [
      { name: "top", pairs: pairs([4, 6, 8, 10], [4, 6, 8, 10]) },
      { name: "middle", pairs: pairs([20, 30, 40, 100], [40, 60, 80, 200]) },
    ];
    // a: 4 6 8 10 20 30 40 100 → median (10 + 20)/2 = 15; b: 4 6 8 10 40 60 80 200 → (10 + 40)/2 = 25.
    const p50 = pooledRatio([classes], median);
    expect([p50.a, p50.b, p50.estimate]).toEqual([15, 25, 25 / 15]);
    // p95 of 8 (nearest rank): the 8th value, 100 and 200.
    const high = pooledRatio([classes], p95);
    expect([high.a, high.b, high.estimate]).toEqual([100, 200, 2]);
    expect(high.low).toBeLessThanOrEqual(high.estimate);
    expect(high.high).toBeGreaterThanOrEqual(high.estimate);
  });
});

describe("allOpens", () => {
  it("joins each class's pairs across opens, in class order", () => {
    const open1: PairClass[] = [
      { name: "top", pairs: pairs([1], [2]) },
      { name: "middle", pairs: pairs([3], [4]) },
    ];
    const open2: PairClass[] = [
      { name: "top", pairs: pairs([5], [6]) },
      { name: "middle", pairs: [] },
    ];
    expect(allOpens([open1, open2])).toEqual([
      { name: "top", pairs: pairs([1, 5], [2, 6]) },
      { name: "middle", pairs: pairs([3], [4]) },
    ]);
    // Pooled over both opens: a 1 3 5 → 3, b 2 4 6 → 4.
    expect(pooledRatio([open1, open2], median)).toMatchObject({ a: 3, b: 4, estimate: 4 / 3 });
  });
});

describe("classRatios", () => {
  it("gives each class its own medians and ratio", () => {
    const classes: PairClass[] = [
      { name: "top county", pairs: pairs([10, 12, 14], [20, 24, 28]) },
      { name: "middle clear", pairs: pairs([30, 50], [15, 25]) },
    ];
    const [top, middle] = classRatios([classes]);
    expect(top).toMatchObject({ name: "top county", n: 3, a: 12, b: 24, estimate: 2, low: 2, high: 2 });
    expect(middle).toMatchObject({ name: "middle clear", n: 2, a: 40, b: 20, estimate: 0.5, low: 0.5, high: 0.5 });
  });
});

describe("balancedRatio", () => {
  it("is the geometric mean of the classes' median ratios: ×2 and ×0.5 make ×1", () => {
    const classes: PairClass[] = [
      { name: "x", pairs: pairs([10, 10], [20, 20]) },
      { name: "y", pairs: pairs([10, 10], [5, 5]) },
      { name: "empty", pairs: [] },
    ];
    expect(balancedRatio([classes])).toEqual({ estimate: 1, low: 1, high: 1 });
  });

  it("weighs each class alike however far apart their times are", () => {
    // ×4 on a 5 ms class and ×1 on a 100 ms class: √4 = ×2.
    const classes: PairClass[] = [
      { name: "fast", pairs: pairs([5, 5, 5], [20, 20, 20]) },
      { name: "slow", pairs: pairs([100, 100, 100], [100, 100, 100]) },
    ];
    expect(balancedRatio([classes]).estimate).toBeCloseTo(2, 12);
  });
});

describe("clearsNoise", () => {
  it("calls a ratio a change only when its interval leaves out ×1", () => {
    expect(clearsNoise({ estimate: 1.3, low: 1.05, high: 1.6 })).toBe(true);
    expect(clearsNoise({ estimate: 0.7, low: 0.5, high: 0.95 })).toBe(true);
    expect(clearsNoise({ estimate: 1.3, low: 0.9, high: 1.6 })).toBe(false);
    expect(clearsNoise({ estimate: Number.NaN, low: Number.NaN, high: Number.NaN })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { bootstrapInterval, seededRandom } from "../../../bench/bootstrap";
import { median } from "../../../bench/median";
import { percentile } from "../../../bench/percentile";

interface Pair {
  a: number;
  b: number;
}

/** median(b) / median(a) over every pair of the strata. */
const medianRatio = (strata: readonly (readonly Pair[])[]): number => {
  const all = strata.flat();
  return median(all.map((p) => p.b)) / median(all.map((p) => p.a));
};

describe("percentile (nearest rank)", () => {
  it("takes the smallest value with at least p % of the list at or below it", () => {
    const xs = [5, 1, 4, 2, 3];
    // ceil(p/100 · 5)-th smallest: p50 → 3rd, p95 → 5th, p20 → 1st, p21 → 2nd.
    expect([50, 95, 20, 21, 0, 100].map((p) => percentile(xs, p))).toEqual([3, 5, 1, 2, 1, 5]);
    expect(xs).toEqual([5, 1, 4, 2, 3]);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("seededRandom", () => {
  it("gives the same sequence for the same seed and another for another seed, in [0, 1)", () => {
    const take = (seed: number): number[] => {
      const r = seededRandom(seed);
      return Array.from({ length: 1000 }, () => r());
    };
    expect(take(28)).toEqual(take(28));
    expect(take(28)).not.toEqual(take(29));
    const xs = take(7);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // Roughly uniform: each tenth of [0, 1) gets 100 ± 40 of 1000.
    for (let d = 0; d < 10; d++) expect(Math.abs(xs.filter((x) => Math.floor(x * 10) === d).length - 100)).toBeLessThan(40);
  });
});

describe("bootstrapInterval", () => {
  // Two pairs, (10, 10) and (10, 40). A resample of two draws {1st,1st} (¼: ratio 10/10 = 1),
  // one of each (½: median of b is 25, ratio 2.5) or {2nd,2nd} (¼: ratio 4).
  const two: Pair[][] = [
    [
      { a: 10, b: 10 },
      { a: 10, b: 40 },
    ],
  ];

  it("spans the resamples' 5th to 95th percentile: 1 to 4 for the hand-worked pair", () => {
    expect(bootstrapInterval([two], medianRatio)).toEqual({ estimate: 2.5, low: 1, high: 4 });
  });

  it("narrows with the level: the 30th–70th percentile falls in the half at 2.5", () => {
    expect(bootstrapInterval([two], medianRatio, { level: 0.4 })).toEqual({ estimate: 2.5, low: 2.5, high: 2.5 });
  });

  it("draws each resample outcome about as often as the hand count says", () => {
    const seen: number[] = [];
    bootstrapInterval([two], (strata) => {
      const r = medianRatio(strata);
      seen.push(r);
      return r;
    }, { resamples: 4000 });
    const share = (x: number): number => seen.filter((v) => v === x).length / 4000;
    expect(share(1)).toBeCloseTo(0.25, 1);
    expect(share(2.5)).toBeCloseTo(0.5, 1);
    expect(share(4)).toBeCloseTo(0.25, 1);
  });

  it("is the same for the same seed, every time", () => {
    const pairs = [[3, 5, 8, 13, 21, 34, 55].map((a, i) => ({ a, b: a * (1 + (i % 3) / 4) }))];
    const once = bootstrapInterval([pairs], medianRatio, { seed: 5 });
    expect(bootstrapInterval([pairs], medianRatio, { seed: 5 })).toEqual(once);
    expect(once.low).toBeLessThanOrEqual(once.high);
  });

  it("keeps each stratum's size: a pooled median between two classes cannot move", () => {
    // Class X: a = b = 1; class Y: a = 9, b = 19. Pooled: a [1, 1, 9, 9] → 5, b [1, 1, 19, 19] → 10,
    // ratio 2 — in every resample that keeps two of each. Drawn from all four at once, a resample
    // with three of X would read 1/1.
    const strata: Pair[][] = [
      [
        { a: 1, b: 1 },
        { a: 1, b: 1 },
      ],
      [
        { a: 9, b: 19 },
        { a: 9, b: 19 },
      ],
    ];
    expect(bootstrapInterval([strata], medianRatio)).toEqual({ estimate: 2, low: 2, high: 2 });
  });

  it("leaves out resamples whose estimate is not finite, and refuses a level outside (0, 1)", () => {
    const zero: Pair[][] = [
      [
        { a: 0, b: 1 },
        { a: 2, b: 2 },
      ],
    ];
    // Resamples: {0,0} → 1/0 (left out), mixed → 1.5/1 = 1.5, {2,2} → 1.
    const r = bootstrapInterval([zero], medianRatio);
    expect([r.estimate, r.low, r.high]).toEqual([1.5, 1, 1.5]);
    expect(() => bootstrapInterval([zero], medianRatio, { level: 1 })).toThrow(/between 0 and 1/);
  });

  it("draws the clusters (opens) first: two opens, each alike inside, spread as the opens do", () => {
    // Open 1: pairs (10, 10) twice; open 2: (10, 40) twice. Within an open every draw is alike, so
    // a resample is {1,1} (¼: ratio 1), one of each (½: b = 10 10 40 40, median 25, ratio 2.5) or
    // {2,2} (¼: ratio 4) — the opens' own spread, which the pairs alone would not show as such.
    const opens: Pair[][][] = [
      [
        [
          { a: 10, b: 10 },
          { a: 10, b: 10 },
        ],
      ],
      [
        [
          { a: 10, b: 40 },
          { a: 10, b: 40 },
        ],
      ],
    ];
    const seen: number[] = [];
    const r = bootstrapInterval(opens, (strata) => {
      const v = medianRatio(strata);
      seen.push(v);
      return v;
    }, { resamples: 4000 });
    expect(r).toEqual({ estimate: 2.5, low: 1, high: 4 });
    const share = (x: number): number => seen.filter((v) => v === x).length / 4000;
    expect(share(1)).toBeCloseTo(0.25, 1);
    expect(share(2.5)).toBeCloseTo(0.5, 1);
    expect(share(4)).toBeCloseTo(0.25, 1);
  });

  it("merges each stratum across the drawn clusters: strata stay apart, opens join", () => {
    // Two opens of two classes each; every open alike: X (1, 1) and Y (9, 19). Pooled ratio 2 in
    // every resample, as long as the classes keep their sizes across the opens drawn.
    const open: Pair[][] = [[{ a: 1, b: 1 }], [{ a: 9, b: 19 }]];
    expect(bootstrapInterval([open, open], medianRatio)).toEqual({ estimate: 2, low: 2, high: 2 });
  });
});

/**
 * The bench's noise statement: a seeded, stratified bootstrap of a ratio between two builds
 * (bench/paired-ratios.ts). Seeded so that one set of timings prints the same interval on every
 * run (a bench whose noise figure moved by itself would need its own noise figure).
 */
import { percentile } from "./percentile";

/**
 * A pseudo-random source in [0, 1) from a 32-bit seed (mulberry32): small, fast, and the same
 * sequence for the same seed on every machine, which Math.random cannot give.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How a bootstrap is drawn. */
export interface BootstrapOptions {
  /** Resamples drawn (default 2000). */
  resamples: number;
  /** The interval's coverage, 0–1 (default 0.9: the 5th to the 95th percentile of the resamples). */
  level: number;
  /** Seed of the resampling (default 28). */
  seed: number;
}

const DEFAULTS: BootstrapOptions = { resamples: 2000, level: 0.9, seed: 28 };

/** An estimate with its bootstrap interval. */
export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/**
 * The estimate on the data, and the percentile interval of the estimate over resamples drawn in two
 * stages: the clusters (the bench's opens of a notebook) with replacement, then within each drawn
 * cluster every stratum (a class of change) with replacement to its own size; the estimate sees
 * each stratum's draws of all drawn clusters together.
 *
 * Clusters, because an open can be slow as a whole (an A/A run at load 9–17 had one build's opens
 * of 01 slower in all four classes): resampling only the changes would take 16 changes of one open
 * for 16 independent ones, and print an interval too narrow. Strata, because the bench's design
 * fixes how many changes of each class it makes: a resample that drew, say, more top changes would
 * move a pooled median between the classes' modes, a spread the bench itself cannot have.
 * Resamples whose estimate is not finite (a zero median) are left out; with none left the
 * interval is NaN.
 */
export function bootstrapInterval<T>(clusters: readonly (readonly (readonly T[])[])[], estimate: (strata: readonly (readonly T[])[]) => number, options: Partial<BootstrapOptions> = {}): Interval {
  const { resamples, level, seed } = { ...DEFAULTS, ...options };
  if (!(level > 0 && level < 1)) throw new Error(`bootstrap level must lie between 0 and 1, not ${level}`);
  const random = seededRandom(seed);
  const pick = <U>(xs: readonly U[]): U | undefined => xs[Math.floor(random() * xs.length)];
  const merged = (cs: readonly (readonly (readonly T[])[])[]): T[][] => (cs[0] ?? []).map((_, k) => cs.flatMap((c) => c[k] ?? []));
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const drawn = clusters.map(() => pick(clusters) ?? []).map((cluster) => cluster.map((stratum) => stratum.map(() => pick(stratum)).filter((x): x is T => x !== undefined)));
    const value = estimate(merged(drawn));
    if (Number.isFinite(value)) values.push(value);
  }
  const tail = ((1 - level) / 2) * 100;
  return { estimate: estimate(merged(clusters)), low: percentile(values, tail), high: percentile(values, 100 - tail) };
}

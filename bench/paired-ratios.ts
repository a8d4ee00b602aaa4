/**
 * Ratios between two builds' filter changes, as `npm run bench -- --vs` prints them, with their
 * noise. The bench makes each change on both builds one right after the other (same county, same
 * scroll position; bench/notebook-changes.ts), so a change is a pair, and the pairs fall into
 * classes (top/middle × county chosen/list cleared) whose times differ several-fold.
 *
 * Why per class (stop 28, A/A at load 6–9): with half the changes at the top and half mid-page, a
 * pooled median of 32 is the mean of the 16th and 17th values, which on 03–06 sit in the gap
 * between the top changes (all but 1–5 of 16 below it) and the middle ones — an extreme of each
 * class, not a centre of either. A class's median is a centre. The issue's targets are on the
 * pooled p50 and p95, so those stay, with an interval that says how far they can move by chance.
 */
import { bootstrapInterval, type BootstrapOptions, type Interval } from "./bootstrap";
import { median } from "./median";
import { percentile } from "./percentile";

/** One change made on both builds: the "before" build's figure `a` and the "after" build's `b`. */
export interface Pair {
  a: number;
  b: number;
}

/** A class of changes and its pairs. */
export interface PairClass {
  name: string;
  pairs: readonly Pair[];
}

/** One open's classes (the same classes, in the same order, in every open of a notebook). */
export type OpenClasses = readonly PairClass[];

/** Each class's pairs of all opens together. */
export function allOpens(opens: readonly OpenClasses[]): PairClass[] {
  return (opens[0] ?? []).map((k, i) => ({ name: k.name, pairs: opens.flatMap((o) => o[i]?.pairs ?? []) }));
}

/** A statistic of one build's figures (a median, a percentile). */
export type Statistic = (xs: readonly number[]) => number;

/** The statistic of each build and the ratio after/before with its interval. */
export interface RatioFigure extends Interval {
  a: number;
  b: number;
}

/** statistic(b's figures) / statistic(a's figures) over all pairs of the strata. */
function ratioOf(statistic: Statistic): (strata: readonly (readonly Pair[])[]) => number {
  return (strata) => {
    const all = strata.flat();
    return statistic(all.map((p) => p.b)) / statistic(all.map((p) => p.a));
  };
}

/** A statistic of both builds over all pairs, and its ratio with a bootstrap of the opens and, within them, each class's pairs. */
export function pooledRatio(opens: readonly OpenClasses[], statistic: Statistic, options: Partial<BootstrapOptions> = {}): RatioFigure {
  const all = allOpens(opens).flatMap((c) => c.pairs);
  const interval = bootstrapInterval(opens.map((o) => o.map((c) => c.pairs)), ratioOf(statistic), options);
  return { a: statistic(all.map((p) => p.a)), b: statistic(all.map((p) => p.b)), ...interval };
}

/** Each class's medians and their ratio, with an interval from that class's pairs alone (opens resampled too). */
export function classRatios(opens: readonly OpenClasses[], options: Partial<BootstrapOptions> = {}): (RatioFigure & { name: string; n: number })[] {
  return allOpens(opens).map((c, i) => ({ name: c.name, n: c.pairs.length, ...pooledRatio(opens.map((o) => o.filter((_, j) => j === i)), median, options) }));
}

/**
 * The geometric mean of the classes' median ratios: one figure for "faster or slower" that weighs
 * each class alike and, unlike the pooled median, is made of centres. Classes without pairs are
 * left out.
 */
export function balancedRatio(opens: readonly OpenClasses[], options: Partial<BootstrapOptions> = {}): Interval {
  const kept = allOpens(opens).flatMap((c, i) => (c.pairs.length > 0 ? [i] : []));
  const estimate = (strata: readonly (readonly Pair[])[]): number =>
    Math.exp(strata.reduce((sum, pairs) => sum + Math.log(median(pairs.map((p) => p.b)) / median(pairs.map((p) => p.a))), 0) / strata.length);
  return bootstrapInterval(opens.map((o) => kept.map((i) => o[i]?.pairs ?? [])), estimate, options);
}

/** Whether an interval leaves out "no change" (×1): the only ratios the bench calls a change. */
export function clearsNoise(interval: Interval): boolean {
  return interval.low > 1 || interval.high < 1;
}

/** The pooled p95 as the target reads it (nearest rank). */
export const p95: Statistic = (xs) => percentile(xs, 95);

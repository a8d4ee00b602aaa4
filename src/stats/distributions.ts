/**
 * Tail probabilities and quantiles of the χ², t and normal distributions.
 *
 * They come from stdlib (@stdlib/stats-base-dists-*): small, separately versioned packages with
 * published accuracy tests, rather than a hand-rolled incomplete gamma/beta (see
 * docs/decisions.md, "Statistics: distribution functions"). This file is the only place that
 * imports them, so swapping the library touches nothing else.
 */
import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

/** Upper tail P(X ≥ x) of χ² with `df` degrees of freedom; null when df < 1 or x is not finite. */
export function chiSquareUpperTail(x: number, df: number): number | null {
  if (!(df >= 1) || !Number.isFinite(x)) return null;
  if (x <= 0) return 1;
  return Math.max(0, 1 - chisquareCdf(x, df));
}

/** Two-sided p of a t statistic with `df` degrees of freedom: 2·P(T ≤ −|t|). */
export function tTwoSided(t: number, df: number): number | null {
  if (!(df > 0) || Number.isNaN(t)) return null;
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** Two-sided p of a standard normal z: 2·Φ(−|z|). */
export function normalTwoSided(z: number): number | null {
  if (Number.isNaN(z)) return null;
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}

/** The t quantile, e.g. tInv(0.975, 10) ≈ 2.228 for a 95 % interval. */
export function tInv(p: number, df: number): number {
  return tQuantile(p, df);
}

/** The standard normal quantile, e.g. zInv(0.975) ≈ 1.960. */
export function zInv(p: number): number {
  return normalQuantile(p, 0, 1);
}

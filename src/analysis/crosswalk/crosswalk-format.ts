/**
 * How the crosswalk prints its numbers. An interval bound is printed with one decimal, or as many
 * more as it takes to stay visibly on its side of the threshold: a bound of 49.96 % against 50 %
 * prints as "49.96 %", never "50.0 %", so "straddles" and "lies below" read true.
 */
import * as stats from "../../stats/index";
import type { Interval } from "../../stats/index";

/** A share as a percent, "64 %" (or with `digits` decimals); "–" when undefined. */
export const pct = (x: number | null, digits = 0): string => (x === null ? "–" : `${(100 * x).toFixed(digits)} %`);

/** Round half away from zero at `digits` decimals (toFixed's binary rounding aside). */
function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.sign(x) * Math.round(Math.abs(x) * f) / f;
}

/**
 * The fewest decimals (from `least`, at most 4) at which `value` (a percent) rounds to a number on
 * the same side of `threshold` (a percent) as itself, and not onto it.
 */
export function decimalsFor(value: number, threshold: number | null, least = 1): number {
  if (threshold === null || value === threshold) return least;
  for (let d = least; d < 4; d++) {
    const r = round(value, d);
    if (r !== threshold && Math.sign(r - threshold) === Math.sign(value - threshold)) return d;
  }
  return 4;
}

/** A bound (share 0–1) as a percent number with the decimals its threshold needs (at least one), e.g. "50.5", "24.96". */
export function pctBound(value: number, threshold: number | null = null): string {
  const v = 100 * value;
  const t = threshold === null ? null : 100 * threshold;
  return round(v, decimalsFor(v, t)).toFixed(decimalsFor(v, t));
}

/** An interval of shares, "57.7–70.5 %", with enough decimals to show its side of `threshold`. */
export function pctRange(i: Interval, threshold: number | null = null): string {
  return `${pctBound(i.low, threshold)}–${pctBound(i.high, threshold)} %`;
}

/**
 * A p- or q-value the APA way (".031", "< .001"), with more decimals when three would print it as
 * the level itself: q = .0503 must not read ".050" beside a verdict that needs q < .05.
 */
export function formatPValue(p: number, alpha = 0.05): string {
  if (p < 0.001) return stats.formatP(p);
  let digits = 3;
  while (digits < 6 && p !== alpha && Number(p.toFixed(digits)) === alpha) digits++;
  return p.toFixed(digits).replace(/^0/, "");
}

/** "p = .031" or "p < .001"; "p n/a" when undefined. */
export function fmtP(p: number | null, symbol = "p"): string {
  if (p === null || Number.isNaN(p)) return `${symbol} n/a`;
  const text = formatPValue(p);
  return text.startsWith("<") ? `${symbol} ${text}` : `${symbol} = ${text}`;
}

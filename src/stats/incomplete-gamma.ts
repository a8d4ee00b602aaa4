/**
 * The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x): the χ² tail is
 * Q(df/2, x/2) and the normal tail ½·Q(½, z²/2). P from its power series below x = a + 1, Q from
 * its continued fraction above (modified Lentz), each multiplied by the prefix x^a e^−x / Γ(a),
 * which log-gamma.ts keeps exact for large a. The other tail is 1 minus the one computed.
 */
import { log1pmx, logGamma, stirlingCorrection } from "./log-gamma";

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_TERMS = 100_000;

/** x^a e^−x / Γ(a), for a > 0 and x ≥ 0. */
export function gammaPrefix(a: number, x: number): number {
  if (x === 0) return 0;
  if (a < 10) return Math.exp(a * Math.log(x) - x - logGamma(a));
  return Math.sqrt(a / (2 * Math.PI)) * Math.exp(a * log1pmx((x - a) / a) - stirlingCorrection(a));
}

/** P(a, x) by its series, for x < a + 1. */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_TERMS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * gammaPrefix(a, x);
}

/** Q(a, x) by its continued fraction, for x ≥ a + 1. */
function upperFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return gammaPrefix(a, x) * h;
}

/** Regularized lower incomplete gamma P(a, x) = γ(a, x)/Γ(a), for a > 0, x ≥ 0 (NaN otherwise). */
export function gammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return NaN;
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperFraction(a, x);
}

/** Regularized upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x), for a > 0, x ≥ 0 (NaN otherwise). */
export function gammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return NaN;
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
}

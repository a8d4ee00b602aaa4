/**
 * Tail probabilities and quantiles of the χ², t and normal distributions, on our own incomplete
 * gamma and beta functions (incomplete-gamma.ts, incomplete-beta.ts, log-gamma.ts).
 *
 * They replaced stdlib's Boost ports (@stdlib/stats-base-dists-*), which were ~40 KB gzip of the
 * bundle for five functions (issue 12; docs/decisions.md, "Statistics: distribution functions").
 * test/unit/stats/distributions.test.ts holds them to stdlib (still a dev dependency), to PSPP and
 * to closed forms on a wide grid. Tails are computed as tails (never 1 − a CDF near 1), and a
 * quantile is found by Newton's method on the tail, so it is as exact as the tail.
 */
import { betaI, betaPrefix } from "./incomplete-beta";
import { gammaP, gammaQ } from "./incomplete-gamma";

/** Upper tail P(X ≥ x) of χ² with `df` degrees of freedom; null when df < 1 or x is not finite. */
export function chiSquareUpperTail(x: number, df: number): number | null {
  if (!(df >= 1) || !Number.isFinite(x)) return null;
  if (x <= 0) return 1;
  return gammaQ(df / 2, x / 2);
}

/** P(T ≥ t) for t ≥ 0: ½·I_{ν/(ν+t²)}(ν/2, ½), with 1 − x passed exactly. */
function tUpperTail(t: number, df: number): number {
  const t2 = t * t;
  return betaI(df / 2, 0.5, df / (df + t2), t2 / (df + t2)) / 2;
}

/** P(0 ≤ T ≤ t) for t ≥ 0: ½·I_{t²/(ν+t²)}(½, ν/2), exact near t = 0 where ½ − tail is not. */
function tCentral(t: number, df: number): number {
  const t2 = t * t;
  return betaI(0.5, df / 2, t2 / (df + t2), df / (df + t2)) / 2;
}

/**
 * The t density at t > 0 (the slope of both functions above), from the same exact prefix. The
 * quantile search never asks at 0: its bracket starts there and halves towards the root.
 */
function tDensity(t: number, df: number): number {
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  // d/dt ½·I_y(½, ν/2) = ½ · y^(−½) x^(ν/2−1) / B(½, ν/2) · dy/dt, with dy/dt = 2tν/(ν+t²)².
  return ((betaPrefix(0.5, df / 2, y, x) / (x * y)) * t * df) / ((df + t2) * (df + t2));
}

/** Two-sided p of a t statistic with `df` degrees of freedom: 2·P(T ≤ −|t|). */
export function tTwoSided(t: number, df: number): number | null {
  if (!(df > 0) || Number.isNaN(t)) return null;
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, 2 * tUpperTail(Math.abs(t), df));
}

/** P(Z ≥ z) for z ≥ 0: ½·Q(½, z²/2). */
function normalUpperTail(z: number): number {
  return gammaQ(0.5, (z * z) / 2) / 2;
}

/** P(0 ≤ Z ≤ z) for z ≥ 0: ½·P(½, z²/2). */
function normalCentral(z: number): number {
  return gammaP(0.5, (z * z) / 2) / 2;
}

function normalDensity(z: number): number {
  return Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
}

/** Φ(z) = P(Z ≤ z), each side from its own tail so neither end loses digits (the studentized range integrates it). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return z >= 0 ? 0.5 + normalCentral(z) : normalUpperTail(-z);
}

/** Two-sided p of a standard normal z: 2·Φ(−|z|). */
export function normalTwoSided(z: number): number | null {
  if (Number.isNaN(z)) return null;
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}

/** A symmetric distribution's tail, centre and density, for `symmetricQuantile`. */
interface Symmetric {
  upper(x: number): number;
  central(x: number): number;
  density(x: number): number;
}

/**
 * The p quantile of a distribution symmetric about 0: the x ≥ 0 with upper(x) = min(p, 1 − p), or
 * with central(x) = ½ − min(p, 1 − p) where that is the smaller number (so the equation is known to
 * full relative precision), by Newton's method from `start` — on ln x against ln upper(x) in the
 * tail, where the t tail falls like a power of x — kept inside a bracket that is halved whenever a
 * step would leave it.
 */
function symmetricQuantile(p: number, start: number, dist: Symmetric): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const q = Math.min(p, 1 - p); // exact: 1 − p has no rounding for p ≥ ½
  const inTail = q < 0.25;
  const target = inTail ? q : 0.5 - q;
  let low = 0;
  let high = Infinity;
  let x = start > 0 && Number.isFinite(start) ? start : 1;
  for (let i = 0; i < 200; i++) {
    const value = inTail ? dist.upper(x) : dist.central(x);
    if (value === target) break;
    if (inTail === value > target) low = x;
    else high = x;
    const density = dist.density(x);
    let next = inTail ? x * Math.exp(((Math.log(value) - Math.log(target)) * value) / (density * x)) : x + (target - value) / density;
    if (Math.abs(next - x) <= 4e-16 * x) {
      x = next; // converged: the step is within rounding of the tail
      break;
    }
    if (!(next > low && next < high)) next = high === Infinity ? 2 * x : (low + high) / 2;
    x = next;
  }
  return p < 0.5 ? -x : x;
}

const normal: Symmetric = { upper: normalUpperTail, central: normalCentral, density: normalDensity };

/** Acklam's rational approximation to the normal quantile (relative error < 1.2e-9): Newton's start. */
const ACKLAM = {
  a: [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239],
  b: [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1, 1],
  c: [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783],
  d: [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416, 1],
};

function polynomial(coefficients: number[], x: number): number {
  return coefficients.reduce((sum, c) => sum * x + c, 0);
}

/** |z| with P(Z ≥ |z|) = q, for 0 < q ≤ ½, to about 1e-9. */
function normalQuantileStart(q: number): number {
  if (q < 0.02425) {
    const r = Math.sqrt(-2 * Math.log(q));
    return Math.abs(polynomial(ACKLAM.c, r) / polynomial(ACKLAM.d, r));
  }
  const u = 0.5 - q;
  return Math.abs((polynomial(ACKLAM.a, u * u) * u) / polynomial(ACKLAM.b, u * u));
}

// Every Wilson interval of a table asks for the same quantile (0.975): the last answer is kept,
// since Newton's steps on the tail cost ~10 µs where stdlib's rational formula took under 1.
let lastZ = { p: 0.975, z: NaN };

/** The standard normal quantile, e.g. zInv(0.975) ≈ 1.960. */
export function zInv(p: number): number {
  if (p === lastZ.p && !Number.isNaN(lastZ.z)) return lastZ.z;
  const z = symmetricQuantile(p, normalQuantileStart(Math.min(p, 1 - p)), normal);
  lastZ = { p, z };
  return z;
}

/** The t quantile, e.g. tInv(0.975, 10) ≈ 2.228 for a 95 % interval. */
export function tInv(p: number, df: number): number {
  if (!(df > 0)) return NaN;
  const z = zInv(p);
  return symmetricQuantile(p, Math.abs(z) * (1 + (z * z + 1) / (4 * df)), { upper: (t) => tUpperTail(t, df), central: (t) => tCentral(t, df), density: (t) => tDensity(t, df) });
}

/**
 * Upper tail P(X ≥ f) of the F distribution with df1 and df2 degrees of freedom: the p of an F
 * statistic, I_{df2/(df2 + df1·f)}(df2/2, df1/2), with 1 − x passed exactly. Null when a df is not
 * positive or f is not finite (Welch's df2 is fractional, so df only needs to be > 0).
 */
export function fUpperTail(f: number, df1: number, df2: number): number | null {
  if (!(df1 > 0) || !(df2 > 0) || !Number.isFinite(f)) return null;
  if (f <= 0) return 1;
  const d = df2 + df1 * f;
  return betaI(df2 / 2, df1 / 2, df2 / d, (df1 * f) / d);
}

/**
 * The regularized incomplete beta function I_x(a, b): the t distribution's tail is
 * ½·I_{ν/(ν+t²)}(ν/2, ½). Lentz's continued fraction on the side where it converges
 * (x < (a + 1)/(a + b + 2), else 1 − I_{1−x}(b, a)), times the prefix x^a (1−x)^b / B(a, b).
 * The caller passes 1 − x as well when it knows it more exactly than a subtraction would (the t
 * tail does), and the prefix is written so a large a (a t test on a million rows) or large a and b
 * lose nothing to cancellation (log-gamma.ts says why).
 */
import { gammaPrefix, gammaQ } from "./incomplete-gamma";
import { log1pmx, logGamma, stirlingCorrection } from "./log-gamma";

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_TERMS = 100_000;
const HALF_LOG_TWO_PI = 0.9189385332046728;

/** ln Γ(big) − ln Γ(big + small) for big ≥ 10, from Stirling's form so the a·ln a terms cancel exactly. */
function logGammaRatio(big: number, small: number): number {
  const sum = big + small;
  return -(big - 0.5) * Math.log1p(small / big) - small * Math.log(sum) + small + stirlingCorrection(big) - stirlingCorrection(sum);
}

/** x^a y^b / B(a, b) with y = 1 − x, for a, b > 0 and 0 < x < 1. */
export function betaPrefix(a: number, b: number, x: number, y: number): number {
  const logX = x <= y ? Math.log(x) : Math.log1p(-y);
  const logY = y <= x ? Math.log(y) : Math.log1p(-x);
  if (a < 10 && b < 10) return Math.exp(a * logX + b * logY - (logGamma(a) + logGamma(b) - logGamma(a + b)));
  if (a >= 10 && b >= 10) {
    // a ln(x/x₀) + b ln(y/y₀) around the mode x₀ = a/(a+b): the linear parts cancel exactly, so
    // only the ln(1+u) − u parts remain, each from the smaller of x and y (the one known exactly).
    const x0 = a / (a + b);
    const y0 = b / (a + b);
    const dx = x <= y ? x - x0 : -(y - y0);
    const exponent = a * log1pmx(dx / x0) + b * log1pmx(-dx / y0);
    const correction = stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(a + b);
    return Math.exp(exponent + 0.5 * Math.log((a * b) / (a + b)) - HALF_LOG_TWO_PI - correction);
  }
  // One large, one small: 1/B(a, b) = Γ(a + b) / (Γ(a) Γ(b)) with the large pair's ratio exact.
  const [big, small] = a >= 10 ? [a, b] : [b, a];
  return Math.exp(a * logX + b * logY - logGamma(small) - logGammaRatio(big, small));
}

/** The continued fraction of I_x(a, b) (Numerical Recipes' betacf), for x < (a + 1)/(a + b + 2); y = 1 − x. */
function betaFraction(a: number, b: number, x: number, y: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  // 1 − (a+b)x/(a+1), written with y where x is near 1 (a t test on many rows): the subtraction
  // would cancel to a few digits there.
  let d = x <= y ? 1 - (qab * x) / qap : (1 - b + qab * y) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_TERMS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/** (2k + 1)! for k = 0…30, the denominators of `largeASeries`. */
const ODD_FACTORIALS = Array.from({ length: 31 }, (_, k) => {
  let f = 1;
  for (let i = 2; i <= 2 * k + 1; i++) f *= i;
  return f;
});

/**
 * I_x(a, b) for a ≥ 15, b ≤ 1 and y = 1 − x < 0.3: DiDonato & Morris's expansion in incomplete
 * gamma functions (ACM TOMS 708, BGRAT, their eq. 9–9.6). This is where the continued fraction
 * fails: with x near 1 each of its steps subtracts nearly equal numbers (a t test on 10⁷ rows kept
 * only 10 digits), while here every term is positive and small.
 */
function largeASeries(a: number, b: number, x: number, y: number): number {
  const t = a + (b - 1) / 2;
  const logX = y < 0.35 ? Math.log1p(-y) : Math.log(x);
  const u = -t * logX;
  const h = gammaPrefix(b, u);
  if (h === 0) return 0;
  // Γ(a + b) / (Γ(a) T^b), the ratio exact as in betaPrefix.
  const prefix = (h * Math.exp(-logGammaRatio(a, b))) / Math.pow(t, b);
  const p = [1];
  let j = gammaQ(b, u) / h;
  let sum = prefix * j;
  const halfLogSquare = (logX / 2) * (logX / 2);
  let logPower = 1;
  const fourTSquare = 4 * t * t;
  let b2n = b;
  for (let n = 1; n < 30; n++) {
    let pn = 0;
    for (let m = 1; m < n; m++) pn += ((m * b - n) * (p[n - m] ?? 0)) / (ODD_FACTORIALS[m] ?? Infinity);
    pn = pn / n + (b - 1) / (ODD_FACTORIALS[n] ?? Infinity);
    p.push(pn);
    j = (b2n * (b2n + 1) * j + (u + b2n + 1) * logPower) / fourTSquare;
    logPower *= halfLogSquare;
    b2n += 2;
    const term = prefix * pn * j;
    sum += term;
    if (Math.abs(term) <= EPSILON * Math.abs(sum)) break;
  }
  return sum;
}

/** I_x(a, b) on the side where x < (a + 1)/(a + b + 2): the large-a series where it applies, else the fraction. */
function lowerSide(a: number, b: number, x: number, y: number): number {
  if (a >= 15 && b <= 1 && y < 0.3) return largeASeries(a, b, x, y);
  return (betaPrefix(a, b, x, y) * betaFraction(a, b, x, y)) / a;
}

/**
 * Regularized incomplete beta I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1 (NaN otherwise); `y` is 1 − x,
 * given when the caller has it more exactly than 1 − x.
 */
export function betaI(a: number, b: number, x: number, y = 1 - x): number {
  if (!(a > 0) || !(b > 0) || !(x >= 0) || !(y >= 0)) return NaN;
  if (x === 0) return 0;
  if (y === 0) return 1;
  return x < (a + 1) / (a + b + 2) ? lowerSide(a, b, x, y) : 1 - lowerSide(b, a, y, x);
}

/**
 * The studentized range distribution: the range of k independent standard normals divided by an
 * independent √(χ²_ν/ν). Tukey's HSD and the Games–Howell test take their p-values and intervals
 * from it (SPSS and PSPP ONEWAY /POSTHOC=TUKEY GH).
 *
 * The algorithm is Copenhaver & Holland (1988), as R's `ptukey` runs it: the probability that the
 * range of k normals is below w (Hartley's form, `rangeBelow`) integrated against the density of the
 * scale by Gauss–Legendre quadrature over intervals of the χ² variable, stopped once an interval adds
 * under 1e-14. The nodes are computed here rather than copied as constants. Held to SciPy's
 * `studentized_range` (an independent method) and to published tables in
 * test/unit/stats/studentized-range.test.ts.
 */
import { normalCdfTable } from "./normal-cdf-table";
import { logGamma } from "./log-gamma";

/** Gauss–Legendre nodes on (0, 1] (the positive half; the rule is symmetric) and their weights. */
interface Rule {
  readonly nodes: readonly number[];
  readonly weights: readonly number[];
}

/** The n-point Gauss–Legendre rule (n even), by Newton's method on the Legendre polynomial Pₙ. */
function gaussLegendre(n: number): Rule {
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= n / 2; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let derivative = 1;
    for (let step = 0; step < 100; step++) {
      // P₀ … Pₙ at x by the three-term recurrence; P′ₙ from Pₙ and Pₙ₋₁.
      let p0 = 1, p1 = x;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / derivative;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes.push(x);
    weights.push(2 / ((1 - x * x) * derivative * derivative));
  }
  return { nodes, weights };
}

const INNER = gaussLegendre(12);
const OUTER = gaussLegendre(16);
const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * P(range of k standard normals < w) (R's `wprob` with one range): Hartley's form
 * [2Φ(w/2) − 1]^k + 2k ∫_{w/2}^∞ φ(z)[Φ(z) − Φ(z − w)]^(k−1) dz, the integral by 12-point
 * Gauss–Legendre over 2 or 3 intervals up to z = 8 (beyond it the integrand is under 1e-14).
 */
function rangeBelow(w: number, k: number): number {
  const half = w / 2;
  if (half >= 8) return 1;
  const centre = 2 * normalCdfTable(half) - 1;
  let p = centre >= Math.exp(-50 / k) ? centre ** k : 0;
  const smallest = Math.exp(-30 / (k - 1));
  const intervals = w > 3 ? 2 : 3;
  const radius = (8 - half) / intervals / 2;
  for (let i = 0; i < intervals; i++) {
    const mid = half + (2 * i + 1) * radius;
    let sum = 0;
    for (let j = 0; j < INNER.nodes.length; j++) {
      const node = INNER.nodes[j] ?? 0;
      const weight = INNER.weights[j] ?? 0;
      for (let side = -1; side <= 1; side += 2) {
        const z = mid + side * radius * node;
        // exp(−z²/2) under 1e-13: no contribution (R's C3 = 60).
        if (z * z > 60) continue;
        const inside = normalCdfTable(z) - normalCdfTable(z - w);
        if (inside < smallest) continue;
        sum += weight * Math.exp(-0.5 * z * z) * inside ** (k - 1);
      }
    }
    p += (sum * radius * 2 * k) / SQRT_2PI;
  }
  return p >= 1 ? 1 : p;
}

/**
 * The density of the range of k standard normals at w > 0, the slope of `rangeBelow`:
 * k(k − 1) ∫ φ(x) φ(x + w) [Φ(x + w) − Φ(x)]^(k−2) dx, by the 12-point rule over 8 pieces of the
 * span x ∈ −w/2 ± 8.5 where φ(x)φ(x + w) is not negligible.
 */
function rangeDensity(w: number, k: number): number {
  const from = -w / 2 - 8.5;
  const radius = 17 / 8 / 2;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const mid = from + (2 * i + 1) * radius;
    for (let j = 0; j < INNER.nodes.length; j++) {
      const node = INNER.nodes[j] ?? 0;
      for (let side = -1; side <= 1; side += 2) {
        const x = mid + side * radius * node;
        const inside = normalCdfTable(x + w) - normalCdfTable(x);
        const power = k === 2 ? 1 : inside > 0 ? inside ** (k - 2) : 0;
        sum += (INNER.weights[j] ?? 0) * Math.exp(-0.5 * (x * x + (x + w) * (x + w))) * power;
      }
    }
  }
  return (sum * radius * k * (k - 1)) / (2 * Math.PI);
}

/** Nodes of the range tables: every 1/64 on [0, 16] (`rangeBelow` is 1 past 16). */
const RANGE_STEP = 1 / 64;
const RANGE_NODES = 16 * 64 + 1;
const rangeTables = new Map<number, { value: Float64Array; slope: Float64Array }>();

/** The range's probability and density at w, read from its table. */
interface RangeAt {
  below: number;
  density: number;
}

/** Tables of `rangeBelow` and its slope per k. */
function rangeTable(k: number): { value: Float64Array; slope: Float64Array } {
  let table = rangeTables.get(k);
  if (!table) {
    const value = new Float64Array(RANGE_NODES);
    const slope = new Float64Array(RANGE_NODES);
    for (let i = 1; i < RANGE_NODES; i++) {
      value[i] = rangeBelow(i * RANGE_STEP, k);
      slope[i] = rangeDensity(i * RANGE_STEP, k);
    }
    slope[0] = rangeDensity(0, k);
    table = { value, slope };
    rangeTables.set(k, table);
  }
  return table;
}

/**
 * `rangeBelow(w, k)` and its slope from a table of both made once per k (some 2 ms), by cubic
 * Hermite interpolation (absolute error about 1e-10) and its derivative: a probability integrates
 * it at a few hundred points, a quantile asks for several, and Games–Howell one quantile per pair,
 * on every reconstruction — directly, a p-value cost 2 ms. `out` is filled and returned (no
 * allocation in the inner loop).
 */
function rangeAt(w: number, k: number, out: RangeAt): RangeAt {
  if (w <= 0 || w >= 16) {
    out.below = w <= 0 ? 0 : 1;
    out.density = 0;
    return out;
  }
  const table = rangeTable(k);
  const x = w / RANGE_STEP;
  const i = Math.min(RANGE_NODES - 2, Math.floor(x));
  const t = x - i;
  const y0 = table.value[i] ?? 0, y1 = table.value[i + 1] ?? 0;
  const m0 = (table.slope[i] ?? 0) * RANGE_STEP, m1 = (table.slope[i + 1] ?? 0) * RANGE_STEP;
  const t2 = t * t, t3 = t2 * t;
  out.below = (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * m0 + (-2 * t3 + 3 * t2) * y1 + (t3 - t2) * m1;
  out.density = ((6 * t2 - 6 * t) * y0 + (3 * t2 - 4 * t + 1) * m0 + (-6 * t2 + 6 * t) * y1 + (3 * t2 - 2 * t) * m1) / RANGE_STEP;
  return out;
}

/** P(Q < q) and the density of Q at q. */
interface CdfAt {
  cdf: number;
  density: number;
}

/**
 * The 16-point rule on [a, b] of the scale density (its log `logDensity`) times the range's
 * probability and, for the density of Q, its slope at w = q√(t/2) times √(t/2), added into `sum`.
 */
function piece(a: number, b: number, q: number, k: number, logDensity: (t: number) => number, sum: CdfAt): number {
  const mid = (a + b) / 2, radius = (b - a) / 2;
  const at: RangeAt = { below: 0, density: 0 };
  let added = 0;
  for (let j = 0; j < OUTER.nodes.length; j++) {
    const node = OUTER.nodes[j] ?? 0;
    for (let side = -1; side <= 1; side += 2) {
      const t = mid + side * radius * node;
      const log = logDensity(t);
      // exp(−30) ≈ 1e-13 of weight: no contribution.
      if (log < -30) continue;
      const scale = Math.sqrt(t / 2);
      rangeAt(q * scale, k, at);
      const weight = (OUTER.weights[j] ?? 0) * Math.exp(log) * radius;
      added += at.below * weight;
      sum.density += at.density * scale * weight;
    }
  }
  sum.cdf += added;
  return added;
}

/**
 * P(Q < q) and the density at q for the studentized range of k means with ν degrees of freedom (R's
 * `ptukey`, lower tail): ∫ g(t) P(range < q√(t/2)) dt over t = 2χ²_ν/ν (mean 2, sd 2√(2/ν)), in 16-point
 * Gauss–Legendre pieces of width 1, ½, ¼ or ⅛ as ν grows (R's), narrower still past ν = 5000 so a
 * piece stays within a few sd, stopped past the mean once a piece adds under 1e-14. Two changes from
 * R, each held to SciPy: the first piece is split geometrically towards 0 when ν < 4, where the
 * density's t^(ν/2 − 1) is not smooth (R's ptukey(0.5, 2, 2) is 6.5e-6 off the closed form); and the
 * pieces are not cut at 50 nor replaced by ν = ∞ past ν = 25 000 (1.2e-5 off at ν = 30 000).
 */
function cdfAt(q: number, k: number, df: number): CdfAt {
  const sum: CdfAt = { cdf: 0, density: 0 };
  // Past 10⁸ the scale is 1 to within 1e-8.
  if (df > 1e8) {
    const at = rangeAt(q, k, { below: 0, density: 0 });
    return { cdf: at.below, density: at.density };
  }
  const f2 = df / 2;
  // ln of the density of t = 2χ²_ν/ν: (ν/4)^(ν/2) t^(ν/2−1) e^(−νt/4) / Γ(ν/2).
  const lead = f2 * Math.log(df / 4) - logGamma(f2);
  const logDensity = (t: number): number => lead + (f2 - 1) * Math.log(t) - (t * df) / 4;
  const width = df <= 100 ? 1 : df <= 800 ? 0.5 : df <= 5000 ? 0.25 : Math.min(0.125, 8 * Math.sqrt(2 / df));
  if (df < 4) {
    // Geometric pieces [w/2^(j+1), w/2^j] down to ε = 2^−J. Near 0 the integrand grows like
    // t^(ν/2 − 1)·(q√t)^(k − 1) (the range of k normals below a small w), so what is left out is
    // under ε^(ν/2 + (k − 1)/2) ≤ 1e-13.
    const pieces = Math.ceil(13 / Math.log10(2) / (f2 + (k - 1) / 2));
    for (let j = 0; j < pieces; j++) piece(width / 2 ** (j + 1), width / 2 ** j, q, k, logDensity, sum);
  } else {
    piece(0, width, q, k, logDensity, sum);
  }
  let a = width;
  for (let i = 1; i < 1e6; i++) {
    // Past t = 4 a piece grows by half (few df have a long, smooth, exponential tail).
    const b = a + (a > 4 ? Math.max(width, a / 2) : width);
    const added = piece(a, b, q, k, logDensity, sum);
    // Past the mean (t = 2) and adding nothing: the rest of the tail is smaller still.
    if (a > 2 && added <= 1e-14) break;
    a = b;
  }
  sum.cdf = Math.min(1, sum.cdf);
  return sum;
}

/**
 * P(Q < q) for the studentized range of k means with ν degrees of freedom (R's `ptukey`, lower tail;
 * the integral in `cdfAt`). NaN for k < 2 or ν < 1 (R asks ν ≥ 2; Games–Howell's Welch df may lie
 * between 1 and 2).
 */
export function studentizedRangeCdf(q: number, k: number, df: number): number {
  if (Number.isNaN(q) || !(k >= 2) || !(df >= 1)) return NaN;
  if (q <= 0) return 0;
  if (!Number.isFinite(q)) return 1;
  return cdfAt(q, k, df).cdf;
}

/** P(Q ≥ q): the p of a studentized range statistic (Tukey's HSD, Games–Howell). */
export function studentizedRangeUpperTail(q: number, k: number, df: number): number {
  return Math.max(0, 1 - studentizedRangeCdf(q, k, df));
}

/**
 * The p quantile of the studentized range (R's `qtukey`): the q with P(Q < q) = p, by Newton's method
 * on the CDF with its density from the same integral, from a normal-range guess, kept inside a
 * bracket (halved when a step leaves it), to 1e-12 relative in q. Tukey's interval is
 * mean difference ± q(0.95; k, ν)/√2 · SE.
 */
export function studentizedRangeQuantile(p: number, k: number, df: number): number {
  if (!(p > 0 && p < 1) || !(k >= 2) || !(df >= 1)) return NaN;
  let low = 0, high = Infinity;
  // A start: the normal range's quantile grows like √(2 ln k); few df widen it.
  let x = (1.5 + 1.3 * Math.sqrt(2 * Math.log(k)) + Math.max(0, -Math.log10(1 - p) - 1.3)) * (1 + 2 / df);
  for (let i = 0; i < 200; i++) {
    const at = cdfAt(x, k, df);
    const f = at.cdf - p;
    if (f === 0) return x;
    if (f < 0) low = x;
    else high = x;
    let next = at.density > 0 ? x - f / at.density : Number.NaN;
    if (!(next > low && next < high)) next = high === Infinity ? 2 * x : (low + high) / 2;
    if (Math.abs(next - x) <= 1e-12 * x) return next;
    x = next;
  }
  return x;
}

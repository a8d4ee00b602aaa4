/**
 * Which groups differ, after a comparison of k groups (compare-groups.ts): every pair of groups by
 * Tukey's HSD (equal variances; the Tukey–Kramer form for unequal n), by Games–Howell (unequal
 * variances: each pair's own SE and Welch df), both on the studentized range of k means, as SPSS and
 * PSPP ONEWAY /POSTHOC=TUKEY GH print them; and, after the Kruskal–Wallis test, Dunn's test on the
 * mean ranks with the tie correction, its p-values adjusted by Holm (default) or Bonferroni (what
 * SPSS's pairwise Kruskal–Wallis comparisons print). PSPP has no Dunn's test: it is held to a
 * hand-worked example.
 *
 * Pure arithmetic on each group's summary: the kernel (post-hoc.ts) takes them from a comparison.
 */
import { normalTwoSided } from "./distributions";
import { studentizedRangeQuantile, studentizedRangeUpperTail } from "./studentized-range";
import type { PostHocPairReason } from "../base/locale/post-hoc-messages";

/** What a pair's test needs of each group. */
export interface GroupSummary {
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1); null under 2 answers. */
  sd: number | null;
  /** Mean rank among all compared answers (Kruskal–Wallis); null for an empty group. */
  meanRank: number | null;
}

/** Why a pair has no test: a group without answers, or (Games–Howell) without spread; its words are the locale's. */
export type PairReason = PostHocPairReason;

/** One pair by Tukey's HSD or Games–Howell: group a against group b (PSPP's I − J). */
export interface RangePair {
  /** Indices of the two groups in the comparison's rows. */
  a: number;
  b: number;
  /** mean(a) − mean(b). */
  difference: number | null;
  /** The standard error of the difference: √(MS_within·(1/nₐ + 1/n_b)) for Tukey, √(sₐ²/nₐ + s_b²/n_b) for Games–Howell. */
  se: number | null;
  /** The studentized range statistic |difference| / (se/√2). */
  q: number | null;
  /** Degrees of freedom: N − k for Tukey, the pair's Welch–Satterthwaite df for Games–Howell. */
  df: number | null;
  /** P(Q ≥ q) on k means: already adjusted for the k(k − 1)/2 pairs. */
  p: number | null;
  /** The simultaneous interval of the difference at the comparison's level. */
  low: number | null;
  high: number | null;
  why?: PairReason;
}

/** One pair by Dunn's test: the mean ranks of group a against group b. */
export interface DunnPair {
  a: number;
  b: number;
  /** meanRank(a) − meanRank(b). */
  difference: number | null;
  /** √([N(N + 1)/12 − Σ(t³ − t)/(12(N − 1))]·(1/nₐ + 1/n_b)). */
  se: number | null;
  z: number | null;
  /** Two-sided normal p of z, unadjusted. */
  pUnadjusted: number | null;
  /** Adjusted for the pairs tested (Holm or Bonferroni). */
  p: number | null;
  why?: PairReason;
}

/** How Dunn's p-values are adjusted for the number of pairs. */
export type Adjustment = "holm" | "bonferroni";

/** Every pair (i < j) of `k` groups, in PSPP's order: 1–2, 1–3, …, 2–3, …. */
function pairsOf(k: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) pairs.push([i, j]);
  return pairs;
}

/** The groups with answers: the k the studentized range is taken over. */
function compared(groups: readonly GroupSummary[]): number {
  return groups.filter((g) => g.n > 0).length;
}

function noRange(a: number, b: number, why: PairReason): RangePair {
  return { a, b, difference: null, se: null, q: null, df: null, p: null, low: null, high: null, why };
}

/** The pair's figures from its difference, SE and df, on the range of `k` means. */
function rangePair(a: number, b: number, difference: number, se: number, df: number, k: number, level: number): RangePair {
  const q = (Math.abs(difference) / se) * Math.SQRT2;
  const half = (studentizedRangeQuantile(level, k, df) * se) / Math.SQRT2;
  return { a, b, difference, se, q, df, p: studentizedRangeUpperTail(q, k, df), low: difference - half, high: difference + half };
}

/**
 * Tukey's HSD on every pair (Tukey–Kramer: each pair's SE from its own n), with the within-groups
 * mean square of the one-way ANOVA on `dfWithin` = N − k degrees of freedom.
 */
export function tukeyHsd(groups: readonly GroupSummary[], msWithin: number, dfWithin: number, level = 0.95): RangePair[] {
  const k = compared(groups);
  return pairsOf(groups.length).map(([a, b]) => {
    const ga = groups[a], gb = groups[b];
    if (!ga || !gb || ga.mean === null || gb.mean === null || ga.n === 0 || gb.n === 0) return noRange(a, b, "empty-group");
    if (!(msWithin > 0) || !(dfWithin >= 1) || k < 2) return noRange(a, b, "no-within-variance");
    return rangePair(a, b, ga.mean - gb.mean, Math.sqrt(msWithin * (1 / ga.n + 1 / gb.n)), dfWithin, k, level);
  });
}

/**
 * Games–Howell on every pair: SE √(sₐ²/nₐ + s_b²/n_b), df (sₐ²/nₐ + s_b²/n_b)² / [(sₐ²/nₐ)²/(nₐ − 1) + (s_b²/n_b)²/(n_b − 1)],
 * on the studentized range of the k compared means.
 */
export function gamesHowell(groups: readonly GroupSummary[], level = 0.95): RangePair[] {
  const k = compared(groups);
  return pairsOf(groups.length).map(([a, b]) => {
    const ga = groups[a], gb = groups[b];
    if (!ga || !gb || ga.mean === null || gb.mean === null || ga.n === 0 || gb.n === 0) return noRange(a, b, "empty-group");
    // Without a variance in one group the pair has no SE or df (PSPP 1.6.2 prints Sig. −Infinity there).
    const spreadless = { ...noRange(a, b, "no-spread"), difference: ga.mean - gb.mean };
    if (ga.sd === null || gb.sd === null || ga.n < 2 || gb.n < 2) return spreadless;
    const va = (ga.sd * ga.sd) / ga.n, vb = (gb.sd * gb.sd) / gb.n;
    if (!(va + vb > 0)) return spreadless;
    const df = ((va + vb) * (va + vb)) / ((va * va) / (ga.n - 1) + (vb * vb) / (gb.n - 1));
    return rangePair(a, b, ga.mean - gb.mean, Math.sqrt(va + vb), df, k, level);
  });
}

/** Holm's step-down adjustment of `p` (nulls left out of the count and kept null), in input order. */
export function holm(p: readonly (number | null)[]): (number | null)[] {
  const order = p.flatMap((x, i) => (x === null ? [] : [{ x, i }])).sort((u, v) => u.x - v.x);
  const m = order.length;
  const out: (number | null)[] = p.map(() => null);
  let running = 0;
  order.forEach(({ x, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * x));
    out[i] = running;
  });
  return out;
}

/**
 * Dunn's test (1964) on every pair of the Kruskal–Wallis ranks: z = (R̄ₐ − R̄_b) / SE with the tie
 * term Σ(t³ − t) = (1 − C)(N³ − N), C the Kruskal–Wallis tie correction; p two-sided, adjusted over the
 * pairs tested.
 */
export function dunn(groups: readonly GroupSummary[], tieCorrection: number, adjust: Adjustment = "holm"): DunnPair[] {
  const n = groups.reduce((s, g) => s + g.n, 0);
  const ties = (1 - tieCorrection) * (n * n * n - n);
  const spread = (n * (n + 1)) / 12 - (n > 1 ? ties / (12 * (n - 1)) : 0);
  const raw = pairsOf(groups.length).map(([a, b]): DunnPair => {
    const ga = groups[a], gb = groups[b];
    const none = (why: PairReason): DunnPair => ({ a, b, difference: null, se: null, z: null, pUnadjusted: null, p: null, why });
    if (!ga || !gb || ga.meanRank === null || gb.meanRank === null || ga.n === 0 || gb.n === 0) return none("empty-group");
    if (!(spread > 0)) return none("no-spread");
    const difference = ga.meanRank - gb.meanRank;
    const se = Math.sqrt(spread * (1 / ga.n + 1 / gb.n));
    const z = difference / se;
    return { a, b, difference, se, z, pUnadjusted: normalTwoSided(z), p: null };
  });
  const unadjusted = raw.map((r) => r.pUnadjusted);
  const tested = unadjusted.filter((x) => x !== null).length;
  const adjusted = adjust === "holm" ? holm(unadjusted) : unadjusted.map((x) => (x === null ? null : Math.min(1, x * tested)));
  return raw.map((r, i) => (r.pUnadjusted === null ? r : { ...r, p: adjusted[i] ?? null }));
}

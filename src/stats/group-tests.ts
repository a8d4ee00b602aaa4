/**
 * The tests of a comparison of k groups on one numeric item, from the groups' valid values: the
 * one-way ANOVA (SPSS/PSPP ONEWAY: F, df, p, with η² and ω²), Welch's F for unequal variances (SPSS
 * ONEWAY /STATISTICS=WELCH; PSPP 1.6 has none, so it is held to a hand-worked example), and the
 * Kruskal–Wallis H on average ranks with the tie correction (NPAR TESTS /K-W), with ε².
 *
 * Pure arithmetic on arrays: the kernel (compare-groups.ts) reads the rows, drops the missing codes
 * and hands each non-empty group's values here.
 */
import { chiSquareUpperTail, fUpperTail } from "./distributions";
import { averageRanks } from "./ranks";
import type { GroupTestReason } from "../base/locale/group-messages";

export type { GroupTestReason };

/** The one-way ANOVA of the groups. Null figures carry `why`. */
export interface AnovaTest {
  f: number | null;
  df1: number;
  df2: number;
  p: number | null;
  /** Sums of squares between and within the groups, and their total. */
  ssBetween: number;
  ssWithin: number;
  ssTotal: number;
  /** η² = SSbetween / SStotal: the share of the variance the groups account for in the sample. */
  etaSquared: number | null;
  /** ω² = (SSbetween − df1·MSwithin) / (SStotal + MSwithin): η² corrected for its upward bias; may be < 0. */
  omegaSquared: number | null;
  why?: GroupTestReason;
}

/** Welch's F for equal means without assuming equal variances. */
export interface WelchTest {
  f: number | null;
  df1: number;
  /** Fractional (Welch–Satterthwaite). */
  df2: number | null;
  p: number | null;
  why?: GroupTestReason;
}

/** The Kruskal–Wallis test on average ranks, tie-corrected (SPSS NPAR TESTS /K-W prints this H as "Chi-Square"). */
export interface KruskalWallisTest {
  h: number | null;
  df: number;
  p: number | null;
  /** ε² = H / (N − 1): the rank analogue of η². */
  epsilonSquared: number | null;
  /** Mean rank of each group, in the order given. */
  meanRanks: number[];
  /** The tie correction 1 − Σ(t³ − t)/(N³ − N) H was divided by. */
  tieCorrection: number;
  why?: GroupTestReason;
}

/** The three tests of one comparison. */
export interface GroupTests {
  anova: AnovaTest;
  welch: WelchTest;
  kruskalWallis: KruskalWallisTest;
}

function mean(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Σ (x − m)² of one group, from its mean (two passes: survey items are small, exactness is cheap). */
function squares(values: Float64Array, m: number): number {
  let s = 0;
  for (const v of values) s += (v - m) * (v - m);
  return s;
}

/** ANOVA of groups with ≥ 1 case each (k = groups.length). */
export function oneWayAnova(groups: readonly Float64Array[]): AnovaTest {
  const k = groups.length;
  const n = groups.reduce((a, g) => a + g.length, 0);
  const means = groups.map(mean);
  const grand = groups.reduce((a, g, i) => a + g.length * (means[i] ?? 0), 0) / n;
  let ssBetween = 0, ssWithin = 0;
  groups.forEach((g, i) => {
    const m = means[i] ?? 0;
    ssBetween += g.length * (m - grand) * (m - grand);
    ssWithin += squares(g, m);
  });
  const ssTotal = ssBetween + ssWithin;
  const df1 = k - 1, df2 = n - k;
  const none = (why: GroupTestReason): AnovaTest => ({ f: null, df1, df2, p: null, ssBetween, ssWithin, ssTotal, etaSquared: null, omegaSquared: null, why });
  if (k < 2) return none({ kind: "one-group", groups: k });
  if (df2 < 1) return none({ kind: "no-within-df" });
  if (!(ssWithin > 0)) return none({ kind: "no-within-variance" });
  const msWithin = ssWithin / df2;
  const f = ssBetween / df1 / msWithin;
  return { f, df1, df2, p: fUpperTail(f, df1, df2), ssBetween, ssWithin, ssTotal, etaSquared: ssBetween / ssTotal, omegaSquared: (ssBetween - df1 * msWithin) / (ssTotal + msWithin) };
}

/**
 * Welch's F (Welch 1951): weights wᵢ = nᵢ/sᵢ², weighted grand mean m′ = Σwᵢmᵢ/Σw,
 * F = [Σwᵢ(mᵢ − m′)²/(k − 1)] / [1 + 2(k − 2)/(k² − 1)·Λ], Λ = Σ(1 − wᵢ/Σw)²/(nᵢ − 1),
 * df2 = (k² − 1)/(3Λ).
 */
export function welchAnova(groups: readonly Float64Array[]): WelchTest {
  const k = groups.length;
  const df1 = k - 1;
  const none = (why: GroupTestReason): WelchTest => ({ f: null, df1, df2: null, p: null, why });
  if (k < 2) return none({ kind: "one-group", groups: k });
  const w: number[] = [];
  const m: number[] = [];
  for (const [i, g] of groups.entries()) {
    const mi = mean(g);
    const variance = g.length > 1 ? squares(g, mi) / (g.length - 1) : 0;
    if (!(variance > 0)) return none({ kind: "welch-group", group: i });
    w.push(g.length / variance);
    m.push(mi);
  }
  const sw = w.reduce((a, b) => a + b, 0);
  const mw = w.reduce((a, wi, i) => a + wi * (m[i] ?? 0), 0) / sw;
  let between = 0, lambda = 0;
  groups.forEach((g, i) => {
    const wi = w[i] ?? 0;
    between += wi * ((m[i] ?? 0) - mw) ** 2;
    lambda += (1 - wi / sw) ** 2 / (g.length - 1);
  });
  const f = between / df1 / (1 + ((2 * (k - 2)) / (k * k - 1)) * lambda);
  const df2 = (k * k - 1) / (3 * lambda);
  return { f, df1, df2, p: fUpperTail(f, df1, df2) };
}

/**
 * Kruskal–Wallis H: H = 12/(N(N + 1))·ΣRᵢ²/nᵢ − 3(N + 1) on average ranks of all N values, divided by
 * the tie correction 1 − Σ(t³ − t)/(N³ − N) (t: the size of each run of ties), χ² on k − 1 df.
 */
export function kruskalWallis(groups: readonly Float64Array[]): KruskalWallisTest {
  const k = groups.length;
  const all = new Float64Array(groups.reduce((a, g) => a + g.length, 0));
  let at = 0;
  for (const g of groups) {
    all.set(g, at);
    at += g.length;
  }
  const n = all.length;
  const ranks = averageRanks(all);
  const meanRanks: number[] = [];
  let sum = 0;
  at = 0;
  for (const g of groups) {
    let r = 0;
    for (let i = 0; i < g.length; i++) r += ranks[at + i] ?? 0;
    at += g.length;
    meanRanks.push(r / g.length);
    sum += (r * r) / g.length;
  }
  // Ties: each distinct value shares one average rank, so counting ranks counts the ties.
  const runs = new Map<number, number>();
  for (const r of ranks) runs.set(r, (runs.get(r) ?? 0) + 1);
  let tied = 0;
  for (const t of runs.values()) tied += t * t * t - t;
  const tieCorrection = n > 1 ? 1 - tied / (n * n * n - n) : 0;
  const df = k - 1;
  const none = (why: GroupTestReason): KruskalWallisTest => ({ h: null, df, p: null, epsilonSquared: null, meanRanks, tieCorrection, why });
  if (k < 2) return none({ kind: "one-group", groups: k });
  if (!(tieCorrection > 0)) return none({ kind: "all-tied" });
  const h = ((12 / (n * (n + 1))) * sum - 3 * (n + 1)) / tieCorrection;
  return { h, df, p: chiSquareUpperTail(h, df), epsilonSquared: h / (n - 1), meanRanks, tieCorrection };
}

/** All three tests of groups with ≥ 1 valid case each. */
export function groupTests(groups: readonly Float64Array[]): GroupTests {
  return { anova: oneWayAnova(groups), welch: welchAnova(groups), kruskalWallis: kruskalWallis(groups) };
}

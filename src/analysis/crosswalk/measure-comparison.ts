/**
 * One comparison measured on one selection (one reconstruction): the numbers, the test's two-sided
 * p and whether the estimate lies on the side the thesis expects. No verdict yet — the verdict
 * needs the Benjamini–Hochberg adjustment across all comparisons of the same draw
 * (evaluate-crosswalk.ts) — and no text, so the fifty draws of the ensemble cost only their counts.
 *
 * Tests, by measure:
 * - share, diffusion: the score test of the share against the threshold, z = (p̂ − p₀)/√(p₀(1 − p₀)/n);
 *   its p < .05 exactly when the 95 % Wilson interval (the score test inverted) excludes p₀;
 * - groups: Pearson χ² on the 2×2 table, or Fisher's exact test when an expected count is below 5;
 * - size trend: the Cochran–Armitage trend test over SSB size classes 1–6;
 * - correlation: Pearson r with its t test.
 */
import * as stats from "../../stats/index";
import type { FilterCondition, Interval } from "../../stats/index";
import { fisherExact2x2 } from "../../stats/fisher-exact";
import type { Comparison, Measure, Outcome } from "./crosswalk-spec";
import type { NotComparableReason } from "../../base/locale/reason-messages";
import { planCount, restrictionConditions, type CountPlan, type CrosswalkCounter, type OutcomeCount, type PairSums, type Split } from "./crosswalk-counts";

/** SSB size classes one by one, the groups (and scores) of the trend test. */
const SIZE_SPLIT: Split = { by: "size_class", groups: [[1], [2], [3], [4], [5], [6]] };
const NONE: OutcomeCount = { x: 0, n: 0, nReport: null };
const groupSplit = (m: Extract<Measure, { kind: "groups" }>): Split => ({ by: m.by, groups: [m.a.codes, m.b.codes] });

/** Which base a measurement is on: valid answers only, or the report's base with "vet ikke". */
export type BaseKind = "answered" | "report";

export interface ShareNumbers { kind: "share" | "diffusion"; base: BaseKind; x: number; n: number; share: number | null; interval: Interval | null; threshold: number; laterLabel?: string; z: number | null; p: number | null }
export interface GroupSide { label: string; x: number; n: number; share: number | null }
export type GroupMethod = "Pearson χ²" | "Fisher's exact test";
export interface GroupNumbers { kind: "groups"; base: BaseKind; a: GroupSide; b: GroupSide; difference: number | null; method: GroupMethod; chi2: number | null; df: number; minExpected: number; p: number | null }
export interface TrendClass { sizeClass: number; x: number; n: number; share: number | null; interval: Interval | null }
export interface TrendNumbers { kind: "size-trend"; base: BaseKind; classes: TrendClass[]; x: number; n: number; share: number | null; z: number | null; p: number | null }
export interface CorrelationNumbers { kind: "correlation"; base: BaseKind; r: number | null; n: number; p: number | null }
export type ComparisonNumbers = ShareNumbers | GroupNumbers | TrendNumbers | CorrelationNumbers;

/** A comparison measured on one selection. */
export interface Measured {
  /** Null when the data lacks a variable (nothing was computed). */
  numbers: ComparisonNumbers | null;
  /** The base the verdict rests on. */
  n: number;
  /** Two-sided p of the test; null when it cannot be computed. */
  p: number | null;
  /** True when the estimate lies on the side the thesis expects; null when there is no estimate. */
  expected: boolean | null;
  /** Why no verdict can be given (too small a base, an absent variable) as data, or null: the page words it in its language. */
  notComparable: NotComparableReason | null;
  /** The same on the report's base ("vet ikke" kept in), when the outcome's printed table does so. */
  report?: Measured;
}

/** What measuring needs beyond the counts: the later national figure and the smallest base. */
export interface MeasureContext {
  /** For diffusion: the later figure (share 0–1) and its label; undefined when thesis.json is absent. */
  later?: { value: number; label: string };
  minBase: number;
  /** The comparison's count, compiled once for every draw (`planComparison`). */
  plan?: CountPlan | null;
  /** The variables it reads (`measureVariables`), listed once for every draw. */
  variables?: readonly string[];
  /** A correlation's rows (`pairsWhere`), listed once for every draw. */
  pairsWhere?: readonly FilterCondition[];
}

/** Score test of x/n against p₀ (two-sided); null when p₀ is 0 or 1 or there is no base. */
export function scoreTest(x: number, n: number, p0: number): { z: number; p: number } | null {
  if (n <= 0 || !(p0 > 0 && p0 < 1)) return null;
  const z = (x / n - p0) / Math.sqrt((p0 * (1 - p0)) / n);
  const p = stats.normalTwoSided(z);
  return p === null ? null : { z, p };
}

/**
 * Pearson χ² of the 2×2 table [[a, b], [c, d]] on 1 df in closed form, N(ad − bc)² / (r₁r₂c₁c₂):
 * the same statistic as the statistics core's `chiSquareTests(…).pearson` (a unit test holds them
 * together), without its r×c machinery, because the ensemble runs it fifty times per comparison.
 * Undefined (null) when a margin is empty.
 */
export function pearson2x2(a: number, b: number, c: number, d: number): { value: number | null; p: number | null } {
  const r1 = a + b, r2 = c + d, c1 = a + c, c2 = b + d;
  const denominator = r1 * r2 * c1 * c2;
  if (denominator === 0) return { value: null, p: null };
  const value = ((r1 + r2) * (a * d - b * c) ** 2) / denominator;
  return { value, p: stats.chiSquareUpperTail(value, 1) };
}

/** The variables a measure reads (for the "absent from the loaded data" check). */
export function measureVariables(m: Measure): string[] {
  const among = (m.among ?? []).map((r) => r.variable);
  switch (m.kind) {
    case "groups": return [m.outcome.variable, m.by, ...among];
    case "size-trend": return [m.outcome.variable, "size_class", ...among];
    case "correlation": return [m.x.variable, m.y.variable, ...among];
    default: return [m.outcome.variable, ...among];
  }
}

const baseOf = (count: OutcomeCount, base: BaseKind): number => (base === "report" ? (count.nReport ?? count.n) : count.n);
const shareOrNull = (x: number, n: number): number | null => (n > 0 ? x / n : null);

function measureShare(m: Extract<Measure, { kind: "share" | "diffusion" }>, count: OutcomeCount, base: BaseKind, ctx: MeasureContext): Measured {
  const threshold = m.kind === "share" ? m.threshold.value : (ctx.later?.value ?? Number.NaN);
  const n = baseOf(count, base);
  const share = shareOrNull(count.x, n);
  const interval = stats.wilsonInterval(count.x, n);
  const test = scoreTest(count.x, n, threshold);
  const numbers: ShareNumbers = { kind: m.kind, base, x: count.x, n, share, interval, threshold, ...(ctx.later && m.kind === "diffusion" ? { laterLabel: ctx.later.label } : {}), z: test?.z ?? null, p: test?.p ?? null };
  const expected = share === null ? null : m.expect === "above" ? share > threshold : share < threshold;
  const notComparable: NotComparableReason | null = n < ctx.minBase || !interval ? { kind: "few-answers", n, minBase: ctx.minBase, what: "share" } : test === null ? { kind: "threshold-untestable", threshold } : null;
  return { numbers, n, p: numbers.p, expected, notComparable };
}

function measureGroups(m: Extract<Measure, { kind: "groups" }>, a: OutcomeCount, b: OutcomeCount, base: BaseKind, ctx: MeasureContext): Measured {
  const side = (label: string, count: OutcomeCount): GroupSide => {
    const n = baseOf(count, base);
    return { label, x: count.x, n, share: shareOrNull(count.x, n) };
  };
  const sa = side(m.a.label, a);
  const sb = side(m.b.label, b);
  const n = sa.n + sb.n;
  const yes = sa.x + sb.x;
  // The smallest expected count of the 2×2 table: smaller row total × smaller column total / N.
  const minExpected = n > 0 ? (Math.min(sa.n, sb.n) * Math.min(yes, n - yes)) / n : 0;
  const chi = pearson2x2(sa.x, sa.n - sa.x, sb.x, sb.n - sb.x);
  const fisher = minExpected < 5 && n > 0;
  const p = fisher ? fisherExact2x2(sa.x, sa.n - sa.x, sb.x, sb.n - sb.x) : chi.p;
  const difference = sa.share !== null && sb.share !== null ? sa.share - sb.share : null;
  const numbers: GroupNumbers = { kind: "groups", base, a: sa, b: sb, difference, method: fisher ? "Fisher's exact test" : "Pearson χ²", chi2: chi.value, df: 1, minExpected, p };
  const expected = difference === null ? null : m.expect === "a>b" ? difference > 0 : difference < 0;
  const notComparable: NotComparableReason | null = n < ctx.minBase || sa.n === 0 || sb.n === 0
    ? { kind: "groups-too-small", a: sa.n, b: sb.n }
    : p === null ? { kind: "empty-margin" } : null;
  return { numbers, n, p, expected, notComparable };
}

function measureTrend(m: Extract<Measure, { kind: "size-trend" }>, counts: OutcomeCount[], base: BaseKind, ctx: MeasureContext): Measured {
  const classes: TrendClass[] = counts.map((count, i) => {
    const n = baseOf(count, base);
    return { sizeClass: i + 1, x: count.x, n, share: shareOrNull(count.x, n), interval: stats.wilsonInterval(count.x, n) };
  });
  const x = classes.reduce((s, k) => s + k.x, 0);
  const n = classes.reduce((s, k) => s + k.n, 0);
  const trend = stats.cochranArmitage(classes.map((k) => k.sizeClass), classes.map((k) => k.x), classes.map((k) => k.n));
  const numbers: TrendNumbers = { kind: "size-trend", base, classes, x, n, share: shareOrNull(x, n), z: trend.statistic, p: trend.p };
  const expected = trend.statistic === null ? null : m.expect === "increasing" ? trend.statistic > 0 : trend.statistic < 0;
  const notComparable: NotComparableReason | null = n < ctx.minBase ? { kind: "few-answers", n, minBase: ctx.minBase, what: "trend" } : trend.statistic === null ? { kind: "no-trend", why: trend.why ?? null } : null;
  return { numbers, n, p: trend.p, expected, notComparable };
}

/** The rows a correlation sums over: those meeting its restriction and valid on both variables. */
export function pairsWhere(m: Extract<Measure, { kind: "correlation" }>): FilterCondition[] {
  return [...restrictionConditions(m.among), { variable: m.x.variable, codes: m.x.valid }, { variable: m.y.variable, codes: m.y.valid }];
}

function measureCorrelation(m: Extract<Measure, { kind: "correlation" }>, s: PairSums, ctx: MeasureContext): Measured {
  const c = stats.correlationFromSums(s.n, s.sx, s.sy, s.sxx, s.syy, s.sxy, [m.x.variable, m.y.variable]);
  const numbers: CorrelationNumbers = { kind: "correlation", base: "answered", r: c.r, n: c.n, p: c.p };
  const expected = c.r === null ? null : m.expect === "positive" ? c.r > 0 : c.r < 0;
  const notComparable: NotComparableReason | null = c.r === null ? { kind: "no-correlation", why: c.why ?? null } : c.n < ctx.minBase ? { kind: "few-pairs", n: c.n, minBase: ctx.minBase } : null;
  return { numbers, n: c.n, p: c.p, expected, notComparable };
}

/**
 * The count a comparison needs, compiled once for all draws: the outcome among the `among` rows,
 * split into the two groups or the six size classes; null for a correlation.
 */
export function planComparison(c: Comparison): CountPlan | null {
  const m = c.measure;
  const where = restrictionConditions(m.among);
  switch (m.kind) {
    case "share":
    case "diffusion": return planCount(m.outcome, where);
    case "groups": return planCount(m.outcome, where, groupSplit(m));
    case "size-trend": return planCount(m.outcome, where, SIZE_SPLIT);
    case "correlation": return null;
  }
}

/** The outcome a measure counts, when it has one. */
export function outcomeOf(m: Measure): Outcome | null {
  return m.kind === "correlation" ? null : m.outcome;
}

/**
 * What a comparison counts on one selection: its outcome's counts (one, or one per group or size
 * class), a correlation's sums, or — a variable absent, no later figure — what it measures instead.
 * Everything else a measurement is follows from these (`measureCounted`), so draws with the same
 * counts have the same measurement.
 */
export type ComparisonCounts =
  | { kind: "counts"; counts: OutcomeCount[] }
  | { kind: "pairs"; sums: PairSums }
  | { kind: "nothing"; measured: Measured };

/** The counts of `comparison` on the selection behind `counter`. */
export function countComparison(comparison: Comparison, counter: CrosswalkCounter, ctx: MeasureContext): ComparisonCounts {
  const m = comparison.measure;
  const missing = (ctx.variables ?? measureVariables(m)).filter((v) => !counter.has(v));
  if (missing.length) {
    return { kind: "nothing", measured: { numbers: null, n: 0, p: null, expected: null, notComparable: { kind: "missing-columns", columns: missing } } };
  }
  if (m.kind === "diffusion" && !ctx.later) {
    return { kind: "nothing", measured: { numbers: null, n: 0, p: null, expected: null, notComparable: { kind: "no-later-figure", laterNumber: m.laterNumber } } };
  }
  if (m.kind === "correlation") return { kind: "pairs", sums: counter.pairs(m.x.variable, m.y.variable, ctx.pairsWhere ?? pairsWhere(m)) };
  return { kind: "counts", counts: counter.count(ctx.plan ?? planComparison(comparison) ?? planCount(m.outcome, restrictionConditions(m.among))) };
}

/** The counts as a key: equal keys, equal measurements (the draws of a determined comparison share one). */
export function countsKey(counts: ComparisonCounts): string | null {
  switch (counts.kind) {
    case "nothing": return null;
    case "pairs": {
      const s = counts.sums;
      return `${s.n} ${s.sx} ${s.sy} ${s.sxx} ${s.syy} ${s.sxy}`;
    }
    case "counts": return counts.counts.map((c) => `${c.x} ${c.n} ${c.nReport ?? "-"}`).join(",");
  }
}

/** Measure `comparison` from its counts, on the answered base and (if any) the report's. */
export function measureCounted(comparison: Comparison, counted: ComparisonCounts, ctx: MeasureContext): Measured {
  const m = comparison.measure;
  if (counted.kind === "nothing") return counted.measured;
  if (counted.kind === "pairs") return m.kind === "correlation" ? measureCorrelation(m, counted.sums, ctx) : NOT_COUNTED;
  const both = (measure: (base: BaseKind) => Measured): Measured => {
    const answered = measure("answered");
    const outcome = outcomeOf(m);
    return outcome?.base === "valid" && outcome.reportBase ? { ...answered, report: measure("report") } : answered;
  };
  const counts = counted.counts;
  switch (m.kind) {
    case "share":
    case "diffusion": {
      const [count = NONE] = counts;
      return both((base) => measureShare(m, count, base, ctx));
    }
    case "groups": {
      const [a = NONE, b = NONE] = counts;
      return both((base) => measureGroups(m, a, b, base, ctx));
    }
    case "size-trend":
      return both((base) => measureTrend(m, counts, base, ctx));
    case "correlation":
      return NOT_COUNTED;
  }
}

/** Counts of the wrong kind for the comparison (never made: `countComparison` counts by the measure's kind). */
const NOT_COUNTED: Measured = { numbers: null, n: 0, p: null, expected: null, notComparable: { kind: "nothing-measured" } };

/** Measure `comparison` on the selection behind `counter`, on the answered base and (if any) the report's. */
export function measureComparison(comparison: Comparison, counter: CrosswalkCounter, ctx: MeasureContext): Measured {
  return measureCounted(comparison, countComparison(comparison, counter, ctx), ctx);
}

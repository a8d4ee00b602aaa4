/**
 * What-if: the same comparison under two filter states side by side (e.g. size classes 1–3 vs
 * 4–6, the thesis's own small A/D vs large B/C split), with the difference between the states, a
 * test of that difference, and whether the verdict flips.
 *
 * The tested quantity follows the comparison's kind:
 * - share, diffusion, size trend: the share answering yes (for a size trend: over all classes),
 *   tested with Pearson χ² on the 2×2 table state × yes/no, or Fisher's exact test when an
 *   expected count is below 5 (where χ² is unreliable);
 * - groups: the gap between the two groups, compared across states with a normal z test of the
 *   difference of differences;
 * - correlation: r, compared with Fisher's z = (atanh r₁ − atanh r₂) / √(1/(n₁−3) + 1/(n₂−3)).
 */
import type { SurveyFilter } from "../../data/survey-filter";
import { describeSurveyFilter, surveyFilterConditions } from "../../data/survey-filter";
import * as stats from "../../stats/index";
import type { DataSource } from "../../stats/index";
import { CROSSWALK, type Comparison } from "./crosswalk-spec";
import { evaluateComparison, pct, type ComparisonResult, type EvaluateOptions } from "./evaluate-crosswalk";
import { toSource, type CrosswalkData } from "./crosswalk-counts";
import { fisherExact2x2 } from "../../stats/fisher-exact";

/** One side of a what-if: a label and the data it selects. */
export interface DiffSide {
  label: string;
  data: CrosswalkData;
}

export type DiffMethod = "Pearson χ²" | "Fisher's exact test" | "z test of the difference of differences" | "Fisher z" | "none";

export interface ComparisonDiff {
  id: string;
  comparison: Comparison;
  labels: [string, string];
  a: ComparisonResult;
  b: ComparisonResult;
  /** The compared quantity in each state (share, group gap or r) and their difference a − b. */
  valueA: number | null;
  valueB: number | null;
  difference: number | null;
  method: DiffMethod;
  /** The test in words with its statistic. */
  test: string;
  p: number | null;
  /** True when the two states give different verdicts. */
  flips: boolean;
  explanation: string;
}

function shareOf(r: ComparisonResult): { x: number; n: number } | null {
  const k = r.numbers;
  if (!k || k.kind === "groups" || k.kind === "correlation") return null;
  return { x: k.x, n: k.n };
}

const fmtP = (p: number | null): string => (p === null ? "p n/a" : stats.formatP(p).startsWith("<") ? `p ${stats.formatP(p)}` : `p = ${stats.formatP(p)}`);

function testDifference(a: ComparisonResult, b: ComparisonResult): { valueA: number | null; valueB: number | null; method: DiffMethod; test: string; p: number | null } {
  const na = a.numbers, nb = b.numbers;
  if (na?.kind === "correlation" && nb?.kind === "correlation") {
    if (na.r === null || nb.r === null || na.n <= 3 || nb.n <= 3) return { valueA: na.r, valueB: nb.r, method: "none", test: "Fisher z needs r and more than 3 cases on both sides", p: null };
    const clamp = (r: number): number => Math.max(-0.999999, Math.min(0.999999, r));
    const z = (Math.atanh(clamp(na.r)) - Math.atanh(clamp(nb.r))) / Math.sqrt(1 / (na.n - 3) + 1 / (nb.n - 3));
    const p = stats.normalTwoSided(z);
    return { valueA: na.r, valueB: nb.r, method: "Fisher z", test: `Fisher z = ${z.toFixed(2)}, ${fmtP(p)}`, p };
  }
  if (na?.kind === "groups" && nb?.kind === "groups") {
    const gap = (g: typeof na): { d: number; v: number } | null => {
      const { a: x, b: y } = g;
      if (x.share === null || y.share === null || x.n === 0 || y.n === 0) return null;
      return { d: x.share - y.share, v: (x.share * (1 - x.share)) / x.n + (y.share * (1 - y.share)) / y.n };
    };
    const ga = gap(na), gb = gap(nb);
    if (!ga || !gb || ga.v + gb.v <= 0) return { valueA: ga?.d ?? null, valueB: gb?.d ?? null, method: "none", test: "the group gaps cannot be compared (a group is empty or has no variation)", p: null };
    const z = (ga.d - gb.d) / Math.sqrt(ga.v + gb.v);
    const p = stats.normalTwoSided(z);
    return { valueA: ga.d, valueB: gb.d, method: "z test of the difference of differences", test: `z = ${z.toFixed(2)}, ${fmtP(p)}`, p };
  }
  const sa = shareOf(a), sb = shareOf(b);
  if (!sa || !sb || sa.n === 0 || sb.n === 0) return { valueA: null, valueB: null, method: "none", test: "a state has no valid answers", p: null };
  const table = [[sa.x, sa.n - sa.x], [sb.x, sb.n - sb.x]];
  const chi = stats.chiSquareTests(table);
  const total = sa.n + sb.n, yes = sa.x + sb.x;
  const minExpected = Math.min(sa.n, sb.n) * Math.min(yes, total - yes) / total;
  const valueA = sa.x / sa.n, valueB = sb.x / sb.n;
  if (minExpected < 5 || chi.pearson.p === null) {
    const p = fisherExact2x2(sa.x, sa.n - sa.x, sb.x, sb.n - sb.x);
    return { valueA, valueB, method: "Fisher's exact test", test: `Fisher's exact test (smallest expected count ${minExpected.toFixed(1)}), ${fmtP(p)}`, p };
  }
  return { valueA, valueB, method: "Pearson χ²", test: `Pearson χ²(1) = ${(chi.pearson.value ?? 0).toFixed(2)}, ${fmtP(chi.pearson.p)}`, p: chi.pearson.p };
}

/** The same comparison evaluated on two selections, with the difference and its test. */
export function diffComparison(comparison: Comparison, sideA: DiffSide, sideB: DiffSide, options: EvaluateOptions = {}): ComparisonDiff {
  const a = evaluateComparison(comparison, sideA.data, options);
  const b = evaluateComparison(comparison, sideB.data, options);
  const t = testDifference(a, b);
  const difference = t.valueA !== null && t.valueB !== null ? t.valueA - t.valueB : null;
  const flips = a.verdict !== b.verdict;
  const isR = t.method === "Fisher z";
  const show = (v: number | null): string => (v === null ? "–" : isR ? `r = ${v.toFixed(2)}` : pct(v));
  const what = t.method === "z test of the difference of differences" ? "group gap" : isR ? "correlation" : "share";
  const explanation = t.p === null
    ? `${sideA.label}: ${a.verdict}; ${sideB.label}: ${b.verdict}. The difference cannot be tested: ${t.test}.`
    : `The ${what} is ${show(t.valueA)} in ${sideA.label} and ${show(t.valueB)} in ${sideB.label} (${t.test}: ${t.p < 0.05 ? "a significant" : "no significant"} difference); the verdict ${flips ? `flips from ${a.verdict} to ${b.verdict}` : `stays ${a.verdict}`}.`;
  return { id: comparison.id, comparison, labels: [sideA.label, sideB.label], a, b, valueA: t.valueA, valueB: t.valueB, difference, method: t.method, test: t.test, p: t.p, flips, explanation };
}

/** A filter state of the what-if: a label and the shared SurveyFilter. */
export interface FilterState {
  label?: string;
  filter: SurveyFilter;
}

/** The thesis's own split: small municipalities (A, D) vs large (B, C), as SSB size classes. */
export const SMALL_VS_LARGE: [FilterState, FilterState] = [
  { label: "small municipalities (size class 1–3, like A and D)", filter: { fylke: [], sizeClass: [1, 2, 3], respType: [], adopted: [] } },
  { label: "large municipalities (size class 4–6, like B and C)", filter: { fylke: [], sizeClass: [4, 5, 6], respType: [], adopted: [] } },
];

function sideOf(source: DataSource, state: FilterState): DiffSide {
  return { label: state.label ?? describeSurveyFilter(state.filter), data: stats.filterView(source, surveyFilterConditions(state.filter)) };
}

export interface CrosswalkDiffOptions extends EvaluateOptions {
  comparisons?: readonly Comparison[];
}

/** Every comparison (default: the whole CROSSWALK) under two filter states of the same data. */
export function diffCrosswalk(data: CrosswalkData, stateA: FilterState, stateB: FilterState, options: CrosswalkDiffOptions = {}): ComparisonDiff[] {
  const source = toSource(data);
  const a = sideOf(source, stateA), b = sideOf(source, stateB);
  return (options.comparisons ?? CROSSWALK).map((c) => diffComparison(c, a, b, options));
}

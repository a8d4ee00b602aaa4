/**
 * What-if: the same comparisons under two filter states side by side (e.g. size classes 1–3 vs
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
 *
 * Like the verdicts, the difference is tested on every reconstruction, its p-values adjusted across
 * the comparisons with Benjamini–Hochberg on each draw; a difference is called significant (or not)
 * only when that holds in ≥ 95 % of the draws, and a verdict flips only when both sides' verdicts
 * are findings (neither depends on the reconstruction) and differ.
 */
import type { SurveyFilter } from "../../data/survey-filter";
import * as stats from "../../stats/index";
import { CROSSWALK, type Comparison } from "./crosswalk-spec";
import { ALPHA, judgeDraws, measureDraws, type ComparisonResult, type EvaluateOptions } from "./evaluate-crosswalk";
import { FINDING_SHARE } from "../evidence/evidence";
import { localP, localPct } from "./explain-comparison";
import { DEFAULT_LOCALE, formatNumber, messages, type Locale } from "../../base/locale/locale";
import { pearson2x2, type ComparisonNumbers } from "./measure-comparison";
import type { CrosswalkData } from "./crosswalk-counts";
import type { MeasuredDraws } from "./measured-draws-cache";
import { orNull, type DiffFigures, type DrawFigures } from "./draw-figures";
import { fisherExact2x2 } from "../../stats/fisher-exact";

/** One side of a what-if: a label, the data it selects, and that selection on every reconstruction. */
export interface DiffSide {
  label: string;
  data: CrosswalkData;
  /** [data, draw 1, …]; absent for a user's own file. */
  draws?: readonly CrosswalkData[];
  /** This side already measured (`measureDraws` of the same data, draws and options), e.g. kept from an earlier filter change. */
  measured?: MeasuredDraws;
}

export type DiffMethod = "Pearson χ²" | "Fisher's exact test" | "z test of the difference of differences" | "Fisher z" | "none";

/** Why a difference has no test (its words: the catalogue's `cwDiffReason`). */
export type DiffReason = "correlation" | "groups" | "empty" | "noData";

/** Whether the two states differ significantly, over the reconstructions. */
export type DifferenceFinding = "significant" | "not significant" | "depends" | "untestable";

export interface ComparisonDiff {
  id: string;
  comparison: Comparison;
  labels: [string, string];
  a: ComparisonResult;
  b: ComparisonResult;
  /** The compared quantity in each state (share, group gap or r) and their difference a − b (canonical draw). */
  valueA: number | null;
  valueB: number | null;
  difference: number | null;
  method: DiffMethod;
  /** The test in words with its statistic (canonical draw). */
  test: string;
  p: number | null;
  /** Benjamini–Hochberg q across the comparisons' difference tests (canonical draw). */
  q: number | null;
  /** Draws in which the difference is significant after BH, of how many. */
  significantIn: { k: number; m: number };
  finding: DifferenceFinding;
  /** True when both verdicts are findings and differ. */
  flips: boolean;
  explanation: string;
  /** Either side is narrowed by county or size class: a shared view masks its small counts. */
  disclosureSensitive?: boolean;
}

/** The difference between two states on one draw: the compared values, the method, its statistic and p. */
export interface DifferenceTest {
  valueA: number | null;
  valueB: number | null;
  method: DiffMethod;
  /** z for the z tests, χ² for Pearson χ², the smallest expected count for Fisher's exact test. */
  statistic: number | null;
  p: number | null;
  /** Why there is no test, when there is none. */
  reason?: DiffReason;
}

/** What the difference test reads of one side's answered numbers on one draw. */
export type DiffInput =
  | { kind: "share"; x: number; n: number }
  | { kind: "groups"; a: { share: number | null; n: number }; b: { share: number | null; n: number } }
  | { kind: "correlation"; r: number | null; n: number };

/** The difference test's input from a draw's numbers (a size trend counts as its share over all classes). */
export function diffInput(k: ComparisonNumbers | null): DiffInput | null {
  if (!k) return null;
  switch (k.kind) {
    case "groups": return { kind: "groups", a: { share: k.a.share, n: k.a.n }, b: { share: k.b.share, n: k.b.n } };
    case "correlation": return { kind: "correlation", r: k.r, n: k.n };
    default: return { kind: "share", x: k.x, n: k.n };
  }
}

/** The same input from the draw's columns (draw-figures.ts), as `diffInput` of that draw's numbers gives it. */
export function diffInputAt(f: DiffFigures, d: number): DiffInput | null {
  const x = f.x[d] ?? Number.NaN, n = f.n[d] ?? 0;
  switch (f.kind[d]) {
    case 1: return { kind: "share", x, n };
    case 2: {
      const x2 = f.x2[d] ?? 0, n2 = f.n2[d] ?? 0;
      // As GroupSide.share: x / n, undefined on an empty group.
      return { kind: "groups", a: { share: n > 0 ? x / n : null, n }, b: { share: n2 > 0 ? x2 / n2 : null, n: n2 } };
    }
    case 3: return { kind: "correlation", r: orNull(x), n };
    default: return null;
  }
}

/** Test the difference between the two states' numbers of one comparison on one draw (no words: every draw runs it). */
export function testDifference(na: ComparisonNumbers | null, nb: ComparisonNumbers | null): DifferenceTest {
  return testInputs(diffInput(na), diffInput(nb));
}

/** `testDifference` on inputs read from the numbers (`diffInput`) or from the columns (`diffInputAt`). */
export function testInputs(na: DiffInput | null, nb: DiffInput | null): DifferenceTest {
  if (na?.kind === "correlation" && nb?.kind === "correlation") {
    if (na.r === null || nb.r === null || na.n <= 3 || nb.n <= 3) return { valueA: na.r, valueB: nb.r, method: "none", statistic: null, p: null, reason: "correlation" };
    const clamp = (r: number): number => Math.max(-0.999999, Math.min(0.999999, r));
    const z = (Math.atanh(clamp(na.r)) - Math.atanh(clamp(nb.r))) / Math.sqrt(1 / (na.n - 3) + 1 / (nb.n - 3));
    return { valueA: na.r, valueB: nb.r, method: "Fisher z", statistic: z, p: stats.normalTwoSided(z) };
  }
  if (na?.kind === "groups" && nb?.kind === "groups") {
    const gap = (g: typeof na): { d: number; v: number } | null => {
      const { a: x, b: y } = g;
      if (x.share === null || y.share === null || x.n === 0 || y.n === 0) return null;
      return { d: x.share - y.share, v: (x.share * (1 - x.share)) / x.n + (y.share * (1 - y.share)) / y.n };
    };
    const ga = gap(na), gb = gap(nb);
    if (!ga || !gb || ga.v + gb.v <= 0) return { valueA: ga?.d ?? null, valueB: gb?.d ?? null, method: "none", statistic: null, p: null, reason: "groups" };
    const z = (ga.d - gb.d) / Math.sqrt(ga.v + gb.v);
    return { valueA: ga.d, valueB: gb.d, method: "z test of the difference of differences", statistic: z, p: stats.normalTwoSided(z) };
  }
  const sa = na?.kind === "share" ? na : null, sb = nb?.kind === "share" ? nb : null;
  if (!sa || !sb || sa.n === 0 || sb.n === 0) return { valueA: null, valueB: null, method: "none", statistic: null, p: null, reason: "empty" };
  const chi = pearson2x2(sa.x, sa.n - sa.x, sb.x, sb.n - sb.x);
  const total = sa.n + sb.n, yes = sa.x + sb.x;
  const minExpected = (Math.min(sa.n, sb.n) * Math.min(yes, total - yes)) / total;
  const valueA = sa.x / sa.n, valueB = sb.x / sb.n;
  if (minExpected < 5 || chi.p === null) {
    return { valueA, valueB, method: "Fisher's exact test", statistic: minExpected, p: fisherExact2x2(sa.x, sa.n - sa.x, sb.x, sb.n - sb.x) };
  }
  return { valueA, valueB, method: "Pearson χ²", statistic: chi.value, p: chi.p };
}

/** The test in words in `locale`, e.g. "Pearson χ²(1) = 10.00, p = .002" / "Pearson χ²(1) = 10,00, p = 0,002". */
export function describeDifference(t: DifferenceTest, locale: Locale = DEFAULT_LOCALE): string {
  const words = messages[locale];
  const statistic = (d: number): string => formatNumber(locale, t.statistic ?? 0, d);
  switch (t.method) {
    case "Fisher z": return `Fisher z = ${statistic(2)}, ${localP(t.p, locale)}`;
    case "z test of the difference of differences": return `z = ${statistic(2)}, ${localP(t.p, locale)}`;
    case "Fisher's exact test": return words.cwDiffFisher(statistic(1), localP(t.p, locale));
    case "Pearson χ²": return `Pearson χ²(1) = ${statistic(2)}, ${localP(t.p, locale)}`;
    case "none": return words.cwDiffReason(t.reason ?? "noTest");
  }
}

/** A filter state of the what-if: a label and the shared SurveyFilter. */
export interface FilterState {
  label?: string;
  filter: SurveyFilter;
}

/** The thesis's own split: small municipalities (A, D) vs large (B, C), as SSB size classes, labelled in `locale`. */
export function smallVsLarge(locale: Locale = DEFAULT_LOCALE): [FilterState, FilterState] {
  const label = messages[locale].cwSmallVsLarge;
  return [
    { label: label.small, filter: { fylke: [], sizeClass: [1, 2, 3], respType: [], adopted: [] } },
    { label: label.large, filter: { fylke: [], sizeClass: [4, 5, 6], respType: [], adopted: [] } },
  ];
}

/** The split labelled in English (the headless runs' and tests' default). */
export const SMALL_VS_LARGE: [FilterState, FilterState] = smallVsLarge("en");

export interface CrosswalkDiffOptions extends Omit<EvaluateOptions, "draws"> {
  comparisons?: readonly Comparison[];
}

function differenceFinding(k: number, m: number, testable: boolean): DifferenceFinding {
  if (!testable) return "untestable";
  if (k >= FINDING_SHARE * m) return "significant";
  if (m - k >= FINDING_SHARE * m) return "not significant";
  return "depends";
}

/** Every comparison (default: the whole CROSSWALK) under two states, each over its reconstructions. */
export function diffCrosswalk(sideA: DiffSide, sideB: DiffSide, options: CrosswalkDiffOptions = {}): ComparisonDiff[] {
  const comparisons = options.comparisons ?? CROSSWALK;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const words = messages[locale];
  const side = (s: DiffSide) => {
    const opts = { ...options, ...(s.draws ? { draws: s.draws } : {}) };
    const measured = s.measured ?? measureDraws(s.data, comparisons, opts);
    return { figures: measured.figures, evaluation: judgeDraws(s.data, comparisons, measured, opts) };
  };
  const { figures: figuresA, evaluation: evalA } = side(sideA);
  const { figures: figuresB, evaluation: evalB } = side(sideB);
  const m = Math.min(figuresA.draws, figuresB.draws);
  const input = (f: DrawFigures, i: number, d: number): DiffInput | null => {
    const diff = f.diff[i];
    return diff ? diffInputAt(diff, d) : null;
  };
  // Per draw: every comparison's difference test, read from both sides' columns, adjusted together.
  const perDraw = Array.from({ length: m }, (_, d) => {
    const tests = comparisons.map((_c, i) => testInputs(input(figuresA, i, d), input(figuresB, i, d)));
    return { tests, q: stats.benjaminiHochberg(tests.map((t) => t.p)) };
  });
  return comparisons.map((comparison, i): ComparisonDiff => {
    const a = evalA.results[i];
    const b = evalB.results[i];
    if (!a || !b) throw new Error(`diffCrosswalk: no result for ${comparison.id}`);
    const t = perDraw[0]?.tests[i] ?? { valueA: null, valueB: null, method: "none", statistic: null, p: null, reason: "noData" };
    const test = describeDifference(t, locale);
    const q = perDraw[0]?.q[i] ?? null;
    const k = perDraw.filter((d) => (d.q[i] ?? 1) < ALPHA).length;
    const finding = differenceFinding(k, m, t.p !== null);
    const difference = t.valueA !== null && t.valueB !== null ? t.valueA - t.valueB : null;
    const flips = a.verdict !== b.verdict && a.verdict !== "depends" && b.verdict !== "depends";
    const isR = t.method === "Fisher z";
    const show = (v: number | null): string => (v === null ? "–" : isR ? `r = ${formatNumber(locale, v, 2)}` : localPct(v, locale));
    const what = words.cwDiffWhat(t.method === "z test of the difference of differences" ? "group gap" : isR ? "correlation" : "share");
    const across = m > 1 ? words.cwDiffAcross(k, m) : "";
    const va = words.cwVerdict(a.verdict), vb = words.cwVerdict(b.verdict);
    const verdicts = words.cwDiffVerdicts(flips ? "flips" : a.verdict === b.verdict ? "same" : "differs", va, vb);
    const explanation = t.p === null
      ? words.cwDiffUntestable(sideA.label, va, sideB.label, vb, test)
      : words.cwDiffExplain({ what, a: show(t.valueA), la: sideA.label, b: show(t.valueB), lb: sideB.label, test, q: localP(q, locale, "BH q"), finding: words.cwDiffFinding(finding), across, verdicts });
    return { id: comparison.id, comparison, labels: [sideA.label, sideB.label], a, b, valueA: t.valueA, valueB: t.valueB, difference, method: t.method, test, p: t.p, q, significantIn: { k, m }, finding, flips, explanation };
  });
}

/**
 * The crosswalk's evaluation and what-if as they were before the draws' figures became typed
 * columns (c79fdf0, evaluate-crosswalk.ts and crosswalk-diff.ts): every draw's measurements kept as
 * objects, each comparison's verdict and spread gathered from them one row at a time. Kept here
 * only so `crosswalk-columns.test.ts` can hold the one-pass path to it figure by figure.
 */
import { codebookKey, DEFAULT_LOCALE, formatNumber, messages, type Locale } from "../../../src/base/locale/locale";
import type { Codebook } from "../../../src/data/codebook";
import * as stats from "../../../src/stats/index";
import type { Audit, ColumnSource, FilterCondition } from "../../../src/stats/index";
import type { Comparison } from "../../../src/analysis/crosswalk/crosswalk-spec";
import { auditCount, crosswalkCounter, reAudit, restrictionConditions, toSource, type CrosswalkData } from "../../../src/analysis/crosswalk/crosswalk-counts";
import { ensembleVerdict } from "../../../src/analysis/crosswalk/crosswalk-ensemble";
import type { DrawVerdict, Verdict } from "../../../src/analysis/crosswalk/crosswalk-ensemble";
import { describeTest, explainEnsemble, explainNumbers, keyFigure, localP, localPct, shownDraw } from "../../../src/analysis/crosswalk/explain-comparison";
import { measureComparison, planComparison, type MeasureContext, type Measured } from "../../../src/analysis/crosswalk/measure-comparison";
import { isThesisRefError, resolveThesisRef, thesisNumber } from "../../../src/analysis/crosswalk/crosswalk-thesis";
import type { BaseResult, ComparisonResult, CrosswalkEvaluation, EvaluateOptions } from "../../../src/analysis/crosswalk/evaluate-crosswalk";
import { describeDifference, testDifference, type ComparisonDiff, type DifferenceFinding } from "../../../src/analysis/crosswalk/crosswalk-diff";
import { FINDING_SHARE } from "../../../src/analysis/evidence/evidence";

const ALPHA = 0.05;
const MIN_BASE = 10;

function drawVerdict(m: Measured, q: number | null): DrawVerdict {
  if (m.notComparable !== null || q === null || m.expected === null) return "not comparable";
  if (q >= ALPHA) return "open";
  return m.expected ? "agrees" : "contrasts";
}

/** One draw: every comparison measured and BH-adjusted on each base. */
export interface OldDrawResult {
  measured: Measured[];
  q: (number | null)[];
  qReport: (number | null)[];
}

function judgeable(m: Measured): number | null {
  return m.notComparable === null ? m.p : null;
}

function evaluateDraw(comparisons: readonly Comparison[], data: CrosswalkData, contexts: readonly MeasureContext[]): OldDrawResult {
  const counter = crosswalkCounter(data);
  const measured = comparisons.map((c, i) => measureComparison(c, counter, contexts[i] ?? { minBase: MIN_BASE }));
  return {
    measured,
    q: stats.benjaminiHochberg(measured.map(judgeable)),
    qReport: stats.benjaminiHochberg(measured.map((m) => judgeable(m.report ?? m))),
  };
}

function contextOf(c: Comparison, options: EvaluateOptions): MeasureContext {
  const base = { minBase: options.minBase ?? MIN_BASE, plan: planComparison(c) };
  if (c.measure.kind !== "diffusion" || !options.thesis) return base;
  const later = thesisNumber(options.thesis, c.measure.laterNumber);
  return later ? { ...base, later: { value: later.value / 100, label: `${later.value} % in ${later.year ?? "later"} (${later.source})` } } : base;
}

function auditOf(c: Comparison, source: ColumnSource, n: number, test: string, codebook: Codebook | undefined, locale: Locale): Audit {
  const m = c.measure;
  const where: FilterCondition[] = restrictionConditions(m.among);
  const among = (m.among ?? []).map((r) => r.label).join(", ");
  const base = messages[locale].cwAuditBase;
  const language = codebookKey(locale);
  switch (m.kind) {
    case "correlation":
      return stats.pearson(source, m.x.variable, m.y.variable, { codebook, language, where: [...where, { variable: m.x.variable, codes: m.x.valid }, { variable: m.y.variable, codes: m.y.valid }] }).audit;
    case "groups":
      return reAudit(auditCount(source, m.outcome, [...where, { variable: m.by, codes: [...m.a.codes, ...m.b.codes] }], codebook, locale).audit, n, base("groups", m.outcome.variable, m.by, among), test);
    case "size-trend":
      return reAudit(auditCount(source, m.outcome, [...where, { variable: "size_class", codes: [1, 2, 3, 4, 5, 6] }], codebook, locale).audit, n, base("size-class", m.outcome.variable, "", among), test);
    default:
      return reAudit(auditCount(source, m.outcome, where, codebook, locale).audit, n, base("valid", m.outcome.variable, "", among), test);
  }
}

const NOTHING: Measured = { numbers: null, n: 0, p: null, expected: null, notComparable: { kind: "nothing-measured" } };

function baseResult(c: Comparison, pick: (d: OldDrawResult) => { m: Measured; q: number | null }, draws: readonly OldDrawResult[], ensemble: boolean, locale: Locale): BaseResult {
  const perDraw = draws.map(pick);
  const verdicts = perDraw.map(({ m, q }) => drawVerdict(m, q));
  const first = perDraw[0] ?? { m: NOTHING, q: null };
  const e = ensembleVerdict({ verdicts, key: perDraw.map(({ m }) => keyFigure(m.numbers).value), p: perDraw.map(({ m }) => m.p), q: perDraw.map(({ q }) => q) }, ensemble);
  const own = verdicts[0] ?? "not comparable";
  const numbers = first.m.numbers;
  const why = first.m.notComparable;
  const notComparable = why === null ? null : messages[locale].cwNotComparable(why);
  const explanation = numbers === null
    ? (notComparable ?? "")
    : `${shownDraw(e, locale)}${notComparable ?? explainNumbers(c, numbers, own, first.q, locale)} ${explainEnsemble(e, keyFigure(numbers, locale), locale)}`;
  return { verdict: e.verdict, drawVerdict: own, ensemble: e, numbers, n: first.m.n, p: first.m.p, q: first.q, test: describeTest(numbers, locale), explanation };
}

/** Every comparison measured on `data` and on each further draw (the old per-draw objects). */
export function oldMeasureDraws(data: CrosswalkData, comparisons: readonly Comparison[], options: EvaluateOptions): { draws: OldDrawResult[]; ensemble: boolean } {
  const contexts = comparisons.map((c) => contextOf(c, options));
  const ensemble = options.draws !== undefined && options.draws.length > 0;
  const others = ensemble ? (options.draws ?? []).slice(1) : [];
  return { draws: [evaluateDraw(comparisons, data, contexts), ...others.map((d) => evaluateDraw(comparisons, d, contexts))], ensemble };
}

/** The verdicts, texts and tally from the old per-draw objects. */
export function oldJudgeDraws(data: CrosswalkData, comparisons: readonly Comparison[], measured: { draws: OldDrawResult[]; ensemble: boolean }, options: EvaluateOptions): CrosswalkEvaluation {
  const source = toSource(data);
  const { draws, ensemble } = measured;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const results = comparisons.map((c, i): ComparisonResult => {
    const answered = baseResult(c, (d) => ({ m: d.measured[i] ?? NOTHING, q: d.q[i] ?? null }), draws, ensemble, locale);
    const outcome = c.measure.kind === "correlation" ? null : c.measure.outcome;
    const reportTable = outcome?.base === "valid" && draws[0]?.measured[i]?.report ? outcome.reportBase?.table : undefined;
    const report = reportTable === undefined ? undefined : { ...baseResult(c, (d) => ({ m: d.measured[i]?.report ?? NOTHING, q: d.qReport[i] ?? null }), draws, ensemble, locale), table: reportTable };
    const evidence = options.thesis ? resolveThesisRef(options.thesis, c.thesis) : undefined;
    let audit: Audit | null | undefined;
    const parts = (): Audit | null => (audit === undefined ? (audit = answered.numbers === null ? null : auditOf(c, source, answered.n, describeTest(answered.numbers, locale), options.codebook, locale)) : audit);
    return {
      id: c.id,
      comparison: c,
      ...answered,
      get auditParts(): Audit | null {
        return parts();
      },
      get audit(): string {
        return parts()?.line ?? "";
      },
      ...(report ? { reportBase: report } : {}),
      ...(evidence && !isThesisRefError(evidence) ? { thesis: evidence } : {}),
    };
  });
  const tally: Record<Verdict, number> = { agrees: 0, contrasts: 0, open: 0, "not comparable": 0, depends: 0 };
  for (const r of results) tally[r.verdict]++;
  return {
    results,
    tally,
    verdicts: Object.fromEntries(results.map((r) => [r.id, r.verdict])),
    draws: draws.length,
    basis: ensemble ? "ensemble" : "your-data",
    tested: (draws[0]?.q ?? []).filter((q) => q !== null).length,
  };
}

/** The old evaluateCrosswalk. */
export function oldEvaluateCrosswalk(data: CrosswalkData, comparisons: readonly Comparison[], options: EvaluateOptions): CrosswalkEvaluation {
  const source = toSource(data);
  return oldJudgeDraws(source, comparisons, oldMeasureDraws(source, comparisons, options), options);
}

/** One side of the old what-if. */
export interface OldDiffSide {
  label: string;
  data: CrosswalkData;
  draws?: readonly CrosswalkData[];
}

function differenceFinding(k: number, m: number, testable: boolean): DifferenceFinding {
  if (!testable) return "untestable";
  if (k >= FINDING_SHARE * m) return "significant";
  if (m - k >= FINDING_SHARE * m) return "not significant";
  return "depends";
}

/** The old diffCrosswalk: per-draw difference tests read from the per-draw objects. */
export function oldDiffCrosswalk(sideA: OldDiffSide, sideB: OldDiffSide, comparisons: readonly Comparison[], options: Omit<EvaluateOptions, "draws">): ComparisonDiff[] {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const words = messages[locale];
  const side = (s: OldDiffSide) => {
    const opts = { ...options, ...(s.draws ? { draws: s.draws } : {}) };
    const measured = oldMeasureDraws(s.data, comparisons, opts);
    return { draws: measured.draws, evaluation: oldJudgeDraws(s.data, comparisons, measured, opts) };
  };
  const { draws: drawsA, evaluation: evalA } = side(sideA);
  const { draws: drawsB, evaluation: evalB } = side(sideB);
  const m = Math.min(drawsA.length, drawsB.length);
  const perDraw = Array.from({ length: m }, (_, d) => {
    const tests = comparisons.map((_c, i) => testDifference(drawsA[d]?.measured[i]?.numbers ?? null, drawsB[d]?.measured[i]?.numbers ?? null));
    return { tests, q: stats.benjaminiHochberg(tests.map((t) => t.p)) };
  });
  return comparisons.map((comparison, i): ComparisonDiff => {
    const a = evalA.results[i];
    const b = evalB.results[i];
    if (!a || !b) throw new Error(`oldDiffCrosswalk: no result for ${comparison.id}`);
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

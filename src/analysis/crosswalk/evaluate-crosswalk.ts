/**
 * The crosswalk, evaluated: every comparison of `crosswalk-spec.ts` measured on the (filtered)
 * respondents of every reconstruction, and its verdict computed from the numbers.
 *
 * On each draw: every comparison's test gives a two-sided p (measure-comparison.ts); the p-values of
 * all comparisons that can be judged are adjusted together with Benjamini–Hochberg; a comparison
 * agrees when its adjusted q < .05 with the estimate on the side the thesis expects, contrasts when
 * q < .05 on the other side, is open otherwise, and is not comparable when a variable is absent, the
 * base is below `minBase` (default 10) or the test cannot be computed.
 *
 * Across draws (crosswalk-ensemble.ts): the verdict stands when it holds in ≥ 95 % of the
 * reconstructions, else it "depends on the reconstruction". On a user's own file (no draws) it is
 * the file's own verdict, marked "your data". The report's base ("vet ikke" kept in, where the
 * printed table does so) is evaluated the same way beside the answered base.
 */
import { codebookKey, DEFAULT_LOCALE, messages, type Locale } from "../../base/locale/locale";
import type { Codebook } from "../../data/codebook";
import type { ThesisData } from "../../data/thesis";
import * as stats from "../../stats/index";
import type { Audit, ColumnSource, FilterCondition } from "../../stats/index";
import { CROSSWALK, type Comparison } from "./crosswalk-spec";
import { auditCount, crosswalkCounter, reAudit, restrictionConditions, toSource, type CrosswalkData } from "./crosswalk-counts";
import { ensembleVerdict, type DrawVerdict, type EnsembleVerdict, type Verdict } from "./crosswalk-ensemble";
import { describeTest, explainEnsemble, explainNumbers, keyFigure, shownDraw } from "./explain-comparison";
import { measureComparison, planComparison, type ComparisonNumbers, type MeasureContext, type Measured } from "./measure-comparison";
import { isThesisRefError, resolveThesisRef, thesisNumber, type ThesisEvidence } from "./crosswalk-thesis";

export type { DrawVerdict, Verdict } from "./crosswalk-ensemble";
export { VERDICTS } from "./crosswalk-ensemble";
export type { ComparisonNumbers, ShareNumbers, GroupNumbers, TrendNumbers, CorrelationNumbers, TrendClass, GroupSide } from "./measure-comparison";

/** Level of the Benjamini–Hochberg-adjusted tests. */
export const ALPHA = 0.05;
/** Default minimum valid base below which a comparison is not comparable. */
export const MIN_BASE = 10;

/** A verdict on one base, over the ensemble, with the canonical draw's numbers. */
export interface BaseResult {
  verdict: Verdict;
  /** The verdict on this draw alone (the canonical reconstruction, or the user's file). */
  drawVerdict: DrawVerdict;
  ensemble: EnsembleVerdict;
  numbers: ComparisonNumbers | null;
  n: number;
  /** The test's p, and its Benjamini–Hochberg q across the comparisons, on this draw. */
  p: number | null;
  q: number | null;
  /** The test in words with its statistic. */
  test: string;
  explanation: string;
}

export interface ComparisonResult extends BaseResult {
  id: string;
  comparison: Comparison;
  /**
   * The statistics core's audit (N, base, filters, missing values, test) as data, in the
   * evaluation's language; the shared view hides its counts from these parts, not from the text.
   */
  auditParts: Audit | null;
  /** The same as one line (`auditParts.line`; "" when nothing was measured). */
  audit: string;
  /** The same on the report's base ("vet ikke" kept in), when the printed table does so. */
  reportBase?: BaseResult & { table: string };
  /** What the thesis says, when thesis data was given. */
  thesis?: ThesisEvidence;
}

export interface EvaluateOptions {
  codebook?: Codebook;
  /** Needed for diffusion comparisons (the later national figures) and for the quotes. */
  thesis?: ThesisData;
  minBase?: number;
  /**
   * The same selection on every reconstruction, `data` first ([data, draw 1, …]); absent for a
   * user's own file, whose verdicts are marked "your data".
   */
  draws?: readonly CrosswalkData[];
  /** The language of the explanations, the tests in words and the audit line (default norsk). */
  locale?: Locale;
}

export interface CrosswalkOptions extends EvaluateOptions {
  comparisons?: readonly Comparison[];
}

export interface CrosswalkEvaluation {
  results: ComparisonResult[];
  /** How many comparisons got each verdict. */
  tally: Record<Verdict, number>;
  /** id → verdict, JSON-ready (headless runs compare these). */
  verdicts: Record<string, Verdict>;
  /** Reconstructions evaluated (1 on a user's own file). */
  draws: number;
  /** "ensemble" for the bundled survey, "your-data" for a loaded file. */
  basis: "ensemble" | "your-data";
  /** Tests adjusted together by Benjamini–Hochberg on the canonical draw. */
  tested: number;
  /** The selection is narrowed by county or size class: a shared view masks its small counts. */
  disclosureSensitive?: boolean;
}

/** The verdict of one measurement given its adjusted q. */
export function drawVerdict(m: Measured, q: number | null): DrawVerdict {
  if (m.notComparable !== null || q === null || m.expected === null) return "not comparable";
  if (q >= ALPHA) return "open";
  return m.expected ? "agrees" : "contrasts";
}

/** One draw: every comparison measured and BH-adjusted on each base. */
export interface DrawResult {
  measured: Measured[];
  q: (number | null)[];
  qReport: (number | null)[];
}

function judgeable(m: Measured): number | null {
  return m.notComparable === null ? m.p : null;
}

function evaluateDraw(comparisons: readonly Comparison[], data: CrosswalkData, contexts: readonly MeasureContext[]): DrawResult {
  const counter = crosswalkCounter(data);
  const measured = comparisons.map((c, i) => measureComparison(c, counter, contexts[i] ?? { minBase: MIN_BASE }));
  // One family per base: on the report's base, a comparison without one keeps its answered test.
  return {
    measured,
    q: stats.benjaminiHochberg(measured.map(judgeable)),
    qReport: stats.benjaminiHochberg(measured.map((m) => judgeable(m.report ?? m))),
  };
}

/** What measuring a comparison needs on every draw: its compiled count, the later figure, the smallest base. */
function contextOf(c: Comparison, options: EvaluateOptions): MeasureContext {
  const base = { minBase: options.minBase ?? MIN_BASE, plan: planComparison(c) };
  if (c.measure.kind !== "diffusion" || !options.thesis) return base;
  const later = thesisNumber(options.thesis, c.measure.laterNumber);
  return later ? { ...base, later: { value: later.value / 100, label: `${later.value} % in ${later.year ?? "later"} (${later.source})` } } : base;
}

/** The kernels' audit of the canonical draw's count in `locale`, with the base and test of the result. */
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

/** What a draw without the comparison's numbers measures (never reached: every draw measures every comparison). */
const NOTHING: Measured = { numbers: null, n: 0, p: null, expected: null, notComparable: { kind: "nothing-measured" } };

function baseResult(c: Comparison, pick: (d: DrawResult) => { m: Measured; q: number | null }, draws: readonly DrawResult[], ensemble: boolean, locale: Locale): BaseResult {
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

/**
 * Every comparison measured on `data` and on each further draw of `options.draws` (draw 0 is `data`
 * itself): the per-draw material that verdicts and what-if differences are made from.
 */
export function measureDraws(data: CrosswalkData, comparisons: readonly Comparison[], options: EvaluateOptions): { draws: DrawResult[]; ensemble: boolean } {
  const contexts = comparisons.map((c) => contextOf(c, options));
  const ensemble = options.draws !== undefined && options.draws.length > 0;
  const others = ensemble ? (options.draws ?? []).slice(1) : [];
  return { draws: [evaluateDraw(comparisons, data, contexts), ...others.map((d) => evaluateDraw(comparisons, d, contexts))], ensemble };
}

/** Evaluate every comparison (default: the whole CROSSWALK) on `data`, over `options.draws` when given. */
export function evaluateCrosswalk(data: CrosswalkData, options: CrosswalkOptions = {}): CrosswalkEvaluation {
  const comparisons = options.comparisons ?? CROSSWALK;
  const source = toSource(data);
  return judgeDraws(source, comparisons, measureDraws(source, comparisons, options), options);
}

/** The verdicts, texts and tally from measured draws (`measureDraws` of the same data and comparisons). */
export function judgeDraws(data: CrosswalkData, comparisons: readonly Comparison[], measured: { draws: DrawResult[]; ensemble: boolean }, options: EvaluateOptions): CrosswalkEvaluation {
  const source = toSource(data);
  const { draws, ensemble } = measured;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const results = comparisons.map((c, i): ComparisonResult => {
    const answered = baseResult(c, (d) => ({ m: d.measured[i] ?? NOTHING, q: d.q[i] ?? null }), draws, ensemble, locale);
    const outcome = c.measure.kind === "correlation" ? null : c.measure.outcome;
    const reportTable = outcome?.base === "valid" && draws[0]?.measured[i]?.report ? outcome.reportBase?.table : undefined;
    const report = reportTable === undefined ? undefined : { ...baseResult(c, (d) => ({ m: d.measured[i]?.report ?? NOTHING, q: d.qReport[i] ?? null }), draws, ensemble, locale), table: reportTable };
    const evidence = options.thesis ? resolveThesisRef(options.thesis, c.thesis) : undefined;
    // The audit asks the kernels again, in the evaluation's language; made when first read (the
    // table reads it, the what-if does not).
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

/** Evaluate one comparison on `data` (a table, filter view, columns or plain rows); a family of one for BH. */
export function evaluateComparison(comparison: Comparison, data: CrosswalkData, options: EvaluateOptions = {}): ComparisonResult {
  const result = evaluateCrosswalk(data, { ...options, comparisons: [comparison] }).results[0];
  if (!result) throw new Error(`evaluateCrosswalk returned no result for ${comparison.id}`);
  return result;
}

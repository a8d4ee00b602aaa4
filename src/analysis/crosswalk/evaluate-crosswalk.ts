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
import { drawFigures, drawVerdictAt, orNull, recordDraw, type BaseFigures, type DrawFigures } from "./draw-figures";
import { describeTest, explainEnsemble, explainNumbers, keyFigure, shownDraw } from "./explain-comparison";
import { countComparison, countsKey, measureCounted, measureVariables, outcomeOf, pairsWhere, planComparison, type ComparisonNumbers, type MeasureContext, type Measured } from "./measure-comparison";
import { isThesisRefError, resolveThesisRef, thesisNumber, type ThesisEvidence } from "./crosswalk-thesis";

export type { DrawVerdict, Verdict } from "./crosswalk-ensemble";
export { VERDICTS } from "./crosswalk-ensemble";
export type { ComparisonNumbers, ShareNumbers, GroupNumbers, TrendNumbers, CorrelationNumbers, TrendClass, GroupSide } from "./measure-comparison";

export { ALPHA } from "./draw-figures";
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

/** What measuring a comparison needs on every draw: its compiled count, the later figure, the smallest base. */
function contextOf(c: Comparison, options: EvaluateOptions): MeasureContext {
  const m = c.measure;
  const base = { minBase: options.minBase ?? MIN_BASE, plan: planComparison(c), variables: measureVariables(m), ...(m.kind === "correlation" ? { pairsWhere: pairsWhere(m) } : {}) };
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

/** Draw 0's measurements in full (the words), and every draw's figures as columns. */
export interface MeasuredDraws {
  first: readonly Measured[];
  figures: DrawFigures;
  ensemble: boolean;
}

/** The column's values over the draws, NaN as null (what the evidence vocabulary classifies). */
function series(column: Float64Array): (number | null)[] {
  return Array.from(column, orNull);
}

/** One base's verdict over the draws from its columns, and the words from draw 0's measurement. */
function baseResult(c: Comparison, f: BaseFigures, first: Measured, ensemble: boolean, locale: Locale): BaseResult {
  const verdicts: DrawVerdict[] = [];
  for (let d = 0; d < f.p.length; d++) verdicts.push(drawVerdictAt(f, d));
  const q0 = orNull(f.q[0]);
  const e = ensembleVerdict({ verdicts, key: series(f.key), p: series(f.p), q: series(f.q) }, ensemble);
  const own = verdicts[0] ?? "not comparable";
  const numbers = first.numbers;
  const why = first.notComparable;
  const notComparable = why === null ? null : messages[locale].cwNotComparable(why);
  const explanation = numbers === null
    ? (notComparable ?? "")
    : `${shownDraw(e, locale)}${notComparable ?? explainNumbers(c, numbers, own, q0, locale)} ${explainEnsemble(e, keyFigure(numbers, locale), locale)}`;
  return { verdict: e.verdict, drawVerdict: own, ensemble: e, numbers, n: first.n, p: first.p, q: q0, test: describeTest(numbers, locale), explanation };
}

/** Whether a comparison's measurement has a report's base beside the answered one (`measureComparison`'s `both`). */
function hasReportBase(c: Comparison): boolean {
  const outcome = outcomeOf(c.measure);
  return outcome?.base === "valid" && outcome.reportBase !== undefined;
}

/**
 * Every comparison measured on `data` and on each further draw of `options.draws` (draw 0 is `data`
 * itself), in one pass over the draws: each draw's comparisons counted, measured (once per distinct
 * counts) and written into the columns (`recordDraw`); only draw 0's measurements are kept, for the words.
 */
export function measureDraws(data: CrosswalkData, comparisons: readonly Comparison[], options: EvaluateOptions): MeasuredDraws {
  const steps = measuringDraws(data, comparisons, options, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `measureDraws` in steps: it pauses after every `drawsPerStep` draws and returns the same
 * measurements at its end (a spare frame measures ahead this way, a few draws per task:
 * warm-crosswalk.ts).
 */
export function* measuringDraws(data: CrosswalkData, comparisons: readonly Comparison[], options: EvaluateOptions, drawsPerStep: number): Generator<void, MeasuredDraws> {
  const contexts = comparisons.map((c) => contextOf(c, options));
  const ensemble = options.draws !== undefined && options.draws.length > 0;
  const sources = [data, ...(ensemble ? (options.draws ?? []).slice(1) : [])];
  const figures = drawFigures(sources.length, comparisons.map(hasReportBase));
  // Per comparison, its measurement by counts: a draw with counts seen before (every draw of a
  // determined comparison, many of the others) takes that measurement instead of testing again.
  const seen = comparisons.map(() => new Map<string, Measured>());
  let first: Measured[] = [];
  for (const [d, source] of sources.entries()) {
    if (d > 0 && d % drawsPerStep === 0) yield;
    const counter = crosswalkCounter(source);
    const measured = comparisons.map((c, i) => {
      const ctx = contexts[i] ?? { minBase: MIN_BASE };
      const counts = countComparison(c, counter, ctx);
      const key = countsKey(counts);
      const known = key === null ? undefined : seen[i]?.get(key);
      if (known) return known;
      const made = measureCounted(c, counts, ctx);
      if (key !== null) seen[i]?.set(key, made);
      return made;
    });
    recordDraw(figures, d, measured);
    if (d === 0) first = measured;
  }
  return { first, figures, ensemble };
}

/** Where each comparison's thesis evidence is: resolved once per thesis (it does not depend on the draws). */
const thesisEvidence = new WeakMap<ThesisData, Map<Comparison, ThesisEvidence | null>>();

function evidenceFor(thesis: ThesisData, c: Comparison): ThesisEvidence | null {
  let byComparison = thesisEvidence.get(thesis);
  if (!byComparison) thesisEvidence.set(thesis, (byComparison = new Map()));
  let evidence = byComparison.get(c);
  if (evidence === undefined) {
    const resolved = resolveThesisRef(thesis, c.thesis);
    byComparison.set(c, (evidence = isThesisRefError(resolved) ? null : resolved));
  }
  return evidence;
}

/** Evaluate every comparison (default: the whole CROSSWALK) on `data`, over `options.draws` when given. */
export function evaluateCrosswalk(data: CrosswalkData, options: CrosswalkOptions = {}): CrosswalkEvaluation {
  const comparisons = options.comparisons ?? CROSSWALK;
  const source = toSource(data);
  return judgeDraws(source, comparisons, measureDraws(source, comparisons, options), options);
}

/** The verdicts, texts and tally from measured draws (`measureDraws` of the same data and comparisons). */
export function judgeDraws(data: CrosswalkData, comparisons: readonly Comparison[], measured: MeasuredDraws, options: EvaluateOptions): CrosswalkEvaluation {
  const source = toSource(data);
  const { first, figures, ensemble } = measured;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const results = comparisons.map((c, i): ComparisonResult => {
    const m0 = first[i] ?? NOTHING;
    const answeredFigures = figures.answered[i];
    if (!answeredFigures) throw new Error(`judgeDraws: no figures for ${c.id}`);
    const answered = baseResult(c, answeredFigures, m0, ensemble, locale);
    const outcome = c.measure.kind === "correlation" ? null : c.measure.outcome;
    const reportTable = outcome?.base === "valid" && m0.report ? outcome.reportBase?.table : undefined;
    const reportFigures = figures.report[i];
    const report = reportTable === undefined || !reportFigures ? undefined : { ...baseResult(c, reportFigures, m0.report ?? NOTHING, ensemble, locale), table: reportTable };
    const evidence = options.thesis ? evidenceFor(options.thesis, c) : null;
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
      ...(evidence ? { thesis: evidence } : {}),
    };
  });
  const tally: Record<Verdict, number> = { agrees: 0, contrasts: 0, open: 0, "not comparable": 0, depends: 0 };
  for (const r of results) tally[r.verdict]++;
  return {
    results,
    tally,
    verdicts: Object.fromEntries(results.map((r) => [r.id, r.verdict])),
    draws: figures.draws,
    basis: ensemble ? "ensemble" : "your-data",
    tested: figures.answered.filter((f) => !Number.isNaN(f.q[0] ?? Number.NaN)).length,
  };
}

/** Evaluate one comparison on `data` (a table, filter view, columns or plain rows); a family of one for BH. */
export function evaluateComparison(comparison: Comparison, data: CrosswalkData, options: EvaluateOptions = {}): ComparisonResult {
  const result = evaluateCrosswalk(data, { ...options, comparisons: [comparison] }).results[0];
  if (!result) throw new Error(`evaluateCrosswalk returned no result for ${comparison.id}`);
  return result;
}

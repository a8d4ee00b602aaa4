/**
 * The crosswalk, evaluated: each comparison of `crosswalk-spec.ts` run on the (filtered)
 * respondents with the statistics core, and its verdict computed from the numbers:
 *
 * - share / diffusion: agrees when the 95 % Wilson interval lies entirely on the expected side of
 *   the threshold (0.5, or the later national figure), contrasts when entirely on the other side,
 *   open when it straddles;
 * - groups (Pearson χ² on the 2×2), size trend (Cochran–Armitage), correlation (Pearson r): agrees
 *   when p < .05 in the expected direction, contrasts when p < .05 the other way, open otherwise;
 * - not comparable when a variable is absent from the loaded data or the base is below `minBase`
 *   (default 10), or the test cannot be computed.
 */
import type { Codebook } from "../../data/codebook";
import type { ThesisData } from "../../data/thesis";
import * as stats from "../../stats/index";
import type { FilterCondition, Interval } from "../../stats/index";
import { CROSSWALK, type Comparison, type Measure } from "./crosswalk-spec";
import { countOutcome, hasVariable, reAudit, restrictionConditions, toSource, type CrosswalkData } from "./crosswalk-counts";
import { isThesisRefError, resolveThesisRef, thesisNumber, type ThesisEvidence } from "./crosswalk-thesis";

export type Verdict = "agrees" | "contrasts" | "open" | "not comparable";

/** The verdicts in display order. */
export const VERDICTS: readonly Verdict[] = ["agrees", "contrasts", "open", "not comparable"];

/** Significance level for the tests. */
export const ALPHA = 0.05;
/** Default minimum valid base below which a comparison is not comparable. */
export const MIN_BASE = 10;

export interface ShareNumbers { kind: "share" | "diffusion"; x: number; n: number; share: number | null; interval: Interval | null; threshold: number; laterLabel?: string }
export interface GroupSide { label: string; x: number; n: number; share: number | null }
export interface GroupNumbers { kind: "groups"; a: GroupSide; b: GroupSide; difference: number | null; chi2: number | null; df: number; p: number | null }
export interface TrendClass { sizeClass: number; x: number; n: number; share: number | null; interval: Interval | null }
export interface TrendNumbers { kind: "size-trend"; classes: TrendClass[]; x: number; n: number; share: number | null; z: number | null; p: number | null }
export interface CorrelationNumbers { kind: "correlation"; r: number | null; n: number; p: number | null }
export type ComparisonNumbers = ShareNumbers | GroupNumbers | TrendNumbers | CorrelationNumbers;

export interface ComparisonResult {
  id: string;
  comparison: Comparison;
  verdict: Verdict;
  /** Null when the data lacked a variable (nothing was computed). */
  numbers: ComparisonNumbers | null;
  /** The test or interval used, in words with its statistic. */
  test: string;
  /** The base the verdict rests on. */
  n: number;
  /** The statistics core's audit line (N, base, filters, missing values, test). */
  audit: string;
  /** One sentence generated from the numbers. */
  explanation: string;
  /** What the thesis says, when thesis data was given. */
  thesis?: ThesisEvidence;
}

export interface EvaluateOptions {
  codebook?: Codebook;
  /** Needed for diffusion comparisons (the later national figures) and for the quotes. */
  thesis?: ThesisData;
  minBase?: number;
}

/** A share as a whole percent, "64 %"; "–" when undefined. */
export const pct = (x: number | null, digits = 0): string => (x === null ? "–" : `${(100 * x).toFixed(digits)} %`);
/** An interval of shares, "58–70 %". */
export const pctRange = (i: Interval): string => `${(100 * i.low).toFixed(0)}–${(100 * i.high).toFixed(0)} %`;

/** Verdict of a share: where its interval lies relative to the threshold. */
export function shareVerdict(interval: Interval, threshold: number, expect: "above" | "below"): Verdict {
  const side = interval.low > threshold ? "above" : interval.high < threshold ? "below" : null;
  if (side === null) return "open";
  return side === expect ? "agrees" : "contrasts";
}

/** Verdict of a test: significant in the expected direction, against it, or neither. */
export function testVerdict(p: number | null, expectedDirection: boolean | null): Verdict {
  if (p === null || expectedDirection === null) return "not comparable";
  if (p >= ALPHA) return "open";
  return expectedDirection ? "agrees" : "contrasts";
}

const fmtP = (p: number | null): string => (p === null ? "p n/a" : stats.formatP(p).startsWith("<") ? `p ${stats.formatP(p)}` : `p = ${stats.formatP(p)}`);

function measureVariables(m: Measure): string[] {
  const among = (m.among ?? []).map((r) => r.variable);
  switch (m.kind) {
    case "groups": return [m.outcome.variable, m.by, ...among];
    case "size-trend": return [m.outcome.variable, "size_class", ...among];
    case "correlation": return [m.x.variable, m.y.variable, ...among];
    default: return [m.outcome.variable, ...among];
  }
}

function notComparable(c: Comparison, reason: string, rest: Partial<ComparisonResult> = {}): ComparisonResult {
  return { id: c.id, comparison: c, verdict: "not comparable", numbers: null, test: "none", n: 0, audit: "", explanation: reason, ...rest };
}

const VERDICT_PHRASE: Record<Verdict, string> = {
  agrees: "the survey agrees with the thesis",
  contrasts: "the survey contrasts with the thesis",
  open: "the survey leaves it open",
  "not comparable": "the two cannot be compared",
};

function evaluateShare(c: Comparison, m: Extract<Measure, { kind: "share" | "diffusion" }>, data: ReturnType<typeof toSource>, where: FilterCondition[], o: EvaluateOptions, minBase: number): ComparisonResult {
  let threshold = m.kind === "share" ? (m.threshold ?? 0.5) : Number.NaN;
  let laterLabel: string | undefined;
  if (m.kind === "diffusion") {
    const later = o.thesis ? thesisNumber(o.thesis, m.laterNumber) : undefined;
    if (!later) return notComparable(c, `The later figure "${m.laterNumber}" is not available: pass the thesis data (thesis.json) to evaluate diffusion.`);
    threshold = later.value / 100;
    laterLabel = `${later.value} % in ${later.year ?? "later"} (${later.source})`;
  }
  const count = countOutcome(data, m.outcome, where, o.codebook);
  const share = count.n > 0 ? count.x / count.n : null;
  const interval = stats.wilsonInterval(count.x, count.n);
  const numbers: ShareNumbers = { kind: m.kind, x: count.x, n: count.n, share, interval, threshold, ...(laterLabel ? { laterLabel } : {}) };
  const test = interval ? `Wilson 95 % interval ${pctRange(interval)} against ${pct(threshold)}` : "Wilson interval undefined (no base)";
  const audit = reAudit(count.audit, count.n, `valid ${m.outcome.variable}${m.among?.length ? " among " + m.among.map((r) => r.label).join(", ") : ""}`, test).line;
  if (count.n < minBase || !interval) {
    return { id: c.id, comparison: c, verdict: "not comparable", numbers, test, n: count.n, audit, explanation: `Only ${count.n} valid answer${count.n === 1 ? "" : "s"} (fewer than ${minBase}), too few to judge a share.` };
  }
  const verdict = shareVerdict(interval, threshold, m.expect);
  const place = verdict === "open" ? `straddles ${pct(threshold)}` : `lies entirely ${interval.low > threshold ? "above" : "below"} ${pct(threshold)}`;
  const explanation = `${pct(share)} of ${count.n} (${count.x} yes; 95 % CI ${pctRange(interval)}) ${place}; the thesis leads us to expect ${m.expect} ${pct(threshold)}, so ${VERDICT_PHRASE[verdict]}.`;
  return { id: c.id, comparison: c, verdict, numbers, test, n: count.n, audit, explanation };
}

function evaluateGroups(c: Comparison, m: Extract<Measure, { kind: "groups" }>, data: ReturnType<typeof toSource>, where: FilterCondition[], o: EvaluateOptions, minBase: number): ComparisonResult {
  const side = (label: string, codes: number[]) => {
    const count = countOutcome(data, m.outcome, [...where, { variable: m.by, codes, label: `${m.by} ∈ {${codes.join(", ")}}` }], o.codebook);
    return { label, x: count.x, n: count.n, share: count.n > 0 ? count.x / count.n : null, audit: count.audit };
  };
  const a = side(m.a.label, m.a.codes);
  const b = side(m.b.label, m.b.codes);
  const overall = countOutcome(data, m.outcome, [...where, { variable: m.by, codes: [...m.a.codes, ...m.b.codes] }], o.codebook);
  const tests = stats.chiSquareTests([[a.x, a.n - a.x], [b.x, b.n - b.x]]);
  const chi = tests.pearson;
  const difference = a.share !== null && b.share !== null ? a.share - b.share : null;
  const test = chi.value === null ? `Pearson χ² not computed (${chi.reason ?? "undefined"})` : `Pearson χ²(${chi.df}) = ${chi.value.toFixed(2)}, ${fmtP(chi.p)}`;
  const n = a.n + b.n;
  const audit = reAudit(overall.audit, n, `valid ${m.outcome.variable} in ${m.by} groups`, test).line;
  const numbers: GroupNumbers = { kind: "groups", a: { label: a.label, x: a.x, n: a.n, share: a.share }, b: { label: b.label, x: b.x, n: b.n, share: b.share }, difference, chi2: chi.value, df: chi.df, p: chi.p };
  if (n < minBase || a.n === 0 || b.n === 0) {
    return { id: c.id, comparison: c, verdict: "not comparable", numbers, test, n, audit, explanation: `The groups have ${a.n} and ${b.n} valid answers: too few (or one group empty) to compare.` };
  }
  const verdict = testVerdict(chi.p, difference === null ? null : m.expect === "a>b" ? difference > 0 : difference < 0);
  const explanation = `${pct(a.share)} of ${a.n} (${a.label}) against ${pct(b.share)} of ${b.n} (${b.label}), ${test}; the thesis leads us to expect the first ${m.expect === "a>b" ? "higher" : "lower"}, so ${VERDICT_PHRASE[verdict]}.`;
  return { id: c.id, comparison: c, verdict, numbers, test, n, audit, explanation };
}

function evaluateTrend(c: Comparison, m: Extract<Measure, { kind: "size-trend" }>, data: ReturnType<typeof toSource>, where: FilterCondition[], o: EvaluateOptions, minBase: number): ComparisonResult {
  const scores = [1, 2, 3, 4, 5, 6];
  const classes: TrendClass[] = scores.map((sizeClass) => {
    const count = countOutcome(data, m.outcome, [...where, { variable: "size_class", codes: [sizeClass] }], o.codebook);
    return { sizeClass, x: count.x, n: count.n, share: count.n > 0 ? count.x / count.n : null, interval: stats.wilsonInterval(count.x, count.n) };
  });
  const overall = countOutcome(data, m.outcome, [...where, { variable: "size_class", codes: scores }], o.codebook);
  const trend = stats.cochranArmitage(scores, classes.map((k) => k.x), classes.map((k) => k.n));
  const test = trend.statistic === null ? `${trend.method} not computed (${trend.reason ?? "undefined"})` : `${trend.method}: z = ${trend.statistic.toFixed(2)}, ${fmtP(trend.p)}`;
  const audit = reAudit(overall.audit, overall.n, `valid ${m.outcome.variable} with a size class${m.among?.length ? " among " + m.among.map((r) => r.label).join(", ") : ""}`, test).line;
  const share = overall.n > 0 ? overall.x / overall.n : null;
  const numbers: TrendNumbers = { kind: "size-trend", classes, x: overall.x, n: overall.n, share, z: trend.statistic, p: trend.p };
  if (overall.n < minBase || trend.statistic === null) {
    return { id: c.id, comparison: c, verdict: "not comparable", numbers, test, n: overall.n, audit, explanation: overall.n < minBase ? `Only ${overall.n} valid answers (fewer than ${minBase}), too few for a trend over size classes.` : `No trend can be tested: ${trend.reason ?? "undefined"}.` };
  }
  const verdict = testVerdict(trend.p, m.expect === "increasing" ? trend.statistic > 0 : trend.statistic < 0);
  const shown = classes.filter((k) => k.n > 0).map((k) => `${k.sizeClass}: ${pct(k.share)} of ${k.n}`).join(", ");
  const explanation = `By size class (${shown}) the share ${trend.statistic > 0 ? "rises" : "falls"} (${test}); the thesis leads us to expect it to ${m.expect === "increasing" ? "rise" : "fall"}, so ${VERDICT_PHRASE[verdict]}.`;
  return { id: c.id, comparison: c, verdict, numbers, test, n: overall.n, audit, explanation };
}

function evaluateCorrelation(c: Comparison, m: Extract<Measure, { kind: "correlation" }>, data: ReturnType<typeof toSource>, where: FilterCondition[], o: EvaluateOptions, minBase: number): ComparisonResult {
  const result = stats.pearson(data, m.x.variable, m.y.variable, {
    codebook: o.codebook,
    where: [...where, { variable: m.x.variable, codes: m.x.valid }, { variable: m.y.variable, codes: m.y.valid }],
  });
  const numbers: CorrelationNumbers = { kind: "correlation", r: result.r, n: result.n, p: result.p };
  const test = result.audit.test ?? "Pearson r";
  if (result.n < minBase || result.r === null) {
    return { id: c.id, comparison: c, verdict: "not comparable", numbers, test, n: result.n, audit: result.audit.line, explanation: result.r === null ? `No correlation: ${result.reason ?? "undefined"}.` : `Only ${result.n} respondents answered both (fewer than ${minBase}), too few for a correlation.` };
  }
  const verdict = testVerdict(result.p, m.expect === "positive" ? result.r > 0 : result.r < 0);
  const explanation = `r = ${result.r.toFixed(2)} over ${result.n} respondents (${fmtP(result.p)}); the thesis leads us to expect a ${m.expect} relation, so ${VERDICT_PHRASE[verdict]}.`;
  return { id: c.id, comparison: c, verdict, numbers, test, n: result.n, audit: result.audit.line, explanation };
}

/** Evaluate one comparison on `data` (a table, filter view, columns or plain rows). */
export function evaluateComparison(comparison: Comparison, data: CrosswalkData, options: EvaluateOptions = {}): ComparisonResult {
  const source = toSource(data);
  const evidence = options.thesis ? resolveThesisRef(options.thesis, comparison.thesis) : undefined;
  const thesisPart = evidence && !isThesisRefError(evidence) ? { thesis: evidence } : {};
  const m = comparison.measure;
  const missing = measureVariables(m).filter((v) => !hasVariable(source, v));
  if (missing.length) {
    return { ...notComparable(comparison, `The loaded data has no ${missing.join(", ")}, so this comparison cannot be computed. Load a file with ${missing.length === 1 ? "that column" : "those columns"}.`), ...thesisPart };
  }
  const where = restrictionConditions(m.among);
  const minBase = options.minBase ?? MIN_BASE;
  let result: ComparisonResult;
  switch (m.kind) {
    case "share":
    case "diffusion": result = evaluateShare(comparison, m, source, where, options, minBase); break;
    case "groups": result = evaluateGroups(comparison, m, source, where, options, minBase); break;
    case "size-trend": result = evaluateTrend(comparison, m, source, where, options, minBase); break;
    case "correlation": result = evaluateCorrelation(comparison, m, source, where, options, minBase); break;
  }
  return { ...result, ...thesisPart };
}

export interface CrosswalkEvaluation {
  results: ComparisonResult[];
  /** How many comparisons got each verdict. */
  tally: Record<Verdict, number>;
  /** id → verdict, JSON-ready (headless runs compare these). */
  verdicts: Record<string, Verdict>;
}

export interface CrosswalkOptions extends EvaluateOptions {
  comparisons?: readonly Comparison[];
}

/** Evaluate every comparison (default: the whole CROSSWALK) on `data`. */
export function evaluateCrosswalk(data: CrosswalkData, options: CrosswalkOptions = {}): CrosswalkEvaluation {
  const source = toSource(data);
  const results = (options.comparisons ?? CROSSWALK).map((c) => evaluateComparison(c, source, options));
  const tally: Record<Verdict, number> = { agrees: 0, contrasts: 0, open: 0, "not comparable": 0 };
  for (const r of results) tally[r.verdict]++;
  return { results, tally, verdicts: Object.fromEntries(results.map((r) => [r.id, r.verdict])) };
}

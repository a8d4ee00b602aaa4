/**
 * Comparison across SSB size classes 1–6: a rate (share answering one of the `success` codes, e.g.
 * status 1 "Har allerede innført") or a mean per class, each with a 95 % interval, plus a trend
 * test across the ordered classes.
 *
 * Rates get Wilson score intervals (they stay inside 0–1 and behave for small classes, where the
 * Wald interval fails) and the Cochran–Armitage trend test with the class numbers as scores.
 * Means get t intervals and, as trend, Pearson's r between class and value with its t test.
 */
import { kernelInput, sourceOf, type StatsData } from "./kernel-input";
import { META_OPTIONS, SELECT_OPTIONS, type OptionNames } from "./option-names";
import { onEach } from "./each-data";
import { rounded, withPicture } from "./result-picture";
import { makeAudit, pClause, type Audit } from "./audit";
import { formatNumber, messages, type Locale } from "../base/locale/locale";
import type { KernelReason } from "../base/locale/reason-messages";
import { normalTwoSided, tInv, zInv } from "./distributions";
import { correlationFromSums } from "./pearson";
import { prepareFrame, type SelectOptions } from "./select-rows";
import { missingTest, valueLabel, variableInfo, type MetaOptions, type MissingTest, type VariableInfo } from "./variable-info";
import { statsError } from "./stats-problem";
import { describeValue } from "../base/builtin-problem";
import type { ColumnSource } from "./column-cache";

export interface Interval {
  low: number;
  high: number;
}

export interface TrendTest {
  method: string;
  statistic: number | null;
  /** For Cochran–Armitage: z² (χ² on 1 df); for means: r. */
  secondary: number | null;
  p: number | null;
  reason?: string;
  /** The same reason as data, for a page that writes it in its own language. */
  why?: KernelReason;
}

export interface SizeClassRow {
  sizeClass: number;
  /** Valid cases in the class (the base). */
  n: number;
  /** Rates: cases with a success code. Means: null. */
  successes: number | null;
  /** Rate (0–1) or mean; null when the class is empty. */
  estimate: number | null;
  interval: Interval | null;
}

export interface SizeClassComparison {
  variable: string;
  /** The variable's codebook label ("Balansert målstyring"), else its name. */
  label: string;
  /** The codes counted as success (rates); null for means. */
  success: number[] | null;
  /** The codebook's label of each class in `rows` ("0-999 innbyggere"), else the class number. */
  classLabels: string[];
  kind: "rate" | "mean";
  rows: SizeClassRow[];
  /** All classes together; its `sizeClass` is null (it is no class). */
  overall: Omit<SizeClassRow, "sizeClass"> & { sizeClass: null };
  trend: TrendTest;
  level: number;
  notes: string[];
  /**
   * The note of `notes` that counts the cases without a size class, null when every case has one
   * (a shared view that hides counts leaves it out).
   */
  unclassifiedNote: string | null;
  audit: Audit;
}

export interface SizeClassOptions extends MetaOptions, SelectOptions {
  /** Column of the size class; default "size_class". */
  sizeVariable?: string;
  /** The classes to show, in order; default 1–6. */
  classes?: number[];
  /** Confidence level; default 0.95. */
  level?: number;
}

/** The options of `stats.sizeClassRates` and `stats.sizeClassMeans`, by name. */
const SIZE_CLASS_OPTIONS: OptionNames<SizeClassOptions> = { ...META_OPTIONS, ...SELECT_OPTIONS, sizeVariable: true, classes: true, level: true };

/** Wilson score interval for x successes out of n. */
export function wilsonInterval(x: number, n: number, level = 0.95): Interval | null {
  if (n <= 0) return null;
  const z = zInv(1 - (1 - level) / 2);
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At x = 0 (x = n) the bound is exactly 0 (1): centre − half cancels there, and the last bits of z
  // would otherwise leave a rounding residue such as 3e-17.
  return { low: x <= 0 ? 0 : Math.max(0, centre - half), high: x >= n ? 1 : Math.min(1, centre + half) };
}

/** Cochran–Armitage test for trend in proportions x_i/n_i over scores s_i (two-sided, no correction). */
export function cochranArmitage(scores: readonly number[], x: readonly number[], n: readonly number[]): TrendTest {
  const N = n.reduce((a, b) => a + b, 0);
  const X = x.reduce((a, b) => a + b, 0);
  const method = "Cochran–Armitage trend test";
  const none = (why: KernelReason): TrendTest => ({ method, statistic: null, secondary: null, p: null, reason: messages.en.kernelReason(why), why });
  if (N === 0) return none({ kind: "no-cases" });
  const pbar = X / N;
  let t = 0, sn = 0, sn2 = 0;
  scores.forEach((s, i) => {
    t += s * ((x[i] ?? 0) - (n[i] ?? 0) * pbar);
    sn += (n[i] ?? 0) * s;
    sn2 += (n[i] ?? 0) * s * s;
  });
  const variance = pbar * (1 - pbar) * (sn2 - (sn * sn) / N);
  if (!(variance > 0)) {
    return none({ kind: pbar === 0 || pbar === 1 ? "rate-constant" : "one-class" });
  }
  const z = t / Math.sqrt(variance);
  return { method, statistic: z, secondary: z * z, p: normalTwoSided(z) };
}

function classOf(frameSize: Float64Array, r: number, index: ReadonlyMap<number, number>): number {
  return index.get(frameSize[r] ?? Number.NaN) ?? -1;
}

/**
 * The rate of `success` codes of `variable` per SSB size class 1–6, with 95 % Wilson intervals and
 * the Cochran–Armitage trend test across the classes.
 * @param data the rows: `selection`, `survey`, an Arquero table or columns
 * @param variable e.g. "q20"
 * @param success the codes that count, e.g. [1] for "Har allerede innført"
 * @example stats.sizeClassRates(selection, "q20", [1])
 */
export function sizeClassRates(data: StatsData, variable: string, success: number[], options: SizeClassOptions = {}): SizeClassComparison {
  const run = ratesPlan(data, variable, success, options);
  return run(sourceOf(data));
}

/**
 * `sizeClassRates` on each dataset (the same filter on every reconstruction), the arguments checked
 * once: result i is `sizeClassRates(data[i], …)`.
 */
export function sizeClassRatesEach(data: readonly StatsData[], variable: string, success: number[], options: SizeClassOptions = {}): SizeClassComparison[] {
  return onEach(data, (first) => ratesPlan(first, variable, success, options), (d) => sizeClassRates(d, variable, success, options));
}

function ratesPlan(data: StatsData, variable: string, success: number[], options: SizeClassOptions): (source: ColumnSource) => SizeClassComparison {
  const input = kernelInput("stats.sizeClassRates", data, options, SIZE_CLASS_OPTIONS, "");
  if (!Array.isArray(success) || success.length === 0 || !success.every((c) => typeof c === "number")) {
    throw statsError("bad-input", `the success codes (3rd argument) are a list of codes, e.g. [1]; got ${describeValue(success)}.`, {}, "stats.sizeClassRates");
  }
  return comparePlan(input.variable(variable, "the variable (2nd argument)"), input.options, success, input.locale);
}

/**
 * The mean of a numeric `variable` per SSB size class, with t intervals and the linear trend
 * (Pearson r of size class × value). The trend tests a straight line across the classes, as SPSS
 * CORRELATIONS of size_class with the variable; it is not a one-way ANOVA: means that rise and fall
 * across the classes can differ while r is near 0 — for that, `stats.compareGroups(selection,
 * "size_class", variable)` (ANOVA, Welch, Kruskal–Wallis). The user-missing codes ("vet ikke") are left out.
 * @param data the rows: `selection`, `survey`, an Arquero table or columns
 * @example stats.sizeClassMeans(selection, "q1")
 */
export function sizeClassMeans(data: StatsData, variable: string, options: SizeClassOptions = {}): SizeClassComparison {
  const run = meansPlan(data, variable, options);
  return run(sourceOf(data));
}

/** `sizeClassMeans` on each dataset, the arguments checked once: result i is `sizeClassMeans(data[i], …)`. */
export function sizeClassMeansEach(data: readonly StatsData[], variable: string, options: SizeClassOptions = {}): SizeClassComparison[] {
  return onEach(data, (first) => meansPlan(first, variable, options), (d) => sizeClassMeans(d, variable, options));
}

function meansPlan(data: StatsData, variable: string, options: SizeClassOptions): (source: ColumnSource) => SizeClassComparison {
  const input = kernelInput("stats.sizeClassMeans", data, options, SIZE_CLASS_OPTIONS, "");
  return comparePlan(input.variable(variable, "the variable (2nd argument)"), input.options, null, input.locale);
}

/** What a comparison needs besides the rows, read once (the codebook, the classes); then one run per dataset's rows. */
function comparePlan(variable: string, options: SizeClassOptions, success: number[] | null, locale: Locale): (source: ColumnSource) => SizeClassComparison {
  const classes = options.classes ?? [1, 2, 3, 4, 5, 6];
  const sizeName = options.sizeVariable ?? "size_class";
  const info = variableInfo(variable, options);
  const sizeInfo = variableInfo(sizeName, options);
  const classLabels = classes.map((c) => valueLabel(sizeInfo, c));
  const plan: ComparePlan = { variable, options, success, locale, classes, sizeName, info, isMissing: missingTest(info.missing), index: new Map(classes.map((c, i) => [c, i])), classLabels };
  return (source) => compare(plan, source);
}

interface ComparePlan {
  readonly variable: string;
  readonly options: SizeClassOptions;
  readonly success: number[] | null;
  readonly locale: Locale;
  readonly classes: number[];
  readonly sizeName: string;
  readonly info: VariableInfo;
  readonly isMissing: MissingTest;
  readonly index: ReadonlyMap<number, number>;
  readonly classLabels: readonly string[];
}

function compare(plan: ComparePlan, source: ColumnSource): SizeClassComparison {
  const { variable, options, success, locale, classes, sizeName, info, isMissing, index } = plan;
  const words = messages[locale];
  const { frame, filters, disclosureSensitive } = prepareFrame(source, options);
  const level = options.level ?? 0.95;
  const size = frame.column(sizeName);
  const col = frame.column(variable);
  const k = classes.length;
  const n = new Float64Array(k), s = new Float64Array(k), ss = new Float64Array(k);
  const isSuccess = success ? new Set(success) : null;
  let systemMissing = 0;
  const userMissing = new Map<number, number>();
  let noClass = 0;
  for (let i = 0; i < frame.n; i++) {
    const r = frame.rows ? (frame.rows[i] ?? 0) : i;
    const v = col[r] ?? Number.NaN;
    if (isMissing(v)) {
      if (v !== v) systemMissing++;
      else userMissing.set(v, (userMissing.get(v) ?? 0) + 1);
      continue;
    }
    const c = classOf(size, r, index);
    if (c < 0) {
      noClass++;
      continue;
    }
    n[c] = (n[c] ?? 0) + 1;
    const y = isSuccess ? (isSuccess.has(v) ? 1 : 0) : v;
    s[c] = (s[c] ?? 0) + y;
    ss[c] = (ss[c] ?? 0) + y * y;
  }
  const row = (sizeClass: number, ni: number, si: number, ssi: number): SizeClassRow => {
    if (ni === 0) return { sizeClass, n: 0, successes: isSuccess ? 0 : null, estimate: null, interval: null };
    if (isSuccess) return { sizeClass, n: ni, successes: si, estimate: si / ni, interval: wilsonInterval(si, ni, level) };
    const mean = si / ni;
    if (ni < 2) return { sizeClass, n: ni, successes: null, estimate: mean, interval: null };
    const sd = Math.sqrt(Math.max(0, (ssi - ni * mean * mean) / (ni - 1)));
    const half = tInv(1 - (1 - level) / 2, ni - 1) * (sd / Math.sqrt(ni));
    return { sizeClass, n: ni, successes: null, estimate: mean, interval: { low: mean - half, high: mean + half } };
  };
  const rows = classes.map((c, i) => row(c, n[i] ?? 0, s[i] ?? 0, ss[i] ?? 0));
  const total = (a: Float64Array): number => a.reduce((p, q) => p + q, 0);
  const overall = { ...row(0, total(n), total(s), total(ss)), sizeClass: null };

  let trend: TrendTest;
  if (isSuccess) {
    trend = cochranArmitage(classes, [...s], [...n]);
  } else {
    // Σ over classes of the class score times the values: the sums of a Pearson r of class × value.
    let sx = 0, sxx = 0, sxy = 0;
    classes.forEach((c, i) => {
      sx += c * (n[i] ?? 0);
      sxx += c * c * (n[i] ?? 0);
      sxy += c * (s[i] ?? 0);
    });
    const corr = correlationFromSums(total(n), sx, total(s), sxx, total(ss), sxy, [sizeName, variable]);
    trend = { method: "Pearson r of size class × value (linear trend)", statistic: corr.r, secondary: corr.r, p: corr.p };
    if (corr.reason) trend.reason = corr.reason;
    if (corr.why) trend.why = corr.why;
  }
  trend.method = words.trendMethod(isSuccess ? "rate" : "mean");

  const notes: string[] = [];
  const empty = rows.filter((r) => r.n === 0).map((r) => r.sizeClass);
  if (empty.length) notes.push(words.sizeClassEmpty(empty.join(", ")));
  const tiny = rows.filter((r) => r.n > 0 && r.n < 5).map((r) => r.sizeClass);
  if (tiny.length) notes.push(words.sizeClassFew(tiny.join(", ")));
  const unclassifiedNote = noClass > 0 ? words.sizeClassUnclassified(formatNumber(locale, noClass), classes.join("–")) : null;
  if (unclassifiedNote !== null) notes.push(unclassifiedNote);

  const audit = makeAudit({
    locale,
    n: frame.n,
    base: total(n),
    baseLabel: words.baseValidWithSizeClass(variable),
    filters,
    excluded: [{ variable, userMissing: [...userMissing].sort((a, b) => a[0] - b[0]).map(([code, count]) => ({ code, count })), systemMissing }],
    weight: null,
    // Written when read (from the trend as it is now: the result's `trend` is the cell's to change):
    // the evidence computes this on every reconstruction, whose test no one reads.
    test: testText({ ...trend }, isSuccess !== null, locale),
    disclosureSensitive,
  });
  const result: SizeClassComparison = { variable, label: info.label, success: success ? [...success] : null, classLabels: [...plan.classLabels], kind: isSuccess ? "rate" : "mean", rows, overall, trend, level, notes, unclassifiedNote, audit };
  return withPicture(result, sizeClassPicture);
}

/** The audit's test of a trend, as a function writing it when called. */
function testText(trend: TrendTest, rate: boolean, locale: Locale): () => string {
  const words = messages[locale];
  const { statistic, method, why, reason, p } = trend;
  return () =>
    statistic === null
      ? words.notComputed(method, why ? words.kernelReason(why) : (reason ?? "undefined"))
      : `${method}: ${rate ? "z" : "r"} = ${formatNumber(locale, statistic, 3)}, ${pClause(p, locale)}`;
}

/** The inspector's picture: one line per class. */
function sizeClassPicture(c: SizeClassComparison): Record<string, unknown> {
  const scale = c.kind === "rate" ? 100 : 1;
  const unit = c.kind === "rate" ? " %" : "";
  const line = (r: Omit<SizeClassRow, "sizeClass">): string =>
    r.estimate === null ? `n ${r.n}: –` : `${rounded(scale * r.estimate, 1)}${unit}${r.interval ? ` [${rounded(scale * r.interval.low, 1)}, ${rounded(scale * r.interval.high, 1)}]` : ""}${r.successes !== null ? ` (${r.successes}/${r.n})` : ` (n ${r.n})`}`;
  return {
    sizeClass: `${c.kind === "rate" ? `rate of ${c.variable} ∈ {${(c.success ?? []).join(", ")}}` : `mean of ${c.variable}`} (${c.label}), ${Math.round(c.level * 100)} % intervals`,
    classes: Object.fromEntries(c.rows.map((r) => [String(r.sizeClass), line(r)])),
    overall: line(c.overall),
    trend: c.audit.test,
    notes: c.notes,
    audit: c.audit.line,
    fields: "rows[i] ({sizeClass, n, successes, estimate, interval}), overall, trend ({statistic, p}) · as a table: tables.sizeClass(result) · chart: charts.sizeClassRates(result)",
  };
}

/** One class as the size-class chart takes it: percent 0–100 with interval bounds. */
export interface RatePercent {
  sizeClass: number;
  n: number;
  rate: number | null;
  lower: number | null;
  upper: number | null;
}

/**
 * Rates of a comparison in percent, the shape of src/analysis/charts/size-class-rates.ts.
 * Means are passed through unscaled.
 */
export function ratePercents(comparison: SizeClassComparison): RatePercent[] {
  const scale = comparison.kind === "rate" ? 100 : 1;
  const pct = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : scale * x);
  return comparison.rows.map((r) => ({
    sizeClass: r.sizeClass,
    n: r.n,
    rate: pct(r.estimate),
    lower: pct(r.interval?.low),
    upper: pct(r.interval?.high),
  }));
}

/**
 * The words of a crosswalk result: the test in one line, one sentence from the numbers to the verdict
 * on this selection, and one sentence on what the verdict rests on across the ensemble. Generated,
 * never typed in, so the page cannot say more than the numbers do; in the app's language
 * (base/locale/explain-messages.ts), numbers as that language writes them.
 */
import { DEFAULT_LOCALE, formatNumber, formatPercent, messages, type Locale } from "../../base/locale/locale";
import type { Comparison } from "./crosswalk-spec";
import { describeSplit, type DrawVerdict, type EnsembleVerdict } from "./crosswalk-ensemble";
import { formatPValue, pctRange } from "./crosswalk-format";
import type { Interval } from "../../stats/index";
import type { ComparisonNumbers } from "./measure-comparison";

/** A share (0–1) as a percent in `locale`: "64,3 %" / "64.3%"; "–" when undefined. */
export function localPct(x: number | null, locale: Locale, digits = 0): string {
  return x === null ? "–" : formatPercent(locale, 100 * x, digits);
}

/** An interval of shares with the decimals its threshold needs (crosswalk-format.ts), in `locale`'s decimal mark. */
export function localPctRange(interval: Interval, threshold: number | null, locale: Locale): string {
  const text = pctRange(interval, threshold);
  return locale === "en" ? text.replace(" %", "%") : text.replace(/\./g, ",");
}

/** "p = .031" / "p = 0,031", "p < .001" / "p < 0,001", with the decimals `formatPValue` chooses near .05. */
export function localP(p: number | null, locale: Locale, symbol = "p"): string {
  if (p === null || Number.isNaN(p)) return messages[locale].cwPMissing(symbol);
  const en = formatPValue(p);
  // Norsk: a leading zero and a decimal comma, also where p rounds to 1 ("1,000", not "1.000").
  const text = locale === "en" ? en : en.replace(/(^|< )\./, "$10.").replace(".", ",");
  return text.startsWith("<") ? `${symbol} ${text}` : `${symbol} = ${text}`;
}

/** The test in words with its statistic, e.g. "score test against 50 %: z = 4.18, p < .001". */
export function describeTest(numbers: ComparisonNumbers | null, locale: Locale = DEFAULT_LOCALE): string {
  const words = messages[locale];
  const num = (x: number, d: number): string => formatNumber(locale, x, d);
  if (!numbers) return words.cwTestNone;
  switch (numbers.kind) {
    case "share":
    case "diffusion":
      if (!numbers.interval || numbers.z === null) return words.cwWilsonUndefined;
      return words.cwWilson(localPctRange(numbers.interval, numbers.threshold, locale), localPct(numbers.threshold, locale), num(numbers.z, 2), localP(numbers.p, locale));
    case "groups":
      if (numbers.p === null) return words.cwNotComputed(words.cwMethodName(numbers.method));
      return numbers.method === "Fisher's exact test"
        ? words.cwFisher(num(numbers.minExpected, 1), localP(numbers.p, locale))
        : `Pearson χ²(${numbers.df}) = ${num(numbers.chi2 ?? 0, 2)}, ${localP(numbers.p, locale)}`;
    case "size-trend":
      return numbers.z === null ? words.cwTrendUndefined : words.cwTrend(num(numbers.z, 2), localP(numbers.p, locale));
    case "correlation":
      return numbers.r === null ? words.cwRUndefinedTest : words.cwPearsonR(String(numbers.n - 2), num(numbers.r, 3), localP(numbers.p, locale));
  }
}

/** The value of the figure whose spread across the draws is shown (`keyFigure`), without its name: every draw writes it. */
export function keyValue(numbers: ComparisonNumbers | null): number | null {
  if (!numbers) return null;
  switch (numbers.kind) {
    case "share":
    case "diffusion": return numbers.share;
    case "groups": return numbers.difference;
    case "size-trend": return numbers.z;
    case "correlation": return numbers.r;
  }
}

/** The figure whose spread across the draws is shown, and its value on this draw. */
export function keyFigure(numbers: ComparisonNumbers | null, locale: Locale = DEFAULT_LOCALE): { name: string; value: number | null; percent: boolean } {
  if (!numbers) return { name: "–", value: null, percent: false };
  const name = messages[locale].cwKeyFigure;
  const value = keyValue(numbers);
  switch (numbers.kind) {
    case "share":
    case "diffusion": return { name: name("share"), value, percent: true };
    case "groups": return { name: name("groups"), value, percent: true };
    case "size-trend": return { name: name("size-trend"), value, percent: false };
    case "correlation": return { name: name("correlation"), value, percent: false };
  }
}

/** The sentence from the numbers to the verdict on this selection (this draw). */
export function explainNumbers(c: Comparison, numbers: ComparisonNumbers, verdict: DrawVerdict, q: number | null, locale: Locale = DEFAULT_LOCALE): string {
  const words = messages[locale];
  const adjusted = q === null ? "" : `, Benjamini–Hochberg ${localP(q, locale, "q")}`;
  const count = (n: number): string => formatNumber(locale, n);
  switch (numbers.kind) {
    case "share":
    case "diffusion": {
      const t = numbers.threshold;
      const i = numbers.interval;
      const place = !i ? "" : words.cwPlace(i.low > t ? "above" : i.high < t ? "below" : "straddles", localPct(t, locale));
      const expect = c.measure.kind === "share" || c.measure.kind === "diffusion" ? c.measure.expect : "above";
      return words.cwExplainShare({ share: localPct(numbers.share, locale, 1), n: count(numbers.n), x: count(numbers.x), interval: i ? localPctRange(i, t, locale) : "–", place, p: localP(numbers.p, locale), adjusted, expect, threshold: localPct(t, locale), verdict });
    }
    case "groups": {
      const higher = !(c.measure.kind === "groups" && c.measure.expect === "a<b");
      // The groups' names from the comparison, in its language: the measurement may have been made with the other's.
      const [la, lb] = c.measure.kind === "groups" ? [c.measure.a.label, c.measure.b.label] : [numbers.a.label, numbers.b.label];
      return words.cwExplainGroups({ a: localPct(numbers.a.share, locale, 1), na: count(numbers.a.n), la, b: localPct(numbers.b.share, locale, 1), nb: count(numbers.b.n), lb, test: describeTest(numbers, locale), adjusted, higher, verdict });
    }
    case "size-trend": {
      const classes = numbers.classes.filter((k) => k.n > 0).map((k) => words.cwSizeClassPart(k.sizeClass, localPct(k.share, locale), count(k.n))).join(", ");
      const expectRise = !(c.measure.kind === "size-trend" && c.measure.expect === "decreasing");
      return words.cwExplainTrend({ classes, rises: (numbers.z ?? 0) > 0, test: describeTest(numbers, locale), adjusted, expectRise, verdict });
    }
    case "correlation":
      return words.cwExplainCorrelation({ r: numbers.r === null ? "–" : formatNumber(locale, numbers.r, 2), n: count(numbers.n), p: localP(numbers.p, locale), adjusted, positive: c.measure.kind !== "correlation" || c.measure.expect === "positive", verdict });
  }
}

/** "In the reconstruction shown: " before the numbers, when other reconstructions give other numbers. */
export function shownDraw(e: EnsembleVerdict, locale: Locale = DEFAULT_LOCALE): string {
  return e.evidence.kind === "reconstruction" ? messages[locale].cwShownDraw : "";
}

/** The sentence on what the verdict rests on across the ensemble. */
export function explainEnsemble(e: EnsembleVerdict, key: { name: string; percent: boolean }, locale: Locale = DEFAULT_LOCALE): string {
  const words = messages[locale];
  const range = e.evidence.range;
  const show = (v: number): string => (key.percent ? localPct(v, locale, 1) : formatNumber(locale, v, 2));
  const spread = range ? words.cwSpread(key.name, show(range.min), show(range.max)) : "";
  if (e.evidence.kind === "your-data") return words.cwYourData;
  if (e.verdict === "depends") {
    const q = (x: number): string => localP(x, locale, "q").replace(/^q( =)? /, "");
    const moved = e.evidence.kind === "determined" && e.qRange ? words.cwDependsMoved(q(e.qRange.min), q(e.qRange.max)) : "";
    return words.cwExplainDepends(describeSplit(e, locale), spread, moved);
  }
  if (e.evidence.kind === "determined") return words.cwExplainDetermined(e.draws);
  return words.cwExplainHolds(words.cwVerdict(e.modal), e.k, e.draws, spread);
}

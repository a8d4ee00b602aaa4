/**
 * Numbers as a reader of one language writes them, the same everywhere the app shows a number
 * (markdown interpolations, tables, Inputs.table, chart ticks): Norwegian "502 867" and "45,7 %",
 * English "502,867" and "45.7%" (docs/decisions.md, "One language, one number format").
 *
 * Written out by hand rather than through `Intl.NumberFormat`: the same text in Node (tests, the
 * headless runner) and every browser whatever its ICU data, and a minus sign we choose (U+2212 in
 * both languages, so a column of signed figures lines up and a negative never reads as a dash).
 * Only display: CSV exports and PSPP syntax keep machine numbers ("1234.5").
 */
import type { Locale } from "./locale";

/** The characters a language writes numbers with. */
interface NumberStyle {
  /** Between groups of three digits. Norwegian: a no-break space (U+00A0), so "502 867" never wraps. */
  group: string;
  decimal: string;
  /**
   * Between the number and "%": Norwegian writes "45,7 %", English "45.7%". A plain space, as the
   * 1999 report and the charts have always printed it; table cells and chart labels do not wrap.
   */
  percentGap: string;
}

const STYLES: Record<Locale, NumberStyle> = {
  nb: { group: "\u00a0", decimal: ",", percentGap: " " },
  en: { group: ",", decimal: ".", percentGap: "" },
};

/** The minus sign in both languages (U+2212), not the hyphen. */
export const MINUS = "\u2212";

/** Group an unsigned run of digits in threes. */
function groupDigits(digits: string, group: string): string {
  // Four-digit numbers are grouped too ("1 234"): one rule, and columns of counts line up.
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/**
 * `x` with `decimals` digits after the decimal mark (default: as many as it has, at most 6, none
 * for whole numbers), grouped in threes: formatNumber("nb", 502867) is "502 867" (U+00A0),
 * formatNumber("en", -1234.5, 1) is "−1,234.5". NaN and ±Infinity print as "–" (no figure).
 */
export function formatNumber(locale: Locale, x: number, decimals?: number): string {
  if (!Number.isFinite(x)) return "–";
  const style = STYLES[locale];
  const fixed = decimals === undefined ? trimmed(Math.abs(x)) : Math.abs(x).toFixed(decimals);
  const [whole = "0", fraction] = fixed.split(".");
  const body = groupDigits(whole, style.group) + (fraction ? style.decimal + fraction : "");
  // -0.04 rounded to one decimal is "0.0": no sign on a figure that reads as zero.
  const negative = x < 0 && /[1-9]/.test(body);
  return (negative ? MINUS : "") + body;
}

/** Up to 6 decimals without trailing zeros, never in exponent notation. */
function trimmed(x: number): string {
  return x.toFixed(Number.isInteger(x) ? 0 : 6).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}

/**
 * A percentage given in percent (45.67, not 0.4567): formatPercent("nb", 45.67, 1) is "45,7 %",
 * formatPercent("en", 45.67, 1) is "45.7%".
 */
export function formatPercent(locale: Locale, percent: number, decimals = 1): string {
  if (!Number.isFinite(percent)) return "–";
  return formatNumber(locale, percent, decimals) + STYLES[locale].percentGap + "%";
}

/**
 * A p-value: English as APA prints it (".034", "< .001"), Norwegian with its leading zero and
 * decimal comma ("0,034", "< 0,001"). Null or NaN: "–".
 */
export function formatPValue(locale: Locale, p: number | null): string {
  if (p === null || !Number.isFinite(p)) return "–";
  if (p < 0.001) return locale === "en" ? "< .001" : "< 0,001";
  const text = formatNumber(locale, p, 3);
  return locale === "en" ? text.replace(/^0(?=\.)/, "") : text;
}

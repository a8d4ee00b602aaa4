/**
 * The `fmt` builtin: numbers in the app's language for text around the tables (markdown, html
 * cells). Made per language, with no other import, so a notebook that only formats numbers does
 * not load the analysis layer.
 */
import { builtinError, describeValue } from "../builtin-problem";
import type { Locale } from "./locale";
import { formatNumber, formatPercent, formatPValue } from "./number-format";

/** Numbers in the app's language, for markdown and html cells. */
export interface FormatBuiltin {
  /**
   * A number as the app's language writes it: "502 867" (norsk) or "502,867" (English); `decimals`
   * digits after the decimal mark (default: as many as it has).
   * @example fmt.number(502867)
   */
  number(x: number, decimals?: number): string;
  /**
   * A percentage given in percent: "45,7 %" (norsk) or "45.7%" (English), one decimal by default.
   * @example fmt.percent(45.67)
   */
  percent(percent: number, decimals?: number): string;
  /**
   * A p-value: "0,034" and "< 0,001" (norsk), ".034" and "< .001" (English, APA).
   * @example fmt.p(0.0341)
   */
  p(p: number | null): string;
}

/** A number argument of `fmt`, or the builtin's error (a text "1234" is refused: it may be a label). */
function numberArgument(builtin: string, value: unknown): number {
  if (typeof value === "number") return value;
  throw builtinError(builtin, "bad-argument", `it formats a number, but it got ${describeValue(value)}. Pass the figure itself, e.g. ${builtin}(selection.n).`);
}

/** The decimals argument of `fmt`: left out, or a whole number 0–10. */
function decimalsArgument(builtin: string, value: unknown): number | undefined {
  if (value === undefined || (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 10)) return value;
  throw builtinError(builtin, "bad-option", `the decimals are a whole number from 0 to 10, but it got ${describeValue(value)}.`);
}

/** `fmt` in `locale`. */
export function formatBuiltin(locale: Locale): FormatBuiltin {
  return {
    number: (x, decimals) => formatNumber(locale, numberArgument("fmt.number", x), decimalsArgument("fmt.number", decimals)),
    percent: (percent, decimals = 1) => formatPercent(locale, numberArgument("fmt.percent", percent), decimalsArgument("fmt.percent", decimals)),
    p: (p) => formatPValue(locale, p === null ? null : numberArgument("fmt.p", p)),
  };
}

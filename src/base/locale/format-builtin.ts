/**
 * The `fmt` builtin: numbers in the app's language for text around the tables (markdown, html
 * cells). Made per language, with no other import, so a notebook that only formats numbers does
 * not load the analysis layer.
 */
import { builtinError, describeValue } from "../builtin-problem";
import { analysisMessages } from "./analysis-messages";
import { auditParts, type AuditPart, type AuditTail } from "./audit-parts";
import type { Locale } from "./locale";
import { formatNumber, formatPercent, formatPValue } from "./number-format";

/** What `fmt.audit` writes: the count first, then each labelled part given. */
export interface AuditLineParts extends AuditTail {
  /** The count the figures are of, or a selection's summary as it reads (`selection.summary`). */
  n: number | string;
  /** What `n` is out of: "N = 130 av 130". */
  of?: number;
}

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
  /**
   * The audit line of figures a cell computes itself, with the audit words of the app's language:
   * "N = 130 av 130 · grunnlag: … · kilde: … · filtre: … · utelatt som manglende: ingen · test: ingen".
   * A part given as text is written as is, null as "none" (ingen); a part left out is not written.
   * @example fmt.audit({n: selection.summary, base: "per tabell, som trykt", test: null})
   */
  audit(parts: AuditLineParts): string;
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

/** A part of `fmt.audit`: text, null ("none") or left out; anything else is the builtin's error. */
function auditPart(name: string, value: unknown): AuditPart {
  if (value === undefined || value === null || typeof value === "string") return value;
  throw builtinError("fmt.audit", "bad-option", `${name} is text, or null for "none", but it got ${describeValue(value)}.`);
}

/** `fmt.audit` in `locale`. */
function auditLine(locale: Locale, parts: unknown): string {
  if (typeof parts !== "object" || parts === null) throw builtinError("fmt.audit", "bad-argument", `it takes the line's parts, e.g. fmt.audit({n: selection.summary, test: null}); it got ${describeValue(parts)}.`);
  const n: unknown = Reflect.get(parts, "n");
  const of: unknown = Reflect.get(parts, "of");
  const count = typeof n === "string" ? n : `= ${formatNumber(locale, numberArgument("fmt.audit", n))}`;
  const head = typeof n === "string" ? n : of === undefined ? `N ${count}` : analysisMessages[locale].selectionSummary(count, formatNumber(locale, numberArgument("fmt.audit", of)), "");
  const tail: AuditTail = {};
  for (const key of ["base", "source", "filters", "missing", "weight", "test"] as const) tail[key] = auditPart(key, Reflect.get(parts, key));
  return [head, ...auditParts(locale, tail)].join(" · ");
}

/** `fmt` in `locale`. */
export function formatBuiltin(locale: Locale): FormatBuiltin {
  return {
    number: (x, decimals) => formatNumber(locale, numberArgument("fmt.number", x), decimalsArgument("fmt.number", decimals)),
    percent: (percent, decimals = 1) => formatPercent(locale, numberArgument("fmt.percent", percent), decimalsArgument("fmt.percent", decimals)),
    p: (p) => formatPValue(locale, p === null ? null : numberArgument("fmt.p", p)),
    audit: (parts) => auditLine(locale, parts),
  };
}

/**
 * The language the app speaks: "nb" (bokmål) or "en". One at a time for chrome, table headers,
 * chart titles and axes, codebook labels and number formats. This file is the locale room's entry:
 * import the rest (number formats, message catalogues) through it.
 *
 * The shell chooses (header switch, remembered; default from the browser's languages) and tells the
 * notebook frame; in the frame it is the runtime builtin `locale`, so a switch reruns only the cells
 * whose output depends on it (docs/decisions.md, "One language, one number format").
 */
import { fail, ok, type Problem, type Result } from "../result";

/** A language of the app. */
export type Locale = "nb" | "en";

/** Every language, in the order the switch lists them. */
export const LOCALES: readonly Locale[] = ["nb", "en"];

/** The language an app with no stored choice starts in. */
export const DEFAULT_LOCALE: Locale = "nb";

/** Is `value` one of the app's languages? */
export function isLocale(value: unknown): value is Locale {
  return LOCALES.some((locale) => locale === value);
}

/** A language read from untrusted input (a stored choice, a message): the language, or why not. */
export function asLocale(value: unknown): Result<Locale, Problem<"bad-locale">> {
  return isLocale(value)
    ? ok(value)
    : fail({ kind: "bad-locale", message: `"${String(value).slice(0, 40)}" is not a language of the app; use "nb" (norsk) or "en" (English).` });
}

/**
 * The language to start in from the browser's preferred languages (`navigator.languages`): any
 * Norwegian (nb, nn, no and their regions) before any other language gives "nb"; a list that names
 * another language first gives "en"; an empty list gives the default, "nb" (the survey is Norwegian).
 */
export function localeFromLanguages(languages: readonly string[]): Locale {
  const first = languages[0];
  if (first === undefined) return DEFAULT_LOCALE;
  return /^(nb|nn|no)(-|$)/i.test(first) ? "nb" : "en";
}

/** The key of a codebook label in this language (the codebook writes Norwegian as "no"). */
export function codebookKey(locale: Locale): "no" | "en" {
  return locale === "en" ? "en" : "no";
}

/**
 * A bilingual label in `locale`; Norwegian when the English one is missing or empty (older
 * codebooks, a user's own labels), never an error.
 */
export function pickLabel(label: { no: string; en?: string }, locale: Locale): string {
  return locale === "en" && label.en ? label.en : label.no;
}

export { formatNumber, formatPercent, formatPValue, MINUS } from "./number-format";
export { messages, type Messages } from "./messages";
export { analysisMessages, type AnalysisMessages, type EvidenceKindName } from "./analysis-messages";
export { say, type Wording } from "./wording";
export { formatBuiltin, type FormatBuiltin, type AuditLineParts } from "./format-builtin";
export { auditParts, type AuditPart, type AuditTail } from "./audit-parts";

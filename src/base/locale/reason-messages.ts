/**
 * Why something could not be computed, as typed data, and its words in each language: a kernel's
 * own reason (a trend or a correlation without a statistic) and why a comparison of notebook 06
 * cannot be judged. The measurement keeps the reason as data (a kind and its numbers), so the page
 * says it in the language of the moment; the numbers are written here through number-format.
 * `ExplainMessages` extends `ReasonMessages`, so `messages[locale]` has both keys.
 */
import type { Locale } from "./locale";
import { formatNumber, formatPercent } from "./number-format";

/** Why a kernel gave no statistic (stats/size-class.ts `cochranArmitage`, stats/pearson.ts `correlationFromSums`). */
export type KernelReason =
  /** The trend test found no cases at all. */
  | { kind: "no-cases" }
  /** The rate is 0 or 1 in every class: nothing varies. */
  | { kind: "rate-constant" }
  /** Only one class has cases: no trend over classes. */
  | { kind: "one-class" }
  /** Fewer than 2 cases valid on both variables. */
  | { kind: "too-few-cases"; n: number; x: string; y: string }
  /** A variable is constant in the cases. */
  | { kind: "constant"; variables: string[]; n: number }
  /** r exists but n < 3 leaves no degrees of freedom for its test. */
  | { kind: "no-df" }
  /** A variable of a correlation matrix has no valid case (its diagonal cell). */
  | { kind: "no-valid-cases"; variable: string }
  /** A contingency table without a single count. */
  | { kind: "empty-table" }
  /** Fewer than 2 rows or 2 columns have answers: χ² has no degrees of freedom. */
  | { kind: "too-few-categories"; rows: number; columns: number }
  /** The linear-by-linear test needs numeric codes on both axes. */
  | { kind: "no-codes" }
  /** One axis of the table has a single category: no trend to test. */
  | { kind: "single-category" };

/** Why a comparison of the crosswalk cannot be judged on a selection (analysis/crosswalk/measure-comparison.ts). */
export type NotComparableReason =
  /** Fewer valid answers than the smallest base, for a share or a trend over size classes. */
  | { kind: "few-answers"; n: number; minBase: number; what: "share" | "trend" }
  /** A share's threshold at 0 or 1 (or unknown) cannot be tested. */
  | { kind: "threshold-untestable"; threshold: number }
  /** Two groups too small together, or one of them empty. */
  | { kind: "groups-too-small"; a: number; b: number }
  /** Nobody (or everybody) answered yes: the 2×2 table has an empty margin. */
  | { kind: "empty-margin" }
  /** The trend test gave no statistic; `why` is the kernel's reason. */
  | { kind: "no-trend"; why: KernelReason | null }
  /** Pearson r is undefined; `why` is the kernel's reason. */
  | { kind: "no-correlation"; why: KernelReason | null }
  /** Fewer respondents answered both variables than the smallest base. */
  | { kind: "few-pairs"; n: number; minBase: number }
  /** The loaded data lacks columns the comparison reads. */
  | { kind: "missing-columns"; columns: string[] }
  /** A diffusion comparison without the thesis's later figure. */
  | { kind: "no-later-figure"; laterNumber: string }
  /** Nothing was measured (never reached: every draw measures every comparison). */
  | { kind: "nothing-measured" };

/** The reasons' words. */
export interface ReasonMessages {
  /** A kernel's reason, as a clause ("only one class has cases"). */
  kernelReason(reason: KernelReason): string;
  /** Why a comparison cannot be judged, as a sentence (or two: what is wrong and the fix). */
  cwNotComparable(reason: NotComparableReason): string;
}

/** "q3 and q4" / "q3 og q4"; "a, b and c". */
function list(items: readonly string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1] ?? ""}`;
}

/** The catalogue of `locale`: both languages write the same reasons, with their own numbers. */
function reasonMessages(locale: Locale): ReasonMessages {
  const n = (x: number): string => formatNumber(locale, x);
  const pct = (share: number): string => (Number.isFinite(share) ? formatPercent(locale, 100 * share, 0) : "–");
  if (locale === "nb") {
    const kernelReason = (r: KernelReason): string => {
      switch (r.kind) {
        case "no-cases": return "ingen tilfeller";
        case "rate-constant": return "andelen er 0 eller 1 i hver klasse";
        case "one-class": return "bare én klasse har tilfeller";
        case "too-few-cases": return `bare ${n(r.n)} tilfelle${r.n === 1 ? "" : "r"} har både ${r.x} og ${r.y}; r krever minst 2`;
        case "constant": return `${list(r.variables, "og")} er konstant i disse ${n(r.n)} tilfellene, så r er udefinert`;
        case "no-df": return "n < 3: ingen frihetsgrader igjen til en test";
        case "no-valid-cases": return `${r.variable} har ingen gyldige tilfeller`;
        case "empty-table": return "tabellen er tom";
        case "too-few-categories": return `bare ${n(r.rows)} rad${r.rows === 1 ? "" : "er"} og ${n(r.columns)} kolonne${r.columns === 1 ? "" : "r"} har svar; χ² krever minst 2 av hver`;
        case "no-codes": return "krever numeriske koder på begge akser";
        case "single-category": return "én akse har bare én kategori, så det er ingen trend å teste";
      }
    };
    return {
      kernelReason,
      cwNotComparable: (r) => {
        switch (r.kind) {
          case "few-answers": return `Bare ${n(r.n)} ${r.n === 1 ? "gyldig" : "gyldige"} svar (færre enn ${n(r.minBase)}), for få ${r.what === "share" ? "til å vurdere en andel" : "til en trend over størrelsesklassene"}.`;
          case "threshold-untestable": return `Terskelen ${pct(r.threshold)} kan ikke testes.`;
          case "groups-too-small": return `Gruppene har ${n(r.a)} og ${n(r.b)} gyldige svar: for få (eller én gruppe tom) til å sammenlignes.`;
          case "empty-margin": return "Ingen test: ingen (eller alle) svarte ja, så tabellen har en tom marginal.";
          case "no-trend": return `Ingen trend kan testes: ${r.why ? kernelReason(r.why) : "udefinert"}.`;
          case "no-correlation": return `Ingen korrelasjon: ${r.why ? kernelReason(r.why) : "udefinert"}.`;
          case "few-pairs": return `Bare ${n(r.n)} ${r.n === 1 ? "respondent" : "respondenter"} svarte på begge (færre enn ${n(r.minBase)}), for få til en korrelasjon.`;
          case "missing-columns": return `De innleste dataene har ikke ${list(r.columns, "eller")}, så denne sammenligningen kan ikke beregnes. Les inn en fil med ${r.columns.length === 1 ? "den kolonnen" : "de kolonnene"}.`;
          case "no-later-figure": return `Det senere tallet «${r.laterNumber}» er ikke tilgjengelig: gi oppgavens data (thesis.json) for å vurdere spredning.`;
          case "nothing-measured": return "Ingenting ble målt.";
        }
      },
    };
  }
  const kernelReason = (r: KernelReason): string => {
    switch (r.kind) {
      case "no-cases": return "no cases";
      case "rate-constant": return "the rate is 0 or 1 in every class";
      case "one-class": return "only one class has cases";
      case "too-few-cases": return `only ${n(r.n)} case(s) have both ${r.x} and ${r.y}; r needs at least 2`;
      case "constant": return `${list(r.variables, "and")} is constant in these ${n(r.n)} cases, so r is undefined`;
      case "no-df": return "n < 3: no degrees of freedom left for a test";
      case "no-valid-cases": return `${r.variable} has no valid cases`;
      case "empty-table": return "the table is empty";
      case "too-few-categories": return `only ${n(r.rows)} row(s) and ${n(r.columns)} column(s) have answers; χ² needs at least 2 of each`;
      case "no-codes": return "needs numeric codes on both axes";
      case "single-category": return "one axis has a single category, so there is no trend to test";
    }
  };
  return {
    kernelReason,
    cwNotComparable: (r) => {
      switch (r.kind) {
        case "few-answers": return `Only ${n(r.n)} valid answer${r.n === 1 ? "" : "s"} (fewer than ${n(r.minBase)}), too few ${r.what === "share" ? "to judge a share" : "for a trend over size classes"}.`;
        case "threshold-untestable": return `The threshold ${pct(r.threshold)} cannot be tested.`;
        case "groups-too-small": return `The groups have ${n(r.a)} and ${n(r.b)} valid answers: too few (or one group empty) to compare.`;
        case "empty-margin": return "No test: nobody (or everybody) answered yes, so the table has an empty margin.";
        case "no-trend": return `No trend can be tested: ${r.why ? kernelReason(r.why) : "undefined"}.`;
        case "no-correlation": return `No correlation: ${r.why ? kernelReason(r.why) : "undefined"}.`;
        case "few-pairs": return `Only ${n(r.n)} respondent${r.n === 1 ? "" : "s"} answered both (fewer than ${n(r.minBase)}), too few for a correlation.`;
        case "missing-columns": return `The loaded data has no ${list(r.columns, "or")}, so this comparison cannot be computed. Load a file with ${r.columns.length === 1 ? "that column" : "those columns"}.`;
        case "no-later-figure": return `The later figure "${r.laterNumber}" is not available: pass the thesis data (thesis.json) to evaluate diffusion.`;
        case "nothing-measured": return "Nothing was measured.";
      }
    },
  };
}

/** norsk (bokmål). */
export const reasonNb: ReasonMessages = reasonMessages("nb");
/** English. */
export const reasonEn: ReasonMessages = reasonMessages("en");

/**
 * A kernel's reason in `words`' language: from its data when the kernel gave it, else the kernel's
 * English text, else `fallback`.
 */
export function kernelReasonText(words: Pick<ReasonMessages, "kernelReason">, result: { why?: KernelReason; reason?: string }, fallback: string): string {
  return result.why ? words.kernelReason(result.why) : (result.reason ?? fallback);
}

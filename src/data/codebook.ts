/**
 * The codebook: every variable of the 1999 questionnaire, its card columns, codes, missing codes,
 * skip rules and multiple-response sets. It is the single contract between the survey's files
 * (CSV, card image, .sav), the loaders, the validation report and the statistics.
 *
 * The JSON file `data/survey-1999/codebook.json` has exactly this shape; `parseCodebook`
 * validates it once at the boundary.
 */

/** One response code with its printed Norwegian label and an English translation. */
export interface CodeLabel {
  code: number;
  no: string;
  en: string;
}

/** Where a variable sits on the 133-column punch card (1-based, inclusive). */
export interface CardColumns {
  start: number;
  end: number;
  /** True when the column is cut or missing in the text extract and was inferred. */
  inferred?: boolean;
  /** Why and how an inferred column was chosen. */
  note?: string;
}

/**
 * A skip instruction printed on the questionnaire ("gå til spørsmål 7"): when `variable` takes
 * one of `codes`, every variable in `skips` must be blank (system missing).
 */
export interface SkipRule {
  id: string;
  variable: string;
  codes: number[];
  /** The question the respondent jumps to, e.g. "q7". */
  goto: string;
  /** Variables that must be left blank when the rule fires. */
  skips: string[];
  /** The instruction as printed. */
  printed: string;
}

/** A multiple-response set ("kryss av ett eller flere"): dichotomies counted with `countedValue`. */
export interface MultipleResponseSet {
  name: string;
  label: { no: string; en: string };
  variables: string[];
  countedValue: number;
}

export type VariableKind =
  /** respondent id and other identifiers */
  | "id"
  /** a single-choice answer coded with `codes` */
  | "categorical"
  /** one dichotomy of a multiple-response set: `countedValue` ticked, blank otherwise */
  | "dichotomy"
  /** a number read as is (age in years) */
  | "numeric"
  /**
   * free text kept as a string (kommunenummer with its leading zero, name, provenance); only used
   * by derived variables, which are not on the card
   */
  | "text";

export interface CodebookVariable {
  /** Stable name after the questionnaire: q1, q2_1 … q34. */
  name: string;
  /** The question number it belongs to, e.g. "q4". */
  question: string;
  /** Norwegian question (and item) text as printed. */
  no: string;
  /** English translation. */
  en: string;
  /**
   * Short label for tables and charts: the item text for sub-items ("Skole"), a short form of the
   * question otherwise. Optional so older codebooks stay valid.
   */
  label?: { no: string; en: string };
  kind: VariableKind;
  codes: CodeLabel[];
  /** Codes that mean missing / "vet ikke" / "uaktuelt" (user-missing in SPSS terms). */
  missing: number[];
  /**
   * Card columns. Derived variables are not on the card and carry `{ start: 0, end: 0 }`
   * (see `isOnCard` in `card-layout.ts`).
   */
  columns: CardColumns;
  /** For numeric variables: the plausible range; values outside are reported. */
  range?: { min: number; max: number };
  /** Name of the multiple-response set this variable belongs to, if any. */
  set?: string;
  /** Free-text remark (misprints in the questionnaire, etc.). */
  note?: string;
}

export interface Codebook {
  title: string;
  source: string;
  /** Width of one card image record. */
  recordLength: number;
  variables: CodebookVariable[];
  skipRules: SkipRule[];
  sets: MultipleResponseSet[];
  /** Variables that are not questionnaire items but are carried by the dataset (type, county …). */
  derived?: CodebookVariable[];
}

/**
 * The six quality-improvement models the 1999 questionnaire asks about, in questionnaire order,
 * with the variables each model's block uses. This is the one list of them in the code: the filter
 * ("has adopted"), the appendix adopters, the printed-table builder and the notebooks read it. Model
 * names are not repeated here — they are the codebook labels of the status variables.
 */

/** One model's block of questions: status, service areas (q4_1…), results (q5_1…), expectations met. */
export interface SixModel {
  /** Short key used in the report's tables and the build ("SE", "BMS"). */
  readonly key: "SE" | "ST" | "ESN" | "EP" | "BMS" | "BPR";
  /** Status question: 1 = har innført, 2 = holder på, 3 = planlegger, 4 = ingen planer. */
  readonly status: ModelStatusVariable;
  /** Stem of the service-area items (q4 → q4_1 … q4_10). */
  readonly areas: string;
  /** Stem of the result items (q5 → q5_1 …). */
  readonly results: string;
  /** "Forventninger innfridd" for this model. */
  readonly expectation: string;
}

/** The six status variables, in questionnaire order. */
export const MODEL_STATUS_VARIABLES = ["q3", "q7", "q12", "q16", "q20", "q24"] as const;
export type ModelStatusVariable = (typeof MODEL_STATUS_VARIABLES)[number];

/** The six models with their question blocks. */
export const SIX_MODELS: readonly SixModel[] = [
  { key: "SE", status: "q3", areas: "q4", results: "q5", expectation: "q6" },
  { key: "ST", status: "q7", areas: "q8", results: "q10", expectation: "q11" },
  { key: "ESN", status: "q12", areas: "q13", results: "q14", expectation: "q15" },
  { key: "EP", status: "q16", areas: "q17", results: "q18", expectation: "q19" },
  { key: "BMS", status: "q20", areas: "q21", results: "q22", expectation: "q23" },
  { key: "BPR", status: "q24", areas: "q25", results: "q26", expectation: "q27" },
];

/** True for q3, q7, q12, q16, q20, q24. */
export function isModelStatusVariable(name: string): name is ModelStatusVariable {
  return MODEL_STATUS_VARIABLES.some((v) => v === name);
}

/**
 * One reconstructed respondent while the build runs: identity (printed or imputed), the answers
 * filled in so far and the answers the report fixes. There are no latent traits: nothing but a
 * printed figure, a named fact or a stated relation decides who answers what.
 */
export interface Respondent {
  /** Position in the frame (named first, then anonymous); stable across runs. */
  index: number;
  /** Shuffled respondent number 1–267, so the id reveals nothing about who is named. */
  respId: number;
  /** 1 kommune, 2 fylkeskommune. */
  respType: 1 | 2;
  fylke: number;
  sizeClass: number;
  /** Kommunenummer (4 digits), only for municipalities named in the report. */
  knr: string | null;
  name: string | null;
  /** True when county and size class were drawn (anonymous respondent). */
  identityImputed: boolean;
  /** Answers by codebook variable name; absent or null = blank. */
  answers: Map<string, number | null>;
  /** Answers the report fixes for this named respondent (q3 = 1, q28_2 = 1 …). */
  fixed: Map<string, number>;
  /** Size codes printed next to this respondent in Tabell 4.1–4.6 (its own q34 answer, probably). */
  printedSizeCodes: number[];
}

/** Read an answer as a number, or null when blank. */
export function answer(r: Respondent, variable: string): number | null {
  return r.answers.get(variable) ?? null;
}

/** Number of the six models this respondent has already adopted (status 1). */
export function adoptedCount(r: Respondent, statusVariables: readonly string[]): number {
  return statusVariables.filter((v) => answer(r, v) === 1).length;
}

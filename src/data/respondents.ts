/**
 * The respondents a printed row is recounted over, read column by column. The build recounts plain
 * records; the workbench recounts every reconstruction of the ensemble straight from its typed
 * columns — one residual engine (`residuals.ts`) serves both through this view.
 */
import type { RecordValues } from "./residuals";

/** Respondents 0 … size − 1 and their values. */
export interface Respondents {
  readonly size: number;
  /** The value of `variable` by respondent (null when blank); undefined when no respondent carries the variable. */
  column(variable: string): ((i: number) => number | null) | undefined;
}

/** Plain records as respondents (a variable is carried when any record has the key). */
export function recordRespondents(records: readonly RecordValues[]): Respondents {
  return {
    size: records.length,
    column: (variable) => (records.some((r) => variable in r) ? (i) => records[i]?.[variable] ?? null : undefined),
  };
}

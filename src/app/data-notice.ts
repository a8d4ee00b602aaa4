/**
 * The notice shown in the header when a notebook uses the bundled 1999 survey, whose respondents are
 * rebuilt from published aggregates. Kept in one place so the wording is the same everywhere.
 */
import type { NotebookDoc } from "../notebook/document";

export const RECONSTRUCTED_DATA_NOTICE =
  "Bundled respondents are a reconstruction from published aggregates, not the original 1999 microdata";

/** Whether a notebook touches the reconstructed survey (its data folder or the `survey` built-in). */
export function usesReconstructedSurvey(doc: NotebookDoc): boolean {
  return doc.cells.some((cell) => /survey-1999|\bsurvey\b/.test(cell.source));
}

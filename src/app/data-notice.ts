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

/** The header notice while the notebooks use the user's own file instead of the reconstruction. */
export function userDataNotice(name: string, rows: number): string {
  return `Your file: ${name} (${rows} ${rows === 1 ? "row" : "rows"})`;
}

/**
 * Said when a share link is made while the user's file is in use: links carry the notebook and
 * its inputs, never the file, so whoever opens one sees the bundled reconstruction.
 */
export const SHARE_WITHOUT_FILE_NOTICE =
  "The share link carries the notebook and its settings, not your data file: whoever opens it runs the notebook on the bundled reconstructed respondents, and the page says so.";

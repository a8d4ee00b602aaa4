/**
 * What the header says about the data a notebook uses. The bundled survey's notice itself is
 * `RECONSTRUCTION_NOTICE` (src/data/bundled-survey.ts), one sentence for every view.
 */
import type { SessionPort } from "./session-port";

/** The bundled respondents' files (CSV and card image): reading one means reading the reconstruction. */
const RECONSTRUCTED_FILES = /^data\/survey-1999\/respondents\.(csv|dat)$/;

/**
 * Whether a notebook uses the reconstructed respondents: its cells read `survey` or `selection`
 * (from their plans), or it has read one of the respondents' files (`readPaths`, as the host saw).
 */
export function readsSurvey(session: Pick<SessionPort, "references">, readPaths: ReadonlySet<string> = new Set()): boolean {
  return session.references("survey") || session.references("selection") || [...readPaths].some((p) => RECONSTRUCTED_FILES.test(p));
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

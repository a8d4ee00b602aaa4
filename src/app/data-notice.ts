/**
 * Whether the header says what data a notebook uses. The words are the catalogue's
 * (`reconstructionNotice`, `userDataNotice`, `shareWithoutFile`: base/locale/shell-messages.ts).
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

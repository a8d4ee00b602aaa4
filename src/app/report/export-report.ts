/**
 * "Export report": the open notebook as one self-contained HTML file (report-document.ts), made in
 * the shell from the frame's report once the notebook has finished running.
 */
import { downloadText } from "../file-io";
import { exportFilename } from "../export-filename";
import type { FrameSession } from "../sandbox/frame-session";
import { reportDocument, type ReportHead } from "./report-document";
import { sanitizeReport } from "./sanitize-report";

/** The report file's text for `session`, or undefined when the notebook has no report yet. */
export async function reportFileText(session: FrameSession, head: ReportHead, win: Window & typeof globalThis = window): Promise<string | undefined> {
  const snapshot = await session.reports.request();
  return snapshot ? reportDocument(head, sanitizeReport(snapshot, win)) : undefined;
}

/** Build the report file and download it; false when there was nothing to write. */
export async function exportReport(session: FrameSession, head: ReportHead): Promise<boolean> {
  const text = await reportFileText(session, head);
  if (text === undefined) return false;
  downloadText(exportFilename(`${head.title} report`, "html", "report"), text);
  return true;
}

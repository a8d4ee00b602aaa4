/**
 * The report drawn into the shell's print root (<nb-print-report>'s shadow root): the same head,
 * contents and sanitised outputs as the report file, with the notebook's cleaned CSS and the
 * report's own print rules.
 */
import { messages } from "../../base/locale/locale";
import { reportMarkup, type ReportHead } from "./report-document";
import type { ReportSnapshot } from "./report-snapshot";
import { REPORT_CSS } from "./report-styles";
import { sanitizeReport } from "./sanitize-report";

/** Draw the report of `snapshot` into `root`; a line that says so when there is none yet. */
export function drawReport(root: ShadowRoot, head: ReportHead, snapshot: ReportSnapshot | undefined, win: Window & typeof globalThis): void {
  if (!snapshot) {
    root.textContent = messages[head.locale].reportNotReady(head.title);
    return;
  }
  const safe = sanitizeReport(snapshot, win);
  const sheet = new win.CSSStyleSheet();
  // Rules for :root do not reach into a shadow root, and the shell's own :root may be dark: the
  // notebook's (light) palette is set on the report's container instead.
  sheet.replaceSync(`${safe.css.replace(/:root\b/g, ".nb-report")}\n${REPORT_CSS}`);
  root.adoptedStyleSheets = [sheet];
  const holder = win.document.createElement("template");
  holder.innerHTML = reportMarkup(head, safe);
  root.replaceChildren(holder.content);
}

/**
 * The report file: one self-contained HTML document with the notebook's outputs, its audit lines
 * (they are part of the outputs), the filter and the data notice. It needs no script and no
 * network: charts are inline SVG, pictures data: URLs, styles inline, and its policy
 * (`default-src 'none'`) keeps it from running or fetching anything even if a browser were to
 * find something to run. Every text from the notebook or the shell is escaped here; the body and
 * the CSS come sanitised (sanitize-report.ts).
 */
import { escapeHtml } from "../../base/escape-html";
import { messages, type Locale } from "../../base/locale/locale";
import { REPORT_CSS } from "./report-styles";
import { REPORT_BODY_CLASS, type SafeReport } from "./sanitize-report";

/** What the report says about itself, from the shell (trusted: the app's own state). */
export interface ReportHead {
  title: string;
  /** The filter in words ("no filter" when none). */
  filter: string;
  /** The data notice (the reconstruction, or the user's file), when the notebook reads the survey. */
  notice?: string;
  /** When it was made, as the reader's locale writes it. */
  made: string;
  /** The app's language: the file's `lang` and its own labels (contents, filter, made with). */
  locale: Locale;
}

/** The report file's policy: nothing runs, nothing is fetched; inline styles and data: pictures only. */
export const REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

/** The head, contents and body of a report, as markup (the shell's print shows the same). */
export function reportMarkup(head: ReportHead, report: SafeReport): string {
  const top = Math.min(...report.headings.map((h) => h.level));
  const words = messages[head.locale];
  const toc =
    report.headings.length > 1
      ? `<nav class="nb-report-toc" aria-label="${escapeHtml(words.contents)}"><h2>${escapeHtml(words.contents)}</h2><ol>${report.headings
          .map((h) => `<li class="lvl-${h.level - top + 1}"><a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a></li>`)
          .join("")}</ol></nav>`
      : "";
  return `<article class="nb-report">
<header class="nb-report-head">
<h1>${escapeHtml(head.title)}</h1>
<p class="nb-report-meta nb-report-filter"><strong>${escapeHtml(words.reportFilter)}:</strong> ${escapeHtml(head.filter)}</p>
<p class="nb-report-meta">${escapeHtml(words.reportMadeWith(head.made))}</p>
${head.notice ? `<p class="nb-report-notice" role="note">${escapeHtml(head.notice)}</p>` : ""}
</header>
${toc}
<main class="nb-report-main"><div class="${REPORT_BODY_CLASS}">
${report.html}
</div></main>
</article>`;
}

/** The whole report file. */
export function reportDocument(head: ReportHead, report: SafeReport): string {
  return `<!doctype html>
<html lang="${head.locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(head.title)}</title>
<style>
${report.css}
</style>
<style>
html, body { margin: 0; padding: 0; background: #fff; height: auto; overflow: visible; }
${REPORT_CSS}
</style>
</head>
<body>
${reportMarkup(head, report)}
</body>
</html>
`;
}

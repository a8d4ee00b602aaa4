/**
 * The report's own stylesheet, for the report file and the shell's print: a reading page — the
 * outputs at a readable width, the head with the filter and the data notice, the contents — and
 * print rules (A4 margins, no page break inside a chart or a table row, headings kept with what
 * follows). It is written after the notebook's own CSS, so its rules win where both speak.
 */
export const REPORT_CSS = `
.nb-report { color-scheme: light; font-family: var(--sans-serif, system-ui, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif); color: #1d2430; background: #fff; line-height: 1.5; max-width: 980px; margin: 0 auto; padding: 24px 28px 48px; }
.nb-report-head { border-bottom: 1px solid #cfd6de; padding-bottom: 10px; margin-bottom: 14px; position: relative; z-index: 1; background: #fff; }
/* The outputs paint in a stacking context of their own, under the head: whatever the notebook's
   (scoped) CSS positions there cannot cover the title, the filter or the data notice. */
.nb-report-main { position: relative; z-index: 0; isolation: isolate; }
/* The frame page's own html/body rules land on the report body (sanitize-report.ts): its fonts and
   variables are wanted, its page box is not. */
.nb-report-body { margin: 0; padding: 0; height: auto; min-height: 0; overflow: visible; background: transparent; }
.nb-report-head h1 { font-size: 24px; margin: 0 0 6px; }
.nb-report-meta { margin: 2px 0; font-size: 13px; color: #4a5565; }
.nb-report-meta strong { color: #1d2430; }
.nb-report-notice { margin: 8px 0 0; font-size: 13px; color: #6b4500; background: #fff6e0; border-left: 3px solid #d9a334; padding: 4px 10px; }
.nb-report-toc { margin: 0 0 18px; font-size: 14px; }
.nb-report-toc h2 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.07em; color: #5f6b7a; margin: 0 0 4px; }
.nb-report-toc ol { list-style: none; margin: 0; padding: 0; }
.nb-report-toc li { margin: 0 0 2px; }
.nb-report-toc a { color: #1f5fbf; text-decoration: none; }
.nb-report-toc .lvl-2 { padding-left: 14px; }
.nb-report-toc .lvl-3 { padding-left: 28px; font-size: 13px; }
.nb-report-cell { margin: 0 0 14px; }
.nb-report-cell svg { max-width: 100%; height: auto; }
.nb-report-cell img { max-width: 100%; height: auto; }
.nb-report-cell .nb-exportable { display: block; }
.nb-report-cell .nb-exportable > :first-child { max-width: none; }
.nb-report-cell input[disabled], .nb-report-cell select[disabled] { opacity: 1; color: inherit; }
@media print {
  @page { size: A4; margin: 16mm 14mm 18mm; }
  .nb-report { max-width: none; padding: 0; font-size: 11pt; }
  .nb-report-toc a::after { content: ""; }
  .nb-report-cell { break-inside: auto; }
  /* A scrolling box prints as one unbreakable block: a long table would leave half a page empty. */
  .nb-report-cell .tv-table, .nb-report-cell .cw-wrap, .nb-report-cell .nb-exportable > :first-child { overflow: visible; }
  .nb-report-cell h1, .nb-report-cell h2, .nb-report-cell h3 { break-after: avoid; page-break-after: avoid; }
  .nb-report-cell svg, .nb-report-cell figure:not(:has(table)), .nb-report-cell tr, .nb-report-cell img { break-inside: avoid; page-break-inside: avoid; }
  .nb-report-cell table { font-size: 9.5pt; }
  .nb-report-cell thead { display: table-header-group; }
  /* The contents stay on page 1 with the text after them: a page break here left most of page 1
     blank. Two columns keep a long contents short; the list does not break across pages. */
  .nb-report-toc ol { columns: 2; column-gap: 24px; }
  .nb-report-toc li { break-inside: avoid; }
}
`;

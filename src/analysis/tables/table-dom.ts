/**
 * The pieces every analysis table is built from, with the host's document (never innerHTML from
 * data, so a label cannot inject markup): elements with text, the audit block under a table, and
 * numbers in the app's language (base/locale: "1 234,5" or "1,234.5").
 */
import { DEFAULT_LOCALE, formatNumber as formatIn, type Locale } from "../../base/locale/locale";
import { setTableExportFields, type ExportFields } from "../export-fields";

/** An element with optional text and class. */
export function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

/**
 * A table's cells whose CSV export writes the given fields: noted while the table is drawn and
 * written onto it once its body is in place (one JSON, not an attribute per cell: export-fields.ts).
 */
export function exportCells(doc: Document): { cell(text: string, fields: ExportFields, className?: string): HTMLTableCellElement; write(table: Element): void } {
  const noted = new Map<Element, ExportFields>();
  return {
    cell: (text, fields, className) => {
      const td = element(doc, "td", text, className);
      noted.set(td, fields);
      return td;
    },
    write: (table) => setTableExportFields(table, noted),
  };
}

/** The audit line(s) under a table. */
export function auditBlock(doc: Document, audit: string | readonly string[]): HTMLElement {
  const lines = typeof audit === "string" ? [audit] : audit;
  const block = element(doc, "div", undefined, "tv-audit");
  for (const line of lines) block.append(element(doc, "p", line, "tv-audit-line"));
  return block;
}

/** A table's number in `locale`: integers as is, others with `decimals` (default 1); "–" when not finite. */
export function formatNumber(value: number, decimals?: number, locale: Locale = DEFAULT_LOCALE): string {
  if (!Number.isFinite(value)) return "–";
  return formatIn(locale, value, decimals ?? (Number.isInteger(value) ? 0 : 1));
}

/** What follows a percentage in `locale`: " %" in Norwegian, "%" in English (as formatPercent writes it). */
export function percentUnit(locale: Locale = DEFAULT_LOCALE): string {
  return locale === "en" ? "%" : " %";
}

/** A count: whole numbers as they are, weighted sums with two decimals. */
export function formatCount(value: number, locale: Locale = DEFAULT_LOCALE): string {
  return formatNumber(value, Number.isInteger(value) ? 0 : 2, locale);
}

/** A table row of cells: `th` for the first `headers` cells, `td` for the rest. */
export function tableRow(doc: Document, cells: readonly (string | HTMLElement)[], headers = 0, className?: string): HTMLTableRowElement {
  const tr = element(doc, "tr", undefined, className);
  cells.forEach((cell, i) => {
    if (typeof cell === "string") tr.append(element(doc, i < headers ? "th" : "td", cell));
    else tr.append(cell);
  });
  return tr;
}

/** A captioned `<figure class="tv-table">` with head rows, body rows, and the audit block. */
export function tableFigure(doc: Document, parts: { caption: string; head: HTMLTableRowElement[]; body: HTMLTableRowElement[]; audit: readonly string[]; notice?: string; className?: string }): HTMLElement {
  const figure = element(doc, "figure", undefined, parts.className ? `tv-table ${parts.className}` : "tv-table");
  if (parts.notice) figure.append(element(doc, "p", parts.notice, "tv-notice"));
  const table = element(doc, "table");
  table.append(element(doc, "caption", parts.caption));
  const thead = element(doc, "thead");
  thead.append(...parts.head);
  const tbody = element(doc, "tbody");
  tbody.append(...parts.body);
  table.append(thead, tbody);
  figure.append(table, auditBlock(doc, parts.audit));
  return figure;
}

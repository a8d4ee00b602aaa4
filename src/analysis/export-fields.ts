/**
 * The numbers behind a rendered table cell, for its CSV export. A reader sees "6 % (16)" and "✓";
 * an analyst's CSV needs percent 6 and count 16 in numeric columns and an agreement flag of 1. The
 * table renderers put those values on each cell as JSON in a `data-export` attribute (an attribute,
 * not a JavaScript property, so it survives cloning, serialising and a frame boundary), and the CSV
 * export (src/app/html-table-rows.ts) reads them back as named columns.
 *
 * The attribute is untrusted when a notebook built the table itself: `exportFieldsOf` keeps only
 * string keys with string, finite-number or null values, and never builds an object from the keys.
 */

/** One machine-readable value: a number (count, percent, 1/0 flag), a text, or blank. */
export type ExportValue = number | string | null;

/** Named values of one cell, in column order. */
export type ExportFields = readonly (readonly [string, ExportValue])[];

/** The attribute that carries a cell's export fields. */
export const EXPORT_FIELDS_ATTRIBUTE = "data-export";

/** Store `fields` (name → value, in order) on a rendered cell. Non-finite numbers are written blank. */
export function setExportFields(cell: Element, fields: ExportFields): void {
  const clean = fields.map(([name, value]) => [name, typeof value === "number" && !Number.isFinite(value) ? null : value]);
  cell.setAttribute(EXPORT_FIELDS_ATTRIBUTE, JSON.stringify(clean));
}

function isEntry(value: unknown): value is [string, ExportValue] {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== "string") return false;
  const v: unknown = value[1];
  return v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
}

/** The export fields of a cell, or undefined when it has none (or they are not well-formed). */
export function exportFieldsOf(cell: Element): ExportFields | undefined {
  const raw = cell.getAttribute(EXPORT_FIELDS_ATTRIBUTE);
  if (raw === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  return Array.isArray(parsed) && parsed.every(isEntry) ? parsed : undefined;
}

/**
 * The numbers behind a rendered table cell, for its CSV export. A reader sees "6 % (16)" and "✓";
 * an analyst's CSV needs percent 6 and count 16 in numeric columns and an agreement flag of 1. The
 * table renderers put those values on each cell as JSON in a `data-export` attribute (an attribute,
 * not a JavaScript property, so it survives cloning, serialising and a frame boundary), and the CSV
 * export (src/app/html-table-rows.ts) reads them back as named columns.
 *
 * The attribute is untrusted when a notebook built the table itself: `exportFieldsOf` keeps only
 * string keys with string, finite-number or null values, and never builds an object from the keys.
 *
 * Our own table renderers (render-table.ts) write the fields of all their body cells as one JSON on
 * the `<table>` instead (`data-export-rows`: per body row, per cell, its fields or null), issue 12:
 * a comparison table has 150–270 cells, and a `data-export` each — a JSON text and an attribute
 * per cell, made on every filter change that redraws it, copied with every kept copy — was a
 * quarter of drawing the table, for an export few readers ask for. `cellExportFields` reads a cell's
 * fields from either place, so the CSV is the same.
 */

/** One machine-readable value: a number (count, percent, 1/0 flag), a text, or blank. */
export type ExportValue = number | string | null;

/** Named values of one cell, in column order. */
export type ExportFields = readonly (readonly [string, ExportValue])[];

/** The attribute that carries a cell's export fields. */
export const EXPORT_FIELDS_ATTRIBUTE = "data-export";

/** The attribute on a `<table>` that carries the export fields of all its body cells. */
export const EXPORT_ROWS_ATTRIBUTE = "data-export-rows";

/** `fields` as written: non-finite numbers blank. */
function cleaned(fields: ExportFields): ExportFields {
  return fields.map(([name, value]) => [name, typeof value === "number" && !Number.isFinite(value) ? null : value]);
}

/** Store `fields` (name → value, in order) on a rendered cell. Non-finite numbers are written blank. */
export function setExportFields(cell: Element, fields: ExportFields): void {
  cell.setAttribute(EXPORT_FIELDS_ATTRIBUTE, JSON.stringify(cleaned(fields)));
}

/** The children of `parent` with one of the given tag names, in order. */
function childrenNamed(parent: Element, ...names: string[]): Element[] {
  return [...parent.children].filter((el) => names.includes(el.localName));
}

/** A table's body rows as the CSV export reads them: the rows of its `<tbody>`s, or its own rows when it has none. */
export function bodyRowsOf(table: Element): Element[] {
  const bodies = childrenNamed(table, "tbody");
  return (bodies.length > 0 ? bodies : [table]).flatMap((section) => childrenNamed(section, "tr"));
}

/** A row's cells (`td` and `th`), in order. */
export function cellsOfRow(row: Element): Element[] {
  return childrenNamed(row, "td", "th");
}

/**
 * Store on `table` the export fields of its body cells (`fields`: cell → its fields; a cell without
 * any exports its text), as one JSON in `data-export-rows`. Call once its body rows are in place.
 */
export function setTableExportFields(table: Element, fields: ReadonlyMap<Element, ExportFields>): void {
  const rows = bodyRowsOf(table).map((row) => cellsOfRow(row).map((cell) => {
    const own = fields.get(cell);
    return own ? cleaned(own) : null;
  }));
  table.setAttribute(EXPORT_ROWS_ATTRIBUTE, JSON.stringify(rows));
}

function isEntry(value: unknown): value is [string, ExportValue] {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== "string") return false;
  const v: unknown = value[1];
  return v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
}

function isFields(value: unknown): value is ExportFields {
  return Array.isArray(value) && value.every(isEntry);
}

function parsed(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** The export fields of a cell's own `data-export`, or undefined when it has none (or they are not well-formed). */
export function exportFieldsOf(cell: Element): ExportFields | undefined {
  const raw = cell.getAttribute(EXPORT_FIELDS_ATTRIBUTE);
  if (raw === null) return undefined;
  const fields = parsed(raw);
  return isFields(fields) ? fields : undefined;
}

/** A table's `data-export-rows` read once per text (the export reads every cell of a table). */
const readRows = new WeakMap<Element, { raw: string; rows: readonly (readonly unknown[])[] | undefined }>();

/**
 * The export fields per body row and cell from `table`'s `data-export-rows` (undefined where a cell
 * has none or they are not well-formed), or undefined when the table carries none or it is not an
 * array of arrays.
 */
export function tableExportFieldsOf(table: Element): ((row: number, cell: number) => ExportFields | undefined) | undefined {
  const raw = table.getAttribute(EXPORT_ROWS_ATTRIBUTE);
  if (raw === null) return undefined;
  let known = readRows.get(table);
  if (known?.raw !== raw) {
    const value = parsed(raw);
    known = { raw, rows: Array.isArray(value) && value.every((row) => Array.isArray(row)) ? value : undefined };
    readRows.set(table, known);
  }
  const rows = known.rows;
  if (!rows) return undefined;
  return (row, cell) => {
    const fields: unknown = rows[row]?.[cell];
    return isFields(fields) ? fields : undefined;
  };
}

/**
 * The export fields of a table cell: its own `data-export`, else those its table's
 * `data-export-rows` holds for its place among the body rows; undefined when neither has any.
 */
export function cellExportFields(cell: Element): ExportFields | undefined {
  const own = exportFieldsOf(cell);
  if (own) return own;
  const row = cell.parentElement;
  const section = row?.parentElement;
  const table = section?.localName === "table" ? section : section?.parentElement;
  if (!row || !table || table.localName !== "table") return undefined;
  const byPlace = tableExportFieldsOf(table);
  if (!byPlace) return undefined;
  const r = bodyRowsOf(table).indexOf(row);
  return r < 0 ? undefined : byPlace(r, cellsOfRow(row).indexOf(cell));
}

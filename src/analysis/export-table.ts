/**
 * Any table → CSV text (RFC 4180): a header row, value labels in place of codes where the column has
 * them, fields quoted when they contain the delimiter, a quote, CR or LF, CRLF line endings, and an
 * optional UTF-8 byte-order mark so Excel reads æøå correctly. Pure: no DOM, no I/O.
 *
 * Input is either an array of plain records or an Arquero-like table (`columnNames()`, `numRows()`,
 * `get(name, row)`), so result tables, filtered survey tables and hand-made rows all export alike.
 */
import type { Codebook, CodebookVariable } from "../data/codebook";

/** Arquero-like table: what `tableToCsv` needs from a column-oriented table. */
export interface ColumnTable {
  columnNames(): string[];
  numRows(): number;
  get(name: string, row: number): unknown;
}

/** What `tableToCsv` accepts: plain records or an Arquero-like table. */
export type TableLike = readonly Readonly<Record<string, unknown>>[] | ColumnTable;

/** One exported column. */
export interface CsvColumn {
  /** Key of the value in the record / column name in the table. */
  name: string;
  /** Header text; default the name. */
  header?: string;
  /** Labels by code; a value with a label is written as the label (unless `values: "codes"`). */
  valueLabels?: ReadonlyMap<number | string, string>;
}

/** How `tableToCsv` writes the file. */
export interface CsvOptions {
  /** Columns and their order; default every column (record keys in first-seen order). */
  columns?: readonly CsvColumn[];
  /** Write value labels (default) or the raw codes. */
  values?: "labels" | "codes";
  /** Prefix U+FEFF so Excel detects UTF-8. Default false. */
  bom?: boolean;
  /** Field separator; Norwegian Excel expects ";" together with `decimal: ","`. Default ",". */
  delimiter?: "," | ";" | "\t";
  /** Decimal mark for numbers. Default ".". */
  decimal?: "." | ",";
  /**
   * Prefix "'" to text starting with = + - @ so a spreadsheet does not run it as a formula (labels in a
   * shared notebook are untrusted). Numbers are never touched. Default false.
   */
  guardFormulas?: boolean;
}

/** Type guard for an Arquero-like table. */
export function isColumnTable(value: unknown): value is ColumnTable {
  if (typeof value !== "object" || value === null) return false;
  return ["columnNames", "numRows", "get"].every((k) => typeof Reflect.get(value, k) === "function");
}

function defaultColumns(table: TableLike): CsvColumn[] {
  if (isColumnTable(table)) return table.columnNames().map((name) => ({ name }));
  const seen = new Set<string>();
  for (const row of table) for (const key of Object.keys(row)) seen.add(key);
  return [...seen].map((name) => ({ name }));
}

function cellText(value: unknown, column: CsvColumn, options: CsvOptions): string {
  if (value === null || value === undefined) return "";
  if ((options.values ?? "labels") === "labels" && (typeof value === "number" || typeof value === "string")) {
    const label = column.valueLabels?.get(value);
    if (label !== undefined) return label;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    const text = String(value);
    return options.decimal === "," ? text.replace(".", ",") : text;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  if (typeof value === "string") return value;
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value) ?? "";
}

/** Quote one field per RFC 4180 (quotes doubled) when it needs it. */
export function csvField(text: string, delimiter: string = ","): string {
  if (text.includes(delimiter) || text.includes('"') || text.includes("\n") || text.includes("\r")) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

function guard(text: string, value: unknown, options: CsvOptions): string {
  if (!options.guardFormulas || typeof value === "number") return text;
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/** The CSV text of `table`: header row plus one row per record, CRLF-terminated. */
export function tableToCsv(table: TableLike, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ",";
  if (options.decimal === "," && delimiter === ",") {
    throw new Error('tableToCsv: decimal "," with delimiter "," would split every number; use delimiter ";" (Norwegian Excel) or decimal "."');
  }
  const columns = options.columns ?? defaultColumns(table);
  const lines: string[] = [columns.map((c) => csvField(guard(c.header ?? c.name, c.header ?? c.name, options), delimiter)).join(delimiter)];
  const rowCount = isColumnTable(table) ? table.numRows() : table.length;
  for (let i = 0; i < rowCount; i++) {
    const fields = columns.map((column) => {
      const value = isColumnTable(table) ? table.get(column.name, i) : table[i]?.[column.name];
      return csvField(guard(cellText(value, column, options), value, options), delimiter);
    });
    lines.push(fields.join(delimiter));
  }
  return `${options.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}

/**
 * Columns for survey variables with the codebook's labels: header "q3 Serviceerklæringer" style
 * (name and short label, so the file is readable and still maps back to the variable) and value labels
 * in the chosen language. Names not in the codebook are exported as is.
 */
export function codebookColumns(codebook: Codebook, names: readonly string[], language: "no" | "en" = "no"): CsvColumn[] {
  const all: CodebookVariable[] = [...codebook.variables, ...(codebook.derived ?? [])];
  const byName = new Map(all.map((v) => [v.name, v]));
  return names.map((name) => {
    const v = byName.get(name);
    if (!v) return { name };
    const label = v.label?.[language] ?? v[language];
    const valueLabels = new Map<number | string, string>(v.codes.map((c) => [c.code, c[language]]));
    return { name, header: label ? `${name} ${label}` : name, valueLabels };
  });
}

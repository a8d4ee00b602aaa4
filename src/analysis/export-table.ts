/**
 * Any table → CSV text (RFC 4180) that a spreadsheet and our own loader both read right:
 *   - numbers are written as numbers with a decimal point and no exponent ("0.0000001"), so they
 *     stay machine-readable in any locale (a decimal comma is an option for Norwegian Excel);
 *   - every text cell, headers and value labels included, passes OWASP's formula guard
 *     (`csv-formula-guard.ts`), so a label like `=HYPERLINK(…)` cannot run in Excel;
 *   - value labels are written in a `<column>_label` column beside the codes, not instead of them,
 *     and codebook columns are headed by the variable name, so an export loads back through
 *     `loadFile` with the same values (`values: "codes"` leaves the label columns out);
 *   - fields are quoted when they contain the delimiter, a quote, CR or LF; lines end in CRLF; an
 *     optional UTF-8 byte-order mark lets Excel read æøå.
 * Pure: no DOM, no I/O. Input is plain records or an Arquero-like table.
 */
import type { Codebook, CodebookVariable } from "../data/codebook";
import { guardFormula } from "./csv-formula-guard";

/** Arquero-like table: what `tableToCsv` needs from a column-oriented table. */
export interface ColumnTable {
  columnNames(): string[];
  numRows(): number;
  get(name: string, row: number): unknown;
}

/** What `tableToCsv` accepts: plain records or an Arquero-like table. */
export type ExportableTable = readonly Readonly<Record<string, unknown>>[] | ColumnTable;

/** One exported column. */
export interface CsvColumn {
  /** Key of the value in the record / column name in the table. */
  name: string;
  /** Header text; default the name. */
  header?: string;
  /** Labels by code, written in a `<header>_label` column after this one (unless `values: "codes"`). */
  valueLabels?: ReadonlyMap<number | string, string>;
}

/** How `tableToCsv` writes the file. */
export interface CsvOptions {
  /** Columns and their order; default every column (record keys in first-seen order). */
  columns?: readonly CsvColumn[];
  /** "labels" (default): codes plus a label column beside each labelled column; "codes": codes only. */
  values?: "labels" | "codes";
  /** Prefix U+FEFF so Excel detects UTF-8. Default false. */
  bom?: boolean;
  /** Field separator; Norwegian Excel expects ";" together with `decimal: ","`. Default ",". */
  delimiter?: "," | ";" | "\t";
  /** Decimal mark for numbers. Default "." (machine-readable in every locale). */
  decimal?: "." | ",";
  /**
   * Prefix "'" to formula-like text (OWASP's rule, see csv-formula-guard.ts). Default true; turn it
   * off only for a file no spreadsheet will open.
   */
  guardFormulas?: boolean;
}

/** Type guard for an Arquero-like table. */
export function isColumnTable(value: unknown): value is ColumnTable {
  if (typeof value !== "object" || value === null) return false;
  return ["columnNames", "numRows", "get"].every((k) => typeof Reflect.get(value, k) === "function");
}

function defaultColumns(table: ExportableTable): CsvColumn[] {
  if (isColumnTable(table)) return table.columnNames().map((name) => ({ name }));
  const seen = new Set<string>();
  for (const row of table) for (const key of Object.keys(row)) seen.add(key);
  return [...seen].map((name) => ({ name }));
}

/**
 * A finite number in plain decimal notation: JavaScript's shortest round-trip digits with the
 * exponent spelled out, so `Number(text)` gives the same number back and no reader meets "1e-7".
 */
export function plainNumber(value: number): string {
  const text = String(value === 0 ? 0 : value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = "", lead = "", rest = "", exp = "0"] = match;
  const digits = lead + rest;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  return point >= digits.length ? `${sign}${digits}${"0".repeat(point - digits.length)}` : `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** One output field before quoting: text, and whether it is a number (never guarded). */
interface Field {
  text: string;
  number: boolean;
}

function valueField(value: unknown, options: CsvOptions): Field {
  if (value === null || value === undefined) return { text: "", number: false };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { text: "", number: false };
    const text = plainNumber(value);
    return { text: options.decimal === "," ? text.replace(".", ",") : text, number: true };
  }
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? "" : value.toISOString(), number: false };
  if (typeof value === "string") return { text: value, number: false };
  if (typeof value === "boolean" || typeof value === "bigint") return { text: String(value), number: false };
  return { text: JSON.stringify(value) ?? "", number: false };
}

function labelField(value: unknown, column: CsvColumn): Field {
  const label = typeof value === "number" || typeof value === "string" ? column.valueLabels?.get(value) : undefined;
  return { text: label ?? "", number: false };
}

/** Quote one field per RFC 4180 (quotes doubled) when it needs it. */
export function csvField(text: string, delimiter: string = ","): string {
  if (text.includes(delimiter) || text.includes('"') || text.includes("\n") || text.includes("\r")) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

/** The CSV text of `table`: header row plus one row per record, CRLF-terminated. */
export function tableToCsv(table: ExportableTable, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ",";
  if (options.decimal === "," && delimiter === ",") {
    throw new Error('tableToCsv: decimal "," with delimiter "," would split every number; use delimiter ";" (Norwegian Excel) or decimal "."');
  }
  const guard = options.guardFormulas ?? true;
  const write = (field: Field): string => csvField(guard && !field.number ? guardFormula(field.text) : field.text, delimiter);
  const withLabels = (options.values ?? "labels") === "labels";
  const columns = options.columns ?? defaultColumns(table);
  const labelled = (c: CsvColumn): boolean => withLabels && c.valueLabels !== undefined && c.valueLabels.size > 0;
  const header = columns.flatMap((c) => {
    const name = c.header ?? c.name;
    return labelled(c) ? [name, `${name}_label`] : [name];
  });
  const lines: string[] = [header.map((h) => write({ text: h, number: false })).join(delimiter)];
  const rowCount = isColumnTable(table) ? table.numRows() : table.length;
  for (let i = 0; i < rowCount; i++) {
    const fields = columns.flatMap((column) => {
      const value = isColumnTable(table) ? table.get(column.name, i) : table[i]?.[column.name];
      const field = write(valueField(value, options));
      return labelled(column) ? [field, write(labelField(value, column))] : [field];
    });
    lines.push(fields.join(delimiter));
  }
  return `${options.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}

/**
 * Columns for survey variables, headed by the variable name (so the file loads back and maps to the
 * codebook) with the codebook's value labels in the chosen language, written beside the codes.
 * Names not in the codebook are exported as is.
 */
export function codebookColumns(codebook: Codebook, names: readonly string[], language: "no" | "en" = "no"): CsvColumn[] {
  const all: CodebookVariable[] = [...codebook.variables, ...(codebook.derived ?? [])];
  const byName = new Map(all.map((v) => [v.name, v]));
  return names.map((name) => {
    const v = byName.get(name);
    if (!v || v.codes.length === 0) return { name };
    return { name, valueLabels: new Map<number | string, string>(v.codes.map((c) => [c.code, c[language]])) };
  });
}

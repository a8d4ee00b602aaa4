/**
 * A one-line picture of a cell's current value for the editor's hover: what kind of thing it is and
 * its size or first items — never the whole value (a crosstab result prints thousands of characters).
 */
import { describeFunction } from "../../base/describe-function";
import { messages, type Locale } from "../../base/locale/locale";

const MAX = 160;

function clip(text: string): string {
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

function isArquero(value: object): value is { numRows(): number; numCols(): number; columnNames(): string[] } {
  return "numRows" in value && typeof value.numRows === "function" && "numCols" in value && typeof value.numCols === "function" && "columnNames" in value && typeof value.columnNames === "function";
}

function scalar(value: unknown): string | undefined {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return undefined;
}

/** "Array(4) [1, 2, 3, …]", "table 267 rows × 120 columns", "<figure> element", "{rows, columns, cells, …}". */
export function valueSummary(value: unknown, locale: Locale = "en"): string {
  const words = messages[locale].authoring;
  const simple = scalar(value);
  if (simple !== undefined) return clip(simple);
  if (typeof value === "function") return describeFunction(value);
  if (typeof value !== "object" || value === null) return typeof value;
  if (Array.isArray(value)) return clip(`Array(${value.length}) [${value.slice(0, 5).map((v) => scalar(v) ?? (Array.isArray(v) ? "[…]" : "{…}")).join(", ")}${value.length > 5 ? ", …" : ""}]`);
  if (typeof Node !== "undefined" && value instanceof Node) return value instanceof Element ? words.assistElement(value.tagName.toLowerCase()) : words.assistNode;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map || value instanceof Set) return `${value.constructor.name}(${value.size})`;
  if (isArquero(value)) return words.assistTable(value.numRows(), value.numCols());
  const summary: unknown = Reflect.get(value, "summary");
  if (typeof summary === "string") return clip(summary);
  const keys = Object.keys(value);
  const parts = keys.slice(0, 6).map((k) => {
    const v: unknown = Reflect.get(value, k);
    const s = scalar(v);
    return s !== undefined && s.length <= 30 ? `${k}: ${s}` : k;
  });
  return clip(`{${parts.join(", ")}${keys.length > 6 ? `, ${words.assistMore(keys.length - 6)}` : ""}}`);
}

import { parseExpressionAt } from "acorn";
import { marked } from "marked";
import { parseOptions } from "./analyze-cell";
import { CELL_KIND_NAMES, CELL_TYPES, type CellDoc } from "../notebook/document";
import { isMarkdownOutput, type MarkdownOutput, type UnsupportedCellOutput } from "./types";

/** A markdown cell split at its `${…}` interpolations: strings.length === expressions.length + 1. */
export interface MarkdownTemplate {
  ok: true;
  strings: string[];
  expressions: string[];
}

/** An interpolation that does not parse; positions are 1-based within the cell. */
export interface MarkdownTemplateError {
  ok: false;
  message: string;
  line: number;
  column: number;
}

function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split("\n");
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/**
 * Splits a markdown cell at `${expr}` (as in a template literal; `\${` stays literal text).
 * Acorn parses each expression, so braces inside strings or objects are handled.
 */
export function parseMarkdownCell(source: string): MarkdownTemplate | MarkdownTemplateError {
  const strings: string[] = [];
  const expressions: string[] = [];
  let text = "";
  let i = 0;
  while (i < source.length) {
    if (source.startsWith("\\${", i)) {
      text += "${";
      i += 3;
      continue;
    }
    if (!source.startsWith("${", i)) {
      text += source[i];
      i++;
      continue;
    }
    const start = i + 2;
    let end: number;
    try {
      end = parseExpressionAt(source, start, parseOptions).end;
    } catch (e) {
      const where = position(source, start);
      const reason = e instanceof Error ? e.message.replace(/\s*\(\d+:\d+\)$/, "") : String(e);
      return {
        ok: false,
        message: `Syntax error in the \${…} at line ${where.line}, column ${where.column}: ${reason}. Fix the expression or write \\\${ for a literal \${.`,
        ...where,
      };
    }
    let close = end;
    while (close < source.length && /\s/.test(source[close] ?? "")) close++;
    if (source[close] !== "}") {
      const where = position(source, close);
      return {
        ok: false,
        message: `Syntax error at line ${where.line}, column ${where.column}: expected } to close the \${…} that starts at offset ${i}. Add the closing brace.`,
        ...where,
      };
    }
    strings.push(text);
    expressions.push(source.slice(start, end));
    text = "";
    i = close + 1;
  }
  strings.push(text);
  return { ok: true, strings, expressions };
}

/** JavaScript source of an expression cell that evaluates every interpolation into an array. */
export function markdownValuesSource(template: MarkdownTemplate): string {
  return `[${template.expressions.map((e) => `(${e}\n)`).join(", ")}]`;
}

function hasOuterHTML(value: object): value is { outerHTML: string } {
  return "outerHTML" in value && typeof value.outerHTML === "string";
}

/** How an interpolated value appears in markdown text. */
export function interpolationText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (isMarkdownOutput(value)) return value.html;
  if (typeof value === "object" && hasOuterHTML(value)) return value.outerHTML;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Renders a markdown template with its interpolated values into raw HTML (the UI sanitizes). */
export function renderMarkdown(strings: string[], values: unknown[]): MarkdownOutput {
  let text = strings[0] ?? "";
  for (let k = 0; k < values.length; k++) text += interpolationText(values[k]) + (strings[k + 1] ?? "");
  const html = marked.parse(text, { async: false });
  return { kind: "markdown", html };
}

/** Text as HTML text or a quoted attribute value (the five characters HTML gives meaning to). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * How an interpolated value appears in an html cell: as in Notebook Kit's html`…`, text is
 * escaped, while DOM nodes and rendered markdown/html go in as markup.
 */
export function htmlInterpolation(value: unknown): string {
  if (Array.isArray(value)) return value.map(htmlInterpolation).join("");
  if (isMarkdownOutput(value)) return value.html;
  if (typeof value === "object" && value !== null && hasOuterHTML(value)) return value.outerHTML;
  return escapeHtml(interpolationText(value));
}

/** Renders an html cell with its interpolated values into raw HTML (the UI sanitizes, as for markdown). */
export function renderHtml(strings: string[], values: unknown[]): MarkdownOutput {
  let html = strings[0] ?? "";
  for (let k = 0; k < values.length; k++) html += htmlInterpolation(values[k]) + (strings[k + 1] ?? "");
  return { kind: "markdown", html };
}

/** The notice a cell of a kind this app does not run shows instead of a value. */
export function unsupportedCell(cell: CellDoc): UnsupportedCellOutput {
  const own = cell.attributes?.find(([name]) => name === "type")?.[1];
  const type = own ?? (cell.kind === "other" ? "" : CELL_TYPES[cell.kind]);
  const what = cell.kind === "other" ? `This cell type (${type})` : `This cell type (${CELL_KIND_NAMES[cell.kind]}, type="${type}")`;
  return {
    kind: "unsupported",
    cellKind: cell.kind,
    type,
    message: `${what} is not supported here, so it is not run. It is kept unchanged in the notebook and its file; open the file in Observable Notebook Kit to run it.`,
  };
}

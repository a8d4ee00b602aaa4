/**
 * Markdown and html cells at run time: their interpolated values into HTML (marked, within the
 * limits of markdown-to-html.ts), and the notice of a cell mode not run. Splitting a cell at its `${…}` is compile time (markdown-template.ts).
 */
import { escapeHtml } from "../base/escape-html";
import { unwrap } from "../base/result";
import { messages } from "../base/locale/locale";
import { CELL_KIND_NAMES, CELL_TYPES, isCellKind, type CellDoc } from "../notebook/document";
import { boundedHtml } from "./html-limits";
import { markdownToHtml } from "./markdown-to-html";
import { isMarkdownOutput, type MarkdownOutput, type UnsupportedCellOutput } from "./types";

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

/**
 * Renders a markdown template with its interpolated values into raw HTML (the UI sanitizes).
 * Throws a ProblemError (the cell shows its message) when the text is too long or nests too deep.
 */
export function renderMarkdown(strings: string[], values: unknown[]): MarkdownOutput {
  let text = strings[0] ?? "";
  for (let k = 0; k < values.length; k++) text += interpolationText(values[k]) + (strings[k + 1] ?? "");
  return { kind: "markdown", html: unwrap(markdownToHtml(text)) };
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

/**
 * Renders an html cell with its interpolated values into raw HTML (the UI sanitizes, as for markdown).
 * Throws a ProblemError (the cell shows its message) when the HTML is too long or nests too deep (html-limits.ts).
 */
export function renderHtml(strings: string[], values: unknown[]): MarkdownOutput {
  let html = strings[0] ?? "";
  for (let k = 0; k < values.length; k++) html += htmlInterpolation(values[k]) + (strings[k + 1] ?? "");
  return { kind: "markdown", html: unwrap(boundedHtml(html)) };
}

/** The name of a cell mode for the unsupported note; undefined for a type Kit does not know. */
export function unsupportedKindName(kind: string): string | undefined {
  return isCellKind(kind) && kind !== "other" ? CELL_KIND_NAMES[kind] : undefined;
}

/** The notice a cell of a kind this app does not run shows instead of a value. */
export function unsupportedCell(cell: CellDoc): UnsupportedCellOutput {
  const own = cell.attributes?.find(([name]) => name === "type")?.[1];
  const type = own ?? (cell.kind === "other" ? "" : CELL_TYPES[cell.kind]);
  // The message is for readers without a page (the headless runner); the page words it in its language.
  return { kind: "unsupported", cellKind: cell.kind, type, message: messages.en.unsupportedCell(unsupportedKindName(cell.kind), type) };
}

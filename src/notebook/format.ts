import { ok, problem, type Problem, type Result } from "../base/result";
import { isLocale, type Locale } from "../base/locale/locale";
import { CELL_KIND_NAMES, CELL_TYPES, isCellKind, type CellDoc, type CellKind, type NotebookComment, type NotebookDoc } from "./document";
import { RAW_TEXT_ELEMENTS, decodeEntities, lineCounter, lineOf, nextMarkup, rawTextEnd, scriptDataEnd, type Attributes, type ScanProblemKind } from "./html-scan";

/**
 * Observable Notebook Kit's open file format:
 *
 *   <!doctype html>
 *   <notebook theme="air">
 *     <title>Title</title>
 *     <script id="1" type="text/markdown">
 *       # Hello
 *     </script>
 *     <script id="2" type="module" pinned="">
 *       1 + 2
 *     </script>
 *   </notebook>
 *
 * serializeNotebook writes exactly what Notebook Kit writes (so parse → serialize of a Kit file
 * is byte-identical); parseNotebook keeps attributes it does not interpret, every cell mode Kit
 * defines (html, tex, sql, dot, ojs, node, python) and the comments between cells, so nothing is
 * lost. It reads the file with HTML's rules (see html-scan.ts): a `<script>` inside a comment stays
 * a comment. `</script` inside a cell is written `<\/script` (a backslash per existing backslash
 * run, so the mapping is reversible) — Kit's own escape: entities would not be decoded inside
 * <script>.
 *
 * A markdown cell's text in another language (`CellDoc.variants`) is a sibling element right after
 * the cell: `<script type="text/markdown" lang="nb" for="intro">` — those three attributes and no
 * others, naming the cell just before it, which has no text in that language yet. Anything else that
 * looks like one (an id of its own, a comment between, another cell's id) is an ordinary cell, kept
 * as written. Kit, which knows no variants, shows it as one more markdown cell after the first.
 */

export type NotebookProblemKind = "not-a-notebook" | "unclosed-element" | ScanProblemKind;

/** A parsed file, and what was changed to read it (today: renumbered duplicate ids). */
export interface ParsedNotebook {
  doc: NotebookDoc;
  /** Things the reader fixed; each says what was changed and what to do. Show them, then go on. */
  warnings: Array<Problem<"duplicate-id">>;
}

/** HTML serialization of an attribute value (what outerHTML writes). */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/\u00a0/g, "&nbsp;");
}

/** HTML serialization of a text node outside script/style (what outerHTML writes). */
function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/\u00a0/g, "&nbsp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const SCRIPT_END = /<(?=\\*\/script(?:[\s>/]|$))/gi;
const ESCAPED_SCRIPT_END = /<\\(?=\\*\/script(?:[\s>/]|$))/gi;

/** `<!--` is written `<\\!--` in a cell that needs it (below); a `<\\!--` already in a cell always gains a backslash, so reading takes one off every time. */
const COMMENT_OPEN = /<(?=!--)/g;
const BACKSLASHED_COMMENT_OPEN = /<(?=\\+!--)/g;
const ESCAPED_COMMENT_OPEN = /<\\(?=\\*!--)/g;

/**
 * A cell's text as written inside its `<script>`. `</script` is written `<\/script`, as Kit does.
 * A cell whose text would leave HTML's tokenizer "double escaped" at its end (`<!--<script>` with no
 * `-->` after it) would swallow the cells after it in any HTML reader, Kit's and ours
 * (html-scan.ts `scriptDataEnd`): its `<!--` is written `<\!--`. Kit has no such escape, so Kit
 * shows that one cell with the backslash, but reads every other cell right (docs/decisions.md).
 */
function escapeScript(source: string): string {
  const escaped = source.replace(SCRIPT_END, "<\\").replace(BACKSLASHED_COMMENT_OPEN, "<\\");
  const open = `${escaped}</script>`;
  return scriptDataEnd(open, 0) === escaped.length ? escaped : escaped.replace(COMMENT_OPEN, "<\\");
}

function unescapeScript(text: string): string {
  return text.replace(ESCAPED_SCRIPT_END, "<").replace(ESCAPED_COMMENT_OPEN, "<");
}

/** Kit's indentation: four spaces on every non-empty line (whitespace-only lines kept too). */
function indent(source: string): string {
  // Split as dedent does (CRLF and a lone CR end lines too): a line after a lone CR that was left
  // unindented would lose four of its own leading spaces on reading.
  const lines = source.split(/\r\n?|\n/);
  return `\n${lines.map((l) => (l.length ? `    ${l}` : "")).join("\n")}\n  `;
}

function dedent(text: string): string {
  const lines = text.split(/\r\n?|\n/);
  if (lines.length && !lines[lines.length - 1]?.trim()) lines.pop();
  if (lines.length && !lines[0]?.trim()) lines.shift();
  return lines.map((l) => l.replace(/^ {4}/, "")).join("\n");
}

function isKitKind(kind: CellKind): kind is keyof typeof CELL_TYPES {
  return kind !== "other";
}

const KIND_OF_TYPE = new Map<string, CellKind>(
  Object.keys(CELL_KIND_NAMES)
    .filter(isCellKind)
    .filter(isKitKind)
    .map((kind) => [CELL_TYPES[kind], kind]),
);
/** Types a browser runs as classic JavaScript; Kit runs any type it does not know as JavaScript too. */
const JAVASCRIPT_TYPES = new Set(["text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript"]);

/**
 * The kind a `type` attribute names (MIME types ignore case, as in HTML). Kit's own types name
 * their mode; no type, or a JavaScript MIME type, is JavaScript; anything else is `other` — not
 * run, so a cell in a language we do not know is not reported as a JavaScript syntax error.
 */
export function cellKindOfType(type: string | undefined): CellKind {
  const normal = (type ?? "").trim().toLowerCase();
  if (normal === "") return "js";
  return KIND_OF_TYPE.get(normal) ?? (JAVASCRIPT_TYPES.has(normal) ? "js" : "other");
}

/** A cell as read from its `<script>`; `id` may be empty (assigned after the whole file is read). */
interface ReadCell {
  cell: CellDoc;
  line: number;
  comments: string[];
}

function readCell(attributes: Attributes, content: string): CellDoc {
  const cell: CellDoc = { id: "", kind: "js", source: dedent(unescapeScript(content)) };
  const rest: Attributes = [];
  for (const [name, value] of attributes) {
    if (name === "id") cell.id = value;
    else if (name === "pinned") cell.pinned = true;
    else if (name === "type") {
      cell.kind = cellKindOfType(value);
      // Kit's own type is implied by the kind; any other type is kept as written.
      if (!isKitKind(cell.kind) || CELL_TYPES[cell.kind] !== value) rest.push([name, value]);
    } else rest.push([name, value]);
  }
  if (rest.length) cell.attributes = rest;
  return cell;
}

/** The language and cell a variant's `<script>` names; undefined when it is not exactly a variant's tag. */
function variantTag(attributes: Attributes): { lang: Locale; for: string } | undefined {
  if (attributes.length !== 3) return undefined;
  const value = (name: string) => attributes.find(([n]) => n === name)?.[1];
  const type = value("type");
  const lang = value("lang");
  const target = value("for");
  if (type === undefined || cellKindOfType(type) !== "md" || !isLocale(lang) || !target) return undefined;
  return { lang, for: target };
}

/**
 * Gives every cell a unique id. A cell without one gets the next free integer (as Notebook Kit
 * does); a cell whose id an earlier cell already has is renumbered the same way, with a warning, so
 * neither cell is dropped (the runtime keys cells by id, and a share link refuses duplicates).
 */
function assignIds(read: ReadCell[]): ParsedNotebook["warnings"] {
  const warnings: ParsedNotebook["warnings"] = [];
  const taken = new Set(read.map((r) => r.cell.id).filter((id) => id !== ""));
  const firstLine = new Map<string, number>();
  let next = 1;
  const fresh = () => {
    while (taken.has(String(next))) next++;
    taken.add(String(next));
    return String(next);
  };
  for (const r of read) {
    const id = r.cell.id;
    if (id === "") {
      r.cell.id = fresh();
      continue;
    }
    const earlier = firstLine.get(id);
    if (earlier === undefined) {
      firstLine.set(id, r.line);
      continue;
    }
    r.cell.id = fresh();
    warnings.push({
      kind: "duplicate-id",
      message: `Two cells have id "${id}" (lines ${earlier} and ${r.line}); the second now has id "${r.cell.id}". Both cells are kept — save or export the notebook to keep the new id.`,
    });
  }
  return warnings;
}

/**
 * Parses a notebook file. Expected failures (not a notebook, a tag or element never closed) are a
 * Problem that says where and what to fix; nothing is thrown.
 */
export function parseNotebook(text: string): Result<ParsedNotebook, Problem<NotebookProblemKind>> {
  // Find <notebook> as a browser does: not inside a comment, nor inside a <script> or <style> before it.
  let at = 0;
  let head: { attributes: Attributes; end: number } | undefined;
  while (!head) {
    const step = nextMarkup(text, at);
    if (!step.ok) return step;
    const markup = step.value;
    if (!markup) {
      return problem("not-a-notebook", "Not a notebook file: no <notebook> element. Notebook files are HTML with one <notebook> element holding one <script> per cell.");
    }
    at = markup.end;
    if (markup.type !== "open") continue;
    if (markup.name === "notebook") head = markup;
    else if (RAW_TEXT_ELEMENTS.has(markup.name)) at = rawTextEnd(text, at, markup.name) ?? text.length;
  }
  const doc: NotebookDoc = { title: "", cells: [] };
  const extra: Attributes = [];
  for (const [name, value] of head.attributes) {
    if (name === "theme") doc.theme = value;
    else extra.push([name, value]);
  }
  if (extra.length) doc.attributes = extra;

  const read: ReadCell[] = [];
  const cellLine = lineCounter(text);
  let waiting: string[] = [];
  let titled = false;
  at = head.end;
  for (;;) {
    const step = nextMarkup(text, at);
    if (!step.ok) return step;
    const markup = step.value;
    if (!markup) return problem("unclosed-element", "The <notebook> element is never closed: add </notebook> at the end of the file.");
    at = markup.end;
    if (markup.type === "close" && markup.name === "notebook") break;
    if (markup.type === "comment") {
      if (text.startsWith("<!--", markup.start)) waiting.push(text.slice(markup.start, markup.end));
      continue;
    }
    if (markup.type !== "open" || !RAW_TEXT_ELEMENTS.has(markup.name)) continue;
    const close = rawTextEnd(text, markup.end, markup.name);
    if (close === undefined) {
      return problem("unclosed-element", `The <${markup.name}> at line ${lineOf(text, markup.start)} is never closed: add </${markup.name}>.`);
    }
    const content = text.slice(markup.end, close);
    const gt = text.indexOf(">", close);
    at = gt < 0 ? text.length : gt + 1;
    // The first <title> names the notebook, as document.querySelector("title") does for Kit.
    if (markup.name === "title" && !titled) doc.title = decodeEntities(content);
    if (markup.name === "title") titled = true;
    if (markup.name !== "script") continue;
    const variant = variantTag(markup.attributes);
    const last = read[read.length - 1]?.cell;
    if (variant && waiting.length === 0 && last?.kind === "md" && last.id === variant.for && last.variants?.[variant.lang] === undefined) {
      last.variants = { ...last.variants, [variant.lang]: dedent(unescapeScript(content)) };
      continue;
    }
    read.push({ cell: readCell(markup.attributes, content), line: cellLine(markup.start), comments: waiting });
    waiting = [];
  }
  const warnings = assignIds(read);
  doc.cells = read.map((r) => r.cell);
  const comments: NotebookComment[] = read.flatMap((r) => r.comments.map((comment) => ({ text: comment, before: r.cell.id })));
  comments.push(...waiting.map((comment) => ({ text: comment })));
  if (comments.length) doc.comments = comments;
  return ok({ doc, warnings });
}

function attributeText(attributes: Attributes): string {
  return attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join("");
}

/** A markdown cell's variants, each as its sibling `<script lang for>` (read back by `variantTag`). */
function variantElements(cell: CellDoc): string {
  let out = "";
  for (const [lang, text] of Object.entries(cell.variants ?? {})) {
    if (text === undefined) continue;
    out += `\n  <script${attributeText([["type", CELL_TYPES.md], ["lang", lang], ["for", cell.id]])}>${indent(escapeScript(text))}</script>`;
  }
  return out;
}

/** Writes a notebook file the way Notebook Kit does (comments go back where they stood). */
export function serializeNotebook(doc: NotebookDoc): string {
  const head: Attributes = doc.theme === undefined ? [] : [["theme", doc.theme]];
  let out = `<!doctype html>\n<notebook${attributeText([...head, ...(doc.attributes ?? [])])}>`;
  out += `\n  <title>${escapeText(doc.title)}</title>`;
  const comments = doc.comments ?? [];
  const ids = new Set(doc.cells.map((c) => c.id));
  for (const cell of doc.cells) {
    for (const comment of comments) if (comment.before === cell.id) out += `\n  ${comment.text}`;
    const extra = cell.attributes ?? [];
    // A type that is not Kit's own for the kind (or an unknown one) is kept in `attributes`.
    const ownType = extra.some(([name]) => name === "type");
    const attributes: Attributes = [["id", cell.id]];
    if (!ownType && isKitKind(cell.kind)) attributes.push(["type", CELL_TYPES[cell.kind]]);
    if (cell.pinned) attributes.push(["pinned", ""]);
    out += `\n  <script${attributeText([...attributes, ...extra])}>${indent(escapeScript(cell.source))}</script>`;
    if (cell.kind === "md") out += variantElements(cell);
  }
  // Comments after the last cell, and those whose cell was deleted, go at the end.
  for (const comment of comments) if (comment.before === undefined || !ids.has(comment.before)) out += `\n  ${comment.text}`;
  return `${out}\n</notebook>\n`;
}

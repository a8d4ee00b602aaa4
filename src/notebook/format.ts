import type { CellDoc, NotebookDoc } from "./document";

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
 * is byte-identical); parseNotebook keeps attributes it does not interpret so nothing is lost.
 * `</script` inside a cell is written `<\/script` (a backslash per existing backslash run, so
 * the mapping is reversible) — Kit's own escape: entities would not be decoded inside <script>.
 */

/** Parse failure with a message that says what is wrong and how to fix the file. */
export class NotebookFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotebookFormatError";
  }
}

const JS_TYPE = "module";
const MD_TYPE = "text/markdown";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
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

function escapeScript(source: string): string {
  return source.replace(SCRIPT_END, "<\\");
}

function unescapeScript(text: string): string {
  return text.replace(ESCAPED_SCRIPT_END, "<");
}

/** Kit's indentation: four spaces on every non-empty line (whitespace-only lines kept too). */
function indent(source: string): string {
  const lines = source.split("\n");
  return `\n${lines.map((l) => (l.length ? `    ${l}` : "")).join("\n")}\n  `;
}

function dedent(text: string): string {
  const lines = text.split(/\r\n?|\n/);
  if (lines.length && !lines[lines.length - 1]?.trim()) lines.pop();
  if (lines.length && !lines[0]?.trim()) lines.shift();
  return lines.map((l) => l.replace(/^ {4}/, "")).join("\n");
}

type Attributes = Array<[name: string, value: string]>;

/** Reads attributes from `text` starting at `at` up to the closing `>`; returns them and the index after `>`. */
function readAttributes(text: string, at: number): { attributes: Attributes; end: number } {
  const attributes: Attributes = [];
  const pattern = /\s*(?:(\/?>)|([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?)/y;
  pattern.lastIndex = at;
  for (;;) {
    const m = pattern.exec(text);
    if (!m) throw new NotebookFormatError(`Unterminated tag near offset ${at}: add the missing ">".`);
    if (m[1]) return { attributes, end: pattern.lastIndex };
    const name = (m[2] ?? "").toLowerCase();
    const raw = m[3] ?? m[4] ?? m[5] ?? "";
    attributes.push([name, decodeEntities(raw)]);
  }
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/** Parses a notebook file. Throws NotebookFormatError (with the fix) when it is not one. */
export function parseNotebook(text: string): NotebookDoc {
  const open = /<notebook(?=[\s>/])/i.exec(text);
  if (!open) throw new NotebookFormatError("Not a notebook file: no <notebook> element. Notebook files are HTML with one <notebook> element holding one <script> per cell.");
  const head = readAttributes(text, open.index + open[0].length);
  const doc: NotebookDoc = { title: "", cells: [] };
  const extra: Attributes = [];
  for (const [name, value] of head.attributes) {
    if (name === "theme" && doc.theme === undefined) doc.theme = value;
    else extra.push([name, value]);
  }
  if (extra.length) doc.attributes = extra;
  const usedIds = new Set<string>();
  const pending: CellDoc[] = [];
  const tag = /<(\/notebook|title|script)(?=[\s>/])/gi;
  tag.lastIndex = head.end;
  let closed = false;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const kind = (m[1] ?? "").toLowerCase();
    if (kind === "/notebook") {
      closed = true;
      break;
    }
    const { attributes, end } = readAttributes(text, m.index + m[0].length);
    const closer = new RegExp(`</${kind}(?=[\\s>/])`, "ig");
    closer.lastIndex = end;
    const close = closer.exec(text);
    if (!close) throw new NotebookFormatError(`The <${kind}> at line ${lineOf(text, m.index)} is never closed: add </${kind}>.`);
    const content = text.slice(end, close.index);
    const after = text.indexOf(">", close.index);
    tag.lastIndex = after < 0 ? text.length : after + 1;
    if (kind === "title") {
      doc.title = decodeEntities(content);
      continue;
    }
    const cell: CellDoc = { id: "", kind: "js", source: dedent(unescapeScript(content)) };
    const rest: Attributes = [];
    for (const [name, value] of attributes) {
      if (name === "id" && !cell.id) cell.id = value;
      else if (name === "type" && (value === JS_TYPE || value === MD_TYPE)) cell.kind = value === MD_TYPE ? "md" : "js";
      else if (name === "pinned") cell.pinned = true;
      else rest.push([name, value]);
    }
    if (rest.length) cell.attributes = rest;
    if (cell.id) usedIds.add(cell.id);
    pending.push(cell);
  }
  if (!closed) throw new NotebookFormatError("The <notebook> element is never closed: add </notebook> at the end of the file.");
  // Cells without an id get the next free integer, as Notebook Kit does.
  let next = 1;
  for (const cell of pending) {
    if (!cell.id) {
      while (usedIds.has(String(next))) next++;
      cell.id = String(next);
      usedIds.add(cell.id);
    }
  }
  doc.cells = pending;
  return doc;
}

/** Errors-as-values variant of {@link parseNotebook} for imports and links. */
export function tryParseNotebook(text: string): { ok: true; doc: NotebookDoc } | { ok: false; error: string } {
  try {
    return { ok: true, doc: parseNotebook(text) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

function attributeText(attributes: Attributes): string {
  return attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join("");
}

/** Writes a notebook file the way Notebook Kit does. */
export function serializeNotebook(doc: NotebookDoc): string {
  const head: Attributes = doc.theme === undefined ? [] : [["theme", doc.theme]];
  let out = `<!doctype html>\n<notebook${attributeText([...head, ...(doc.attributes ?? [])])}>`;
  out += `\n  <title>${escapeText(doc.title)}</title>`;
  for (const cell of doc.cells) {
    const extra = cell.attributes ?? [];
    // A cell of another Notebook Kit type (e.g. text/html) keeps its type attribute in `attributes`.
    const ownType = extra.some(([name]) => name === "type");
    const attributes: Attributes = [["id", cell.id]];
    if (!ownType) attributes.push(["type", cell.kind === "md" ? MD_TYPE : JS_TYPE]);
    if (cell.pinned) attributes.push(["pinned", ""]);
    out += `\n  <script${attributeText([...attributes, ...extra])}>${indent(escapeScript(cell.source))}</script>`;
  }
  return `${out}\n</notebook>\n`;
}

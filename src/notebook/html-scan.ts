/**
 * A small HTML tokenizer for notebook files: just enough of the HTML parsing rules to find the
 * `<notebook>`, `<title>` and `<script>` elements where a browser (and so Notebook Kit, which reads
 * files with DOMParser) finds them. What it gets right that a regular expression does not:
 * - comments are comments: a `<script>` inside `<!-- … -->` is not a cell;
 * - the content of raw-text elements (`<script>`, `<style>`, `<textarea>`, …) is text: a
 *   `<script>` written inside a `<style>` is not a cell either;
 * - a stray `/` inside a tag is ignored (`<script / id="1">` is `<script id="1">`), as in HTML.
 * Where HTML would silently swallow the rest of the file (an attribute quote never closed, a tag
 * never ended), the scanner stops with a Problem that names the line and the fix instead.
 */
import { problem, type Problem, type Result } from "../base/result";

export type Attributes = Array<[name: string, value: string]>;

/** One piece of markup; text between pieces is skipped. Offsets are into the scanned text. */
export type Markup =
  | { type: "comment"; start: number; end: number }
  | { type: "open"; name: string; attributes: Attributes; start: number; end: number }
  | { type: "close"; name: string; start: number; end: number };

export type ScanProblemKind = "unclosed-tag" | "unclosed-quote";

/** Elements whose content is text up to their own end tag (HTML's raw-text and RCDATA elements). */
export const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"]);

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the character references a notebook file uses (numeric ones and a few named ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** 1-based line of an offset, for messages. */
export function lineOf(text: string, offset: number): number {
  return lineCounter(text)(offset);
}

/**
 * `lineOf` for offsets asked in increasing order, counting on from the last one: a file's cells
 * each counted from the start made reading 40,000 cells (2.4 MB) take 144 s.
 */
export function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    if (offset < at) {
      at = 0;
      line = 1;
    }
    for (let i = text.indexOf("\n", at); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
      line++;
      at = i + 1;
    }
    return line;
  };
}

/**
 * End (exclusive) of the comment that starts at `start` (which holds `<!--`), by HTML's rules:
 * `<!-->` and `<!--->` end at once, otherwise the first `-->` or `--!>` ends it. Undefined when the
 * comment is never closed.
 */
export function commentEnd(text: string, start: number): number | undefined {
  const body = start + 4;
  if (text.startsWith(">", body)) return body + 1;
  if (text.startsWith("->", body)) return body + 2;
  // The first "--" followed by ">" or "!>": looking for each closer through the rest of the text
  // read a whole file per comment, so a 320 KB file of 40,000 comments took 127 s to open.
  for (let at = text.indexOf("--", body); at >= 0; at = text.indexOf("--", at + 1)) {
    if (text[at + 2] === ">") return at + 3;
    if (text.startsWith("!>", at + 2)) return at + 4;
  }
  return undefined;
}

/** True when `text` is exactly one complete HTML comment (nothing before or after it). */
export function isComment(text: string): boolean {
  return text.startsWith("<!--") && commentEnd(text, 0) === text.length;
}

const SPACE = /[\t\n\f\r ]/;

/** Reads a start tag's attributes from `at` (just after the tag name) to its `>`. */
function readAttributes(text: string, at: number, tag: string, tagStart: number): Result<{ attributes: Attributes; end: number }, Problem<ScanProblemKind>> {
  const attributes: Attributes = [];
  const seen = new Set<string>();
  let i = at;
  const unclosed = () =>
    problem("unclosed-tag", `The <${tag}> tag at line ${lineOf(text, tagStart)} never ends: add the missing ">" after its attributes.`);
  for (;;) {
    while (i < text.length && (SPACE.test(text[i] ?? "") || (text[i] === "/" && text[i + 1] !== ">"))) i++;
    if (i >= text.length) return unclosed();
    if (text[i] === ">") return { ok: true, value: { attributes, end: i + 1 } };
    if (text.startsWith("/>", i)) return { ok: true, value: { attributes, end: i + 2 } };
    const nameStart = i;
    while (i < text.length && !SPACE.test(text[i] ?? "") && !"/>=".includes(text[i] ?? "")) i++;
    // A name may start with "=" in HTML; take it so the loop always moves on.
    if (i === nameStart) i++;
    const name = text.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < text.length && SPACE.test(text[j] ?? "")) j++;
    let value = "";
    if (text[j] === "=") {
      j++;
      while (j < text.length && SPACE.test(text[j] ?? "")) j++;
      const quote = text[j];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, j + 1);
        if (close < 0) {
          return problem(
            "unclosed-quote",
            `The ${name} attribute of the <${tag}> tag at line ${lineOf(text, tagStart)} opens a ${quote} quote that is never closed: add the closing ${quote}.`,
          );
        }
        value = decodeEntities(text.slice(j + 1, close));
        i = close + 1;
      } else {
        const valueStart = j;
        while (j < text.length && !SPACE.test(text[j] ?? "") && text[j] !== ">") j++;
        value = decodeEntities(text.slice(valueStart, j));
        i = j;
      }
    }
    // HTML keeps the first of two attributes with one name.
    if (!seen.has(name)) attributes.push([name, value]);
    seen.add(name);
  }
}

/**
 * The next piece of markup at or after `at`, or undefined at the end of the text. A comment that is
 * never closed runs to the end of the text, as in HTML.
 */
export function nextMarkup(text: string, at: number): Result<Markup | undefined, Problem<ScanProblemKind>> {
  for (let lt = text.indexOf("<", at); lt >= 0; lt = text.indexOf("<", lt + 1)) {
    if (text.startsWith("<!--", lt)) return { ok: true, value: { type: "comment", start: lt, end: commentEnd(text, lt) ?? text.length } };
    const next = text[lt + 1] ?? "";
    if (next === "!" || next === "?") {
      // <!doctype …>, <![CDATA[…]]> and <?…> are bogus comments up to the next ">".
      const gt = text.indexOf(">", lt);
      return { ok: true, value: { type: "comment", start: lt, end: gt < 0 ? text.length : gt + 1 } };
    }
    const closing = next === "/";
    const tag = /^[a-z][^\t\n\f\r />]*/i.exec(text.slice(lt + (closing ? 2 : 1), lt + 64));
    if (!tag) continue;
    const name = tag[0].toLowerCase();
    const after = lt + (closing ? 2 : 1) + tag[0].length;
    if (closing) {
      const gt = text.indexOf(">", after);
      return { ok: true, value: { type: "close", name, start: lt, end: gt < 0 ? text.length : gt + 1 } };
    }
    const read = readAttributes(text, after, name, lt);
    if (!read.ok) return read;
    return { ok: true, value: { type: "open", name, attributes: read.value.attributes, start: lt, end: read.value.end } };
  }
  return { ok: true, value: undefined };
}

/**
 * Where the content of a raw-text element that starts at `from` ends: the offset of its end tag
 * (`</name` followed by a space, `/` or `>`), or undefined when there is none. A `<script>` ends
 * by HTML's script data states (`scriptDataEnd`).
 */
export function rawTextEnd(text: string, from: number, name: string): number | undefined {
  if (name === "script") return scriptDataEnd(text, from);
  const closer = new RegExp(`</${name}(?=[\\t\\n\\f\\r />]|$)`, "ig");
  closer.lastIndex = from;
  const match = closer.exec(text);
  return match ? match.index : undefined;
}

/** `<script` or `</script` (any case) at `at`, followed by a space, `/` or `>`: HTML's "appropriate" tag name. */
function scriptTagAt(text: string, at: number, closing: boolean): boolean {
  const name = closing ? "</script" : "<script";
  return text.slice(at, at + name.length).toLowerCase() === name && /^[\t\n\f\r />]$/.test(text[at + name.length] ?? "");
}

/**
 * Where a `<script>`'s content that starts at `from` ends, by HTML's script data states — as a
 * browser, and so Notebook Kit (which reads files with DOMParser), reads it. `<!--` enters the
 * "escaped" state (`<!-->` and `<!--->` do not); there `-->` leaves it, and `<script` enters the
 * "double escaped" state, in which `</script` does not end the element but returns to "escaped",
 * and `-->` returns to plain script data. So a cell holding `<!--<script>` and no `-->` runs on over
 * the next cells' tags to the end of the file, in Kit as here (format.ts escapes such a cell when
 * it writes one). The offset of the end tag, or undefined when there is none.
 */
export function scriptDataEnd(text: string, from: number): number | undefined {
  let state: "data" | "escaped" | "double" = "data";
  for (let i = text.indexOf("<", from); ; ) {
    if (state === "data") {
      if (i < 0) return undefined;
      if (scriptTagAt(text, i, true)) return i;
      if (text.startsWith("<!--", i)) {
        let j = i + 4;
        while (text[j] === "-") j++;
        if (text[j] !== ">") state = "escaped";
        i = text.indexOf("<", j);
        if (state === "escaped") i = j;
        continue;
      }
      i = text.indexOf("<", i + 1);
      continue;
    }
    // Escaped or double escaped: the next "-->", or a script tag.
    const dashes = text.indexOf("-->", i);
    let lt = text.indexOf("<", i);
    while (lt >= 0 && (dashes < 0 || lt < dashes) && !scriptTagAt(text, lt, true) && !(state === "escaped" && scriptTagAt(text, lt, false))) lt = text.indexOf("<", lt + 1);
    if (lt >= 0 && (dashes < 0 || lt < dashes)) {
      if (state === "escaped" && scriptTagAt(text, lt, true)) return lt;
      state = state === "escaped" ? "double" : "escaped";
      i = lt + (state === "double" ? "<script".length : "</script".length);
      continue;
    }
    if (dashes < 0) return undefined;
    state = "data";
    i = text.indexOf("<", dashes + 3);
  }
}

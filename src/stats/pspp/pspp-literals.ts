/**
 * Text from users (labels, file names, filter descriptions, column headers) written into PSPP syntax
 * without letting it become syntax. PSPP ends a command at a line that ends in a period and, in its
 * batch syntax, starts a new command at any line that begins in column 1; a string literal cannot
 * span lines. So nothing user-supplied ever brings its own line break: in strings every line break
 * and control character becomes a blank, in comments it is spelled out (`\n`), and quotes are doubled.
 * PSPP's own limits (255 bytes for variable labels, 120 for value labels) are applied here, on whole
 * characters, so a truncation can never split a doubled quote.
 */

/**
 * Line breaks and controls PSPP or an editor may treat as a line end or hide: C0 controls, DEL, C1
 * controls (U+0085 NEL among them), U+2028/U+2029, and the bidirectional overrides that make a line
 * read differently from how it parses.
 */
function isUnsafe(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/** `text` with every unsafe character replaced by `replace(ch, codePoint)`. */
function replaceUnsafe(text: string, replace: (ch: string, cp: number) => string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    out += isUnsafe(cp) ? replace(ch, cp) : ch;
  }
  return out;
}

/** True when `text` has a character that must not reach syntax as is (see `isUnsafe`). */
export function hasControlCharacters(text: string): boolean {
  for (const ch of text) if (isUnsafe(ch.codePointAt(0) ?? 0)) return true;
  return false;
}

/** The longest prefix of `text` that fits `maxBytes` of UTF-8, cut between characters. */
export function fitUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += ch;
  }
  return out;
}

/**
 * A single-quoted PSPP string: controls and line breaks become blanks, the result is cut to
 * `maxBytes` of UTF-8 (before quoting), and quotes are doubled.
 */
export function psppString(text: string, maxBytes = 32767): string {
  const flat = fitUtf8(replaceUnsafe(text, () => " "), maxBytes);
  return `'${flat.replace(/'/g, "''")}'`;
}

/** `text` with every control character spelled out (`\n`, `\r`, `\t`, `\u2028` …), cut to `maxChars`. */
export function visibleText(text: string, maxChars = 80): string {
  const named: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
  const shown = replaceUnsafe(text, (c, cp) => named[c] ?? `\\u${cp.toString(16).padStart(4, "0")}`);
  const chars = [...shown];
  return chars.length > maxChars ? `${chars.slice(0, maxChars).join("")}…` : shown;
}

/**
 * One comment line. A `*` comment runs to the first line that ends in a period, so the text is made
 * single-line (see `visibleText`) and the line always ends with our own period.
 */
export function psppComment(text: string): string {
  const flat = replaceUnsafe(text, () => " ").trim();
  return `* ${flat}${flat.endsWith(".") ? "" : "."}`;
}

/** A number as PSPP reads it, or undefined for anything that is not a finite number. */
export function psppNumber(value: unknown): string | undefined {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
}

/**
 * Text encoding of survey files: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one
 * when every other byte is NUL), or the Windows-1252 / Latin-1 that Norwegian Excel and SPSS wrote
 * in 1999. Strict UTF-8 rejects Latin-1's single-byte æ (0xE6), ø (0xF8), å (0xE5), so "decodes as
 * strict UTF-8" is a reliable test; anything else is read as Windows-1252 (a superset of Latin-1's
 * printable range, which is also what browsers do for "latin1"). Also: whether bytes are text at all.
 */

/** The encodings we tell apart. */
export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

/** Length of the byte-order mark that `bytes` starts with, and what it says. */
export function sniffBom(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: "utf-8-bom", length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/** Length of the longest prefix of `b` made of complete, well-formed UTF-8 sequences. */
function utf8ValidPrefix(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const x = b[i] ?? 0;
    const extra = x < 0x80 ? 0 : x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : -1;
    if (extra < 0 || i + extra >= b.length) return i;
    for (let k = 1; k <= extra; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return i;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const utf8 = new TextDecoder("utf-8");

/** True when `bytes` is valid UTF-8 (strict: no replacement characters). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a byte-order mark: ASCII-range text has a NUL in every other byte (the high byte
 * of each code unit), at odd offsets in little-endian and even offsets in big-endian.
 */
function sniffUtf16(head: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const pairs = Math.floor(Math.min(head.length, 8192) / 2);
  if (pairs < 2) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZero++;
    if (head[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero >= 0.3 * pairs && evenZero <= 0.02 * pairs) return "utf-16le";
  if (evenZero >= 0.3 * pairs && oddZero <= 0.02 * pairs) return "utf-16be";
  return undefined;
}

/**
 * The encoding of a file judged from its first bytes (`complete` when they are the whole file).
 * A head that is valid UTF-8 except for a sequence cut at its end is UTF-8.
 */
export function detectEncoding(head: Uint8Array, complete = true): TextEncodingName {
  const bom = sniffBom(head);
  if (bom) return bom.encoding;
  const utf16 = sniffUtf16(head);
  if (utf16) return utf16;
  const valid = utf8ValidPrefix(head);
  return valid === head.length || (!complete && head.length - valid < 4 && isCutUtf8(head.subarray(valid))) ? "utf-8" : "windows-1252";
}

/** True when `tail` is the start of a UTF-8 sequence that the end of the head cut off. */
function isCutUtf8(tail: Uint8Array): boolean {
  const lead = tail[0] ?? 0;
  const need = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
  if (need <= tail.length) return false;
  for (let k = 1; k < tail.length; k++) if (((tail[k] ?? 0) & 0xc0) !== 0x80) return false;
  return true;
}

/**
 * Windows-1252 decoding done by hand: some Node versions' TextDecoder("windows-1252") maps
 * 0x80–0x9F to C1 controls as ISO-8859-1 does, losing €, curly quotes and dashes.
 */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** Decodes Windows-1252 bytes. */
export const windows1252 = {
  decode(bytes: Uint8Array): string {
    let out = "";
    for (let i = 0; i < bytes.length; i += 8192) {
      const part = bytes.subarray(i, i + 8192);
      out += String.fromCharCode(...Array.from(part, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
    }
    return out;
  },
};

/** Decodes a complete file in its detected encoding, dropping any BOM. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const encoding = detectEncoding(bytes);
  const bom = sniffBom(bytes)?.length ?? 0;
  const body = bytes.subarray(bom);
  if (encoding === "utf-16le" || encoding === "utf-16be") return { text: new TextDecoder(encoding).decode(body), encoding };
  return { text: encoding === "windows-1252" ? windows1252.decode(body) : utf8.decode(body), encoding };
}

/** Control characters (NUL included) that a text data file does not use; tab, line ends and form feed it does. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f;
}

/**
 * Why `text` (a decoded head) is not a text file, or undefined when it is: more than one control
 * character in 200. Random bytes and archives (.xlsx is a ZIP) have one in eight; a text file has
 * none, or a stray one in a cell (a CSV the app exported from hostile text may hold a NUL).
 */
export function binaryReason(text: string): string | undefined {
  let controls = 0;
  let firstAt = -1;
  for (let i = 0; i < text.length; i++) {
    if (!isControl(text.charCodeAt(i))) continue;
    controls++;
    if (firstAt < 0) firstAt = i;
  }
  if (controls > 0 && controls * 200 > text.length) {
    return `${controls} of its first ${text.length} characters are control codes, the first near character ${firstAt + 1}`;
  }
  return undefined;
}

/** Where a {@link FieldDecoder} stands: what decides whether two parts of a file decode as one would. */
export interface DecoderState {
  /** Decoding Windows-1252 now. */
  latin: boolean;
  /** Decoded non-ASCII text as UTF-8 (before any switch). */
  sawUtf8: boolean;
  /** Switched from UTF-8 to Windows-1252 on a field that was not UTF-8. */
  switched: boolean;
  mixed: boolean;
}

/**
 * Decodes field bytes of an ASCII-compatible stream (UTF-8 or Windows-1252). It reads strict UTF-8
 * until a field is not UTF-8 and then Windows-1252 from that field on. When everything decoded
 * before the switch was ASCII the switch loses nothing (both encodings agree on ASCII); when it was
 * not, the file mixes encodings and `mixed` is set so the caller can warn.
 */
export class FieldDecoder {
  private latin: boolean;
  private sawNonAscii = false;
  /** True when non-ASCII UTF-8 was decoded before a non-UTF-8 field forced the switch. */
  mixed = false;

  constructor(private readonly start: TextEncodingName) {
    this.latin = start === "windows-1252";
  }

  /** What a part of a file read in parallel tells the parts after it (see `split-load.ts`). */
  get state(): DecoderState {
    return { latin: this.latin, sawUtf8: this.sawNonAscii, switched: this.latin && this.start !== "windows-1252", mixed: this.mixed };
  }

  /** The encoding in force: the one detected, or Windows-1252 after a switch. */
  get encoding(): TextEncodingName {
    return this.latin ? "windows-1252" : this.start;
  }

  /** The text of bytes[start, end). */
  decode(bytes: Uint8Array, start: number, end: number): string {
    const part = bytes.subarray(start, end);
    if (this.latin) return windows1252.decode(part);
    let ascii = true;
    for (let i = 0; i < part.length; i++) {
      if ((part[i] ?? 0) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return utf8.decode(part);
    try {
      const text = strictUtf8.decode(part);
      this.sawNonAscii = true;
      return text;
    } catch {
      this.latin = true;
      if (this.sawNonAscii) this.mixed = true;
      return windows1252.decode(part);
    }
  }
}

/**
 * A decoder for a named encoding (as a .sav file names it): Windows-1252 and its Latin-1 aliases
 * by hand, everything else through TextDecoder, falling back to Windows-1252 for unknown names.
 */
export function decoderFor(label: string): { decode(bytes: Uint8Array): string } {
  const name = label.trim().toLowerCase();
  if (["windows-1252", "cp1252", "latin1", "iso-8859-1", "iso8859-1", "us-ascii", "ascii"].includes(name)) return windows1252;
  try {
    return new TextDecoder(name);
  } catch {
    return windows1252;
  }
}

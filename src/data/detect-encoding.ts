/**
 * Text encoding of survey files: UTF-8 (with or without BOM), UTF-16 with BOM, or the
 * Windows-1252 / Latin-1 that Norwegian Excel and SPSS wrote in 1999. Strict UTF-8 rejects
 * Latin-1's single-byte æ (0xE6), ø (0xF8), å (0xE5), so "decodes as strict UTF-8" is a
 * reliable test; anything else is read as Windows-1252 (a superset of Latin-1's printable range,
 * which is also what browsers do for "latin1").
 */

/** The encodings we tell apart. */
export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

/** The WHATWG label TextDecoder needs for each encoding. */
function decoderLabel(e: TextEncodingName): string {
  return e === "utf-8-bom" ? "utf-8" : e;
}

/** Length of the byte-order mark that `bytes` starts with, and what it says. */
function sniffBom(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: "utf-8-bom", length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/** True when `bytes` is valid UTF-8 (strict: no replacement characters). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decides the encoding of a complete file. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  const bom = sniffBom(bytes);
  if (bom) return bom.encoding;
  return isValidUtf8(bytes) ? "utf-8" : "windows-1252";
}

/** Decodes a complete file, dropping any BOM. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const decoder = new AutoDecoder();
  const text = decoder.push(bytes) + decoder.end();
  return { text, encoding: decoder.encoding };
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

/** Where a lead byte's UTF-8 sequence would end; used to hold back an incomplete tail. */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  // Look back at most 3 bytes for the lead byte of the last sequence.
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * Streaming decoder that decides the encoding as bytes arrive. It reads strict UTF-8 until a
 * byte sequence is not UTF-8 and then switches to Windows-1252 for the rest of the input. When
 * everything before the switch was ASCII, the switch loses nothing (both encodings agree on
 * ASCII); when it was not, the file mixes encodings and `mixed` is set so the caller can warn.
 */
export class AutoDecoder {
  private mode: TextEncodingName | undefined;
  private carry: Uint8Array = new Uint8Array(0);
  private sawNonAscii = false;
  private utf16: TextDecoder | undefined;
  /** True when non-ASCII UTF-8 was decoded before a non-UTF-8 byte forced the switch. */
  mixed = false;

  /** The encoding in force (UTF-8 until proven otherwise). */
  get encoding(): TextEncodingName {
    return this.mode ?? "utf-8";
  }

  /** Decodes the next chunk; returns the text that is complete so far. */
  push(chunk: Uint8Array): string {
    let bytes = concat(this.carry, chunk);
    this.carry = new Uint8Array(0);
    if (this.mode === undefined) {
      if (bytes.length < 3) {
        this.carry = bytes; // too short to tell whether a BOM starts here
        return "";
      }
      const bom = sniffBom(bytes);
      this.mode = bom?.encoding ?? "utf-8";
      if (bom) bytes = bytes.subarray(bom.length);
      if (bom?.encoding === "utf-16le" || bom?.encoding === "utf-16be") {
        this.utf16 = new TextDecoder(decoderLabel(bom.encoding));
      }
    }
    if (this.utf16) return this.utf16.decode(bytes, { stream: true });
    if (this.mode === "windows-1252") return latin.decode(bytes);
    const hold = incompleteUtf8Tail(bytes);
    const complete = bytes.subarray(0, bytes.length - hold);
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(complete);
      if (!this.sawNonAscii && complete.some((b) => b >= 0x80)) this.sawNonAscii = true;
      this.carry = bytes.slice(bytes.length - hold);
      return text;
    } catch {
      return this.switchToLatin(bytes);
    }
  }

  /**
   * Keeps the valid UTF-8 before the first bad byte as UTF-8 and reads everything from that byte
   * on as Windows-1252. The file is mixed when non-ASCII UTF-8 came before the switch.
   */
  private switchToLatin(bytes: Uint8Array): string {
    let cut = utf8ValidPrefix(bytes);
    let head = "";
    try {
      head = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, cut));
    } catch {
      cut = 0; // an overlong or surrogate sequence the scan let through: read it all as 1252
    }
    if (this.sawNonAscii || bytes.subarray(0, cut).some((b) => b >= 0x80)) this.mixed = true;
    this.mode = "windows-1252";
    return head + latin.decode(bytes.subarray(cut));
  }

  /** Flushes what is held back; an incomplete UTF-8 tail means the file was not UTF-8 after all. */
  end(): string {
    if (this.utf16) return this.utf16.decode();
    if (this.carry.length === 0) return "";
    const rest = this.carry;
    this.carry = new Uint8Array(0);
    if (this.mode === undefined) {
      const bom = sniffBom(rest);
      this.mode = bom?.encoding === "utf-8-bom" ? "utf-8-bom" : "utf-8";
      if (bom?.encoding === "utf-8-bom") return "";
    }
    if (this.mode === "windows-1252") return latin.decode(rest);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(rest);
    } catch {
      return this.switchToLatin(rest);
    }
  }
}

/**
 * Windows-1252 decoding done by hand: some Node versions' TextDecoder("windows-1252") maps
 * 0x80–0x9F to C1 controls as ISO-8859-1 does, losing €, curly quotes and dashes.
 */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** Decodes Windows-1252 bytes. */
const latin = {
  decode(bytes: Uint8Array): string {
    let out = "";
    for (let i = 0; i < bytes.length; i += 8192) {
      const part = bytes.subarray(i, i + 8192);
      out += String.fromCharCode(...Array.from(part, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
    }
    return out;
  },
};

/**
 * A decoder for a named encoding (as a .sav file names it): Windows-1252 and its Latin-1 aliases
 * by hand, everything else through TextDecoder, falling back to Windows-1252 for unknown names.
 */
export function decoderFor(label: string): { decode(bytes: Uint8Array): string } {
  const name = label.trim().toLowerCase();
  if (["windows-1252", "cp1252", "latin1", "iso-8859-1", "iso8859-1", "us-ascii", "ascii"].includes(name)) return latin;
  try {
    return new TextDecoder(name);
  } catch {
    return latin;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * The bytes of a text file in a form the byte-level readers (CSV, card image) can scan: an
 * ASCII-compatible stream (UTF-8 or Windows-1252) without its byte-order mark. UTF-16 files are
 * transcoded to UTF-8 chunk by chunk, so delimiters, quotes and line ends are single bytes for
 * every encoding and a field's bytes decode with {@link FieldDecoder}.
 */
import type { TextEncodingName } from "./detect-encoding";
import { sniffBom } from "./detect-encoding";

/** The encoding the yielded bytes are in: UTF-16 arrives as UTF-8. */
export function scanEncoding(encoding: TextEncodingName): TextEncodingName {
  return encoding === "utf-16le" || encoding === "utf-16be" ? "utf-8" : encoding;
}

/**
 * Yields `chunks` as ASCII-compatible bytes in {@link scanEncoding}(encoding), BOM dropped.
 * `atStart` false: the chunks begin inside the file (a later part of a parallel read), where the
 * same bytes are a character (U+FEFF), not a byte-order mark.
 */
export async function* textBytes(chunks: AsyncIterable<Uint8Array>, encoding: TextEncodingName, atStart = true): AsyncGenerator<Uint8Array> {
  const utf16 = encoding === "utf-16le" || encoding === "utf-16be" ? new TextDecoder(encoding, { ignoreBOM: !atStart }) : undefined;
  const utf8 = new TextEncoder();
  let first = atStart;
  let held: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    let bytes = chunk;
    if (first) {
      // The BOM may straddle tiny chunks: hold bytes until three are in.
      bytes = held.length > 0 ? join(held, chunk) : chunk;
      if (bytes.length < 3) {
        // A copy: the chunk's buffer may be refilled once the next is asked for (`ChunkOptions.reuse`).
        held = bytes.slice();
        continue;
      }
      first = false;
      const bom = sniffBom(bytes);
      if (bom) bytes = bytes.subarray(bom.length);
    }
    if (utf16) {
      // With stream: true the decoder keeps a code unit split between chunks for the next one.
      const text = utf16.decode(bytes, { stream: true });
      if (text !== "") yield utf8.encode(text);
    } else if (bytes.length > 0) {
      yield bytes;
    }
  }
  if (first && held.length > 0) {
    const bom = sniffBom(held);
    const rest = bom ? held.subarray(bom.length) : held;
    if (utf16) {
      const text = utf16.decode(rest, { stream: true });
      if (text !== "") yield utf8.encode(text);
    } else if (rest.length > 0) {
      yield rest;
    }
  }
  if (utf16) {
    const tail = utf16.decode();
    if (tail !== "") yield utf8.encode(tail);
  }
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

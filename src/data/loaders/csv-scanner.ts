/**
 * Cuts CSV bytes into records and fields without decoding them: the delimiter, quote and line ends
 * are single bytes in every encoding the loaders scan (UTF-8, Windows-1252; UTF-16 arrives
 * transcoded), so fields stay byte ranges and only the values that need text are ever decoded.
 *
 * Quotes are read as PapaParse and Excel read them: a quote opens a quoted field only as the
 * field's first byte, a doubled quote inside is a literal quote, and bytes after the closing quote
 * (before the delimiter) are kept and flagged. A line end is LF, CRLF or a lone CR (classic Mac
 * files), outside quotes. A record that is not complete at the end of a chunk is carried into the
 * next one; a record that never ends (an unclosed quote, a file with no line breaks) stops the scan.
 */
import { appendToCarry } from "./carry-buffer";

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Field flag: the field was quoted. */
export const QUOTED = 1;
/** Field flag: the quoted field contains doubled quotes ("") to unescape. */
export const ESCAPED = 2;
/** Field flag: bytes followed the closing quote. */
export const BAD_QUOTE = 4;

/**
 * One record's fields: for field k, `bounds[3k]` and `bounds[3k + 1]` are its start and end in
 * `bytes` (inside the quotes for a quoted field), `bounds[3k + 2]` its flags.
 */
export interface CsvRecord {
  /** The scan buffer: valid only during the callback (the next chunk reuses it). */
  bytes: Uint8Array;
  bounds: Int32Array;
  fields: number;
  /** 1-based record number in the file. */
  record: number;
}

/** Why scanning stopped before the end. */
export type ScanStop =
  | { kind: "unclosed-quote"; record: number; field: number }
  | { kind: "no-line-end"; record: number; bytes: number };

/**
 * Takes a plain record — no quote, no line end inside — as bytes[start, end) (line end excluded),
 * record number `record`; returns false to have it scanned field by field and given to `onRecord`
 * instead (nothing of it taken).
 */
export type PlainRecord = (bytes: Uint8Array, start: number, end: number, record: number) => boolean;

/** Incremental record scanner; feed chunks, get records through the callback. */
export class CsvScanner {
  /** Scan buffer, reused chunk after chunk: [0, carry) holds the unfinished record of the last chunk. */
  private buffer = new Uint8Array(0);
  private carry = 0;
  private bounds: Int32Array = new Int32Array(3 * 256);
  private records = 0;
  private readonly record: CsvRecord;
  /** Byte classes: 0 ordinary, 1 delimiter, 2 line end, 3 quote — one lookup per byte in the hot loop. */
  private readonly classes = new Uint8Array(256);

  /** `maxRecordBytes`: a record longer than this stops the scan (see {@link ScanStop}). */
  constructor(
    private readonly delimiter: number,
    private readonly maxRecordBytes: number,
  ) {
    this.record = { bytes: this.buffer, bounds: this.bounds, fields: 0, record: 0 };
    this.classes[delimiter] = 1;
    this.classes[LF] = 2;
    this.classes[CR] = 2;
    this.classes[QUOTE] = 3;
  }

  /** Records completed so far. */
  get completed(): number {
    return this.records;
  }

  /**
   * Scans `chunk` (after what was carried) and calls `onRecord` for every complete record; with
   * `final`, the last record needs no line end. Returns why it stopped, if it had to.
   *
   * With `plain`, a complete record with no quote and no lone CR (most records of a survey file)
   * is first offered whole to `plain`, which reads its fields itself: found by the engine's native
   * search for the next LF, quote and CR, so such a record is never walked byte by byte here.
   */
  push(chunk: Uint8Array, final: boolean, onRecord: (r: CsvRecord) => void, plain?: PlainRecord): ScanStop | undefined {
    const n = this.carry + chunk.length;
    const { buffer, bytes } = appendToCarry(this.buffer, this.carry, chunk);
    this.buffer = buffer;
    const rec = this.record;
    rec.bytes = bytes;
    let bounds = this.bounds;
    let recordStart = 0;
    let fieldStart = 0;
    let fields = 0;
    let flags = 0;
    let quoteEnd = -1;
    let inQuote = false;
    let quoteField = 0;
    let i = 0;
    const classes = this.classes;
    // The next LF, quote and CR at or after i (n: none left); searched again only once passed.
    let nextLf = plain ? -1 : n;
    let nextQuote = -1;
    let nextCr = -1;
    while (i < n) {
      if (i === recordStart && nextLf < n) {
        if (nextLf < i) nextLf = after(bytes, LF, i, n);
        if (nextQuote < i) nextQuote = after(bytes, QUOTE, i, n);
        if (nextCr < i) nextCr = after(bytes, CR, i, n);
        // A CR just before the LF is a CRLF; any other CR is a line end of its own.
        const end = nextCr === nextLf - 1 ? nextCr : nextLf;
        if (nextLf < n && nextQuote > nextLf && (nextCr >= nextLf || nextCr === end) && plain?.(bytes, i, end, this.records + 1)) {
          this.records++;
          i = nextLf + 1;
          recordStart = i;
          fieldStart = i;
          continue;
        }
      }
      if (inQuote) {
        // Inside quotes only a quote matters: jump to the next one natively.
        const q = bytes.indexOf(QUOTE, i);
        if (q < 0) break; // the quote closes in a later chunk (or never: see below)
        i = q;
        if (i + 1 >= n && !final) break; // is it "" or the closing quote? the next chunk says
        if (bytes[i + 1] === QUOTE) {
          flags |= ESCAPED;
          i += 2;
          continue;
        }
        inQuote = false;
        quoteEnd = i;
        i++;
        continue;
      }
      const b = bytes[i] ?? 0;
      const c = classes[b];
      if (c === 0) {
        if (quoteEnd >= 0) flags |= BAD_QUOTE;
        i++;
        continue;
      }
      if (c === 3) {
        if (i === fieldStart) {
          inQuote = true;
          flags |= QUOTED;
          quoteField = fields + 1;
        } else if (quoteEnd >= 0) {
          flags |= BAD_QUOTE;
        }
        i++;
        continue;
      }
      if (b === CR && i + 1 >= n && !final) break; // a CRLF may be split between chunks
      if (3 * fields + 3 > bounds.length) bounds = this.growBounds();
      const at = 3 * fields;
      if ((flags & QUOTED) !== 0) {
        bounds[at] = fieldStart + 1;
        bounds[at + 1] = (flags & BAD_QUOTE) === 0 ? quoteEnd : i;
      } else {
        bounds[at] = fieldStart;
        bounds[at + 1] = i;
      }
      bounds[at + 2] = flags;
      fields++;
      flags = 0;
      quoteEnd = -1;
      i++;
      if (c === 2) {
        if (b === CR && bytes[i] === LF) i++;
        rec.bounds = bounds;
        rec.fields = fields;
        rec.record = ++this.records;
        onRecord(rec);
        fields = 0;
        recordStart = i;
      }
      fieldStart = i;
    }
    if (final) {
      if (inQuote) return { kind: "unclosed-quote", record: this.records + 1, field: quoteField };
      if (recordStart < n) {
        if (3 * fields + 3 > bounds.length) bounds = this.growBounds();
        const quoted = (flags & QUOTED) !== 0;
        bounds[3 * fields] = quoted ? fieldStart + 1 : fieldStart;
        bounds[3 * fields + 1] = quoted && (flags & BAD_QUOTE) === 0 ? quoteEnd : n;
        bounds[3 * fields + 2] = flags;
        rec.bounds = bounds;
        rec.fields = fields + 1;
        rec.record = ++this.records;
        onRecord(rec);
      }
      this.carry = 0;
      return undefined;
    }
    // Keep the unfinished record at the start of the buffer for the next chunk.
    this.buffer.copyWithin(0, recordStart, n);
    this.carry = n - recordStart;
    if (this.carry > this.maxRecordBytes) {
      return inQuote
        ? { kind: "unclosed-quote", record: this.records + 1, field: quoteField }
        : { kind: "no-line-end", record: this.records + 1, bytes: this.carry };
    }
    return undefined;
  }

  private growBounds(): Int32Array {
    const next = new Int32Array(this.bounds.length * 2);
    next.set(this.bounds);
    this.bounds = next;
    return next;
  }
}

/** Where `byte` next occurs in bytes[from, n), or n. */
function after(bytes: Uint8Array, byte: number, from: number, n: number): number {
  const at = bytes.indexOf(byte, from);
  return at < 0 ? n : at;
}

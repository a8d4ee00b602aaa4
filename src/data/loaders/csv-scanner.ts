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

/** Incremental record scanner; feed chunks, get records through the callback. */
export class CsvScanner {
  private carry: Uint8Array = new Uint8Array(0);
  private bounds: Int32Array = new Int32Array(3 * 256);
  private records = 0;
  private readonly record: CsvRecord;

  /** `maxRecordBytes`: a record longer than this stops the scan (see {@link ScanStop}). */
  constructor(
    private readonly delimiter: number,
    private readonly maxRecordBytes: number,
  ) {
    this.record = { bytes: this.carry, bounds: this.bounds, fields: 0, record: 0 };
  }

  /** Records completed so far. */
  get completed(): number {
    return this.records;
  }

  /**
   * Scans `chunk` (after what was carried) and calls `onRecord` for every complete record; with
   * `final`, the last record needs no line end. Returns why it stopped, if it had to.
   */
  push(chunk: Uint8Array, final: boolean, onRecord: (r: CsvRecord) => void): ScanStop | undefined {
    const bytes = this.carry.length === 0 ? chunk : concat(this.carry, chunk);
    const n = bytes.length;
    const d = this.delimiter;
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
    while (i < n) {
      const b = bytes[i] ?? 0;
      if (inQuote) {
        if (b === QUOTE) {
          if (i + 1 >= n && !final) break; // is it "" or the closing quote? the next chunk says
          if (bytes[i + 1] === QUOTE) {
            flags |= ESCAPED;
            i += 2;
            continue;
          }
          inQuote = false;
          quoteEnd = i;
        }
        i++;
        continue;
      }
      if (b === d || b === LF || b === CR) {
        if (b === CR && i + 1 >= n && !final) break; // a CRLF may be split between chunks
        if (3 * fields + 3 > bounds.length) bounds = this.growBounds();
        const quoted = (flags & QUOTED) !== 0;
        bounds[3 * fields] = quoted ? fieldStart + 1 : fieldStart;
        bounds[3 * fields + 1] = quoted && (flags & BAD_QUOTE) === 0 ? quoteEnd : i;
        bounds[3 * fields + 2] = flags;
        fields++;
        flags = 0;
        quoteEnd = -1;
        i++;
        if (b !== d) {
          if (b === CR && bytes[i] === LF) i++;
          rec.bounds = bounds;
          rec.fields = fields;
          rec.record = ++this.records;
          onRecord(rec);
          fields = 0;
          recordStart = i;
        }
        fieldStart = i;
        continue;
      }
      if (b === QUOTE && i === fieldStart) {
        inQuote = true;
        flags |= QUOTED;
        quoteField = fields + 1;
      } else if (quoteEnd >= 0) {
        flags |= BAD_QUOTE;
      }
      i++;
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
      this.carry = new Uint8Array(0);
      return undefined;
    }
    // Keep the unfinished record for the next chunk (a copy, so the big chunk can be freed).
    this.carry = bytes.slice(recordStart);
    if (this.carry.length > this.maxRecordBytes) {
      return inQuote
        ? { kind: "unclosed-quote", record: this.records + 1, field: quoteField }
        : { kind: "no-line-end", record: this.records + 1, bytes: this.carry.length };
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

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * The columns of a CSV file as its records stream in: one sink per header field, named after the
 * codebook, filled straight from the field bytes the scanner found. This is the hot loop of a big
 * load (tens of millions of fields), so the common cases — a one-digit code, a blank — are handled
 * inline, and only values that need text (names, odd ids, errors) are ever decoded.
 *
 * Identifiers start as numbers and stay numbers while every one is a plain integer that a double
 * holds exactly (no leading zero, at most 15 digits); the first that is not turns the column into
 * text — earlier values written back exactly as they were, since only canonical integers were
 * taken as numbers — so "0042" and ids beyond 2^53 keep every digit.
 */
import type { Codebook } from "../codebook";
import { VariableMatcher, isNumericVariable, respondentIdVariable, safeColumnName } from "../variable-names";
import { type ColumnData, Int32List, NumberColumnBuilder, TextColumnBuilder, missingMarker, textAsNumbers } from "./column-builders";
import { BAD_QUOTE, type CsvRecord, ESCAPED } from "./csv-scanner";
import type { FieldDecoder } from "./detect-encoding";
import type { IssueCollector } from "./validate";

const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** How a column's values are read. */
const enum Kind {
  /** codebook numeric: codes, counts */
  Number,
  /** the respondent id: numbers while exact, else text */
  Id,
  /** codebook text, other ids */
  Text,
  /** a header the codebook does not know: text, numbers if all are plain numbers */
  Auto,
}

/** One column being filled. Every sink has the same shape, so the hot loop stays monomorphic. */
class Sink {
  numbers: NumberColumnBuilder | null;
  texts: TextColumnBuilder | null;
  constructor(
    readonly name: string,
    readonly kind: Kind,
  ) {
    this.numbers = kind === Kind.Number || kind === Kind.Id ? new NumberColumnBuilder() : null;
    this.texts = this.numbers ? null : new TextColumnBuilder();
  }

  pushMissing(): void {
    if (this.numbers) this.numbers.pushMissing();
    else this.texts?.pushMissing();
  }

  /** An id column leaves numbers for text: its numbers were canonical, so String(n) is their text. */
  idToText(): TextColumnBuilder {
    const texts = new TextColumnBuilder();
    const numbers = this.numbers?.finish();
    if (numbers) {
      const marker = missingMarker(numbers.values);
      for (const v of numbers.values) texts.push(v === v && v !== marker ? String(v) : null);
    }
    this.numbers = null;
    this.texts = texts;
    return texts;
  }

  /** The column as read: an unknown header's column still text (see {@link autoNumbers}). */
  finish(keepView: boolean): ColumnData {
    return this.numbers ? this.numbers.finish(keepView) : (this.texts ?? new TextColumnBuilder()).finish(keepView);
  }
}

/**
 * The finished form of a column under a header the codebook does not know: numbers when every
 * value is a plain number, else the text. Applied once the whole column is read (all parts joined).
 */
export function autoNumbers(column: ColumnData): ColumnData {
  if (column.type !== "text" || column.dictionary.length === 0) return column;
  return textAsNumbers(column, (t) => PLAIN_NUMBER.test(t)) ?? column;
}

function isBlank(b: number): boolean {
  return b === 0x20 || b === 0x09;
}

/** Decoded, unescaped, trimmed text of field k of a record; "" when blank. */
export function fieldText(decoder: FieldDecoder, r: CsvRecord, k: number): string {
  const s = r.bounds[3 * k] ?? 0;
  const text = decoder.decode(r.bytes, s, r.bounds[3 * k + 1] ?? s);
  return ((r.bounds[3 * k + 2] ?? 0) & ESCAPED ? text.replaceAll('""', '"') : text).trim();
}

function delimiterName(d: string): string {
  return d === "\t" ? "tab" : `"${d}"`;
}

/** The columns of one CSV file; `addRecord` for each data record, then `finish`. */
export class CsvColumns {
  private readonly sinks: Sink[];
  /** Rows as the part read them (see {@link rowBase}). */
  readonly rowNumbers = new Int32List();
  /**
   * Records of the file before the part these columns read (a later part of a parallel read):
   * added to every row the issues name, which are built only after it is known.
   */
  rowBase = 0;
  /** The delimiter's byte. */
  private readonly delimiterByte: number;
  /** `addPlain`'s fields read after the others: their bounds, as `addRecord`'s readers take them. */
  private readonly later: CsvRecord;
  private readonly deferred: Int32Array;

  /** `headerIssues`: where the header's own issues go (a later part of a parallel read drops them: the first part reports them). */
  constructor(
    readonly header: readonly string[],
    codebook: Codebook,
    private readonly issues: IssueCollector,
    private readonly decoder: FieldDecoder,
    private readonly delimiter: string,
    headerIssues: IssueCollector = issues,
  ) {
    this.delimiterByte = delimiter.charCodeAt(0);
    this.later = { bytes: new Uint8Array(0), bounds: new Int32Array(3 * header.length), fields: header.length, record: 0 };
    this.deferred = new Int32Array(header.length);
    const matcher = new VariableMatcher(codebook);
    const id = respondentIdVariable(codebook);
    const taken = new Set<string>();
    this.sinks = header.map((raw, i) => {
      const label = raw === "" ? `column_${i + 1}` : safeColumnName(raw);
      const v = matcher.match(label);
      let name = v && !taken.has(v.name) ? v.name : label;
      if (v && taken.has(v.name)) {
        headerIssues.add({
          kind: "duplicate-column", row: 1, column: i + 1, variable: v.name, value: raw,
          message: `Header "${raw}" in column ${i + 1} names ${v.name}, which an earlier column already holds.`,
          fix: `Rename or remove one of the two columns; this one is kept as "${label}" and not validated.`,
        });
      }
      while (taken.has(name)) name = `${name}_${i + 1}`;
      taken.add(name);
      const kind = v === undefined || name !== v.name ? Kind.Auto : v.name === id?.name ? Kind.Id : isNumericVariable(v, codebook) ? Kind.Number : Kind.Text;
      return new Sink(name, kind);
    });
  }

  private textOf(r: CsvRecord, k: number): string {
    return fieldText(this.decoder, r, k);
  }

  private readonly decodeValue = (b: Uint8Array, s: number, e: number): string | null => this.decoder.decode(b, s, e).trim() || null;

  /**
   * Adds a plain data record (no quote, no line end inside: see `PlainRecord`), bytes[s, e), shown
   * as file row `row`, reading each field straight from the bytes in the one pass that finds it:
   * what `addRecord` would add, with the same issues in the same order. A field that is not a
   * plain code or blank (a minus, a decimal, a letter, a long number) is read after the others
   * through `addRecord`'s own readers, and so is every text field after it, so text is decoded
   * in the order `addRecord` decodes it. False, with nothing added, for a record of one field (a
   * blank line is skipped, not added): `addRecord` takes it.
   */
  addPlain(bytes: Uint8Array, s: number, e: number, row: number): boolean {
    const sinks = this.sinks;
    const width = sinks.length;
    const delimiter = this.delimiterByte;
    const later = this.later;
    const bounds = later.bounds;
    let deferred = 0;
    let k = 0;
    let i = s;
    for (;;) {
      const from = i;
      let v = 0;
      let digits = true;
      for (; i < e; i++) {
        const b = bytes[i] ?? 0;
        if (b === delimiter) break;
        const d = b - 0x30;
        if (d >= 0 && d <= 9) v = v * 10 + d;
        else digits = false;
      }
      if (k === 0 && i >= e) return false;
      const sink = k < width ? sinks[k] : undefined;
      if (sink) {
        const numbers = sink.numbers;
        const length = i - from;
        const int8 = numbers !== null ? numbers.int8 : null;
        // The common cases, a blank or a code of one or two digits, stored here (see NumberColumnBuilder.int8).
        if (int8 !== null && numbers !== null && numbers.length < int8.length && (length === 0 || (digits && length <= 2 && (sink.kind !== Kind.Id || length === 1 || bytes[from] !== 0x30)))) {
          int8[numbers.length++] = length === 0 ? -0x80 : v;
        } else if (numbers !== null && length === 0) numbers.pushMissing();
        // Up to 15 digits a double holds exactly; an id must not start with 0 unless it is "0".
        else if (numbers !== null && digits && length <= 15 && (sink.kind !== Kind.Id || length === 1 || bytes[from] !== 0x30)) numbers.push(v);
        else if (numbers === null && deferred === 0) this.readTextBytes(sink, bytes, from, i);
        else {
          bounds[3 * k] = from;
          bounds[3 * k + 1] = i;
          bounds[3 * k + 2] = 0;
          this.deferred[deferred++] = k;
        }
      }
      k++;
      if (i >= e) break;
      i++;
    }
    if (k !== width) this.ragged(row, k, width);
    this.rowNumbers.push(row);
    for (let m = k; m < width; m++) sinks[m]?.pushMissing();
    if (deferred > 0) {
      later.bytes = bytes;
      for (let d = 0; d < deferred; d++) {
        const f = this.deferred[d] ?? 0;
        const sink = sinks[f];
        if (!sink) continue;
        if (sink.numbers !== null) this.readNumber(sink, sink.numbers, later, f, row);
        else this.readText(sink, later, f);
      }
    }
    return true;
  }

  /** Adds one data record, shown to people as file row `row`. */
  addRecord(r: CsvRecord, row: number): void {
    const sinks = this.sinks;
    const width = sinks.length;
    const { bytes, bounds, fields } = r;
    if (fields !== width) this.ragged(row, fields, width);
    this.rowNumbers.push(row);
    for (let k = 0; k < width; k++) {
      const sink = sinks[k];
      if (!sink) continue;
      if (k >= fields) {
        sink.pushMissing();
        continue;
      }
      const at = 3 * k;
      const s = bounds[at] ?? 0;
      const e = bounds[at + 1] ?? 0;
      const flags = bounds[at + 2] ?? 0;
      if (flags !== 0 && (flags & BAD_QUOTE) !== 0) this.badQuote(row, k, sink.name);
      const numbers = sink.numbers;
      if (numbers !== null && flags === 0) {
        // The common cases inline: a blank, a one-digit code.
        if (e === s) {
          numbers.pushMissing();
          continue;
        }
        if (e - s === 1) {
          const digit = (bytes[s] ?? 0) - 0x30;
          if (digit >= 0 && digit <= 9) {
            numbers.push(digit);
            continue;
          }
        }
      }
      if (numbers !== null) this.readNumber(sink, numbers, r, k, row);
      else this.readText(sink, r, k);
    }
  }

  /** A number field that is not one digit: an integer read from the bytes, else the exact slow path. */
  private readNumber(sink: Sink, numbers: NumberColumnBuilder, r: CsvRecord, k: number, row: number): void {
    const { bytes, bounds } = r;
    let s = bounds[3 * k] ?? 0;
    let e = bounds[3 * k + 1] ?? s;
    while (s < e && isBlank(bytes[s] ?? 0)) s++;
    while (e > s && isBlank(bytes[e - 1] ?? 0)) e--;
    if (s === e) return numbers.pushMissing();
    const negative = bytes[s] === 0x2d;
    const start = negative ? s + 1 : s;
    const digits = e - start;
    let i = start;
    let v = 0;
    for (; i < e; i++) {
      const digit = (bytes[i] ?? 0) - 0x30;
      if (digit < 0 || digit > 9) break;
      v = v * 10 + digit;
    }
    // Up to 15 digits a double holds exactly; an id must not start with 0 unless it is "0".
    const exact = i === e && digits > 0 && digits <= 15;
    if (exact && (sink.kind !== Kind.Id || bytes[start] !== 0x30 || digits === 1)) return numbers.push(negative ? -v : v);
    const text = this.textOf(r, k);
    if (sink.kind === Kind.Id) return sink.idToText().push(text);
    if (NUMBER.test(text)) return numbers.push(Number(text.replace(",", ".")));
    numbers.pushMissing();
    this.issues.note("not-a-number", () => {
      const at = row + this.rowBase;
      return {
        kind: "not-a-number", row: at, column: k + 1, variable: sink.name, value: text,
        message: `${sink.name} is "${text}" on row ${at}, column ${k + 1}, but ${sink.name} holds numeric codes.`,
        fix: `Replace it with the code (see the codebook for ${sink.name}) or leave it blank; it was read as blank.`,
      };
    });
  }

  private readText(sink: Sink, r: CsvRecord, k: number): void {
    if ((r.bounds[3 * k + 2] ?? 0) & ESCAPED) return sink.texts?.push(this.textOf(r, k) || null);
    const s = r.bounds[3 * k] ?? 0;
    this.readTextBytes(sink, r.bytes, s, r.bounds[3 * k + 1] ?? s);
  }

  /** A text field that needs no unescaping: bytes[s, e), trimmed. */
  private readTextBytes(sink: Sink, bytes: Uint8Array, start: number, end: number): void {
    const texts = sink.texts;
    if (!texts) return;
    let s = start;
    let e = end;
    while (s < e && isBlank(bytes[s] ?? 0)) s++;
    while (e > s && isBlank(bytes[e - 1] ?? 0)) e--;
    if (s === e) texts.pushMissing();
    else texts.pushBytes(bytes, s, e, this.decodeValue);
  }

  private ragged(row: number, fields: number, width: number): void {
    this.issues.note("ragged-row", () => ({
      kind: "ragged-row", row: row + this.rowBase, column: Math.min(fields, width) + 1, value: fields,
      message: `Row ${row + this.rowBase} has ${fields} fields but the header has ${width}.`,
      fix: `Look for a missing or extra ${delimiterName(this.delimiter)} on this row and quote any field that contains one; ${fields < width ? "missing fields were read as blank" : "extra fields were dropped"}.`,
    }));
  }

  private badQuote(row: number, k: number, name: string): void {
    this.issues.note("bad-quote", () => ({
      kind: "bad-quote", row: row + this.rowBase, column: k + 1, variable: name,
      message: `Row ${row + this.rowBase}: the quoted field ${k + 1} has text after its closing quote.`,
      fix: `A quoted field must end with a quote followed by ${delimiterName(this.delimiter)} or a line break; write a quote inside a field as "".`,
    }));
  }

  /** Makes room for `rows` rows in every column (an estimate from the file size: no doubling, no waste). */
  reserve(rows: number): void {
    this.rowNumbers.reserve(rows);
    for (const sink of this.sinks) {
      sink.numbers?.reserve(rows);
      sink.texts?.reserve(rows);
    }
  }

  /** Per column: read under a header the codebook does not know (see {@link autoNumbers}). */
  get autoColumns(): boolean[] {
    return this.sinks.map((s) => s.kind === Kind.Auto);
  }

  /** Column names, in header order. */
  get names(): string[] {
    return this.sinks.map((s) => s.name);
  }

  /** The finished columns; `keepView`: arrays stay views into their spare room (a part of a split file, to be joined). */
  finish(keepView = false): ColumnData[] {
    return this.sinks.map((s) => s.finish(keepView));
  }
}

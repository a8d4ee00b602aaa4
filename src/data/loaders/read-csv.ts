/**
 * CSV reader: bytes → records (`csv-scanner.ts`, byte ranges, nothing decoded) → one column
 * builder per header field, named after the codebook. Numbers are parsed straight from the bytes;
 * only text values (names, ids, unknown columns) and values in error are decoded, each distinct
 * one once. No row objects, no per-cell strings.
 *
 * Delimiter: `,`, `;` or tab, from Excel's `sep=` line or detected unless given.
 * Headers: matched to codebook variables as described in `variable-names.ts`; headers that match
 * nothing are kept under their own name and reported as unknown variables, never dropped.
 * Values: blank → missing; numeric variables accept `3`, `-1`, `2.5` and the decimal comma `2,5`;
 * anything else in a numeric column is reported (row, column) and read as missing. Text variables
 * (kommunenummer, names) stay strings so "0301" keeps its leading zero. Identifiers are numbers
 * only when every one survives as a number exactly (no leading zero, below 2^53), else text.
 * Unknown columns become numbers only when every value is a plain number.
 */
import type { Result } from "../../base/result";
import { fail, ok } from "../../base/result";
import type { Codebook } from "../codebook";
import { VariableMatcher, isNumericVariable, respondentIdVariable, safeColumnName } from "../variable-names";
import { type ByteInput, countBytes, readChunks } from "./byte-chunks";
import { type ColumnData, Int32List, NumberColumnBuilder, TextColumnBuilder, textAsNumbers } from "./column-builders";
import { detectDelimiter, sepLineDelimiter } from "./csv-delimiter";
import { BAD_QUOTE, CsvScanner, type CsvRecord, ESCAPED, type ScanStop } from "./csv-scanner";
import { FieldDecoder } from "./detect-encoding";
import type { ReadOptions, ReadOutput } from "./file-format";
import { type LoadProblem, cancelledProblem, loadFailure, loadProblem } from "./load-result";
import { scanEncoding, textBytes } from "./text-bytes";
import type { IssueCollector } from "./validate";

/** A record longer than this is an unclosed quote swallowing the file, or not CSV at all. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
/** An identifier a number holds exactly: no leading zero, no sign but minus, a safe integer. */
const EXACT_INTEGER = /^-?(?:0|[1-9]\d{0,15})$/;

/** Bytes trimmed around a value (space, tab). */
function isBlankByte(b: number): boolean {
  return b === 0x20 || b === 0x09;
}

/** A blank marker for {@link parseInteger}: the field holds only blanks. */
const BLANK = -1;
/** A marker for {@link parseInteger}: not a plain integer (decode and look closer). */
const OTHER = -2;

/**
 * The integer in bytes[start, end) (blanks around allowed), as `out[0]`; returns 1, or BLANK, or
 * OTHER when it is not an integer of at most 15 digits (those take the slow, exact path).
 */
function parseInteger(bytes: Uint8Array, start: number, end: number, out: Float64Array): number {
  let s = start;
  let e = end;
  while (s < e && isBlankByte(bytes[s] ?? 0)) s++;
  while (e > s && isBlankByte(bytes[e - 1] ?? 0)) e--;
  if (s === e) return BLANK;
  let negative = false;
  const sign = bytes[s];
  if (sign === 0x2d || sign === 0x2b) {
    negative = sign === 0x2d;
    s++;
  }
  if (s === e || e - s > 15) return OTHER;
  let v = 0;
  for (let i = s; i < e; i++) {
    const digit = (bytes[i] ?? 0) - 0x30;
    if (digit < 0 || digit > 9) return OTHER;
    v = v * 10 + digit;
  }
  out[0] = negative ? -v : v;
  return 1;
}

function delimiterName(d: string): string {
  return d === "\t" ? "tab" : `"${d}"`;
}

type ColumnKind = "number" | "id" | "text" | "auto";

/** One header field's column: how its values are read and where they go. */
interface Sink {
  name: string;
  kind: ColumnKind;
  numbers?: NumberColumnBuilder;
  texts?: TextColumnBuilder;
}

/** The sinks for a header, reporting headers that name a variable twice. */
function sinksFor(header: string[], codebook: Codebook, issues: IssueCollector): Sink[] {
  const matcher = new VariableMatcher(codebook);
  const id = respondentIdVariable(codebook);
  const taken = new Set<string>();
  return header.map((raw, i) => {
    const label = raw === "" ? `column_${i + 1}` : safeColumnName(raw);
    const v = matcher.match(label);
    let name = v && !taken.has(v.name) ? v.name : label;
    if (v && taken.has(v.name)) {
      issues.add({
        kind: "duplicate-column", row: 1, column: i + 1, variable: v.name, value: raw,
        message: `Header "${raw}" in column ${i + 1} names ${v.name}, which an earlier column already holds.`,
        fix: `Rename or remove one of the two columns; this one is kept as "${label}" and not validated.`,
      });
    }
    while (taken.has(name)) name = `${name}_${i + 1}`;
    taken.add(name);
    const kind: ColumnKind = v === undefined || name !== v.name ? "auto" : v.name === id?.name ? "id" : isNumericVariable(v, codebook) ? "number" : "text";
    return kind === "number" ? { name, kind, numbers: new NumberColumnBuilder() } : { name, kind, texts: new TextColumnBuilder() };
  });
}

function finishSink(sink: Sink): ColumnData {
  if (sink.numbers) return sink.numbers.finish();
  const text = (sink.texts ?? new TextColumnBuilder()).finish();
  const asNumber =
    sink.kind === "id" ? (t: string) => EXACT_INTEGER.test(t) && Number.isSafeInteger(Number(t)) : sink.kind === "auto" ? (t: string) => PLAIN_NUMBER.test(t) : undefined;
  return (asNumber && text.dictionary.length > 0 ? textAsNumbers(text, asNumber) : undefined) ?? text;
}

/** The problem for a scan that had to stop. */
function scanProblem(stop: ScanStop, file: string): LoadProblem {
  if (stop.kind === "unclosed-quote") {
    return loadProblem("malformed", `A quoted field that starts on row ${stop.record}, field ${stop.field}, is never closed, so the rest of the file would be read as one value.`, {
      file, row: stop.record, column: stop.field, fix: `Add the closing quote (") at the end of that field, or remove the stray opening quote.`,
    });
  }
  return loadProblem("malformed", `Row ${stop.record} runs past ${MAX_RECORD_BYTES} bytes without a line break; this does not look like a CSV file.`, {
    file, row: stop.record, fix: "Choose the CSV export of the data (one respondent per line), or load the file as a card image or .sav.",
  });
}

/** Reads a CSV file through the codebook; see the module comment for what is accepted. */
export async function readCsv(input: ByteInput, o: ReadOptions): Promise<Result<ReadOutput, LoadProblem>> {
  const file = o.name;
  const { codebook, issues } = o;
  if (!codebook) return loadFailure("codebook", "A CSV file needs a codebook to be read.", { file, fix: "Pass the survey's codebook (data/survey-1999/codebook.json); only .sav files carry their own dictionary." });
  const lines = o.sample.text?.lines ?? [];
  const encoding = o.sample.text?.encoding ?? "utf-8";
  const delimiter = o.delimiter ?? detectDelimiter(lines);
  let skipSepLine = sepLineDelimiter(lines) !== undefined;
  // Excel hides its sep= line, so rows are numbered as Excel shows them: the header is row 1.
  let rowOffset = 0;
  // Decode as UTF-8 until a value is not (then Windows-1252), even when the sample already saw
  // Windows-1252 bytes: UTF-8 text before them makes a mixed file, which the report says.
  const decoder = new FieldDecoder(encoding === "windows-1252" ? "utf-8" : scanEncoding(encoding));
  const scanner = new CsvScanner(delimiter.charCodeAt(0), MAX_RECORD_BYTES);
  const rowNumbers = new Int32List();
  const number = new Float64Array(1);
  let sinks: Sink[] | undefined;
  let header: string[] = [];
  const read = { bytes: 0 };

  /** Decoded, unescaped, trimmed text of field k; "" when blank. */
  const textOf = (r: CsvRecord, k: number): string => {
    const s = r.bounds[3 * k] ?? 0;
    const text = decoder.decode(r.bytes, s, r.bounds[3 * k + 1] ?? s);
    return ((r.bounds[3 * k + 2] ?? 0) & ESCAPED ? text.replaceAll('""', '"') : text).trim();
  };
  const decodeValue = (b: Uint8Array, s: number, e: number): string | null => decoder.decode(b, s, e).trim() || null;

  const readNumber = (sink: Sink, r: CsvRecord, k: number, row: number): void => {
    const builder = sink.numbers;
    if (!builder) return;
    const s = r.bounds[3 * k] ?? 0;
    const e = r.bounds[3 * k + 1] ?? s;
    const got = parseInteger(r.bytes, s, e, number);
    if (got === 1) return builder.push(number[0] ?? 0);
    if (got === BLANK) return builder.pushMissing();
    const text = textOf(r, k);
    if (text === "") return builder.pushMissing();
    if (NUMBER.test(text)) return builder.push(Number(text.replace(",", ".")));
    builder.pushMissing();
    issues.add({
      kind: "not-a-number", row, column: k + 1, variable: sink.name, value: text,
      message: `${sink.name} is "${text}" on row ${row}, column ${k + 1}, but ${sink.name} holds numeric codes.`,
      fix: `Replace it with the code (see the codebook for ${sink.name}) or leave it blank; it was read as blank.`,
    });
  };

  const readText = (sink: Sink, r: CsvRecord, k: number): void => {
    const builder = sink.texts;
    if (!builder) return;
    const flags = r.bounds[3 * k + 2] ?? 0;
    if (flags & ESCAPED) return builder.push(textOf(r, k) || null);
    let s = r.bounds[3 * k] ?? 0;
    let e = r.bounds[3 * k + 1] ?? s;
    while (s < e && isBlankByte(r.bytes[s] ?? 0)) s++;
    while (e > s && isBlankByte(r.bytes[e - 1] ?? 0)) e--;
    if (s === e) builder.pushMissing();
    else builder.pushBytes(r.bytes, s, e, decodeValue);
  };

  const onRecord = (r: CsvRecord): void => {
    // A blank line separates nothing; skip it (its number still counts).
    if (r.fields === 1 && textOf(r, 0) === "") return;
    if (skipSepLine) {
      skipSepLine = false;
      rowOffset = 1;
      return;
    }
    const row = r.record - rowOffset;
    if (sinks === undefined) {
      header = Array.from({ length: r.fields }, (_, k) => textOf(r, k));
      sinks = sinksFor(header, codebook, issues);
      return;
    }
    const width = sinks.length;
    if (r.fields !== width) {
      issues.add({
        kind: "ragged-row", row, column: Math.min(r.fields, width) + 1, value: r.fields,
        message: `Row ${row} has ${r.fields} fields but the header has ${width}.`,
        fix: `Look for a missing or extra ${delimiterName(delimiter)} on this row and quote any field that contains one; ${r.fields < width ? "missing fields were read as blank" : "extra fields were dropped"}.`,
      });
    }
    rowNumbers.push(row);
    for (let k = 0; k < width; k++) {
      const sink = sinks[k];
      if (!sink) continue;
      if (k >= r.fields) {
        sink.numbers?.pushMissing();
        sink.texts?.pushMissing();
        continue;
      }
      if ((r.bounds[3 * k + 2] ?? 0) & BAD_QUOTE) {
        issues.add({
          kind: "bad-quote", row, column: k + 1, variable: sink.name,
          message: `Row ${row}: the quoted field ${k + 1} has text after its closing quote.`,
          fix: `A quoted field must end with a quote followed by ${delimiterName(delimiter)} or a line break; write a quote inside a field as "".`,
        });
      }
      if (sink.kind === "number") readNumber(sink, r, k, row);
      else readText(sink, r, k);
    }
  };

  for await (const chunk of textBytes(countBytes(readChunks(input, o), read), encoding)) {
    const stop = scanner.push(chunk, false, onRecord);
    if (stop) return fail(scanProblem(stop, file));
  }
  if (o.signal?.aborted) return fail(cancelledProblem(file));
  const stop = scanner.push(new Uint8Array(0), true, onRecord);
  if (stop) return fail(scanProblem(stop, file));

  if (sinks === undefined) {
    return loadFailure("empty", "The file is empty: there is no header row.", {
      file, row: 1, fix: "Choose the file that holds the data; a CSV starts with a header row such as resp_id,q1,q2_1,…",
    });
  }
  if (decoder.mixed) {
    issues.add({
      kind: "file", message: "The file mixes UTF-8 and Windows-1252 text; it was read as Windows-1252 from the first non-UTF-8 value on.",
      fix: "Save the file again as UTF-8 (CSV UTF-8 in Excel) and check the letters æ, ø and å.",
    });
  }
  const shown = header.slice(0, 5).map((h) => `"${h.length > 40 ? `${h.slice(0, 40)}…` : h}"`).join(", ");
  return ok({
    columns: { names: sinks.map((s) => s.name), columns: sinks.map(finishSink), rows: rowNumbers.length },
    codebook,
    rowNumbers: rowNumbers.finish(),
    shape: `a header of ${header.length} column${header.length === 1 ? "" : "s"} (${shown}${header.length > 5 ? ", …" : ""})`,
    // UTF-16 was scanned as UTF-8; otherwise the decoder knows whether it had to switch to Windows-1252.
    encoding: scanEncoding(encoding) === encoding ? decoder.encoding : encoding,
    delimiter,
    bytes: read.bytes,
  });
}

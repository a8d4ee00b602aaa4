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
import { type ByteInput, countBytes, readChunks } from "./byte-chunks";
import { CsvColumns, autoNumbers, fieldText } from "./csv-columns";
import { type Delimiter, detectDelimiter, sepLineDelimiter } from "./csv-delimiter";
import { CsvScanner, type CsvRecord, type ScanStop } from "./csv-scanner";
import { FieldDecoder, type TextEncodingName } from "./detect-encoding";
import type { ReadOptions, ReadOutput } from "./file-format";
import type { PartData, PartPlace, PartRead, PartReader, PartSummary } from "./file-part";
import { joinColumns, joinRowNumbers } from "./join-columns";
import { type LoadProblem, cancelledProblem, loadFailure, loadProblem } from "./load-result";
import { scanEncoding, textBytes } from "./text-bytes";
import { IssueCollector } from "./validate";

/** A record longer than this is an unclosed quote swallowing the file, or not CSV at all. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/**
 * Most columns a CSV header may have. Each column is built in memory before anything is checked
 * (~20 KB apiece before its first value), and a short row is filled out to the header's width: a
 * 192 KB file whose header ends in 100,000 commas (a spreadsheet's empty columns saved along) took
 * 33 s and 2 GB, one of 1 MB would take the worker down. The survey has 135 variables; a file with
 * a few of its own beside them stays far below this.
 */
export const MAX_CSV_COLUMNS = 2_000;

function tooWideProblem(columns: number, codebook: Codebook, file: string): LoadProblem {
  return loadProblem("not-survey-data", `The header has ${columns.toLocaleString("en")} columns; the survey's data has ${codebook.variables.length}, and a CSV of more than ${MAX_CSV_COLUMNS.toLocaleString("en")} columns is not read.`, {
    file, row: 1, fix: "Choose the survey's data file; if this is it, delete the empty columns after the last variable (a spreadsheet saves them as trailing commas) and save the file again.",
  });
}

/** The problem for a scan that had to stop; `base` records of the file came before the part that stopped. */
function scanProblem(stop: ScanStop, file: string, base = 0): LoadProblem {
  if (base > 0) return scanProblem({ ...stop, record: stop.record + base }, file);
  if (stop.kind === "unclosed-quote") {
    return loadProblem("malformed", `A quoted field that starts on row ${stop.record}, field ${stop.field}, is never closed, so the rest of the file would be read as one value.`, {
      file, row: stop.record, column: stop.field, fix: `Add the closing quote (") at the end of that field, or remove the stray opening quote.`,
    });
  }
  return loadProblem("malformed", `Row ${stop.record} runs past ${MAX_RECORD_BYTES} bytes without a line break; this does not look like a CSV file.`, {
    file, row: stop.record, fix: "Choose the CSV export of the data (one respondent per line), or load the file as a card image or .sav.",
  });
}

const codebookProblem = (file: string): LoadProblem =>
  loadProblem("codebook", "A CSV file needs a codebook to be read.", { file, fix: "Pass the survey's codebook (data/survey-1999/codebook.json); only .sav files carry their own dictionary." });

/** How the CSV is read: decided from the sample alone, so every part of a parallel read decides alike. */
interface CsvSetup {
  codebook: Codebook;
  encoding: TextEncodingName;
  delimiter: Delimiter;
  /** Excel's `sep=` line comes first (hidden by Excel, so rows are numbered without it). */
  sepLine: boolean;
}

function setupOf(o: ReadOptions, codebook: Codebook): CsvSetup {
  const lines = o.sample.text?.lines ?? [];
  return { codebook, encoding: o.sample.text?.encoding ?? "utf-8", delimiter: o.delimiter ?? detectDelimiter(lines), sepLine: sepLineDelimiter(lines) !== undefined };
}

/**
 * Decode as UTF-8 until a value is not (then Windows-1252), even when the sample already saw
 * Windows-1252 bytes: UTF-8 text before them makes a mixed file, which the report says.
 */
function decoderFor(setup: CsvSetup): FieldDecoder {
  return new FieldDecoder(setup.encoding === "windows-1252" ? "utf-8" : scanEncoding(setup.encoding));
}

/**
 * The header's fields, read from the sample (for a later part of a parallel read, which starts
 * past it); undefined when the sample does not hold the whole header record.
 */
async function sampleHeader(o: ReadOptions, setup: CsvSetup): Promise<string[] | undefined> {
  const decoder = decoderFor(setup);
  const scanner = new CsvScanner(setup.delimiter.charCodeAt(0), MAX_RECORD_BYTES);
  let skipSep = setup.sepLine;
  let header: string[] | undefined;
  const onRecord = (r: CsvRecord): void => {
    if (header !== undefined || (r.fields === 1 && fieldText(decoder, r, 0) === "")) return;
    if (skipSep) skipSep = false;
    else header = Array.from({ length: r.fields }, (_, k) => fieldText(decoder, r, k));
  };
  const one = async function* (): AsyncGenerator<Uint8Array> {
    yield o.sample.head;
  };
  for await (const bytes of textBytes(one(), setup.encoding)) scanner.push(bytes, false, onRecord);
  return header;
}

/** A CSV file, or a part of one, being read (see `file-part.ts`). */
class CsvReading implements PartRead {
  private readonly scanner: CsvScanner;
  private readonly decoder: FieldDecoder;
  private readonly issues: IssueCollector;
  private columns: CsvColumns | undefined;
  /** The width of a header over {@link MAX_CSV_COLUMNS}: nothing more is read. */
  private tooWide: number | undefined;
  private skipSepLine: boolean;
  /** Excel hides its sep= line, so rows are numbered as Excel shows them: the header is row 1. */
  private readonly rowOffset: number;
  private stop: ScanStop | undefined;
  private atBoundary = false;
  private readonly read = { bytes: 0 };
  private sized = false;

  constructor(
    private readonly o: ReadOptions,
    private readonly setup: CsvSetup,
    private readonly place: PartPlace,
    header: readonly string[] | undefined,
  ) {
    this.decoder = decoderFor(setup);
    this.scanner = new CsvScanner(setup.delimiter.charCodeAt(0), MAX_RECORD_BYTES);
    // Each part lists its own issues; a later part builds them once it knows the rows before it.
    this.issues = new IssueCollector(o.name, o.issues.limit, !place.first);
    this.skipSepLine = place.first && setup.sepLine;
    this.rowOffset = setup.sepLine ? 1 : 0;
    if (header !== undefined && header.length > MAX_CSV_COLUMNS) this.tooWide = header.length;
    else if (header !== undefined) {
      // The first part reports the header's issues; a later one builds the same columns silently.
      this.columns = new CsvColumns(header, setup.codebook, this.issues, this.decoder, setup.delimiter, new IssueCollector(o.name));
    }
  }

  private readonly onRecord = (r: CsvRecord): void => {
    if (this.tooWide !== undefined) return;
    // A blank line separates nothing; skip it (its number still counts).
    if (r.fields === 1 && fieldText(this.decoder, r, 0) === "") return;
    if (this.skipSepLine) {
      this.skipSepLine = false;
      return;
    }
    if (this.columns === undefined) {
      if (r.fields > MAX_CSV_COLUMNS) {
        this.tooWide = r.fields;
        return;
      }
      this.columns = new CsvColumns(Array.from({ length: r.fields }, (_, k) => fieldText(this.decoder, r, k)), this.setup.codebook, this.issues, this.decoder, this.setup.delimiter);
      return;
    }
    this.columns.addRecord(r, r.record - this.rowOffset);
  };

  /** A plain record (see `PlainRecord`) once the header is in: its fields read in one pass. */
  private readonly onPlain = (bytes: Uint8Array, s: number, e: number, record: number): boolean =>
    this.columns !== undefined && !this.skipSepLine && this.columns.addPlain(bytes, s, e, record - this.rowOffset);

  /** Reads `input`: the part's bytes, or (`rest`) the file after them. */
  async scan(input: ByteInput, rest: boolean): Promise<void> {
    const o = this.o;
    const atStart = this.place.first && !rest;
    for await (const chunk of textBytes(countBytes(readChunks(input, { ...o, reuse: true }), this.read), this.setup.encoding, atStart)) {
      this.stop = this.scanner.push(chunk, false, this.onRecord, this.onPlain);
      if (this.stop || this.tooWide !== undefined) return;
      // After the first chunk the rows per byte are known: size the columns (see `PartPlace.reserve`).
      const rows = this.columns?.rowNumbers.length ?? 0;
      if (!this.sized && rows > 0 && this.place.reserve > 0) {
        this.sized = true;
        this.columns?.reserve(Math.ceil(((rows * this.place.reserve) / this.read.bytes) * 1.05) + 16);
      }
    }
    if (o.signal?.aborted || this.tooWide !== undefined) return;
    const stop = this.scanner.push(new Uint8Array(0), true, this.onRecord, this.onPlain);
    // Inside a quote at the part's end: its last line end was inside a quoted field, so the next
    // part started inside a record — or, in the last part, the quote is never closed.
    if (stop?.kind === "unclosed-quote" && !this.place.last && !rest) return;
    this.stop = stop;
    this.atBoundary = stop === undefined;
  }

  summary(): PartSummary {
    return { records: this.scanner.completed, endsAtBoundary: this.atBoundary, failed: this.stop !== undefined || this.columns === undefined, text: this.decoder.state };
  }

  async readRest(rest: ByteInput): Promise<void> {
    await this.scan(rest, true);
  }

  finish(base: number): Result<PartData, LoadProblem> {
    const file = this.o.name;
    if (this.o.signal?.aborted) return fail(cancelledProblem(file));
    if (this.stop) return fail(scanProblem(this.stop, file, base));
    if (this.tooWide !== undefined) return fail(tooWideProblem(this.tooWide, this.setup.codebook, file));
    const columns = this.columns;
    if (columns === undefined) {
      return loadFailure("empty", "The file is empty: there is no header row.", {
        file, row: 1, fix: "Choose the file that holds the data; a CSV starts with a header row such as resp_id,q1,q2_1,…",
      });
    }
    columns.rowBase = base;
    const rowNumbers = columns.rowNumbers.finish();
    if (base !== 0) for (let i = 0; i < rowNumbers.length; i++) rowNumbers[i] = (rowNumbers[i] ?? 0) + base;
    return ok({
      columns: { names: columns.names, columns: columns.finish(!(this.place.first && this.place.last)), rows: rowNumbers.length },
      auto: columns.autoColumns,
      rowNumbers,
      issues: this.issues.tally(),
      bytes: this.read.bytes,
      text: this.decoder.state,
      meta: { kind: "csv", header: [...columns.header], delimiter: this.setup.delimiter, encoding: this.setup.encoding },
    });
  }
}

/**
 * Whether the text decoding of joined parts went as one pass would have gone: `mixed` when UTF-8
 * text was decoded before the first field that was not UTF-8, in whichever part each fell.
 */
function joinedText(parts: readonly PartData[]): { latin: boolean; mixed: boolean } {
  let latin = false;
  let sawUtf8 = false;
  let mixed = false;
  for (const { text } of parts) {
    if (!text) continue;
    if (!latin) mixed ||= text.mixed || (text.switched && sawUtf8);
    sawUtf8 ||= text.sawUtf8;
    latin ||= text.latin;
  }
  return { latin, mixed };
}

/** The parts of a CSV file joined into what reading it whole gives. */
function joinCsv(parts: readonly PartData[], o: ReadOptions): ReadOutput {
  const first = parts[0];
  const codebook = o.codebook;
  if (first?.meta.kind !== "csv" || codebook === undefined) throw new Error("joinCsv: no CSV part to join");
  const { header, delimiter, encoding } = first.meta;
  for (const part of parts) o.issues.absorb(part.issues);
  const text = joinedText(parts);
  if (text.mixed) {
    o.issues.add({
      kind: "file", message: "The file mixes UTF-8 and Windows-1252 text; it was read as Windows-1252 from the first non-UTF-8 value on.",
      fix: "Save the file again as UTF-8 (CSV UTF-8 in Excel) and check the letters æ, ø and å.",
    });
  }
  const joined = joinColumns(parts.map((p) => p.columns.columns)).map((column, k) => (first.auto[k] ? autoNumbers(column) : column));
  const rowNumbers = joinRowNumbers(parts.map((p) => p.rowNumbers));
  const shown = header.slice(0, 5).map((h) => `"${h.length > 40 ? `${h.slice(0, 40)}…` : h}"`).join(", ");
  return {
    columns: { names: first.columns.names, columns: joined, rows: rowNumbers.length },
    codebook,
    rowNumbers,
    shape: `a header of ${header.length} column${header.length === 1 ? "" : "s"} (${shown}${header.length > 5 ? ", …" : ""})`,
    // UTF-16 was scanned as UTF-8; otherwise the decoders know whether they had to switch to Windows-1252.
    encoding: encoding === "utf-16le" || encoding === "utf-16be" ? encoding : text.latin ? "windows-1252" : encoding === "windows-1252" ? "utf-8" : encoding,
    delimiter,
    bytes: parts.reduce((n, p) => n + p.bytes, 0),
  };
}

/** CSV read in parts: any part but the first reads the header from the sample. */
export const csvParts: PartReader = {
  async splittable(o) {
    return o.codebook !== undefined && !o.sample.complete && (await sampleHeader(o, setupOf(o, o.codebook))) !== undefined;
  },
  async read(input, o, place) {
    const codebook = o.codebook;
    if (!codebook) throw new Error("csvParts.read: no codebook (splittable said no)");
    const setup = setupOf(o, codebook);
    const reading = new CsvReading(o, setup, place, place.first ? undefined : await sampleHeader(o, setup));
    await reading.scan(input, false);
    return reading;
  },
  join: joinCsv,
};

/** Reads a CSV file through the codebook; see the module comment for what is accepted. */
export async function readCsv(input: ByteInput, o: ReadOptions): Promise<Result<ReadOutput, LoadProblem>> {
  if (!o.codebook) return fail(codebookProblem(o.name));
  const bytes = o.totalBytes ?? 0;
  const reading = new CsvReading(o, setupOf(o, o.codebook), { first: true, last: true, bytes, reserve: bytes }, undefined);
  await reading.scan(input, false);
  const part = reading.finish(0);
  return part.ok ? ok(joinCsv([part.value], o)) : part;
}

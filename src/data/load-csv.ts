/**
 * CSV loader: bytes → text (encoding detected) → records (PapaParse, piece by piece as the
 * bytes stream in) → columns named after the codebook → Arquero table + validation report.
 *
 * Delimiter: `,`, `;` or tab, guessed by PapaParse from the first lines unless given.
 * Headers: matched to codebook variables as described in `variable-names.ts`; headers that match
 * nothing are kept under their own name and reported as unknown variables, never dropped.
 * Values: blank → null; numeric variables accept `3`, `-1`, `2.5` and the decimal comma `2,5`;
 * anything else in a numeric column is reported (row, column) and read as null. Text variables
 * (ids such as kommunenummer, names) stay strings so "0301" keeps its leading zero. Unknown
 * columns become numbers only when every value is a plain number.
 */
import Papa from "papaparse";
import { table } from "arquero";
import type { Codebook } from "./codebook";
import { AutoDecoder } from "./detect-encoding";
import { type ByteInput, readChunks } from "./byte-chunks";
import { CsvRecordCutter } from "./csv-records";
import { LoadError, type LoadOptions, type LoadResult } from "./load-result";
import { IssueCollector, validateTable } from "./validate";
import { VariableMatcher, isNumericVariable, safeColumnName } from "./variable-names";

export interface CsvLoadOptions extends LoadOptions {
  codebook: Codebook;
  /** Force a delimiter instead of guessing. */
  delimiter?: "," | ";" | "\t";
  /** Size of a stream input, for progress. */
  totalBytes?: number;
}

/** Characters of text the delimiter guess looks at. */
const SAMPLE_CHARS = 64 * 1024;
/** A record longer than this is an unclosed quote swallowing the file, not data. */
const MAX_RECORD_CHARS = 4 * 1024 * 1024;

const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

type ColumnKind = "number" | "text" | "auto";
interface Column {
  name: string;
  kind: ColumnKind;
  values: (number | string | null)[];
}

function delimiterName(d: string): string {
  return d === "\t" ? "tab" : `"${d}"`;
}

/** Builds columns from header and data records, reporting what does not fit. */
class ColumnBuilder {
  readonly columns: Column[] = [];
  readonly rowNumbers: number[] = [];

  constructor(header: string[], private readonly codebook: Codebook, private readonly issues: IssueCollector, private readonly delimiter: string) {
    const matcher = new VariableMatcher(codebook);
    const taken = new Set<string>();
    header.forEach((raw, i) => {
      const label = raw.trim() === "" ? `column_${i + 1}` : safeColumnName(raw.trim());
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
      const kind: ColumnKind = v === undefined || name !== v.name ? "auto" : isNumericVariable(v, codebook) ? "number" : "text";
      this.columns.push({ name, kind, values: [] });
    });
  }

  addRow(fields: string[], row: number): void {
    const width = this.columns.length;
    if (fields.length !== width) {
      this.issues.add({
        kind: "ragged-row", row, column: Math.min(fields.length, width) + 1, value: fields.length,
        message: `Row ${row} has ${fields.length} fields but the header has ${width}.`,
        fix: `Look for a missing or extra ${delimiterName(this.delimiter)} on this row and quote any field that contains one; ${fields.length < width ? "missing fields were read as blank" : "extra fields were dropped"}.`,
      });
    }
    this.rowNumbers.push(row);
    this.columns.forEach((c, i) => {
      const text = (fields[i] ?? "").trim();
      if (text === "") c.values.push(null);
      else if (c.kind !== "number") c.values.push(text);
      else if (NUMBER.test(text)) c.values.push(Number(text.replace(",", ".")));
      else {
        c.values.push(null);
        this.issues.add({
          kind: "not-a-number", row, column: i + 1, variable: c.name, value: text,
          message: `${c.name} is "${text}" on row ${row}, column ${i + 1}, but ${c.name} holds numeric codes.`,
          fix: `Replace it with the code (see the codebook for ${c.name}) or leave it blank; it was read as blank.`,
        });
      }
    });
  }

  /**
   * Column data for Arquero (a Map, so a header such as "__proto__" is just a name); unknown
   * columns become numbers when all values are plain numbers.
   */
  finish(): Map<string, (number | string | null)[]> {
    const out = new Map<string, (number | string | null)[]>();
    for (const c of this.columns) {
      const numeric = c.kind === "auto" && c.values.every((v) => v === null || (typeof v === "string" && PLAIN_NUMBER.test(v)));
      out.set(c.name, numeric ? c.values.map((v) => (v === null ? null : Number(v))) : c.values);
    }
    return out;
  }
}

/** Loads a CSV file; see the module comment for what is accepted. */
export async function loadCsv(input: ByteInput, opts: CsvLoadOptions): Promise<LoadResult> {
  const file = opts.name;
  const issues = new IssueCollector(file, opts.issueLimit);
  const decoder = new AutoDecoder();
  let delimiter = opts.delimiter;
  let cutter: CsvRecordCutter | undefined;
  let head = "";
  let builder: ColumnBuilder | undefined;
  let records = 0; // records seen so far, header included
  let bytes = 0;

  const parsePiece = (piece: string): void => {
    if (piece === "" || delimiter === undefined) return;
    const parsed = Papa.parse<string[]>(piece, { delimiter, header: false, skipEmptyLines: false });
    const base = records;
    for (const e of parsed.errors) {
      if (e.type !== "Quotes") continue;
      const row = base + (e.row ?? 0) + 1;
      issues.add({
        kind: "bad-quote", row, message: `Row ${row}: ${e.message}.`,
        fix: `A quoted field must end with a quote followed by ${delimiterName(delimiter)} or a line break; write a quote inside a field as "".`,
      });
    }
    const rows = parsed.data;
    // A piece ends with a line break, after which PapaParse reports one empty record.
    if (piece.endsWith("\n") && rows.length > 0 && rows[rows.length - 1]?.length === 1 && rows[rows.length - 1]?.[0] === "") rows.pop();
    for (const fields of rows) {
      records++;
      if (fields.length === 1 && (fields[0] ?? "").trim() === "") continue; // blank line
      if (builder === undefined) builder = new ColumnBuilder(fields, opts.codebook, issues, delimiter);
      else builder.addRow(fields, records);
    }
  };

  const feed = (text: string, final: boolean): void => {
    if (cutter === undefined) {
      head += text;
      if (!final && head.length < SAMPLE_CHARS) return;
      delimiter ??= guessDelimiter(head);
      cutter = new CsvRecordCutter(delimiter);
      text = head;
      head = "";
    }
    let piece = cutter.push(text);
    const open = cutter.openQuote;
    if (open && (final || cutter.pendingLength > MAX_RECORD_CHARS)) {
      throw new LoadError("malformed", `A quoted field that starts on row ${open.record + 1}, field ${open.field}, is never closed, so the rest of the file would be read as one value.`, {
        file, row: open.record + 1, column: open.field,
        fix: `Add the closing quote (") at the end of that field, or remove the stray opening quote.`,
      });
    }
    if (!open && cutter.pendingLength > MAX_RECORD_CHARS) {
      const row = cutter.completedRecords + 1;
      throw new LoadError("malformed", `Row ${row} runs past ${MAX_RECORD_CHARS} characters without a line break; this does not look like a CSV file.`, {
        file, row, fix: "Choose the CSV export of the data (one respondent per line), or load the file as a card image or .sav.",
      });
    }
    if (final) piece += cutter.flush();
    parsePiece(piece);
  };

  for await (const chunk of readChunks(input, { file, signal: opts.signal, onProgress: opts.onProgress, totalBytes: opts.totalBytes })) {
    bytes += chunk.byteLength;
    feed(decoder.push(chunk), false);
  }
  feed(decoder.end(), true);

  if (builder === undefined) {
    throw new LoadError("empty", "The file is empty: there is no header row.", {
      file, row: 1, fix: "Choose the file that holds the data; a CSV starts with a header row such as resp_id,q1,q2_1,…",
    });
  }
  if (decoder.mixed) {
    issues.add({
      kind: "file", message: "The file mixes UTF-8 and Windows-1252 text; it was read as Windows-1252 from the first non-UTF-8 byte on.",
      fix: "Save the file again as UTF-8 (CSV UTF-8 in Excel) and check the letters æ, ø and å.",
    });
  }
  const t = table(builder.finish());
  validateTable(t, opts.codebook, issues, { firstRow: 2, rowNumbers: builder.rowNumbers });
  return {
    table: t,
    codebook: opts.codebook,
    report: issues.report(t.numRows()),
    source: { name: file, format: "csv", encoding: decoder.encoding, delimiter, rows: t.numRows(), bytes },
  };
}

/** Picks `,`, `;` or tab from a sample of the file (PapaParse's guess over the first lines). */
export function guessDelimiter(sample: string): "," | ";" | "\t" {
  const lines = sample.split("\n").slice(0, 20).join("\n");
  const guess = Papa.parse(lines, { preview: 20, delimitersToGuess: [",", ";", "\t"] }).meta.delimiter;
  if (guess === ";" || guess === "\t") return guess;
  // PapaParse defaults to "," when it cannot tell; a one-column file or a header-only file lands here.
  const first = lines.split("\n")[0] ?? "";
  if (!first.includes(",") && first.includes(";")) return ";";
  if (!first.includes(",") && first.includes("\t")) return "\t";
  return ",";
}

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
import { type ByteInput, countBytes, readChunks } from "./byte-chunks";
import { CsvColumns, fieldText } from "./csv-columns";
import { detectDelimiter, sepLineDelimiter } from "./csv-delimiter";
import { CsvScanner, type CsvRecord, type ScanStop } from "./csv-scanner";
import { FieldDecoder } from "./detect-encoding";
import type { ReadOptions, ReadOutput } from "./file-format";
import { type LoadProblem, cancelledProblem, loadFailure, loadProblem } from "./load-result";
import { scanEncoding, textBytes } from "./text-bytes";

/** A record longer than this is an unclosed quote swallowing the file, or not CSV at all. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

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
  let columns: CsvColumns | undefined;
  const read = { bytes: 0 };

  const onRecord = (r: CsvRecord): void => {
    // A blank line separates nothing; skip it (its number still counts).
    if (r.fields === 1 && fieldText(decoder, r, 0) === "") return;
    if (skipSepLine) {
      skipSepLine = false;
      rowOffset = 1;
      return;
    }
    if (columns === undefined) {
      columns = new CsvColumns(Array.from({ length: r.fields }, (_, k) => fieldText(decoder, r, k)), codebook, issues, decoder, delimiter);
      return;
    }
    columns.addRecord(r, r.record - rowOffset);
  };

  let sized = false;
  for await (const chunk of textBytes(countBytes(readChunks(input, o), read), encoding)) {
    const stop = scanner.push(chunk, false, onRecord);
    if (stop) return fail(scanProblem(stop, file));
    // After the first chunk the rows per byte are known: size the columns for the whole file.
    const rows = columns?.rowNumbers.length ?? 0;
    if (!sized && rows > 0 && o.totalBytes !== undefined) {
      sized = true;
      columns?.reserve(Math.ceil(((rows * o.totalBytes) / read.bytes) * 1.05) + 16);
    }
  }
  if (o.signal?.aborted) return fail(cancelledProblem(file));
  const stop = scanner.push(new Uint8Array(0), true, onRecord);
  if (stop) return fail(scanProblem(stop, file));

  if (columns === undefined) {
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
  const { header } = columns;
  const shown = header.slice(0, 5).map((h) => `"${h.length > 40 ? `${h.slice(0, 40)}…` : h}"`).join(", ");
  return ok({
    columns: { names: columns.names, columns: columns.finish(), rows: columns.rowNumbers.length },
    codebook,
    rowNumbers: columns.rowNumbers.finish(),
    shape: `a header of ${header.length} column${header.length === 1 ? "" : "s"} (${shown}${header.length > 5 ? ", …" : ""})`,
    // UTF-16 was scanned as UTF-8; otherwise the decoder knows whether it had to switch to Windows-1252.
    encoding: scanEncoding(encoding) === encoding ? decoder.encoding : encoding,
    delimiter,
    bytes: read.bytes,
  });
}

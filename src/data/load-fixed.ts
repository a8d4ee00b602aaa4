/**
 * Card image loader: one respondent per line, each variable in the card columns the codebook
 * gives (1-based, inclusive), read like SPSS `DATA LIST FIXED` through `parseCardRecord` of
 * `card-layout.ts` (the same layout `formatCardRecord` writes). Blank fields are system missing;
 * a field that is not a number, a line shorter or longer than the layout, is reported with its
 * line and column and the load goes on. Lines are read as the bytes stream in, so the file is
 * never held as one string; blank lines are skipped.
 */
import { table } from "arquero";
import type { Codebook } from "./codebook";
import { columnsOf, parseCardRecord } from "./card-layout";
import { AutoDecoder } from "./detect-encoding";
import { type ByteInput, readChunks } from "./byte-chunks";
import { LoadError, type LoadOptions, type LoadResult } from "./load-result";
import { IssueCollector, validateTable } from "./validate";

export interface FixedLoadOptions extends LoadOptions {
  codebook: Codebook;
  /** Size of a stream input, for progress. */
  totalBytes?: number;
}

/** A line longer than this is not a card record (binary data, a one-line file). */
const MAX_LINE_CHARS = 1 << 20;

/** Loads a fixed-width card image through the codebook's column layout. */
export async function loadFixed(input: ByteInput, opts: FixedLoadOptions): Promise<LoadResult> {
  const file = opts.name;
  const { codebook } = opts;
  const issues = new IssueCollector(file, opts.issueLimit);
  const fields = columnsOf(codebook);
  const values: (number | null)[][] = fields.map(() => []);
  if (fields.length === 0) {
    throw new LoadError("codebook", "The codebook gives no card columns, so a card image cannot be read through it.", {
      file, fix: "Use the survey's codebook (data/survey-1999/codebook.json), whose variables carry card columns.",
    });
  }
  const rowNumbers: number[] = [];
  const decoder = new AutoDecoder();
  let line = 0;
  let carry = "";
  let bytes = 0;

  const readLine = (raw: string): void => {
    line++;
    if (raw.trim() === "") return; // blank lines separate nothing on a card deck; skip them
    rowNumbers.push(line);
    const record = parseCardRecord(codebook, raw, line);
    for (const issue of record.issues) issues.add(issue);
    fields.forEach((f, i) => values[i]?.push(record.values[f.name] ?? null));
  };

  const feed = (text: string): void => {
    const parts = (carry + text).split("\n");
    carry = parts.pop() ?? "";
    if (carry.length > MAX_LINE_CHARS) {
      throw new LoadError("malformed", `Line ${line + 1} runs past ${MAX_LINE_CHARS} characters without a line break; this is not a card image.`, {
        file, row: line + 1, fix: "Choose the card image (.dat/.txt, one respondent per line), or load the file as CSV or .sav.",
      });
    }
    for (const p of parts) readLine(p);
  };

  for await (const chunk of readChunks(input, { file, signal: opts.signal, onProgress: opts.onProgress, totalBytes: opts.totalBytes })) {
    bytes += chunk.byteLength;
    feed(decoder.push(chunk));
  }
  feed(decoder.end());
  if (carry !== "") readLine(carry);

  if (rowNumbers.length === 0) {
    throw new LoadError("empty", "The card image has no records.", {
      file, row: 1, fix: "Choose the file with the punched records: one respondent per line, laid out by the codebook's columns.",
    });
  }
  const columns = new Map(fields.map((f, i) => [f.name, values[i] ?? []]));
  const t = table(columns);
  // The card carries only what the layout puts on it, so absent derived columns are not news.
  validateTable(t, codebook, issues, { firstRow: 1, rowNumbers });
  return {
    table: t,
    codebook,
    report: issues.report(t.numRows()),
    source: { name: file, format: "fixed", encoding: decoder.encoding, rows: t.numRows(), bytes },
  };
}

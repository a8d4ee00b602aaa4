/**
 * Card image reader: one respondent per line, each variable in the card columns the codebook
 * gives (1-based, inclusive), read like SPSS `DATA LIST FIXED` through `readCardLine` of
 * `card-layout.ts` (the same layout `formatCardRecord` writes), straight from the bytes. Blank
 * fields are missing; a field that is not a number, a line shorter or longer than the layout, is
 * reported with its line and column and the load goes on. Lines end with LF, CRLF or CR; blank
 * lines are skipped.
 *
 * A tab refuses the file: on a card every character is one column, and an editor's "spaces to
 * tabs" moves every later value to another column — read anyway, thousands of values would be
 * wrong and many of them still valid codes, so nothing would show it.
 */
import type { Result } from "../../base/result";
import { fail, ok } from "../../base/result";
import { type CardSink, cardWidth, columnsOf, isOnCard, readCardLine } from "../card-layout";
import { type ByteInput, countBytes, readChunks } from "./byte-chunks";
import { Int32List, NumberColumnBuilder } from "./column-builders";
import type { ReadOptions, ReadOutput } from "./file-format";
import { type LoadProblem, cancelledProblem, loadFailure, loadProblem } from "./load-result";
import { textBytes } from "./text-bytes";

/** A line longer than this is not a card record (binary data, a one-line file). */
const MAX_LINE_BYTES = 1 << 20;

const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;

/** Reads a fixed-width card image through the codebook's column layout. */
export async function readCard(input: ByteInput, o: ReadOptions): Promise<Result<ReadOutput, LoadProblem>> {
  const file = o.name;
  const { codebook, issues } = o;
  if (!codebook) return loadFailure("codebook", "A card image needs a codebook to be read.", { file, fix: "Pass the survey's codebook (data/survey-1999/codebook.json); only .sav files carry their own dictionary." });
  const fields = columnsOf(codebook);
  if (fields.length === 0) {
    return loadFailure("codebook", "The codebook gives no card columns, so a card image cannot be read through it.", {
      file, fix: "Use the survey's codebook (data/survey-1999/codebook.json), whose variables carry card columns.",
    });
  }
  const builders = fields.map(() => new NumberColumnBuilder());
  const rowNumbers = new Int32List();
  const sink: CardSink = {
    value: (k, v) => (v === null ? builders[k]?.pushMissing() : builders[k]?.push(v)),
    issue: (issue) => issues.add(issue),
  };
  let line = 0;
  let longest = 0;
  let carry = new Uint8Array(0);
  const read = { bytes: 0 };

  /** Reads bytes[s, e) as line `line`; returns the problem when the line has a tab. */
  const readLine = (bytes: Uint8Array, s: number, e: number): LoadProblem | undefined => {
    line++;
    let last = -1;
    for (let i = s; i < e; i++) {
      const b = bytes[i] ?? 0;
      if (b === TAB) {
        return loadProblem("malformed", `Line ${line} has a tab in column ${i - s + 1}. On a card image every character is one card column, so a tab (an editor's "spaces to tabs") moves every later value into other columns.`, {
          file, row: line, column: i - s + 1,
          fix: `Turn the tabs back into spaces with the tab width they were made with (often 8; e.g. expand -t 8), so every line is ${cardWidth(codebook)} characters, then load the file again.`,
        });
      }
      if (b !== 0x20) last = i;
    }
    if (last < 0) return undefined; // blank lines separate nothing on a card deck; skip them
    longest = Math.max(longest, last - s + 1);
    rowNumbers.push(line);
    readCardLine(codebook, bytes, s, e, line, sink);
    return undefined;
  };

  /** Reads the complete lines of carry + chunk; keeps the rest. */
  const feed = (chunk: Uint8Array, final: boolean): LoadProblem | undefined => {
    const bytes = carry.length === 0 ? chunk : join(carry, chunk);
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b !== LF && b !== CR) continue;
      if (b === CR && i + 1 >= bytes.length && !final) break; // a CRLF may be split between chunks
      const problem = readLine(bytes, start, i);
      if (problem) return problem;
      if (b === CR && bytes[i + 1] === LF) i++;
      start = i + 1;
    }
    carry = bytes.slice(start);
    if (final && carry.length > 0) {
      const problem = readLine(carry, 0, carry.length);
      carry = new Uint8Array(0);
      return problem;
    }
    if (carry.length > MAX_LINE_BYTES) {
      return loadProblem("malformed", `Line ${line + 1} runs past ${MAX_LINE_BYTES} characters without a line break; this is not a card image.`, {
        file, row: line + 1, fix: "Choose the card image (.dat/.txt, one respondent per line), or load the file as CSV or .sav.",
      });
    }
    return undefined;
  };

  const encoding = o.sample.text?.encoding ?? "utf-8";
  for await (const chunk of textBytes(countBytes(readChunks(input, o), read), encoding)) {
    const problem = feed(chunk, false);
    if (problem) return fail(problem);
  }
  if (o.signal?.aborted) return fail(cancelledProblem(file));
  const problem = feed(new Uint8Array(0), true);
  if (problem) return fail(problem);
  if (rowNumbers.length === 0) {
    return loadFailure("empty", "The card image has no records.", {
      file, row: 1, fix: "Choose the file with the punched records: one respondent per line, laid out by the codebook's columns.",
    });
  }
  return ok({
    columns: { names: fields.map((f) => f.name), columns: builders.map((b) => b.finish()), rows: rowNumbers.length },
    codebook,
    rowNumbers: rowNumbers.finish(),
    shape: `lines of at most ${longest} characters (the card is ${cardWidth(codebook)} wide)`,
    // A variable whose columns start beyond every line is not in the file, whatever the layout says.
    found: codebook.variables.filter((v) => isOnCard(v) && v.columns.start <= longest).length,
    encoding,
    bytes: read.bytes,
  });
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

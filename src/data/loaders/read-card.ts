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
import { type CardFieldArray, type CardIssueSink, type CardLines, cardFieldArray, cardWidth, columnsOf, isOnCard, readCardBlock } from "../card-layout";
import { type ByteInput, countBytes, readChunks } from "./byte-chunks";
import { Int32List, type NumberColumnData } from "./column-builders";
import type { ReadOptions, ReadOutput } from "./file-format";
import { type LoadProblem, cancelledProblem, loadFailure, loadProblem } from "./load-result";
import { textBytes } from "./text-bytes";

/** A line longer than this is not a card record (binary data, a one-line file). */
const MAX_LINE_BYTES = 1 << 20;

/** Lines read per block: each field is then filled in one run over the block. */
const BLOCK_LINES = 4096;

const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;

/** `values` copied into an array of the same type and `length` elements. */
function grow(values: CardFieldArray, length: number): CardFieldArray {
  const next = values instanceof Int8Array ? new Int8Array(length) : values instanceof Int16Array ? new Int16Array(length) : values instanceof Int32Array ? new Int32Array(length) : new Float64Array(length);
  next.set(values);
  return next;
}

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
  // A card field's width bounds what it can hold, so each column gets its final type at once and
  // the block reader writes straight into it. Sized for the file (lines ≈ bytes / card width).
  const width = cardWidth(codebook);
  const total = o.totalBytes ?? (o.sample.complete ? o.sample.head.byteLength : 0);
  let capacity = Math.max(BLOCK_LINES, Math.ceil((total / (width + 1)) * 1.02));
  const typed = fields.map((f) => cardFieldArray(f.width, capacity));
  const out = { values: typed.map((t) => t.values), missing: typed.map((t) => t.missing), base: 0 };
  const rowNumbers = new Int32List();
  const block: CardLines = { starts: new Int32Array(BLOCK_LINES), ends: new Int32Array(BLOCK_LINES), lineNos: new Int32Array(BLOCK_LINES), count: 0 };
  const onIssue: CardIssueSink = (kind, make) => issues.note(kind, make);

  /** Reads the lines gathered so far (all in `bytes`) into the columns, growing them when full. */
  const flush = (bytes: Uint8Array): void => {
    if (block.count === 0) return;
    if (out.base + block.count > capacity) {
      capacity = Math.max(capacity * 2, out.base + block.count);
      out.values = out.values.map((v) => grow(v, capacity));
    }
    readCardBlock(codebook, bytes, block, out, onIssue);
    out.base += block.count;
    block.count = 0;
  };
  let line = 0;
  let longest = 0;
  // Carry and chunk side by side in one reused buffer (no new array per chunk): [0, carry) is the
  // unfinished line of the last chunk.
  let buffer = new Uint8Array(0);
  let carry = 0;
  const read = { bytes: 0 };

  /** The problem for the first tab of line `line` (bytes[s, e)). */
  const tabProblem = (bytes: Uint8Array, s: number, e: number): LoadProblem | undefined => {
    const at = bytes.subarray(s, e).indexOf(TAB);
    if (at < 0) return undefined;
    return loadProblem("malformed", `Line ${line} has a tab in column ${at + 1}. On a card image every character is one card column, so a tab (an editor's "spaces to tabs") moves every later value into other columns.`, {
      file, row: line, column: at + 1,
      fix: `Turn the tabs back into spaces with the tab width they were made with (often 8; e.g. expand -t 8), so every line is ${cardWidth(codebook)} characters, then load the file again.`,
    });
  };

  /** Reads bytes[s, e) as line `line`; `tabs` when the chunk has a tab somewhere (then each line is checked). */
  const readLine = (bytes: Uint8Array, s: number, e: number, tabs: boolean): LoadProblem | undefined => {
    line++;
    if (tabs) {
      const problem = tabProblem(bytes, s, e);
      if (problem) return problem;
    }
    let last = e - 1;
    while (last >= s && (bytes[last] === 0x20 || bytes[last] === CR)) last--;
    if (last < s) return undefined; // blank lines separate nothing on a card deck; skip them
    longest = Math.max(longest, last - s + 1);
    rowNumbers.push(line);
    const j = block.count++;
    block.starts[j] = s;
    block.ends[j] = e;
    block.lineNos[j] = line;
    if (block.count === BLOCK_LINES) flush(bytes);
    return undefined;
  };

  /** Reads the complete lines of carry + chunk; keeps the rest. */
  const feed = (chunk: Uint8Array, final: boolean): LoadProblem | undefined => {
    const n = carry + chunk.length;
    if (buffer.length < n) {
      const grown = new Uint8Array(Math.max(n, Math.ceil(buffer.length * 1.5)));
      grown.set(buffer.subarray(0, carry));
      buffer = grown;
    }
    buffer.set(chunk, carry);
    const bytes = buffer.subarray(0, n);
    // Most files have no tab at all: look once per chunk, and line by line only when there is one.
    const tabs = bytes.indexOf(TAB) >= 0;
    let start = 0;
    // Without a CR in the chunk, line ends are found by the engine's native search.
    const lfOnly = bytes.indexOf(CR) < 0;
    for (let i = 0; i < bytes.length; i++) {
      if (lfOnly) {
        i = bytes.indexOf(LF, i);
        if (i < 0) break;
      }
      const b = bytes[i];
      if (b !== LF && b !== CR) continue;
      if (b === CR && i + 1 >= bytes.length && !final) break; // a CRLF may be split between chunks
      const problem = readLine(bytes, start, i, tabs);
      if (problem) return problem;
      if (b === CR && bytes[i + 1] === LF) i++;
      start = i + 1;
    }
    flush(bytes);
    if (final && start < n) {
      const problem = readLine(bytes, start, n, true);
      flush(bytes);
      carry = 0;
      return problem;
    }
    buffer.copyWithin(0, start, n);
    carry = n - start;
    if (carry > MAX_LINE_BYTES) {
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
    columns: { names: fields.map((f) => f.name), columns: out.values.map((v): NumberColumnData => ({ type: "number", values: out.base >= 0.9 * v.length ? v.subarray(0, out.base) : v.slice(0, out.base) })), rows: rowNumbers.length },
    codebook,
    rowNumbers: rowNumbers.finish(),
    shape: `lines of at most ${longest} characters (the card is ${cardWidth(codebook)} wide)`,
    // A variable whose columns start beyond every line is not in the file, whatever the layout says.
    found: codebook.variables.filter((v) => isOnCard(v) && v.columns.start <= longest).length,
    encoding,
    bytes: read.bytes,
  });
}

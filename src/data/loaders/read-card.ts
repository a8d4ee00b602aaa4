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
import type { Codebook } from "../codebook";
import { type CardField, type CardFieldArray, type CardIssueSink, type CardLines, cardFieldArray, cardWidth, columnsOf, isOnCard, readCardBlock } from "../card-layout";
import { type ByteInput, countBytes, readChunks } from "./byte-chunks";
import { Int32List, type NumberColumnData } from "./column-builders";
import type { ReadOptions, ReadOutput } from "./file-format";
import type { PartData, PartPlace, PartRead, PartReader, PartSummary } from "./file-part";
import { joinColumns, joinRowNumbers } from "./join-columns";
import { type LoadProblem, cancelledProblem, loadProblem } from "./load-result";
import { textBytes } from "./text-bytes";
import { IssueCollector } from "./validate";
import { appendToCarry } from "./carry-buffer";

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

/** Why the card codebook cannot read a card image, or undefined when it can. */
function codebookProblem(o: ReadOptions): LoadProblem | undefined {
  const file = o.name;
  if (!o.codebook) return loadProblem("codebook", "A card image needs a codebook to be read.", { file, fix: "Pass the survey's codebook (data/survey-1999/codebook.json); only .sav files carry their own dictionary." });
  if (columnsOf(o.codebook).length === 0) {
    return loadProblem("codebook", "The codebook gives no card columns, so a card image cannot be read through it.", {
      file, fix: "Use the survey's codebook (data/survey-1999/codebook.json), whose variables carry card columns.",
    });
  }
  return undefined;
}

/** A card image, or a part of one, being read (see `file-part.ts`). Lines are counted from the part's start. */
class CardReading implements PartRead {
  private readonly fields: readonly CardField[];
  private capacity: number;
  private readonly out: { values: CardFieldArray[]; missing: number[]; base: number };
  private readonly rowNumbers = new Int32List();
  private readonly block: CardLines = { starts: new Int32Array(BLOCK_LINES), ends: new Int32Array(BLOCK_LINES), lineNos: new Int32Array(BLOCK_LINES), count: 0 };
  private readonly issues: IssueCollector;
  /** Lines of the file before this part's (known at `finish`): issue messages add it to their line. */
  private lineOffset = 0;
  private readonly onIssue: CardIssueSink;
  private line = 0;
  private longest = 0;
  // Carry and chunk side by side in one reused buffer (no new array per chunk): [0, carry) is the
  // unfinished line of the last chunk.
  private buffer = new Uint8Array(0);
  private carry = 0;
  private readonly read = { bytes: 0 };
  /** The problem that stopped the read, made once the lines before the part are known. */
  private stop: ((lineOffset: number) => LoadProblem) | undefined;

  constructor(
    private readonly o: ReadOptions,
    private readonly codebook: Codebook,
    private readonly place: PartPlace,
  ) {
    this.fields = columnsOf(codebook);
    // A card field's width bounds what it can hold, so each column gets its final type at once and
    // the block reader writes straight into it. Sized for the part (lines ≈ bytes / card width).
    const total = place.reserve > 0 ? place.reserve : o.sample.complete ? o.sample.head.byteLength : 0;
    this.capacity = Math.max(BLOCK_LINES, Math.ceil((total / (cardWidth(codebook) + 1)) * 1.02));
    const typed = this.fields.map((f) => cardFieldArray(f.width, this.capacity));
    this.out = { values: typed.map((t) => t.values), missing: typed.map((t) => t.missing), base: 0 };
    // Each part lists its own issues; a later part builds them once it knows the rows before it.
    this.issues = new IssueCollector(o.name, o.issues.limit, !place.first);
    this.onIssue = (kind, make) => this.issues.note(kind, () => make(this.lineOffset));
  }

  /** Reads the lines gathered so far (all in `bytes`) into the columns, growing them when full. */
  private flush(bytes: Uint8Array): void {
    const { block, out } = this;
    if (block.count === 0) return;
    if (out.base + block.count > this.capacity) {
      this.capacity = Math.max(this.capacity * 2, out.base + block.count);
      out.values = out.values.map((v) => grow(v, this.capacity));
    }
    readCardBlock(this.codebook, bytes, block, out, this.onIssue);
    out.base += block.count;
    block.count = 0;
  }

  /** The problem for the first tab of line `line` (bytes[s, e)). */
  private tabProblem(bytes: Uint8Array, s: number, e: number): ((lineOffset: number) => LoadProblem) | undefined {
    const at = bytes.subarray(s, e).indexOf(TAB);
    if (at < 0) return undefined;
    const { line, codebook } = this;
    const file = this.o.name;
    return (offset) => loadProblem("malformed", `Line ${line + offset} has a tab in column ${at + 1}. On a card image every character is one card column, so a tab (an editor's "spaces to tabs") moves every later value into other columns.`, {
      file, row: line + offset, column: at + 1,
      fix: `Turn the tabs back into spaces with the tab width they were made with (often 8; e.g. expand -t 8), so every line is ${cardWidth(codebook)} characters, then load the file again.`,
    });
  }

  /** Reads bytes[s, e) as line `line`; `tabs` when the chunk has a tab somewhere (then each line is checked). */
  private readLine(bytes: Uint8Array, s: number, e: number, tabs: boolean): boolean {
    this.line++;
    if (tabs) {
      this.stop = this.tabProblem(bytes, s, e);
      if (this.stop) return false;
    }
    let last = e - 1;
    while (last >= s && (bytes[last] === 0x20 || bytes[last] === CR)) last--;
    if (last < s) return true; // blank lines separate nothing on a card deck; skip them
    this.longest = Math.max(this.longest, last - s + 1);
    this.rowNumbers.push(this.line);
    const { block } = this;
    const j = block.count++;
    block.starts[j] = s;
    block.ends[j] = e;
    block.lineNos[j] = this.line;
    if (block.count === BLOCK_LINES) this.flush(bytes);
    return true;
  }

  /** Reads the complete lines of carry + chunk; keeps the rest. False when the read must stop. */
  private feed(chunk: Uint8Array, final: boolean): boolean {
    const n = this.carry + chunk.length;
    const { buffer, bytes } = appendToCarry(this.buffer, this.carry, chunk);
    this.buffer = buffer;
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
      if (!this.readLine(bytes, start, i, tabs)) return false;
      if (b === CR && bytes[i + 1] === LF) i++;
      start = i + 1;
    }
    this.flush(bytes);
    if (final && start < n) {
      const read = this.readLine(bytes, start, n, true);
      this.flush(bytes);
      this.carry = 0;
      return read;
    }
    this.buffer.copyWithin(0, start, n);
    this.carry = n - start;
    if (this.carry > MAX_LINE_BYTES) {
      const line = this.line + 1;
      const file = this.o.name;
      this.stop = (offset) => loadProblem("malformed", `Line ${line + offset} runs past ${MAX_LINE_BYTES} characters without a line break; this is not a card image.`, {
        file, row: line + offset, fix: "Choose the card image (.dat/.txt, one respondent per line), or load the file as CSV or .sav.",
      });
      return false;
    }
    return true;
  }

  /** Reads `input`: the part's bytes, or (`rest`) the file after them. */
  async scan(input: ByteInput, rest: boolean): Promise<void> {
    const o = this.o;
    const encoding = o.sample.text?.encoding ?? "utf-8";
    for await (const chunk of textBytes(countBytes(readChunks(input, { ...o, reuse: true }), this.read), encoding, this.place.first && !rest)) {
      if (!this.feed(chunk, false)) return;
    }
    if (o.signal?.aborted) return;
    this.feed(new Uint8Array(0), true);
  }

  summary(): PartSummary {
    // No quotes on a card: every line end ends a record.
    return { records: this.line, endsAtBoundary: true, failed: this.stop !== undefined };
  }

  async readRest(rest: ByteInput): Promise<void> {
    await this.scan(rest, true);
  }

  finish(base: number): Result<PartData, LoadProblem> {
    const file = this.o.name;
    if (this.o.signal?.aborted) return fail(cancelledProblem(file));
    if (this.stop) return fail(this.stop(base));
    this.lineOffset = base;
    const rowNumbers = this.rowNumbers.finish();
    if (base !== 0) for (let i = 0; i < rowNumbers.length; i++) rowNumbers[i] = (rowNumbers[i] ?? 0) + base;
    const rows = this.out.base;
    // A part of a split file keeps its arrays as views: the join writes into the first part's spare room.
    const keepView = !(this.place.first && this.place.last);
    return ok({
      columns: {
        names: this.fields.map((f) => f.name),
        columns: this.out.values.map((v): NumberColumnData => ({ type: "number", values: keepView || rows >= 0.9 * v.length ? v.subarray(0, rows) : v.slice(0, rows) })),
        rows,
      },
      auto: this.fields.map(() => false),
      rowNumbers,
      issues: this.issues.tally(),
      bytes: this.read.bytes,
      meta: { kind: "card", longest: this.longest },
    });
  }
}

/** The parts of a card image joined into what reading it whole gives. */
function joinCard(parts: readonly PartData[], o: ReadOptions): ReadOutput {
  const codebook = o.codebook;
  if (codebook === undefined) throw new Error("joinCard: no codebook");
  for (const part of parts) o.issues.absorb(part.issues);
  const longest = Math.max(0, ...parts.map((p) => (p.meta.kind === "card" ? p.meta.longest : 0)));
  const rowNumbers = joinRowNumbers(parts.map((p) => p.rowNumbers));
  return {
    columns: { names: columnsOf(codebook).map((f) => f.name), columns: joinColumns(parts.map((p) => p.columns.columns)), rows: rowNumbers.length },
    codebook,
    rowNumbers,
    shape: `lines of at most ${longest} characters (the card is ${cardWidth(codebook)} wide)`,
    // A variable whose columns start beyond every line is not in the file, whatever the layout says.
    found: codebook.variables.filter((v) => isOnCard(v) && v.columns.start <= longest).length,
    encoding: o.sample.text?.encoding ?? "utf-8",
    bytes: parts.reduce((n, p) => n + p.bytes, 0),
  };
}

const emptyProblem = (file: string): LoadProblem =>
  loadProblem("empty", "The card image has no records.", {
    file, row: 1, fix: "Choose the file with the punched records: one respondent per line, laid out by the codebook's columns.",
  });

/** Card images read in parts: every line end ends a record. */
export const cardParts: PartReader = {
  async splittable(o) {
    return codebookProblem(o) === undefined && !o.sample.complete;
  },
  async read(input, o, place) {
    if (!o.codebook) throw new Error("cardParts.read: no codebook (splittable said no)");
    const reading = new CardReading(o, o.codebook, place);
    await reading.scan(input, false);
    return reading;
  },
  join: joinCard,
};

/** Reads a fixed-width card image through the codebook's column layout. */
export async function readCard(input: ByteInput, o: ReadOptions): Promise<Result<ReadOutput, LoadProblem>> {
  const problem = codebookProblem(o);
  if (problem || !o.codebook) return fail(problem ?? emptyProblem(o.name));
  const bytes = o.totalBytes ?? 0;
  const reading = new CardReading(o, o.codebook, { first: true, last: true, bytes, reserve: bytes });
  await reading.scan(input, false);
  const part = reading.finish(0);
  if (!part.ok) return part;
  if (part.value.rowNumbers.length === 0) return fail(emptyProblem(o.name));
  return ok(joinCard([part.value], o));
}

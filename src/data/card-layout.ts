/**
 * The punch-card layout of the codebook: which columns each variable occupies, and how one
 * respondent becomes a fixed-width line and back (like SPSS `DATA LIST FIXED`). Blank columns are
 * system missing. Numbers are written right-aligned and zero-padded ("0042" for respondent 42),
 * which is how punched data fills a multi-column field.
 */
import type { Codebook, CodebookVariable } from "./codebook";

/** One variable's place on the card, 1-based inclusive like the questionnaire margin. */
export interface CardField {
  name: string;
  start: number;
  end: number;
  width: number;
  variable: CodebookVariable;
}

/** A problem reading one card line; `kind` matches the loaders' validation issue kinds. */
export interface CardIssue {
  kind: "short-line" | "long-line" | "not-a-number";
  /** 1-based line number in the card image. */
  row: number;
  variable?: string;
  /** 1-based character column where the problem starts. */
  column?: number;
  value?: string;
  message: string;
  fix: string;
}

/** A respondent as read from a card line: one number or null (blank) per card variable. */
export type CardValues = Record<string, number | null>;

/** Thrown by {@link formatCardRecord} when a value cannot be punched into its columns. */
export class CardFormatError extends Error {
  readonly problems: { variable: string; value: unknown; message: string }[];
  constructor(problems: { variable: string; value: unknown; message: string }[]) {
    super(
      `Cannot write the card record: ${problems.map((p) => `${p.variable}: ${p.message}`).join("; ")}. ` +
        "Fix the value (a whole number ≥ 0 that fits the field) or leave it blank.",
    );
    this.name = "CardFormatError";
    this.problems = problems;
  }
}

/** True when the variable has card columns (derived variables carry start = end = 0). */
export function isOnCard(v: CodebookVariable): boolean {
  return v.columns.start > 0 && v.columns.end >= v.columns.start;
}

interface Layout {
  fields: readonly CardField[];
  width: number;
  /** Each field's first column (0-based) and end (exclusive), for the line reader's hot loop. */
  starts: Int32Array;
  ends: Int32Array;
}

const layouts = new WeakMap<Codebook, Layout>();

/** The codebook's card layout, worked out once per codebook (reading a card image asks once per line). */
function layoutOf(codebook: Codebook): Layout {
  const cached = layouts.get(codebook);
  if (cached) return cached;
  const fields = codebook.variables
    .filter(isOnCard)
    .map((v) => ({ name: v.name, start: v.columns.start, end: v.columns.end, width: v.columns.end - v.columns.start + 1, variable: v }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const layout = {
    fields,
    width: fields.reduce((w, f) => Math.max(w, f.end), codebook.recordLength),
    starts: Int32Array.from(fields, (f) => f.start - 1),
    ends: Int32Array.from(fields, (f) => f.end),
  };
  layouts.set(codebook, layout);
  return layout;
}

/** The card fields of the codebook, sorted by start column. */
export function columnsOf(codebook: Codebook): readonly CardField[] {
  return layoutOf(codebook).fields;
}

/** Width of one card record: the declared record length, widened if a field reaches further. */
export function cardWidth(codebook: Codebook): number {
  return layoutOf(codebook).width;
}

function toInteger(value: unknown): number | null | "bad" {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : "bad";
}

/**
 * One respondent as a fixed-width line of `cardWidth` characters. Missing values (null,
 * undefined, "") are blanks; everything else must be a whole number ≥ 0 that fits its field.
 * Variables not on the card (derived) are ignored.
 */
export function formatCardRecord(codebook: Codebook, record: Readonly<Record<string, unknown>>): string {
  const chars: string[] = Array.from({ length: cardWidth(codebook) }, () => " ");
  const problems: { variable: string; value: unknown; message: string }[] = [];
  for (const field of columnsOf(codebook)) {
    const n = toInteger(record[field.name]);
    if (n === null) continue;
    if (n === "bad") {
      problems.push({ variable: field.name, value: record[field.name], message: `${JSON.stringify(record[field.name])} is not a whole number ≥ 0` });
      continue;
    }
    const text = String(n).padStart(field.width, "0");
    if (text.length > field.width) {
      problems.push({ variable: field.name, value: n, message: `${n} needs ${text.length} columns but ${field.start}–${field.end} has ${field.width}` });
      continue;
    }
    for (let i = 0; i < field.width; i++) chars[field.start - 1 + i] = text.charAt(i);
  }
  if (problems.length > 0) throw new CardFormatError(problems);
  return chars.join("");
}

/** Space or tab: blank on a card. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** The integer punched in codes[start, end) (blanks around it allowed), NaN when blank or not a number. */
function fieldValue(codes: ArrayLike<number>, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && isBlank(codes[s] ?? 0)) s++;
  while (e > s && isBlank(codes[e - 1] ?? 0)) e--;
  if (s === e) return Number.NaN;
  const negative = codes[s] === 0x2d;
  if (negative) s++;
  if (s === e) return Number.NaN;
  let v = 0;
  for (let i = s; i < e; i++) {
    const digit = (codes[i] ?? 0) - 0x30;
    if (digit < 0 || digit > 9) return Number.NaN;
    v = v * 10 + digit;
  }
  return negative ? -v : v;
}

/** True when codes[start, end) holds only blanks. */
function blank(codes: ArrayLike<number>, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlank(codes[i] ?? 0)) return false;
  return true;
}

function text(codes: ArrayLike<number>, start: number, end: number): string {
  return String.fromCharCode(...Array.from({ length: Math.max(0, end - start) }, (_, i) => codes[start + i] ?? 0x20));
}

/** The lines of a block: line j is codes[starts[j], ends[j]) (line end excluded), numbered lineNos[j]. */
export interface CardLines {
  starts: Int32Array;
  ends: Int32Array;
  lineNos: Int32Array;
  count: number;
}

/**
 * Receives a found issue as its kind and a maker, so a caller that only counts builds no message.
 * The maker takes the lines of the file before the block's line numbers (a later part of a file
 * read in parallel learns them only after reading).
 */
export type CardIssueSink = (kind: CardIssue["kind"], make: (lineOffset: number) => CardIssue) => void;

/** An array that can hold every value a card field punches. */
export type CardFieldArray = Int8Array | Int16Array | Int32Array | Float64Array;

/**
 * The output of {@link readCardBlock}: per field of `columnsOf`, an array and the value that marks
 * a blank in it; line j of the block goes to index base + j.
 */
export interface CardColumns {
  values: readonly CardFieldArray[];
  missing: readonly number[];
  base: number;
}

/**
 * The smallest integer array that holds anything punched in `width` columns (a minus sign
 * included), and its blank marker (a value no punch can make): the type is known before reading.
 */
export function cardFieldArray(width: number, length: number): { values: CardFieldArray; missing: number } {
  if (width <= 2) return { values: new Int8Array(length), missing: -0x80 };
  if (width <= 4) return { values: new Int16Array(length), missing: -0x8000 };
  if (width <= 9) return { values: new Int32Array(length), missing: -0x80000000 };
  return { values: new Float64Array(length), missing: Number.NaN };
}

/**
 * The one-column field at `from` of lines 0… of the block into `column` from `base`: a digit, or
 * the blank marker for a blank or a line too short; stops at the first other character and
 * returns its line (`count` when there is none). Written twice over the same steps: once for the
 * types a file's bytes always have (bytes in, Int8 out), where every load and store in the loop
 * is of one array type — over tens of millions of cells that is several times faster in V8 than
 * the loop below, whose arrays may be any of four types.
 */
function oneColumnCodes(column: Int8Array, codes: Uint8Array, base: number, from: number, starts: Int32Array, stops: Int32Array, count: number): number {
  let j = 0;
  for (; j < count; j++) {
    const s = (starts[j] ?? 0) + from;
    if (s >= (stops[j] ?? 0)) {
      column[base + j] = -0x80;
      continue;
    }
    const c = codes[s] ?? 0;
    if (c >= 0x30 && c <= 0x39) column[base + j] = c - 0x30;
    else if (c === 0x20) column[base + j] = -0x80;
    else break;
  }
  return j;
}

/** {@link oneColumnCodes} for arrays of any type (a string's char codes; a card read into doubles). */
function oneColumnValues(column: CardFieldArray, codes: ArrayLike<number>, base: number, from: number, starts: Int32Array, stops: Int32Array, count: number, blankValue: number): number {
  let j = 0;
  for (; j < count; j++) {
    const s = (starts[j] ?? 0) + from;
    if (s >= (stops[j] ?? 0)) {
      column[base + j] = blankValue;
      continue;
    }
    const c = codes[s] ?? 0;
    if (c >= 0x30 && c <= 0x39) column[base + j] = c - 0x30;
    else if (c === 0x20) column[base + j] = blankValue;
    else break;
  }
  return j;
}

/**
 * Reads a block of card lines — character codes: the bytes of an ASCII-compatible file or a
 * string's char codes — through the codebook's columns into `out` (see {@link CardColumns}; a
 * blank or unreadable field gets its array's blank marker). Never throws: columns past the end of a short
 * line are blank (reported once as "short-line"), characters past the record are reported as
 * "long-line", and a field that is not a number is reported and read as blank. A trailing carriage
 * return is ignored. Issues reach `onIssue` in file order (line, then column).
 *
 * Column by column, not line by line: each field's values are written in one run, which is what
 * makes a 50 MB card image fast to read (the cells are tens of millions).
 */
export function readCardBlock(codebook: Codebook, codes: ArrayLike<number>, lines: CardLines, out: CardColumns, onIssue: CardIssueSink): void {
  const { fields, width, starts: fieldStarts, ends: fieldEnds } = layoutOf(codebook);
  const { starts, ends, lineNos, count } = lines;
  const found: { row: number; column: number; kind: CardIssue["kind"]; make: (lineOffset: number) => CardIssue }[] = [];
  const stops = new Int32Array(count);
  for (let j = 0; j < count; j++) {
    const start = starts[j] ?? 0;
    const end = ends[j] ?? 0;
    const stop = end > start && codes[end - 1] === 0x0d ? end - 1 : end;
    stops[j] = stop;
    const length = stop - start;
    const lineNo = lineNos[j] ?? 0;
    if (length < width) {
      found.push({ row: lineNo, column: 0, kind: "short-line", make: (offset) => ({
        kind: "short-line", row: lineNo + offset, column: length + 1,
        message: `Line ${lineNo + offset} has ${length} characters; a record has ${width}. Columns ${length + 1}–${width} are read as blank.`,
        fix: `Pad the line with spaces to ${width} characters, or check that the record was not split over two lines.`,
      }) });
    } else if (length > width && !blank(codes, start + width, stop)) {
      const value = text(codes, start + width, Math.min(stop, start + width + 20));
      found.push({ row: lineNo, column: 0, kind: "long-line", make: (offset) => ({
        kind: "long-line", row: lineNo + offset, column: width + 1, value,
        message: `Line ${lineNo + offset} has ${length} characters; a record has ${width}. Characters after column ${width} are ignored.`,
        fix: "Check that two records were not joined, and that the file matches this codebook's layout.",
      }) });
    }
  }
  for (let k = 0; k < fields.length; k++) {
    const column = out.values[k];
    const field = fields[k];
    if (!column || !field) continue;
    const blankValue = out.missing[k] ?? Number.NaN;
    const base = out.base;
    const from = fieldStarts[k] ?? 0;
    const to = fieldEnds[k] ?? 0;
    if (to - from === 1) {
      // Most fields are one column wide: a digit, a blank, or (rarely) something to look at closely.
      const j = column instanceof Int8Array && codes instanceof Uint8Array && blankValue === -0x80 ? oneColumnCodes(column, codes, base, from, starts, stops, count) : oneColumnValues(column, codes, base, from, starts, stops, count, blankValue);
      if (j === count) continue;
    }
    for (let j = 0; j < count; j++) {
      const line = starts[j] ?? 0;
      const s = line + from;
      const stop = stops[j] ?? 0;
      const e = line + to < stop ? line + to : stop;
      if (e - s === 1) {
        // The common case inline: a one-column code or a blank.
        const c = codes[s] ?? 0;
        if (c >= 0x30 && c <= 0x39) {
          column[base + j] = c - 0x30;
          continue;
        }
        if (c === 0x20) {
          column[base + j] = blankValue;
          continue;
        }
      }
      const value = s >= e ? Number.NaN : fieldValue(codes, s, e);
      column[base + j] = value === value ? value : blankValue;
      if (value === value || s >= e || blank(codes, s, e)) continue;
      const raw = text(codes, s, e);
      const lineNo = lineNos[j] ?? 0;
      found.push({ row: lineNo, column: field.start, kind: "not-a-number", make: (offset) => ({
        kind: "not-a-number", row: lineNo + offset, variable: field.name, column: field.start, value: raw,
        message: `${field.name} in columns ${field.start}–${field.end} of line ${lineNo + offset} is "${raw}", not a number; read as blank.`,
        fix: `Punch digits only in columns ${field.start}–${field.end} (blank for missing), or check the file's column layout.`,
      }) });
    }
  }
  found.sort((a, b) => a.row - b.row || a.column - b.column);
  for (const f of found) onIssue(f.kind, f.make);
}

/** Reads one card line given as a string; see {@link readCardBlock}. Blank fields are null. */
export function parseCardRecord(codebook: Codebook, line: string, lineNo: number): { values: CardValues; issues: CardIssue[] } {
  const codes = Uint16Array.from({ length: line.length }, (_, i) => line.charCodeAt(i));
  const fields = columnsOf(codebook);
  const columns = fields.map(() => new Float64Array(1));
  const issues: CardIssue[] = [];
  const lines = { starts: Int32Array.of(0), ends: Int32Array.of(codes.length), lineNos: Int32Array.of(lineNo), count: 1 };
  readCardBlock(codebook, codes, lines, { values: columns, missing: fields.map(() => Number.NaN), base: 0 }, (_kind, make) => issues.push(make(0)));
  const values: CardValues = {};
  fields.forEach((f, k) => {
    const v = columns[k]?.[0] ?? Number.NaN;
    values[f.name] = v === v ? v : null;
  });
  return { values, issues };
}

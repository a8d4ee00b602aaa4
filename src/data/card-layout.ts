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
  const layout = { fields, width: fields.reduce((w, f) => Math.max(w, f.end), codebook.recordLength) };
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

/** Receives what reading one card line finds: a value per card field (by index in `columnsOf`), and issues. */
export interface CardSink {
  value(field: number, value: number | null): void;
  issue(issue: CardIssue): void;
}

/** Space or tab: blank on a card. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** The integer punched in codes[start, end) (blanks around it allowed), null when blank, NaN when not a number. */
function fieldValue(codes: ArrayLike<number>, start: number, end: number): number | null {
  let s = start;
  let e = end;
  while (s < e && isBlank(codes[s] ?? 0)) s++;
  while (e > s && isBlank(codes[e - 1] ?? 0)) e--;
  if (s === e) return null;
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

/**
 * Reads one card line — character codes codes[start, end): the bytes of an ASCII-compatible file
 * or a string's char codes — through the codebook's columns. Never throws: blanks become null,
 * columns past the end of a short line are blank (reported once as "short-line"), characters past
 * the record are reported as "long-line", and a field that is not a number is reported and read as
 * null. A trailing carriage return (CRLF files) is ignored.
 */
export function readCardLine(codebook: Codebook, codes: ArrayLike<number>, start: number, end: number, lineNo: number, sink: CardSink): void {
  const stop = end > start && codes[end - 1] === 0x0d ? end - 1 : end;
  const length = stop - start;
  const width = cardWidth(codebook);
  const text = (s: number, e: number): string => String.fromCharCode(...Array.from({ length: Math.max(0, e - s) }, (_, i) => codes[s + i] ?? 0x20));
  if (length < width) {
    sink.issue({
      kind: "short-line", row: lineNo, column: length + 1,
      message: `Line ${lineNo} has ${length} characters; a record has ${width}. Columns ${length + 1}–${width} are read as blank.`,
      fix: `Pad the line with spaces to ${width} characters, or check that the record was not split over two lines.`,
    });
  } else if (length > width && fieldValue(codes, start + width, stop) !== null) {
    sink.issue({
      kind: "long-line", row: lineNo, column: width + 1, value: text(start + width, Math.min(stop, start + width + 20)),
      message: `Line ${lineNo} has ${length} characters; a record has ${width}. Characters after column ${width} are ignored.`,
      fix: "Check that two records were not joined, and that the file matches this codebook's layout.",
    });
  }
  const fields = columnsOf(codebook);
  for (let k = 0; k < fields.length; k++) {
    const field = fields[k];
    if (!field) continue;
    const s = start + field.start - 1;
    const e = Math.min(start + field.end, stop);
    const value = s >= e ? null : fieldValue(codes, s, e);
    if (value === null || !Number.isNaN(value)) {
      sink.value(k, value);
      continue;
    }
    sink.value(k, null);
    const raw = text(s, Math.min(start + field.end, stop));
    sink.issue({
      kind: "not-a-number", row: lineNo, variable: field.name, column: field.start, value: raw,
      message: `${field.name} in columns ${field.start}–${field.end} of line ${lineNo} is "${raw}", not a number; read as blank.`,
      fix: `Punch digits only in columns ${field.start}–${field.end} (blank for missing), or check the file's column layout.`,
    });
  }
}

/** Reads one card line given as a string; see {@link readCardLine}. */
export function parseCardRecord(codebook: Codebook, line: string, lineNo: number): { values: CardValues; issues: CardIssue[] } {
  const codes = Uint16Array.from({ length: line.length }, (_, i) => line.charCodeAt(i));
  const fields = columnsOf(codebook);
  const values: CardValues = {};
  const issues: CardIssue[] = [];
  readCardLine(codebook, codes, 0, codes.length, lineNo, {
    value: (k, v) => {
      const name = fields[k]?.name;
      if (name !== undefined) values[name] = v;
    },
    issue: (issue) => issues.push(issue),
  });
  return { values, issues };
}

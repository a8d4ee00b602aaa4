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

const layouts = new WeakMap<Codebook, readonly CardField[]>();

/** The card fields of the codebook, sorted by start column. */
export function columnsOf(codebook: Codebook): readonly CardField[] {
  // Reading a card image asks for the layout once per line; work it out once per codebook.
  const cached = layouts.get(codebook);
  if (cached) return cached;
  const fields = codebook.variables
    .filter(isOnCard)
    .map((v) => ({ name: v.name, start: v.columns.start, end: v.columns.end, width: v.columns.end - v.columns.start + 1, variable: v }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  layouts.set(codebook, fields);
  return fields;
}

/** Width of one card record: the declared record length, widened if a field reaches further. */
export function cardWidth(codebook: Codebook): number {
  return columnsOf(codebook).reduce((w, f) => Math.max(w, f.end), codebook.recordLength);
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

/**
 * Reads one card line through the codebook's columns. Never throws: blanks become null, columns
 * past the end of a short line are blank (reported once as "short-line"), characters past the
 * record are reported as "long-line", and a field that is not a number is reported and read as null.
 * A trailing carriage return (CRLF files) is ignored.
 */
export function parseCardRecord(codebook: Codebook, line: string, lineNo: number): { values: CardValues; issues: CardIssue[] } {
  const text = line.endsWith("\r") ? line.slice(0, -1) : line;
  const width = cardWidth(codebook);
  const values: CardValues = {};
  const issues: CardIssue[] = [];
  if (text.length < width) {
    issues.push({
      kind: "short-line", row: lineNo, column: text.length + 1,
      message: `Line ${lineNo} has ${text.length} characters; a record has ${width}. Columns ${text.length + 1}–${width} are read as blank.`,
      fix: `Pad the line with spaces to ${width} characters, or check that the record was not split over two lines.`,
    });
  } else if (text.length > width && text.slice(width).trim() !== "") {
    issues.push({
      kind: "long-line", row: lineNo, column: width + 1, value: text.slice(width, width + 20),
      message: `Line ${lineNo} has ${text.length} characters; a record has ${width}. Characters after column ${width} are ignored.`,
      fix: "Check that two records were not joined, and that the file matches this codebook's layout.",
    });
  }
  for (const field of columnsOf(codebook)) {
    const raw = text.slice(field.start - 1, field.end);
    const trimmed = raw.trim();
    if (trimmed === "") {
      values[field.name] = null;
    } else if (/^-?\d+$/.test(trimmed)) {
      values[field.name] = Number(trimmed);
    } else {
      values[field.name] = null;
      issues.push({
        kind: "not-a-number", row: lineNo, variable: field.name, column: field.start, value: raw,
        message: `${field.name} in columns ${field.start}–${field.end} of line ${lineNo} is "${raw}", not a number; read as blank.`,
        fix: `Punch digits only in columns ${field.start}–${field.end} (blank for missing), or check the file's column layout.`,
      });
    }
  }
  return { values, issues };
}

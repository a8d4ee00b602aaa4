/**
 * Files generated for the loader tests with what makes reading them hard — quoted fields with line
 * ends, doubled quotes and delimiters, CRLF, multi-byte UTF-8, Windows-1252, UTF-16 in both byte
 * orders, card images with blank, short and long lines — and a load's outcome in a form two loads
 * compare value for value. Shared by the tests of reading in parts (`split-load.test.ts`) and of
 * files cut anywhere (`any-boundary.test.ts`).
 */
import type { ColumnData } from "../../../../src/data/loaders/column-builders";
import type { LoadOutcome, LoadedData } from "../../../../src/data/loaders/load-result";

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const NAMES = ["Bærum", "Tromsø", "Åfjord", "Oslo", "Sør-Varanger", "Hå", "Ølen", "Bø 🐟"];
export const NOTES = ["ok", 'sa "nei"', "to\nlinjer", "komma, og semikolon;", "tre\r\nlinjer\nher", "", "  mellomrom  ", 'slutt"'];

export interface CsvOptions {
  rows: number;
  seed: number;
  eol?: string;
  /** Each row's note field: quoted text (line ends, quotes, delimiters) or plain. */
  notes?: boolean;
  /** Rows with something to report: ragged rows, letters in codes, an id with a leading zero. */
  faults?: boolean;
  /** A quoted note this long, with line ends, in the middle of the file. */
  longQuoted?: number;
}

/** A CSV of the small codebook's variables plus a note column, as text. */
export function csvText(o: CsvOptions): string {
  const eol = o.eol ?? "\n";
  const rnd = random(o.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const lines = ["resp_id,q1,q3,q4_1,q4_2,q4_3,q30_1,q33,q34,knr,name,fylke,note"];
  for (let i = 1; i <= o.rows; i++) {
    const later = i > o.rows / 2;
    const q33 = later && rnd() < 0.01 ? String(300 + Math.floor(rnd() * 9000)) : String(Math.floor(rnd() * 99));
    let note = o.notes ? pick(NOTES) : "x";
    if (o.longQuoted !== undefined && i === Math.floor(o.rows / 2)) note = Array.from({ length: o.longQuoted / 20 }, (_, k) => `linje ${k}, "sitat"`).join(eol);
    const quoted = /[",\r\n]/.test(note) ? `"${note.replaceAll('"', '""')}"` : note;
    const fields = [
      o.faults && later && i % 997 === 0 ? `00${i}` : String(i),
      o.faults && i % 401 === 0 ? "x" : String(1 + Math.floor(rnd() * 3)),
      String(1 + Math.floor(rnd() * 4)), rnd() < 0.5 ? "1" : "", rnd() < 0.5 ? "1" : "", rnd() < 0.5 ? "1" : "",
      String(1 + Math.floor(rnd() * 5)), q33, String(1 + Math.floor(rnd() * 6)),
      rnd() < 0.3 ? String(100 + Math.floor(rnd() * 2000)).padStart(4, "0") : "",
      rnd() < 0.3 ? pick(NAMES) : "", String(Math.floor(rnd() * 20)), quoted,
    ];
    if (o.faults && i % 733 === 0) fields.pop();
    lines.push(fields.join(","));
  }
  return lines.join(eol) + eol;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Windows-1252 bytes of text in that code page (æøå and the like as one byte). */
export function cp1252(text: string): Uint8Array {
  return Uint8Array.from(Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new Error(`${c} is not in Windows-1252 here`);
    return code;
  }));
}

export function utf16(text: string, order: "le" | "be"): Uint8Array {
  const out = new Uint8Array(2 + 2 * text.length);
  out[0] = order === "le" ? 0xff : 0xfe;
  out[1] = order === "le" ? 0xfe : 0xff;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[2 + 2 * i + (order === "le" ? 0 : 1)] = u & 0xff;
    out[2 + 2 * i + (order === "le" ? 1 : 0)] = u >> 8;
  }
  return out;
}

/** A column as plain values, with its type, so two loads compare value for value. */
export function plain(column: ColumnData | undefined): unknown {
  if (!column) return undefined;
  return column.type === "number"
    ? { type: column.values.constructor.name, values: Array.from(column.values) }
    : { type: "text", codes: Array.from(column.codes), dictionary: column.dictionary };
}

export function comparable(outcome: LoadOutcome<LoadedData>): unknown {
  if (!outcome.ok) return outcome;
  const { columns, report, source } = outcome.value;
  return { names: columns.names, rows: columns.rows, columns: columns.columns.map(plain), report, source };
}

/** A card image of the small codebook (13 columns), with blank, short and long lines and letters in codes. */
export function cardText(rows: number, eol: string, seed: number): string {
  const rnd = random(seed);
  const lines: string[] = [];
  for (let i = 1; i <= rows; i++) {
    let line = `${String(i % 10000).padStart(4, "0")}${Array.from({ length: 6 }, () => String(1 + Math.floor(rnd() * 3))).join("")}${String(Math.floor(rnd() * 99)).padStart(2, " ")}${1 + Math.floor(rnd() * 6)}`;
    if (i % 811 === 0) line = line.slice(0, 8);
    if (i % 907 === 0) line = `${line}77`;
    if (i % 613 === 0) line = `${line.slice(0, 5)}x${line.slice(6)}`;
    lines.push(line);
    if (i % 499 === 0) lines.push("");
  }
  return lines.join(eol) + eol;
}


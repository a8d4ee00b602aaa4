/**
 * A file read in parts (several workers in the app) gives exactly what one pass over it gives:
 * columns, types, dictionaries, the report with its row numbers and messages, how it was read. The
 * files are generated here with what makes a split hard — quoted fields with line ends, doubled
 * quotes and delimiters, CRLF, multi-byte UTF-8, Windows-1252, UTF-16 in both byte orders, card
 * images with blank, short and long lines — and compared with `loadColumns`, which reads the file in
 * one pass and knows nothing of parts. Where a test needs the split to land in a particular place
 * (inside a quoted field), it checks that it did.
 */
import { describe, expect, it } from "vitest";
import { type LoadFileOptions, loadColumns, prepareLoad } from "../../../../src/data/loaders/load-columns";
import type { LoadOutcome, LoadedData } from "../../../../src/data/loaders/load-result";
import { settleParts } from "../../../../src/data/loaders/settle-parts";
import { loadInParts, planParts, splitPoint, startPart } from "../../../../src/data/loaders/split-load";
import { cardText, comparable, cp1252, csvText, utf16, utf8 } from "./generated-files";
import { smallCodebook as codebook } from "./helpers";

/** Parts as small as the sample allows, so a few hundred KB split into several. */
const MIN_PART = 70 * 1024;

function options(name: string, extra: Partial<LoadFileOptions> = {}): LoadFileOptions {
  return { name, codebook, issueLimit: 1000, ...extra };
}

/** How the parts settle: "split" when every start held, "read-on" when one was inside a record, "whole" when not split. */
async function splitKind(bytes: Uint8Array, o: LoadFileOptions, count: number): Promise<string> {
  const prepared = await prepareLoad(bytes, o);
  if (!prepared.ok) return "refused";
  const starts = await planParts(bytes, prepared.value, count, MIN_PART);
  if (!starts) return "whole";
  const parts = [];
  for (let k = 0; k < starts.length; k++) parts.push(await startPart(bytes, prepared.value, starts, k));
  const settled = settleParts(parts.map((p) => p.reading.summary()));
  return settled.kind === "finish" && settled.bases.length === starts.length ? "split" : settled.kind;
}

/** Loads `bytes` in one pass and in 2, 3 and 4 parts, and expects the same outcome every time. */
async function expectSameAsOnePass(bytes: Uint8Array, o: LoadFileOptions): Promise<LoadOutcome<LoadedData>> {
  const whole = await loadColumns(bytes, o);
  for (const count of [2, 3, 4]) {
    const parts = await loadInParts(bytes, o, count, MIN_PART);
    expect(comparable(parts), `${count} parts`).toEqual(comparable(whole));
  }
  return whole;
}

describe("where a part may start", () => {
  it("starts after LF, after CRLF as one line end, after a lone CR; waits on a CR at the window's end", () => {
    expect(splitPoint(utf8("abc\ndef"), "utf-8")).toBe(4);
    expect(splitPoint(utf8("abc\r\ndef"), "utf-8")).toBe(5);
    expect(splitPoint(utf8("abc\rdef"), "utf-8")).toBe(4);
    expect(splitPoint(utf8("abc\r"), "utf-8")).toBe(-1);
    expect(splitPoint(utf8("abcdef"), "utf-8")).toBe(-1);
  });

  it("never inside a UTF-8 character: a line end byte is never part of one", () => {
    const bytes = utf8("ø🐟å\næ");
    const at = splitPoint(bytes.subarray(1), "utf-8") + 1;
    expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(at))).toBe("æ");
  });

  it("reads UTF-16 by whole code units: a 0x0A byte inside another character is not a line end", () => {
    // U+0A0D (Gurmukhi) has the bytes 0D 0A in little-endian: neither a CR nor an LF.
    const le = utf16("\u0a0dx\ny", "le").subarray(2);
    expect(splitPoint(le, "utf-16le")).toBe(6);
    const be = utf16("\u0a0dx\r\ny", "be").subarray(2);
    expect(splitPoint(be, "utf-16be")).toBe(8);
  });
});

describe("a CSV read in parts is the CSV read in one pass", () => {
  it("UTF-8 with quoted line ends, doubled quotes, delimiters in quotes and multi-byte letters", async () => {
    const bytes = utf8(csvText({ rows: 6000, seed: 1, notes: true }));
    expect(await splitKind(bytes, options("notes.csv"), 3)).not.toBe("whole");
    const whole = await expectSameAsOnePass(bytes, options("notes.csv"));
    expect(whole.ok && whole.value.columns.rows).toBe(6000);
  });

  it("CRLF line ends", async () => {
    await expectSameAsOnePass(utf8(csvText({ rows: 6000, seed: 2, notes: true, eol: "\r\n" })), options("crlf.csv"));
  });

  it("a split point inside a quoted field with line ends: the part before reads on, and the result is the same", async () => {
    const bytes = utf8(csvText({ rows: 5000, seed: 3, longQuoted: 60_000 }));
    expect(await splitKind(bytes, options("long-quote.csv"), 2)).toBe("read-on");
    await expectSameAsOnePass(bytes, options("long-quote.csv"));
  });

  it("issues in later parts name the file's rows: ragged rows, letters in codes, an id that turns the column into text", async () => {
    const bytes = utf8(csvText({ rows: 6000, seed: 4, faults: true }));
    expect(await splitKind(bytes, options("faults.csv"), 3)).toBe("split");
    const whole = await expectSameAsOnePass(bytes, options("faults.csv"));
    if (!whole.ok) throw new Error(whole.error.message);
    const { report, columns } = whole.value;
    // The faults were generated at known rows (file row = respondent + 1 for the header).
    const ragged = report.issues.filter((i) => i.kind === "ragged-row").map((i) => i.row);
    expect(ragged).toEqual(Array.from({ length: 8 }, (_, k) => 733 * (k + 1) + 1));
    expect(report.issues.find((i) => i.kind === "ragged-row" && i.row === 4399)?.message).toContain("Row 4399 ");
    expect(columns.columns[0]?.type).toBe("text");
  });

  it("a code outside the codebook only in the last part: that part's check finds it, the join reports it (part-checks.ts)", async () => {
    // q1 (codes 1–3, missing 9) and q30_1 (1–4, missing 5) are valid everywhere but on two rows near the end.
    const lines = csvText({ rows: 6000, seed: 7 }).split("\n");
    const set = (line: number, field: number, value: string): void => {
      const fields = (lines[line] ?? "").split(",");
      fields[field] = value;
      lines[line] = fields.join(",");
    };
    set(5900, 1, "7");
    set(5950, 6, "8");
    const bytes = utf8(lines.join("\n"));
    expect(await splitKind(bytes, options("late-codes.csv"), 3)).toBe("split");
    const whole = await expectSameAsOnePass(bytes, options("late-codes.csv"));
    if (!whole.ok) throw new Error(whole.error.message);
    const found = whole.value.report.issues.filter((i) => i.kind === "unknown-code" && (i.variable === "q1" || i.variable === "q30_1"));
    expect(found.map((i) => [i.variable, i.row, i.value])).toEqual([["q1", 5901, 7], ["q30_1", 5951, 8]]);
  });

  it("Windows-1252, and a file that mixes UTF-8 and Windows-1252 either way round", async () => {
    const text = csvText({ rows: 6000, seed: 5 }).replace(/🐟/gu, "f");
    await expectSameAsOnePass(cp1252(text), options("latin.csv"));
    const half = text.indexOf("\n", text.length / 2);
    const utf8First = new Uint8Array([...utf8(text.slice(0, half)), ...cp1252(text.slice(half))]);
    const mixed = await expectSameAsOnePass(utf8First, options("mixed.csv"));
    expect(mixed.ok && mixed.value.report.issues.some((i) => i.kind === "file")).toBe(true);
    const latinFirst = new Uint8Array([...cp1252(text.slice(0, half)), ...utf8(text.slice(half))]);
    expect(await splitKind(latinFirst, options("latin-first.csv"), 2)).toBe("read-on");
    await expectSameAsOnePass(latinFirst, options("latin-first.csv"));
  });

  it("UTF-16 little- and big-endian with a byte-order mark", async () => {
    const text = csvText({ rows: 4000, seed: 6, notes: true });
    for (const order of ["le", "be"] as const) {
      const bytes = utf16(text, order);
      expect(await splitKind(bytes, options(`utf16${order}.csv`), 3)).not.toBe("whole");
      const whole = await expectSameAsOnePass(bytes, options(`utf16${order}.csv`));
      expect(whole.ok && whole.value.source.encoding).toBe(`utf-16${order}`);
    }
  });

  it("an unclosed quote in a later part is refused with the file's row", async () => {
    const text = csvText({ rows: 6000, seed: 7 });
    const at = text.indexOf("\n5000,") + 1;
    const broken = utf8(`${text.slice(0, at)}5000,"1${text.slice(text.indexOf(",", at))}`);
    const whole = await expectSameAsOnePass(broken, options("unclosed.csv"));
    expect(whole.ok).toBe(false);
    if (!whole.ok) expect(whole.error.row).toBe(5001);
  });
});

describe("a card image read in parts is the card image read in one pass", () => {
  it("LF and CRLF, blank lines, short, long and unreadable lines", async () => {
    for (const eol of ["\n", "\r\n"]) {
      const bytes = utf8(cardText(20_000, eol, 8));
      expect(await splitKind(bytes, options("deck.dat"), 3)).toBe("split");
      const whole = await expectSameAsOnePass(bytes, options("deck.dat"));
      if (!whole.ok) throw new Error(whole.error.message);
      const short = whole.value.report.issues.filter((i) => i.kind === "short-line").map((i) => i.row);
      // Line numbers count the blank lines too: respondent i is on line i + floor((i - 1) / 499).
      expect(short.slice(0, 3)).toEqual([811, 1622, 2433].map((i) => i + Math.floor((i - 1) / 499)));
    }
  });

  it("a tab in a later part is refused with the file's line", async () => {
    const text = cardText(20_000, "\n", 9);
    const lines = text.split("\n");
    lines[15_000] = `${lines[15_000]?.slice(0, 5)}\t${lines[15_000]?.slice(6)}`;
    const whole = await expectSameAsOnePass(utf8(lines.join("\n")), options("tabs.dat"));
    expect(whole.ok).toBe(false);
    if (!whole.ok) expect(whole.error.row).toBe(15_001);
  });
});

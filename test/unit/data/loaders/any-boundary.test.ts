/**
 * A file cut anywhere reads as the file whole. Two cuts happen in a real load: the file arrives in
 * chunks (2 MB from a Blob, any size from a stream), cut at any byte — inside a quoted field, between
 * the CR and LF of a CRLF, inside a multi-byte UTF-8 character —; and a big file is read in parts
 * by several workers, each part starting after a line end, which may lie inside a quoted field.
 * Here every byte of a hard stretch of the file is made a chunk boundary, and every line end of it
 * a part's start, and each outcome — columns, types, dictionaries, the report with its rows and
 * messages, how the file was read — is compared with one pass over the uncut bytes.
 */
import { describe, expect, it } from "vitest";
import { type LoadFileOptions, loadColumns, prepareLoad } from "../../../../src/data/loaders/load-columns";
import type { LoadOutcome, LoadedData } from "../../../../src/data/loaders/load-result";
import { SAMPLE_BYTES } from "../../../../src/data/loaders/sample";
import { settleParts } from "../../../../src/data/loaders/settle-parts";
import { type StartedPart, joinParts, startPart } from "../../../../src/data/loaders/split-load";
import { cardText, comparable, csvText, utf8 } from "./generated-files";
import { smallCodebook as codebook } from "./helpers";

/**
 * Expects `outcome` to equal `whole` (a `comparable`): compared as JSON text first, which is fast
 * for the hundreds of loads here, and value by value (with a readable difference) only if not.
 */
function expectSame(outcome: LoadOutcome<LoadedData>, whole: unknown, label: string): void {
  const got = comparable(outcome);
  if (JSON.stringify(got) !== JSON.stringify(whole)) expect(got, label).toEqual(whole);
}

function options(name: string): LoadFileOptions {
  return { name, codebook, issueLimit: 1000 };
}

/** `bytes` as a stream of the chunks between `cuts`. */
function streamOf(bytes: Uint8Array, cuts: readonly number[]): ReadableStream<Uint8Array> {
  const ends = [...cuts, bytes.length];
  let at = 0;
  let k = 0;
  return new ReadableStream({
    pull(controller) {
      const end = ends[k++];
      if (end === undefined) return controller.close();
      // A copy: the reader may free a chunk it is done with.
      controller.enqueue(bytes.slice(at, end));
      at = end;
    },
  });
}

/**
 * The text of a CSV whose stretch after the sample holds every hard case: quoted fields with LF,
 * CRLF and a lone CR inside, doubled quotes, delimiters in quotes, a blank line, a CRLF record
 * end, two- and four-byte UTF-8 letters right at field and line starts, a ragged row, a letter in
 * a code, an id with a leading zero (which turns the id column into text), a field after a closing
 * quote, and a last record with no line end.
 */
function hardCsv(): { bytes: Uint8Array; from: number } {
  // Plain rows fill the sample, so the stretch is read chunk by chunk after it.
  const head = csvText({ rows: 2300, seed: 11 });
  const stretch = [
    '2301,1,2,1,,1,3,12,4,0301,"Bø 🐟\nsør",3,"sa ""ja"", ok"',
    "2302,2,3,,1,,2,7,5,,Åfjord,5,\"to\r\nlinjer\rog ein til\"",
    "",
    "2303,x,1,1,1,1,1,1,1,,ølen,1,plain\r",
    "02304,3,4,,,,5,98,6,1103,\"Tromsø\",19,\"\"\"\"",
    "2305,1,2,1,1,1,2,3",
    '2306,1,2,1,1,1,2,3,4,0101,"Hå"x,2,"🐟"',
    "2307,1,1,,,,1,1,1,,Æ,1,é",
  ].join("\n");
  const text = head + stretch;
  const from = utf8(head).length;
  return { bytes: utf8(text), from };
}

function partAt<T>(parts: readonly T[], k: number): T {
  const part = parts[k];
  if (part === undefined) throw new Error(`part ${k} of ${parts.length} asked for`);
  return part;
}

/** Runs the parts protocol of `split-load.ts` with the parts starting at `starts`, in one thread. */
async function loadWithStarts(bytes: Uint8Array, o: LoadFileOptions, starts: readonly number[]): Promise<LoadOutcome<LoadedData>> {
  const prepared = await prepareLoad(bytes, o);
  if (!prepared.ok) return prepared;
  const parts: StartedPart[] = [];
  for (let k = 0; k < starts.length; k++) parts.push(await startPart(bytes, prepared.value, starts, k));
  for (;;) {
    const settled = settleParts(parts.map((p) => p.reading.summary()));
    if (settled.kind === "finish") return joinParts(prepared.value, settled.bases.map((base, k) => partAt(parts, k).reading.finish(base)), o);
    await partAt(parts, settled.part).readOn();
    parts.length = settled.part + 1;
  }
}

/** Positions just after each line end (LF, CR not followed by LF) in bytes[from, end). */
function lineStarts(bytes: Uint8Array, from: number, end = bytes.length): number[] {
  const out: number[] = [];
  for (let i = from; i < end; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) out.push(i + 1);
  }
  return out;
}

describe("a CSV cut anywhere reads as the CSV whole", () => {
  const { bytes, from } = hardCsv();
  const o = options("hard.csv");

  it("the hard stretch holds what it should: quoted line ends, a mixed-in id with a leading zero, faults", async () => {
    expect(from).toBeGreaterThan(SAMPLE_BYTES);
    const whole = await loadColumns(bytes, o);
    if (!whole.ok) throw new Error(whole.error.message);
    const { columns, report } = whole.value;
    expect(columns.rows).toBe(2307);
    const note = columns.columns[columns.names.indexOf("note")];
    expect(note?.type === "text" && note.dictionary).toContain("to\r\nlinjer\rog ein til");
    expect(columns.columns[0]?.type).toBe("text");
    expect(report.issues.map((i) => i.kind)).toEqual(expect.arrayContaining(["ragged-row", "not-a-number", "bad-quote"]));
  });

  it("with a chunk boundary at every byte of the hard stretch (inside quotes, CRLFs and UTF-8 characters)", async () => {
    const whole = comparable(await loadColumns(bytes, o));
    let insideCharacter = 0;
    for (let cut = from + 1; cut < bytes.length; cut++) {
      // UTF-8 continuation bytes: the cut splits a character.
      if (((bytes[cut] ?? 0) & 0xc0) === 0x80) insideCharacter++;
      expectSame(await loadColumns(streamOf(bytes, [from, cut]), o), whole, `cut at ${cut}`);
    }
    expect(insideCharacter).toBeGreaterThan(10);
  }, 180_000);

  it("with the second part starting after every line end of the hard stretch, inside quoted fields too", async () => {
    const whole = comparable(await loadColumns(bytes, o));
    const starts = lineStarts(bytes, from);
    expect(starts.length).toBeGreaterThan(8);
    for (const start of starts) expectSame(await loadWithStarts(bytes, o, [0, start]), whole, `part 2 from ${start}`);
    // Three parts: every pair of starts.
    for (const a of starts) for (const b of starts) if (b > a) expectSame(await loadWithStarts(bytes, o, [0, a, b]), whole, `parts from ${a}, ${b}`);
  }, 180_000);
});

describe("a card image cut anywhere reads as the card image whole", () => {
  const bytes = utf8(cardText(4600, "\r\n", 12));
  const from = bytes.length - 300;
  const o = options("hard.dat");

  it("with a chunk boundary at every byte of its last 300 (CRLF, blank, short, long and unreadable lines)", async () => {
    const wholeOutcome = await loadColumns(bytes, o);
    if (!wholeOutcome.ok) throw new Error(wholeOutcome.error.message);
    expect(wholeOutcome.value.report.total).toBeGreaterThan(20);
    const whole = comparable(wholeOutcome);
    for (let cut = from; cut < bytes.length; cut++) {
      expectSame(await loadColumns(streamOf(bytes, [SAMPLE_BYTES + 1, cut]), o), whole, `cut at ${cut}`);
    }
  }, 180_000);

  it("with the second part starting after every line end of its last 300 bytes", async () => {
    const whole = comparable(await loadColumns(bytes, o));
    for (const start of lineStarts(bytes, from)) expectSame(await loadWithStarts(bytes, o, [0, start]), whole, `part 2 from ${start}`);
  });
});

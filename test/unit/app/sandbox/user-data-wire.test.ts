/**
 * The user's file on its way into a frame: a real load (the bundled respondents read through the
 * codebook by the loaders, as a user's CSV would be) survives encoding, posting and decoding
 * unchanged. A big file goes in parts of about PART_BYTES: the first message carries the columns
 * the filter in force reads, the next part the filter's other columns; every part's arrays are
 * copies made for the message and transferred, so the shell's own table is untouched. In the
 * frame the parts are put together (ArrivingUserData), and the scope counts the filter bar's N on
 * the columns in before the cells get the whole file.
 */
import { readFileSync } from "node:fs";
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { ArrivingUserData, encodeUserData, PART_BYTES, type UserDataPart, type UserDataWire } from "../../../../src/app/sandbox/user-data-wire";
import { SurveyScope } from "../../../../src/analysis/survey-scope";
import { SurveySource } from "../../../../src/analysis/survey-source";
import { unwrap } from "../../../../src/base/result";
import { toLoadResult } from "../../../../src/data/loaders/column-table";
import type { ColumnData } from "../../../../src/data/loaders/column-builders";
import { loadFile } from "../../../../src/data/loaders/load-file";
import type { LoadResult } from "../../../../src/data/loaders/load-result";
import { parseCodebook } from "../../../../src/data/parse-codebook";
import { EMPTY_FILTER } from "../../../../src/data/survey-filter";

const codebook = parseCodebook(JSON.parse(readFileSync("data/survey-1999/codebook.json", "utf8")));

/** What postMessage does to one message: transferred buffers move, the rest is copied. */
function posted<T>(message: T, transfer: ArrayBuffer[]): T {
  return structuredClone(message, { transfer });
}

/** Encodes `load`, posts every message, and returns what the frame got. */
function sendAll(load: LoadResult, filter = EMPTY_FILTER): { wire: UserDataWire; parts: UserDataPart[]; transferred: ArrayBuffer[] } {
  const { first, parts } = encodeUserData(load, 3, "mine.csv", filter);
  const transferred = [...first.transfer];
  const wire = posted(first.message, first.transfer);
  const out: UserDataPart[] = [];
  for (const part of parts()) {
    transferred.push(...part.transfer);
    out.push(posted(part.message, part.transfer));
  }
  return { wire, parts: out, transferred };
}

/** A loaders' table of `rows` rows: the filter's variables, then `extra` more Int8 columns. */
function bigLoad(rows: number, extra: number): LoadResult {
  const small = (seed: number): ColumnData => ({ type: "number", values: Int8Array.from({ length: rows }, (_, i) => ((i * 7 + seed) % 5) + 1) });
  const names = ["resp_id", "fylke", "size_class", "resp_type", "q3", "q7", "q12", "q16", "q20", "q24", ...Array.from({ length: extra }, (_, i) => `x${i}`)];
  const columns = names.map((name, i): ColumnData => (name === "resp_id" ? { type: "number", values: Int32Array.from({ length: rows }, (_, r) => r + 1) } : small(i)));
  return toLoadResult({
    columns: { names, columns, rows },
    codebook,
    report: { file: "big.csv", rows, total: 0, counts: {}, issues: [], limit: 200, truncated: false },
    source: { name: "big.csv", format: "csv", label: "CSV", encoding: "utf-8", rows, bytes: rows * 40 },
  });
}

describe("user data on the wire", () => {
  it("round-trips a loaded respondents file exactly; a small file goes whole in one message", async () => {
    const load = unwrap(await loadFile(readFileSync("data/survey-1999/respondents.csv"), { codebook, name: "mine.csv" }));
    const before = load.table.objects();
    const { wire, parts, transferred } = sendAll(load);
    expect(parts).toHaveLength(0);
    expect(wire).toMatchObject({ version: 3, name: "mine.csv", names: load.table.columnNames() });
    const set = wire.data.columns;
    expect(set.columns.find((_, i) => set.names[i] === "q3")?.type).toBe("number");
    expect(set.columns.find((_, i) => set.names[i] === "name")?.type).toBe("text");
    // Each array is a copy cut to its length: the transfer moves exactly those bytes…
    for (const column of set.columns) {
      const array = column.type === "number" ? column.values : column.codes;
      expect(array.byteLength).toBe(array.buffer.byteLength);
      expect(array.length).toBe(load.table.numRows());
    }
    expect(transferred.every((buffer) => buffer.byteLength === 0)).toBe(true);
    // …and the shell's own table is untouched.
    expect(load.table.objects()).toEqual(before);
    const arriving = new ArrivingUserData(wire, toLoadResult);
    const back = arriving.loaded;
    expect(back?.table.columnNames()).toEqual(load.table.columnNames());
    expect(back?.table.objects()).toEqual(before);
    expect(back?.codebook).toEqual(load.codebook);
    expect(back?.report).toEqual(load.report);
    expect(back?.source).toEqual(load.source);
    await expect(arriving.complete).resolves.toBe(back);
    // Blanks stay blanks (null), not zeros.
    expect(Array.from(back?.table.array("q2_1") ?? []).some((v) => v === null)).toBe(true);
  });

  it("sends a big file in parts: first the filter's columns in force, then the filter's others, then the rest in file order", async () => {
    const rows = 200_000;
    const load = bigLoad(rows, 40);
    const before = load.table.objects({ limit: 50 });
    const filter = { ...EMPTY_FILTER, fylke: [11], adopted: ["q20" as const] };
    const { wire, parts } = sendAll(load, filter);
    expect(wire.data.columns.names).toEqual(["fylke", "q20"]);
    expect(wire.data.columns.rows).toBe(rows);
    expect(parts.flatMap((p) => p.names)).toEqual(["size_class", "resp_type", "q3", "q7", "q12", "q16", "q24", "resp_id", ...Array.from({ length: 40 }, (_, i) => `x${i}`)]);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      const bytes = part.columns.reduce((sum, c) => sum + (c.type === "number" ? c.values.byteLength : c.codes.byteLength), 0);
      expect(bytes).toBeLessThanOrEqual(PART_BYTES);
    }
    const arriving = new ArrivingUserData(wire, toLoadResult);
    expect(arriving.preview.table.numRows()).toBe(rows);
    expect(arriving.preview.table.columnNames()).toEqual(["fylke", "q20"]);
    // A part of another file is not taken; the parts of this one complete it, in file order.
    arriving.add({ version: 2, names: ["resp_id"], columns: [{ type: "number", values: new Int32Array(rows) }] });
    for (const part of parts) {
      expect(arriving.loaded).toBeUndefined();
      arriving.add(part);
    }
    const back = await arriving.complete;
    expect(back.table.columnNames()).toEqual(load.table.columnNames());
    expect(back.table.objects({ limit: 50 })).toEqual(before);
    expect(Array.from(back.table.array("resp_id")).slice(-2)).toEqual([rows - 1, rows]);
    // With no filter the first message still carries a column: a table without columns has no rows.
    expect(sendAll(load).wire.data.columns.names).toEqual(["fylke"]);
  });

  it("the scope counts the filter bar's N on an arriving file's first columns; the cells' survey waits for the whole file", async () => {
    const load = bigLoad(200_000, 40);
    const filter = { ...EMPTY_FILTER, fylke: [2] };
    const { wire, parts } = sendAll(load, filter);
    const arriving = new ArrivingUserData(wire, toLoadResult);
    const host = { readText: async (path: string) => readFileSync(path, "utf8"), readBytes: async (path: string) => new Uint8Array(readFileSync(path)) };
    const scope = new SurveyScope(async () => new SurveySource(host));
    scope.setFilter(filter);
    scope.setData({ preview: arriving.preview, complete: arriving.complete.then((l) => ({ kind: "user", load: l })) });
    // fylke is (i·7 + 1) mod 5 + 1: 2 for i ≡ 0 (mod 5).
    const expected = { n: 40_000, total: 200_000 };
    expect(await scope.count()).toMatchObject(expected);
    let whole = false;
    const survey = scope.survey().then((s) => ((whole = true), s));
    await new Promise((r) => setTimeout(r, 20));
    expect(whole).toBe(false);
    // A filter on a column not in yet is counted on the whole file, once it is in.
    scope.setFilter({ ...EMPTY_FILTER, sizeClass: [1] });
    const later = scope.count();
    for (const part of parts) arriving.add(part);
    expect((await survey).table.numRows()).toBe(200_000);
    expect(await later).toMatchObject({ total: 200_000 });
    scope.setFilter(filter);
    expect(await scope.count()).toMatchObject(expected);
    expect((await scope.selection()).n).toBe(expected.n);
  });

  it("also carries a table not built by the loaders: numbers, text and blanks", () => {
    const load: LoadResult = {
      table: table({ n: [1, null, 2.5], t: ["Ås", null, "Bø"] }),
      codebook: { title: "", source: "", recordLength: 0, variables: [], skipRules: [], sets: [] },
      report: { file: "x", rows: 3, total: 0, counts: {}, issues: [], limit: 200, truncated: false },
      source: { name: "x", format: "csv", label: "CSV", encoding: "utf-8", rows: 3, bytes: 10 },
    };
    const { wire } = sendAll(load);
    expect(new ArrivingUserData(wire, toLoadResult).loaded?.table.objects()).toEqual([{ n: 1, t: "Ås" }, { n: null, t: null }, { n: 2.5, t: "Bø" }]);
  });
});

/**
 * The user's file on its way into a frame: a real load (the bundled respondents read through the
 * codebook by the loaders, as a user's CSV would be) survives encoding, posting and decoding
 * unchanged; its typed-array columns travel whole (never a view into a much larger buffer, which
 * would be cloned whole), copied once by the post, and the shell keeps its own. A spare copy the
 * load worker made is sent to the first frame, transferred, and only once.
 */
import { readFileSync } from "node:fs";
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { decodeUserData, encodeUserData, offerSpare } from "../../../../src/app/sandbox/user-data-wire";
import { copyColumns } from "../../../../src/data/loaders/column-builders";
import { loadColumns } from "../../../../src/data/loaders/load-columns";
import { unwrap } from "../../../../src/base/result";
import { toLoadResult } from "../../../../src/data/loaders/column-table";
import { loadFile } from "../../../../src/data/loaders/load-file";
import type { LoadResult } from "../../../../src/data/loaders/load-result";
import { parseCodebook } from "../../../../src/data/parse-codebook";

describe("user data on the wire", () => {
  it("round-trips a loaded respondents file exactly, columns as whole typed arrays", async () => {
    const codebook = parseCodebook(JSON.parse(readFileSync("data/survey-1999/codebook.json", "utf8")));
    const load = unwrap(await loadFile(readFileSync("data/survey-1999/respondents.csv"), { codebook, name: "mine.csv" }));
    const before = load.table.objects();
    const { wire, transfer } = encodeUserData(load, 3, "mine.csv");
    expect(wire).toMatchObject({ version: 3, name: "mine.csv" });
    const set = wire.data.columns;
    expect(set.names).toEqual(load.table.columnNames());
    expect(set.columns.find((_, i) => set.names[i] === "q3")?.type).toBe("number");
    expect(set.columns.find((_, i) => set.names[i] === "name")?.type).toBe("text");
    // Each column's array is (nearly) its whole buffer: posting it copies those bytes and little spare capacity.
    for (const column of set.columns) {
      const array = column.type === "number" ? column.values : column.codes;
      expect(array.byteLength).toBeGreaterThanOrEqual(0.9 * array.buffer.byteLength);
      expect(array.length).toBe(load.table.numRows());
    }
    // Only buffers made for the message are transferred (cut from a loader's larger buffer).
    const shellBuffers = new Set(load.table.columnNames().map((name) => {
      const data: unknown = Reflect.get(load.table.column(name) ?? {}, "data");
      const array: unknown = data && typeof data === "object" ? (Reflect.get(data, "values") ?? Reflect.get(data, "codes")) : undefined;
      return ArrayBuffer.isView(array) ? array.buffer : undefined;
    }));
    expect(transfer.some((buffer) => shellBuffers.has(buffer))).toBe(false);
    // What postMessage does: the transferred buffers move, the rest is copied…
    const moved = structuredClone(wire, { transfer });
    expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
    // …and the shell's own table is untouched.
    expect(load.table.objects()).toEqual(before);
    const back = decodeUserData(moved, toLoadResult);
    expect(back.table.columnNames()).toEqual(load.table.columnNames());
    expect(back.table.objects()).toEqual(before);
    expect(back.codebook).toEqual(load.codebook);
    expect(back.report).toEqual(load.report);
    expect(back.source).toEqual(load.source);
    // Blanks stay blanks (null), not zeros.
    expect(Array.from(back.table.array("q2_1")).some((v) => v === null)).toBe(true);
  });

  it("sends the load worker's spare copy to the first frame, transferred, and clones for the next", async () => {
    const codebook = parseCodebook(JSON.parse(readFileSync("data/survey-1999/codebook.json", "utf8")));
    const loaded = unwrap(await loadColumns(readFileSync("data/survey-1999/respondents.csv"), { codebook, name: "mine.csv" }));
    const load = toLoadResult(loaded);
    const before = load.table.objects();
    offerSpare(load, copyColumns(loaded.columns));
    const first = encodeUserData(load, 1, "mine.csv");
    // Every column's buffer goes, and none of them is the shell's.
    expect(first.transfer).toHaveLength(loaded.columns.columns.length);
    const own = new Set(loaded.columns.columns.map((c) => (c.type === "number" ? c.values.buffer : c.codes.buffer)));
    expect(first.transfer.some((b) => own.has(b))).toBe(false);
    const moved = decodeUserData(structuredClone(first.wire, { transfer: first.transfer }), toLoadResult);
    expect(moved.table.objects()).toEqual(before);
    expect(load.table.objects()).toEqual(before);
    // The spare is gone: the next frame is sent the shell's columns, cloned.
    const second = encodeUserData(load, 1, "mine.csv");
    expect(second.transfer).toHaveLength(0);
    expect(decodeUserData(structuredClone(second.wire), toLoadResult).table.objects()).toEqual(before);
  });

  it("also carries a table not built by the loaders: numbers, text and blanks", () => {
    const load: LoadResult = {
      table: table({ n: [1, null, 2.5], t: ["Ås", null, "Bø"] }),
      codebook: { title: "", source: "", recordLength: 0, variables: [], skipRules: [], sets: [] },
      report: { file: "x", rows: 3, total: 0, counts: {}, issues: [], limit: 200, truncated: false },
      source: { name: "x", format: "csv", label: "CSV", encoding: "utf-8", rows: 3, bytes: 10 },
    };
    const { wire, transfer } = encodeUserData(load, 1, "x");
    const back = decodeUserData(structuredClone(wire, { transfer }), toLoadResult);
    expect(back.table.objects()).toEqual([{ n: 1, t: "Ås" }, { n: null, t: null }, { n: 2.5, t: "Bø" }]);
  });
});

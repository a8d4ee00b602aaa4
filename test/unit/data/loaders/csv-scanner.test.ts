import { describe, expect, it } from "vitest";
import { BAD_QUOTE, CsvScanner, type ScanStop } from "../../../../src/data/loaders/csv-scanner";

/** Scans `text` in chunks of `step` bytes; returns the records as field strings, and the stop. */
function scan(text: string, step: number, delimiter = ","): { records: string[][]; flags: number[][]; stop?: ScanStop } {
  const bytes = new TextEncoder().encode(text);
  const scanner = new CsvScanner(delimiter.charCodeAt(0), 64);
  const records: string[][] = [];
  const flags: number[][] = [];
  const onRecord = (r: { bytes: Uint8Array; bounds: Int32Array; fields: number }): void => {
    const fields: string[] = [];
    const f: number[] = [];
    for (let k = 0; k < r.fields; k++) {
      fields.push(new TextDecoder().decode(r.bytes.subarray(r.bounds[3 * k], r.bounds[3 * k + 1])));
      f.push(r.bounds[3 * k + 2] ?? 0);
    }
    records.push(fields);
    flags.push(f);
  };
  for (let i = 0; i < bytes.length; i += step) {
    const stop = scanner.push(bytes.subarray(i, i + step), false, onRecord);
    if (stop) return { records, flags, stop };
  }
  const stop = scanner.push(new Uint8Array(0), true, onRecord);
  return stop ? { records, flags, stop } : { records, flags };
}

describe("CsvScanner", () => {
  const text = 'id,name\n1,"Sør-\nTrøndelag"\n2,"say ""hi"", ok"\r\n3,plain\r4,last';
  const expected = [["id", "name"], ["1", "Sør-\nTrøndelag"], ["2", 'say ""hi"", ok'], ["3", "plain"], ["4", "last"]];

  it("cuts records on LF, CRLF and lone CR, never inside quotes, whatever the chunk size", () => {
    for (const step of [1, 2, 3, 5, 8, 13, 100]) expect(scan(text, step).records).toEqual(expected);
  });

  it("does not take a CRLF split between chunks for two line ends", () => {
    // Chunk size 3 puts "\r" and "\n" of "a,b\r\n" in different chunks.
    expect(scan("a,b\r\nc,d\r\n", 4).records).toEqual([["a", "b"], ["c", "d"]]);
  });

  it("knows where an unclosed quote opened", () => {
    expect(scan('a,b\n1,2\n3,"open\n4,5\n', 4).stop).toEqual({ kind: "unclosed-quote", record: 3, field: 2 });
  });

  it("stops on a record longer than its limit", () => {
    expect(scan(`a,b\n${"x".repeat(100)}`, 10).stop).toEqual({ kind: "no-line-end", record: 2, bytes: expect.any(Number) });
  });

  it("treats a quote in the middle of a field as a literal, like PapaParse, and flags text after a closing quote", () => {
    const r = scan('a,5" screen\n"x"y,b\n', 3);
    expect(r.records).toEqual([["a", '5" screen'], ['x"y', "b"]]);
    expect(r.flags[0]).toEqual([0, 0]);
    expect((r.flags[1]?.[0] ?? 0) & BAD_QUOTE).toBe(BAD_QUOTE);
  });

  it("reads semicolon files with commas in fields", () => {
    expect(scan("q33;vekt\n45;2,5\n", 2, ";").records).toEqual([["q33", "vekt"], ["45", "2,5"]]);
  });
});

/**
 * bench/chunk-sources.ts: a chunk's characters counted to the sources its map names, every
 * character once (what no mapping covers, as UNMAPPED), on a map written out by hand.
 */
import { describe, expect, it } from "vitest";
import { charsBySource, UNMAPPED } from "../../../bench/chunk-sources";

describe("charsBySource", () => {
  it("counts each mapped stretch to its source, up to the next mapping or the line's end", () => {
    // Line 1: a.ts from column 0, b.ts from 3. Line 2: nothing up to column 2, a.ts from 2, then a
    // one-number segment at 3 (mapped to nothing). Segments: [0,0,0,0] [3,1,0,0]; [2,-1,0,0] [1].
    const code = "abcdef\nghij";
    const counts = charsBySource(code, { sources: ["a.ts", "b.ts"], mappings: "AAAA,GCAA;EDAA,C" });
    expect(Object.fromEntries(counts)).toEqual({ "a.ts": 3 + 1, "b.ts": 3, [UNMAPPED]: 2 + 1 + 1 });
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(code.length);
  });

  it("counts lines the mappings do not reach, and multi-digit numbers, as the format writes them", () => {
    // [0,0,0,0] then [20,0,0,0] ("oB" is 20): a.ts columns 0–19, then a.ts again to the line's end.
    const code = `${"x".repeat(30)}\nrest`;
    const counts = charsBySource(code, { sources: ["a.ts"], mappings: "AAAA,oBAAA" });
    expect(Object.fromEntries(counts)).toEqual({ "a.ts": 30, [UNMAPPED]: 1 + 4 });
  });
});

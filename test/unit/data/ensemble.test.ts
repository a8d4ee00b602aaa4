/**
 * The ensemble file format and its decoder (src/data/ensemble.ts): a hand-made ensemble round-trips
 * cell for cell, broken files fail with a Problem that names the fix, and the bundled
 * data/survey-1999/ensemble.bin has the promised shape, with draw 0 equal to respondents.csv.
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { bitsFor, decodeEnsemble, ENSEMBLE_MAGIC, type Ensemble } from "../../../src/data/ensemble";
import { parseCodebook } from "../../../src/data/parse-codebook";
import { encodeEnsemble } from "../../../scripts/data/reconstruct/ensemble-file";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const dataPath = (p: string): string => resolve(root, "data/survey-1999", p);

/** Two draws of three respondents: a 3-value column, an age column with 37 values, a blank-only column. */
const small = {
  seed: 7,
  drawSeeds: [7, 8],
  variables: ["q1", "q33", "q9"],
  draws: [
    [{ q1: 1, q33: 30, q9: null }, { q1: null, q33: 66, q9: null }, { q1: 4, q33: 41, q9: null }],
    [{ q1: 4, q33: 66, q9: null }, { q1: 1, q33: null, q9: null }, { q1: 2, q33: 30, q9: null }],
  ],
};

function decoded(bytes: Uint8Array): Ensemble {
  const result = decodeEnsemble(bytes);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("bitsFor", () => {
  it("counts blank as one more value", () => {
    expect(bitsFor(0)).toBe(1);
    expect(bitsFor(1)).toBe(1);
    expect(bitsFor(3)).toBe(2);
    expect(bitsFor(4)).toBe(3);
    expect(bitsFor(37)).toBe(6);
    expect(bitsFor(255)).toBe(8);
  });
});

describe("encode → decode", () => {
  const bytes = encodeEnsemble(small);
  const e = decoded(bytes);

  it("keeps the shape and the seeds", () => {
    expect(e.draws).toBe(2);
    expect(e.rows).toBe(3);
    expect(e.seed).toBe(7);
    expect(e.drawSeeds).toEqual([7, 8]);
    expect(e.variables).toEqual(["q1", "q33", "q9"]);
    expect(e.values("q1")).toEqual([1, 2, 4]);
    expect(e.values("nope")).toBeUndefined();
  });

  it("gives back every cell, blank as NaN", () => {
    expect([...(e.column("q1", 0) ?? [])]).toEqual([1, Number.NaN, 4]);
    expect([...(e.column("q33", 0) ?? [])]).toEqual([30, 66, 41]);
    expect([...(e.column("q33", 1) ?? [])]).toEqual([66, Number.NaN, 30]);
    expect([...(e.column("q9", 1) ?? [])]).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    const d1 = e.draw(1);
    expect([...d1.keys()]).toEqual(["q1", "q33", "q9"]);
    expect([...(d1.get("q1") ?? [])]).toEqual([4, 1, 2]);
    expect([...(e.stacked("q1") ?? [])]).toEqual([1, Number.NaN, 4, 4, 1, 2]);
  });

  it("refuses a draw that does not exist (a caller's bug)", () => {
    expect(() => e.draw(2)).toThrow(RangeError);
    expect(() => e.column("q1", -1)).toThrow(/draws 0–1/);
    expect(e.column("nope", 0)).toBeUndefined();
  });

  it("is deterministic: the same draws give the same bytes", () => {
    expect(encodeEnsemble(small)).toEqual(bytes);
  });
});

describe("broken files fail with a Problem that says how to fix them", () => {
  const bytes = encodeEnsemble(small);
  const failure = (b: Uint8Array): string => {
    const r = decodeEnsemble(b);
    expect(r.ok).toBe(false);
    return r.ok ? "" : `${r.error.kind}: ${r.error.message}`;
  };

  it("not an ensemble", () => {
    expect(failure(new TextEncoder().encode("resp_id,q1\n1,2\n"))).toMatch(/ensemble-format: .*does not start with TVRSENS1.*npm run data:build/);
    expect(failure(new Uint8Array(0))).toMatch(/TVRSENS1/);
  });

  it("cut short in the header or in the data", () => {
    expect(failure(bytes.subarray(0, 20))).toMatch(/header runs past the end/);
    expect(failure(bytes.subarray(0, bytes.length - 1))).toMatch(/outside the file/);
  });

  it("a header that is not JSON, or lies about its columns", () => {
    const withHeader = (header: string): Uint8Array => {
      const h = new TextEncoder().encode(header);
      const out = new Uint8Array(12 + h.length + 8);
      out.set(new TextEncoder().encode(ENSEMBLE_MAGIC));
      new DataView(out.buffer).setUint32(8, h.length, true);
      out.set(h, 12);
      return out;
    };
    expect(failure(withHeader("{not json"))).toMatch(/not UTF-8 JSON/);
    const base = { format: "tverrsnitt-ensemble", version: 1, draws: 1, rows: 2, seed: 1, drawSeeds: [1] };
    expect(failure(withHeader(JSON.stringify({ ...base, version: 2, columns: [] })))).toMatch(/version 2/);
    expect(failure(withHeader(JSON.stringify({ ...base, columns: [{ name: "__proto__", values: [1], bits: 1, offset: 0 }] })))).toMatch(/name/);
    expect(failure(withHeader(JSON.stringify({ ...base, columns: [{ name: "q1", values: [1, 2, 3], bits: 1, offset: 0 }] })))).toMatch(/declares 1 bits/);
    expect(failure(withHeader(JSON.stringify({ ...base, drawSeeds: [], columns: [{ name: "q1", values: [1], bits: 1, offset: 0 }] })))).toMatch(/seeds/);
  });
});

describe("the bundled ensemble (data/survey-1999/ensemble.bin)", () => {
  const bytes = new Uint8Array(readFileSync(dataPath("ensemble.bin")));
  const e = decoded(bytes);
  const codebook = parseCodebook(JSON.parse(readFileSync(dataPath("codebook.json"), "utf8")));

  it("holds at least 50 reconstructions of 267 respondents in under 1 MB", () => {
    expect(e.draws).toBeGreaterThanOrEqual(50);
    expect(e.rows).toBe(267);
    expect(new Set(e.drawSeeds).size).toBe(e.draws);
    expect(statSync(dataPath("ensemble.bin")).size).toBeLessThan(1_000_000);
  });

  it("has the codebook's variables, then resp_type, fylke, size_class and knr", () => {
    expect(e.variables).toEqual([...codebook.variables.map((v) => v.name), "resp_type", "fylke", "size_class", "knr"]);
  });

  it("draw 0 is respondents.csv, cell for cell", () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(dataPath("respondents.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;
    const draw0 = e.draw(0);
    for (const name of e.variables) {
      const col = draw0.get(name);
      const expected = rows.map((row) => (row[name] === "" || row[name] === undefined ? Number.NaN : Number(row[name])));
      expect([...(col ?? [])], name).toEqual(expected);
    }
  });
});

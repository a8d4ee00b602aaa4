/**
 * Issue 11 §4: loaders that refuse what they cannot read and lose nothing silently. Each case is a
 * file an attacker or a careless user hands the app; each must be refused with what was found and
 * what was expected (and the fix), or read exactly — never read as plausible-looking "data".
 */
import { readFileSync } from "node:fs";
import { toCSV } from "arquero";
import { describe, expect, it } from "vitest";
import type { Codebook } from "../../../../src/data/codebook";
import type { LoadProblem, LoadResult } from "../../../../src/data/loaders/load-result";
import * as helpers from "./helpers";
import { fixture, readCodebook, smallCodebook } from "./helpers";

const survey = readCodebook("data/survey-1999/codebook.json");

/** The file's refusal (whose message must end with a fix), read through the survey's codebook by default. */
async function refused(bytes: Uint8Array, name: string, codebook: Codebook = survey): Promise<LoadProblem> {
  const problem = await helpers.refused(bytes, { name, codebook });
  expect(problem.message).toMatch(/Fix: /);
  return problem;
}

async function loaded(bytes: Uint8Array, name: string, codebook: Codebook = survey): Promise<LoadResult> {
  return helpers.loaded(bytes, { name, codebook });
}

/** Deterministic pseudo-random bytes (xorshift32), so a failure is reproducible. */
function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const respondentsCsv = readFileSync("data/survey-1999/respondents.csv", "utf8");
const respondentsDat = readFileSync("data/survey-1999/respondents.dat", "utf8");

describe("files that are not survey data are refused", () => {
  it("random bytes", async () => {
    for (const name of ["random.bin", "random.csv", "random.dat", "random.txt"]) {
      const e = await refused(randomBytes(64 * 1024, 0x9e3779b9), name);
      expect(e.message).toMatch(/not a text file|binary/i);
    }
  });

  it("a two-line text file", async () => {
    const e = await refused(encode("Møtereferat 3. mars\nTa med spørreskjemaene.\n"), "notat.txt");
    expect(e.kind).toBe("not-survey-data");
    expect(e.message).toMatch(/None of the codebook's 129 variables are in this file, which has a header of 1 column \("Møtereferat 3\. mars"\)/);
  });

  it("a 64 KB binary file named .csv (a ZIP archive: an .xlsx saved with the wrong name)", async () => {
    const zip = randomBytes(64 * 1024, 12345);
    zip.set([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], 0);
    const e = await refused(zip, "svar.csv");
    expect(e.message).toMatch(/not a text file|binary/i);
  });

  it("a CSV with fewer than half of the codebook's variables, saying what was found and expected", async () => {
    const header = respondentsCsv.split("\n")[0]?.split(",") ?? [];
    const lines = respondentsCsv.trimEnd().split("\n").map((l) => l.split(",").slice(0, 40).join(","));
    const e = await refused(encode(lines.join("\n")), "first-40-columns.csv");
    expect(header.length).toBeGreaterThan(129);
    expect(e.message).toMatch(/40 of the codebook's 129 variables/);
    expect(e.message).toMatch(/at least 65/);
  });

  it("a header-only CSV (no data rows)", async () => {
    const e = await refused(encode(respondentsCsv.split("\n")[0] + "\n"), "header-only.csv");
    expect(e.message).toMatch(/no data rows/i);
  });

  it("a .sav with 0 cases", async () => {
    const e = await refused(fixture("small-zero-cases.sav"), "zero.sav", smallCodebook);
    expect(e.message).toMatch(/0 cases|no cases|no data rows/i);
  });
});

describe("truncated .sav files report the shortfall against the header's case count", () => {
  const whole = fixture("real/respondents-uncompressed.sav");
  // 129 numeric variables: one case is 129 slots of 8 bytes; the dictionary ends where the data begins.
  const caseBytes = 129 * 8;
  const dataStart = whole.byteLength - 267 * caseBytes;

  it("cut after case 100", async () => {
    const e = await refused(whole.slice(0, dataStart + 100 * caseBytes), "cut-100.sav");
    expect(e.message).toMatch(/267/);
    expect(e.message).toMatch(/\b100\b/);
  });

  it("cut right after the dictionary", async () => {
    const e = await refused(whole.slice(0, dataStart), "cut-dictionary.sav");
    expect(e.message).toMatch(/267/);
    expect(e.message).toMatch(/\b0\b/);
  });

  it("the compressed file cut inside its data", async () => {
    const compressed = fixture("real/respondents.sav");
    const e = await refused(compressed.slice(0, Math.floor(compressed.byteLength * 0.6)), "cut.sav");
    expect(e.message).toMatch(/267/);
  });
});

describe("identifiers are kept as text, exactly", () => {
  it(".sav numeric knr (F4.0) keeps its leading zero", async () => {
    const r = await loaded(fixture("small-knr-numeric.sav"), "knr.sav", smallCodebook);
    expect(Array.from(r.table.array("knr"))).toEqual(["0219", "0700", "1902"]);
  });

  it("CSV respondent ids beyond 2^53 stay distinct (no false duplicate)", async () => {
    const csv = "resp_id,q1,q3,q4_1,q4_2,q4_3,q30_1,q33,q34\n9007199254740993,1,1,1,,1,2,45,3\n9007199254740992,2,4,,,,1,52,2\n";
    const r = await loaded(encode(csv), "big-ids.csv", smallCodebook);
    expect(r.report.counts["duplicate-id"]).toBeUndefined();
    expect(Array.from(r.table.array("resp_id"))).toEqual(["9007199254740993", "9007199254740992"]);
  });

  it(".sav text respondent ids beyond 2^53 stay distinct", async () => {
    const r = await loaded(fixture("small-big-ids.sav"), "big-ids.sav", smallCodebook);
    expect(r.report.counts["duplicate-id"]).toBeUndefined();
    expect(Array.from(r.table.array("resp_id"))).toEqual(["9007199254740993", "9007199254740992"]);
  });
});

describe("card images", () => {
  it("tabs (an editor's spaces → tabs) are detected and said, not read shifted", async () => {
    const lines = respondentsDat.split("\n");
    lines[4] = (lines[4] ?? "").replace(/ {8}/, "\t");
    const e = await refused(encode(lines.join("\n")), "respondents-tabs.dat");
    expect(e.message).toMatch(/tab/i);
    expect(e.message).toMatch(/line 5/i);
  });

  it("a card image saved as .txt with a BOM is read as a card image", async () => {
    const r = await loaded(Uint8Array.of(0xef, 0xbb, 0xbf, ...encode(respondentsDat)), "kort.txt");
    expect(r.source.format).toBe("fixed");
    expect(r.report.rows).toBe(267);
    expect(r.report.total).toBe(0);
  });

  it("a card image saved as .txt with a leading blank line is read as a card image", async () => {
    const r = await loaded(encode(`\n${respondentsDat}`), "kort.txt");
    expect(r.source.format).toBe("fixed");
    expect(r.report.rows).toBe(267);
  });
});

describe("encodings and line ends", () => {
  it("UTF-16LE without a BOM", async () => {
    const text = respondentsCsv;
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const r = await loaded(bytes, "utf16.csv");
    expect(r.source.encoding).toBe("utf-16le");
    expect(r.report.rows).toBe(267);
    expect(r.report.total).toBe(0);
    expect(Array.from(r.table.array("name"))).toContain("Sør-Varanger");
  });

  it("Excel's sep=; first line", async () => {
    // Written by Arquero from the bundled respondents, so fields holding ";" are quoted.
    const semicolons = toCSV((await loaded(encode(respondentsCsv), "respondents.csv")).table, { delimiter: ";" });
    const r = await loaded(encode(`sep=;\r\n${semicolons}`), "excel.csv");
    expect(r.source.delimiter).toBe(";");
    expect(r.report.rows).toBe(267);
    expect(r.report.total).toBe(0);
  });

  it("CR-only line ends in a file over 4 M characters split on CR", async () => {
    const [header, ...rows] = respondentsCsv.trimEnd().split("\n");
    const copies = Math.ceil((4.5 * 1024 * 1024) / respondentsCsv.length);
    const body = Array.from({ length: copies }, () => rows.join("\r")).join("\r");
    const r = await loaded(encode(`${header}\r${body}\r`), "mac-classic.csv");
    expect(r.report.rows).toBe(267 * copies);
    expect(r.report.counts["duplicate-id"]).toBe(267 * (copies - 1));
    expect(r.report.total).toBe(267 * (copies - 1));
  });
});

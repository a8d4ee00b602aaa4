import { describe, expect, it } from "vitest";
import { columnView } from "../../../../src/data/loaders/column-table";
import type { LoadProblem } from "../../../../src/data/loaders/load-result";
import { type SavFile, readSav } from "../../../../src/data/loaders/sav-reader";
import { fixture, loaded, refused, smallCodebook as codebook } from "./helpers";

/** readSav's file, or the test fails with its problem. */
function sav(bytes: Uint8Array): SavFile {
  const r = readSav(bytes);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/**
 * A minimal system file written byte by byte after the PSPP format description, in either byte
 * order: q3 (label "Status", missing 9, labels 1 "Har", 9 "Vet ikke") and q33; two cases.
 */
function tinySav(little: boolean, cut?: number, missingRange = false): Uint8Array {
  const buf = new Uint8Array(1024);
  const view = new DataView(buf.buffer);
  let at = 0;
  const ascii = (s: string, width = s.length): void => {
    for (let i = 0; i < width; i++) buf[at + i] = i < s.length ? s.charCodeAt(i) : 0x20;
    at += width;
  };
  const int = (n: number): void => (view.setInt32(at, n, little), (at += 4), undefined);
  const float = (x: number): void => (view.setFloat64(at, x, little), (at += 8), undefined);
  ascii("$FL2");
  ascii("@(#) SPSS DATA FILE test writer", 60);
  [2, 2, 0, 0, 2].forEach(int);
  float(100);
  ascii("01 Jan 99");
  ascii("12:00:00");
  ascii("Tiny", 64);
  at += 3;
  [2, 0, 1, missingRange ? -2 : 1, 0x050800, 0x050800].forEach(int);
  ascii("Q3", 8);
  int(6);
  ascii("Status", 8);
  if (missingRange) [7, 9].forEach(float);
  else float(9);
  [2, 0, 0, 0, 0x050800, 0x050800].forEach(int);
  ascii("Q33", 8);
  [3, 2].forEach(int);
  float(1);
  buf[at++] = 3;
  ascii("Har", 7);
  float(9);
  buf[at++] = 8;
  ascii("Vet ikke", 15);
  [4, 1, 1].forEach(int);
  [7, 20, 1, 12].forEach(int);
  ascii("windows-1252");
  [999, 0].forEach(int);
  [1, 45, 9, -Number.MAX_VALUE].forEach(float);
  return buf.slice(0, cut ?? at);
}

async function savError(bytes: Uint8Array, name = "bad.sav"): Promise<LoadProblem> {
  return refused(bytes, { name, codebook, format: "sav" });
}

describe("readSav / loadSav", () => {
  for (const f of ["small-compressed.sav", "small-uncompressed.sav"]) {
    it(`reads values, labels and missing values written by PSPP (${f})`, async () => {
      const r = await loaded(fixture(f), { name: f, codebook, format: "sav" });
      expect(r.source).toMatchObject({ format: "sav", encoding: "UTF-8", rows: 6 });
      expect(Array.from(r.table.array("q1"))).toEqual([1, 2, 3, 1, 9, 2]);
      expect(Array.from(r.table.array("q4_2"))).toEqual([null, null, 1, 1, null, null]);
      expect(Array.from(r.table.array("name"))).toEqual(["Bærum", null, null, "Tromsø", null, "Åfjord"]);
      expect(r.table.array("knr")[0]).toBe("0219");
      // the 300-byte string spans two segments (record 7.14) and carries a long name (7.13)
      expect(r.table.array("kommentar_til_svaret")[3]).toBe("Svar nr. 4 – lang tekst Tromsø");
      const q3 = r.codebook.variables.find((v) => v.name === "q3");
      expect(q3?.codes.map((c) => [c.code, c.no])).toEqual([
        [1, "Har allerede innført"], [2, "Er i ferd med å innføre"], [3, "Planlegger å innføre"], [4, "Har ingen planer"], [9, "Vet ikke"],
      ]);
      // English kept from the codebook where the code matches; missing values from the file
      expect(q3?.codes[0]?.en).toBe("Har allerede innført");
      expect(q3?.missing).toEqual([9]);
      expect(r.codebook.variables.find((v) => v.name === "q33")?.missing).toEqual([99]);
      expect(r.report.counts).toEqual({ "unknown-variable": 1 });
      expect(r.report.issues[0]).toMatchObject({ variable: "kommentar_til_svaret" });
    });
  }

  it("loads to the same table as the CSV", async () => {
    const csv = await loaded(fixture("small-utf8.csv"), { name: "small-utf8.csv", codebook, format: "csv" });
    for (const f of ["small-compressed.sav", "small-uncompressed.sav"]) {
      const sav = await loaded(fixture(f), { name: f, codebook, format: "sav" });
      expect(sav.table.select(csv.table.columnNames()).objects()).toEqual(csv.table.objects());
    }
  });

  it("decodes a Windows-1252 .sav's strings and labels (æøå)", async () => {
    const r = await loaded(fixture("small-cp1252.sav"), { name: "small-cp1252.sav", codebook, format: "sav" });
    expect(r.source.encoding).toBe("WINDOWS-1252");
    expect(Array.from(r.table.array("name"))).toEqual(["Bærum", null, null, "Tromsø", null, "Åfjord"]);
    expect(r.codebook.variables.find((v) => v.name === "q3")?.codes[1]?.no).toBe("Er i ferd med å innføre");
    const csv = await loaded(fixture("small-utf8.csv"), { name: "small-utf8.csv", codebook, format: "csv" });
    expect(r.table.objects()).toEqual(csv.table.objects());
  });

  it("builds a codebook from the file when none is given", async () => {
    const r = await loaded(fixture("small-compressed.sav"), { name: "x.sav", format: "sav" });
    const q30 = r.codebook.variables.find((v) => v.name === "q30_1");
    expect(q30).toMatchObject({ kind: "categorical", missing: [5] });
    expect(r.codebook.variables.find((v) => v.name === "name")?.kind).toBe("text");
    expect(r.report.total).toBe(0);
  });

  it("reads both byte orders to the same values", () => {
    for (const little of [true, false]) {
      const s = sav(tinySav(little));
      expect(s.bigEndian).toBe(!little);
      expect(s.variables.map((v) => [v.name, v.label, v.missing, [...v.valueLabels]])).toEqual([
        ["Q3", "Status", [9], [[1, "Har"], [9, "Vet ikke"]]],
        ["Q33", undefined, [], []],
      ]);
      expect(s.columns.map((c) => [...columnView(c)])).toEqual([[1, 9], [45, null]]);
    }
  });

  it("reads a user-missing range and spells it out as codes in the codebook", async () => {
    const bytes = tinySav(true, undefined, true);
    expect(sav(bytes).variables[0]).toMatchObject({ missing: [], missingRange: { low: 7, high: 9 } });
    const r = await loaded(bytes, { name: "range.sav", format: "sav" });
    expect(r.codebook.variables[0]).toMatchObject({ name: "Q3", missing: [7, 8, 9] });
    expect(Array.from(r.table.array("Q3"))).toEqual([1, 9]);
  });

  it("refuses what is not a .sav with file name and fix", async () => {
    const e = await savError(fixture("small-utf8.csv"), "data.sav");
    expect(e.kind).toBe("malformed");
    expect(e.message).toMatch(/^data\.sav: This is not an SPSS system file.*Fix: Check that this is an SPSS \.sav file/);
  });

  it("refuses ZLIB-compressed files with the fix", async () => {
    const bytes = tinySav(true);
    bytes.set([0x24, 0x46, 0x4c, 0x33], 0);
    const e = await savError(bytes);
    expect(e.kind).toBe("unsupported");
    expect(e.message).toMatch(/ZLIB.*Fix: Save the file again/);
  });

  it("reports a file cut inside the dictionary with the byte offset", async () => {
    const e = await savError(tinySav(true, 300));
    expect(e.message).toMatch(/The file ends inside .* \(byte \d+\)/);
  });

  it("reports a case cut off in the data", async () => {
    const e = await savError(tinySav(true, tinySav(true).length - 8));
    expect(e.message).toMatch(/Case 2 is cut off after 1 of 2 values/);
  });

  it("reports a damaged header and garbage without hanging", async () => {
    const bad = tinySav(true);
    bad.set([9, 9, 9, 9], 64);
    expect((await savError(bad)).message).toMatch(/layout code/);
    const garbage = tinySav(true);
    garbage.set([0x55, 0x55, 0x55, 0x55], 176);
    expect((await savError(garbage)).message).toMatch(/Unknown record type/);
  });
});

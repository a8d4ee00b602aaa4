import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { toCSV } from "arquero";
import { describe, expect, it } from "vitest";
import { columnsOf } from "../../../../src/data/card-layout";
import { VariableMatcher, allVariables } from "../../../../src/data/variable-names";
import { fixture, loaded, readCodebook } from "./helpers";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const DATA = `${ROOT}data/survey-1999/`;
const codebook = readCodebook(`${DATA}codebook.json`);
const cardNames = columnsOf(codebook).map((f) => f.name);
const haveRespondents = existsSync(`${DATA}respondents.csv`) && existsSync(`${DATA}respondents.dat`);
const bytes = (f: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(DATA + f));

const CP1252_EXTRA: Record<string, number> = { "€": 0x80, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97, "Š": 0x8a, "š": 0x9a, "Ž": 0x8e, "ž": 0x9e };
/** Windows-1252 bytes of a string, written independently of the decoder under test. */
function cp1252(s: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from([...s], (ch) => {
    const c = ch.charCodeAt(0);
    const b = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : CP1252_EXTRA[ch];
    if (b === undefined) throw new Error(`"${ch}" has no Windows-1252 byte`);
    return b;
  });
}

describe("the survey codebook", () => {
  it("maps every variable name and its variants to itself, and refuses V-numbers", () => {
    const m = new VariableMatcher(codebook);
    for (const v of allVariables(codebook)) {
      expect(m.match(v.name)?.name).toBe(v.name);
      expect(m.match(v.name.toUpperCase())?.name).toBe(v.name);
    }
    expect(m.match("Q4.1")?.name).toBe("q4_1");
    expect(m.match("spm 33")?.name).toBe("q33");
    expect(m.match("q28-09")?.name).toBe("q28_9");
    expect(m.match("V12")).toBeUndefined();
    expect(m.match("q41")).toBeUndefined();
  });
});

describe.skipIf(!haveRespondents)("the bundled respondents (data/survey-1999)", () => {
  it("load from CSV and card image to equal tables with a clean report", async () => {
    const csv = await loaded(bytes("respondents.csv"), { name: "respondents.csv", codebook });
    const card = await loaded(bytes("respondents.dat"), { name: "respondents.dat", codebook });
    expect(csv.table.numRows()).toBe(267);
    expect(csv.report.total).toBe(0);
    expect(card.report.total).toBe(0);
    expect(card.table.columnNames()).toEqual(cardNames);
    expect(card.table.objects()).toEqual(csv.table.select(cardNames).objects());
  });

  it("load the same from a Windows-1252, semicolon-separated copy", async () => {
    const csv = await loaded(bytes("respondents.csv"), { name: "respondents.csv", codebook, format: "csv" });
    const latin = cp1252(toCSV(csv.table, { delimiter: ";" }));
    const again = await loaded(latin, { name: "respondents-latin1.csv", codebook, format: "csv" });
    expect(again.source).toMatchObject({ delimiter: ";" });
    expect(again.table.objects()).toEqual(csv.table.objects());
  });
});

describe("PSPP's reading of the card image (test/fixtures/loaders/real)", () => {
  const dat = fixture("real/respondents.dat");
  const sav = fixture("real/respondents.sav");

  it("equals our card loader's, value for value", async () => {
    const ours = await loaded(dat, { name: "respondents.dat", codebook, format: "fixed" });
    const pspp = await loaded(sav, { name: "respondents.sav", codebook, format: "sav" });
    expect(pspp.table.columnNames()).toEqual(cardNames);
    expect(pspp.table.objects()).toEqual(ours.table.objects());
  });

  it("carries the codebook's value labels and missing values through the .sav", async () => {
    const pspp = await loaded(sav, { name: "respondents.sav", format: "sav" });
    for (const name of ["q3", "q4_1", "q30_1", "q34"]) {
      const fromFile = pspp.codebook.variables.find((v) => v.name === name);
      const original = codebook.variables.find((v) => v.name === name);
      expect(fromFile?.codes.map((c) => [c.code, c.no])).toEqual(original?.codes.map((c) => [c.code, c.no.slice(0, 120)]));
      expect(fromFile?.missing).toEqual(original?.missing);
    }
  });
});

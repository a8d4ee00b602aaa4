import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  FYLKESKOMMUNE_COUNTIES_1999,
  indexByKnr,
  lookupKnr,
  parseMunicipalitiesCsv,
  sizeClassDistribution,
  sizeClassOf,
  type Municipality,
} from "../../../src/data/municipalities";
import { buildFiles } from "../../../scripts/data/build-municipalities";

const ROOT = resolve(__dirname, "../../..");
const text = readFileSync(resolve(ROOT, "data/survey-1999/municipalities.csv"), "utf8");
const { rows, errors } = parseMunicipalitiesCsv(text);
const kommuner = rows.filter((r) => r.respType === 1);
const fylkeskommuner = rows.filter((r) => r.respType === 2);
const index = indexByKnr(rows);

describe("municipalities.csv", () => {
  it("parses without errors into 435 kommuner and 18 fylkeskommuner", () => {
    expect(errors).toEqual([]);
    expect(kommuner).toHaveLength(435);
    expect(fylkeskommuner).toHaveLength(18);
    expect(new Set(rows.map((r) => r.knr)).size).toBe(rows.length);
  });

  it("has SSB's number of kommuner in every county (reference README)", () => {
    const expected: Record<number, number> = {
      1: 18, 2: 22, 3: 1, 4: 22, 5: 26, 6: 21, 7: 15, 8: 18, 9: 15, 10: 15, 11: 26, 12: 34,
      14: 26, 15: 38, 16: 25, 17: 24, 18: 45, 19: 25, 20: 19,
    };
    const counted: Record<number, number> = {};
    for (const k of kommuner) counted[k.fylke] = (counted[k.fylke] ?? 0) + 1;
    expect(counted).toEqual(expected);
  });

  it("reproduces SSB's size-class distribution of 1 January 1999 (20/226/128/29/22/10)", () => {
    expect(sizeClassDistribution(kommuner)).toEqual({ 1: 20, 2: 226, 3: 128, 4: 29, 5: 22, 6: 10 });
  });

  it("adds up to Norway's official population on 1 January 1999", () => {
    expect(kommuner.reduce((s, k) => s + k.population1999, 0)).toBe(4_445_329);
    // Each fylkeskommune carries its county's total, so the 18 plus Oslo add up to the same figure.
    const oslo = lookupKnr(index, "301");
    expect(fylkeskommuner.reduce((s, k) => s + k.population1999, 0) + (oslo?.population1999 ?? 0)).toBe(4_445_329);
  });

  it("matches the README's spot checks", () => {
    const spot: [string, string, string, number][] = [
      ["0105", "Sarpsborg", "Østfold", 47122], ["0420", "Eidskog", "Hedmark", 6351], ["0624", "Øvre Eiker", "Buskerud", 14978],
      ["1114", "Bjerkreim", "Rogaland", 2454], ["1151", "Utsira", "Rogaland", 246], ["1613", "Snillfjord", "Sør-Trøndelag", 1111],
      ["1644", "Holtålen", "Sør-Trøndelag", 2263], ["1815", "Vega", "Nordland", 1403], ["2025", "Deatnu - Tana", "Finnmark", 3056],
      ["0301", "Oslo", "Oslo", 502867], ["1201", "Bergen", "Hordaland", 227276], ["1601", "Trondheim", "Sør-Trøndelag", 147187],
    ];
    for (const [knr, name, county, pop] of spot) {
      const m = index.get(knr);
      expect(m, knr).toBeDefined();
      expect([m?.name, m?.fylkeName, m?.population1999]).toEqual([name, county, pop]);
    }
  });

  it("uses 1999 names and codes that later disappeared", () => {
    expect(index.get("0701")?.name).toBe("Borre");
    expect(index.get("0716")?.name).toBe("Våle");
    expect(index.get("1214")?.fylke).toBe(12);
  });

  it("has one fylkeskommune per county except Oslo, numbered fylke × 100, in size class 6", () => {
    expect(fylkeskommuner.map((f) => f.knr)).toEqual([
      "0100", "0200", "0400", "0500", "0600", "0700", "0800", "0900", "1000", "1100", "1200", "1400",
      "1500", "1600", "1700", "1800", "1900", "2000",
    ]);
    expect(FYLKESKOMMUNE_COUNTIES_1999).not.toContain(3);
    expect(index.has("0300")).toBe(false);
    expect(fylkeskommuner.every((f) => f.sizeClass === 6 && f.popStatus === "county_sum")).toBe(true);
    expect(index.get("1600")?.name).toBe("Sør-Trøndelag fylkeskommune");
  });

  it("gives every kommune the size class its population falls in", () => {
    const wrong = kommuner.filter((k) => sizeClassOf(k.population1999) !== k.sizeClass);
    expect(wrong).toEqual([]);
    expect([sizeClassOf(999), sizeClassOf(1000), sizeClassOf(14999), sizeClassOf(15000), sizeClassOf(50000)]).toEqual([1, 2, 3, 4, 6]);
  });

  it("is byte-identical to a fresh build", () => {
    expect(buildFiles()["municipalities.csv"]).toBe(text);
  });
});

describe("parseMunicipalitiesCsv", () => {
  it("looks up printed kommunenummer with or without the leading zero", () => {
    expect(lookupKnr(index, "420")?.name).toBe("Eidskog");
    expect(lookupKnr(index, 420)?.name).toBe("Eidskog");
    expect(lookupKnr(index, "x420")).toBeUndefined();
  });

  it("reports a missing column with the expected header as the fix", () => {
    const r = parseMunicipalitiesCsv("knr,name\n0101,Halden\n");
    expect(r.rows).toEqual([]);
    expect(r.errors[0]?.message).toMatch(/header lacks column "fylke"; expected knr,name,fylke/);
  });

  it("reports a bad field with its row and column and keeps the good rows", () => {
    const csv = "\uFEFFknr,name,fylke,fylke_name,population_1999,pop_status,size_class,resp_type\n" +
      "0101,Halden,1,Østfold,26523,exact,5,1\n0104,Moss,1,Østfold,26242,exact,9,1\n";
    const r = parseMunicipalitiesCsv(csv);
    const halden: Municipality = {
      knr: "0101", name: "Halden", fylke: 1, fylkeName: "Østfold", population1999: 26523, popStatus: "exact", sizeClass: 5, respType: 1,
    };
    expect(r.rows).toEqual([halden]);
    expect(r.errors).toEqual([{ row: 3, column: "size_class", message: '"9" is not a size class 1–6' }]);
  });
});

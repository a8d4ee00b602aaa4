import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { casesWithChallenge, parseThesis, thesisCase, tryParseThesis } from "../../../src/data/thesis";
import { buildThesis, THESIS_SEED } from "../../../scripts/data/thesis-source";
import { locateQuote, QuoteNotFoundError, quoteIsAt } from "../../../scripts/data/locate-quote";

const seed = readFileSync(THESIS_SEED, "utf8");
const onDisk = parseThesis(JSON.parse(readFileSync("data/thesis-2016/thesis.json", "utf8")));

describe("thesis data", () => {
  it("on disk equals a fresh build from the seed (regenerate with npx tsx scripts/data/thesis-source.ts)", () => {
    expect(onDisk).toEqual(buildThesis(seed));
  });

  it("cites, for every field, lines that really hold the quoted words", () => {
    const cited = [
      ...onDisk.cases.flatMap((c) => Object.entries(c).flatMap(([k, v]) => (k === "id" || typeof v !== "object" ? [] : [v]))),
      ...onDisk.numbers.map((n) => n.cited),
      ...onDisk.literature.map((l) => l.cited),
      ...onDisk.tables.map((t) => t.caption),
    ];
    expect(cited.length).toBeGreaterThan(90);
    for (const c of cited) expect(quoteIsAt(seed, c.quote, c.lines), c.quote).toBe(true);
  });

  it("maps every comparative table (Tabell 2, 5, 7–14) to the fields that carry it", () => {
    expect(onDisk.tables.map((t) => t.id)).toEqual(["2", "5", "7", "8", "9", "10", "11", "12", "13", "14"]);
    const fields = new Set(["literature", ...Object.keys(thesisCase(onDisk, "A"))]);
    for (const t of onDisk.tables) for (const field of t.fields) expect(fields.has(field), `${t.id} → ${field}`).toBe(true);
  });

  it("matches Tabell 5/11: introduction year and size of each case", () => {
    const years = onDisk.cases.map((c) => [c.id, c.introduced.value, c.size.value]);
    expect(years).toEqual([
      ["A", 2006, "small"],
      ["B", 2003, "large"],
      ["C", 2003, "large"],
      ["D", 2011, "small"],
    ]);
  });

  it("reproduces the comparative statements of chapter 5 from the per-case fields", () => {
    // "Brukere, medarbeidere, og økonomi er tre perspektiver som alle kommunene benytter seg av,
    // tre av kommunene har også utviklet et samfunnsperspektiv" (Tabell 12 text).
    for (const p of ["Brukere", "Medarbeidere", "Økonomi"]) {
      expect(onDisk.cases.every((c) => c.perspectives.value.includes(p))).toBe(true);
    }
    expect(onDisk.cases.filter((c) => c.perspectives.value.includes("Samfunn")).map((c) => c.id)).toEqual(["A", "B", "D"]);
    expect(thesisCase(onDisk, "B").perspectives.value).toHaveLength(5);
    // Benchmarking: "Dette var de to små kommunene, altså kommune A og D".
    expect(onDisk.cases.filter((c) => c.benchmarking.value).map((c) => c.id)).toEqual(["A", "D"]);
    // Political governance named by C and D; maintenance by D; data collection by B (section 5.3).
    expect(casesWithChallenge(onDisk, "political-governance")).toEqual(["C", "D"]);
    expect(casesWithChallenge(onDisk, "maintenance")).toEqual(["D"]);
    expect(casesWithChallenge(onDisk, "data-collection")).toEqual(["B"]);
    expect(casesWithChallenge(onDisk, "hard-to-measure")).toEqual(["A", "B", "C", "D"]);
    // Only D shares one card across all service areas; C and D use traffic-light thresholds.
    expect(onDisk.cases.filter((c) => c.cardScope.value === "shared").map((c) => c.id)).toEqual(["D"]);
    expect(onDisk.cases.filter((c) => c.thresholds.value === "traffic-light").map((c) => c.id)).toEqual(["C", "D"]);
  });

  it("keeps the national figures the thesis cites (26 % 2004, 56 % 2014, 65 % using or planning)", () => {
    const byId = Object.fromEntries(onDisk.numbers.map((n) => [n.id, n.value]));
    expect(byId).toMatchObject({ "bms-2004": 26, "bms-2014": 56, "bms-using-or-planning": 65, "indicators-per-card": 20 });
    expect(onDisk.literature.filter((l) => l.kind === "challenge")).toHaveLength(8);
    expect(onDisk.literature.filter((l) => l.kind === "success-factor")).toHaveLength(5);
  });

  it("rejects malformed thesis JSON naming the path, and unknown quotes naming the quote", () => {
    expect(() => parseThesis({ cases: [{ id: "E" }], numbers: [], literature: [], challengeLabels: {} })).toThrow(/^thesis\.json is not valid: /);
    const result = tryParseThesis({ cases: [{ id: "A", size: { value: "small" } }, {}, {}, {}], numbers: [], literature: [], challengeLabels: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues).toContain("cases[0].size.quote must be the thesis words");
    expect(() => locateQuote(seed, "Kommune E innførte BMS i 1999", "test")).toThrow(QuoteNotFoundError);
  });
});

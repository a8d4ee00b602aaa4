import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { caseFindings, casesWithChallenge, parseThesis, thesisCase, tryParseThesis } from "../../../src/data/thesis";
import { buildThesis, caseSections, THESIS_SEED } from "../../../scripts/data/thesis-source";
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
      ...onDisk.challengeRows.map((r) => r.cited),
      ...onDisk.caseFindings.map((f) => f.cited),
    ];
    expect(cited.length).toBeGreaterThan(130);
    for (const c of cited) expect(quoteIsAt(seed, c.quote, c.lines), c.quote).toBe(true);
  });

  it("maps every comparative table (Tabell 2, 5, 7–14) to the fields that carry it", () => {
    expect(onDisk.tables.map((t) => t.id)).toEqual(["2", "5", "7", "8", "9", "10", "11", "12", "13", "14"]);
    const fields = new Set(["literature", "challengeRows", "caseFindings", ...Object.keys(thesisCase(onDisk, "A"))]);
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

  it("cites each case's own words per challenge, from its chapter or the comparative chapter 5, and Tabell 14's rows inside Tabell 14", () => {
    // The section map is read from the headings of the seed; check it against the line numbers by hand.
    const sections = caseSections(seed);
    expect(sections.chapters).toEqual({ A: [2020, 2587], B: [2588, 3129], C: [3130, 3649], D: [3650, 4208] });
    expect(sections.tabell14).toEqual([5414, 5447]);
    for (const f of onDisk.caseFindings) {
      const [from, to] = f.cited.lines;
      const chapter = sections.chapters[f.caseId];
      const inOwnChapter = from >= chapter[0] && to <= chapter[1];
      const inChapter5 = from >= sections.comparative[0] && to <= sections.comparative[1];
      expect(inOwnChapter || inChapter5, `${f.caseId} ${f.topic} at ${from}–${to}`).toBe(true);
    }
    for (const r of onDisk.challengeRows) expect(r.cited.lines[0], r.id).toBeGreaterThanOrEqual(5414);
    // Tabell 14 lists eight challenges; each has its row and at least one case that met it.
    expect(onDisk.challengeRows.map((r) => r.id)).toEqual(["adaptation", "indicators", "hard-to-measure", "reporting-times", "mindset", "data-collection", "maintenance", "political-governance"]);
    for (const r of onDisk.challengeRows) expect(casesWithChallenge(onDisk, r.id).length, r.id).toBeGreaterThan(0);
  });

  it("quotes, for adaptation, indicators and mindset, words about that challenge (not another one)", () => {
    // The words each challenge is about, as the thesis writes them (section 5.3 and the case chapters).
    const topicWords: Record<string, RegExp> = {
      adaptation: /tilpass|målekart|målekort/i,
      indicators: /indikator/i,
      mindset: /tankesett|på alvor|forstå viktigheten/i,
    };
    for (const [challenge, words] of Object.entries(topicWords)) {
      const quotes = onDisk.caseFindings.filter((f) => f.topic === `challenge:${challenge}`);
      expect(quotes.map((q) => q.caseId), challenge).toEqual(["A", "B", "C", "D"]);
      for (const q of quotes) expect(q.cited.quote, `${challenge} ${q.caseId}`).toMatch(words);
      // None of them is the data-access or politics sentence quoted for another challenge.
      for (const q of quotes) expect(q.cited.quote).not.toMatch(/tilgang til nødvendig data|politisk|folkevalgt/i);
    }
    expect(caseFindings(onDisk, "challenge:political-governance").map((f) => f.caseId)).toEqual(["C", "D"]);
    for (const f of caseFindings(onDisk, "challenge:political-governance")) expect(f.cited.quote).toMatch(/politisk|folkevalgt/i);
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

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCodebook, codebookJson, CODEBOOK_DOC_PATH, CODEBOOK_PATH } from "../../../scripts/data/codebook-source";
import { renderCodebookMarkdown } from "../../../scripts/data/codebook-markdown";
import { CardFormatError, cardWidth, columnsOf, formatCardRecord, parseCardRecord } from "../../../src/data/card-layout";
import type { Codebook } from "../../../src/data/codebook";
import { parseCodebook, tryParseCodebook, type CodebookProblem } from "../../../src/data/parse-codebook";

const codebook = buildCodebook();
const byName = new Map(codebook.variables.map((v) => [v.name, v]));

function range(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}_${i + 1}`);
}

/** The variable list of the team brief, written out independently of the source script. */
const EXPECTED_NAMES = [
  "resp_id", "q1", ...range("q2", 5), "q3", ...range("q4", 10), ...range("q5", 4), "q6",
  "q7", ...range("q8", 10), "q9", ...range("q10", 4), "q11",
  "q12", ...range("q13", 10), ...range("q14", 3), "q15",
  "q16", ...range("q17", 10), ...range("q18", 3), "q19",
  "q20", ...range("q21", 10), ...range("q22", 3), "q23",
  "q24", ...range("q25", 10), ...range("q26", 4), "q27",
  ...range("q28", 9), ...range("q29", 7), ...range("q30", 5), ...range("q31", 4), "q32", "q33", "q34",
];

/** A deep copy that tests may mutate. */
function copy(): Record<string, unknown> {
  const parsed: unknown = JSON.parse(codebookJson(codebook));
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("codebook JSON is not an object");
  return { ...parsed };
}

function errorOf(input: unknown): CodebookProblem {
  const result = tryParseCodebook(input, "broken.json");
  if (result.ok) throw new Error("expected the codebook to be rejected");
  return result.error;
}

describe("codebook content", () => {
  it("has every questionnaire variable, in printed order, and nothing else", () => {
    expect(codebook.variables.map((v) => v.name)).toEqual(EXPECTED_NAMES);
    expect(EXPECTED_NAMES).toHaveLength(129);
  });

  it("covers card columns 1..133 exactly once, in order, with no gaps", () => {
    expect(codebook.recordLength).toBe(133);
    const fields = columnsOf(codebook);
    let next = 1;
    for (const f of fields) {
      expect(f.start, `${f.name} starts where the previous field ended`).toBe(next);
      next = f.end + 1;
    }
    expect(next - 1).toBe(133);
    expect(cardWidth(codebook)).toBe(133);
  });

  it("places the printed margin columns where the questionnaire prints them", () => {
    const at = (name: string) => byName.get(name)?.columns;
    expect(at("resp_id")).toMatchObject({ start: 1, end: 4 });
    expect(at("q1")).toMatchObject({ start: 5, end: 5 });
    expect(at("q2_5")).toMatchObject({ start: 10, end: 10 });
    expect(at("q4_1")).toMatchObject({ start: 12 });
    expect(at("q9")).toMatchObject({ start: 38 });
    expect(at("q26_4")).toEqual({ start: 103, end: 103 });
    expect(at("q29_1")).toEqual({ start: 114, end: 114 });
    expect(at("q30_5")).toEqual({ start: 125, end: 125 });
    expect(at("q33")).toEqual({ start: 131, end: 132 });
    expect(at("q34")).toEqual({ start: 133, end: 133 });
  });

  it("flags exactly the cut or missing columns as inferred, each with a reason", () => {
    const inferred = codebook.variables.filter((v) => v.columns.inferred).map((v) => v.name);
    expect(inferred).toEqual(["q17_1", "q26_1", "q26_2", "q26_3", "q27", ...range("q28", 9), "q30_1", "q30_2", "q30_3", "q30_4"]);
    for (const name of inferred) expect(byName.get(name)?.columns.note, name).toMatch(/extract/);
  });

  it("gives every categorical and dichotomy variable its codes, and uses the printed missing codes", () => {
    for (const v of codebook.variables) {
      if (v.kind === "categorical" || v.kind === "dichotomy") expect(v.codes.length, v.name).toBeGreaterThan(0);
      for (const m of v.missing) expect(v.codes.map((c) => c.code), `${v.name} labels its missing code`).toContain(m);
    }
    expect(byName.get("q1")?.missing).toEqual([9]);
    expect(byName.get("q28_1")?.missing).toEqual([9]);
    for (const name of range("q30", 5)) expect(byName.get(name)?.missing).toEqual([5]);
    expect(byName.get("q3")?.codes.map((c) => c.code)).toEqual([1, 2, 3, 4]);
    expect(byName.get("q3")?.codes[0]?.no).toBe("Har allerede innført serviceerklæringer");
    expect(byName.get("q34")?.codes.map((c) => c.no)).toEqual([
      "0-999 innbyggere", "1000 – 4999 innbyggere", "5000 – 14999 innbyggere",
      "15000 – 24999 innbyggere", "25000 – 49999 innbyggere", "50000 og flere innbyggere",
    ]);
    expect(byName.get("q33")).toMatchObject({ kind: "numeric", range: { min: 20, max: 70 } });
  });

  it("orders the ten service areas as printed, Skole first and Sentraladministrasjon last", () => {
    for (const q of ["q4", "q8", "q13", "q17", "q21", "q25"]) {
      expect(byName.get(`${q}_1`)?.label?.no).toBe("Skole");
      expect(byName.get(`${q}_10`)?.label?.no).toBe("Sentraladministrasjon");
    }
  });

  it("records the questionnaire's oddities in the notes", () => {
    expect(byName.get("q23")?.note).toMatch(/"6\."/);
    expect(byName.get("q9")?.note).toMatch(/skip applies/);
    expect(byName.get("q17_1")?.note).toMatch(/Skole/);
    expect(byName.get("q30_1")?.note).toMatch(/code 5/);
  });

  it("has the six printed skip rules, each blanking exactly the questions between it and its goto", () => {
    const printed = codebook.skipRules.map((r) => [r.variable, r.codes, r.goto]);
    expect(printed).toEqual([
      ["q3", [4], "q7"], ["q7", [4], "q12"], ["q12", [4], "q16"],
      ["q16", [4], "q20"], ["q20", [4], "q24"], ["q24", [4], "q28"],
    ]);
    for (const rule of codebook.skipRules) {
      const from = Number(rule.variable.slice(1));
      const to = Number(rule.goto.slice(1));
      const between = EXPECTED_NAMES.filter((n) => {
        const q = /^q(\d+)/.exec(n);
        return q !== null && Number(q[1]) > from && Number(q[1]) < to;
      });
      expect(rule.skips, rule.id).toEqual(between);
      for (const name of rule.skips) expect(byName.has(name), name).toBe(true);
    }
    const q7 = codebook.skipRules.find((r) => r.variable === "q7");
    expect(q7?.skips).toHaveLength(16);
    expect(q7?.skips).toContain("q9");
  });

  it("defines the q2 and q31 multiple-response sets as dichotomies counted at 1", () => {
    expect(codebook.sets).toEqual([
      expect.objectContaining({ name: "q2", variables: range("q2", 5), countedValue: 1 }),
      expect.objectContaining({ name: "q31", variables: range("q31", 4), countedValue: 1 }),
    ]);
    for (const set of codebook.sets) {
      for (const name of set.variables) expect(byName.get(name)).toMatchObject({ kind: "dichotomy", set: set.name });
    }
  });

  it("carries the derived variables off the card, with the 19 counties of 1999", () => {
    const derived = codebook.derived ?? [];
    expect(derived.map((v) => v.name)).toEqual(["resp_type", "fylke", "size_class", "knr", "name", "provenance"]);
    for (const v of derived) expect(v.columns).toMatchObject({ start: 0, end: 0 });
    const fylke = derived.find((v) => v.name === "fylke");
    expect(fylke?.codes).toHaveLength(19);
    expect(fylke?.codes.map((c) => c.code)).not.toContain(13);
    expect(fylke?.codes.find((c) => c.code === 20)?.no).toBe("Finnmark");
  });
});

describe("codebook files", () => {
  it("codebook.json on disk is byte-identical to buildCodebook()", () => {
    expect(readFileSync(CODEBOOK_PATH, "utf8")).toBe(codebookJson(buildCodebook()));
  });

  it("docs/data/codebook.md on disk is the rendering of the same codebook", () => {
    expect(readFileSync(CODEBOOK_DOC_PATH, "utf8")).toBe(renderCodebookMarkdown(buildCodebook()));
  });

  it("parses the JSON on disk back to the same codebook", () => {
    const parsed: unknown = JSON.parse(readFileSync(CODEBOOK_PATH, "utf8"));
    expect(parseCodebook(parsed)).toEqual(codebook);
  });
});

describe("parseCodebook", () => {
  it("rejects a non-object with a message naming the file", () => {
    expect(() => parseCodebook([], "x.json")).toThrow(/x\.json is not valid: \$: expected an object/);
  });

  it("names the path of a bad field and lists every problem", () => {
    const doc = copy();
    const vars = doc.variables;
    if (!Array.isArray(vars)) throw new Error("no variables");
    vars[3] = { ...vars[3], kind: "ordinal" };
    vars[5] = { ...vars[5], columns: { start: 12, end: 11 } };
    const error = errorOf(doc);
    expect(error.kind).toBe("data-file");
    expect(error.issues.map((i) => i.path)).toEqual(["variables[3].kind", "variables[5].columns"]);
    expect(error.message).toMatch(/variables\[3\]\.kind: unknown kind "ordinal"/);
    expect(error.issues[0]?.fix).toMatch(/categorical/);
  });

  it("reports overlapping columns, unknown skip targets and missing set members", () => {
    const doc = copy();
    const vars = doc.variables;
    const rules = doc.skipRules;
    const sets = doc.sets;
    if (!Array.isArray(vars) || !Array.isArray(rules) || !Array.isArray(sets)) throw new Error("bad copy");
    vars[1] = { ...vars[1], columns: { start: 4, end: 4 } };
    rules[0] = { ...rules[0], skips: ["q4_1", "q99"] };
    sets[1] = { ...sets[1], variables: ["q31_1", "q31_9"] };
    const paths = errorOf(doc).issues.map((i) => i.path);
    expect(paths).toContain("variables[1].columns");
    expect(paths).toContain("skipRules[0].skips[1]");
    expect(paths).toContain("sets[1].variables[1]");
  });

  it("rejects a categorical variable without codes and a missing recordLength", () => {
    const doc = copy();
    delete doc.recordLength;
    const vars = doc.variables;
    if (!Array.isArray(vars)) throw new Error("no variables");
    vars[2] = { ...vars[2], kind: "categorical", codes: [] };
    const paths = errorOf(doc).issues.map((i) => i.path);
    expect(paths).toContain("$.recordLength");
    expect(paths).toContain("variables[2].codes");
  });
});

describe("card records", () => {
  const record = { resp_id: 42, q1: 2, q2_1: 1, q3: 4, q7: 1, q8_1: 9, q30_5: 5, q33: 47, q34: 6, knr: "0701" };

  it("writes each value into its printed columns, zero-padded, blanks elsewhere", () => {
    const line = formatCardRecord(codebook, record);
    expect(line).toHaveLength(133);
    expect(line.slice(0, 4)).toBe("0042");
    expect(line.charAt(4)).toBe("2");
    expect(line.charAt(5)).toBe("1");
    expect(line.charAt(6)).toBe(" ");
    expect(line.charAt(10)).toBe("4");
    expect(line.charAt(26)).toBe("1");
    expect(line.charAt(27)).toBe("9");
    expect(line.charAt(124)).toBe("5");
    expect(line.slice(130, 132)).toBe("47");
    expect(line.charAt(132)).toBe("6");
    expect(line.replace(/ /g, "")).toBe("004221419547" + "6");
  });

  it("reads a written line back to the same values, blanks as null", () => {
    const { values, issues } = parseCardRecord(codebook, `${formatCardRecord(codebook, record)}\r`, 1);
    expect(issues).toEqual([]);
    const { knr: _knr, ...onCard } = record;
    for (const [name, value] of Object.entries(onCard)) expect(values[name], name).toBe(value);
    expect(values.q4_1).toBeNull();
    expect(Object.keys(values)).toHaveLength(129);
  });

  it("refuses values that do not fit their field", () => {
    expect(() => formatCardRecord(codebook, { q1: 12, q33: -3 })).toThrow(CardFormatError);
    try {
      formatCardRecord(codebook, { q1: 12, q33: -3 });
    } catch (e) {
      expect(e instanceof CardFormatError ? e.problems.map((p) => p.variable) : []).toEqual(["q1", "q33"]);
    }
  });

  it("reports short lines, long lines and letters without throwing", () => {
    const short = parseCardRecord(codebook, "0007 1", 3);
    expect(short.issues).toEqual([expect.objectContaining({ kind: "short-line", row: 3, column: 7 })]);
    expect(short.values.resp_id).toBe(7);
    expect(short.values.q2_1).toBe(1);
    expect(short.values.q34).toBeNull();
    const long = parseCardRecord(codebook, `${" ".repeat(133)}XYZ`, 4);
    expect(long.issues.map((i) => i.kind)).toEqual(["long-line"]);
    const letters = parseCardRecord(codebook, `00a1${" ".repeat(129)}`, 5);
    expect(letters.issues).toEqual([expect.objectContaining({ kind: "not-a-number", variable: "resp_id", column: 1, row: 5 })]);
    expect(letters.values.resp_id).toBeNull();
  });

  it("ignores derived variables, which have no columns", () => {
    const withDerived: Codebook = { ...codebook, variables: [...codebook.variables, ...(codebook.derived ?? [])] };
    expect(columnsOf(withDerived)).toHaveLength(129);
  });
});

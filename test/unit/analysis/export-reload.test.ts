/**
 * Every CSV the app writes loads back through `loadFile` with the same values: the survey itself
 * (codes, with value labels beside them, in every dialect the exporter offers), a result table with
 * numbers and untrusted text, and a hostile-string corpus (where the only change is OWASP's
 * apostrophe on formula-like text, and the loader's trimming of blanks at the ends of a field).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import * as aq from "arquero";
import { codebookColumns, tableToCsv, type CsvOptions } from "../../../src/analysis/export-table";
import { guardFormula } from "../../../src/analysis/csv-formula-guard";
import { loadFile } from "../../../src/data/loaders/load-file";
import { parseCodebook } from "../../../src/data/parse-codebook";
import type { LoadResult } from "../../../src/data/loaders/load-result";
import { hostileCorpus } from "../../fixtures/exports/hostile-corpus";

const repo = resolve(import.meta.dirname, "../../..");
const codebook = parseCodebook(JSON.parse(readFileSync(resolve(repo, "data/survey-1999/codebook.json"), "utf8")), "codebook.json");
/** An export read back: as the survey, or (result tables, the hostile corpus) as a plain table. */
async function load(text: string, name = "export.csv", readAs: "survey" | "table" = "table"): Promise<LoadResult> {
  const loaded = await loadFile(new TextEncoder().encode(text), { name, codebook, readAs });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

describe("exports load back through loadFile", async () => {
  const survey = await load(readFileSync(resolve(repo, "data/survey-1999/respondents.csv"), "utf8"), "respondents.csv", "survey");
  const names = survey.table.columnNames();
  const known = new Set([...codebook.variables, ...(codebook.derived ?? [])].map((v) => v.name));

  const dialects: [string, CsvOptions][] = [
    ["labels beside codes (default)", {}],
    ["codes only", { values: "codes" }],
    ["Norwegian Excel: ; and decimal comma, BOM", { delimiter: ";", decimal: ",", bom: true }],
    ["tab-separated", { delimiter: "\t", values: "codes" }],
  ];
  it.each(dialects)("the survey, %s: every codebook column maps and keeps its values", async (_name, options) => {
    const csv = tableToCsv(survey.table, { ...options, columns: codebookColumns(codebook, names) });
    const back = await load(csv, "export.csv", "survey");
    const mapped = back.table.columnNames().filter((n) => known.has(n));
    expect(mapped).toEqual(names.filter((n) => known.has(n)));
    expect(mapped.length).toBe(135);
    for (const name of mapped) expect(back.table.array(name), name).toEqual(survey.table.array(name));
    expect(back.report.counts["not-a-number"] ?? 0).toBe(0);
    // The label columns come back as text columns of their own, one per labelled variable.
    const labelColumns = back.table.columnNames().filter((n) => n.endsWith("_label"));
    expect(labelColumns.length).toBe(options.values === "codes" ? 0 : codebookColumns(codebook, names).filter((c) => c.valueLabels).length);
  });

  it("a result table: numbers stay numbers (to the last digit), text stays text", async () => {
    const result = aq.table({
      model: ["Serviceerklæringer", "Brukerundersøkelser", "Balansert målstyring"],
      n: [253, 251, 240],
      percent: [6.324110671936759, 0.00000015, 100],
      r: [-0.12345678901234568, 1e-7, 0.5],
    });
    const back = await load(tableToCsv(result));
    for (const name of result.columnNames()) expect(back.table.array(name), name).toEqual(result.array(name));
  });

  it("the hostile corpus as cell text: same text back, apostrophe on formula-like text", async () => {
    const corpus = hostileCorpus();
    const text = corpus.map((c) => c.text);
    const back = await load(tableToCsv(aq.table({ nr: corpus.map((_, i) => i + 1), text })));
    const expected = text.map((t) => {
      const shown = guardFormula(t).trim();
      return shown === "" ? null : shown;
    });
    expect(back.table.array("text")).toEqual(expected);
    expect(back.table.array("nr")).toEqual(corpus.map((_, i) => i + 1));
  });
});

/**
 * 04's per-table captions and inconsistency headings name a table or passage as the report does
 * (its printed caption, or "I teksten: …" with the passage's description), in both languages, and
 * never by the build's id ("text:gender", "list:two-models").
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { missingCodesOf, reconcile } from "../../../src/analysis/reconciliation/reconcile";
import { renderInconsistencies, renderReconciledTable } from "../../../src/analysis/reconciliation/render-reconciliation";
import type { Locale } from "../../../src/base/locale/locale";
import { parseCodebook } from "../../../src/data/parse-codebook";
import { parsePrintedTables } from "../../../src/data/printed-tables";
import { nodeHost, repo, residualRecords } from "../notebooks/headless-survey";

const dataFile = (name: string): string => path.join(repo, "data/survey-1999", name);
const printed = parsePrintedTables(JSON.parse(readFileSync(dataFile("printed-tables.json"), "utf8")));
const codebook = parseCodebook(JSON.parse(readFileSync(dataFile("codebook.json"), "utf8")), "codebook.json");

const rec = reconcile(printed, residualRecords(), missingCodesOf(codebook));
const ids = printed.tables.map((t) => t.id).filter((id) => !/^[\d.]+$/.test(id));
const document = (): Document => nodeHost().document;

describe.each<[Locale, RegExp]>([
  ["nb", /^(Tabell \d|Figur \d|I teksten: |Liste i teksten: )/],
  ["en", /^(Tabell \d|Figur \d|In the text: |List in the text: )/],
])("04's captions in %s", (locale, named) => {
  it("name every table as the report does, with no build id", () => {
    expect(ids.length).toBeGreaterThan(10);
    const captions = rec.tables.map((t) => renderReconciledTable(document(), rec, t, { locale }).querySelector("caption")?.textContent ?? "");
    expect(captions.filter((c) => !named.test(c))).toEqual([]);
    expect(captions.filter((c) => ids.some((id) => c.includes(id)))).toEqual([]);
    // The passage's own description is there: "Kjønn på administrasjonssjefene".
    const gender = printed.tables.find((t) => t.id === "text:gender");
    expect(captions.some((c) => gender !== undefined && c.includes(gender.caption))).toBe(true);
  });

  it("name the passages an inconsistency concerns without a build id", () => {
    const headings = [...renderInconsistencies(document(), rec, { locale }).querySelectorAll("h3")].map((h) => h.textContent ?? "");
    expect(headings.length).toBe(printed.inconsistencies.length);
    expect(headings.filter((h) => /\b(text|list):\S/.test(h))).toEqual([]);
    expect(headings.find((h) => h.startsWith("two-model-list-incomplete"))).toMatch(locale === "nb" ? /Liste i teksten: De kommunene/ : /List in the text: De kommunene/);
  });
});

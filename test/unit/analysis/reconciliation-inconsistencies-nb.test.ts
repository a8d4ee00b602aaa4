/**
 * 04's inconsistencies read in bokmål when the app is in norsk: each one recorded in
 * printed-tables.json has a bokmål text by its id (and no id there is unknown), each text keeps every
 * figure of the recorded one, in order, and the rendered section shows the language's text — in
 * norsk none of the recorded English sentences, in English exactly them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { missingCodesOf, reconcile } from "../../../src/analysis/reconciliation/reconcile";
import { renderInconsistencies } from "../../../src/analysis/reconciliation/render-reconciliation";
import { inconsistenciesNb } from "../../../src/analysis/reconciliation/inconsistencies-nb";
import { parseCodebook } from "../../../src/data/parse-codebook";
import { parsePrintedTables } from "../../../src/data/printed-tables";
import { nodeHost, repo, residualRecords } from "../notebooks/headless-survey";

const dataFile = (name: string): string => path.join(repo, "data/survey-1999", name);
const printed = parsePrintedTables(JSON.parse(readFileSync(dataFile("printed-tables.json"), "utf8")));
const codebook = parseCodebook(JSON.parse(readFileSync(dataFile("codebook.json"), "utf8")), "codebook.json");
const fields = ["description", "reasoning", "resolution"] as const;

/** The figures of a text, in order: digit runs (a decimal comma or point splits them alike). */
const figures = (text: string): string[] => text.match(/\d+/g) ?? [];

describe("04's inconsistencies in bokmål", () => {
  it("has a bokmål text for every recorded inconsistency and for nothing else", () => {
    expect(Object.keys(inconsistenciesNb).sort()).toEqual(printed.inconsistencies.map((i) => i.id).sort());
  });

  it("keeps every figure of the recorded text, in order", () => {
    const off = printed.inconsistencies.flatMap((inc) =>
      fields.flatMap((f) => {
        const nb = inconsistenciesNb[inc.id]?.[f] ?? "";
        return figures(nb).join(" ") === figures(inc[f]).join(" ") ? [] : [`${inc.id}.${f}: ${figures(inc[f]).join(" ")} ≠ ${figures(nb).join(" ")}`];
      }),
    );
    expect(off).toEqual([]);
  });

  it("is what 04 shows in norsk; English shows the recorded text", () => {
    const rec = reconcile(printed, residualRecords(), missingCodesOf(codebook));
    const texts = (locale: "nb" | "en"): string[] => [...renderInconsistencies(nodeHost().document, rec, { locale }, inconsistenciesNb).querySelectorAll("dd")].map((d) => d.textContent ?? "");
    const recorded = printed.inconsistencies.flatMap((inc) => fields.map((f) => inc[f]));
    expect(texts("en")).toEqual(recorded);
    const nb = texts("nb");
    expect(nb).toHaveLength(recorded.length);
    expect(nb.filter((t) => recorded.includes(t))).toEqual([]);
    expect(nb).toContain(inconsistenciesNb["t25-tqm-total"]?.description);
  });
});

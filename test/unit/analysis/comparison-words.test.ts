/**
 * A printed comparison's own words in the selection's language: its note over the table and the
 * lines of its audit block (the percent base per row, what a grid cell shows, the test). In norsk
 * they were English under bokmål headers (stop 29); in English they stay as they were.
 */
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { comparePrintedWithEvidence } from "../../../src/analysis/evidence/compare-evidence";
import { renderComparison } from "../../../src/analysis/render-table";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import type { Locale } from "../../../src/base/locale/locale";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

let survey: Survey;
beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
});

/** Tabell `id` compared and drawn in `locale` (as 01 draws Tabell 2.6: a grid): its note and its audit lines. */
function drawn(id: string, locale: Locale, layout?: "grid"): { note: string; audit: string[] } {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const table = survey.printed?.tables.find((t) => t.id === id);
  if (!table) throw new Error(`no Tabell ${id}`);
  const cmp = comparePrintedWithEvidence(applyFilter(survey, EMPTY_FILTER, { locale }), table);
  const el = renderComparison(document, cmp, { locale, ...(layout ? { layout } : {}) });
  return { note: cmp.note, audit: [...el.querySelectorAll(".tv-audit > .tv-audit-line")].map((p) => p.textContent ?? "") };
}

describe("a printed comparison's words", () => {
  it("are bokmål in norsk: the note, the percent base per row and the test", () => {
    const { note, audit } = drawn("2.2", "nb");
    expect(note).toMatch(/^(Alle \d+ trykte tall gjenskapes|\d+ av \d+ trykte tall avviker)/);
    expect(audit).toContainEqual(expect.stringMatching(/^Prosentgrunnlag per rad som trykt: (gyldige|svar|respondenter|radens sum)(, .+)?\. Test: ingen \(beskrivende; trykt mot beregnet\)\.$/));
    expect(audit.join("\n")).not.toMatch(/Percent base|printed figures|Test: none|values drawn/);
  });

  it("are bokmål in a grid (Tabell 2.6): what a cell shows", () => {
    const { audit } = drawn("2.6", "nb", "grid");
    expect(audit).toContainEqual(expect.stringMatching(/^Hver celle: beregnet \(trykt\).*; ✗ = avviker\. Test: ingen \(beskrivende; trykt mot beregnet\)\.$/));
    expect(audit.join("\n")).not.toMatch(/Each cell|Test: none/);
  });

  it("stay English in English", () => {
    expect(drawn("2.2", "en").audit).toContainEqual(expect.stringMatching(/^Percent base per row as printed: .+\. Test: none \(descriptive; printed vs recomputed\)\.$/));
    expect(drawn("2.6", "en", "grid").audit).toContainEqual(expect.stringMatching(/^Each cell: recomputed \(printed\)/));
    expect(drawn("2.2", "en").note).toMatch(/printed figures (are reproduced|differ)/);
  });
});

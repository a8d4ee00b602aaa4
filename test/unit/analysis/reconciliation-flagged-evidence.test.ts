/**
 * Issue 12 on notebook 04: the flagged table ("Figures that differ"), on screen when the reader is
 * mid-page, classifies only the figures it lists (`evidenceOfCells`: the tables that hold them,
 * recounted on every draw), not all 727 — so it need not wait for the whole recount. What it shows
 * must not change: the table drawn from its own figures' evidence is the same DOM as the one drawn
 * once the whole classification is made, every listed figure has the path and class the whole gives
 * it, and no other figure is classified by it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { flaggedListing } from "../../../src/analysis/reconciliation/flagged-listing";
import { reconcileSelection } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import { evidenceOfCells, evidenceOfReconciliation } from "../../../src/analysis/reconciliation/reconciliation-evidence";
import { recountStats } from "../../../src/analysis/reconciliation/recount-on-draws";
import { renderFlagged } from "../../../src/analysis/reconciliation/render-reconciliation";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import type { Locale } from "../../../src/base/locale/locale";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

const host = nodeHost();
let survey: Survey;

beforeAll(async () => {
  survey = await loadSurvey(host);
});

const total = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

describe("the flagged table's own evidence", () => {
  const cases: [string, SurveyFilter, Locale][] = [
    ["no filter", EMPTY_FILTER, "nb"],
    ["Rogaland", { ...EMPTY_FILTER, fylke: [11] }, "nb"],
    ["Oslo", { ...EMPTY_FILTER, fylke: [3] }, "en"],
    ["Nordland, kommuner", { ...EMPTY_FILTER, fylke: [18], respType: [1] }, "en"],
    ["size class 2", { ...EMPTY_FILTER, sizeClass: [2] }, "nb"],
  ];
  it.each(cases)("%s (%s): drawn from the listed figures' evidence alone, the same table as from the whole", (_name, filter, locale) => {
    const rec = reconcileSelection(applyFilter(survey, filter), locale);
    const rows = flaggedListing(rec).rows;
    expect(rows.length).toBeGreaterThan(0);
    const part = evidenceOfCells(rec, rows);
    if (!part) throw new Error("no evidence attached");
    // Only the listed figures are classified, and the view did not make the whole classification.
    expect(total(part.figures.counts)).toBe(rows.filter((c) => part.pathOf(c) !== undefined).length);
    expect(total(part.figures.counts)).toBeGreaterThan(0);
    const first = renderFlagged(host.document, rec, { locale }).outerHTML;
    expect(total(evidenceOfCells(rec, [])?.figures.counts ?? {})).toBe(0);
    const whole = evidenceOfReconciliation(rec);
    if (!whole) throw new Error("no evidence attached");
    expect(total(whole.figures.counts)).toBeGreaterThan(600);
    for (const cell of rec.tables.flatMap((t) => t.cells)) {
      const path = part.pathOf(cell);
      if (!rows.includes(cell)) {
        expect(path).toBeUndefined();
        continue;
      }
      expect(path).toBe(whole.pathOf(cell));
      if (path !== undefined) expect(part.figures.evidence(path)).toEqual(whole.figures.evidence(path));
    }
    // Now drawn from the whole classification: the same DOM, markers and audit lines included.
    expect(renderFlagged(host.document, rec, { locale }).outerHTML).toBe(first);
    expect(first).toContain(`class="tv-ev tv-ev-`);
  }, 60_000);

  it("recounts only the printed rows that hold the listed figures on each draw, not every draw's whole print", () => {
    // A filter no other test here asks for, so nothing of its recount is kept yet.
    const selection = applyFilter(survey, { ...EMPTY_FILTER, fylke: [20], respType: [1] });
    const rec = reconcileSelection(selection, "en");
    const rows = flaggedListing(rec).rows;
    const draws = selection.draws()?.length ?? 0;
    expect(draws).toBeGreaterThan(10);
    const before = recountStats.rows;
    const part = evidenceOfCells(rec, rows);
    const recounted = recountStats.rows - before;
    // Each listed figure sits in one printed row; the whole print has some 245.
    expect(recounted).toBeGreaterThan(0);
    expect(recounted).toBeLessThanOrEqual(rows.length * draws);
    // The whole classification then recounts every row, and gives each listed figure the same class.
    const whole = evidenceOfReconciliation(rec);
    expect(recountStats.rows - before - recounted).toBeGreaterThan(200 * (draws - 1));
    for (const cell of rows) {
      const path = part?.pathOf(cell);
      expect(path).toBe(whole?.pathOf(cell));
      if (path !== undefined) expect(part?.figures.evidence(path)).toEqual(whole?.figures.evidence(path));
    }
  }, 60_000);
});

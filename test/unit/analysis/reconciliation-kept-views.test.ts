/**
 * Issue 12 on notebook 04: the figure tables and the flagged table are kept once drawn and given
 * again as a copy when the same filter comes back (kept-views.ts). Each view given through
 * `reconciliation.*` in a sequence of filters that come and go — in both languages, live and
 * shared, all rows and only flagged ones — must be the very HTML a fresh drawing of that
 * reconciliation gives (the render functions called directly, nothing kept). A key that missed
 * what a view depends on (the conditions, the options, the survey) would hand one filter's
 * figures to another and fail here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { keptViewStats } from "../../../src/analysis/reconciliation/kept-views";
import { createReconciliationBuiltins } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import { renderFlagged, renderReconciledTable, type ReconciliationRenderOptions } from "../../../src/analysis/reconciliation/render-reconciliation";
import type { Reconciliation } from "../../../src/analysis/reconciliation/reconcile";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import type { Locale } from "../../../src/base/locale/locale";
import { nodeHost } from "../notebooks/headless-survey";

let survey: Survey;
const host = nodeHost();

beforeAll(async () => {
  survey = await loadSurvey(host);
});

/** Filters coming and going, as a reader tries them (each one seen again later). */
const SEQUENCE: SurveyFilter[] = [
  { ...EMPTY_FILTER, fylke: [11] },
  EMPTY_FILTER,
  { ...EMPTY_FILTER, fylke: [11] },
  EMPTY_FILTER,
  { ...EMPTY_FILTER, fylke: [11] },
  EMPTY_FILTER,
  { ...EMPTY_FILTER, fylke: [11], sizeClass: [2] },
  { ...EMPTY_FILTER, fylke: [11], sizeClass: [2] },
];

/** Every figure by table, drawn directly (what `reconciliation.tables` draws when nothing is kept). */
function freshTables(doc: Document, rec: Reconciliation, options: ReconciliationRenderOptions): string {
  const section = doc.createElement("section");
  for (const t of rec.tables) if (t.cells.length > 0 || !options.onlyFlagged) section.append(renderReconciledTable(doc, rec, t, options));
  return section.outerHTML;
}

describe("04's kept views are the views a fresh drawing gives", () => {
  it.each([
    { view: "live" as const, locale: "nb" as Locale, flaggedOnly: [false, true] },
    { view: "shared" as const, locale: "en" as Locale, flaggedOnly: [false] },
  ])("$view view in $locale: tables (only flagged: $flaggedOnly) and flagged, filter after filter", async ({ view, locale, flaggedOnly }) => {
    const r = createReconciliationBuiltins({ document: host.document, view, locale }).reconciliation;
    const hits = keptViewStats.hits;
    let filtered = 0;
    for (const filter of SEQUENCE) {
      const rec = r.build(applyFilter(survey, filter, { shared: view === "shared" }));
      const mask = view === "shared" && rec.disclosureSensitive;
      if (rec.filtered) filtered++;
      for (const onlyFlagged of flaggedOnly) {
        expect((await r.tables(rec, { onlyFlagged })).outerHTML, `${JSON.stringify(filter)} onlyFlagged ${onlyFlagged}`).toBe(freshTables(host.document, rec, { mask, locale, onlyFlagged }));
      }
      expect(r.flaggedTable(rec).outerHTML, JSON.stringify(filter)).toBe(renderFlagged(host.document, rec, { mask, locale }).outerHTML);
    }
    expect(filtered).toBe(5);
    // A view is kept when drawn for its filter the second time: the third Rogaland and the third
    // unfiltered were given from the kept views (2 × each view), so the comparisons above did test them.
    expect(keptViewStats.hits - hits).toBe(2 * (flaggedOnly.length + 1));
  }, 180_000);

  it("keeps two filters' views: a filter and no filter both ways, the one asked for longest ago dropped", () => {
    // A document of its own: nothing kept or seen by the tests before.
    const doc = nodeHost().document;
    const r = createReconciliationBuiltins({ document: doc, view: "live", locale: "nb" }).reconciliation;
    const flagged = (fylke: number[]): { html: string; hit: boolean } => {
      const hits = keptViewStats.hits;
      const rec = r.build(applyFilter(survey, { ...EMPTY_FILTER, fylke }));
      const html = r.flaggedTable(rec).outerHTML;
      expect(html).toBe(renderFlagged(doc, rec, { locale: "nb" }).outerHTML);
      return { html, hit: keptViewStats.hits > hits };
    };
    // Each drawn twice (kept at the second drawing), then back and forth: both given from the kept.
    const steps = [[5], [5], [], [], [5], [], [5], []].map((f) => flagged(f).hit);
    expect(steps).toEqual([false, false, false, false, true, true, true, true]);
    // A third filter kept drops the one asked for longest ago (county 5), not the unfiltered.
    expect([flagged([7]).hit, flagged([7]).hit, flagged([]).hit, flagged([5]).hit]).toEqual([false, false, true, false]);
  }, 180_000);

  it("a view changed on the page does not change the next copy", () => {
    const r = createReconciliationBuiltins({ document: host.document, view: "live", locale: "nb" }).reconciliation;
    const build = (): Reconciliation => r.build(applyFilter(survey, { ...EMPTY_FILTER, fylke: [3] }));
    const hits = keptViewStats.hits;
    let before: string | undefined;
    for (let i = 0; i < 3; i++) {
      const view = r.flaggedTable(build());
      before ??= view.outerHTML;
      expect(view.outerHTML).toBe(before);
      view.append(host.document.createElement("aside"));
      view.querySelector("td")?.replaceChildren("changed");
    }
    expect(keptViewStats.hits - hits).toBe(1);
  });
});

/**
 * Issue 12 on notebook 04: `reconciliation.build` gives the reconciliation it built before for the
 * same survey, filter conditions, language and view (kept-builds.ts), so clearing the filter does
 * not rebuild the whole survey's. What it gives must be what a fresh build gives — its headline,
 * counts and every figure, and the views drawn from it — and a build for another filter, language
 * or view (shared: masked N in the headline) must never be handed over.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { BUILDS_KEPT } from "../../../src/analysis/reconciliation/kept-builds";
import { createReconciliationBuiltins, reconcileSelection } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import { reconciliationSummary, type Reconciliation } from "../../../src/analysis/reconciliation/reconcile";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import type { Locale } from "../../../src/base/locale/locale";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

let survey: Survey;
const host = nodeHost();

beforeAll(async () => {
  survey = await loadSurvey(host);
});

/** A reconciliation's headline, counts and every figure (what the views are drawn from). */
const picture = (rec: Reconciliation): string => JSON.stringify({ summary: reconciliationSummary(rec), figures: rec.tables.flatMap((t) => t.cells.map((c) => [c.reconstructed, c.status])) });

describe("04's reconciliation kept per survey, filter, language and view", () => {
  it("gives the build made before only for the same conditions, language and view, equal to a fresh build", () => {
    const builtins = (view: "live" | "shared", locale: Locale) => createReconciliationBuiltins({ document: host.document, view, locale }).reconciliation;
    const live = builtins("live", "nb");
    const sequence: [string, SurveyFilter, "live" | "shared", Locale][] = [
      ["all", EMPTY_FILTER, "live", "nb"],
      ["Rogaland", { ...EMPTY_FILTER, fylke: [11] }, "live", "nb"],
      ["all, English", EMPTY_FILTER, "live", "en"],
      ["Rogaland, shared", { ...EMPTY_FILTER, fylke: [11] }, "shared", "nb"],
      // Nordland size class 1: a handful of respondents, so the shared headline masks its N.
      ["tiny, shared", { ...EMPTY_FILTER, fylke: [18], sizeClass: [1] }, "shared", "nb"],
      ["tiny, live", { ...EMPTY_FILTER, fylke: [18], sizeClass: [1] }, "live", "nb"],
    ];
    const first = new Map<string, Reconciliation>();
    let again = 0;
    // Each one asked, then the one before it again (within the BUILDS_KEPT kept).
    for (const [i, ask] of sequence.entries()) {
      for (const [name, filter, view, locale] of [ask, ...(i > 0 ? [sequence[i - 1] ?? ask] : [])]) {
        const rec = builtins(view, locale).build(applyFilter(survey, filter, { shared: view === "shared", locale }));
        const fresh = reconcileSelection(applyFilter(survey, filter, { shared: view === "shared" }), locale, view === "shared");
        expect(picture(rec), name).toBe(picture(fresh));
        expect(rec.headline, name).toBe(fresh.headline);
        const before = first.get(name);
        if (before) {
          expect(rec, `${name} asked again`).toBe(before);
          again++;
        } else first.set(name, rec);
      }
    }
    expect(again).toBe(sequence.length - 1);
    expect(first.get("tiny, shared")?.headline).not.toBe(first.get("tiny, live")?.headline);
    // Six different keys: six different builds.
    expect(new Set(first.values()).size).toBe(sequence.length);
    // The survey itself is the selection without conditions.
    const all = live.build(survey);
    expect(live.build(applyFilter(survey, EMPTY_FILTER))).toBe(all);
  });

  it("keeps the last filters asked for, and a build dropped is made again with the same figures", async () => {
    const live = createReconciliationBuiltins({ document: host.document, view: "live", locale: "en" }).reconciliation;
    const rogaland = (): Reconciliation => live.build(applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }));
    const kept = rogaland();
    for (let k = 1; k <= BUILDS_KEPT; k++) live.build(applyFilter(survey, { ...EMPTY_FILTER, fylke: [k] }));
    const again = rogaland();
    expect(again).not.toBe(kept);
    expect(picture(again)).toBe(picture(kept));
    expect((await live.tables(again)).outerHTML).toBe((await live.tables(kept)).outerHTML);
  });
});

/**
 * Attack on p04b (stop 29): `reconciliation.tables` draws a printed table per step in the host's
 * background turns, so a filter change mid-draw leaves the old draw running beside the new one. The
 * steps of two filters' draws interleaved — the old one finishing after the new one — must give each
 * filter its own tables (no table of one in the other's section), and what is kept for a filter
 * (and copied when it comes back) must be that filter's.
 */
import { describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { createReconciliationBuiltins } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import { renderReconciledTable } from "../../../src/analysis/reconciliation/render-reconciliation";
import { loadSurvey } from "../../../src/analysis/survey-source";
import type { RunSteps } from "../../../src/analysis/work-ahead";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

describe("reconciliation.tables: two filters' draws interleaved", () => {
  it("each section holds its own filter's tables, and the kept copies are each filter's", async () => {
    const host = nodeHost();
    const survey = await loadSurvey(host);
    // The draws' steps, held until the test runs them.
    const queued: { steps: Iterator<() => void>; done: () => void }[] = [];
    const steps: RunSteps = (work) => new Promise((resolve) => queued.push({ steps: work[Symbol.iterator](), done: () => resolve(undefined) }));
    const { reconciliation } = createReconciliationBuiltins({ document: host.document, view: "live", locale: "nb", steps });
    const filters = [{ ...EMPTY_FILTER, fylke: [11] }, { ...EMPTY_FILTER, fylke: [18] }];
    const recs = filters.map((f) => reconciliation.build(applyFilter(survey, f)));
    const direct = recs.map((rec) => {
      const whole = host.document.createElement("section");
      for (const t of rec.tables) whole.append(renderReconciledTable(host.document, rec, t, { locale: "nb", mask: false }));
      return whole.outerHTML;
    });
    expect(direct[0]).not.toBe(direct[1]);

    /** Both filters' draws asked, their steps run alternately, the first filter's (the "old" one) finishing last. */
    const interleaved = async (): Promise<string[]> => {
      const pending = recs.map((rec) => reconciliation.tables(rec));
      const runs = queued.splice(0);
      expect(runs).toHaveLength(2);
      const finished = [false, false];
      for (let i = 0; !finished.every(Boolean); i++) {
        // The second draw gets two steps for each of the first's, so the first ends last.
        const which = i % 3 === 0 && !finished[0] ? 0 : finished[1] ? 0 : 1;
        const run = runs[which];
        const next = run?.steps.next();
        if (!next || next.done) {
          finished[which] = true;
          run?.done();
        } else next.value();
      }
      return (await Promise.all(pending)).map((e) => e.outerHTML);
    };
    // Twice: the second time a view is kept for its filter; the third asks get the kept copies.
    for (let round = 0; round < 2; round++) expect(await interleaved()).toEqual(direct);
    const copies = await Promise.all(recs.map((rec) => reconciliation.tables(rec)));
    expect(queued).toHaveLength(0);
    expect(copies.map((e) => e.outerHTML)).toEqual(direct);
  }, 120_000);
});

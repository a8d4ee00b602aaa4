/**
 * Issue 12: notebook 04's every figure by table (727 rows) was drawn in one task, 33–55 ms under a
 * filter change in the browser, a task the page's input waited behind. `reconciliation.tables`
 * now draws one printed table per step of the host's runner (AnalysisHost.steps) and resolves with
 * the whole section, which must be the same DOM as the tables drawn at once.
 */
import { describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { createReconciliationBuiltins } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import { renderReconciledTable } from "../../../src/analysis/reconciliation/render-reconciliation";
import { loadSurvey } from "../../../src/analysis/survey-source";
import type { RunSteps } from "../../../src/analysis/work-ahead";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

describe("reconciliation.tables in steps (AnalysisHost.steps)", () => {
  it.each([false, true])("only flagged %s: a printed table per step, the section equal to the tables drawn at once", async (onlyFlagged) => {
    // A document of its own: no view kept from another test is given as a copy.
    const host = nodeHost();
    const survey = await loadSurvey(host);
    let ran = 0;
    const steps: RunSteps = async (work) => {
      for (const step of work) {
        step();
        ran++;
      }
    };
    const { reconciliation } = createReconciliationBuiltins({ document: host.document, view: "live", locale: "nb", steps });
    const rec = reconciliation.build(applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }));
    const pending = reconciliation.tables(rec, { onlyFlagged });
    const shown = rec.tables.filter((t) => t.cells.length > 0 || !onlyFlagged);
    const whole = host.document.createElement("section");
    for (const t of shown) whole.append(renderReconciledTable(host.document, rec, t, { locale: "nb", onlyFlagged, mask: false }));
    const drawn = await pending;
    expect(drawn.outerHTML).toBe(whole.outerHTML);
    expect(drawn.querySelectorAll("tbody > tr").length).toBe(whole.querySelectorAll("tbody > tr").length);
    // One step per printed table shown: none draws the section in one go.
    expect(ran).toBe(shown.length);
    expect(shown.length).toBeGreaterThan(10);
  }, 120_000);
});

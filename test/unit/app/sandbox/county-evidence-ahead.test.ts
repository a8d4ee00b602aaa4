/**
 * Each county's evidence made ahead, kept up with the notebook's data (app/sandbox/
 * county-evidence-ahead.ts, `keepCountyEvidenceAhead`): a notebook opened on the user's own file
 * has nothing to work ahead on (no reconstructions); once the Data menu brings the bundled survey
 * back and the notebook has settled on it, every county's tables are classified, and a county
 * chosen then filters no reconstruction. Node's clock and `performance.measure`; background turns
 * are plain timer tasks here.
 */
import { describe, expect, it } from "vitest";
import { applyFilter, type FilteredSurvey } from "../../../../src/analysis/apply-filter";
import { comparePrintedWithEvidence } from "../../../../src/analysis/evidence/compare-evidence";
import type { ScopeName } from "../../../../src/analysis/survey-scope";
import type { Survey } from "../../../../src/analysis/survey";
import { loadSurvey } from "../../../../src/analysis/survey-source";
import { Listeners } from "../../../../src/base/listeners";
import { COUNTIES_1999 } from "../../../../src/data/counties";
import type { PrintedTable } from "../../../../src/data/printed-tables";
import { EMPTY_FILTER } from "../../../../src/data/survey-filter";
import { DRAWS_AHEAD_PER_STEP } from "../../../../src/analysis/work-ahead";
import { EVIDENCE_AHEAD_MEASURE, keepCountyEvidenceAhead, type AheadScope } from "../../../../src/app/sandbox/county-evidence-ahead";
import type { IdleStepsWindow } from "../../../../src/app/sandbox/idle-steps";
import { nodeHost } from "../../notebooks/headless-survey";

function printedTable(survey: Survey, id: string): PrintedTable {
  const table = survey.printed?.tables.find((t) => t.id === id);
  if (!table) throw new Error(`no Tabell ${id}`);
  return table;
}

const steps = (): number => performance.getEntriesByName(EVIDENCE_AHEAD_MEASURE).length;
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe("keepCountyEvidenceAhead", () => {
  it("works ahead once the bundled survey replaces the user's file the notebook opened on", async () => {
    const bundled = await loadSurvey(nodeHost());
    const own: Survey = { ...bundled, draws: undefined };
    // The notebook compared two printed tables on the bundled survey (its run on those data).
    const tables = ["2.1", "2.6"].map((id) => printedTable(bundled, id));
    for (const table of tables) comparePrintedWithEvidence(applyFilter(bundled, EMPTY_FILTER), table);

    let current = own;
    const listeners = new Listeners<[readonly ScopeName[]]>();
    const scope: AheadScope = { onChange: (listener) => listeners.add(listener), survey: () => Promise.resolve(current) };
    const win: IdleStepsWindow = {
      scheduler: { postTask: (callback) => new Promise((resolve) => setTimeout(() => resolve(callback()), 0)) },
      performance,
    };
    performance.clearMeasures(EVIDENCE_AHEAD_MEASURE);
    keepCountyEvidenceAhead(win, scope, () => Promise.resolve());
    await pause(100);
    // The user's file: nothing to work ahead on.
    expect(steps()).toBe(0);

    // The Data menu: back to the bundled survey.
    current = bundled;
    listeners.emit(["survey", "selection"]);
    // Per county: its reconstructions filtered, then per table the comparison and a few reconstructions a step.
    const want = COUNTIES_1999.length * (1 + tables.length * (1 + Math.ceil(49 / DRAWS_AHEAD_PER_STEP)));
    for (let waited = 0; steps() < want && waited < 30_000; waited += 50) await pause(50);
    expect(steps()).toBe(want);

    // A county chosen now reads what was made ahead: it filters no reconstruction.
    const selection = applyFilter(bundled, { ...EMPTY_FILTER, fylke: [11] });
    let calls = 0;
    const counted: FilteredSurvey = { ...selection, draws: () => (calls++, selection.draws()) };
    for (const table of tables) comparePrintedWithEvidence(counted, table);
    expect(calls).toBe(0);
  }, 60_000);
});

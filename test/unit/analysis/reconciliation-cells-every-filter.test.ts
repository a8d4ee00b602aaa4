/**
 * Attack on stop 29's partial recount (p04, `rowsAlone`): 04's flagged table classifies its figures
 * from only the printed rows that hold them. Each figure must get the path and class the whole
 * classification gives it under every county and every size class alone (empty and tiny counties
 * included), whether it is asked for with the flagged table's other figures, with its own table
 * only, or alone.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { flaggedListing } from "../../../src/analysis/reconciliation/flagged-listing";
import { reconcileSelection } from "../../../src/analysis/reconciliation/reconciliation-builtins";
import { evidenceOfCells, evidenceOfReconciliation, type ReconciliationEvidence } from "../../../src/analysis/reconciliation/reconciliation-evidence";
import type { ReconciledCell } from "../../../src/analysis/reconciliation/reconcile";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { COUNTIES_1999, SIZE_CLASSES } from "../../../src/data/counties";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

const host = nodeHost();
let survey: Survey;

beforeAll(async () => {
  survey = await loadSurvey(host);
});

const filters: [string, SurveyFilter][] = [
  ["no filter", EMPTY_FILTER],
  ["kommuner", { ...EMPTY_FILTER, respType: [1] }],
  ["fylkeskommuner", { ...EMPTY_FILTER, respType: [2] }],
  ...COUNTIES_1999.map((c): [string, SurveyFilter] => [`fylke ${c.fylke}`, { ...EMPTY_FILTER, fylke: [c.fylke] }]),
  ...SIZE_CLASSES.map((s): [string, SurveyFilter] => [`size ${s.code}`, { ...EMPTY_FILTER, sizeClass: [s.code] }]),
];

describe("evidenceOfCells against the whole classification, every county and size class", () => {
  it.each(filters)("%s", (_name, filter) => {
    const rec = reconcileSelection(applyFilter(survey, filter), "en");
    const listed = flaggedListing(rec).rows;
    const parts: [readonly ReconciledCell[], ReconciliationEvidence | undefined][] = [];
    const ask = (cells: readonly ReconciledCell[]): void => void parts.push([cells, evidenceOfCells(rec, cells)]);
    ask(listed);
    for (const cell of listed) ask([cell]);
    for (const table of rec.tables) ask(table.cells);
    const whole = evidenceOfReconciliation(rec);
    if (!whole) throw new Error("no evidence attached");
    const wrong: string[] = [];
    for (const [cells, part] of parts) {
      for (const cell of cells) {
        const path = whole.pathOf(cell);
        const got = part?.pathOf(cell);
        const a = got === undefined ? "none" : JSON.stringify(part?.figures.evidence(got));
        const b = path === undefined ? "none" : JSON.stringify(whole.figures.evidence(path));
        if (got !== path || a !== b) wrong.push(`${JSON.stringify(cell).slice(0, 120)} (${cells.length} asked): ${a} vs ${b}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

/**
 * Work the open notebook's frame does while its thread is free so that a county chosen in the filter bar
 * finds its evidence made (issue 12: notebook 01's viewport after a filter change). For every
 * county alone, each printed table the notebook has compared with evidence is classified over the
 * ensemble (compare-evidence.ts, `classifyAhead`): the 49 reconstructions filtered to the county,
 * each table counted on them, each figure classified. That is the part of a comparison under a new
 * filter that the cell in view ran in the input's task; the comparison itself, the chart and the
 * table are still computed and drawn by the cell, as before. The same for the thesis crosswalk
 * (notebook 06): each county's measurement on every reconstruction, made ahead one
 * reconstruction a step (crosswalk/warm-crosswalk.ts, `crosswalkCountySteps`); the verdicts, words and
 * table are still the cells'. For the reconciliation (notebook 04), first and once for every
 * filter: the print's recount plans compiled for a subset (recount-on-draws.ts, `printPlanSteps`),
 * which 04's first filter change compiled in its input's task (5–8 ms of `rec`'s run, traced).
 *
 * Surprising, and why it is bounded: it is work for filters the reader may never choose. The
 * county is the filter bar's first list; one county alone is what a reader picks first. It stops
 * at the county list (19 on the 1999 map) times the tables compared and the statistics' calls
 * noted (03: 21), kept apart from the filters the reader chose (which it never pushes out), and the
 * app runs it only in background turns of a few ms while the thread is free, after the notebook has
 * settled (app/sandbox/idle-steps.ts).
 */
import { COUNTIES_1999 } from "../../data/counties";
import { EMPTY_FILTER } from "../../data/survey-filter";
import { applyFilter, type FilteredSurvey } from "../apply-filter";
import type { Survey } from "../survey";
import { crosswalkCountySteps } from "../crosswalk/warm-crosswalk";
import { classifyingAhead, comparedTables } from "./compare-evidence";
import { computingAhead, notedCalls } from "./kernel-evidence-ahead";
import { stepFunctions } from "../../base/run-steps";
import { reconciledOn } from "../reconciliation/kept-builds";
import { printPlanSteps } from "../reconciliation/recount-on-draws";

/**
 * The steps that classify, for each county alone, every printed table compared on `survey` so far,
 * then compute each statistic whose evidence a cell read (kernel-evidence-ahead.ts; 03's
 * correlations and rates), then measure 06's crosswalk when it was evaluated. A step is a few ms
 * at most (issue 12: a click waits behind the step under way): a county's reconstructions are
 * filtered in a step of their own, and a table or a statistic is computed over
 * `DRAWS_AHEAD_PER_STEP` reconstructions a step (work-ahead.ts), where one step each was up to
 * 35–45 ms of CPU. Lazy: the tables compared and calls noted when a county's turn comes are the
 * ones its steps classify, and each step must run before the next is asked for (`stepFunctions`).
 * Nothing for a survey without an ensemble (a user's file).
 */
export function* countyWarmSteps(survey: Survey): Generator<() => void, void, undefined> {
  if (!survey.draws) return;
  // Notebook 04: the print's recount plans for a subset, which any filter's reconciliation and its
  // evidence read (recount-on-draws.ts, `printPlanSteps`), compiled first, a table a step.
  if (reconciledOn(survey)) yield* printPlanSteps(survey.printed?.tables ?? [], true);
  for (const { fylke } of COUNTIES_1999) {
    let selection: FilteredSurvey | undefined;
    const county = (): FilteredSurvey => (selection ??= applyFilter(survey, { ...EMPTY_FILTER, fylke: [fylke] }));
    const tables = [...comparedTables(survey)];
    const calls = notedCalls(survey);
    // The county's reconstructions filtered (49 passes over the filter columns), when anything reads them.
    if (tables.length + calls.length > 0) yield () => void county().draws();
    for (const table of tables) yield* stepFunctions(() => classifyingAhead(county(), table));
    for (const call of calls) yield* stepFunctions(() => computingAhead(county(), call));
    // The thesis crosswalk under the county, when the notebook evaluated it (06), a reconstruction a step.
    yield* crosswalkCountySteps(survey, fylke);
  }
}

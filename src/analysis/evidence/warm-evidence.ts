/**
 * Work a spare notebook frame does ahead of time for the notebook that will open in it (issue 12:
 * each notebook from the sidebar ≤ 300 ms). Every printed table is compared on the unfiltered
 * survey and recounted on every reconstruction, a few steps a table, then every printed row is
 * recounted by the residual engine on each draw as the reconciliation does, a draw a step, until a
 * notebook opens (survey-source.ts, `primeBundledSurvey`, runs the steps once the survey is
 * parsed). Between the two, the report's correlations and size-class rates are computed with their
 * evidence, a statistic a step (warm-kernels.ts).
 *
 * Surprising, and why it is safe: no result made here reaches a notebook. What stays is each
 * reconstruction's code counts, kept with that reconstruction's table by the filter's conditions
 * (frame-counter.ts, `selectionCounter`), and each printed row's recount on them
 * (recount-on-draws.ts) — what the notebook's own comparisons, the reconciliation and its summary
 * ask for again under no filter. A survey parsed from other bytes has other tables and is counted
 * afresh. And the comparisons' code has run once in this realm, so the notebook's first tables do
 * not run it cold.
 */
import { EMPTY_FILTER } from "../../data/survey-filter";
import { applyFilter, type FilteredSurvey } from "../apply-filter";
import { missingCodesOf } from "../reconciliation/reconcile";
import { drawFigures, planOf, printPlanSteps } from "../reconciliation/recount-on-draws";
import { everyRow } from "../reconciliation/summary-evidence";
import type { Survey } from "../survey";
import { comparisonWithEvidenceSteps } from "./compare-evidence";
import { kernelWarmSteps } from "./warm-kernels";

/**
 * The steps that compare each printed table of `survey` with its reconstructions, unfiltered, a
 * table a step; then compute the report's correlations and size-class rates, a statistic a step;
 * then recount every printed row on each draw as the reconciliation does, a draw a step. The
 * caller runs them a few ms at a time between other tasks (work-ahead.ts): a step is what a click
 * in the notebook sharing the thread may wait for.
 */
export function* warmEvidenceSteps(survey: Survey): Generator<() => void, void, undefined> {
  const printed = survey.printed?.tables ?? [];
  if (!survey.draws || printed.length === 0) return;
  // Made in the first step, not when the steps are asked for: every step runs in a turn of its own.
  let selection: FilteredSurvey | undefined;
  const unfiltered = (): FilteredSurvey => (selection ??= applyFilter(survey, EMPTY_FILTER));
  for (const table of printed) {
    if (table.kind === "list") continue;
    // A few steps a table: the comparison, its plan, then a few reconstructions at a time.
    let steps: (() => void)[] = [];
    yield () => {
      steps = comparisonWithEvidenceSteps(unfiltered(), table);
      steps.shift()?.();
    };
    yield* steps;
  }
  // The report's correlations and size-class rates (notebook 03), a statistic a step (warm-kernels.ts).
  yield* kernelWarmSteps(unfiltered());
  // The reconciliation (notebook 04) and its summary recount these rows on every draw, unfiltered.
  // Each table's recount plan compiled a step of its own first: in the first draw's step, all of
  // them were the larger part of it. Then the print's one plan of them all, also a step of its own:
  // compiled in the first draw's step, that step came out several ms longer than the next ones,
  // and the turn that ran it overran its budget (idle-steps.ts starts a step while the turn has as
  // long left as the step before took — a table's plan, much shorter).
  yield* printPlanSteps(printed, false);
  const tables = [...new Set(everyRow(printed).map((r) => r.table))];
  const missing = missingCodesOf(survey.codebook);
  // A draw's figures, kept per draw's counter, are what the reconciliation reads again: the first
  // table's recounts the draw's whole print in one compiled pass (recount-on-draws.ts). Not
  // `recountDraw`, whose residual objects for every row (727 figures, none kept) made the step
  // 12–21 ms in Chromium.
  for (const draw of unfiltered().draws() ?? []) yield () => tables.forEach((table) => void drawFigures(planOf(table, false), draw, missing));
}

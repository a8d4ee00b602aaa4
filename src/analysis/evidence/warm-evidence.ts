/**
 * Work a spare notebook frame does ahead of time for the notebook that will open in it (issue 12:
 * each notebook from the sidebar ≤ 300 ms). Every printed table is compared on the unfiltered
 * survey and recounted on every reconstruction, one table per task, then every printed row is
 * recounted by the residual engine on each draw as the reconciliation does, until a notebook
 * opens (survey-source.ts, `primeBundledSurvey`, calls it once the survey is parsed). Between the
 * two, the report's correlations and size-class rates are computed with their evidence, a
 * statistic per task (warm-kernels.ts).
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
import { applyFilter } from "../apply-filter";
import { missingCodesOf } from "../reconciliation/reconcile";
import { recountDraw } from "../reconciliation/recount-on-draws";
import { everyRow } from "../reconciliation/summary-evidence";
import type { Survey } from "../survey";
import { comparisonWithEvidence } from "./compare-evidence";
import { kernelWarmSteps } from "./warm-kernels";

/** Draws whose every printed row is recounted in one task (a few ms each). */
const RECOUNTS_PER_TASK = 5;

/**
 * Compare each printed table of `survey` with its reconstructions, unfiltered, one table after
 * each `nextTask()`; then recount every printed row on each draw as the reconciliation does, a
 * few draws per task; while `warming()` holds. Resolves when done or stopped.
 */
export async function warmEvidence(survey: Survey, warming: () => boolean, nextTask: () => Promise<void>): Promise<void> {
  const printed = survey.printed?.tables ?? [];
  if (!survey.draws || printed.length === 0) return;
  const selection = applyFilter(survey, EMPTY_FILTER);
  for (const table of printed) {
    if (table.kind === "list") continue;
    await nextTask();
    if (!warming()) return;
    comparisonWithEvidence(selection, table);
  }
  // The report's correlations and size-class rates (notebook 03), a statistic per task (warm-kernels.ts).
  for (const step of kernelWarmSteps(selection)) {
    await nextTask();
    if (!warming()) return;
    step();
  }
  // The reconciliation (notebook 04) and its summary recount these rows on every draw, unfiltered.
  const rows = everyRow(printed);
  const missing = missingCodesOf(survey.codebook);
  const draws = selection.draws() ?? [];
  for (let k = 0; k < draws.length; k += RECOUNTS_PER_TASK) {
    await nextTask();
    if (!warming()) return;
    for (const draw of draws.slice(k, k + RECOUNTS_PER_TASK)) recountDraw(rows, draw, missing, false);
  }
}

/**
 * Work a spare notebook frame does ahead of time for the notebook that will open in it (issue 12:
 * each notebook from the sidebar ≤ 300 ms). Every printed table is compared on the unfiltered
 * survey and recounted on every reconstruction, one table per task, until a notebook opens
 * (survey-source.ts, `primeBundledSurvey`, calls it once the survey is parsed).
 *
 * Surprising, and why it is safe: nothing computed here is handed to a notebook as a value. What
 * stays is each reconstruction's code counts, kept with that reconstruction's table by the filter's
 * conditions (frame-counter.ts, `selectionCounter`) — the counts the notebook's own comparisons,
 * the reconciliation and its summary ask for again under no filter; a survey parsed from other
 * bytes has other tables and is counted afresh. And the comparison's code has run once in this
 * realm, so the notebook's first tables do not run it cold.
 */
import { EMPTY_FILTER } from "../../data/survey-filter";
import { applyFilter } from "../apply-filter";
import type { Survey } from "../survey";
import { comparePrintedWithEvidence } from "./compare-evidence";

/**
 * Compare each printed table of `survey` with its reconstructions, unfiltered, one table after
 * each `nextTask()`, while `warming()` holds. Resolves when done or stopped.
 */
export async function warmEvidence(survey: Survey, warming: () => boolean, nextTask: () => Promise<void>): Promise<void> {
  if (!survey.draws) return;
  const selection = applyFilter(survey, EMPTY_FILTER);
  for (const table of survey.printed?.tables ?? []) {
    if (table.kind === "list") continue;
    await nextTask();
    if (!warming()) return;
    comparePrintedWithEvidence(selection, table);
  }
}

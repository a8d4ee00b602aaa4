/**
 * Work the open notebook's frame does while its thread is free so that a county chosen in the filter bar
 * finds its evidence made (issue 12: notebook 01's viewport after a filter change). For every
 * county alone, each printed table the notebook has compared with evidence is classified over the
 * ensemble (compare-evidence.ts, `classifyAhead`): the 49 reconstructions filtered to the county,
 * each table counted on them, each figure classified. That is the part of a comparison under a new
 * filter that the cell in view ran in the input's task; the comparison itself, the chart and the
 * table are still computed and drawn by the cell, as before. The same for the thesis crosswalk
 * (notebook 06): each county's measurement on every reconstruction, made ahead in steps of a few
 * reconstructions (crosswalk/warm-crosswalk.ts, `crosswalkCountySteps`); the verdicts, words and
 * table are still the cells'.
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
import { classifyAhead, comparedTables } from "./compare-evidence";
import { computeAhead, notedCalls } from "./kernel-evidence-ahead";

/**
 * The steps that classify, for each county alone, every printed table compared on `survey` so far
 * (one table of one county per step, a few ms each), then compute each statistic whose evidence a
 * cell read (kernel-evidence-ahead.ts: one call of one county per step; 03's correlations and rates).
 * Lazy: a county's reconstructions are filtered at its first step, and the tables compared and calls
 * noted by then are the ones its steps classify. Nothing for a survey without an ensemble (a user's file).
 */
export function* countyWarmSteps(survey: Survey): Generator<() => void, void, undefined> {
  if (!survey.draws) return;
  for (const { fylke } of COUNTIES_1999) {
    let selection: FilteredSurvey | undefined;
    for (const table of [...comparedTables(survey)]) {
      yield () => {
        selection ??= applyFilter(survey, { ...EMPTY_FILTER, fylke: [fylke] });
        classifyAhead(selection, table);
      };
    }
    for (const call of notedCalls(survey)) {
      yield () => {
        selection ??= applyFilter(survey, { ...EMPTY_FILTER, fylke: [fylke] });
        computeAhead(selection, call);
      };
    }
    // The thesis crosswalk under the county, when the notebook evaluated it (06), in steps of a few reconstructions.
    yield* crosswalkCountySteps(survey, fylke);
  }
}

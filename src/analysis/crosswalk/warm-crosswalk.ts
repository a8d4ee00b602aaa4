/**
 * The crosswalk measured ahead in a spare notebook frame, before a notebook opens in it (issue 12:
 * notebook 06 from the sidebar ≤ 300 ms). Notebook 06 opens with every comparison measured on all
 * fifty reconstructions three times: unfiltered (its evaluation and the timeline's selection) and
 * for the what-if's two sides, size classes 1–3 and 4–6. Traced from the sidebar, those three
 * measurements were the largest part of its opening. The spare measures the same three selections,
 * a reconstruction a step, after the rest of its work ahead (survey-source.ts), into the
 * frame's store (measured-draws-cache.ts), where 06's cells find them.
 *
 * Surprising, and why it is safe: the measurements are the builtins' own (`measureDraws`, in steps
 * of a reconstruction: `measuringDraws`), kept under the builtins' keys, and depend only on the
 * survey (the same parsed object the notebook gets, survey-source.ts), the filter and the thesis's
 * later figures (the store's key); the verdicts, words and tables are still made by the notebook's
 * own cells. A user's file is a different survey and is measured afresh.
 *
 * The open notebook's frame measures each county alone the same way (`crosswalkCountySteps`), once
 * the notebook has settled and while its thread is free (evidence/warm-counties.ts).
 */
import { EMPTY_FILTER, type SurveyFilter } from "../../data/survey-filter";
import { parseThesis, type ThesisData } from "../../data/thesis";
import { filterView } from "../../stats/index";
import { applyFilter } from "../apply-filter";
import type { Survey } from "../survey";
import { smallVsLarge } from "./crosswalk-diff";
import { CROSSWALK } from "./crosswalk-spec";
import { measuringDraws, type MeasuredDraws } from "./evaluate-crosswalk";
import { COUNTY_MEASUREMENTS, evaluatedTheses, FRAME_MEASUREMENTS, filterKey } from "./measured-draws-cache";

/**
 * Reconstructions measured per step (all fifty in one were 45–165 ms under load, in Node; five in
 * one were up to 11 ms of CPU in Chromium, a task a click in the open notebook waited behind).
 */
const DRAWS_PER_STEP = 1;

/**
 * The steps that measure `filter`'s selection on every reconstruction into `store` (the frame's
 * store unless said), none of them measuring when the frame's store or `store` keeps it already.
 */
function selectionSteps(survey: Survey, thesis: ThesisData, filter: SurveyFilter, store = FRAME_MEASUREMENTS): (() => void)[] {
  let measuring: Generator<void, MeasuredDraws> | undefined;
  let key = "";
  let done = false;
  const advance = (): void => {
    if (done) return;
    if (!measuring) {
      // As the builtins measure a selection (crosswalk-builtins.ts, `measured` and `sideOf`).
      const selection = applyFilter(survey, filter);
      key = filterKey(selection.filter);
      if (FRAME_MEASUREMENTS.has(survey, thesis, key) || store.has(survey, thesis, key)) {
        done = true;
        return;
      }
      const draws = survey.draws?.map((d, k) => (k === 0 ? selection.view : filterView(d.table, selection.conditions)));
      measuring = measuringDraws(selection.view, CROSSWALK, { codebook: survey.codebook, thesis, ...(draws ? { draws } : {}) }, DRAWS_PER_STEP);
      // The reconstructions filtered are a step of their own: with the first measurement (every
      // comparison measured afresh) they were the longest step, 11–18 ms of CPU (bench/step-cpu.ts).
      return;
    }
    const step = measuring.next();
    if (step.done) {
      store.get(survey, thesis, key, () => step.value);
      done = true;
    }
  };
  // The filtering, then the reconstructions a step each.
  const count = 1 + Math.max(1, Math.ceil((survey.draws?.length ?? 1) / DRAWS_PER_STEP));
  return Array.from({ length: count }, () => advance);
}

/**
 * The steps, a reconstruction of one selection each, for the caller to run between other tasks: 06's
 * unfiltered selection, then the what-if's small and large sides under no other filter.
 */
export function crosswalkWarmSteps(survey: Survey, thesis: ThesisData): (() => void)[] {
  const filters = [EMPTY_FILTER, ...smallVsLarge().map((side) => ({ ...EMPTY_FILTER, sizeClass: side.filter.sizeClass }))];
  return filters.flatMap((filter) => selectionSteps(survey, thesis, filter));
}

/**
 * The steps, a few reconstructions each, that measure `fylke` alone for every thesis the crosswalk
 * was evaluated with on `survey` (`evaluatedTheses`: notebook 06's evaluation) into the county
 * store, where the builtins look when the reader picks that county (issue 12: the evaluation in
 * the task of a county change, 06 mid-page). Only the evaluation's selection: the what-if's sides
 * under a county are measured after the paint, by its own cell. None for a survey without
 * reconstructions (a user's file), or when nothing was evaluated on it.
 */
export function crosswalkCountySteps(survey: Survey, fylke: number): (() => void)[] {
  if (!survey.draws) return [];
  const filter = { ...EMPTY_FILTER, fylke: [fylke] };
  return [...evaluatedTheses(survey).values()].flatMap((thesis) => selectionSteps(survey, thesis, filter, COUNTY_MEASUREMENTS));
}

/** The same steps for the thesis file's bytes; none when it does not parse (the notebook reports that itself). */
export function crosswalkWarmStepsFromFile(survey: Survey, thesisBytes: Uint8Array): (() => void)[] {
  let thesis: ThesisData;
  try {
    thesis = parseThesis(JSON.parse(new TextDecoder().decode(thesisBytes)));
  } catch {
    return [];
  }
  return crosswalkWarmSteps(survey, thesis);
}

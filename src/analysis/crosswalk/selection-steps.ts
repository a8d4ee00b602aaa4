/**
 * One selection of the crosswalk measured on every reconstruction in steps, into a store of
 * measurements (measured-draws-cache.ts) where the crosswalk builtins find it: the measurement is
 * the builtins' own (`measuringDraws`, a reconstruction a step), kept under the builtins' key for
 * the filter, so a view that finds it kept computes the same values as one that measured itself.
 * Used by the work ahead (warm-crosswalk.ts: a spare frame's three selections, each county alone)
 * and by the what-if's sides measured ahead of its cell (what-if-ahead.ts).
 */
import type { SurveyFilter } from "../../data/survey-filter";
import type { ThesisData } from "../../data/thesis";
import { filterView } from "../../stats/index";
import { applyFilter } from "../apply-filter";
import type { Survey } from "../survey";
import { CROSSWALK } from "./crosswalk-spec";
import { measuringDraws, type MeasuredDraws } from "./evaluate-crosswalk";
import { filterKey, FRAME_MEASUREMENTS } from "./measured-draws-cache";

/**
 * Reconstructions measured per step (all fifty in one were 45–165 ms under load, in Node; five in
 * one were up to 11 ms of CPU in Chromium, a task a click in the open notebook waited behind).
 */
const DRAWS_PER_STEP = 1;

/**
 * The steps that measure `filter`'s selection on every reconstruction into `store` (the frame's
 * store unless said), none of them measuring when the frame's store or `store` keeps it already:
 * the filtering first, then a reconstruction a step. Each step must run after the one before.
 */
export function selectionSteps(survey: Survey, thesis: ThesisData, filter: SurveyFilter, store = FRAME_MEASUREMENTS): (() => void)[] {
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

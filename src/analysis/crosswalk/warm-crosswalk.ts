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
import { EMPTY_FILTER } from "../../data/survey-filter";
import { parseThesis, type ThesisData } from "../../data/thesis";
import type { Survey } from "../survey";
import { smallVsLarge } from "./crosswalk-diff";
import { COUNTY_MEASUREMENTS, evaluatedTheses } from "./measured-draws-cache";
import { selectionSteps } from "./selection-steps";

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
 * under a county are measured after the evaluation has run under it, handed over
 * (what-if-ahead.ts). None for a survey without
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

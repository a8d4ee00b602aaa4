/**
 * The crosswalk's measurements of recent selections, kept so that a filter change measures only
 * what it changed. Notebook 06 evaluates the current selection and, for the what-if, the same
 * filter with size classes 1–3 and with 4–6: ticking a size class changes the first but neither
 * what-if side, and a filter set back is one seen before. Measuring one selection on its fifty
 * reconstructions is the expensive part; judging (BH, verdicts, words) is redone on every call.
 *
 * Entries are per survey (a loaded file replaces the survey and so starts afresh) and per thesis
 * object (the later figures enter the measurements), keyed by the filter; the oldest go first.
 */
import { keptOrMade } from "../../base/recent-entries";
import type { SurveyFilter } from "../../data/survey-filter";
import type { ThesisData } from "../../data/thesis";
import type { MeasuredDraws } from "./evaluate-crosswalk";

export type { MeasuredDraws } from "./evaluate-crosswalk";

/** A filter as a key: the same selection gives the same key whatever order its codes were ticked in. */
export function filterKey(filter: SurveyFilter | null): string {
  if (!filter) return "all respondents";
  const sorted = (xs: readonly (number | string)[]): (number | string)[] => [...xs].sort();
  return JSON.stringify([sorted(filter.fylke), sorted(filter.sizeClass), sorted(filter.respType), sorted(filter.adopted)]);
}

/** A small least-recently-used store of measured selections. */
export class MeasuredDrawsCache {
  private readonly bySurvey = new WeakMap<object, WeakMap<ThesisData, Map<string, MeasuredDraws>>>();

  constructor(private readonly limit = 8) {}

  /** The measurements of `key` on `survey` with `thesis`, made by `measure` when not kept. */
  get(survey: object, thesis: ThesisData, key: string, measure: () => MeasuredDraws): MeasuredDraws {
    let byThesis = this.bySurvey.get(survey);
    if (!byThesis) this.bySurvey.set(survey, (byThesis = new WeakMap()));
    let entries = byThesis.get(thesis);
    if (!entries) byThesis.set(thesis, (entries = new Map()));
    // Most recently used last.
    return keptOrMade(entries, key, this.limit, measure);
  }
}

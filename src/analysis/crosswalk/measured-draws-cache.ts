/**
 * The crosswalk's measurements of recent selections, kept so that a filter change measures only
 * what it changed. Notebook 06 evaluates the current selection and, for the what-if, the same
 * filter with size classes 1–3 and with 4–6: ticking a size class changes the first but neither
 * what-if side, and a filter set back is one seen before. Measuring one selection on its fifty
 * reconstructions is the expensive part; judging (BH, verdicts, words) is redone on every call.
 *
 * Entries are per survey (a loaded file replaces the survey and so starts afresh) and per thesis —
 * by the later figures it gives the diffusion comparisons, the only part of it that enters a
 * measurement (evaluate-crosswalk.ts, `contextOf`), so a thesis parsed again from the same file finds
 * the entries of the first — keyed by the filter; the oldest go first. One store serves a frame
 * (`FRAME_MEASUREMENTS`): a spare frame measures 06's selections into it before a notebook opens
 * there (warm-crosswalk.ts).
 */
import { keptOrMade } from "../../base/recent-entries";
import type { SurveyFilter } from "../../data/survey-filter";
import type { ThesisData } from "../../data/thesis";
import { CROSSWALK } from "./crosswalk-spec";
import { thesisNumber } from "./crosswalk-thesis";
import type { MeasuredDraws } from "./evaluate-crosswalk";

export type { MeasuredDraws } from "./evaluate-crosswalk";

/** A filter as a key: the same selection gives the same key whatever order its codes were ticked in. */
export function filterKey(filter: SurveyFilter | null): string {
  if (!filter) return "all respondents";
  const sorted = (xs: readonly (number | string)[]): (number | string)[] => [...xs].sort();
  return JSON.stringify([sorted(filter.fylke), sorted(filter.sizeClass), sorted(filter.respType), sorted(filter.adopted)]);
}

const thesisKeys = new WeakMap<ThesisData, string>();

/** What of `thesis` enters a measurement, as a key: each diffusion comparison's later figure. */
export function thesisKey(thesis: ThesisData): string {
  let key = thesisKeys.get(thesis);
  if (key === undefined) {
    const later = CROSSWALK.map((c) => (c.measure.kind === "diffusion" ? (thesisNumber(thesis, c.measure.laterNumber) ?? null) : null));
    thesisKeys.set(thesis, (key = JSON.stringify(later)));
  }
  return key;
}

/** A small least-recently-used store of measured selections. */
export class MeasuredDrawsCache {
  private readonly bySurvey = new WeakMap<object, Map<string, Map<string, MeasuredDraws>>>();

  constructor(private readonly limit = 8) {}

  /** The measurements of `key` on `survey` with `thesis`, made by `measure` when not kept. */
  get(survey: object, thesis: ThesisData, key: string, measure: () => MeasuredDraws): MeasuredDraws {
    // Most recently used last.
    return keptOrMade(this.entries(survey, thesis), key, this.limit, measure);
  }

  /** Whether the measurements of `key` on `survey` with `thesis` are kept (they are not made). */
  has(survey: object, thesis: ThesisData, key: string): boolean {
    return this.entries(survey, thesis).has(key);
  }

  private entries(survey: object, thesis: ThesisData): Map<string, MeasuredDraws> {
    let byThesis = this.bySurvey.get(survey);
    if (!byThesis) this.bySurvey.set(survey, (byThesis = new Map()));
    const at = thesisKey(thesis);
    let entries = byThesis.get(at);
    if (!entries) byThesis.set(at, (entries = new Map()));
    return entries;
  }
}

/** The frame's one store: the crosswalk builtins of every runtime in it, and the spare's work ahead. */
export const FRAME_MEASUREMENTS = new MeasuredDrawsCache();

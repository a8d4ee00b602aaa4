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
 * there (warm-crosswalk.ts). Each county alone is measured ahead into a store of its own
 * (`COUNTY_MEASUREMENTS`), which the reader's filters never push out and which never pushes out
 * theirs: the open notebook does it while its thread is free (warm-crosswalk.ts,
 * `crosswalkCountySteps`), for the theses it evaluated (`evaluatedTheses`).
 */
import { keptOrMade } from "../../base/recent-entries";
import { COUNTIES_1999 } from "../../data/counties";
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

  /** The measurements of `key` on `survey` with `thesis` when kept; nothing is made, and the order of use is left as it is. */
  kept(survey: object, thesis: ThesisData, key: string): MeasuredDraws | undefined {
    return this.entries(survey, thesis).get(key);
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

/**
 * Each county alone measured ahead by the open notebook's frame (warm-crosswalk.ts), apart from
 * `FRAME_MEASUREMENTS`: the builtins read it when they have not measured a filter themselves. It
 * holds one entry per county of the filter bar's list, so none pushes out another.
 */
export const COUNTY_MEASUREMENTS = new MeasuredDrawsCache(COUNTIES_1999.length);

/** The theses a notebook evaluated the crosswalk with, per survey and by `thesisKey`: what the county work ahead measures. */
const evaluated = new WeakMap<object, Map<string, ThesisData>>();

/** The theses the crosswalk was evaluated with on `survey` (live: it grows), one per `thesisKey`. */
export function evaluatedTheses(survey: object): Map<string, ThesisData> {
  let theses = evaluated.get(survey);
  if (!theses) evaluated.set(survey, (theses = new Map()));
  return theses;
}

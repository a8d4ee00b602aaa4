/**
 * The app's one survey filter as the shell keeps it: set from the URL or a share link before a
 * notebook opens, moved by the filter bar inside the notebook frame (which reports it), written to
 * the URL and into share links. The frame's SurveyScope holds the same filter for the cells.
 */
import { EMPTY_FILTER, surveyFilterToParams, type SurveyFilter } from "../data/survey-filter";
import { Listeners } from "../base/listeners";

/** What the workbench needs of the filter (SurveyScope has the same shape, so tests may pass one). */
export interface FilterState {
  readonly filter: SurveyFilter;
  setFilter(filter: SurveyFilter): void;
  onChange(listener: (changed: readonly string[]) => void): () => void;
}

/** The shell's filter (see the file comment). */
export class AppFilter implements FilterState {
  private current: SurveyFilter = EMPTY_FILTER;
  private readonly listeners = new Listeners<[changed: readonly string[]]>();

  get filter(): SurveyFilter {
    return this.current;
  }

  /** Move the filter; listeners hear ["filter", "selection"]. No-op when it did not change. */
  setFilter(filter: SurveyFilter): void {
    if (surveyFilterToParams(filter) === surveyFilterToParams(this.current)) return;
    this.current = filter;
    this.listeners.emit(["filter", "selection"]);
  }

  onChange(listener: (changed: readonly string[]) => void): () => void {
    return this.listeners.add(listener);
  }
}

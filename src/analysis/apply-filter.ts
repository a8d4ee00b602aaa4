/**
 * The filter bar's value applied to a survey: the selected respondents as a statistics view (whose
 * audit lines name the filter), as an Arquero table and as plain rows, with the current N and a
 * plain message when the selection is empty or too small to read percentages from — so no cell
 * downstream ever has to print NaN.
 */
import { escape, type ColumnTable } from "arquero";
import { countyName } from "../data/counties";
import { describeSurveyFilter, isDisclosureSensitive, MODEL_NAMES, surveyFilterPredicate, type SurveyFilter } from "../data/survey-filter";
import { filterView, type FilterCondition, type FilterView } from "../stats/index";
import type { Survey, SurveyRow } from "./survey";

/** Selections below this many respondents get a "too few" warning (as the filter bar says). */
export const TINY_SELECTION = 10;

export interface FilteredSurvey {
  /** The survey the selection was made from (codebook, printed tables, notice). */
  survey: Survey;
  filter: SurveyFilter;
  /** For the statistics core: the selected rows; every result's audit line lists the filter. */
  view: FilterView;
  /** The selected rows as an Arquero table (same columns as the survey). */
  table: ColumnTable;
  rows: SurveyRow[];
  /** Selected respondents. */
  n: number;
  /** All respondents. */
  total: number;
  /** "no filter" or e.g. "fylke 11 Rogaland; size class 5, 6". */
  description: string;
  /** Filter conditions in the statistics core's terms. */
  conditions: FilterCondition[];
  status: "ok" | "tiny" | "empty";
  /** What to show instead of (or above) results: empty and tiny selections say so. */
  message: string;
  /** "N = 57 of 267 (fylke …)" for headers. */
  summary: string;
  /** True under a county or size-class filter: shared/exported views mask counts below 3. */
  disclosureSensitive: boolean;
  /** The survey's provenance notice, carried along so every table can show it. */
  notice: string;
  /** A small JSON picture (headless runs print this instead of every row). */
  toJSON(): Record<string, unknown>;
}

/** The SurveyFilter as statistics-core conditions, labelled for audit lines. */
export function filterConditions(filter: SurveyFilter): FilterCondition[] {
  const out: FilterCondition[] = [];
  if (filter.fylke.length) out.push({ variable: "fylke", codes: [...filter.fylke], label: `fylke ∈ {${filter.fylke.map((f) => `${f} ${countyName(f)}`).join(", ")}}` });
  if (filter.sizeClass.length) out.push({ variable: "size_class", codes: [...filter.sizeClass], label: `size class ∈ {${filter.sizeClass.join(", ")}}` });
  if (filter.respType.length) {
    out.push({ variable: "resp_type", codes: [...filter.respType], label: filter.respType.map((t) => (t === 1 ? "kommuner" : "fylkeskommuner")).join(" + ") });
  }
  for (const model of filter.adopted) out.push({ variable: model, codes: [1], label: `adopted ${MODEL_NAMES[model].no} (${model} = 1)` });
  return out;
}

/** Apply `filter` to `survey`. */
export function applyFilter(survey: Survey, filter: SurveyFilter): FilteredSurvey {
  const keep = surveyFilterPredicate(filter);
  const rows = survey.rows.filter(keep);
  const conditions = filterConditions(filter);
  const view = filterView(survey.table, conditions);
  const table = conditions.length ? survey.table.filter(escape((d: SurveyRow) => keep(d))).reify() : survey.table;
  const n = rows.length;
  const total = survey.rows.length;
  const description = describeSurveyFilter(filter, countyName);
  const status = n === 0 ? "empty" : n < TINY_SELECTION ? "tiny" : "ok";
  const message =
    status === "empty"
      ? `No respondents match (${description}). Widen the filter: clear a county, a size class or a model.`
      : status === "tiny"
        ? `Only ${n} respondent${n === 1 ? "" : "s"} match (${description}): too few for reliable percentages; read counts, not shares.`
        : "";
  const summary = `N = ${n} of ${total}${conditions.length ? ` (${description})` : ""}`;
  return {
    survey, filter, view, table, rows, n, total, description, conditions, status, message, summary,
    disclosureSensitive: isDisclosureSensitive(filter),
    notice: survey.notice,
    toJSON: () => ({ filter, n, total, description, status, message, summary }),
  };
}

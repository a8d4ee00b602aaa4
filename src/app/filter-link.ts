/**
 * The survey filter between a notebook and the address bar. Survey notebooks bind
 * `const filter = view(filterInput(...))`, so the filter is the view() input named `filter`; its
 * value reaches the app only as `unknown` (from `inputValues()`), and this module is the type
 * guard that turns it back into a SurveyFilter — re-validated through the URL form, so whatever
 * goes into a link is exactly what `parseRoute` accepts when the link is opened again.
 */
import { isFilterError, surveyFilterFromParams, surveyFilterToParams, MODEL_STATUS_VARIABLES, type SurveyFilter } from "../data/survey-filter";

/** Name of the view() input that holds the survey filter in every survey notebook. */
export const FILTER_INPUT = "filter";

function isIntegerList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === "number" && Number.isInteger(v));
}

function isModelList(value: unknown): value is SurveyFilter["adopted"] {
  const models: readonly string[] = MODEL_STATUS_VARIABLES;
  return Array.isArray(value) && value.every((v) => typeof v === "string" && models.includes(v));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `value` as a SurveyFilter in canonical form (sorted, deduplicated), or undefined when it is not
 * one (no filter input in this notebook, or some other input that happens to be called `filter`).
 */
export function asSurveyFilter(value: unknown): SurveyFilter | undefined {
  if (!isRecord(value)) return undefined;
  const { fylke, sizeClass, respType, adopted } = value;
  if (!isIntegerList(fylke) || !isIntegerList(sizeClass) || !isIntegerList(respType) || !isModelList(adopted)) return undefined;
  const parsed = surveyFilterFromParams(surveyFilterToParams({ fylke, sizeClass, respType, adopted }));
  return isFilterError(parsed) ? undefined : parsed;
}

/** The filter the open notebook shows now, if it has a filter input. */
export function currentFilter(inputs: Record<string, unknown>): SurveyFilter | undefined {
  return asSurveyFilter(inputs[FILTER_INPUT]);
}

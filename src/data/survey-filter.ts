/**
 * The one filter every analysis shares: county (fylke), SSB size class, kommune vs fylkeskommune,
 * and "has adopted model X". This module is its one rule:
 * - `surveyFilterConditions` turns it into row conditions — the only way a filter selects rows
 *   (the statistics core applies them once per change on typed arrays; PSPP gets them as SELECT IF;
 *   the audit line prints their labels);
 * - `surveyFilterFromParams` (URL text) and `asSurveyFilter` (a value from a share link or an
 *   input) are the boundaries that validate untrusted filters, returning a Result whose Problem says
 *   which part was refused and the fix. Nothing is half-applied.
 */
import { fail, ok, type Problem, type Result } from "../base/result";
import { messages, type Locale } from "../base/locale/locale";
import { COUNTIES_1999, countyName } from "./counties";
import type { FilterCondition } from "./filter-condition";
import { isModelStatusVariable, MODEL_STATUS_VARIABLES, type ModelStatusVariable } from "./six-models";
import { isRecord } from "../base/guards";

export interface SurveyFilter {
  /** County numbers of 1999 (1–20 without 13) to keep; empty = all. */
  fylke: number[];
  /** SSB size classes 1–6 to keep; empty = all. */
  sizeClass: number[];
  /** 1 = kommune, 2 = fylkeskommune; empty = both. */
  respType: number[];
  /** Keep respondents that answered "Har allerede innført" (1) for every model listed. */
  adopted: ModelStatusVariable[];
}

/** A filter that could not be read; the message names the part and the fix. */
export type FilterProblem = Problem<"filter">;

export const EMPTY_FILTER: SurveyFilter = Object.freeze({ fylke: [], sizeClass: [], respType: [], adopted: [] });

/**
 * Below this many respondents a selection is "too few for reliable percentages": the filter bar,
 * `applyFilter` and every table say so. One threshold for all of them.
 */
export const TOO_FEW_RESPONDENTS = 10;

/** Names for the "has adopted" condition; the codebook's status-variable labels when known. */
export type ModelLabel = (variable: ModelStatusVariable) => string;

/** True when nothing is filtered. */
export function isEmptyFilter(filter: SurveyFilter): boolean {
  return !filter.fylke.length && !filter.sizeClass.length && !filter.respType.length && !filter.adopted.length;
}

/**
 * True when the filter narrows by county or size class: then a small cell can single out one
 * municipality, so shared and exported views mask counts below the disclosure threshold.
 */
export function isDisclosureSensitive(filter: SurveyFilter): boolean {
  return filter.fylke.length > 0 || filter.sizeClass.length > 0;
}

/**
 * The filter as row conditions, each labelled for the audit line in `locale`: the one rule by which
 * a filter selects respondents. Empty parts give no condition.
 */
export function surveyFilterConditions(filter: SurveyFilter, locale: Locale, modelLabel: ModelLabel = (v) => v): FilterCondition[] {
  const words = messages[locale];
  const out: FilterCondition[] = [];
  if (filter.fylke.length) out.push({ variable: "fylke", codes: [...filter.fylke], label: `${words.filterDescCounty} ${filter.fylke.map((n) => `${n} ${countyName(n)}`).join(", ")}` });
  if (filter.sizeClass.length) out.push({ variable: "size_class", codes: [...filter.sizeClass], label: `${words.filterDescSizeClass} ${filter.sizeClass.join(", ")}` });
  if (filter.respType.length) out.push({ variable: "resp_type", codes: [...filter.respType], label: filter.respType.map((t) => words.filterDescType(t)).join(" + ") });
  for (const model of filter.adopted) {
    const name = modelLabel(model);
    out.push({ variable: model, codes: [1], label: words.filterDescAdopted(name === model ? model : `${name} (${model} = 1)`) });
  }
  return out;
}

/** A readable description in `locale` for headers and audit lines ("fylke 11 Rogaland; størrelsesklasse 5, 6"). */
export function describeSurveyFilter(filter: SurveyFilter, locale: Locale, modelLabel?: ModelLabel): string {
  return describeConditions(surveyFilterConditions(filter, locale, modelLabel), locale);
}

/** `describeSurveyFilter` of the filter whose conditions (`surveyFilterConditions`) are `conditions`. */
export function describeConditions(conditions: readonly FilterCondition[], locale: Locale): string {
  return conditions.length ? conditions.map((c) => c.label).join("; ") : messages[locale].noFilter;
}

/** URL form: `fylke=11,12&size=5,6&type=1&adopted=q20` (empty parts left out, sorted values). */
export function surveyFilterToParams(filter: SurveyFilter): string {
  const params: string[] = [];
  const list = (values: readonly (number | string)[]): string => [...values].sort().join(",");
  if (filter.fylke.length) params.push(`fylke=${list(filter.fylke)}`);
  if (filter.sizeClass.length) params.push(`size=${list(filter.sizeClass)}`);
  if (filter.respType.length) params.push(`type=${list(filter.respType)}`);
  if (filter.adopted.length) params.push(`adopted=${list(filter.adopted)}`);
  return params.join("&");
}

const COUNTY_NUMBERS: readonly number[] = COUNTIES_1999.map((c) => c.fylke);

/** What one URL key may hold and which filter field it sets. */
interface KeySpec {
  field: "fylke" | "sizeClass" | "respType";
  allowed: readonly number[];
  describe: string;
}

/** What each URL key may hold. */
const KEYS: Record<"fylke" | "size" | "type", KeySpec> = {
  fylke: { field: "fylke", allowed: COUNTY_NUMBERS, describe: "a county number of 1999 (1–20; 13 Bergen had merged into Hordaland)" },
  size: { field: "sizeClass", allowed: [1, 2, 3, 4, 5, 6], describe: "a size class 1–6" },
  type: { field: "respType", allowed: [1, 2], describe: "1 (kommune) or 2 (fylkeskommune)" },
};

function filterProblem(message: string): { ok: false; error: FilterProblem } {
  return fail({ kind: "filter", message });
}

function parseCodes(key: keyof typeof KEYS, text: string): Result<number[], FilterProblem> {
  const spec = KEYS[key];
  const out: number[] = [];
  for (const part of text.split(",")) {
    const n = /^\d{1,2}$/.test(part) ? Number(part) : Number.NaN;
    if (!spec.allowed.includes(n)) {
      return filterProblem(`Filter "${key}" has "${part.slice(0, 20)}", which is not ${spec.describe}. Remove it from the link, or choose the filter again in the filter bar.`);
    }
    if (!out.includes(n)) out.push(n);
  }
  return ok(out.sort((a, b) => a - b));
}

/**
 * Read a filter from untrusted URL text. Unknown keys, repeated keys or bad values give a Problem
 * naming the part and the fix; nothing is half-applied.
 */
export function surveyFilterFromParams(text: string): Result<SurveyFilter, FilterProblem> {
  if (text.length > 500) return filterProblem("Filter text is longer than 500 characters; the link is damaged. Open the notebook without it.");
  const filter: SurveyFilter = { fylke: [], sizeClass: [], respType: [], adopted: [] };
  const seen = new Set<string>();
  for (const pair of text.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? "" : pair.slice(eq + 1);
    const shownKey = key.slice(0, 20);
    if (seen.has(key)) return filterProblem(`Filter "${shownKey}" appears twice in the link. Give its values once, separated by commas (e.g. ${shownKey}=11,12).`);
    seen.add(key);
    if (!value) return filterProblem(`Filter "${shownKey}" has no value. Use ${shownKey}=… or drop it.`);
    if (key === "fylke" || key === "size" || key === "type") {
      const parsed = parseCodes(key, value);
      if (!parsed.ok) return parsed;
      filter[KEYS[key].field] = parsed.value;
    } else if (key === "adopted") {
      for (const model of value.split(",")) {
        if (!isModelStatusVariable(model)) {
          return filterProblem(`Filter "adopted" has unknown model "${model.slice(0, 20)}". Use one of ${MODEL_STATUS_VARIABLES.join(", ")}.`);
        }
        if (!filter.adopted.includes(model)) filter.adopted.push(model);
      }
      filter.adopted.sort();
    } else {
      return filterProblem(`Unknown filter "${shownKey}". Known filters: fylke, size, type, adopted.`);
    }
  }
  return ok(filter);
}

/** Codes are numbers and models are names: a "11" where 11 belongs means the value was tampered with. */
function isListOf(value: unknown, type: "number" | "string"): value is (number | string)[] {
  return Array.isArray(value) && value.length <= 50 && value.every((v) => typeof v === type);
}

/**
 * A value from outside (a share link's inputs, storage) as a SurveyFilter in canonical form (sorted,
 * deduplicated), validated by the same rule as URL text — so what goes into a link is exactly what
 * opening it accepts. The Problem says which part was refused.
 */
export function asSurveyFilter(value: unknown): Result<SurveyFilter, FilterProblem> {
  if (!isRecord(value)) return filterProblem(`The filter is ${value === null ? "null" : Array.isArray(value) ? "a list" : `a ${typeof value}`}, not a filter object, so it was not applied. Choose the filter again in the filter bar.`);
  const parts: [string, unknown][] = [["fylke", value.fylke], ["size", value.sizeClass], ["type", value.respType], ["adopted", value.adopted]];
  const params: string[] = [];
  for (const [key, list] of parts) {
    if (list === undefined) return filterProblem(`The filter lacks its "${key}" part, so it was not applied. Choose the filter again in the filter bar.`);
    if (!isListOf(list, key === "adopted" ? "string" : "number")) return filterProblem(`The filter's "${key}" is not a list of values, so the filter was not applied. Choose the filter again in the filter bar.`);
    if (list.length) params.push(`${key}=${list.join(",")}`);
  }
  const known = new Set(["fylke", "sizeClass", "respType", "adopted"]);
  const unknown = Object.keys(value).filter((k) => !known.has(k));
  if (unknown.length) return filterProblem(`The filter has unknown part "${unknown[0]?.slice(0, 20)}", so it was not applied. Known parts: fylke, sizeClass, respType, adopted.`);
  return surveyFilterFromParams(params.join("&"));
}

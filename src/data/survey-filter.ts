/**
 * The one filter every analysis cell shares: county (fylke), SSB size class, kommune vs
 * fylkeskommune, and "has adopted model X". It is a plain value so it can sit in an input, in the
 * URL and in a share link; `surveyFilterFromParams` is the boundary that validates untrusted text.
 */

/** The six models' status variables, in the report's order. */
export const MODEL_STATUS_VARIABLES = ["q3", "q7", "q12", "q16", "q20", "q24"] as const;
export type ModelStatusVariable = (typeof MODEL_STATUS_VARIABLES)[number];

/** Short names of the six models, keyed by status variable. */
export const MODEL_NAMES: Record<ModelStatusVariable, { no: string; en: string }> = {
  q3: { no: "Serviceerklæringer", en: "Service declarations" },
  q7: { no: "Servicetorg", en: "Service desks" },
  q12: { no: "Elektroniske servicenettverk", en: "E-service networks" },
  q16: { no: "Etisk prosess", en: "Ethical process" },
  q20: { no: "Balansert målstyring", en: "Balanced scorecard" },
  q24: { no: "BPR", en: "Business process re-engineering" },
};

export interface SurveyFilter {
  /** County numbers 1–20 to keep; empty = all. */
  fylke: number[];
  /** SSB size classes 1–6 to keep; empty = all. */
  sizeClass: number[];
  /** 1 = kommune, 2 = fylkeskommune; empty = both. */
  respType: number[];
  /** Keep respondents that answered "Har allerede innført" (1) for every model listed. */
  adopted: ModelStatusVariable[];
}

/** A row as the filter sees it: the derived background columns plus the six status answers. */
export type FilterableRow = Readonly<Record<string, unknown>>;

export const EMPTY_FILTER: SurveyFilter = Object.freeze({ fylke: [], sizeClass: [], respType: [], adopted: [] });

/** Thrown-free error value for filter text that cannot be read. */
export interface FilterError {
  kind: "filter-error";
  message: string;
}

function isModel(name: string): name is ModelStatusVariable {
  return (MODEL_STATUS_VARIABLES as readonly string[]).includes(name);
}

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

/** A predicate over rows; numbers may arrive as numbers or numeric strings. */
export function surveyFilterPredicate(filter: SurveyFilter): (row: FilterableRow) => boolean {
  const fylke = new Set(filter.fylke);
  const size = new Set(filter.sizeClass);
  const type = new Set(filter.respType);
  const adopted = [...filter.adopted];
  return (row) => {
    if (fylke.size && !fylke.has(Number(row.fylke))) return false;
    if (size.size && !size.has(Number(row.size_class))) return false;
    if (type.size && !type.has(Number(row.resp_type))) return false;
    for (const model of adopted) if (Number(row[model]) !== 1) return false;
    return true;
  };
}

/** Rows of `rows` that pass the filter. */
export function applySurveyFilter<T extends FilterableRow>(rows: readonly T[], filter: SurveyFilter): T[] {
  const keep = surveyFilterPredicate(filter);
  return rows.filter(keep);
}

/**
 * A readable description for audit lines ("fylke 11 Rogaland; size class 5, 6"). County names come
 * from `countyName` so this module needs no table of its own.
 */
export function describeSurveyFilter(filter: SurveyFilter, countyName: (n: number) => string = String): string {
  const parts: string[] = [];
  if (filter.fylke.length) parts.push(`fylke ${filter.fylke.map((n) => `${n} ${countyName(n)}`.trim()).join(", ")}`);
  if (filter.sizeClass.length) parts.push(`size class ${filter.sizeClass.join(", ")}`);
  if (filter.respType.length) {
    parts.push(filter.respType.map((t) => (t === 1 ? "kommuner" : t === 2 ? "fylkeskommuner" : `type ${t}`)).join(" + "));
  }
  if (filter.adopted.length) parts.push(`adopted ${filter.adopted.map((m) => MODEL_NAMES[m].en).join(" and ")}`);
  return parts.length ? parts.join("; ") : "no filter";
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

function parseIntegers(key: string, text: string, min: number, max: number): number[] | FilterError {
  const out: number[] = [];
  for (const part of text.split(",")) {
    if (!/^\d{1,2}$/.test(part)) {
      return { kind: "filter-error", message: `Filter "${key}" has "${part}", which is not a number. Use e.g. ${key}=${min},${max}.` };
    }
    const n = Number(part);
    if (n < min || n > max) {
      return { kind: "filter-error", message: `Filter "${key}" value ${n} is outside ${min}–${max}. Remove it from the link.` };
    }
    if (!out.includes(n)) out.push(n);
  }
  return out.sort((a, b) => a - b);
}

/**
 * Read a filter from untrusted URL text. Unknown keys or bad values give a FilterError naming the
 * part and the fix; nothing is half-applied.
 */
export function surveyFilterFromParams(text: string): SurveyFilter | FilterError {
  const filter: SurveyFilter = { fylke: [], sizeClass: [], respType: [], adopted: [] };
  if (text.length > 500) return { kind: "filter-error", message: "Filter text is longer than 500 characters; the link is damaged. Open the notebook without it." };
  for (const pair of text.split("&")) {
    if (!pair) continue;
    const [key = "", value = ""] = pair.split("=", 2);
    if (!value) return { kind: "filter-error", message: `Filter "${key}" has no value. Use ${key}=… or drop it.` };
    if (key === "fylke" || key === "size" || key === "type") {
      const range = key === "fylke" ? [1, 20] : key === "size" ? [1, 6] : [1, 2];
      const parsed = parseIntegers(key, value, range[0] ?? 1, range[1] ?? 1);
      if (!Array.isArray(parsed)) return parsed;
      if (key === "fylke") filter.fylke = parsed;
      else if (key === "size") filter.sizeClass = parsed;
      else filter.respType = parsed;
    } else if (key === "adopted") {
      for (const model of value.split(",")) {
        if (!isModel(model)) {
          return { kind: "filter-error", message: `Filter "adopted" has unknown model "${model}". Use one of ${MODEL_STATUS_VARIABLES.join(", ")}.` };
        }
        if (!filter.adopted.includes(model)) filter.adopted.push(model);
      }
      filter.adopted.sort();
    } else {
      return { kind: "filter-error", message: `Unknown filter "${key}". Known filters: fylke, size, type, adopted.` };
    }
  }
  return filter;
}

/** Type guard separating a parsed filter from its error. */
export function isFilterError(value: SurveyFilter | FilterError): value is FilterError {
  return "kind" in value && value.kind === "filter-error";
}

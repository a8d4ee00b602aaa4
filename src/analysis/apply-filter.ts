/**
 * The filter bar's value applied to a survey, once per change: the selected row indices are
 * computed one time on the statistics core's cached typed arrays (`filterView`), and everything
 * else is derived from that one view — the Arquero table and the plain rows only when a cell asks
 * for them. The current N, the audit description and a plain message for empty and too-small
 * selections come along, so no cell downstream ever has to print NaN.
 */
import type { ColumnTable } from "arquero";
import type { Codebook } from "../data/codebook";
import { DEFAULT_LOCALE, formatNumber, messages, type Locale } from "../base/locale/locale";
import { describeConditions, isDisclosureSensitive, surveyFilterConditions, TOO_FEW_RESPONDENTS, type SurveyFilter } from "../data/survey-filter";
import type { FilterCondition } from "../data/filter-condition";
import { filterView, type FilterView } from "../stats/index";
import { DISCLOSURE_THRESHOLD, guardCount } from "../stats/disclosure";
import { modelLabelOf, rowsOf, surveyNoticeIn, type Survey, type SurveyRow } from "./survey";

/** How a selection reads: fine, too few for percentages, or empty. */
export type SelectionStatus = "ok" | "tiny" | "empty";

export interface FilteredSurvey {
  /** The survey the selection was made from (codebook, printed tables, notice). */
  readonly survey: Survey;
  /** The survey's codebook (so `stats.crosstab(selection, …)` finds labels and missing codes). */
  readonly codebook: Codebook;
  /** The language its texts are in; `stats.crosstab(selection, …)` writes labels and audit lines in it too. */
  readonly locale: Locale;
  /** The filter that made it (the app's filter bar for the `selection` builtin). */
  readonly filter: SurveyFilter;
  /** For the statistics core: the selected rows; every result's audit line lists the filter. */
  readonly view: FilterView;
  /** The selected rows as an Arquero table (same columns as the survey); built on first use. */
  readonly table: ColumnTable;
  /** The selected rows as plain objects; built on first use. */
  readonly rows: SurveyRow[];
  /** Selected respondents. */
  readonly n: number;
  /** All respondents. */
  readonly total: number;
  /** "ingen filter" / "no filter", or e.g. "fylke 11 Rogaland; størrelsesklasse 5, 6". */
  readonly description: string;
  /** The filter as the statistics core's conditions (also PSPP's SELECT IF). */
  readonly conditions: FilterCondition[];
  /** "ok", "tiny" (under 10: read counts, not shares) or "empty". */
  readonly status: SelectionStatus;
  /** What to show instead of (or above) results: empty and tiny selections say so. */
  readonly message: string;
  /** "N = 57 av 267 (fylke …)" / "N = 57 of 267 (county …)" for headers. */
  readonly summary: string;
  /** True under a county or size-class filter: shared/exported views mask counts below 3. */
  readonly disclosureSensitive: boolean;
  /** The survey's provenance notice in the selection's language (the bundled survey's), carried along so every table can show it. */
  readonly notice: string;
  /**
   * The same filter on every reconstruction of the ensemble ([this selection, draw 1, …]), built on
   * first call; undefined for a user's own file. Figures are classified over it (evidence/).
   */
  draws(): readonly FilteredSurvey[] | undefined;
  /** A small JSON picture (headless runs print this instead of every row). */
  toJSON(): Record<string, unknown>;
}

/** The status and message of a selection of `n` respondents, in `locale`. */
export function selectionStatus(n: number, description: string, locale: Locale): { status: SelectionStatus; message: string } {
  if (n === 0) return { status: "empty", message: messages[locale].selectionEmpty(description) };
  if (n < TOO_FEW_RESPONDENTS) {
    return { status: "tiny", message: messages[locale].selectionTiny(n, description) };
  }
  return { status: "ok", message: "" };
}

/** Memoise a derived value on first read. */
function once<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

/** How a selection is shown. */
export interface SelectionOptions {
  /**
   * A shared view (a shared link or an export): under a county or size-class filter an N of 1–2
   * reads "N < 3" in `summary` and `message` (chart subtitles and headers print them), like every
   * other count there. `n` stays the number: cells compute with it.
   */
  shared?: boolean;
  /** The language of the summary, description, message and filter labels (default norsk). */
  locale?: Locale;
}

/** The selection's summary and message as a shared view prints them: an N of 1–2 as "< 3". */
function guardedTexts(n: number, total: number, description: string, filtered: boolean, masked: boolean, locale: Locale): { summary: string; message?: string } {
  const words = messages[locale];
  const scope = filtered ? ` (${description})` : "";
  if (!masked) return { summary: words.selectionSummary(`= ${formatNumber(locale, n)}`, formatNumber(locale, total), scope) };
  return {
    summary: words.selectionSummary(`< ${DISCLOSURE_THRESHOLD}`, formatNumber(locale, total), scope),
    message: words.selectionFewerThan(DISCLOSURE_THRESHOLD, description),
  };
}

/** Apply `filter` to `survey`: one pass over the filter columns; rows and table on demand. */
export function applyFilter(survey: Survey, filter: SurveyFilter, options: SelectionOptions = {}): FilteredSurvey {
  return selectWith(survey, filter, options, filterWords(survey.codebook, filter, options.locale ?? DEFAULT_LOCALE));
}

/** What a filter says in one language and codebook: its conditions and their description. */
interface FilterWords {
  codebook: Codebook;
  conditions: FilterCondition[];
  description: string;
}

function filterWords(codebook: Codebook, filter: SurveyFilter, locale: Locale): FilterWords {
  const conditions = surveyFilterConditions(filter, locale, modelLabelOf(codebook, locale));
  return { codebook, conditions, description: describeConditions(conditions, locale) };
}

/**
 * `applyFilter` with the filter's words made already. The draws of an ensemble share the survey's
 * codebook, so they take the canonical selection's words instead of making them again per draw
 * (50 draws per new filter, in the task of the cells on screen that read the evidence).
 */
function selectWith(survey: Survey, filter: SurveyFilter, options: SelectionOptions, words: FilterWords): FilteredSurvey {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const { conditions, description } = words;
  const view = filterView(survey.table, conditions);
  const n = view.numRows();
  const total = survey.table.numRows();
  const { status, message: plain } = selectionStatus(n, description, locale);
  const masked = options.shared === true && isDisclosureSensitive(filter) && guardCount(n, { active: true }).masked;
  const texts = guardedTexts(n, total, description, conditions.length > 0, masked, locale);
  const message = texts.message ?? plain;
  const summary = texts.summary;
  const table = once(() => (conditions.length ? survey.table.reify(Array.from(view.indices())) : survey.table));
  const rows = once(() => (conditions.length ? rowsOf(table()) : survey.rows));
  const drawWords = (draw: Survey): FilterWords => (draw.codebook === words.codebook ? words : filterWords(draw.codebook, filter, locale));
  const draws = once(() => survey.draws?.map((draw, k) => (k === 0 ? selection : selectWith(draw, filter, options, drawWords(draw)))));
  const selection: FilteredSurvey = {
    survey, codebook: survey.codebook, locale, filter, view, n, total, description, conditions, status, message, summary,
    get table() {
      return table();
    },
    get rows() {
      return rows();
    },
    disclosureSensitive: isDisclosureSensitive(filter),
    // The survey's notice in the selection's language (the Survey itself has none): tables print it
    // above their figures.
    notice: surveyNoticeIn(survey, locale),
    draws,
    toJSON: () => ({ filter, n, total, description, status, message, summary }),
  };
  return selection;
}

/** A selection made by `applyFilter` (or the host's `selection`). */
export function isSelection(value: unknown): value is FilteredSurvey {
  return typeof value === "object" && value !== null && "view" in value && "survey" in value && "filter" in value && "conditions" in value;
}

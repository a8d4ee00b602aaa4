/**
 * The names a survey notebook reads from its host — `survey` (the respondents in use),
 * `filter` (the shared filter bar's value), `selection` (`applyFilter(survey, filter)`) and
 * `locale` (the app's language) — as state the host owns and the runtime sees as builtins. A data
 * switch redefines `survey` and `selection`; a filter change redefines `filter` and `selection`; a
 * language switch redefines `locale` and the builtins made for one language (tables, charts …,
 * see {@link LocalizedBuiltins}); in each case only the cells that read them rerun, and the
 * selection is computed once for the filter bar and the cells alike.
 *
 * The heavy part (reading files, Arquero, the statistics) sits behind `load`, so this module can be
 * in the app's startup bundle while a notebook that never reads `survey` never loads any of it.
 */
import { EMPTY_FILTER, surveyFilterConditions, surveyFilterToParams, type SurveyFilter } from "../data/survey-filter";
import type { LoadResult } from "../data/loaders/load-result";
import type { Codebook } from "../data/codebook";
import { DEFAULT_LOCALE, type Locale } from "../base/locale/locale";
import type { FilteredSurvey } from "./apply-filter";
import type { Survey } from "./survey";
import type { SurveyData, SurveySource } from "./survey-source";
import { Listeners } from "../base/listeners";

/** The host's names as cells read them (the reference, scripts/reference, is generated from these comments). */
export interface ScopeBuiltins {
  /**
   * The respondents in use — the bundled 1999 reconstruction or your own file — as an Arquero
   * table with the codebook (labels, missing codes), the report's printed tables and the named
   * adopters. Statistics take it whole: `stats.frequencies(survey, "q20")`. A blank answer is
   * `null` (`survey.table.get("q6", 0)`, `survey.rows`, `d.q6 === null` in an Arquero verb), here, in
   * each reconstruction of `survey.draws` and in your own file alike: test a row with `=== null`
   * (`filter((d) => d.q6 !== null)`); `op.valid("q6")` counts the valid values in a `rollup` — an
   * aggregate, so inside `filter` or `derive` it is that count, not a test of the row, and keeps
   * every row. `op.mean` and the statistics leave blanks out. Arithmetic reads `null` as 0
   * (`null + 1` is 1), so test `d.q6 !== null` before computing with a column that has blanks. A
   * missing code is no blank: "vet ikke" (9 for q6, `survey.variable("q6").missing`) is a value an
   * Arquero verb keeps unless told (`d.q6 !== 9`); the statistics leave it out.
   * @example survey.labels("fylke")
   */
  survey: Survey;
  /**
   * The app's filter bar: counties, size classes, kommune/fylkeskommune and adopted models; an
   * empty list means all.
   * @example describeFilter(filter)
   */
  filter: SurveyFilter;
  /**
   * The respondents passing the filter bar, with their N and a summary for headers; what every
   * analysis takes: `stats.crosstab(selection, "size_class", "q20")`. Blanks are `null`, as in
   * `survey`, in `selection.rows`, `selection.table` and every draw of `selection.draws()`.
   * @example selection.summary
   */
  selection: FilteredSurvey;
  /**
   * The app's language, "nb" (norsk) or "en" (English), chosen in the header: tables, charts and
   * `fmt` write their words and numbers in it. A cell that reads it reruns when it changes.
   * @example locale === "en" ? "Respondents" : "Respondenter"
   */
  locale: Locale;
}

/** The builtins a scope owns, in the order a change redefines them. */
export const SCOPE_NAMES = ["survey", "filter", "selection", "locale"] as const;
export type ScopeName = (typeof SCOPE_NAMES)[number];

/** What a scope redefines: a runtime (NotebookRuntime satisfies it). */
export interface BuiltinTarget {
  setBuiltin(name: string, define: () => unknown): void;
  /** A disposed target is dropped at the next change. */
  readonly isDisposed?: boolean;
}

/**
 * Builtins made for one language (the analysis layer's tables, charts …): a language switch
 * redefines each of `names` with `define(locale, name)`, so the cells that use them rerun.
 */
export interface LocalizedBuiltins {
  readonly names: readonly string[];
  define(locale: Locale, name: string): unknown;
}

/**
 * A user's file still arriving in parts (a big file reaches a notebook frame in several messages):
 * `preview` is the file with the columns in so far, `complete` the data once every column is in.
 */
export interface ArrivingData {
  preview: LoadResult;
  complete: Promise<SurveyData>;
}

/** The N of the filter bar: of the selection, or of an arriving file's first columns. */
export type SelectionCount = Pick<FilteredSurvey, "n" | "total">;

/** The host's survey state for the notebooks it runs. */
export class SurveyScope {
  private currentFilter: SurveyFilter = EMPTY_FILTER;
  private currentLocale: Locale = DEFAULT_LOCALE;
  private localized: LocalizedBuiltins | undefined;
  private data: SurveyData | Promise<SurveyData> = { kind: "bundled" };
  /** While a user's file arrives: the columns in so far (see `count`). */
  private preview: LoadResult | undefined;
  private source: Promise<SurveySource> | undefined;
  private readonly targets = new Set<BuiltinTarget>();
  private readonly listeners = new Listeners<[changed: readonly ScopeName[]]>();

  /** @param load the survey source, loaded on first use (a dynamic import in the app). */
  constructor(private readonly load: () => Promise<SurveySource>) {}

  /** The filter in force. */
  get filter(): SurveyFilter {
    return this.currentFilter;
  }

  private sourceOnce(): Promise<SurveySource> {
    return (this.source ??= this.load());
  }

  /** The language in force. */
  get locale(): Locale {
    return this.currentLocale;
  }

  /** The respondents in use. */
  survey(): Promise<Survey> {
    const data = this.data;
    return Promise.all([this.sourceOnce(), data]).then(([s, d]) => s.survey(d));
  }

  /**
   * The filter bar's N: the selection's — or, while a file arrives (`setData` with an
   * {@link ArrivingData}), counted at once on the columns already in when the filter reads only
   * those; the same rows and rule, so the same N.
   */
  count(): Promise<SelectionCount> {
    const preview = this.preview;
    const filter = this.currentFilter;
    const locale = this.currentLocale;
    if (!preview) return this.selection();
    const columns = new Set(preview.table.columnNames());
    if (!surveyFilterConditions(filter, locale).every((c) => columns.has(c.variable))) return this.selection();
    return this.sourceOnce().then((s) => s.survey({ kind: "user", load: preview }).then((survey) => s.select(survey, filter, locale)));
  }

  /** The respondents under the current filter (shared with the cells' `selection`). */
  selection(): Promise<FilteredSurvey> {
    const filter = this.currentFilter;
    const locale = this.currentLocale;
    return Promise.all([this.sourceOnce(), this.survey()]).then(([source, survey]) => source.select(survey, filter, locale));
  }

  /** Move the filter; cells reading `filter` or `selection` rerun. No-op when it did not change. */
  setFilter(filter: SurveyFilter): void {
    if (surveyFilterToParams(filter) === surveyFilterToParams(this.currentFilter)) return;
    this.currentFilter = filter;
    this.changed(["filter", "selection"]);
  }

  /**
   * Switch the language; cells reading `locale`, `selection` (its summary, description and the
   * audit lines of what is computed on it are in the language) or a localized builtin rerun. No-op
   * when it did not change.
   */
  setLocale(locale: Locale): void {
    if (locale === this.currentLocale) return;
    this.currentLocale = locale;
    this.changed(["locale", "selection"]);
  }

  /**
   * Let this scope define `localized`'s builtins for the language in force (call before
   * `builtins()`); a language switch then redefines them.
   */
  localize(localized: LocalizedBuiltins): void {
    this.localized = localized;
  }

  /**
   * Switch the respondents; cells reading `survey` or `selection` rerun. An arriving file's cells
   * run once it is complete; the filter bar's N is counted before (`count`).
   */
  setData(data: SurveyData | ArrivingData): void {
    if ("kind" in data) {
      this.data = data;
      this.preview = undefined;
    } else {
      const complete = data.complete;
      this.data = complete;
      this.preview = data.preview;
      void complete.then(() => {
        if (this.data === complete) this.preview = undefined;
      }, () => undefined);
    }
    this.changed(["survey", "selection"]);
  }

  /** The current value of one of the scope's names, as the runtime's definition returns it. */
  value(name: ScopeName): unknown {
    switch (name) {
      case "survey": return this.survey();
      case "filter": return this.currentFilter;
      case "selection": return this.selection();
      case "locale": return this.currentLocale;
    }
  }

  /** The scope's names as lazy builtins for a new runtime (nothing loads until a cell reads one). */
  builtins(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const name of SCOPE_NAMES) Object.defineProperty(out, name, { enumerable: true, get: () => this.value(name) });
    const localized = this.localized;
    for (const name of localized?.names ?? []) Object.defineProperty(out, name, { enumerable: true, get: () => localized?.define(this.currentLocale, name) });
    return out;
  }

  /** The bundled codebook (every user file is read through it). */
  codebook(): Promise<Codebook> {
    return this.sourceOnce().then((s) => s.reportFacts()).then((facts) => facts.codebook);
  }

  /** Keep `target`'s builtins in step with this scope until it is disposed; returns it. */
  attached<T extends BuiltinTarget>(target: T): T {
    this.targets.add(target);
    return target;
  }

  /** Called after every change with the names that changed (the filter bar listens). */
  onChange(listener: (changed: readonly ScopeName[]) => void): () => void {
    return this.listeners.add(listener);
  }

  private changed(names: readonly ScopeName[]): void {
    for (const target of this.targets) {
      if (target.isDisposed) this.targets.delete(target);
      else {
        for (const name of names) target.setBuiltin(name, () => this.value(name));
        const locale = this.currentLocale;
        const localized = this.localized;
        if (localized && names.includes("locale")) for (const name of localized.names) target.setBuiltin(name, () => localized.define(locale, name));
      }
    }
    this.listeners.emit(names);
  }
}

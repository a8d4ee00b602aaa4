/**
 * The analysis names survey notebooks get in scope next to the stdlib, typed and documented in
 * `AnalysisBuiltins` below — the reference (scripts/reference) is generated from these JSDoc
 * comments, and a builtin called wrongly names the right call from the same `@example`.
 *
 * `survey`, `filter` and `selection` are the host's state (SurveyScope), not defined here.
 */
import { builtinError, describeValue } from "../base/builtin-problem";
import { DEFAULT_LOCALE, formatBuiltin, type FormatBuiltin, type Locale } from "../base/locale/locale";
import type { PrintedTable } from "../data/printed-tables";
import { meetsConditions } from "../data/filter-condition";
import { asSurveyFilter, describeSurveyFilter, EMPTY_FILTER, isDisclosureSensitive, surveyFilterConditions, type SurveyFilter } from "../data/survey-filter";
import { formatShownCount, guardCount, guardCounts } from "../stats/disclosure";
import { applyFilter, isSelection, type FilteredSurvey } from "./apply-filter";
import { createCharts, type ChartsBuiltin } from "./charts/charts";
import { codebookColumns, tableToCsv } from "./export-table";
import { acrossDraws, type WithEvidence } from "./evidence/across-draws";
import { comparePrintedWithEvidence } from "./evidence/compare-evidence";
import { evidenceNote } from "./evidence/evidence-note";
import { evidenceOfResult } from "./evidence/result-evidence";
import type { PrintedComparison } from "./printed-comparison";
import { renderComparison, renderTable, type ComparisonRenderOptions, type PlainTable, type PlainTableOptions } from "./render-table";
import { statsBuiltinIn, type StatsBuiltin } from "./stats-builtin";
import { psppSyntax, type Analysis, type PsppExportOptions } from "../stats/pspp-syntax";
import { isSurvey, modelLabelOf, type Survey } from "./survey";
import { surveyFilterInput, type SurveyFilterElement } from "./survey-filter-input";
import { createTables, type TablesBuiltin } from "./tables/tables";
import { shownComparison, type ShownComparisonRow } from "./tables/shown-comparison";
import type { RunSteps } from "./work-ahead";

/** What the analysis builtins need from the host: (for DOM output) a document, and the view. */
export interface AnalysisHost {
  document?: Document;
  /**
   * "live" (default): the analyst's own view, exact counts. "shared": a shared link or an export,
   * where counts of 1–2 under a county or size-class filter print as "< 3".
   */
  view?: "live" | "shared";
  /** The language tables, charts and `fmt` write in (default "nb"). */
  locale?: Locale;
  /**
   * Work a builtin may have done ahead of the views that need it, in short steps between tasks (the
   * notebook frame: the cells that read the builtin named `key` wait until it is done, so none does
   * it in one long task). A newer call with the same `key` stops the older. Without it (Node, tests,
   * the headless runner) the views do the work when they ask for it; the values are the same either way.
   */
  warm?: (key: string, steps: Iterator<void>) => void;
  /**
   * How a view drawn over several tasks runs its steps (04's every figure by table: no task of its
   * own over a few ms). The notebook frame: its background turns. Without it, one step per task.
   */
  steps?: RunSteps;
  /**
   * Asked as a builtin is called: whether the cell run calling it is still that cell's current one
   * (NotebookRuntime.callerRun: false once the cell reruns, e.g. under a newer filter), or undefined
   * when not known. A view drawn over several tasks stops at its next step once it is not.
   */
  callerRun?: () => (() => boolean) | undefined;
}


/** A filter as cells write it: any of the four parts, the others meaning "all". */
export type FilterArgument = Partial<SurveyFilter>;

/** The "< 3" guard for shared and exported views. */
export interface DisclosureBuiltin {
  /**
   * One count as shown: `{masked: true, text: "< 3"}` for 1–2 when `active`, else the count.
   * @example disclosure.guardCount(2, {active: true})
   */
  guardCount: typeof guardCount;
  /**
   * A table of counts as shown, and how many were masked.
   * @example disclosure.guardCounts([[1, 5], [12, 2]], {active: true})
   */
  guardCounts: typeof guardCounts;
  /**
   * A shown count as text ("< 3" or the number).
   * @example disclosure.formatShownCount(disclosure.guardCount(2, {active: true}))
   */
  formatShownCount: typeof formatShownCount;
  /**
   * True when a filter narrows by county or size class (then shared views mask small counts).
   * @example disclosure.isDisclosureSensitive(filter)
   */
  isDisclosureSensitive: typeof isDisclosureSensitive;
}

/** The analysis layer's builtins (besides the crosswalk's and the reconciliation's). */
export interface AnalysisBuiltins {
  /**
   * The statistics with SPSS conventions — frequencies, crosstabs with χ², correlations, size-class
   * rates, group comparisons (ANOVA, Kruskal–Wallis), weights — computed on `selection` or `survey` (labels and missing codes from its
   * codebook), an Arquero table or plain columns. Every result carries an `audit` line.
   * The data comes first, then the variables: `stats.crosstab(selection, "q1", "q20")` is SPSS's
   * CROSSTABS /TABLES=q1 BY q20; a cell keeps a result for other cells with
   * `const ct = stats.crosstab(…)`. From SPSS: FREQUENCIES → `stats.frequencies`; CROSSTABS
   * /STATISTICS=CHISQ PHI → `stats.crosstab` (χ², φ, Cramér's V); CORRELATIONS → `stats.pearson`,
   * `stats.correlationMatrix`; NONPAR CORR → `stats.spearman` (unweighted); MEANS … BY size_class →
   * `stats.sizeClassMeans` (means, t intervals and a linear trend); ONEWAY q1 BY size_class
   * /STATISTICS=DESCRIPTIVES WELCH and NPAR TESTS /K-W=q1 BY size_class →
   * `stats.compareGroups(selection, "size_class", "q1")` (n, mean, sd, median per group; ANOVA F with
   * η² and ω², Welch's F, Kruskal–Wallis H with ε²; unweighted), as a table `tables.groups(…)`;
   * which groups differ (ONEWAY /POSTHOC=TUKEY GH; Dunn's test after K-W) →
   * `stats.postHoc(selection, "size_class", "q1")`, as a table `tables.postHoc(…)`; there is no
   * median test here; WEIGHT BY → option `weight`, e.g. `{weight: w.weights}` with
   * `w = stats.postStratify(…)`; SELECT IF / TEMPORARY → the filter bar (`selection`),
   * `applyFilter(survey, {fylke: [11]})` or option `where: [{variable: "fylke", codes: [11]}]`;
   * RECODE … INTO → option `recode` of `stats.pearson`; MISSING VALUES → the codebook's, or option
   * `missing`.
   * @example stats.crosstab(selection, "size_class", "q20")
   */
  stats: StatsBuiltin;
  /**
   * The statistics as report tables with audit lines, through the disclosure guard: crosstab,
   * frequencies, correlations, size-class rates, group comparisons and their pairwise post-hoc tests.
   * @example tables.crosstab(selection, "size_class", "q20", {percent: "row"})
   */
  tables: TablesBuiltin;
  /**
   * The survey charts (one standalone SVG each), through the disclosure guard; each takes a
   * statistic's result or a printed comparison as it comes.
   * @example charts.crosstab(selection, "size_class", "q20")
   */
  charts: ChartsBuiltin;
  /**
   * An extra filter bar (the shared one is the app's), for what-if comparisons; bind it with `view(…)`.
   * @param survey the `survey` builtin (or a selection)
   * @param initial where the bar starts, e.g. {fylke: [11]}
   * @example const whatIf = view(filterInput(survey, {sizeClass: [5, 6]}))
   */
  filterInput(survey: Survey | FilteredSurvey, initial?: FilterArgument): SurveyFilterElement;
  /**
   * The respondents of `survey` that pass `filter` — what the app's filter bar makes as `selection` —
   * with their N, a summary and a message for empty and tiny selections.
   * @param filter e.g. {fylke: [11], sizeClass: [5, 6]}; parts left out mean all
   * @example applyFilter(survey, {fylke: [11, 12]})
   */
  applyFilter(survey: Survey | FilteredSurvey, filter?: FilterArgument): FilteredSurvey;
  /**
   * Whether a record keyed like the survey's variables (fylke, size_class, resp_type, q3 …) passes
   * a filter, by the filter's one rule: for lists that are not survey rows, e.g. the named adopters.
   * @example matchesFilter({fylke: 12, size_class: 6, resp_type: 1, q20: 1}, {fylke: [12]})
   */
  matchesFilter(record: Readonly<Record<string, unknown>>, filter?: FilterArgument): boolean;
  /**
   * A filter in words: "fylke 11 Rogaland; size class 5, 6".
   * @example describeFilter({fylke: [11], sizeClass: [5, 6]})
   */
  describeFilter(filter?: FilterArgument): string;
  /**
   * One printed table of the 1999 report recomputed from the respondents, figure by figure beside
   * the print (under a filter the print is shown for orientation only).
   * @param id the table's number, "2.1" … "3.12"
   * @example comparePrinted(selection, "2.1")
   */
  comparePrinted(selection: Survey | FilteredSurvey, id: string): PrintedComparison;
  /**
   * Any figure computed on the selection and on the same filter in each of the 50 reconstructions,
   * classified: `evidence(path)` is "determined" (the same in every one: it follows from the print and
   * the named municipalities), "reconstruction" (with its range: the build drew it) or "your-data".
   * `path` names a number inside the result ("r", "rows.2.estimate"; "" for a plain number).
   * @example acrossReconstructions(selection, (s) => stats.pearson(s, "size_class", "q29_1").r).evidence("")
   */
  acrossReconstructions<T>(selection: Survey | FilteredSurvey, compute: (draw: FilteredSurvey) => T): WithEvidence<T>;
  /**
   * What each number of a statistic's result rests on over the 50 reconstructions, for a result a
   * `stats` kernel (crosstab, frequencies, pearson, spearman, correlationMatrix, sizeClassRates,
   * sizeClassMeans) computed on `selection` or `survey`: `evidence(path)` as in `acrossReconstructions`
   * ("r", "rows.2.estimate"). The kernel runs on all the reconstructions in one call, its arguments
   * checked once — much cheaper than `acrossReconstructions(selection, (s) => stats.pearson(s, …).r)`,
   * which runs it once per reconstruction. A derived variable goes in the kernel's options, e.g.
   * pearson's `recode`. A result computed on columns or a table has no reconstructions: error.
   * @param result e.g. `stats.pearson(selection, "size_class", "q9")`
   * @example evidenceOf(stats.pearson(selection, "size_class", "q9", {recode: {q9: (code) => 5 - code}})).evidence("r")
   */
  evidenceOf<T extends object>(result: T): WithEvidence<T>;
  /**
   * A printed comparison as a table: printed, recomputed, agreement; `{layout: "grid"}` draws a
   * table of "area — model" rows (Tabell 2.6) as the report printed it.
   * @example renderComparison(comparePrinted(selection, "2.2"))
   */
  renderComparison(comparison: PrintedComparison, options?: ComparisonRenderOptions): HTMLElement;
  /**
   * A printed comparison's rows as its table shows them, for sentences about it: each row's N and
   * each answer's count as text ("< 3" or "·" where a shared view hides it) and its percentage (null
   * where the table shows none). Write counts in prose from this, not from the comparison, or a
   * shared view's text says what its table hides.
   * @example shownComparison(comparePrinted(selection, "2.1"))[0].cells[0].count
   */
  shownComparison(comparison: PrintedComparison): ShownComparisonRow[];
  /**
   * Any rows as a captioned table with an audit line; columns marked `count: true` go through the
   * disclosure guard. A long list can be shown in blocks with fixed column widths (`groupBy`,
   * `widths`): only the blocks near the view are laid out when a filter redraws it.
   * @example renderTable({caption: "Utvalget", columns: [{key: "what", label: ""}, {key: "n", label: "N", count: true}], rows: [{what: "Respondenter", n: selection.n}], audit: selection.summary})
   */
  renderTable(spec: PlainTable, options?: PlainTableOptions): HTMLElement;
  /**
   * Any rows or Arquero table as CSV text (value labels, Excel-safe options).
   * @example exportTable(selection.rows.slice(0, 3), {columns: [{name: "resp_id"}, {name: "fylke"}]})
   */
  exportTable: typeof tableToCsv;
  /**
   * CSV columns with the codebook's value labels for the named variables, for `exportTable`.
   * @example exportColumns(survey.codebook, ["resp_id", "fylke", "q20"])
   */
  exportColumns: typeof codebookColumns;
  /**
   * PSPP (and SPSS) syntax that reproduces analyses on the file in use, under the current filter (as
   * SELECT IF), opening with what its figures rest on (one reconstruction of several, or your file).
   * @param analyses e.g. [{kind: "crosstabs", row: "size_class", column: "q20"}]
   * @example psppExport(selection, [{kind: "frequencies", variables: ["q3", "q20"]}])
   */
  psppExport(selection: Survey | FilteredSurvey, analyses: Analysis | Analysis[], options?: Partial<PsppExportOptions>): string;
  /**
   * The "< 3" guard for shared and exported views.
   * @example disclosure.guardCount(2, {active: selection.disclosureSensitive})
   */
  disclosure: DisclosureBuiltin;
  /**
   * Numbers in the app's language (the switch in the header), for text around the tables:
   * `${fmt.number(x)}` in a markdown cell shows "502 867" in norsk and "502,867" in English.
   * @example fmt.number(502867)
   */
  fmt: FormatBuiltin;
}

/** The host's document, or a Problem that says where DOM output works. */
export function requireDocument(host: AnalysisHost, what: string): Document {
  if (!host.document) {
    throw builtinError(what, "no-document", "it draws on a page, and this host has none. Run the notebook in the app, or headless with the linkedom document (scripts/run-notebook.ts gives one).");
  }
  return host.document;
}

export { isSurvey } from "./survey";
export { isSelection } from "./apply-filter";

/** The survey of a survey or selection argument, or the builtin's error naming the right call. */
export function surveyArgument(builtin: string, value: unknown): Survey {
  if (isSurvey(value)) return value;
  if (isSelection(value)) return value.survey;
  throw builtinError(builtin, "bad-argument", `the first argument is \`survey\` (or a selection), but it got ${describeValue(value)}.`);
}

/** A filter argument with its left-out parts filled in, checked by the filter's one rule. */
export function filterArgument(builtin: string, value: unknown): SurveyFilter {
  if (value === undefined) return EMPTY_FILTER;
  const given = typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
  const result = given ? asSurveyFilter({ ...EMPTY_FILTER, ...given }) : null;
  if (result?.ok) return result.value;
  const why = result ? ` ${result.error.message.replace(/,? so (it|the filter) was not applied.*$/, ".")}` : ` It got ${describeValue(value)}.`;
  throw builtinError(builtin, "bad-filter", `the filter is an object of code lists — {fylke: [11], sizeClass: [5, 6], respType: [1], adopted: ["q20"]}, parts left out meaning all.${why}`);
}

/** Look a printed table up by id; the error lists the ids there are. */
export function findPrinted(survey: Survey, id: unknown): PrintedTable {
  const tables = survey.printed?.tables ?? [];
  const table = tables.find((t) => t.id === id);
  if (table) return table;
  if (typeof id === "number") throw builtinError("comparePrinted", "bad-argument", `the table id is text in quotes, "${id}", not the number ${id} (as a number, 3.10 would be 3.1).`);
  throw builtinError("comparePrinted", "bad-argument", tables.length
    ? `no printed table ${typeof id === "string" ? `"${id}"` : describeValue(id)}. Known ids: ${tables.filter((t) => t.kind !== "list").map((t) => t.id).join(", ")}.`
    : `this survey carries no printed tables; comparePrinted works on the bundled survey.`);
}

/** Build the analysis names for a runtime over `host`. */
export function createAnalysisBuiltins(host: AnalysisHost): AnalysisBuiltins {
  const shared = host.view === "shared";
  const locale = host.locale ?? DEFAULT_LOCALE;
  return {
    stats: statsBuiltinIn(locale),
    tables: createTables({ document: () => requireDocument(host, "tables"), shared, locale }),
    charts: createCharts({ document: () => requireDocument(host, "charts"), shared, locale }),
    filterInput: (value, initial) => {
      const survey = surveyArgument("filterInput", value);
      return surveyFilterInput(requireDocument(host, "filterInput"), {
        value: filterArgument("filterInput", initial),
        count: (filter) => applyFilter(survey, filter).n,
        total: survey.table.numRows(),
        modelLabel: modelLabelOf(survey.codebook, locale),
        locale,
      });
    },
    applyFilter: (value, filter) => applyFilter(surveyArgument("applyFilter", value), filterArgument("applyFilter", filter), { shared, locale }),
    matchesFilter: (record, filter) => meetsConditions(surveyFilterConditions(filterArgument("matchesFilter", filter), locale), (variable) => record[variable]),
    describeFilter: (filter) => describeSurveyFilter(filterArgument("describeFilter", filter), locale),
    // Every recomputed figure comes with what it rests on (printed, determined, the reconstruction).
    comparePrinted: (selection, id) => {
      if (isSurvey(selection)) return comparePrintedWithEvidence(applyFilter(selection, EMPTY_FILTER), findPrinted(selection, id));
      if (isSelection(selection)) return comparePrintedWithEvidence(selection, findPrinted(selection.survey, id));
      throw builtinError("comparePrinted", "bad-argument", `the first argument is \`selection\` (or \`survey\`), but it got ${describeValue(selection)}.`);
    },
    acrossReconstructions: (selection, compute) => {
      const chosen = isSelection(selection) ? selection : isSurvey(selection) ? applyFilter(selection, EMPTY_FILTER) : undefined;
      if (!chosen) throw builtinError("acrossReconstructions", "bad-argument", `the first argument is \`selection\` (or \`survey\`), but it got ${describeValue(selection)}.`);
      if (typeof compute !== "function") throw builtinError("acrossReconstructions", "bad-argument", `the second argument is a function of one reconstruction's selection, e.g. (s) => stats.pearson(s, "size_class", "q29_1").r; it got ${describeValue(compute)}.`);
      return acrossDraws(chosen, compute);
    },
    evidenceOf: (result) => {
      const found: unknown = result;
      const figures = evidenceOfResult(found)?.figures;
      if (!figures) {
        const what = typeof found === "object" && found !== null
          ? "a result computed on columns, a table, `selection.view` or one reconstruction, which has no reconstructions to compare with. Compute it on `selection` (or `survey`)"
          : describeValue(found);
        throw builtinError("evidenceOf", "bad-argument", `the argument is a statistic's result computed on \`selection\`, e.g. evidenceOf(stats.pearson(selection, "size_class", "q9")); it got ${what}.`);
      }
      // `counts` classifies every figure on every draw (a per-draw p is computed when read): only when asked.
      return {
        value: result,
        evidence: (path) => figures.evidence(path),
        get counts() {
          return figures.counts;
        },
        draws: figures.draws,
      };
    },
    renderComparison: (cmp, options = {}) =>
      renderComparison(requireDocument(host, "renderComparison"), cmp, { ...options, mask: options.mask ?? (shared && cmp.disclosureSensitive), locale }),
    shownComparison: (cmp) => shownComparison(cmp, shared && cmp.disclosureSensitive),
    renderTable: (spec, options = {}) =>
      renderTable(requireDocument(host, "renderTable"), spec, { ...options, mask: options.mask ?? (shared && spec.disclosureSensitive === true), locale }),
    psppExport: (selection, analyses, options = {}) => {
      const chosen = isSelection(selection) ? selection : isSurvey(selection) ? applyFilter(selection, EMPTY_FILTER) : undefined;
      if (!chosen) throw builtinError("psppExport", "bad-argument", `the first argument is \`selection\` (or \`survey\`), but it got ${describeValue(selection)}.`);
      const survey = chosen.survey;
      return psppSyntax(analyses, {
        codebook: survey.codebook, dataFile: survey.file, columns: survey.table.columnNames(), where: chosen.conditions, evidence: evidenceNote(survey, locale), language: locale, ...options,
      });
    },
    exportTable: tableToCsv,
    exportColumns: codebookColumns,
    disclosure: { guardCount, guardCounts, formatShownCount, isDisclosureSensitive },
    fmt: formatBuiltin(locale),
  };
}

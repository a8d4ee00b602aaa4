/**
 * The names survey notebooks get in scope next to the stdlib (via `RuntimeOptions.builtins`):
 *
 * - `survey` — Promise<Survey>: the bundled 1999 respondents, codebook, printed tables, adopters;
 * - `stats` — the statistics core (frequencies, crosstab, pearson, correlationMatrix, …);
 * - `filterInput(survey, initial?)` — the shared filter bar, bound with `view(...)`;
 * - `applyFilter(survey, filter)` — the selected respondents, their N, and an empty/tiny message;
 * - `comparePrinted(selection, id)` — a printed table recomputed beside the print;
 * - `renderComparison(cmp)`, `renderTable(spec)` — HTML tables with audit lines;
 * - `charts` — the chart helpers bound to the host's document;
 * - `exportTable(table, options?)` — CSV text of any table; `printed(id)` — a printed table;
 * - `disclosure` — the "< 3" guard for shared and exported views.
 *
 * Both the headless runner and the browser app pass `createAnalysisBuiltins(host)`.
 */
import { EMPTY_FILTER, type SurveyFilter } from "../data/survey-filter";
import { isDisclosureSensitive } from "../data/survey-filter";
import type { PrintedTable } from "../data/printed-tables";
import * as stats from "../stats/index";
import { formatShownCount, guardCount, guardCounts } from "../stats/disclosure";
import { correlationHeatmap, type CorrelationHeatmapOptions, type HeatmapInput } from "./charts/correlation-heatmap";
import { divergingBars, type DivergingBarsOptions, type DivergingItem } from "./charts/diverging-bars";
import { sizeClassRates, type SizeClassRate, type SizeClassRatesOptions } from "./charts/size-class-rates";
import { statusBars, type StatusBarModel, type StatusBarsOptions } from "./charts/status-bars";
import { codebookColumns, tableToCsv } from "./export-table";
import { applyFilter, type FilteredSurvey } from "./apply-filter";
import { comparePrinted, type PrintedComparison } from "./printed-comparison";
import { renderComparison, renderTable, type PlainTable, type RenderOptions } from "./render-table";
import { surveyFilterInput, type SurveyFilterElement } from "./survey-filter-input";
import { loadSurvey, type Survey, type SurveyHost } from "./survey";

/** What the analysis builtins need from the host: file access and (for DOM output) a document. */
export interface AnalysisHost extends SurveyHost {
  document?: Document;
  /**
   * "live" (default): the analyst's own view, exact counts. "shared": a shared link or an export,
   * where counts of 1–2 under a county or size-class filter print as "< 3".
   */
  view?: "live" | "shared";
}

/** Chart options without `document`: the builtins supply the host's. */
type Unbound<T> = Omit<T, "document">;
/** Chart options as notebooks pass them: no document, plus the selection's disclosure flag. */
type ChartOptions<T> = Unbound<T> & { disclosureSensitive?: boolean };

/** Counts behind a diverging bar, recovered from its percentages and base. */
function divergingCounts(items: readonly DivergingItem[]): number[] {
  return items.flatMap((item) => (item.n ? [...item.percents, item.dontKnow].map((pct) => Math.round((pct * (item.n ?? 0)) / 100)) : []));
}

function requireDocument(host: AnalysisHost, what: string): Document {
  if (!host.document) {
    throw new Error(`${what} needs a DOM document, and this host has none. Run the notebook in the app, or headless with the linkedom document (scripts/run-notebook.ts gives one).`);
  }
  return host.document;
}

function isSurvey(value: unknown): value is Survey {
  return typeof value === "object" && value !== null && "rows" in value && "table" in value && "codebook" in value && "notice" in value;
}

function surveyOf(value: Survey | FilteredSurvey | unknown, what: string): Survey {
  if (isSurvey(value)) return value;
  throw new TypeError(`${what} expects the loaded survey: write \`await survey\` (survey is a Promise).`);
}

/** Look a printed table up by id; the error lists the ids there are. */
export function findPrinted(survey: Survey, id: string): PrintedTable {
  const tables = survey.printed?.tables ?? [];
  const table = tables.find((t) => t.id === id);
  if (!table) {
    const known = tables.map((t) => t.id).join(", ");
    throw new Error(tables.length
      ? `No printed table "${id}". Known ids: ${known}.`
      : `This survey carries no printed tables (it is the user's own file); printed("${id}") works on the bundled survey.`);
  }
  return table;
}

/** Build the analysis names for a runtime over `host`. The survey is read once, on first use. */
export function createAnalysisBuiltins(host: AnalysisHost): Record<string, unknown> {
  let loaded: Promise<Survey> | undefined;
  const survey = (): Promise<Survey> => {
    if (!loaded) {
      loaded = loadSurvey(host);
      // A notebook that never awaits `survey` must not turn a missing file into an unhandled rejection.
      loaded.catch(() => undefined);
    }
    return loaded;
  };
  const shared = host.view === "shared";
  const chartDoc = (): Document => requireDocument(host, "A chart");
  // In shared views a bar's length gives away a count of 1–2 as surely as the number would, so
  // a chart with such a group under a county/size filter is withheld (the table shows "< 3").
  const withheld = (counts: readonly number[], sensitive: boolean | undefined): HTMLElement | null => {
    if (!shared || !sensitive || !counts.some((k) => k > 0 && k < 3)) return null;
    const note = chartDoc().createElement("p");
    note.className = "tv-notice tv-warning";
    note.textContent = "Chart withheld in this shared view: under this county or size-class filter some groups have fewer than 3 respondents, and the bar lengths would reveal them (disclosure guard). The table shows them as “< 3”.";
    return note;
  };
  const charts = {
    statusBars: (models: readonly StatusBarModel[], { disclosureSensitive, ...options }: ChartOptions<StatusBarsOptions> = {}) =>
      withheld(models.flatMap((m) => m.counts), disclosureSensitive) ?? statusBars(models, { ...options, document: chartDoc() }),
    divergingBars: (items: readonly DivergingItem[], { disclosureSensitive, ...options }: ChartOptions<DivergingBarsOptions> = {}) =>
      withheld(divergingCounts(items), disclosureSensitive) ?? divergingBars(items, { ...options, document: chartDoc() }),
    correlationHeatmap: (input: HeatmapInput, options: Unbound<CorrelationHeatmapOptions> = {}) => correlationHeatmap(input, { ...options, document: chartDoc() }),
    sizeClassRates: (classes: readonly SizeClassRate[], options: Unbound<SizeClassRatesOptions> = {}) => sizeClassRates(classes, { ...options, document: chartDoc() }),
  };
  const names: Record<string, unknown> = {
    stats,
    charts,
    filterInput: (value: unknown, initial: SurveyFilter = EMPTY_FILTER): SurveyFilterElement => {
      const s = surveyOf(value, "filterInput(survey)");
      return surveyFilterInput(requireDocument(host, "The filter bar"), {
        value: initial,
        count: (filter) => applyFilter(s, filter).n,
        total: s.rows.length,
      });
    },
    applyFilter: (value: unknown, filter: SurveyFilter = EMPTY_FILTER): FilteredSurvey => applyFilter(surveyOf(value, "applyFilter(survey, filter)"), filter),
    comparePrinted: (selection: FilteredSurvey | Survey, id: string): PrintedComparison => {
      if (isSurvey(selection)) return comparePrinted(selection.table, findPrinted(selection, id), { codebook: selection.codebook });
      return comparePrinted(selection.view, findPrinted(selection.survey, id), { codebook: selection.survey.codebook });
    },
    renderComparison: (cmp: PrintedComparison, options: RenderOptions = {}) =>
      renderComparison(requireDocument(host, "A table"), cmp, { ...options, mask: options.mask ?? (shared && cmp.disclosureSensitive) }),
    renderTable: (spec: PlainTable, options: RenderOptions = {}) =>
      renderTable(requireDocument(host, "A table"), spec, { ...options, mask: options.mask ?? (shared && spec.disclosureSensitive === true) }),
    exportTable: tableToCsv,
    exportColumns: codebookColumns,
    printed: async (id: string): Promise<PrintedTable> => findPrinted(await survey(), id),
    disclosure: { guardCount, guardCounts, formatShownCount, isDisclosureSensitive },
  };
  // `survey` is a getter so a notebook that never mentions it never reads the files.
  Object.defineProperty(names, "survey", { enumerable: true, get: survey });
  return names;
}

/**
 * The analysis names survey notebooks get in scope next to the stdlib:
 *
 * - `stats` — the statistics core (frequencies, crosstab, pearson, correlationMatrix, …);
 * - `filterInput(survey, initial?)` — an extra filter bar (the shared one is the host's), bound with `view(...)`;
 * - `applyFilter(survey, filter)` — the selected respondents, their N, and an empty/tiny message;
 * - `matchesFilter(record, filter)`, `describeFilter(filter)` — the filter's one rule on a record
 *   keyed like the survey's variables (e.g. the appendix's municipalities), and its description;
 * - `comparePrinted(selection, id)` — a printed table recomputed beside the print;
 * - `renderComparison(cmp)`, `renderTable(spec)` — HTML tables with audit lines;
 * - `charts` — the survey charts on the host's document, disclosure guard included;
 * - `exportTable(table, options?)`, `exportColumns(codebook, names)` — CSV of any table;
 * - `psppExport(selection, analyses, options?)` — PSPP/SPSS syntax reproducing analyses on the file in use, under the filter;
 * - `disclosure` — the "< 3" guard for shared and exported views.
 *
 * `survey`, `filter` and `selection` are the host's state (SurveyScope), not defined here.
 */
import { ProblemError } from "../base/result";
import type { PrintedTable } from "../data/printed-tables";
import { meetsConditions } from "../data/filter-condition";
import { describeSurveyFilter, EMPTY_FILTER, isDisclosureSensitive, surveyFilterConditions, type SurveyFilter } from "../data/survey-filter";
import * as stats from "../stats/index";
import { formatShownCount, guardCount, guardCounts } from "../stats/disclosure";
import { applyFilter, type FilteredSurvey } from "./apply-filter";
import { createCharts } from "./charts/charts";
import { codebookColumns, tableToCsv } from "./export-table";
import { comparePrintedWithEvidence } from "./evidence/compare-evidence";
import { evidenceNote } from "./evidence/evidence-note";
import type { PrintedComparison } from "./printed-comparison";
import { renderComparison, renderTable, type PlainTable, type RenderOptions } from "./render-table";
import { modelLabelOf, type Survey } from "./survey";
import { surveyFilterInput, type SurveyFilterElement } from "./survey-filter-input";

/** What the analysis builtins need from the host: (for DOM output) a document, and the view. */
export interface AnalysisHost {
  document?: Document;
  /**
   * "live" (default): the analyst's own view, exact counts. "shared": a shared link or an export,
   * where counts of 1–2 under a county or size-class filter print as "< 3".
   */
  view?: "live" | "shared";
}

/** The host's document, or a Problem that says where DOM output works. */
export function requireDocument(host: AnalysisHost, what: string): Document {
  if (!host.document) {
    throw new ProblemError({ kind: "no-document", message: `${what} needs a DOM document, and this host has none. Run the notebook in the app, or headless with the linkedom document (scripts/run-notebook.ts gives one).` });
  }
  return host.document;
}

/** A loaded survey (not a selection, not the Promise). */
export function isSurvey(value: unknown): value is Survey {
  return typeof value === "object" && value !== null && "table" in value && "codebook" in value && "notice" in value && "file" in value;
}

/** A selection made by `applyFilter` (or the host's `selection`). */
export function isSelection(value: unknown): value is FilteredSurvey {
  return typeof value === "object" && value !== null && "view" in value && "survey" in value && "filter" in value && "conditions" in value;
}

function surveyOf(value: unknown, call: string): Survey {
  if (isSurvey(value)) return value;
  if (isSelection(value)) return value.survey;
  throw new ProblemError({ kind: "bad-argument", message: `${call} expects the survey (the builtin \`survey\`) or a selection; got ${describe(value)}. Example: ${call.replace("survey", "survey")}.` });
}

/** A short description of a wrong argument for error messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object" && "then" in value) return "a Promise (write `await …`)";
  return typeof value === "string" ? `the text "${value.slice(0, 30)}"` : `a ${typeof value}`;
}

/** Look a printed table up by id; the error lists the ids there are. */
export function findPrinted(survey: Survey, id: string): PrintedTable {
  const tables = survey.printed?.tables ?? [];
  const table = tables.find((t) => t.id === id);
  if (table) return table;
  throw new ProblemError({
    kind: "bad-argument",
    message: tables.length
      ? `No printed table "${id}". Known ids: ${tables.map((t) => t.id).join(", ")}.`
      : `This survey carries no printed tables; comparePrinted(selection, "${id}") works on the bundled survey.`,
  });
}

/** Build the analysis names for a runtime over `host`. */
export function createAnalysisBuiltins(host: AnalysisHost): Record<string, unknown> {
  const shared = host.view === "shared";
  return {
    stats,
    charts: createCharts({ document: () => requireDocument(host, "A chart"), shared }),
    filterInput: (value: unknown, initial: SurveyFilter = EMPTY_FILTER): SurveyFilterElement => {
      const survey = surveyOf(value, "filterInput(survey)");
      return surveyFilterInput(requireDocument(host, "The filter bar"), {
        value: initial,
        count: (filter) => applyFilter(survey, filter).n,
        total: survey.table.numRows(),
        modelLabel: modelLabelOf(survey.codebook),
      });
    },
    applyFilter: (value: unknown, filter: SurveyFilter = EMPTY_FILTER): FilteredSurvey => applyFilter(surveyOf(value, "applyFilter(survey, filter)"), filter),
    matchesFilter: (record: Readonly<Record<string, unknown>>, filter: SurveyFilter = EMPTY_FILTER): boolean =>
      meetsConditions(surveyFilterConditions(filter), (variable) => record[variable]),
    describeFilter: (filter: SurveyFilter = EMPTY_FILTER): string => describeSurveyFilter(filter),
    // Every recomputed figure comes with what it rests on (printed, determined, the reconstruction).
    comparePrinted: (selection: unknown, id: string): PrintedComparison => {
      if (isSurvey(selection)) return comparePrintedWithEvidence(applyFilter(selection, EMPTY_FILTER), findPrinted(selection, id));
      if (isSelection(selection)) return comparePrintedWithEvidence(selection, findPrinted(selection.survey, id));
      throw new ProblemError({ kind: "bad-argument", message: `comparePrinted(selection, id) expects a selection (the builtin \`selection\`) or the survey; got ${describe(selection)}. Example: comparePrinted(selection, "2.1").` });
    },
    renderComparison: (cmp: PrintedComparison, options: RenderOptions = {}) =>
      renderComparison(requireDocument(host, "A table"), cmp, { ...options, mask: options.mask ?? (shared && cmp.disclosureSensitive) }),
    renderTable: (spec: PlainTable, options: RenderOptions = {}) =>
      renderTable(requireDocument(host, "A table"), spec, { ...options, mask: options.mask ?? (shared && spec.disclosureSensitive === true) }),
    psppExport: (selection: unknown, analyses: stats.Analysis | stats.Analysis[], options: Partial<stats.PsppExportOptions> = {}): string => {
      const chosen = isSelection(selection) ? selection : isSurvey(selection) ? applyFilter(selection, EMPTY_FILTER) : undefined;
      if (!chosen) {
        throw new ProblemError({ kind: "bad-argument", message: `psppExport(selection, analyses) expects the builtin \`selection\` (or the survey); got ${describe(selection)}. Example: psppExport(selection, [{kind: "frequencies", variables: ["q3"]}]).` });
      }
      const survey = chosen.survey;
      return stats.psppSyntax(analyses, {
        codebook: survey.codebook, dataFile: survey.file, columns: survey.table.columnNames(), where: chosen.conditions, evidence: evidenceNote(survey), ...options,
      });
    },
    exportTable: tableToCsv,
    exportColumns: codebookColumns,
    disclosure: { guardCount, guardCounts, formatShownCount, isDisclosureSensitive },
  };
}

/**
 * What "New" can start from: a blank notebook, or a survey analysis that is useful at once — the
 * respondents through the app's filter bar (`selection`), their N, and one worked analysis with the
 * report builtins (a crosstab with χ² as a table and a chart, and a frequency table), ready to edit.
 * Its title is its first heading, so it follows the analyst's own heading (notebook-title.ts).
 */
import { newCell, type NotebookDoc } from "../notebook/document";
import { UNTITLED } from "./notebook-title";

/** The kinds of new notebook. */
export type TemplateId = "blank" | "survey-analysis";

/** One kind of new notebook. */
export interface NotebookTemplate {
  id: TemplateId;
  /** For the "New" menu. */
  label: string;
  description: string;
  /** A fresh document (a new object each call). */
  doc(): NotebookDoc;
}

const SURVEY_ANALYSIS_TITLE = "Survey analysis";

/** Cells of the survey-analysis template, in order. */
const SURVEY_ANALYSIS_CELLS: readonly [kind: "md" | "js", source: string][] = [
  ["md", `# ${SURVEY_ANALYSIS_TITLE}

Write your question here, and rename the notebook by changing this heading.

The filter bar above chooses the respondents (county, size class, kommune or fylkeskommune, adopted
models); every cell that reads \`selection\` follows it. The reference lists every builtin with an
example; a builtin called wrongly says the call that works.`],
  ["md", "**N = ${selection.n}** of ${selection.total} respondents (${selection.description}). ${survey.notice}"],
  ["md", `## Balanced scorecard by municipality size

The status of *balansert målstyring* (q20) in each SSB size class, as row percentages, with Pearson χ²
and Cramér's V under the table. Change the variables, or the percentages (\`"column"\`, \`"total"\`).`],
  ["js", 'tables.crosstab(selection, "size_class", "q20", {percent: "row"})'],
  ["js", 'charts.crosstab(selection, "size_class", "q20")'],
  ["md", `## One variable

Self-rated activity in quality work (q1): valid percent with "vet ikke" and blanks as missing.`],
  ["js", 'tables.frequencies(selection, "q1")'],
];

/** The kinds of new notebook, blank first. */
export const NOTEBOOK_TEMPLATES: readonly NotebookTemplate[] = [
  {
    id: "blank",
    label: "Blank notebook",
    description: "A heading and one cell.",
    doc: () => ({ title: UNTITLED, cells: [newCell("1", "md", `# ${UNTITLED}\n\nWrite here.`), newCell("2", "js", "1 + 1")] }),
  },
  {
    id: "survey-analysis",
    label: "Survey analysis",
    description: "The filtered respondents, their N, and a crosstab with χ², a chart and a frequency table to edit.",
    doc: () => ({ title: SURVEY_ANALYSIS_TITLE, cells: SURVEY_ANALYSIS_CELLS.map(([kind, source], i) => newCell(String(i + 1), kind, source)) }),
  },
];

/** The template `id` (blank when unknown). */
export function notebookTemplate(id: TemplateId): NotebookTemplate {
  return NOTEBOOK_TEMPLATES.find((t) => t.id === id) ?? NOTEBOOK_TEMPLATES[0] ?? { id: "blank", label: "Blank notebook", description: "", doc: () => ({ title: UNTITLED, cells: [] }) };
}

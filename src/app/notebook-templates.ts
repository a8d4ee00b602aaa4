/**
 * What "New" can start from: a blank notebook, or a survey analysis that is useful at once — the
 * respondents through the app's filter bar (`selection`), their N, and one worked analysis with the
 * report builtins (a crosstab with χ² as a table and a chart, and a frequency table), ready to edit.
 * Its title is its first heading, so it follows the analyst's own heading (notebook-title.ts). A new
 * notebook is written in the reader's language of the moment: it is theirs, so it is not translated
 * after (unlike the shipped notebooks' prose, it has no bokmål variants).
 */
import { newCell, type NotebookDoc } from "../notebook/document";
import { UNTITLED } from "./notebook-title";
import { DEFAULT_LOCALE, type Locale } from "../base/locale/locale";

/** The kinds of new notebook. */
export type TemplateId = "blank" | "survey-analysis";

/** One kind of new notebook. */
export interface NotebookTemplate {
  id: TemplateId;
  /** A fresh document in the reader's language (a new object each call): the notebook is theirs, written in it. */
  doc(locale?: Locale): NotebookDoc;
}

/** A template's words in one language: its title (its first heading) and its cells, in order. */
interface TemplateText {
  title: string;
  cells: readonly [kind: "md" | "js", source: string][];
}

/**
 * The survey-analysis template in each language. The code is the same; the prose, the heading and
 * the N line are the reader's language (the N line reads `selection.notice`, which is in it too).
 */
const SURVEY_ANALYSIS: Record<Locale, TemplateText> = {
  en: {
    title: "Survey analysis",
    cells: [
      ["md", `# Survey analysis

Write your question here, and rename the notebook by changing this heading.

The filter bar above chooses the respondents (county, size class, kommune or fylkeskommune, adopted
models); every cell that reads \`selection\` follows it. The reference lists every builtin with an
example; a builtin called wrongly says the call that works.`],
      ["md", "**N = ${selection.n}** of ${selection.total} respondents (${selection.description}). ${selection.notice}"],
      ["md", `## Balanced scorecard by municipality size

The status of *balansert målstyring* (q20) in each SSB size class, as row percentages, with Pearson χ²
and Cramér's V under the table. Change the variables, or the percentages (\`"column"\`, \`"total"\`).`],
      ["js", 'tables.crosstab(selection, "size_class", "q20", {percent: "row"})'],
      ["js", 'charts.crosstab(selection, "size_class", "q20")'],
      ["md", `## One variable

Self-rated activity in quality work (q1): valid percent with "vet ikke" and blanks as missing.`],
      ["js", 'tables.frequencies(selection, "q1")'],
    ],
  },
  nb: {
    title: "Analyse av undersøkelsen",
    cells: [
      ["md", `# Analyse av undersøkelsen

Skriv spørsmålet ditt her, og gi notatboken nytt navn ved å endre denne overskriften.

Filterlinjen over velger respondentene (fylke, størrelsesklasse, kommune eller fylkeskommune, innførte
modeller); hver celle som leser \`selection\`, følger den. Referansen viser hver innebygde funksjon med
et eksempel; en funksjon som kalles feil, sier hvilket kall som virker.`],
      ["md", "**N = ${selection.n}** av ${selection.total} respondenter (${selection.description}). ${selection.notice}"],
      ["md", `## Balansert målstyring etter kommunestørrelse

Status for *balansert målstyring* (q20) i hver av SSBs størrelsesklasser, som radprosent, med Pearsons χ²
og Cramérs V under tabellen. Bytt variablene, eller prosentene (\`"column"\`, \`"total"\`).`],
      ["js", 'tables.crosstab(selection, "size_class", "q20", {percent: "row"})'],
      ["js", 'charts.crosstab(selection, "size_class", "q20")'],
      ["md", `## Én variabel

Egenvurdert aktivitet i kvalitetsarbeidet (q1): gyldig prosent, med «vet ikke» og blanke som manglende.`],
      ["js", 'tables.frequencies(selection, "q1")'],
    ],
  },
};

/** The blank notebook in each language: a heading and one cell. */
const BLANK: Record<Locale, TemplateText> = {
  en: { title: UNTITLED, cells: [["md", `# ${UNTITLED}\n\nWrite here.`], ["js", "1 + 1"]] },
  nb: { title: "Notatbok uten tittel", cells: [["md", "# Notatbok uten tittel\n\nSkriv her."], ["js", "1 + 1"]] },
};

function fromText(text: TemplateText): NotebookDoc {
  return { title: text.title, cells: text.cells.map(([kind, source], i) => newCell(String(i + 1), kind, source)) };
}

/** The kinds of new notebook, blank first. */
export const NOTEBOOK_TEMPLATES: readonly NotebookTemplate[] = [
  { id: "blank", doc: (locale = DEFAULT_LOCALE) => fromText(BLANK[locale]) },
  { id: "survey-analysis", doc: (locale = DEFAULT_LOCALE) => fromText(SURVEY_ANALYSIS[locale]) },
];

/** The template `id` (blank when unknown). */
export function notebookTemplate(id: TemplateId): NotebookTemplate {
  return NOTEBOOK_TEMPLATES.find((t) => t.id === id) ?? { id: "blank", doc: (locale = DEFAULT_LOCALE) => fromText(BLANK[locale]) };
}

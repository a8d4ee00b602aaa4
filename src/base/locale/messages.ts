/**
 * The words the app writes around the numbers, one catalogue per language. `Messages` is the one
 * list of keys: a catalogue that misses a key (or has one too many) fails the type-check, and a unit
 * test checks the same at run time. Messages with figures in them are functions, so word order can
 * differ between the languages. Notebook prose is the author's and is never translated.
 */
import type { Locale } from "./locale";
// The analysis layer's running text (audit lines, filter, evidence), the shell's chrome and the notebook's have their own catalogue files.
import { analysisMessages, type AnalysisMessages } from "./analysis-messages";
import { notebookChromeEn, notebookChromeNb, type NotebookChromeMessages } from "./notebook-chrome-messages";
import { shellEn, shellNb, type ShellMessages } from "./shell-messages";
import { tableMessages, type TableMessages } from "./table-messages";
import { groupMessages, type GroupMessages } from "./group-messages";
import { postHocMessages, type PostHocMessages } from "./post-hoc-messages";

/** Every message of the app (analysis texts: analysis-messages.ts; the shell's chrome: shell-messages.ts; a notebook's own chrome: notebook-chrome-messages.ts; 04's, 06's and the kernels' generated texts: table-messages.ts). */
export interface Messages extends AnalysisMessages, ShellMessages, NotebookChromeMessages, TableMessages, GroupMessages, PostHocMessages {
  /** The language's own name, for the switch. */
  languageName: string;
  /** The switch's accessible label. */
  languageSwitch: string;

  // The filter bar.
  filterLabel: string;
  filterCounty: string;
  filterSearchCounty: string;
  filterSearchCountyLabel: string;
  filterSizeClass: string;
  filterType: string;
  filterHasAdopted: string;
  filterAll: string;
  filterClear: string;
  typeKommune: string;
  typeFylkeskommune: string;
  filterCount(n: string, total: string | undefined): string;
  filterNone: string;
  filterTooFew: string;
  dimReconstructed: string;
  dimReconstructedTitle: string;

  // Tables.
  answer: string;
  printed: string;
  printedAll: string;
  recomputed: string;
  recomputedFiltered: string;
  agrees: string;
  differs: string;
  resolution: string;
  total: string;
  count: string;
  rowPercent: string;
  columnPercent: string;
  totalPercent: string;
  expected: string;
  percent: string;
  validPercent: string;
  cumulativePercent: string;
  valid: string;
  missing: string;
  systemMissing: string;
  sizeClass: string;
  sig2Tailed: string;
  allClasses: string;
  cases: string;
  rate: string;
  mean: string;
  trend: string;
  intervalHeader(level: number, kind: "rate" | "mean"): string;
  auditEachRow(rows: number): string;
  recomputedPrintedCaption(caption: string): string;

  // Charts.
  percentAxis: string;
  percentOfRow: string;
  percentOfValid: string;
  sizeClassAxis: string;
  dontKnow: string;
  code(code: number): string;
  all: string;
  of: string;
  intervalNote(interval: string): string;
  wilsonInterval(level: number): string;
  fewerThanShown(threshold: number): string;
  chartWithheld(threshold: number): string;
  agreementScale: readonly string[];
  statusScale: readonly string[];
  noAnswers: string;
  printedInReport: string;
  printedDiffers: string;
  printedForAllTitle(printed: string, here: string): string;
  printedTitle(printed: string, recomputed: string): string;
  tooFewPairs(minN: number): string;
  spearmanRho: string;
  pearsonR: string;
  /** The heatmap's key; `ranges` when some r carries its range over the reconstructions (drawn brown under n). */
  heatmapKey(fdr: boolean, minN: number, ranges: boolean): string;
}

const nb: Messages = {
  ...analysisMessages.nb,
  ...tableMessages.nb,
  ...groupMessages.nb,
  ...postHocMessages.nb,
  ...shellNb,
  ...notebookChromeNb,
  languageName: "norsk",
  languageSwitch: "Språk",
  filterLabel: "Utvalgsfilter",
  filterCounty: "Fylke",
  filterSearchCounty: "Søk fylke",
  filterSearchCountyLabel: "Søk blant fylkene",
  filterSizeClass: "Størrelse",
  filterType: "Type",
  filterHasAdopted: "Har innført",
  filterAll: "alle",
  filterClear: "Nullstill filter",
  typeKommune: "kommune",
  typeFylkeskommune: "fylkeskommune",
  filterCount: (n, total) => `N = ${n}${total === undefined ? "" : ` av ${total}`}`,
  filterNone: " — ingen respondenter passer; vid ut filteret",
  filterTooFew: " — for få for pålitelige prosenter",
  dimReconstructed: "Demp rekonstruerte (R)",
  dimReconstructedTitle: "Grå ut hvert tall merket R: det varierer mellom rekonstruksjonene, så rapporten sier det ikke",
  answer: "Svar",
  printed: "Trykt",
  printedAll: "Trykt (alle)",
  recomputed: "Beregnet",
  recomputedFiltered: "Beregnet (filtrert)",
  agrees: "Stemmer",
  differs: "✗ avviker",
  resolution: "løsning",
  total: "Totalt",
  count: "Antall",
  rowPercent: "Rad-%",
  columnPercent: "Kolonne-%",
  totalPercent: "Total-%",
  expected: "Forventet",
  percent: "Prosent",
  validPercent: "Gyldig prosent",
  cumulativePercent: "Kumulativ prosent",
  valid: "Gyldige",
  missing: "Mangler",
  systemMissing: "System (blank)",
  sizeClass: "Størrelsesklasse",
  sig2Tailed: "Sig. (tosidig)",
  allClasses: "Alle klasser",
  cases: "Tilfeller",
  rate: "Andel",
  mean: "Gjennomsnitt",
  trend: "Trend",
  intervalHeader: (level, kind) => `${level} % ${kind === "rate" ? "Wilson-intervall" : "t-intervall"}`,
  auditEachRow: (rows) => `Revisjonslinje for hver av de ${rows} radene`,
  recomputedPrintedCaption: (caption) => `${caption} — beregnet (trykt)`,
  percentAxis: "Prosent",
  percentOfRow: "Prosent av raden",
  percentOfValid: "Prosent av gyldige svar",
  sizeClassAxis: "Størrelsesklasse (innbyggere)",
  dontKnow: "Vet ikke",
  code: (code) => `Kode ${code}`,
  all: "Alle",
  of: "av",
  intervalNote: (interval) => `Strekene viser ${interval}.`,
  wilsonInterval: (level) => `${level} % Wilson-intervall`,
  fewerThanShown: (threshold) => `Klasser med færre enn ${threshold} svar vises ikke.`,
  chartWithheld: (threshold) => `Figuren er holdt tilbake i denne delte visningen: under dette fylkes- eller størrelsesfilteret har noen grupper færre enn ${threshold} respondenter, og stolpelengdene ville avsløre dem (vern mot avsløring). Tabellen viser dem som «< ${threshold}».`,
  agreementScale: ["Helt enig", "Delvis enig", "Delvis uenig", "Helt uenig"],
  statusScale: ["Har allerede innført", "Holder på å innføre", "Planlegger å innføre", "Har ikke planer om å innføre"],
  noAnswers: "ingen svar",
  printedInReport: "Trykt i rapporten",
  printedDiffers: "Trykt, avviker",
  printedForAllTitle: (printed, here) => `Trykt for alle respondenter ${printed}; her (filtrert) ${here}`,
  printedTitle: (printed, recomputed) => `Trykt ${printed}, beregnet ${recomputed}`,
  tooFewPairs: (minN) => ` — under ${minN} par, for få til å tolkes`,
  spearmanRho: "Spearmans ρ",
  pearsonR: "Pearsons r",
  heatmapKey: (fdr, minN, ranges) => `${fdr ? "* q < 0,05, ** q < 0,01 (Benjamini–Hochberg, tosidig)" : "* p < 0,05, ** p < 0,01 (tosidig)"}; n = par; grått: n < ${minN}${ranges ? "; brunt under n: r fra–til over rekonstruksjonene" : ""}`,
};

const en: Messages = {
  ...analysisMessages.en,
  ...tableMessages.en,
  ...groupMessages.en,
  ...postHocMessages.en,
  ...shellEn,
  ...notebookChromeEn,
  languageName: "English",
  languageSwitch: "Language",
  filterLabel: "Survey filter",
  filterCounty: "County",
  filterSearchCounty: "Search counties",
  filterSearchCountyLabel: "Search counties",
  filterSizeClass: "Size class",
  filterType: "Type",
  filterHasAdopted: "Has adopted",
  filterAll: "all",
  filterClear: "Clear filter",
  typeKommune: "municipality",
  typeFylkeskommune: "county authority",
  filterCount: (n, total) => `N = ${n}${total === undefined ? "" : ` of ${total}`}`,
  filterNone: " — no respondents match; widen the filter",
  filterTooFew: " — too few for reliable percentages",
  dimReconstructed: "Dim reconstructed (R)",
  dimReconstructedTitle: "Grey out every figure marked R: it differs between the reconstructions, so the report does not say it",
  answer: "Answer",
  printed: "Printed",
  printedAll: "Printed (all)",
  recomputed: "Recomputed",
  recomputedFiltered: "Recomputed (filtered)",
  agrees: "Agrees",
  differs: "✗ differs",
  resolution: "resolution",
  total: "Total",
  count: "Count",
  rowPercent: "Row %",
  columnPercent: "Column %",
  totalPercent: "Total %",
  expected: "Expected",
  percent: "Percent",
  validPercent: "Valid Percent",
  cumulativePercent: "Cumulative Percent",
  valid: "Valid",
  missing: "Missing",
  systemMissing: "System (blank)",
  sizeClass: "Size class",
  sig2Tailed: "Sig. (2-tailed)",
  allClasses: "All classes",
  cases: "Cases",
  rate: "Rate",
  mean: "Mean",
  trend: "Trend",
  intervalHeader: (level, kind) => `${level}% ${kind === "rate" ? "Wilson interval" : "t interval"}`,
  auditEachRow: (rows) => `Audit line of each of the ${rows} rows`,
  recomputedPrintedCaption: (caption) => `${caption} — recomputed (printed)`,
  percentAxis: "Percent",
  percentOfRow: "Percent of row",
  percentOfValid: "Percent of valid answers",
  sizeClassAxis: "Size class (inhabitants)",
  dontKnow: "Don't know",
  code: (code) => `Code ${code}`,
  all: "All",
  of: "of",
  intervalNote: (interval) => `Lines show ${interval}.`,
  wilsonInterval: (level) => `${level}% Wilson interval`,
  fewerThanShown: (threshold) => `Classes with fewer than ${threshold} answers are not shown.`,
  chartWithheld: (threshold) => `Chart withheld in this shared view: under this county or size-class filter some groups have fewer than ${threshold} respondents, and the bar lengths would reveal them (disclosure guard). The table shows them as “< ${threshold}”.`,
  agreementScale: ["Strongly agree", "Partly agree", "Partly disagree", "Strongly disagree"],
  statusScale: ["Already introduced", "Introducing", "Planning to introduce", "No plans to introduce"],
  noAnswers: "no answers",
  printedInReport: "Printed in the report",
  printedDiffers: "Printed, differs",
  printedForAllTitle: (printed, here) => `Printed for all respondents ${printed}; here (filtered) ${here}`,
  printedTitle: (printed, recomputed) => `Printed ${printed}, recomputed ${recomputed}`,
  tooFewPairs: (minN) => ` — fewer than ${minN} pairs, too few to interpret`,
  spearmanRho: "Spearman's ρ",
  pearsonR: "Pearson's r",
  heatmapKey: (fdr, minN, ranges) => `${fdr ? "* q < .05, ** q < .01 (Benjamini–Hochberg, two-sided)" : "* p < .05, ** p < .01 (two-sided)"}; n = pairs; grey: n < ${minN}${ranges ? "; brown under n: r from–to over the reconstructions" : ""}`,
};

/** The catalogue of each language. */
export const messages: Readonly<Record<Locale, Messages>> = { nb, en };

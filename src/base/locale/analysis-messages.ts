/**
 * The words an analyst reads under the numbers — audit lines, the filter's description, the
 * selection's summary, what a figure rests on — one catalogue per language. Kept apart from the
 * shell's and the tables' words (messages.ts) so the two grow without stepping on each other;
 * `Messages` extends this, so `messages[locale]` has every key. A test runs the shipped notebooks in
 * each language and finds none of the other language's phrases from this catalogue in their output.
 */
import { formatNumber } from "./number-format";

/** The four kinds of evidence, by the names the analysis layer gives them (evidence/evidence.ts). */
export type EvidenceKindName = "printed" | "determined" | "reconstruction" | "your-data";

/** Every message of the analysis layer's running text. */
export interface AnalysisMessages {
  // Audit lines (stats/audit.ts): "N = 57 · base = 55 valid q3 · filters: … · missing excluded: … · weight: none · test: none".
  auditBase: string;
  /** Where a cell's figures come from ("kilde: data/survey-1999/adopters.csv"), in `fmt.audit` lines. */
  auditSource: string;
  auditFilters: string;
  auditMissingExcluded: string;
  auditWeight: string;
  /** The weight's name when it is an array of post-stratification weights, not a column (stats/weights.ts). */
  auditPostStratificationWeight: string;
  auditTest: string;
  auditNone: string;
  /** Blank (system-missing) rows in the missing list: "blank (3)". */
  auditBlank: string;
  baseValid(variable: string): string;
  baseValidBoth(x: string, y: string): string;
  /** A variable recoded by the statistic's `recode` option, as its base label names it. */
  recodedVariable(variable: string): string;
  baseValidWithSizeClass(variable: string): string;
  baseReportN: string;
  baseTickingOne(set: string): string;
  baseCompleteCases: string;
  baseSmallestPairwise: string;
  /** "Pearson χ² not computed (…)". */
  notComputed(what: string, reason: string): string;
  twoSided: string;
  /** A correlation with fewer than 3 cases has no p. */
  noP: string;
  correlationUndefined(symbol: string, reason: string): string;
  noData: string;
  /** The test of a correlation matrix: method, t test, deletion, FDR marks. */
  matrixTest(method: string, deletion: "pairwise" | "listwise", fdr: boolean): string;
  /** The trend test's name: Cochran–Armitage for rates, Pearson r for means. */
  trendMethod(kind: "rate" | "mean"): string;

  // The filter as words (data/survey-filter.ts): "fylke 11 Rogaland; størrelsesklasse 5, 6".
  filterDescCounty: string;
  filterDescSizeClass: string;
  /** resp_type 1 and 2 in a filter description (plural). */
  filterDescType(type: number): string;
  filterDescAdopted(model: string): string;
  noFilter: string;

  // The selection (analysis/apply-filter.ts).
  /** "N = 57 of 267 (…)": `count` is "= 57" or "< 3" (a masked count), `scope` "" or " (description)". */
  selectionSummary(count: string, total: string, scope: string): string;
  selectionEmpty(description: string): string;
  selectionTiny(n: number, description: string): string;
  selectionFewerThan(threshold: number, description: string): string;

  // What a figure rests on (analysis/evidence/evidence-marker.ts).
  evidenceName(kind: EvidenceKindName): string;
  evidenceExplain(kind: EvidenceKindName, draws: number): string;
  /** A range after a tooltip: "(12–19 % across them)". */
  evidenceAcross(range: string): string;
  /** The audit's summary: "evidence: 12 printed, 3 determined (over 50 reconstructions)". */
  evidenceSummary(parts: readonly string[], draws: number): string;
  /** A chart legend's line on whiskers. */
  whiskerSpansRange: string;

  // A printed table's comparison (analysis/printed-comparison.ts): its note above the table.
  comparisonNoRespondents: string;
  comparisonRunningText: string;
  /** Under a filter (`filters` as the filter's own words). */
  comparisonFiltered(filters: string): string;
  /** Every compared figure reproduced (`compared` written in the language). */
  comparisonReproduced(compared: string): string;
  comparisonDiffer(mismatches: string, compared: string): string;
  /** The audit of a comparison grid (Tabell 2.6): what a cell shows; `conflicts` lists the documented conflicts met, "" for none. */
  comparisonCellAudit(conflicts: string): string;
  /** The audit of a comparison: each row's percent base as printed (`bases`: "valid", "answers" …, see `percentBaseName`). */
  comparisonBaseAudit(bases: string): string;
  /** A printed row's percent base in words ("valid", "answers" …; "none" when the row prints no percentages). */
  percentBaseName(base: string): string;
  /** "values drawn by the reconstruction: q1 for 12 of 267, …" (`parts` written already); `counts` false in a shared view, which names only the variables. */
  drawnValues(parts: string, counts: boolean): string;
  /** One variable's part of `drawnValues`: "q1 for 12 of 267". */
  drawnValuesPart(variable: string, drawn: string, of: string): string;
  /** A crosstab's tests with what they rest on: "evidence of the tests: χ² R 3.10–9.84 · p R …" (`parts` written already). */
  testsEvidence(parts: string): string;
  /** A frequency table's counts in one line: "N = 267 · valid 250 · missing 17" (counts written already, hidden ones as shown). */
  frequencyCounts(total: string, valid: string, missing: string): string;
  /** A table of several size-class comparisons: what a cell shows, the trend test (named already), where the intervals are. */
  sizeClassesCells(means: boolean, trend: string): string;

  /** Where a user's own respondents come from, above the tables (a selection's `notice`): the file, its rows and what validation found. */
  userFileNotice(name: string, rows: number, issues: number): string;
}

const nbAnalysis: AnalysisMessages = {
  auditBase: "grunnlag",
  auditSource: "kilde",
  auditFilters: "filtre",
  auditMissingExcluded: "utelatt som manglende",
  auditWeight: "vekt",
  auditPostStratificationWeight: "poststratifiseringsvekt",
  auditTest: "test",
  auditNone: "ingen",
  auditBlank: "blank",
  baseValid: (variable) => `gyldige ${variable}`,
  baseValidBoth: (x, y) => `gyldige på både ${x} og ${y}`,
  recodedVariable: (variable) => `${variable} omkodet`,
  baseValidWithSizeClass: (variable) => `gyldige ${variable} med størrelsesklasse`,
  baseReportN: "respondenter (rapportens N)",
  baseTickingOne: (set) => `respondenter som krysset av minst ett ${set}-punkt`,
  baseCompleteCases: "tilfeller med svar på alle variablene",
  baseSmallestPairwise: "minste parvise n",
  notComputed: (what, reason) => `${what} ikke beregnet (${reason})`,
  twoSided: "tosidig",
  noP: "ingen p (n < 3)",
  correlationUndefined: (symbol, reason) => `${symbol} udefinert (${reason})`,
  noData: "ingen data",
  matrixTest: (method, deletion, fdr) => `${method}, tosidig t med n − 2 fg, ${deletion === "pairwise" ? "parvis" : "listevis"} utelatelse${fdr ? ", merker etter BH FDR" : ""}`,
  trendMethod: (kind) => (kind === "rate" ? "Cochran–Armitage trendtest" : "Pearsons r for størrelsesklasse × verdi (lineær trend)"),
  filterDescCounty: "fylke",
  filterDescSizeClass: "størrelsesklasse",
  filterDescType: (type) => (type === 1 ? "kommuner" : type === 2 ? "fylkeskommuner" : `type ${type}`),
  filterDescAdopted: (model) => `har innført ${model}`,
  noFilter: "ingen filter",
  selectionSummary: (count, total, scope) => `N ${count} av ${total}${scope}`,
  selectionEmpty: (description) => `Ingen respondenter passer (${description}). Vid ut filteret: fjern et fylke, en størrelsesklasse eller en modell.`,
  selectionTiny: (n, description) => `Bare ${n} ${n === 1 ? "respondent passer" : "respondenter passer"} (${description}): for få for pålitelige prosenter; les antall, ikke andeler.`,
  selectionFewerThan: (threshold, description) => `Færre enn ${threshold} respondenter passer (${description}): for få for pålitelige prosenter; les antall, ikke andeler.`,
  evidenceName: (kind) => ({ printed: "trykt", determined: "bestemt", reconstruction: "avhenger av rekonstruksjonen", "your-data": "dine data" })[kind],
  evidenceExplain: (kind, draws) =>
    ({
      printed: "trykt i rapporten fra 1999",
      determined: `likt i alle ${draws} rekonstruksjonene: det følger av de trykte tabellene og de navngitte kommunene`,
      reconstruction: `varierer mellom de ${draws} rekonstruksjonene: byggingen trakk det, rapporten sier det ikke`,
      "your-data": "beregnet på filen du lastet inn",
    })[kind],
  evidenceAcross: (range) => `(${range} mellom dem)`,
  evidenceSummary: (parts, draws) => `belegg: ${parts.join(", ") || "ingen tall"}${draws > 0 ? ` (over ${draws} rekonstruksjoner)` : ""}`,
  whiskerSpansRange: "; streken viser spennet mellom dem",
  comparisonNoRespondents: "Ingen respondenter passer filteret: det er ingenting å beregne på nytt. Vid ut filteret.",
  comparisonRunningText: "Utsagn i rapportens løpende tekst: omtrentlige tall, vist ved siden av omberegningen, ikke sammenlignet.",
  comparisonFiltered: (filters) => `Filtrert (${filters}): de trykte tallene gjelder alle respondentene og vises bare til orientering.`,
  comparisonReproduced: (compared) => `Alle ${compared} trykte tall gjenskapes (dokumenterte konflikter mot sin løsning).`,
  comparisonDiffer: (mismatches, compared) => `${mismatches} av ${compared} trykte tall avviker fra omberegningen.`,
  comparisonCellAudit: (conflicts) =>
    `Hver celle: beregnet (trykt)${conflicts ? `; ✓* = det trykte tallet motsies andre steder i rapporten, og den dokumenterte løsningen er truffet (${conflicts})` : ""}; ✗ = avviker. Test: ingen (beskrivende; trykt mot beregnet).`,
  comparisonBaseAudit: (bases) => `Prosentgrunnlag per rad som trykt: ${bases}. Test: ingen (beskrivende; trykt mot beregnet).`,
  percentBaseName: (base) => new Map([["row-total", "radens sum"], ["respondents", "respondenter"], ["answers", "svar"], ["valid", "gyldige"], ["none", "ingen"]]).get(base) ?? base,
  drawnValues: (parts, counts) => `verdier trukket av rekonstruksjonen: ${parts}${counts ? "" : " (for noen av de valgte respondentene; antallene er utelatt i denne delte visningen)"}`,
  drawnValuesPart: (variable, drawn, of) => `${variable} for ${drawn} av ${of}`,
  testsEvidence: (parts) => `belegg for testene: ${parts}`,
  frequencyCounts: (total, valid, missing) => `N = ${total} · gyldige ${valid} · manglende ${missing}`,
  sizeClassesCells: (means, trend) => `Celler: ${means ? "gjennomsnitt (n)" : "andel (tilfeller/n)"}; trend: ${trend}; intervallene står i hver variabels egen tabell.`,
  userFileNotice: (name, rows, issues) =>
    `Respondenter fra ${name} (${formatNumber("nb", rows)} ${rows === 1 ? "rad" : "rader"}${issues ? `, ${formatNumber("nb", issues)} avvik funnet i valideringen` : ""}).`,
};

const enAnalysis: AnalysisMessages = {
  auditBase: "base",
  auditSource: "source",
  auditFilters: "filters",
  auditMissingExcluded: "missing excluded",
  auditWeight: "weight",
  auditPostStratificationWeight: "post-stratification weight",
  auditTest: "test",
  auditNone: "none",
  auditBlank: "blank",
  baseValid: (variable) => `valid ${variable}`,
  baseValidBoth: (x, y) => `valid on both ${x} and ${y}`,
  recodedVariable: (variable) => `${variable} recoded`,
  baseValidWithSizeClass: (variable) => `valid ${variable} with a size class`,
  baseReportN: "respondents (report's N)",
  baseTickingOne: (set) => `respondents ticking at least one ${set} item`,
  baseCompleteCases: "cases complete on all variables",
  baseSmallestPairwise: "smallest pairwise n",
  notComputed: (what, reason) => `${what} not computed (${reason})`,
  twoSided: "two-sided",
  noP: "no p (n < 3)",
  correlationUndefined: (symbol, reason) => `${symbol} undefined (${reason})`,
  noData: "no data",
  matrixTest: (method, deletion, fdr) => `${method}, two-sided t on n − 2 df, ${deletion} deletion${fdr ? ", BH FDR marks" : ""}`,
  trendMethod: (kind) => (kind === "rate" ? "Cochran–Armitage trend test" : "Pearson r of size class × value (linear trend)"),
  filterDescCounty: "county",
  filterDescSizeClass: "size class",
  filterDescType: (type) => (type === 1 ? "municipalities" : type === 2 ? "county authorities" : `type ${type}`),
  filterDescAdopted: (model) => `adopted ${model}`,
  noFilter: "no filter",
  selectionSummary: (count, total, scope) => `N ${count} of ${total}${scope}`,
  selectionEmpty: (description) => `No respondents match (${description}). Widen the filter: clear a county, a size class or a model.`,
  selectionTiny: (n, description) => `Only ${n} respondent${n === 1 ? "" : "s"} match (${description}): too few for reliable percentages; read counts, not shares.`,
  selectionFewerThan: (threshold, description) => `Fewer than ${threshold} respondents match (${description}): too few for reliable percentages; read counts, not shares.`,
  evidenceName: (kind) => ({ printed: "printed", determined: "determined", reconstruction: "rests on the reconstruction", "your-data": "your data" })[kind],
  evidenceExplain: (kind, draws) =>
    ({
      printed: "printed in the 1999 report",
      determined: `the same in all ${draws} reconstructions: it follows from the printed tables and the named municipalities`,
      reconstruction: `differs between the ${draws} reconstructions: the build drew it, the report does not say it`,
      "your-data": "computed on the file you loaded",
    })[kind],
  evidenceAcross: (range) => `(${range} across them)`,
  evidenceSummary: (parts, draws) => `evidence: ${parts.join(", ") || "no figures"}${draws > 0 ? ` (over ${draws} reconstructions)` : ""}`,
  whiskerSpansRange: "; the whisker spans its range across them",
  comparisonNoRespondents: "No respondents match the filter: there is nothing to recompute. Widen the filter.",
  comparisonRunningText: "Running-text statements of the report: approximate figures, shown beside the recomputation, not compared.",
  comparisonFiltered: (filters) => `Filtered (${filters}): the printed figures are for all respondents and are shown for orientation only.`,
  comparisonReproduced: (compared) => `All ${compared} printed figures are reproduced (documented conflicts against their resolution).`,
  comparisonDiffer: (mismatches, compared) => `${mismatches} of ${compared} printed figures differ from the recomputation.`,
  comparisonCellAudit: (conflicts) =>
    `Each cell: recomputed (printed)${conflicts ? `; ✓* = the printed figure contradicts the report elsewhere and the documented resolution is met (${conflicts})` : ""}; ✗ = differs. Test: none (descriptive; printed vs recomputed).`,
  comparisonBaseAudit: (bases) => `Percent base per row as printed: ${bases}. Test: none (descriptive; printed vs recomputed).`,
  percentBaseName: (base) => base,
  drawnValues: (parts, counts) => `values drawn by the reconstruction: ${parts}${counts ? "" : " (for some of the selected respondents; counts left out in this shared view)"}`,
  drawnValuesPart: (variable, drawn, of) => `${variable} for ${drawn} of ${of}`,
  testsEvidence: (parts) => `evidence of the tests: ${parts}`,
  frequencyCounts: (total, valid, missing) => `N = ${total} · valid ${valid} · missing ${missing}`,
  sizeClassesCells: (means, trend) => `Cells: ${means ? "mean (n)" : "rate (cases/n)"}; trend: ${trend}; intervals in each variable's own table.`,
  userFileNotice: (name, rows, issues) =>
    `Respondents from ${name} (${formatNumber("en", rows)} ${rows === 1 ? "row" : "rows"}${issues ? `, ${formatNumber("en", issues)} validation issue${issues === 1 ? "" : "s"}` : ""}).`,
};

/** The analysis catalogue of each language (also inside `messages`). */
export const analysisMessages = { nb: nbAnalysis, en: enAnalysis } as const;

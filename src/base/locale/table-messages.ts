/**
 * The words of the generated tables that are not the statistics tables' own headers (messages.ts):
 * the reconciliation of notebook 04, the thesis crosswalk of notebook 06, and the notes the
 * statistics kernels put under a result. One catalogue per language; `Messages` extends this, so
 * `messages[locale]` has every key, and a browser test walks 04 and 06 in each language against the
 * other language's strings from here.
 *
 * What stays in its own language is content, not chrome: the printed tables' captions and category
 * labels (Norwegian, as printed), the report's inconsistencies as recorded in printed-tables.json,
 * and the thesis quotes. The crosswalk's own words (titles, findings, measures, rationales) are in
 * both languages beside the spec (crosswalk/crosswalk-nb.ts).
 */
import { explainEn, explainNb, type ExplainMessages } from "./explain-messages";

/** The statuses of a reconciled figure (reconciliation/reconcile.ts). */
export type ReconciledStatusName = "match" | "conflict-met" | "soft" | "conflict-off" | "difference";

/** Where a thesis quote stands (crosswalk/crosswalk-thesis.ts, `CitationSource`). */
export type CitationSourceName = { kind: "challenges" } | { kind: "case"; caseId: string } | { kind: "literature" };

/** The crosswalk's verdicts (crosswalk/crosswalk-ensemble.ts). */
export type CrosswalkVerdictName = "agrees" | "contrasts" | "open" | "not comparable" | "depends";

/** Every message of the generated tables. */
export interface TableMessages extends ExplainMessages {
  // Notebook 04: the reconciliation.
  recStatus(status: ReconciledStatusName): string;
  recColumns: { table: string; row: string; variable: string; category: string; measure: string; printed: string; resolved: string; recomputed: string; residual: string; conflict: string };
  recSummaryCaption(filtered: boolean): string;
  recSummaryRows: { compared: string; exact: string; conflictsMet: string; soft: string; softOff: string; conflictsOff: string; differencesFiltered: string; differences: string; skipped: string; touching: string; inconsistencies: string };
  recUnmarked(count: number, where: "here" | "above"): string;
  recFlaggedCaption(count: number, filtered: boolean): string;
  /** The caption of one block of the flagged table: its rows' places in the list ("Listed 1–8 of 25": under a filter the list is a part of the figures that differ, which the caption above counts). */
  recFlaggedBlock(first: number, last: number, of: number): string;
  recFlaggedAudit(n: string, filtered: boolean, soft: number, undocumented: number): string;
  /** Under a filter: which flagged figures the table lists, and where the others are. */
  recFlaggedRanked(listed: number, percentages: number, leftOut: number): string;
  /** One printed table's caption: what the report calls it (passage-name.ts), then its counts. */
  recTableCaption(name: string, c: { compared: number; exact: number; resolved: number; soft: number; differing: number }): string;
  recSeedLines(from: number, to: number): string;
  recNotRecounted(rows: string, kind: string): string;
  recHiddenMatching(count: number): string;
  recTermDescription: string;
  recTermReasoning: string;
  recTermResolution: string;
  recTouchesNone: string;
  recCellsCarry(count: number, statuses: string): string;
  recPrefixPrinted: string;
  recPrefixTarget: string;
  recPrefixRecomputed: string;
  /** A figure stated in the report's running text, by its description (never the build's id). */
  recTextPassage(description: string): string;
  /** A list printed in the report's running text, by its lead-in. */
  recListPassage(description: string): string;
  recTableRef(id: string): string;
  /** Percentage points after a residual of percentages. */
  percentagePoints: string;
  recHeadlineEmpty: string;
  recHeadlineFiltered(n: string): string;
  recHeadline(c: { compared: number; n: string; exact: number; conflictsMet: number; soft: number; softExact: number; differences: number }): string;
  /** A shared view of 1–2 respondents: the notice shown instead of the figures. */
  withheld(threshold: number): string;

  // Notebook 06: the thesis crosswalk's tables, cards and chart.
  cwColumns: { finding: string; words: string; measure: string; numbers: string; verdict: string };
  cwDiffColumns: { comparison: string; difference: string; verdict: string };
  /** A verdict's word; `depends` with how the reconstructions split. */
  cwVerdict(verdict: CrosswalkVerdictName): string;
  /** "agrees in 31, open in 19 of 50 reconstructions" (parts most frequent first). */
  cwSplit(parts: readonly [CrosswalkVerdictName, number][], draws: number): string;
  cwDependsLabel(split: string): string;
  cwEvidenceYourData: string;
  cwEvidenceDetermined(draws: number): string;
  cwEvidenceRests(k: number, draws: number, modal: CrosswalkVerdictName): string;
  cwEvidenceHolds(k: number, draws: number): string;
  cwAnsweredBase: string;
  cwReportBase(table: string): string;
  cwReportBaseKept(table: string): string;
  cwOnReportBase: string;
  cwAudit: string;
  /** Where a thesis quote stands: "Tabell 14", a case ("kommune A"), the literature review (Tabell 2). */
  cwQuoteSource(source: CitationSourceName): string;
  /** The numbers of a share: "64,3 % (95 % KI 57,7–70,5 %) av 213; terskel 50 %". */
  cwShareNumbers(share: string, interval: string | undefined, n: string, threshold: string): string;
  cwGroupNumbers(a: string, na: string, b: string, nb: string, method: string): string;
  cwRUndefined(n: string): string;
  cwCriterion(kind: "share" | "diffusion" | "groups" | "size-trend" | "correlation", expect: string, threshold: string): string;
  cwMethodNote(c: { agrees: number; contrasts: number; open: number; notComparable: number; depends: number; ensemble: boolean; draws: number; least: number; share: number; tested: number }): string;
  cwPoints(points: string): string;
  cwSignificantIn(k: number, m: number, finding: string): string;
  cwFlip(kind: "flips" | "same" | "differs"): string;
  cwTest: string;
  cardLabels: { model: string; scope: string; perspectives: string; levels: string; indicators: string; thresholds: string };
  cardScope(scope: "per-service" | "shared"): string;
  cardThreshold(style: "ambition-level" | "result-target" | "traffic-light"): string;
  /** A case card's line under its name: the thesis's size ("small"/"large"), the year BMS came, what it is used for. */
  cardSub(size: "small" | "large", from: string, steering: boolean): string;
  cardThesisLines(lines: string): string;
  cardsAll: string;
  cardsHighlighted(names: string): string;
  timelineAxis: string;
  timelineTitle: string;
  timelineStage(stage: "adopted" | "introducing" | "planned"): string;
  timelineNote(n: string | undefined, withheldBelow: number | undefined): string;
  timelineTooltip(year: number, stage: string, percent: string, count: string | undefined, source: string, lines: string | undefined): string;
  /** Where the 1999 bar comes from. */
  timelineSurveySource: string;
  /** Where a later figure comes from: the study the thesis cites. */
  timelineCitedSource(source: string): string;

  // The statistics kernels' notes and the lines the tables add under them.
  noRowsSelected(what: "crosstab" | "frequencies"): string;
  noValidBoth(x: string, y: string): string;
  noValidAnswers(variable: string): string;
  /** SPSS's footnote: "2 cells (25.0%) have expected count less than 5. The minimum expected count is 3.12." */
  expectedCountWarning(cells: number, percent: string, minimum: string): string;
  /** The kernel's note: "χ² may be unreliable: …". */
  chiUnreliable(warning: string): string;
  /** The table's audit line with the advice. */
  chiUnreliableAdvice(warning: string): string;
  cellsShow(statistic: string): string;
  trendAcross(method: string, line: string): string;
  sizeClassCaption(label: string, what: string): string;
  /** Several comparisons in one table: what they show when it is one kind ("mean of q9"), else undefined. */
  sizeClassesCaption(what: string | undefined): string;
  sizeClassShare(variable: string, codes: string): string;
  sizeClassMean(variable: string): string;
  /** Under an Arquero table a cell displays: "1 234 rows × 5 columns (first 100 shown)". */
  tableSize(rows: string, columns: number, shown: number | undefined): string;
  /**
   * The note a Notebook Kit cell of a mode this app does not run shows: `kind` is the mode's name
   * ("SQL"), undefined for a type Kit does not know; `type` its `type` attribute.
   */
  unsupportedCell(kind: string | undefined, type: string): string;
  /** A size-class comparison's notes: classes without a valid case, classes under 5, cases without a class. */
  sizeClassEmpty(classes: string): string;
  sizeClassFew(classes: string): string;
  sizeClassUnclassified(count: string, range: string): string;
  /** A correlation table's default caption: the coefficient and the variables. */
  corrCaption(coefficient: string, variables: string): string;
  /** A correlation table's method line: the coefficient, the deletion, and listwise the complete cases. */
  corrMethod(coefficient: string, deletion: "pairwise" | "listwise", completeCases: string): string;
  /** What a correlation table's stars mean (p, or Benjamini–Hochberg q). */
  corrMarks(fdr: boolean): string;
  /** A correlation matrix's notes. */
  spearmanUnweighted: string;
  noRowsForCorrelations: string;
  pairsWithoutR(count: string, reasons: string): string;
  /** The note replacing `pairsWithoutR` when the shared view hides counts (its reasons name each pair's n). */
  pairsWithoutRMasked: string;
  fdrMarks(pairs: string): string;
  /** A heatmap cell's tooltip when the shared view masks its small n: "(hidden in the shared view)". */
  hiddenInSharedView: string;
}

/** A crosswalk criterion's expected direction in words (`cwCriterion`); a Map, so no value meets Object's own keys. */
const EXPECTED_NB: ReadonlyMap<string, string> = new Map([
  ["above", "over"],
  ["below", "under"],
  ["a>b", "den første gruppen høyere"],
  ["a<b", "den første gruppen lavere"],
  ["increasing", "stigende med størrelse"],
  ["decreasing", "synkende med størrelse"],
  ["positive", "en positiv r"],
  ["negative", "en negativ r"],
]);
const EXPECTED_EN: ReadonlyMap<string, string> = new Map([
  ["a>b", "the first group higher"],
  ["a<b", "the first group lower"],
  ["increasing", "increasing with size"],
  ["decreasing", "decreasing with size"],
  ["positive", "a positive r"],
  ["negative", "a negative r"],
]);

const nb: TableMessages = {
  ...explainNb,
  recStatus: (status) => ({ "match": "✓", "conflict-met": "✓ løsning", "soft": "≈ tekst", "conflict-off": "✗ bommer på løsningen", "difference": "✗ avviker" })[status],
  recColumns: { table: "Tabell", row: "Rad", variable: "Variabel", category: "Kategori", measure: "Mål", printed: "Trykt", resolved: "Løst", recomputed: "Beregnet", residual: "Residual", conflict: "Konflikt" },
  recSummaryCaption: (filtered) => (filtered ? "Trykte tall mot den filtrerte omregningen (ikke sammenlignbare)" : "Trykte tall mot omregningen"),
  recSummaryRows: {
    compared: "Tall sammenlignet",
    exact: "Nøyaktig like",
    conflictsMet: "Dokumenterte konflikter truffet på løst verdi",
    soft: "Myke tekstutsagn",
    softOff: "… av dem ikke nøyaktig det oppgitte runde tallet (omtrentlig ordlyd)",
    conflictsOff: "Dokumenterte konflikter der løsningen bommer",
    differencesFiltered: "Avvik (ventet under et filter)",
    differences: "Udokumenterte avvik",
    skipped: "Trykte rader uten noe å telle opp (lister)",
    touching: "Inkonsistenser som berører opptellbare celler",
    inconsistencies: "Inkonsistenser i alt (printed-tables.json)",
  },
  recUnmarked: (count, where) => `${count} ${count === 1 ? "beregnet tall" : "beregnede tall"} ${where === "here" ? "her" : "over"} har ingen markør: ingen opptelling av ensemblet deler dem (avledede variabler, utsagn i løpende tekst)`,
  recFlaggedCaption: (count, filtered) => `${count} ${count === 1 ? "tall avviker" : "tall avviker"} fra målet${filtered ? " (ventet under et filter)" : ""}`,
  recFlaggedBlock: (first, last, of) => (first === last ? `Listet ${first} av ${of}` : `Listet ${first}–${last} av ${of}`),
  recFlaggedAudit: (n, filtered, soft, undocumented) => `N = ${n}${filtered ? " (filtrert)" : ""} · residual = beregnet − mål; prosenter avrundet som trykt · ${soft} myke, ${undocumented} ${filtered ? "avviker under filteret" : "udokumenterte"} · motor: src/data/residuals.ts`,
  recFlaggedRanked: (listed, percentages, leftOut) => `Under et filter gjelder trykket fortsatt alle 267, så nesten alle tall avviker. Her står de ${listed} prosentene av ${percentages} avvikende som ligger lengst fra trykket (prosentpoeng, størst først); antall og summer avviker med utvalgets størrelse og står ikke her. ${leftOut} tall er ikke listet her — hvert tall står under «Tabell for tabell».`,
  recTableCaption: (name, c) => `${name} (${c.compared} tall: ${c.exact} nøyaktige, ${c.resolved} løst, ${c.soft} myke, ${c.differing} avviker)`,
  recSeedLines: (from, to) => `Kildelinje ${from}–${to}. Residual = beregnet − mål (trykt, eller løsningen på en dokumentert konflikt); prosenter sammenlignet etter avrunding som trykt.`,
  recNotRecounted: (rows, kind) => `Ikke talt opp: ${rows} (rader av typen ${kind}).`,
  recHiddenMatching: (count) => `${count} like tall skjult.`,
  recTermDescription: "Beskrivelse",
  recTermReasoning: "Begrunnelse",
  recTermResolution: "Løsning",
  recTouchesNone: "Berører ingen opptellbar celle (en liste, en tittel, spørreskjemaet eller en trykt sum): forklart, ikke beregnet.",
  recCellsCarry: (count, statuses) => `${count === 1 ? "1 beregnet celle har" : `${count} beregnede celler har`} denne id-en (${statuses})`,
  recPrefixPrinted: "trykt",
  recPrefixTarget: "mål",
  recPrefixRecomputed: "beregnet",
  recTextPassage: (description) => `I teksten: ${description}`,
  recListPassage: (description) => `Liste i teksten: ${description}`,
  recTableRef: (id) => `Tabell ${id}`,
  percentagePoints: "pp",
  recHeadlineEmpty: "Ingen respondenter passer filteret: ingenting å beregne. De trykte tabellene gjelder alle 267; nullstill filteret for å avstemme.",
  recHeadlineFiltered: (n) => `Filtrert til ${n} respondenter: de trykte tabellene gjelder alle 267, så omregningen avviker fra trykket med vilje (tallene under sier hvor mye, og hvor mye det avhenger av rekonstruksjonen). Nullstill filteret for å avstemme.`,
  recHeadline: (c) => `${c.compared} trykte tall beregnet på nytt fra ${c.n} respondenter: ${c.exact} nøyaktige, ${c.conflictsMet} dokumenterte konflikter truffet på løst verdi, ${c.soft} myke tekstutsagn (${c.softExact} nøyaktig på det oppgitte tallet), ${c.differences === 0 ? "ingen udokumenterte avvik" : `${c.differences} udokumenterte avvik`}.`,
  withheld: (threshold) => `Delt visning: færre enn ${threshold} respondenter passer dette filteret, så tabellen er holdt tilbake (vern mot avsløring). Vid ut filteret for å se den.`,
  cwColumns: { finding: "Funn i oppgaven", words: "Oppgavens ord", measure: "Mål i undersøkelsen og kriterium", numbers: "Tall", verdict: "Vurdering" },
  cwDiffColumns: { comparison: "Sammenligning", difference: "Forskjell og test", verdict: "Vurdering" },
  cwVerdict: (v) => ({ "agrees": "stemmer", "contrasts": "står i kontrast", "open": "åpen", "not comparable": "ikke sammenlignbar", "depends": "avhenger av rekonstruksjonen" })[v],
  cwSplit: (parts, draws) => `${parts.map(([v, k]) => `${nb.cwVerdict(v)} i ${k}`).join(", ")} av ${draws} rekonstruksjoner`,
  cwDependsLabel: (split) => `avhenger av rekonstruksjonen (${split})`,
  cwEvidenceYourData: "dine data",
  cwEvidenceDetermined: (draws) => `bestemt (likt i alle ${draws} rekonstruksjonene)`,
  cwEvidenceRests: (k, draws, modal) => `hviler på rekonstruksjonen (${k} av ${draws} ${nb.cwVerdict(modal)})`,
  cwEvidenceHolds: (k, draws) => `vurderingen holder i ${k} av ${draws} rekonstruksjoner`,
  cwAnsweredBase: "Grunnlag: de som svarte",
  cwReportBase: (table) => `Rapportens grunnlag (Tabell ${table}):`,
  cwReportBaseKept: (table) => `Rapportens grunnlag (Tabell ${table}, «vet ikke» tatt med)`,
  cwOnReportBase: "På rapportens grunnlag",
  cwAudit: "revisjon",
  cwQuoteSource: (source) => (source.kind === "challenges" ? "Tabell 14" : source.kind === "case" ? `Kommune ${source.caseId}` : "Tabell 2 (litteraturgjennomgang)"),
  cwShareNumbers: (share, interval, n, threshold) => `${share}${interval ? ` (95 % KI ${interval})` : ""} av ${n}; terskel ${threshold}`,
  cwGroupNumbers: (a, na, b, nbb, method) => `${a} av ${na} mot ${b} av ${nbb} (${method})`,
  cwRUndefined: (n) => `r udefinert (n = ${n})`,
  cwCriterion: (kind, expect, threshold) => {
    const word = EXPECTED_NB.get(expect) ?? expect;
    return kind === "share" ? `Terskel ${threshold}, forventet ${word}:` : kind === "diffusion" ? `Terskel: det senere nasjonale tallet, forventet ${word}.` : `Forventet: ${word}.`;
  },
  cwMethodNote: (c) => `${c.agrees} stemmer, ${c.contrasts} står i kontrast, ${c.open} åpne, ${c.notComparable} ikke sammenlignbare, ${c.depends} avhenger av rekonstruksjonen. ${c.ensemble ? `Hver sammenligning vurderes på hver av de ${c.draws} rekonstruksjonene av respondentene; en vurdering oppgis bare når den holder i minst ${c.share} % av dem (${c.least} av ${c.draws}), ellers avhenger den av rekonstruksjonen og er ikke et funn.` : "Beregnet på dine data: det finnes ingen rekonstruksjoner, så hver vurdering er det filen sier."} Andeler vurderes mot terskelen i hver rad (95 % Wilson-intervall og scoretest); gruppeforskjeller med Pearsons χ², eller Fishers eksakte test når en forventet verdi er under 5; størrelsestrender med Cochran–Armitage-testen; korrelasjoner med Pearsons r. P-verdiene til de ${c.tested} sammenligningene som kan vurderes, justeres samlet med Benjamini–Hochberg (falsk funnrate 5 %): en vurdering krever q < 0,05 i forventet eller motsatt retning. «Vet ikke» holdes utenfor grunnlaget; der rapportens tabell tar det med og vurderingen blir en annen, vises begge. Grunnlag under 10 er ikke sammenlignbare.`,
  cwPoints: (points) => `${points} prosentpoeng`,
  cwSignificantIn: (k, m, finding) => `; signifikant i ${k} av ${m} rekonstruksjoner (${finding})`,
  cwFlip: (kind) => ({ flips: "snur", same: "lik", differs: "ulik, ikke et funn" })[kind],
  cwTest: "test",
  cardLabels: { model: "Modellens navn", scope: "Målkortets omfang", perspectives: "Perspektiver", levels: "Nivåer (Tabell 13)", indicators: "Indikatorer", thresholds: "Terskelstil" },
  cardScope: (scope) => (scope === "per-service" ? "ett kort per tjenesteområde" : "ett kort felles for alle tjenesteområder"),
  cardThreshold: (style) => ({ "ambition-level": "ambisjonsnivå", "result-target": "resultatmål", "traffic-light": "trafikklys: rødt, gult, grønt (terskelverdier)" })[style],
  cardSub: (size, from, steering) => `${size === "small" ? "liten" : "stor"} · BMS fra ${from} · ${steering ? "styringsverktøy" : "mest måling"}`,
  cardThesisLines: (lines) => `oppgaven, ${lines}`,
  cardsAll: "Alle fire casene. Hold pekeren over en oppføring for oppgavens ord; tallene viser til notene under.",
  cardsHighlighted: (names) => `Uthevet: ${names} (passer størrelsesfilteret). Hold pekeren over en oppføring for oppgavens ord.`,
  timelineAxis: "Prosent av kommunene",
  timelineTitle: "Balansert målstyring i kommunene 1999–2014",
  timelineStage: (stage) => ({ adopted: "innført / i bruk", introducing: "under innføring", planned: "planlagt" })[stage],
  timelineNote: (n, withheldBelow) => `${withheldBelow === undefined ? `1999: undersøkelsen q20, N = ${n ?? "–"} kommuner` : `Stolpen for 1999 er holdt tilbake i denne delte visningen: en gruppe under dette filteret har færre enn ${withheldBelow} kommuner (vern mot avsløring)`}. 2004, 2014: Fallan mfl. (2015) i oppgaven; planlagt 2014 = 65 − 56 %.`,
  timelineTooltip: (year, stage, percent, count, source, lines) => `${year} ${stage}: ${percent}${count ? ` (${count})` : ""} — ${source}${lines ? `, oppgaven linje ${lines}` : ""}`,
  timelineSurveySource: "undersøkelsen 1999, q20",
  timelineCitedSource: (source) => `${source}, sitert i oppgaven`,
  noRowsSelected: (what) => `Ingen rader er valgt: vid ut filtrene for å se ${what === "crosstab" ? "en krysstabell" : "en frekvenstabell"}.`,
  noValidBoth: (x, y) => `Ingen rad har gyldige svar på både ${x} og ${y}.`,
  noValidAnswers: (variable) => `Ingen gyldige svar på ${variable} i utvalget: hver rad mangler.`,
  expectedCountWarning: (cells, percent, minimum) => `${cells} ${cells === 1 ? "celle" : "celler"} (${percent}) har forventet antall under 5. Minste forventede antall er ${minimum}.`,
  chiUnreliable: (warning) => `χ² kan være upålitelig: ${warning}`,
  chiUnreliableAdvice: (warning) => `Advarsel: ${warning} χ² kan være upålitelig: slå sammen tynne kategorier, eller bruk Fishers eksakte test for en 2 × 2-tabell.`,
  cellsShow: (statistic) => `Cellene viser ${statistic}.`,
  trendAcross: (method, line) => `Trend over klassene (${method}): ${line}`,
  sizeClassCaption: (label, what) => `${label}: ${what}, etter størrelsesklasse`,
  sizeClassesCaption: (what) => `${what ?? "Andeler og gjennomsnitt"} etter størrelsesklasse`,
  sizeClassShare: (variable, codes) => `andel med ${variable} = ${codes}`,
  sizeClassMean: (variable) => `gjennomsnitt av ${variable}`,
  tableSize: (rows, columns, shown) => `${rows} rader × ${columns} kolonner${shown === undefined ? "" : ` (de første ${shown} vises)`}`,
  sizeClassEmpty: (classes) => `Ingen gyldige tilfeller i størrelsesklasse ${classes}: der vises intet estimat.`,
  sizeClassFew: (classes) => `Færre enn 5 tilfeller i størrelsesklasse ${classes}: intervallet er bredt.`,
  sizeClassUnclassified: (count, range) => `${count} tilfelle(r) har ingen størrelsesklasse i ${range} og er utelatt.`,
  corrCaption: (coefficient, variables) => `Korrelasjoner (${coefficient}): ${variables}`,
  corrMethod: (coefficient, deletion, completeCases) => `${coefficient}, ${deletion === "pairwise" ? "parvis utelatelse" : `listevis utelatelse (n = ${completeCases} fullstendige tilfeller)`}`,
  corrMarks: (fdr) => (fdr ? "* q < 0,05, ** q < 0,01 (Benjamini–Hochberg over matrisens par)" : "* p < 0,05, ** p < 0,01 (tosidig)"),
  spearmanUnweighted: "Spearmans ρ beregnes uvektet (som SPSS NONPAR CORR); vekten ble ikke brukt.",
  noRowsForCorrelations: "Ingen rader er valgt: vid ut filtrene for å se korrelasjoner.",
  pairsWithoutR: (count, reasons) => `${count} par har ingen r: ${reasons}.`,
  pairsWithoutRMasked: "Noen par har ingen r her: for få tilfeller, eller en variabel er konstant i dem.",
  hiddenInSharedView: "skjult i delt visning",
  fdrMarks: (pairs) => `Markeringene bruker Benjamini–Hochberg q over ${pairs} par.`,
  unsupportedCell: (kind, type) =>
    `Denne celletypen (${kind === undefined ? type : `${kind}, type="${type}"`}) støttes ikke her, så den kjøres ikke. Den beholdes uendret i notatboken og filen; åpne filen i Observable Notebook Kit for å kjøre den.`,
};

const en: TableMessages = {
  ...explainEn,
  recStatus: (status) => ({ "match": "✓", "conflict-met": "✓ resolution", "soft": "≈ text", "conflict-off": "✗ misses resolution", "difference": "✗ differs" })[status],
  recColumns: { table: "Table", row: "Row", variable: "Variable", category: "Category", measure: "Measure", printed: "Printed", resolved: "Resolved", recomputed: "Recomputed", residual: "Residual", conflict: "Conflict" },
  recSummaryCaption: (filtered) => (filtered ? "Printed figures against the filtered recomputation (not comparable)" : "Printed figures against the recomputation"),
  recSummaryRows: {
    compared: "Figures compared",
    exact: "Exact matches",
    conflictsMet: "Documented conflicts met at their resolved value",
    soft: "Soft text statements",
    softOff: "… of which not exactly the stated round figure (approximate wording)",
    conflictsOff: "Documented conflicts whose resolution is missed",
    differencesFiltered: "Differences (expected under a filter)",
    differences: "Undocumented differences",
    skipped: "Printed rows with nothing to recount (lists)",
    touching: "Inconsistencies touching recountable cells",
    inconsistencies: "Inconsistencies in all (printed-tables.json)",
  },
  recUnmarked: (count, where) => `${count} recomputed figure${count === 1 ? "" : "s"} ${where} carry no marker: no recount of the ensemble shares them (derived variables, running-text statements)`,
  recFlaggedCaption: (count, filtered) => `${count} figure${count === 1 ? "" : "s"} differ from their target${filtered ? " (expected under a filter)" : ""}`,
  recFlaggedBlock: (first, last, of) => (first === last ? `Listed ${first} of ${of}` : `Listed ${first}–${last} of ${of}`),
  recFlaggedAudit: (n, filtered, soft, undocumented) => `N = ${n}${filtered ? " (filtered)" : ""} · residual = recomputed − target; percentages rounded as printed · ${soft} soft, ${undocumented} ${filtered ? "differing under the filter" : "undocumented"} · engine: src/data/residuals.ts`,
  recFlaggedRanked: (listed, percentages, leftOut) => `Under a filter the print still covers all 267, so nearly every figure differs. Listed: the ${listed} of ${percentages} differing percentages furthest from the print (percentage points, largest first); counts and totals differ by the size of the subset and are not listed. ${leftOut} figures are not listed here — every figure is under "Table by table".`,
  recTableCaption: (name, c) => `${name} (${c.compared} figures: ${c.exact} exact, ${c.resolved} resolved, ${c.soft} soft, ${c.differing} differing)`,
  recSeedLines: (from, to) => `Seed lines ${from}–${to}. Residual = recomputed − target (printed, or the resolution of a documented conflict); percentages compared after rounding as printed.`,
  recNotRecounted: (rows, kind) => `Not recounted: ${rows} (${kind} rows).`,
  recHiddenMatching: (count) => `${count} matching figures hidden.`,
  recTermDescription: "Description",
  recTermReasoning: "Reasoning",
  recTermResolution: "Resolution",
  recTouchesNone: "Touches no recountable cell (a list, a caption, the questionnaire or a printed sum): explained, not recomputed.",
  recCellsCarry: (count, statuses) => `${count === 1 ? "1 recomputed cell carries" : `${count} recomputed cells carry`} this id (${statuses})`,
  recPrefixPrinted: "printed",
  recPrefixTarget: "target",
  recPrefixRecomputed: "recomputed",
  recTextPassage: (description) => `In the text: ${description}`,
  recListPassage: (description) => `List in the text: ${description}`,
  recTableRef: (id) => `Table ${id}`,
  percentagePoints: "pp",
  recHeadlineEmpty: "No respondents match the filter: nothing to recompute. The printed tables are for all 267; clear the filter to reconcile.",
  recHeadlineFiltered: (n) => `Filtered to ${n} respondents: the printed tables are for all 267, so the recomputation diverges from the print by design (the counts below say by how much, and how much that depends on the reconstruction). Clear the filter to reconcile.`,
  recHeadline: (c) => `${c.compared} printed figures recomputed from ${c.n} respondents: ${c.exact} exact, ${c.conflictsMet} documented conflicts met at their resolved value, ${c.soft} soft text statements (${c.softExact} at exactly the stated figure), ${c.differences === 0 ? "no undocumented differences" : `${c.differences} undocumented difference${c.differences === 1 ? "" : "s"}`}.`,
  withheld: (threshold) => `Shared view: fewer than ${threshold} respondents match this filter, so the table is withheld (disclosure guard). Widen the filter to see it.`,
  cwColumns: { finding: "Thesis finding", words: "Thesis words", measure: "Survey measure and criterion", numbers: "Numbers", verdict: "Verdict" },
  cwDiffColumns: { comparison: "Comparison", difference: "Difference and test", verdict: "Verdict" },
  cwVerdict: (v) => ({ "agrees": "agrees", "contrasts": "contrasts", "open": "open", "not comparable": "not comparable", "depends": "depends on the reconstruction" })[v],
  cwSplit: (parts, draws) => `${parts.map(([v, k]) => `${v} in ${k}`).join(", ")} of ${draws} reconstructions`,
  cwDependsLabel: (split) => `depends on the reconstruction (${split})`,
  cwEvidenceYourData: "your data",
  cwEvidenceDetermined: (draws) => `determined (same in all ${draws} reconstructions)`,
  cwEvidenceRests: (k, draws, modal) => `rests on the reconstruction (${k} of ${draws} ${modal})`,
  cwEvidenceHolds: (k, draws) => `verdict holds in ${k} of ${draws} reconstructions`,
  cwAnsweredBase: "Answered base",
  cwReportBase: (table) => `Report's base (Tabell ${table}):`,
  cwReportBaseKept: (table) => `Report's base (Tabell ${table}, «vet ikke» kept in)`,
  cwOnReportBase: "On the report's base",
  cwAudit: "audit",
  cwQuoteSource: (source) => (source.kind === "challenges" ? "Tabell 14" : source.kind === "case" ? `case ${source.caseId}` : "Tabell 2 (literature review)"),
  cwShareNumbers: (share, interval, n, threshold) => `${share}${interval ? ` (95% CI ${interval})` : ""} of ${n}; threshold ${threshold}`,
  cwGroupNumbers: (a, na, b, nbb, method) => `${a} of ${na} vs ${b} of ${nbb} (${method})`,
  cwRUndefined: (n) => `r undefined (n = ${n})`,
  cwCriterion: (kind, expect, threshold) => {
    const word = EXPECTED_EN.get(expect) ?? expect;
    return kind === "share" ? `Threshold ${threshold}, expected ${word}:` : kind === "diffusion" ? `Threshold: the later national figure, expected ${word}.` : `Expected: ${word}.`;
  },
  cwMethodNote: (c) => `${c.agrees} agree, ${c.contrasts} contrast, ${c.open} open, ${c.notComparable} not comparable, ${c.depends} depend on the reconstruction. ${c.ensemble ? `Every comparison is evaluated on each of the ${c.draws} reconstructions of the respondents; a verdict is stated only when it holds in at least ${c.share} % of them (${c.least} of ${c.draws}), otherwise it depends on the reconstruction and is not a finding.` : "Computed on your data: there are no reconstructions, so every verdict is what this file says."} Shares are judged against the threshold stated in each row (95 % Wilson interval and score test); group differences by Pearson χ², or Fisher's exact test when an expected count is below 5; size trends by the Cochran–Armitage test; correlations by Pearson r. The p-values of the ${c.tested} comparisons that can be judged are adjusted together with Benjamini–Hochberg (false discovery rate 5 %): a verdict needs q < .05 in the expected or the opposite direction. "Vet ikke" is left out of the base; where the report's table keeps it in and the verdict differs, both are shown. Bases under 10 are not comparable.`,
  cwPoints: (points) => `${points} points`,
  cwSignificantIn: (k, m, finding) => `; significant in ${k} of ${m} reconstructions (${finding})`,
  cwFlip: (kind) => ({ flips: "flips", same: "same", differs: "differs, not a finding" })[kind],
  cwTest: "test",
  cardLabels: { model: "Name of the model", scope: "Card scope", perspectives: "Perspectives", levels: "Levels (Tabell 13)", indicators: "Indicators", thresholds: "Threshold style" },
  cardScope: (scope) => (scope === "per-service" ? "one card per service area" : "one card shared by all service areas"),
  cardThreshold: (style) => ({ "ambition-level": "ambition level (ambisjonsnivå)", "result-target": "result targets (resultatmål)", "traffic-light": "traffic light: red, yellow, green (terskelverdier)" })[style],
  cardSub: (size, from, steering) => `${size} · BMS from ${from} · ${steering ? "steering tool" : "mainly measurement"}`,
  cardThesisLines: (lines) => `thesis, ${lines}`,
  cardsAll: "All four cases. Hover an entry for the thesis words; the numbers point to the notes below.",
  cardsHighlighted: (names) => `Highlighted: ${names} (matching the size-class filter). Hover an entry for the thesis words.`,
  timelineAxis: "Percent of municipalities",
  timelineTitle: "Balanced scorecard in the municipalities, 1999–2014",
  timelineStage: (stage) => ({ adopted: "adopted / using", introducing: "being introduced", planned: "planned" })[stage],
  timelineNote: (n, withheldBelow) => `${withheldBelow === undefined ? `1999: survey q20, N = ${n ?? "–"} kommuner` : `1999 bar withheld in this shared view: some group under this filter has fewer than ${withheldBelow} kommuner (disclosure guard)`}. 2004, 2014: Fallan et al. (2015) in the thesis; 2014 planned = 65 − 56%.`,
  timelineTooltip: (year, stage, percent, count, source, lines) => `${year} ${stage}: ${percent}${count ? ` (${count})` : ""} — ${source}${lines ? `, thesis lines ${lines}` : ""}`,
  timelineSurveySource: "1999 survey, q20",
  timelineCitedSource: (source) => `${source}, cited in the thesis`,
  noRowsSelected: (what) => `No rows are selected: widen the filters to see a ${what === "crosstab" ? "crosstab" : "frequency table"}.`,
  noValidBoth: (x, y) => `No row has valid answers to both ${x} and ${y}.`,
  noValidAnswers: (variable) => `No valid answers to ${variable} in the selection: every row is missing.`,
  expectedCountWarning: (cells, percent, minimum) => `${cells} cells (${percent}) have expected count less than 5. The minimum expected count is ${minimum}.`,
  chiUnreliable: (warning) => `χ² may be unreliable: ${warning}`,
  chiUnreliableAdvice: (warning) => `Warning: ${warning} χ² may be unreliable: merge sparse categories, or use Fisher's exact test for a 2 × 2 table.`,
  cellsShow: (statistic) => `Cells show ${statistic}.`,
  trendAcross: (method, line) => `Trend across classes (${method}): ${line}`,
  sizeClassCaption: (label, what) => `${label}: ${what}, by size class`,
  sizeClassesCaption: (what) => `${what ?? "Rates and means"} by size class`,
  sizeClassShare: (variable, codes) => `share with ${variable} = ${codes}`,
  sizeClassMean: (variable) => `mean of ${variable}`,
  tableSize: (rows, columns, shown) => `${rows} rows × ${columns} columns${shown === undefined ? "" : ` (first ${shown} shown)`}`,
  sizeClassEmpty: (classes) => `No valid cases in size class ${classes}: no estimate is shown there.`,
  sizeClassFew: (classes) => `Fewer than 5 cases in size class ${classes}: the interval is wide.`,
  sizeClassUnclassified: (count, range) => `${count} case(s) have no size class in ${range} and are left out.`,
  corrCaption: (coefficient, variables) => `Correlations (${coefficient}): ${variables}`,
  corrMethod: (coefficient, deletion, completeCases) => `${coefficient}, ${deletion} deletion${deletion === "listwise" ? ` (n = ${completeCases} complete cases)` : ""}`,
  corrMarks: (fdr) => (fdr ? "* q < .05, ** q < .01 (Benjamini–Hochberg over the matrix's pairs)" : "* p < .05, ** p < .01 (two-sided)"),
  spearmanUnweighted: "Spearman ρ is computed unweighted (as SPSS NONPAR CORR); the weight was not used.",
  noRowsForCorrelations: "No rows are selected: widen the filters to see correlations.",
  pairsWithoutR: (count, reasons) => `${count} pair(s) have no r: ${reasons}.`,
  pairsWithoutRMasked: "Some pairs have no r here: too few cases, or a variable constant in them.",
  hiddenInSharedView: "hidden in the shared view",
  fdrMarks: (pairs) => `Marks use Benjamini–Hochberg q over ${pairs} pairs.`,
  unsupportedCell: (kind, type) =>
    `This cell type (${kind === undefined ? type : `${kind}, type="${type}"`}) is not supported here, so it is not run. It is kept unchanged in the notebook and its file; open the file in Observable Notebook Kit to run it.`,
};

/** The generated tables' catalogue of each language (also inside `messages`). */
export const tableMessages = { nb, en } as const;

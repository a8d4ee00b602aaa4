/**
 * The authoring tools' words (issue 14): the side panel, the Insert-analysis dialog, the codebook
 * browser, the data viewer and the reference panel — their labels, buttons and notes. The reference
 * entries themselves (generated from the builtins' JSDoc) and the codebook's variables keep their
 * own text. `ShellMessages.authoring` (shell-messages.ts) holds these.
 */

/** Words of the authoring tools. */
export interface AuthoringMessages {
  // The editor's completions and hover (code-assist): their own words; a builtin's signature and
  // description are the reference's (English, from the JSDoc: docs/decisions.md).
  assistDefinedHere: string;
  assistTable(rows: number, columns: number): string;
  assistElement(tag: string): string;
  assistNode: string;
  assistMore(count: number): string;
  insertTab: string;
  closeTitle: string;
  closeLabel: string;
  // The Insert-analysis dialog.
  kinds: { frequencies: string; crosstab: string; correlations: string; "size-class": string; "what-if": string };
  kindLabel: string;
  readOnly: string;
  inserted(cells: number): string;
  none: string;
  derivedGroup: string;
  questionnaireGroup: string;
  variable: string;
  show: string;
  cumulativePercent: string;
  missingOneByOne: string;
  rows: string;
  columns: string;
  percentages: string;
  cellsAndStatistics: string;
  counts: string;
  expectedCounts: string;
  alwaysPrinted: string;
  liveLine: string;
  chart: string;
  variablesSeveral: string;
  method: string;
  missingValues: string;
  pairwise: string;
  listwise: string;
  options: string;
  adjustP: string;
  heatmap: string;
  countsAsSuccess: string;
  shows: string;
  sizeClassNote: string;
  by: string;
  stateA: string;
  stateB: string;
  whatIfNote: string;
  loadingCodebook: string;
  cellsToInsert: string;
  insert: string;
  // The codebook browser.
  insertedName(name: string): string;
  addedEntryCell(name: string): string;
  addedFrequencies(name: string): string;
  variableLabel(name: string): string;
  type: string;
  valueLabels: string;
  missing: string;
  noMissing: string;
  cardColumns: string;
  inferred: string;
  notOnCard: string;
  skipRules: string;
  asks: string;
  skippedWhen: string;
  noneShort: string;
  set: string;
  setCounts(value: string): string;
  drawnByReconstruction: string;
  note: string;
  insertName: string;
  frequencyCell: string;
  crosstabEllipsis: string;
  bySizeClass: string;
  searchCodebook: string;
  searchCodebookLabel: string;
  variables: string;
  pickVariable: string;
  variableCount(shown: number, total: number): string;
  setTag(name: string): string;
  drawnOwnData: string;
  drawnNotInData: string;
  drawnNone: string;
  drawnSome(drawn: number, total: number): string;
  // The data viewer.
  loadingRespondents: string;
  searchValues: string;
  searchRespondents: string;
  valueLabelsToggle: string;
  columnsField: string;
  drawnLegend: string;
  drawnTitle: string;
  previous: string;
  next: string;
  noRows: string;
  rowRange(from: number, to: number, total: number): string;
  // The reference panel.
  groups: { scope: string; analysis: string; stdlib: string; cell: string; library: string };
  optionsCaption: string;
  fieldsCaption: string;
  members: string;
  insertAsCell: string;
  loadingReference: string;
  searchReference: string;
  searchReferenceLabel: string;
  builtinCount(shown: number, total: number): string;
}

/** Norwegian (bokmål). */
export const authoringNb: AuthoringMessages = {
  assistDefinedHere: "definert i denne notatboken",
  assistTable: (rows, columns) => `tabell: ${rows} rader × ${columns} kolonner`,
  assistElement: (tag) => `<${tag}>-element`,
  assistNode: "DOM-node",
  assistMore: (count) => `… ${count} til`,
  insertTab: "Sett inn analyse",
  closeTitle: "Lukk (Esc)",
  closeLabel: "Lukk panelet",
  kinds: { frequencies: "Frekvenser", crosstab: "Krysstabell", correlations: "Korrelasjoner", "size-class": "Størrelsesklasser", "what-if": "Hva om" },
  kindLabel: "Type analyse",
  readOnly: "Denne notatboken er skrivebeskyttet (en forhåndsvisning): kjør den først.",
  inserted: (cells) => `Satte inn ${cells} celler på slutten av notatboken; rediger dem som andre celler.`,
  none: "— ingen —",
  derivedGroup: "Respondent (avledet)",
  questionnaireGroup: "Spørreskjema",
  variable: "Variabel",
  show: "Vis",
  cumulativePercent: "Kumulativ prosent",
  missingOneByOne: "Manglende-koder hver for seg",
  rows: "Rader",
  columns: "Kolonner",
  percentages: "Prosenter",
  cellsAndStatistics: "Celler og statistikk",
  counts: "Antall",
  expectedCounts: "Forventede antall",
  alwaysPrinted: "Pearsons χ², Cramérs V og varselet om forventede antall skrives alltid under tabellen.",
  liveLine: "χ² og Cramérs V som levende tall i en tekstlinje",
  chart: "Figur",
  variablesSeveral: "Variabler (Ctrl/⌘-klikk for flere)",
  method: "Metode",
  missingValues: "Manglende verdier",
  pairwise: "Parvis",
  listwise: "Listevis",
  options: "Valg",
  adjustP: "Juster p for mange tester (Benjamini–Hochberg FDR)",
  heatmap: "Varmekart",
  countsAsSuccess: "Teller som suksess",
  shows: "Viser",
  sizeClassNote: "Andel per SSB-størrelsesklasse med 95 % Wilson-intervall, alle klasser samlet, og trendtesten på tvers av klassene.",
  by: "Etter (rader i en krysstabell; ingen = frekvenser)",
  stateA: "Tilstand A: størrelsesklasser",
  stateB: "Tilstand B: størrelsesklasser",
  whatIfNote: "Hver tilstand får sitt eget filterskjema i notatboken: endre fylker, type eller modeller der.",
  loadingCodebook: "Laster kodeboken …",
  cellsToInsert: "Celler som settes inn",
  insert: "Sett inn",
  insertedName: (name) => `Satte inn «${name}» ved markøren i cellen som sist ble redigert.`,
  addedEntryCell: (name) => `Ingen celle ble redigert: la til en celle som viser kodebokoppføringen for ${name}.`,
  addedFrequencies: (name) => `La til en frekvenstabell for ${name}.`,
  variableLabel: (name) => `Variabel ${name}`,
  type: "Type",
  valueLabels: "Verdietiketter",
  missing: "Manglende",
  noMissing: "ingen (blank er systemmanglende)",
  cardColumns: "Kortkolonner",
  inferred: " (utledet)",
  notOnCard: "ikke på kortet (avledet)",
  skipRules: "Hopperegler",
  asks: "spør",
  skippedWhen: "hoppes over når",
  noneShort: "ingen",
  set: "Sett",
  setCounts: (value) => `(teller ${value})`,
  drawnByReconstruction: "Trukket av rekonstruksjonen",
  note: "Merknad",
  insertName: "Sett inn navnet",
  frequencyCell: "Frekvenscelle",
  crosstabEllipsis: "Krysstabell …",
  bySizeClass: "Etter størrelsesklasse …",
  searchCodebook: "Søk i navn, etikett eller verdietikett (målstyring, q20, Rogaland …)",
  searchCodebookLabel: "Søk i kodeboken",
  variables: "Variabler",
  pickVariable: "Velg en variabel for å se spørsmålet, verdietikettene, manglende-kodene og kortkolonnene.",
  variableCount: (shown, total) => `${shown} av ${total} variabler`,
  setTag: (name) => `sett ${name}`,
  drawnOwnData: "dine egne data: ingenting trukket",
  drawnNotInData: "finnes ikke i dataene",
  drawnNone: "nei – lik i alle rekonstruksjonene",
  drawnSome: (drawn, total) => `ja – trukket for ${drawn} av ${total} respondenter (varierer mellom rekonstruksjonene)`,
  loadingRespondents: "Laster respondentene …",
  searchValues: "Søk i de viste verdiene",
  searchRespondents: "Søk blant respondentene",
  valueLabelsToggle: "Verdietiketter",
  columnsField: "Kolonner (navn, kommaseparert)",
  drawnLegend: "trukket av rekonstruksjonen: verdien varierer mellom rekonstruksjonene, så den hviler på byggingen, ikke på rapporten",
  drawnTitle: "trukket av rekonstruksjonen",
  previous: "‹ Forrige",
  next: "Neste ›",
  noRows: "ingen rader",
  rowRange: (from, to, total) => `${from}–${to} av ${total}`,
  groups: { scope: "Undersøkelsen", analysis: "Statistikk, tabeller og figurer", stdlib: "Notatbokens standardbibliotek", cell: "I en celle", library: "Biblioteker" },
  optionsCaption: "Valg",
  fieldsCaption: "Felt",
  members: "Medlemmer:",
  insertAsCell: "Sett inn som celle",
  loadingReference: "Laster referansen …",
  searchReference: "Søk i innebygde funksjoner (crosstab, filter, Plot …)",
  searchReferenceLabel: "Søk i referansen",
  builtinCount: (shown, total) => `${shown} av ${total} innebygde funksjoner`,
};

/** English. */
export const authoringEn: AuthoringMessages = {
  assistDefinedHere: "defined in this notebook",
  assistTable: (rows, columns) => `table: ${rows} rows × ${columns} columns`,
  assistElement: (tag) => `<${tag}> element`,
  assistNode: "DOM node",
  assistMore: (count) => `… ${count} more`,
  insertTab: "Insert analysis",
  closeTitle: "Close (Esc)",
  closeLabel: "Close the panel",
  kinds: { frequencies: "Frequencies", crosstab: "Crosstab", correlations: "Correlations", "size-class": "Size classes", "what-if": "What-if" },
  kindLabel: "Kind of analysis",
  readOnly: "This notebook is read-only (a preview): run it first.",
  inserted: (cells) => `Inserted ${cells} cells at the end of the notebook; edit them like any cell.`,
  none: "— none —",
  derivedGroup: "Respondent (derived)",
  questionnaireGroup: "Questionnaire",
  variable: "Variable",
  show: "Show",
  cumulativePercent: "Cumulative percent",
  missingOneByOne: "Missing codes one by one",
  rows: "Rows",
  columns: "Columns",
  percentages: "Percentages",
  cellsAndStatistics: "Cells and statistics",
  counts: "Counts",
  expectedCounts: "Expected counts",
  alwaysPrinted: "Pearson χ², Cramér's V and the expected-count warning are always printed under the table.",
  liveLine: "χ² and Cramér's V as live numbers in a text line",
  chart: "Chart",
  variablesSeveral: "Variables (Ctrl/⌘-click for several)",
  method: "Method",
  missingValues: "Missing values",
  pairwise: "Pairwise",
  listwise: "Listwise",
  options: "Options",
  adjustP: "Adjust p for many tests (Benjamini–Hochberg FDR)",
  heatmap: "Heatmap",
  countsAsSuccess: "Counts as success",
  shows: "Shows",
  sizeClassNote: "Rate per SSB size class with its 95 % Wilson interval, all classes together, and the trend test across classes.",
  by: "By (rows of a crosstab; none = frequencies)",
  stateA: "State A: size classes",
  stateB: "State B: size classes",
  whatIfNote: "Each state gets its own filter form in the notebook: change counties, type or models there.",
  loadingCodebook: "Loading the codebook…",
  cellsToInsert: "Cells to insert",
  insert: "Insert",
  insertedName: (name) => `Inserted "${name}" at the cursor of the last edited cell.`,
  addedEntryCell: (name) => `No cell was being edited: added a cell showing ${name}'s codebook entry.`,
  addedFrequencies: (name) => `Added a frequency table of ${name}.`,
  variableLabel: (name) => `Variable ${name}`,
  type: "Type",
  valueLabels: "Value labels",
  missing: "Missing",
  noMissing: "none (a blank is system missing)",
  cardColumns: "Card columns",
  inferred: " (inferred)",
  notOnCard: "not on the card (derived)",
  skipRules: "Skip rules",
  asks: "asks",
  skippedWhen: "skipped when",
  noneShort: "none",
  set: "Set",
  setCounts: (value) => `(counts ${value})`,
  drawnByReconstruction: "Drawn by the reconstruction",
  note: "Note",
  insertName: "Insert name",
  frequencyCell: "Frequency cell",
  crosstabEllipsis: "Crosstab…",
  bySizeClass: "By size class…",
  searchCodebook: "Search name, label or value label (målstyring, q20, Rogaland …)",
  searchCodebookLabel: "Search the codebook",
  variables: "Variables",
  pickVariable: "Pick a variable to see its question, value labels, missing codes and card columns.",
  variableCount: (shown, total) => `${shown} of ${total} variables`,
  setTag: (name) => `set ${name}`,
  drawnOwnData: "your own data: nothing drawn",
  drawnNotInData: "not in the data",
  drawnNone: "no — the same in every reconstruction",
  drawnSome: (drawn, total) => `yes — drawn for ${drawn} of ${total} respondents (differs between reconstructions)`,
  loadingRespondents: "Loading the respondents…",
  searchValues: "Search the shown values",
  searchRespondents: "Search respondents",
  valueLabelsToggle: "Value labels",
  columnsField: "Columns (names, comma-separated)",
  drawnLegend: "drawn by the reconstruction: this value differs between the reconstructions, so it rests on the build, not on the report",
  drawnTitle: "drawn by the reconstruction",
  previous: "‹ Previous",
  next: "Next ›",
  noRows: "no rows",
  rowRange: (from, to, total) => `${from}–${to} of ${total}`,
  groups: { scope: "The survey in scope", analysis: "Statistics, tables and charts", stdlib: "Notebook standard library", cell: "In a cell", library: "Libraries" },
  optionsCaption: "Options",
  fieldsCaption: "Fields",
  members: "Members:",
  insertAsCell: "Insert as cell",
  loadingReference: "Loading the reference…",
  searchReference: "Search builtins (crosstab, filter, Plot …)",
  searchReferenceLabel: "Search the reference",
  builtinCount: (shown, total) => `${shown} of ${total} builtins`,
};

/**
 * The shell's words (issue 14): header, toolbar and its overflow menu, notebook list, banners, the
 * share dialog, and the authoring bar; the data menu's and the file panel's are in
 * data-file-messages.ts (the rest of the notebook frame's chrome — cell bar, report/edit switch,
 * export buttons, keyboard shortcuts — is in notebook-chrome-messages.ts). Kept apart from the analysis layer's
 * words so that both grow without touching each other; `Messages` (messages.ts) includes these keys,
 * so a catalogue that misses one fails the type-check there.
 */
import { formatNumber } from "./number-format";
import { authoringEn, authoringNb, type AuthoringMessages } from "./authoring-messages";
import { dataFileEn, dataFileNb, type DataFileMessages } from "./data-file-messages";
import { storageEn, storageNb, type StorageMessages } from "./storage-messages";

/** The shell's messages. */
export interface ShellMessages extends DataFileMessages, StorageMessages {
  // Why a notebook was reopened paused (app/sandbox: frame-status, message-budget, self-edit-gate).
  pauseNavigated: string;
  pauseUnknownCell: string;
  pauseFlooded(messages: number, millionChars: number): string;
  pauseSelfEdited(cells: number): string;
  // Header.
  sidebarToggleTitle: string;
  notebooks: string;
  brandTitle: string;
  notebookTitleLabel: string;
  loading: string;
  noNotebookOpen: string;
  /** The bundled survey's notice (the English one is `RECONSTRUCTION_NOTICE`, src/data/bundled-survey.ts). */
  reconstructionNotice: string;
  userDataNotice(name: string, rows: number): string;
  backToBundled: string;
  dismiss: string;

  // Bars above the notebook.
  previewRegion: string;
  previewOfFile(fileName: string): string;
  previewOfShared: string;
  previewExplain: string;
  warning: string;
  runThisNotebook: string;
  dataForNotebook: string;
  gateHeadline(fromFile: boolean, fileName: string): string;
  gateExplain: string;
  runOnMyData: string;
  /** A stranger's notebook changed while the reader was at it: which cells, and that only the shell's Keep makes it stick (self-edit-gate.ts). */
  heldChange(fromFile: boolean, positions: readonly number[], removed: number): string;
  heldChangeExplain: string;
  keepChanges: string;
  undoChanges: string;
  run: string;
  notResponding(names: string, seconds: number): string;
  running(names: string): string;
  theNotebook: string;
  theNotebookSubject: string;
  stop: string;
  stopTitle: string;
  noOutputsToReport: string;
  confirmRevert: string;
  shareWithoutFile: string;
  printNotReady: string;

  // Toolbar.
  toolbarLabel: string;
  newNotebook: string;
  importFile: string;
  exportFile: string;
  exportFileTitle: string;
  shareLink: string;
  revert: string;
  revertTitle: string;
  moreActions: string;
  /** The More button's and menu's accessible name: it starts with `moreActions`, the words on the button, so a reader who says what they see (voice control) reaches it (WCAG 2.5.3). */
  moreActionsLabel: string;
  saveSaved: string;
  saveSaving: string;
  saveMemoryOnly: string;
  savePreview: string;

  // Notebook list.
  listBundled: string;
  listInBrowser: string;
  listEdited: string;
  listEditedTitle: string;
  newSurvey: string;
  newSurveyTitle: string;
  listEmpty: string;
  untitled: string;
  origin(kind: "bundled" | "shared" | "imported" | "new"): string;
  deleteLocalTitle: string;
  deleteLocalLabel(title: string): string;
  confirmDeleteLocal(title: string): string;

  // Share dialog.
  shareTitle: string;
  shareExplain: string;
  shareLinkLabel: string;
  copied: string;
  pressCtrlC: string;
  copyLink: string;
  close: string;

  // Banners (workbench.ts).
  linkFilterError(detail: string): string;
  noBundledNotebooks: string;
  noLocalNotebook(key: string): string;
  /** The saved copy under `key` could not be read by this version and was moved, unchanged, to `aside`. */
  savedCopyUnreadable(key: string, aside: string): string;
  noFilterBar: string;
  bundledUnreadable(name: string, detail: string): string;
  shareLinkUnreadable(detail: string): string;
  linkFilterNotApplied(detail: string): string;
  notANotebook(fileName: string, detail: string): string;
  /** A notebook file larger than the app keeps edits of (notebook-size.ts): its size and the limits. */
  notebookTooLarge(fileName: string, cells: number, chars: number, maxCells: number, maxChars: number): string;
  fileWarning(fileName: string, detail: string): string;
  noShareLinkMade(detail: string): string;

  // Authoring bar.
  authoringTools: string;
  insertAnalysis: string;
  insertAnalysisTitle: string;
  codebook: string;
  codebookTitle: string;
  dataViewer: string;
  dataViewerTitle: string;
  reference: string;
  referenceTitle: string;
  /** The error box's button to a builtin's reference entry (reference-link.ts). */
  inTheReference(builtin: string): string;
  /** The authoring tools' panels (authoring-messages.ts). */
  authoring: AuthoringMessages;
}

/** Norwegian (bokmål). */
export const shellNb: ShellMessages = {
  ...dataFileNb,
  ...storageNb,
  pauseNavigated: "Denne notatboken prøvde å forlate appen (den satte location eller navigerte rammen sin), og det er blokkert. Den ble åpnet på nytt uten å kjøre noe. Løsning: fjern koden som endrer location eller åpner sider, og trykk Kjør.",
  pauseUnknownCell: "Notatboken sluttet å svare i kode som ikke kunne navngis (en celle som var rask før, en timer eller en hendelseshåndterer som aldri returnerer). Den ble åpnet på nytt uten å kjøre noe. Løsning: finn koden som aldri blir ferdig og endre den, og trykk Kjør.",
  pauseFlooded: (count, million) => `Denne notatboken sendte siden mer enn ${formatNumber("nb", count)} meldinger (eller ${formatNumber("nb", million)} millioner tegn) på ett sekund — langt mer enn en notatbok trenger — så den ble stoppet for å holde appen i gang. Den ble åpnet på nytt uten å kjøre noe. Løsning: se etter kode som sender meldinger eller skriver om notatboken i en løkke, og trykk Kjør.`,
  pauseSelfEdited: (cells) => `Denne notatboken endret sin egen kode (${cells === 1 ? "1 celle" : `${cells} celler`}) uten at du redigerte den. Endringen ble ikke beholdt: notatboken vises igjen med koden du godtok å kjøre (og dine egne endringer), uten å kjøre noe. Løsning: trykk Kjør bare hvis du stoler på den; en notatbok som skriver om seg selv, kan skjule hva den gjorde.`,
  sidebarToggleTitle: "Vis eller skjul listen over notatbøker",
  notebooks: "Notatbøker",
  brandTitle: "Tverrsnitt – startside",
  notebookTitleLabel: "Notatbokens tittel",
  loading: "Laster …",
  noNotebookOpen: "Ingen notatbok er åpen",
  reconstructionNotice: "De medfølgende respondentene er rekonstruert fra publiserte tabeller, ikke de opprinnelige mikrodataene fra 1999.",
  userDataNotice: (name, rows) => `Din fil: ${name} (${formatNumber("nb", rows)} ${rows === 1 ? "rad" : "rader"})`,
  backToBundled: "Tilbake til de medfølgende dataene",
  dismiss: "Lukk",
  previewRegion: "Forhåndsvisning",
  previewOfFile: (fileName) => `Forhåndsvisning av notatbokfilen ${fileName}.`,
  previewOfShared: "Forhåndsvisning av en delt notatbok.",
  previewExplain: "Ingenting er kjørt ennå: les koden nedenfor, og kjør den hvis du stoler på den. Den åpnes som en kopi; dine egne notatbøker blir ikke endret. Den kjører på de medfølgende respondentene, ikke på en fil du har lastet inn.",
  warning: "Advarsel:",
  runThisNotebook: "Kjør denne notatboken",
  dataForNotebook: "Data for denne notatboken",
  gateHeadline: (fromFile, fileName) => `Denne notatboken fra ${fromFile ? "en fil" : "en lenke"} kjører på de medfølgende rekonstruerte respondentene, ikke på filen din ${fileName}.`,
  gateExplain: "Koden kan ikke sende noe ut av denne siden, men det den skriver i cellene eller inndatafeltene, kommer med i delingslenken og i den eksporterte filen.",
  runOnMyData: "Kjør på mine data",
  heldChange: (fromFile, positions, removed) => {
    const parts = [...(positions.length > 0 ? [`${positions.length === 1 ? "celle" : "cellene"} ${positions.join(", ")}`] : []), ...(removed > 0 ? [`${removed} ${removed === 1 ? "celle fjernet" : "celler fjernet"}`] : [])];
    return `Koden i denne notatboken fra ${fromFile ? "en fil" : "en lenke"} er endret: ${parts.join("; ")}.`;
  },
  heldChangeExplain: "Endringen lagres bare hvis du beholder den her. En notatbok kan endre sin egen kode rett etter at du har klikket i den: behold bare endringer du selv har gjort.",
  keepChanges: "Behold endringene",
  undoChanges: "Angre endringene",
  run: "Kjør",
  notResponding: (names, seconds) => `${names} svarer ikke (har kjørt i ${seconds} s). Resten av siden virker fortsatt.`,
  running: (names) => `Kjører ${names} …`,
  theNotebook: "notatboken",
  theNotebookSubject: "Notatboken",
  stop: "Stopp",
  stopTitle: "Stopp notatboken og åpne den på nytt uten denne cellen",
  noOutputsToReport: "Notatboken har ingen resultater å rapportere ennå: kjør den, og eksporter så rapporten.",
  confirmRevert: "Forkaste endringene dine i denne notatboken og laste inn versjonen som fulgte med appen?",
  shareWithoutFile: "Delingslenken inneholder notatboken og innstillingene, ikke datafilen din: den som åpner lenken, kjører notatboken på de medfølgende rekonstruerte respondentene, og siden sier fra om det.",
  printNotReady: "Rapporten blir fortsatt klargjort: skriv ut igjen om et øyeblikk.",
  toolbarLabel: "Handlinger for notatboken",
  newNotebook: "Ny",
  importFile: "Importer …",
  exportFile: "Eksporter",
  exportFileTitle: "Lagre notatboken som fil (Ctrl+S)",
  shareLink: "Del lenke",
  revert: "Tilbake til originalen",
  revertTitle: "Forkast endringene dine og last inn versjonen som fulgte med appen",
  moreActions: "Mer",
  moreActionsLabel: "Mer: flere handlinger",
  saveSaved: "Lagret i nettleseren",
  saveSaving: "Lagrer …",
  saveMemoryOnly: "Ikke lagret – bare i minnet",
  savePreview: "Forhåndsvisning – ikke lagret",
  listBundled: "Medfølgende",
  listInBrowser: "I denne nettleseren",
  listEdited: "endret",
  listEditedTitle: "Du har lokale endringer i denne notatboken",
  newSurvey: "+ Ny analyse av undersøkelsen",
  newSurveyTitle: "En ny notatbok med de filtrerte respondentene, N og en ferdig krysstabell",
  listEmpty: "Ingenting ennå. Nye, importerte og delte notatbøker vises her.",
  untitled: "Uten tittel",
  origin: (kind) => ({ bundled: "medfølgende", shared: "delt", imported: "importert", new: "ny" })[kind],
  deleteLocalTitle: "Slett fra denne nettleseren",
  deleteLocalLabel: (title) => `Slett ${title}`,
  confirmDeleteLocal: (title) => `Slette «${title}» fra denne nettleseren? Det kan ikke angres (eksporter den først for å beholde en kopi).`,
  shareTitle: "Del denne notatboken",
  shareExplain: "Lenken bærer notatbokens celler og gjeldende inndataverdier i selve adressen – ingen server lagrer noe. Den som åpner den, får en kopi i forhåndsvisning og bestemmer selv om den skal kjøres.",
  shareLinkLabel: "Delingslenke",
  copied: "Kopiert",
  pressCtrlC: "Trykk Ctrl+C for å kopiere",
  copyLink: "Kopier lenken",
  close: "Lukk",
  linkFilterError: (detail) => `Filteret i denne lenken ble ikke brukt, så notatboken viser alle respondentene. ${detail}`,
  noBundledNotebooks: "Fant ingen medfølgende notatbøker. Lag en med «Ny», eller importer en notatbokfil.",
  savedCopyUnreadable: (key, aside) =>
    `Den lagrede kopien «${key}» kunne ikke leses av denne versjonen av appen. Den er lagt til side uendret i nettleserens lagring («${aside}»), så det du lagrer nå, skriver ikke over den.`,
  noLocalNotebook: (key) => `Det finnes ingen lokal notatbok «${key}» i denne nettleseren. Den kan være slettet, eller lagret i en annen nettleserprofil.`,
  noFilterBar: "Denne notatboken har ikke noe filterpanel, så filteret i lenken ble ikke brukt.",
  bundledUnreadable: (name, detail) => `Den medfølgende notatboken «${name}» kunne ikke leses: ${detail}`,
  shareLinkUnreadable: (detail) => `Denne delingslenken kan ikke åpnes – ${detail} Ingenting ble endret.`,
  linkFilterNotApplied: (detail) => `Filteret i lenken ble ikke brukt, så notatboken viser alle respondentene. ${detail}`,
  notANotebook: (fileName, detail) => `«${fileName}» er ikke en notatbok denne appen kan lese: ${detail}`,
  notebookTooLarge: (fileName, cells, chars, maxCells, maxChars) =>
    `«${fileName}» ble ikke åpnet: den har ${formatNumber("nb", cells)} celler og ${formatNumber("nb", chars)} tegn tekst, mer enn de ${formatNumber("nb", maxCells)} cellene og ${formatNumber("nb", maxChars)} tegnene appen kan lagre endringer i. Løsning: del notatboken i flere filer, eller fjern celler eller lange tekster, og importer den igjen.`,
  fileWarning: (fileName, detail) => `«${fileName}»: ${detail}`,
  noShareLinkMade: (detail) => `Ingen delingslenke ble laget – ${detail}`,
  authoringTools: "Verktøy for analyse",
  insertAnalysis: "Sett inn analyse …",
  insertAnalysisTitle: "Frekvenser, krysstabell, korrelasjoner, størrelsesklasser, hva-om: velg variabler og innstillinger, og få en celle",
  codebook: "Kodebok",
  codebookTitle: "Alle variabler: spørsmål, etiketter, verdietiketter, manglende-koder, kortkolonner, hopperegler",
  dataViewer: "Data",
  dataViewerTitle: "Respondentene under gjeldende filter: sorter, søk, verdietiketter, hva rekonstruksjonen trakk",
  reference: "Referanse",
  referenceTitle: "Alle innebygde funksjoner med signatur, valg og et eksempel å sette inn",
  inTheReference: (builtin) => `${builtin} i referansen`,
  authoring: authoringNb,
};

/** English. */
export const shellEn: ShellMessages = {
  ...dataFileEn,
  ...storageEn,
  pauseNavigated: "This notebook tried to leave the app (it set location or navigated its frame), which is blocked. It was reopened without running anything. Fix: remove the code that changes location or opens pages, then press Run.",
  pauseUnknownCell: "The notebook stopped responding in code that could not be named (a cell that was quick before, a timer or an event handler that never returns). It was reopened without running anything. Fix: find the code that never finishes and change it, then press Run.",
  pauseFlooded: (count, million) => `This notebook sent the page more than ${formatNumber("en", count)} messages (or ${formatNumber("en", million)} million characters) in one second — far more than a notebook needs — so it was stopped to keep the app responsive. It was reopened without running anything. Fix: look for code that posts messages or rewrites the notebook in a loop, then press Run.`,
  pauseSelfEdited: (cells) => `This notebook changed its own code (${cells === 1 ? "1 cell" : `${cells} cells`}) without you editing it. The change was not kept: the notebook is shown again with the code you agreed to run (and your own edits), without running anything. Fix: press Run only if you trust it; a notebook that rewrites itself may be hiding what it did.`,
  sidebarToggleTitle: "Show or hide the notebook list",
  notebooks: "Notebooks",
  brandTitle: "Tverrsnitt — home",
  notebookTitleLabel: "Notebook title",
  loading: "Loading…",
  noNotebookOpen: "No notebook open",
  reconstructionNotice: "Bundled respondents are a reconstruction from published aggregates, not the original 1999 microdata.",
  userDataNotice: (name, rows) => `Your file: ${name} (${formatNumber("en", rows)} ${rows === 1 ? "row" : "rows"})`,
  backToBundled: "Back to the bundled data",
  dismiss: "Dismiss",
  previewRegion: "Preview",
  previewOfFile: (fileName) => `Preview of the notebook file ${fileName}.`,
  previewOfShared: "Preview of a shared notebook.",
  previewExplain: "Nothing has run yet: read the code below, then run it if you trust it. It opens as a copy; your own notebooks are not changed. It runs on the bundled respondents, not on a file you loaded.",
  warning: "Warning:",
  runThisNotebook: "Run this notebook",
  dataForNotebook: "Data for this notebook",
  gateHeadline: (fromFile, fileName) => `This notebook from ${fromFile ? "a file" : "a link"} runs on the bundled reconstructed respondents, not on your file ${fileName}.`,
  gateExplain: "Its code cannot send anything out of this page, but what it writes into its cells or inputs goes into its share link and exported file.",
  runOnMyData: "Run on my data",
  heldChange: (fromFile, positions, removed) => {
    const parts = [...(positions.length > 0 ? [`${positions.length === 1 ? "cell" : "cells"} ${positions.join(", ")}`] : []), ...(removed > 0 ? [`${removed} ${removed === 1 ? "cell" : "cells"} removed`] : [])];
    return `The code of this notebook from ${fromFile ? "a file" : "a link"} changed: ${parts.join("; ")}.`;
  },
  heldChangeExplain: "The change is saved only if you keep it here. A notebook can change its own code right after you click in it: keep only changes you made yourself.",
  keepChanges: "Keep changes",
  undoChanges: "Undo changes",
  run: "Run",
  notResponding: (names, seconds) => `${names} is not responding (running for ${seconds} s). The rest of the page still works.`,
  running: (names) => `Running ${names}…`,
  theNotebook: "the notebook",
  theNotebookSubject: "The notebook",
  stop: "Stop",
  stopTitle: "Stop the notebook and reopen it without this cell",
  noOutputsToReport: "The notebook has no outputs to report yet: run it, then export the report.",
  confirmRevert: "Discard your edits of this notebook and reload the version shipped with the app?",
  shareWithoutFile: "The share link carries the notebook and its settings, not your data file: whoever opens it runs the notebook on the bundled reconstructed respondents, and the page says so.",
  printNotReady: "The report is still being prepared: print again in a moment.",
  toolbarLabel: "Notebook actions",
  newNotebook: "New",
  importFile: "Import…",
  exportFile: "Export",
  exportFileTitle: "Save the notebook as a file (Ctrl+S)",
  shareLink: "Share link",
  revert: "Revert to shipped version",
  revertTitle: "Discard your edits and reload the version shipped with the app",
  moreActions: "More",
  moreActionsLabel: "More actions",
  saveSaved: "Saved in this browser",
  saveSaving: "Saving…",
  saveMemoryOnly: "Not saved — kept in memory",
  savePreview: "Preview — not saved",
  listBundled: "Bundled",
  listInBrowser: "In this browser",
  listEdited: "edited",
  listEditedTitle: "You have local edits of this notebook",
  newSurvey: "+ New survey analysis",
  newSurveyTitle: "A new notebook with the filtered respondents, their N and a worked crosstab",
  listEmpty: "Nothing yet. New, imported and shared notebooks appear here.",
  untitled: "Untitled",
  origin: (kind) => kind,
  deleteLocalTitle: "Delete from this browser",
  deleteLocalLabel: (title) => `Delete ${title}`,
  confirmDeleteLocal: (title) => `Delete “${title}” from this browser? This cannot be undone (export it first to keep a copy).`,
  shareTitle: "Share this notebook",
  shareExplain: "The link carries the notebook's cells and current input values inside the URL — no server stores anything. Whoever opens it gets a copy in preview and decides whether to run it.",
  shareLinkLabel: "Share link",
  copied: "Copied",
  pressCtrlC: "Press Ctrl-C to copy",
  copyLink: "Copy link",
  close: "Close",
  linkFilterError: (detail) => `The filter in this link was not applied, so the notebook shows all respondents. ${detail}`,
  noBundledNotebooks: "No bundled notebooks were found. Create one with “New” or import a notebook file.",
  savedCopyUnreadable: (key, aside) =>
    `The saved copy “${key}” could not be read by this version of the app. It was set aside unchanged in this browser's storage (“${aside}”), so what you save now does not overwrite it.`,
  noLocalNotebook: (key) => `There is no local notebook “${key}” in this browser. It may have been deleted, or saved in another browser profile.`,
  noFilterBar: "This notebook has no filter bar, so the filter in the link was not applied to it.",
  bundledUnreadable: (name, detail) => `The bundled notebook “${name}” could not be read: ${detail}`,
  shareLinkUnreadable: (detail) => `This share link cannot be opened — ${detail} Nothing was changed.`,
  linkFilterNotApplied: (detail) => `The link's filter was not applied, so the notebook shows all respondents. ${detail}`,
  notANotebook: (fileName, detail) => `“${fileName}” is not a notebook this app can read: ${detail}`,
  notebookTooLarge: (fileName, cells, chars, maxCells, maxChars) =>
    `“${fileName}” was not opened: it has ${formatNumber("en", cells)} cells and ${formatNumber("en", chars)} characters of text, more than the ${formatNumber("en", maxCells)} cells and ${formatNumber("en", maxChars)} characters the app can save edits of. Fix: split the notebook into several files, or remove cells or long texts, and import it again.`,
  fileWarning: (fileName, detail) => `“${fileName}”: ${detail}`,
  noShareLinkMade: (detail) => `No share link was made — ${detail}`,
  authoringTools: "Authoring tools",
  insertAnalysis: "Insert analysis…",
  insertAnalysisTitle: "Frequencies, crosstab, correlations, size classes, what-if: pick variables and options, get a cell",
  codebook: "Codebook",
  codebookTitle: "Every variable: question, labels, value labels, missing codes, card columns, skip rules",
  dataViewer: "Data",
  dataViewerTitle: "The respondents under the current filter: sort, search, value labels, what the reconstruction drew",
  reference: "Reference",
  referenceTitle: "Every builtin with its signature, options and an example to insert",
  inTheReference: (builtin) => `${builtin} in the reference`,
  authoring: authoringEn,
};

/**
 * The words of a notebook's own chrome, in its frame (issue 14): a cell's bar and status, the
 * report/edit switch and the report file's labels, the export buttons beside an output, and command
 * mode's shortcuts and undo notices. Kept apart from the shell's words (shell-messages.ts) so that
 * neither file outgrows the other; `Messages` (messages.ts) includes these keys, so a catalogue that
 * misses one fails the type-check there.
 */
import type { Locale } from "./locale";

/** The notebook chrome's messages. */
export interface NotebookChromeMessages {
  // Cells.
  cellSourceLabel(n: number): string;
  /** The label of a markdown cell's text in another language (`CellDoc.variants`), in the editor. */
  variantLabel(lang: Locale): string;
  cellName(n: number, count: number, kind: string, changed: boolean, error: boolean): string;
  cellKindTitle(kind: string): string;
  changedHint: string;
  changedTitle: string;
  statusNotRun: string;
  statusError: string;
  statusRunning: string;
  /** The title of a cell's error box, by the error's kind (runtime/types.ts `CellErrorKind`; "Error" for any other). */
  errorTitle(kind: string): string;
  /** Where a syntax error is, after the message: " (line 3, column 7)". */
  errorWhere(line: number, column: number | undefined): string;
  editSource: string;
  hideSource: string;
  edit: string;
  hide: string;
  runCellTitle: string;
  moveUp: string;
  moveDown: string;
  addJsBelow: string;
  addMdBelow: string;
  deleteCell: string;
  uses: string;
  usedBy: string;
  cellRef(n: number): string;
  addJsCell: string;
  addMdCell: string;
  setup: string;
  codeFold: string;
  showCellCode: string;
  hideCellCode: string;
  outputScrolls(caption: string | undefined): string;

  // Report view switch.
  viewLabel: string;
  viewReport: string;
  viewEdit: string;
  exportReport: string;
  exportReportTitle: string;
  fullWidth: string;
  fullWidthTitle: string;
  contents: string;
  // The report file's own labels (app/report/report-document.ts).
  reportFilter: string;
  reportMadeWith(when: string): string;
  reportFilterNotRead: string;
  /** Print asked before the notebook's report under the current filter and language has come. */
  reportNotReady(title: string): string;

  // Export buttons beside an output.
  exportOutputLabel(name: string): string;
  downloadAs(name: string, format: string): string;
  exportFailed(detail: string): string;

  // Command mode.
  shortcutsTitle: string;
  shortcutsIntro: string;
  /** What each shortcut does, in the order of `SHORTCUTS` (components/command-mode.ts). */
  shortcuts: {
    escape: string;
    select: string;
    edit: string;
    runNext: string;
    runStay: string;
    addJs: string;
    addMd: string;
    move: string;
    delete: string;
    undo: string;
    save: string;
    help: string;
  };
  /** The notice after an undo or redo of the edit `label` (notebook-session.ts), or after a delete ("edit"). */
  editNotice(via: "undo" | "redo" | "edit", label: string): string;
  undo: string;
  redo: string;
}

/** The edit history's English labels of structure edits (edit-history.ts), in norsk; a Map, so no label meets Object's own keys. */
const EDIT_LABELS_NB: ReadonlyMap<string, string> = new Map([
  ["Delete cell", "sletting av celle"],
  ["Move cell", "flytting av celle"],
  ["Add cell", "ny celle"],
  ["Run edited cell", "kjøring av endret celle"],
  ["Edit translation", "endring av tekst på et annet språk"],
]);

/** Norwegian (bokmål). */
export const notebookChromeNb: NotebookChromeMessages = {
  cellSourceLabel: (n) => `Kilde for celle ${n}`,
  variantLabel: (lang) => (lang === "nb" ? "Teksten på bokmål, vist når appen er på norsk (tom: teksten over)" : "Teksten på engelsk, vist når appen er på engelsk (tom: teksten over)"),
  cellName: (n, count, kind, changed, error) => `Celle ${n} av ${count}, ${kind}${changed ? ", endret" : ""}${error ? ", feil" : ""}`,
  cellKindTitle: (kind) => `${kind}-celle`,
  changedHint: "● endret – Shift+Enter for å kjøre",
  changedTitle: "Endret, men ikke kjørt: trykk Shift+Enter",
  statusNotRun: "ikke kjørt",
  statusError: "feil",
  statusRunning: "kjører …",
  errorTitle: (kind) =>
    ({ syntax: "Syntaksfeil", rejected: "Promise avvist", "undefined-name": "Udefinert navn", "duplicate-definition": "Navnet er definert to ganger", "reserved-name": "Reservert navn", cycle: "Sirkulær definisjon", timeout: "Tidsgrense", stopped: "Stoppet", upstream: "Inndata feilet" })[kind] ?? "Feil",
  errorWhere: (line, column) => ` (linje ${line}${column !== undefined ? `, kolonne ${column}` : ""})`,
  editSource: "Rediger kilden",
  hideSource: "Skjul kilden",
  edit: "Rediger",
  hide: "Skjul",
  runCellTitle: "Kjør cellen (Shift+Enter)",
  moveUp: "Flytt opp",
  moveDown: "Flytt ned",
  addJsBelow: "Legg til en JavaScript-celle under",
  addMdBelow: "Legg til en markdown-celle under",
  deleteCell: "Slett cellen",
  uses: "bruker",
  usedBy: "brukes av",
  cellRef: (n) => `celle ${n}`,
  addJsCell: "+ JavaScript-celle",
  addMdCell: "+ Markdown-celle",
  setup: "Oppsett",
  codeFold: "Kode",
  showCellCode: "Vis koden i denne cellen",
  hideCellCode: "Skjul koden i denne cellen",
  outputScrolls: (caption) => `${caption || "Resultat"} (kan rulles sidelengs)`,
  viewLabel: "Visning",
  viewReport: "Rapport",
  viewEdit: "Rediger",
  exportReport: "Eksporter rapport",
  exportReportTitle: "Last ned resultatene som én HTML-fil som kan åpnes hvor som helst, uten appen. Bruk nettleserens Skriv ut (Ctrl+P) for å skrive ut rapporten.",
  fullWidth: "Full bredde",
  fullWidthTitle: "Bruk hele vindusbredden til brede tabeller og figurer",
  contents: "Innhold",
  reportFilter: "Filter",
  reportMadeWith: (when) => `Laget med Tverrsnitt, ${when}.`,
  reportFilterNotRead: "ingen (denne notatboken leser ikke utvalgsfilteret)",
  reportNotReady: (title) => `${title}: notatboken er ikke ferdig med å kjøre ennå. Skriv ut igjen når resultatene vises.`,
  exportOutputLabel: (name) => `Eksporter: ${name}`,
  downloadAs: (name, format) => `Last ned «${name}» som ${format}`,
  exportFailed: (detail) => `Eksporten mislyktes: ${detail}`,
  shortcutsTitle: "Hurtigtaster",
  shortcutsIntro: "Trykk Esc i en editor for å komme til kommandomodus; deretter:",
  shortcuts: {
    escape: "Forlat editoren: kommandomodus, cellen er valgt",
    select: "Velg cellen over / under",
    edit: "Rediger den valgte cellen",
    runNext: "Kjør cellen og velg den neste",
    runStay: "Kjør cellen og bli stående",
    addJs: "Legg til en JavaScript-celle over / under",
    addMd: "Legg til en markdown-celle over / under",
    move: "Flytt cellen opp / ned",
    delete: "Slett cellen (trykk D to ganger)",
    undo: "Angre / gjør om sletting, flytting, ny celle eller kjøring (i editoren: angre skriving)",
    save: "Lagre notatboken som fil",
    help: "Vis disse hurtigtastene",
  },
  editNotice: (via, label) => {
    const what = EDIT_LABELS_NB.get(label) ?? label.toLowerCase();
    if (via === "undo") return `Angret: ${what}`;
    if (via === "redo") return `Gjort om: ${what}`;
    return "Cellen er slettet";
  },
  undo: "Angre",
  redo: "Gjør om",
};

/** English. */
export const notebookChromeEn: NotebookChromeMessages = {
  cellSourceLabel: (n) => `Cell ${n} source`,
  variantLabel: (lang) => (lang === "nb" ? "The text in bokmål, shown when the app is in norsk (empty: the text above)" : "The text in English, shown when the app is in English (empty: the text above)"),
  cellName: (n, count, kind, changed, error) => `Cell ${n} of ${count}, ${kind}${changed ? ", changed" : ""}${error ? ", error" : ""}`,
  cellKindTitle: (kind) => `${kind} cell`,
  changedHint: "● changed — Shift-Enter to run",
  changedTitle: "Edited but not run: press Shift-Enter",
  statusNotRun: "not run",
  statusError: "error",
  statusRunning: "running…",
  errorTitle: (kind) =>
    ({ syntax: "Syntax error", rejected: "Promise rejected", "undefined-name": "Undefined name", "duplicate-definition": "Name defined twice", "reserved-name": "Reserved name", cycle: "Circular definition", timeout: "Time limit", stopped: "Stopped", upstream: "Input failed" })[kind] ?? "Error",
  errorWhere: (line, column) => ` (line ${line}${column !== undefined ? `, column ${column}` : ""})`,
  editSource: "Edit source",
  hideSource: "Hide source",
  edit: "Edit",
  hide: "Hide",
  runCellTitle: "Run cell (Shift-Enter)",
  moveUp: "Move up",
  moveDown: "Move down",
  addJsBelow: "Add JavaScript cell below",
  addMdBelow: "Add markdown cell below",
  deleteCell: "Delete cell",
  uses: "uses",
  usedBy: "used by",
  cellRef: (n) => `cell ${n}`,
  addJsCell: "+ JavaScript cell",
  addMdCell: "+ Markdown cell",
  setup: "Setup",
  codeFold: "Code",
  showCellCode: "Show this cell's code",
  hideCellCode: "Hide this cell's code",
  outputScrolls: (caption) => `${caption || "Output"} (scrolls sideways)`,
  viewLabel: "View",
  viewReport: "Report",
  viewEdit: "Edit",
  exportReport: "Export report",
  exportReportTitle: "Download the outputs as one HTML file that opens anywhere, without the app. To print the report, use the browser's Print (Ctrl-P).",
  fullWidth: "Full width",
  fullWidthTitle: "Use the whole width of the window for wide tables and charts",
  contents: "Contents",
  reportFilter: "Filter",
  reportMadeWith: (when) => `Made with Tverrsnitt, ${when}.`,
  reportFilterNotRead: "none (this notebook does not read the survey filter)",
  reportNotReady: (title) => `${title}: the notebook has not finished running yet. Print again once its outputs are shown.`,
  exportOutputLabel: (name) => `Export: ${name}`,
  downloadAs: (name, format) => `Download “${name}” as ${format}`,
  exportFailed: (detail) => `Export failed: ${detail}`,
  shortcutsTitle: "Keyboard shortcuts",
  shortcutsIntro: "Press Esc in an editor to reach command mode; then:",
  shortcuts: {
    escape: "Leave the editor: command mode, the cell selected",
    select: "Select the cell above / below",
    edit: "Edit the selected cell",
    runNext: "Run the cell and select the next one",
    runStay: "Run the cell and stay on it",
    addJs: "Add a JavaScript cell above / below",
    addMd: "Add a markdown cell above / below",
    move: "Move the cell up / down",
    delete: "Delete the cell (press D twice)",
    undo: "Undo / redo a delete, move, add or run (in the editor: undo typing)",
    save: "Save the notebook as a file",
    help: "Show these shortcuts",
  },
  editNotice: (via, label) => {
    if (via === "undo") return `Undone: ${label.toLowerCase()}`;
    if (via === "redo") return `Redone: ${label.toLowerCase()}`;
    return "Cell deleted";
  },
  undo: "Undo",
  redo: "Redo",
};

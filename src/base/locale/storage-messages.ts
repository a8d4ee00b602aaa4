/**
 * What the app says when saving in this browser did not go as asked (src/app/notebook-store.ts):
 * a full disk, a window that cannot save, a failed write, another tab's save, a closed tab's edits
 * kept apart, an undo history that could not be read. Each names what happened, that nothing typed
 * is lost, and what the user can do. Part of `ShellMessages` (shell-messages.ts).
 */
import { formatNumber } from "./number-format";

/** Storage's words. */
export interface StorageMessages {
  /** IndexedDB refused the write: the disk quota of the site is used up. */
  storageFull: string;
  /** IndexedDB cannot be used in this window (private mode, storage disabled). */
  storageUnavailable: string;
  /** Any other failed write; `detail` is the browser's own words. */
  storageFailed(detail: string): string;
  /** Another tab saved the notebook after this tab read it: this tab's edits go to a new notebook from now on. */
  storageConflict: string;
  /** A tab closed with edits of `key` made over a version another tab has since saved over; they were kept as `copy`. */
  closedTabKeptApart(key: string, copy: string): string;
  /** The undo history saved with the notebook could not be read and was dropped. */
  storedHistoryDropped: string;
  /**
   * The open notebook grew past what the app keeps edits of (`NOTEBOOK_LIMITS`): it has `cells`
   * cells and `chars` characters of cell text now; its edits since are not stored.
   */
  notebookGrownTooLarge(cells: number, chars: number, maxCells: number, maxChars: number): string;
  /** The save status while the open notebook is past the limits. */
  saveTooLarge: string;
}

/** How far past the limits, in `words` ("12 cells too many and 240,000 characters too many"). */
function overBy(locale: "nb" | "en", cells: number, chars: number, maxCells: number, maxChars: number): string {
  const parts: string[] = [];
  if (cells > maxCells) parts.push(locale === "nb" ? `${formatNumber("nb", cells - maxCells)} celler for mye` : `${formatNumber("en", cells - maxCells)} cells too many`);
  if (chars > maxChars) parts.push(locale === "nb" ? `${formatNumber("nb", chars - maxChars)} tegn for mye` : `${formatNumber("en", chars - maxChars)} characters too many`);
  return parts.join(locale === "nb" ? " og " : " and ");
}

/** Bokmål. */
export const storageNb: StorageMessages = {
  storageFull:
    "Nettleserens lagring er full, så denne notatboken ligger nå bare i minnet og forsvinner når fanen lukkes. Eksporter den (Eksporter-knappen), eller frigjør plass ved å slette gamle notatbøker i lista, og skriv videre: neste lagring prøver igjen.",
  storageUnavailable:
    "Dette nettleservinduet kan ikke lagre (privat vindu eller lagring slått av), så endringene ligger bare i minnet. Eksporter notatboken (Eksporter-knappen) før du lukker fanen, eller åpne appen i et vanlig vindu.",
  storageFailed: (detail) =>
    `Lagringen mislyktes (${detail}), så endringene ligger bare i minnet. Eksporter notatboken (Eksporter-knappen) for å ta vare på en kopi; neste lagring prøver igjen.`,
  storageConflict:
    "En annen fane lagret denne notatboken etter at denne fanen åpnet den. For at ingen av fanene skal miste arbeid, er den andre fanens versjon beholdt som den var, og det du skriver her lagres fra nå av som en egen notatbok i lista. Sammenlign de to og slett den du ikke trenger.",
  closedTabKeptApart: (key, copy) =>
    `En fane ble lukket med endringer i «${key}» etter at en annen fane hadde lagret den. Endringene er lagret som en egen notatbok i lista («${copy}»), så ingen av versjonene er skrevet over. Sammenlign de to og slett den du ikke trenger.`,
  storedHistoryDropped:
    "Angrehistorikken som var lagret med denne notatboken, kunne ikke leses, så den er forkastet: notatboken åpnes slik den ble lagret, og Angre begynner herfra.",
  notebookGrownTooLarge: (cells, chars, maxCells, maxChars) =>
    `Denne notatboken har vokst forbi det denne nettleseren kan lagre: den har nå ${formatNumber("nb", cells)} celler og ${formatNumber("nb", chars)} tegn tekst, og grensen er ${formatNumber("nb", maxCells)} celler og ${formatNumber("nb", maxChars)} tegn (${overBy("nb", cells, chars, maxCells, maxChars)}). Endringene etter at den passerte grensen, er ikke lagret: nettleseren beholder notatboken slik den sist ble lagret, og en ny innlasting åpner den versjonen. Løsning: angre siste endring, eller slett celler eller lange tekster til den er under grensen – da lagres den igjen med alt som står på skjermen. For å beholde mer: del den i to notatbøker – eksporter den (Eksporter-knappen; fila har versjonen som sist ble lagret), importer fila igjen, og behold halvparten av cellene i hver.`,
  saveTooLarge: "Ikke lagret – notatboken er for stor",
};

/** English. */
export const storageEn: StorageMessages = {
  storageFull:
    "Browser storage is full, so this notebook is now kept in memory only and is gone when the tab closes. Export it (Export button), or free space by deleting old notebooks in the list, and keep editing: the next save tries again.",
  storageUnavailable:
    "This browser window cannot save (private window or storage disabled), so edits live in memory only. Export the notebook (Export button) before closing the tab, or open the app in a normal window.",
  storageFailed: (detail) =>
    `Saving failed (${detail}), so edits are kept in memory only. Export the notebook (Export button) to keep a copy; the next save tries again.`,
  storageConflict:
    "Another tab saved this notebook after this tab opened it. So that neither tab's work is lost, the other tab's version is kept as it was, and what you write here is saved from now on as a separate notebook in the list. Compare the two and delete the one you do not need.",
  closedTabKeptApart: (key, copy) =>
    `A tab was closed with edits to “${key}” after another tab had saved it. Those edits were saved as a separate notebook in the list (“${copy}”), so neither version was overwritten. Compare the two and delete the one you do not need.`,
  storedHistoryDropped:
    "The undo history saved with this notebook could not be read, so it was dropped: the notebook opens as it was saved, and Undo starts from here.",
  notebookGrownTooLarge: (cells, chars, maxCells, maxChars) =>
    `This notebook has grown past what this browser can save: it now has ${formatNumber("en", cells)} cells and ${formatNumber("en", chars)} characters of text, and the limit is ${formatNumber("en", maxCells)} cells and ${formatNumber("en", maxChars)} characters (${overBy("en", cells, chars, maxCells, maxChars)}). Edits made since it passed the limit are not saved: the browser keeps the notebook as it was last saved, and a reload opens that version. Fix: undo the last edit, or delete cells or long texts until it is under the limit — it is then saved again with everything on screen. To keep more, split it into two notebooks: export it (Export button; the file holds the version last saved), import the file again, and keep half of the cells in each.`,
  saveTooLarge: "Not saved — notebook too large",
};

/**
 * What the app says when saving in this browser did not go as asked (src/app/notebook-store.ts):
 * a full disk, a window that cannot save, a failed write, another tab's save, a closed tab's edits
 * kept apart, an undo history that could not be read. Each names what happened, that nothing typed
 * is lost, and what the user can do. Part of `ShellMessages` (shell-messages.ts).
 */

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
};

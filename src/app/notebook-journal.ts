/**
 * The unload journal: a synchronous copy of a tab's last snapshot in localStorage, written while the
 * page hides or unloads (Chromium drops IndexedDB writes started then) and picked up by the next
 * read. An entry says which stored versions it continues (`over`): a journal written by a tab that
 * closed after another tab saved the notebook continues an older version, and taking it as the
 * notebook would put the closed tab's edits over the other tab's work (stop 31, st31).
 */
import { isRecord } from "../base/guards";
import { namesUnder, pageLocalStorage, removeLocal } from "./page-local-storage";
import { toStoredNotebook, type StoredNotebook } from "./stored-notebook";

const JOURNAL_PREFIX = "tverrsnitt-journal:";

/** One journaled snapshot and what it was written over. */
export interface JournalEntry {
  notebook: StoredNotebook;
  /**
   * `updatedAt` of the stored versions the writing tab had read, written or was writing when it
   * journaled: the snapshot continues any of them. Empty for an entry of an older version of the app.
   */
  over: number[];
  /** The writing tab (a store's id), so a tab clears only its own entries once they are stored. */
  by: string | undefined;
}

/** How a journal entry stands against the version IndexedDB holds. */
export type JournalStanding =
  /** IndexedDB holds this snapshot (or a later one of the same tab): the entry can go. */
  | "stored"
  /** The entry continues what IndexedDB holds, and is newer: it is the notebook. */
  | "newer"
  /** The entry continues a version another tab has since saved over: it is kept apart, as a copy. */
  | "apart";

/** Write `entry` under its notebook's key; a full or blocked journal is skipped (IndexedDB is still tried). */
export function writeJournal(entry: JournalEntry): void {
  try {
    pageLocalStorage()?.setItem(JOURNAL_PREFIX + entry.notebook.key, JSON.stringify({ ...entry.notebook, over: entry.over, by: entry.by }));
  } catch {
    // Journal full or blocked: the IndexedDB write is still attempted.
  }
}

/** The journal entry under `key`, or undefined (none, or not one this version can read). */
export function readJournal(key: string): JournalEntry | undefined {
  const text = pageLocalStorage()?.getItem(JOURNAL_PREFIX + key);
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    const notebook = toStoredNotebook(value);
    // An entry holds the notebook its name names: one holding another (a crafted or garbled entry)
    // opened in that notebook's place and was then saved over the notebook it holds.
    if (!notebook || !isRecord(value) || notebook.key !== key) return undefined;
    const over = Array.isArray(value.over) ? value.over.filter((v): v is number => typeof v === "number") : [];
    return { notebook, over, by: typeof value.by === "string" ? value.by : undefined };
  } catch {
    return undefined;
  }
}

/** Remove the journal entry under `key`. */
export function removeJournal(key: string): void {
  removeLocal(JOURNAL_PREFIX + key);
}

/**
 * The key of the local notebook a tab's snapshot is kept in when it cannot be the notebook: its
 * tab's save met another tab's version (the saves go to this copy from then on), or its journal
 * entry continues a version another tab has since saved over. Derived from the snapshot — its
 * notebook's key, its tab and its time — so every tab and every caller that keeps the same snapshot
 * names the same copy (a closing tab's diverted save and the next tab's claim of its journal entry
 * too), and only the first to store it makes one (notebook-store.ts).
 */
export function keptCopyKey(notebook: StoredNotebook, by: string | undefined): string {
  return `local:${notebook.updatedAt.toString(36)}-${fnv1a(`${notebook.key}\n${by ?? ""}`)}`;
}

/** Whether `a` and `b` are the same journaled snapshot (the same tab's, of the same time). */
export function sameEntry(a: JournalEntry | undefined, b: JournalEntry): boolean {
  return a !== undefined && a.notebook.key === b.notebook.key && a.notebook.updatedAt === b.notebook.updatedAt && a.by === b.by;
}

/** A short, stable name for `text` (32-bit FNV-1a, base 36): two entries of one millisecond differ in it. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** The keys that have a journal entry. */
export function journaledKeys(): string[] {
  return namesUnder(JOURNAL_PREFIX);
}

/**
 * How `entry` stands against `stored`, the version IndexedDB holds under its key (undefined: none),
 * written by the tab `storedBy`. The entry continues `stored` when its tab had seen that version or
 * wrote it itself (a tab only ever writes over what it saw, so its own writes are one line of work).
 */
export function journalStanding(entry: JournalEntry, stored: StoredNotebook | undefined, storedBy: string | undefined): JournalStanding {
  if (!stored) return "newer";
  if (entry.notebook.updatedAt === stored.updatedAt) return "stored";
  const continues = entry.over.includes(stored.updatedAt) || (entry.by !== undefined && entry.by === storedBy);
  if (!continues) return "apart";
  return entry.notebook.updatedAt > stored.updatedAt ? "newer" : "stored";
}

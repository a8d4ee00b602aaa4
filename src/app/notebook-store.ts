/**
 * Local notebooks in IndexedDB (through idb-keyval), with an in-memory mirror so that nothing typed
 * is lost when IndexedDB is missing (private windows, locked-down profiles) or full
 * (QuotaExceededError): the UI then shows the problem and keeps working from memory.
 */
import { createStore, del, get, set, update, values, type UseStore } from "idb-keyval";
import type { NotebookDoc } from "../notebook/document";
import { validatePayload } from "../notebook/share-codec";
import { decodeStructureHistory, encodeStructureHistory, type HistoryProblem, type StructureHistoryRecord } from "../notebook/structure-history";
import { isRecord, isStringRecord } from "../base/guards";

/** Where a local notebook came from; decides whether "revert to shipped version" is offered. */
export type NotebookOrigin =
  | { kind: "bundled"; name: string }
  | { kind: "shared" }
  | { kind: "imported"; fileName: string }
  | { kind: "new" };

/** One local notebook: its document, unsent editor drafts and the input values last seen. */
export interface StoredNotebook {
  key: string;
  doc: NotebookDoc;
  /** Cell id → editor text not yet run (Shift-Enter); restored with the "changed" marker. */
  drafts: Record<string, string>;
  inputs: Record<string, unknown>;
  /** The undo history of the notebook's structure (bounded, pooled: structure-history.ts). */
  history?: StructureHistoryRecord;
  /** Set on reading when a saved history could not be read and was dropped (never written). */
  historyProblem?: HistoryProblem;
  origin: NotebookOrigin;
  updatedAt: number;
}

/** "conflict": the save went to a copy, since another tab had saved the notebook (not a failure: it is stored). */
export type StorageProblemKind = "unavailable" | "quota" | "failed" | "conflict";

/** Why saving did not reach IndexedDB; the message says what the user can do. */
export interface StorageProblem {
  kind: StorageProblemKind;
  message: string;
  /**
   * For a "conflict": the notebook another tab saved (`from`) and the copy this tab's edits went to
   * (`to`, with its origin). The workbench opens the copy in this tab, so the address and a reload
   * show what this tab's user wrote, not the other tab's version.
   */
  copy?: { from: string; to: string; origin: NotebookOrigin };
}

/** Key of the working copy of a bundled notebook. */
export function bundledKey(name: string): string {
  return `bundled:${name}`;
}

function isOrigin(value: unknown): value is NotebookOrigin {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case "bundled":
      return typeof value.name === "string";
    case "imported":
      return typeof value.fileName === "string";
    case "shared":
    case "new":
      return true;
    default:
      return false;
  }
}

/** Rebuild a stored record from whatever IndexedDB returned; undefined when it is not one of ours. */
export function toStoredNotebook(value: unknown): StoredNotebook | undefined {
  if (!isRecord(value) || typeof value.key !== "string" || !isOrigin(value.origin)) return undefined;
  const checked = validatePayload({ doc: value.doc, inputs: isRecord(value.inputs) ? value.inputs : {} });
  if (!checked.ok) return undefined;
  const stored: StoredNotebook = {
    key: value.key,
    doc: checked.value.doc,
    inputs: checked.value.inputs,
    drafts: isStringRecord(value.drafts) ? { ...value.drafts } : {},
    origin: value.origin,
    updatedAt: typeof value.updatedAt === "number" ? value.updatedAt : 0,
  };
  // A history that cannot be read costs the history, never the notebook.
  if (value.history !== undefined) {
    const history = decodeStructureHistory(value.history);
    if (history.ok) stored.history = encodeStructureHistory(history.value);
    else stored.historyProblem = history.error;
  }
  return stored;
}

/** Turn whatever a failed IndexedDB call threw into a message the user can act on. */
export function describeStorageError(error: unknown): StorageProblem {
  const name = isRecord(error) && typeof error.name === "string" ? error.name : "";
  if (name === "QuotaExceededError") {
    return { kind: "quota", message: "Browser storage is full, so this notebook is kept in memory only. Export it (Export button) or free space by deleting old notebooks, then keep editing." };
  }
  if (name === "InvalidStateError" || name === "SecurityError" || name === "ReferenceError" || name === "TypeError") {
    return { kind: "unavailable", message: "This browser window cannot save (private mode or storage disabled), so edits live in memory only. Export the notebook before closing the tab." };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: "failed", message: `Saving failed (${detail}); edits are kept in memory. Export the notebook to keep a copy.` };
}

const JOURNAL_PREFIX = "tverrsnitt-journal:";

/** localStorage when the page has it (it is synchronous, so it still works while the page unloads). */
function journalStorage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function readJournal(key: string): StoredNotebook | undefined {
  const text = journalStorage()?.getItem(JOURNAL_PREFIX + key);
  if (!text) return undefined;
  try {
    return toStoredNotebook(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function newer(a: StoredNotebook | undefined, b: StoredNotebook | undefined): StoredNotebook | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.updatedAt > a.updatedAt ? b : a;
}

/** A bundled notebook's working copy saved apart is a notebook of its own (no "revert to shipped"). */
function copyOrigin(origin: NotebookOrigin): NotebookOrigin {
  return origin.kind === "bundled" ? { kind: "new" } : origin;
}

/** Where a stored record this version cannot read is moved, so the key's next save does not overwrite it. */
const UNREADABLE_PREFIX = "unreadable:";

/** Local notebook storage; construct with {@link NotebookStore.open}. */
export class NotebookStore {
  private readonly memory = new Map<string, StoredNotebook>();
  /** Key → the key its unreadable record was moved to, this session (for the word the workbench shows). */
  private readonly setAside = new Map<string, string>();
  /**
   * Key → `updatedAt` of the version this tab last read or wrote. A stored version of another time
   * was written by another tab (or window) since: writing over it would lose that tab's work.
   */
  private readonly seen = new Map<string, number>();
  /** Key → the copy this tab's saves of it go to, since another tab saved it meanwhile. */
  private readonly diverted = new Map<string, string>();

  private constructor(
    private readonly idb: UseStore | undefined,
    /** Set when IndexedDB could not be opened; saving then only reaches memory. */
    readonly problem: StorageProblem | undefined,
  ) {}

  /** Open the store, probing IndexedDB with a read; falls back to memory with a problem set. */
  static async open(dbName = "tverrsnitt", storeName = "notebooks"): Promise<NotebookStore> {
    try {
      if (typeof indexedDB === "undefined") throw new ReferenceError("indexedDB is not defined");
      const idb = createStore(dbName, storeName);
      await get("__probe__", idb);
      return new NotebookStore(idb, undefined);
    } catch (error) {
      return new NotebookStore(undefined, describeStorageError(error));
    }
  }

  /** True when saves reach IndexedDB (not only memory). */
  get persistent(): boolean {
    return this.idb !== undefined;
  }

  /**
   * Write a snapshot synchronously to the unload journal (localStorage). IndexedDB writes started
   * while a tab closes or reloads can be dropped; this copy is picked up by the next `get`.
   */
  journal(notebook: StoredNotebook): void {
    try {
      journalStorage()?.setItem(JOURNAL_PREFIX + notebook.key, JSON.stringify(notebook));
    } catch {
      // Journal full or blocked: the IndexedDB write is still attempted.
    }
  }

  async get(key: string): Promise<StoredNotebook | undefined> {
    const cached = this.memory.get(key);
    if (cached) return cached;
    let found: StoredNotebook | undefined;
    if (this.idb) {
      try {
        const raw = await get<unknown>(key, this.idb);
        found = toStoredNotebook(raw);
        // A record written by another version, or damaged: the key's first save would overwrite
        // the user's work in it (a bundled notebook's working copy opens as shipped, and saves).
        if (raw !== undefined && !found) await this.moveAside(key, raw, this.idb);
      } catch {
        found = undefined;
      }
    }
    const journaled = readJournal(key);
    const best = newer(found, journaled);
    if (best) this.memory.set(key, best);
    if (found) this.seen.set(key, found.updatedAt);
    // Opened afresh: its saves go to it again (a copy made before holds the edits made before).
    this.diverted.delete(key);
    // A journal entry newer than IndexedDB is moved into IndexedDB now.
    if (best && best === journaled && this.idb) void this.put(best);
    return best;
  }

  /** Move an unreadable record to a key of its own, unchanged, and free `key` for new saves. */
  private async moveAside(key: string, raw: unknown, idb: UseStore): Promise<void> {
    const aside = `${UNREADABLE_PREFIX}${new Date().toISOString()}:${key}`;
    await set(aside, raw, idb);
    await del(key, idb);
    this.setAside.set(key, aside);
  }

  /**
   * The key a record stored under `key` was moved to because this version could not read it (by
   * {@link get}, this session), or undefined. The record is kept as it was; the caller says so.
   */
  unreadableMovedTo(key: string): string | undefined {
    return this.setAside.get(key);
  }

  /**
   * Save; memory always succeeds, the returned problem says whether IndexedDB did too. When another
   * tab saved the notebook since this tab read or wrote it, its version is left as it is and this
   * tab's saves go to a new local notebook from then on (a "conflict", said once).
   */
  async put(notebook: StoredNotebook): Promise<StorageProblem | undefined> {
    const copy = this.diverted.get(notebook.key);
    if (copy !== undefined) return this.put({ ...notebook, key: copy, origin: copyOrigin(notebook.origin) });
    this.memory.set(notebook.key, notebook);
    if (!this.idb) return this.problem;
    try {
      // Store plain JSON so nothing runtime-ish (DOM nodes, functions) can sneak into storage.
      const plain: unknown = JSON.parse(JSON.stringify(notebook));
      const key = notebook.key;
      let theirs = false;
      let before: number | undefined;
      // Read and write in one transaction, so no other tab's save lands between the check and the
      // write; what this tab saw is read and noted inside it, so this tab's own saves queued
      // behind it (the journal's, an autosave) see this one.
      await update(
        key,
        (stored: unknown) => {
          before = this.seen.get(key);
          const at = isRecord(stored) && typeof stored.updatedAt === "number" ? stored.updatedAt : undefined;
          theirs = stored !== undefined && (before === undefined || at !== before) && at !== notebook.updatedAt;
          if (theirs) return stored;
          this.seen.set(key, notebook.updatedAt);
          return plain;
        },
        this.idb,
      ).catch((error: unknown) => {
        // Not written (a full disk): storage still holds what this tab saw before.
        if (!theirs && this.seen.get(key) === notebook.updatedAt) {
          if (before === undefined) this.seen.delete(key);
          else this.seen.set(key, before);
        }
        throw error;
      });
      if (theirs) return this.divert(notebook);
      const journaled = readJournal(notebook.key);
      if (journaled && journaled.updatedAt <= notebook.updatedAt) journalStorage()?.removeItem(JOURNAL_PREFIX + notebook.key);
      return undefined;
    } catch (error) {
      return describeStorageError(error);
    }
  }

  /** Another tab saved `notebook.key` meanwhile: keep its version, and this tab's as a new local notebook. */
  private async divert(notebook: StoredNotebook): Promise<StorageProblem | undefined> {
    this.memory.delete(notebook.key);
    this.seen.delete(notebook.key);
    const copy = `local:${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.diverted.set(notebook.key, copy);
    const origin = copyOrigin(notebook.origin);
    const failed = await this.put({ ...notebook, key: copy, origin });
    return (
      failed ?? {
        kind: "conflict",
        copy: { from: notebook.key, to: copy, origin },
        message: "Another tab saved this notebook after this tab opened it. So that neither tab's work is lost, the other tab's version is kept as it was, and this tab's edits are saved from now on as a separate notebook in the list.",
      }
    );
  }

  async delete(key: string): Promise<StorageProblem | undefined> {
    this.memory.delete(key);
    this.seen.delete(key);
    this.diverted.delete(key);
    journalStorage()?.removeItem(JOURNAL_PREFIX + key);
    if (!this.idb) return this.problem;
    try {
      await del(key, this.idb);
      return undefined;
    } catch (error) {
      return describeStorageError(error);
    }
  }

  /** Every local notebook, newest first. */
  async list(): Promise<StoredNotebook[]> {
    const byKey = new Map<string, StoredNotebook>();
    if (this.idb) {
      try {
        for (const raw of await values<unknown>(this.idb)) {
          const nb = toStoredNotebook(raw);
          if (nb) byKey.set(nb.key, nb);
        }
      } catch {
        // Listing is best effort; what is in memory is still shown.
      }
    }
    const journal = journalStorage();
    for (let i = 0; journal && i < journal.length; i++) {
      const name = journal.key(i);
      const nb = name?.startsWith(JOURNAL_PREFIX) ? readJournal(name.slice(JOURNAL_PREFIX.length)) : undefined;
      if (nb) byKey.set(nb.key, newer(byKey.get(nb.key), nb) ?? nb);
    }
    for (const [key, nb] of this.memory) byKey.set(key, nb);
    return [...byKey.values()].sort((a, b) => b.updatedAt - a.updatedAt);
  }
}

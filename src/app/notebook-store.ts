/**
 * Local notebooks in IndexedDB (through idb-keyval), with an in-memory mirror so that nothing typed
 * is lost when IndexedDB is missing (private windows, locked-down profiles) or full
 * (QuotaExceededError): the UI then shows the problem and keeps working from memory. Tabs of one
 * browser share the store: a save never writes over a version this tab has not seen (another tab's
 * work), and a closed tab's unload journal (notebook-journal.ts) never stands in for it either.
 */
import { createStore, del, get, set, update, values, type UseStore } from "idb-keyval";
import { isRecord } from "../base/guards";
import type { Wording } from "../base/locale/locale";
import { forgetCopy, noteCopy, untoldCopies, type CopyNotice } from "./copy-notices";
import { journaledKeys, journalStanding, keptCopyKey, readJournal, removeJournal, sameEntry, writeJournal, type JournalEntry } from "./notebook-journal";
import { toStoredNotebook, type NotebookOrigin, type StoredNotebook } from "./stored-notebook";

export { toStoredNotebook, type NotebookOrigin, type StoredNotebook } from "./stored-notebook";

/** "conflict": the save went to a copy, since another tab had saved the notebook (not a failure: it is stored). */
export type StorageProblemKind = "unavailable" | "quota" | "failed" | "conflict";

/** Why saving did not reach IndexedDB; the message says what the user can do. */
export interface StorageProblem {
  kind: StorageProblemKind;
  /** Said in the language of the moment (src/base/locale/storage-messages.ts). */
  message: Wording;
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

/** Turn whatever a failed IndexedDB call threw into a message the user can act on. */
export function describeStorageError(error: unknown): StorageProblem {
  const name = isRecord(error) && typeof error.name === "string" ? error.name : "";
  if (name === "QuotaExceededError") {
    return { kind: "quota", message: (words) => words.storageFull };
  }
  if (name === "InvalidStateError" || name === "SecurityError" || name === "ReferenceError" || name === "TypeError") {
    return { kind: "unavailable", message: (words) => words.storageUnavailable };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: "failed", message: (words) => words.storageFailed(detail) };
}

/** The field of a stored record naming the tab that wrote it (a journal entry of that tab continues it). */
const WRITER = "by";

/** The tab that wrote a stored record, if it says. */
function writerOf(raw: unknown): string | undefined {
  return isRecord(raw) && typeof raw[WRITER] === "string" ? raw[WRITER] : undefined;
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
   * Copies of closed tabs' journaled edits that this tab made and has not said yet: the tab that
   * stores a copy says it (only one tab stores each), so no other tab says it again.
   */
  private readonly keptHere = new Map<string, CopyNotice>();
  /** The copies this tab has put in `keptHere` once (a copy kept in memory and stored later is said once). */
  private readonly keptSaid = new Set<string>();
  /**
   * Key → `updatedAt` of the version this tab last read or wrote. A stored version of another time
   * was written by another tab (or window) since: writing over it would lose that tab's work.
   */
  private readonly seen = new Map<string, number>();
  /** Key → `updatedAt` of this tab's writes of it under way: a journal entry written meanwhile continues them too. */
  private readonly writing = new Map<string, Set<number>>();
  /** Key → the copy this tab's saves of it go to, since another tab saved it meanwhile. */
  private readonly diverted = new Map<string, string>();
  /** This tab's name in what it writes (records and journal entries). */
  private readonly tab = Math.random().toString(36).slice(2, 10);

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
   * while a tab closes or reloads can be dropped; this copy is picked up by the next `get`. A
   * snapshot of a notebook whose saves go to a copy is journaled as the copy: the tab may close
   * before its open notebook became the copy, and under the notebook's own key the entry would stand
   * in for the other tab's version.
   */
  journal(notebook: StoredNotebook): void {
    const copy = this.diverted.get(notebook.key);
    const target = copy === undefined ? notebook : { ...notebook, key: copy, origin: copyOrigin(notebook.origin) };
    const seen = this.seen.get(target.key);
    const over = [...(seen === undefined ? [] : [seen]), ...(this.writing.get(target.key) ?? [])];
    writeJournal({ notebook: target, over, by: this.tab });
  }

  async get(key: string): Promise<StoredNotebook | undefined> {
    const cached = this.memory.get(key);
    if (cached) return cached;
    let found: StoredNotebook | undefined;
    let writer: string | undefined;
    if (this.idb) {
      try {
        const raw = await get<unknown>(key, this.idb);
        found = toStoredNotebook(raw);
        writer = writerOf(raw);
        // A record written by another version, or damaged: the key's first save would overwrite
        // the user's work in it (a bundled notebook's working copy opens as shipped, and saves).
        if (raw !== undefined && !found) await this.moveAside(key, raw, this.idb);
      } catch {
        found = undefined;
      }
    }
    if (found) this.seen.set(key, found.updatedAt);
    const best = await this.withJournal(key, found, writer);
    if (best) this.memory.set(key, best);
    // Opened afresh: its saves go to it again (a copy made before holds the edits made before).
    this.diverted.delete(key);
    // A journal entry newer than IndexedDB is moved into IndexedDB now.
    if (best && best !== found && this.idb) void this.put(best);
    return best;
  }

  /**
   * The version of `key` to show: IndexedDB's (`found`), or its journal entry when that continues
   * it and is newer. An entry that continues an older version (its tab closed after another tab had
   * saved the notebook) is saved as a copy of its own, and `found` stays the notebook. The one way
   * both the list and the open read the journal, so an entry is kept apart in one place only.
   */
  private async withJournal(key: string, found: StoredNotebook | undefined, writer: string | undefined): Promise<StoredNotebook | undefined> {
    const entry = readJournal(key);
    if (!entry) return found;
    const standing = journalStanding(entry, found, writer);
    if (standing === "newer") return entry.notebook;
    if (standing === "apart") await this.keepApart(key, entry);
    else removeJournal(key);
    return found;
  }

  /**
   * Claim a closed tab's journal entry of `key`, which continues a version another tab has since
   * saved over: save it as a local notebook of its own, then drop the entry (a full disk keeps it
   * for the next try). The list and the open of this tab, and other tabs, may claim one entry at
   * once — each reads it before any has stored the copy. So the copy's key is the entry's own
   * (`keptCopyKey`), and it is created in one IndexedDB transaction only where nothing is stored
   * yet: one copy however many claim it, and the one claim that created it says so.
   */
  private async keepApart(key: string, entry: JournalEntry): Promise<void> {
    const copy = keptCopyKey(entry.notebook, entry.by);
    const kept: StoredNotebook = { ...entry.notebook, key: copy, origin: copyOrigin(entry.notebook.origin) };
    // Shown by this tab from now on, stored or not (a copy opened and edited meanwhile is kept as it is).
    if (!this.memory.has(copy)) this.memory.set(copy, kept);
    // Memory only: this tab says it; the entry stays for a tab that can store it.
    if (!this.idb) return this.sayKept(key, copy);
    let created = false;
    try {
      const plain: unknown = JSON.parse(JSON.stringify({ ...kept, [WRITER]: this.tab }));
      await update(
        copy,
        (stored: unknown) => {
          created = stored === undefined;
          return created ? plain : stored;
        },
        this.idb,
      );
    } catch {
      // Not stored (a full disk): it is in this tab's memory, and the entry stays for the next try.
      return this.sayKept(key, copy);
    }
    this.seen.set(copy, kept.updatedAt);
    if (created) this.sayKept(key, copy);
    // This entry only: one that a tab closed with since is claimed on its own.
    if (sameEntry(readJournal(key), entry)) removeJournal(key);
  }

  /** Have the workbench say that `key`'s closed-tab edits are kept as `copy` (once per copy). */
  private sayKept(key: string, copy: string): void {
    if (this.keptSaid.has(copy)) return;
    this.keptSaid.add(copy);
    this.keptHere.set(copy, { key, copy });
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
   * The copies of notebooks the user has not been told about yet: a closed tab's journaled edits this
   * tab saved apart, and a tab's saves diverted to a copy as it closed (copy-notices.ts, said by the
   * next tab). This tab's own diverted saves are left out: it says those itself, as the conflict.
   */
  untoldCopies(): CopyNotice[] {
    const own = new Set(this.diverted.values());
    return [...untoldCopies().filter((notice) => !own.has(notice.copy)), ...this.keptHere.values()];
  }

  /** The user was told about `copy` (no tab says it again). */
  told(copy: string): void {
    forgetCopy(copy);
    this.keptHere.delete(copy);
  }

  /**
   * Save; memory always succeeds, the returned problem says whether IndexedDB did too. When another
   * tab saved the notebook since this tab read or wrote it, its version is left as it is and this
   * tab's saves go to a new local notebook from then on (a "conflict", said once).
   */
  async put(notebook: StoredNotebook): Promise<StorageProblem | undefined> {
    const copy = this.diverted.get(notebook.key);
    if (copy !== undefined) {
      const failed = await this.put({ ...notebook, key: copy, origin: copyOrigin(notebook.origin) });
      // This tab's entry under the notebook's own key is stored now, in the copy.
      if (!failed) this.clearJournal(notebook.key, notebook.updatedAt, undefined);
      return failed;
    }
    this.memory.set(notebook.key, notebook);
    if (!this.idb) return this.problem;
    const key = notebook.key;
    const underWay = this.writing.get(key) ?? new Set<number>();
    underWay.add(notebook.updatedAt);
    this.writing.set(key, underWay);
    try {
      // Store plain JSON so nothing runtime-ish (DOM nodes, functions) can sneak into storage.
      const plain: unknown = JSON.parse(JSON.stringify({ ...notebook, [WRITER]: this.tab }));
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
      this.clearJournal(key, notebook.updatedAt, before);
      return undefined;
    } catch (error) {
      return describeStorageError(error);
    } finally {
      underWay.delete(notebook.updatedAt);
      if (underWay.size === 0 && this.writing.get(key) === underWay) this.writing.delete(key);
    }
  }

  /**
   * IndexedDB now holds `written` under `key`, over the version `replaced`: drop the journal entry
   * it holds — this tab's own, not newer, or the very version written over. Another tab's entry
   * stays (it may be that tab's last edits, its IndexedDB write dropped as it closed).
   */
  private clearJournal(key: string, written: number, replaced: number | undefined): void {
    const entry = readJournal(key);
    if (!entry) return;
    const at = entry.notebook.updatedAt;
    // An entry of an older version of the app names no tab: it is cleared as it was before.
    const mine = entry.by === undefined || entry.by === this.tab;
    if ((mine && at <= written) || at === replaced) removeJournal(key);
  }

  /** Another tab saved `notebook.key` meanwhile: keep its version, and this tab's as a new local notebook. */
  private async divert(notebook: StoredNotebook): Promise<StorageProblem | undefined> {
    this.memory.delete(notebook.key);
    this.seen.delete(notebook.key);
    // The key a claim of this tab's journal entry of the same snapshot would make: a closing page
    // that stored the copy but never cleared its entry leaves one copy, not two.
    const copy = keptCopyKey(notebook, this.tab);
    this.diverted.set(notebook.key, copy);
    // Said by this tab's banner, unless it is closing; then by the next tab (copy-notices.ts).
    noteCopy({ key: notebook.key, copy });
    const failed = await this.put(notebook);
    return failed ?? { kind: "conflict", copy: { from: notebook.key, to: copy, origin: copyOrigin(notebook.origin) }, message: (words) => words.storageConflict };
  }

  async delete(key: string): Promise<StorageProblem | undefined> {
    this.memory.delete(key);
    this.seen.delete(key);
    this.diverted.delete(key);
    removeJournal(key);
    forgetCopy(key);
    this.keptHere.delete(key);
    if (!this.idb) return this.problem;
    try {
      await del(key, this.idb);
      return undefined;
    } catch (error) {
      return describeStorageError(error);
    }
  }

  /**
   * Every local notebook, newest first. A journal entry shows in place of IndexedDB's version only
   * when it continues it (as {@link get} would open it); one that does not is saved as a notebook of
   * its own, and listed ({@link untoldCopies} says which).
   */
  async list(): Promise<StoredNotebook[]> {
    const byKey = new Map<string, StoredNotebook>();
    const writers = new Map<string, string | undefined>();
    if (this.idb) {
      try {
        for (const raw of await values<unknown>(this.idb)) {
          const nb = toStoredNotebook(raw);
          if (nb) {
            byKey.set(nb.key, nb);
            writers.set(nb.key, writerOf(raw));
          }
        }
      } catch {
        // Listing is best effort; what is in memory is still shown.
      }
    }
    for (const key of journaledKeys()) {
      // A closed tab's edits over a version another tab saved since: listed as the copy they are kept in (memory has it).
      const shown = await this.withJournal(key, byKey.get(key), writers.get(key));
      if (shown) byKey.set(key, shown);
    }
    for (const [key, nb] of this.memory) byKey.set(key, nb);
    return [...byKey.values()].sort((a, b) => b.updatedAt - a.updatedAt);
  }
}

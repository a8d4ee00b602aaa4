/**
 * Debounced autosave: every edit schedules a save ~300 ms later; a newer edit replaces the pending
 * one. `flush()` writes at once and is called on `visibilitychange` (hidden) and `pagehide`, so a
 * closed tab or a crash loses at most the last debounce interval of typing.
 */
import type { StorageProblem, StoredNotebook } from "./notebook-store";

/** "too-large": the open notebook grew past what is stored (notebook-size.ts); its edits since are not saved. */
export type SaveState = "saved" | "pending" | "saving" | "memory-only" | "too-large";

export interface SaveStatus {
  state: SaveState;
  problem?: StorageProblem;
}

/** Anything that can persist a notebook and report a problem (NotebookStore in the app). */
export interface SaveTarget {
  put(notebook: StoredNotebook): Promise<StorageProblem | undefined>;
  /** Synchronous last-chance copy while the page unloads (NotebookStore: localStorage journal). */
  journal?(notebook: StoredNotebook): void;
}

export class Autosaver {
  private pending: StoredNotebook | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  /**
   * The newest snapshot handed to the target and not known to be stored: its write has not answered,
   * or answered with a problem (memory only). Journaled on unload when nothing newer is pending.
   */
  private unstored: StoredNotebook | undefined;

  constructor(
    private readonly target: SaveTarget,
    private readonly onStatus: (status: SaveStatus) => void = () => undefined,
    private readonly delayMs = 300,
  ) {}

  /** Queue a save of this snapshot (the latest call wins). */
  schedule(notebook: StoredNotebook): void {
    this.pending = notebook;
    this.onStatus({ state: "pending" });
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Write the pending snapshot now; resolves when it (and any earlier write) is done. */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const notebook = this.pending;
    this.pending = undefined;
    if (notebook) {
      this.unstored = notebook;
      // Chain writes so an older snapshot can never land after a newer one.
      this.writing = this.writing.then(async () => {
        this.onStatus({ state: "saving" });
        const problem = await this.target.put(notebook);
        // Stored (a conflict is stored too, in a copy): nothing is left for the journal.
        if (this.unstored === notebook && (!problem || problem.kind === "conflict")) this.unstored = undefined;
        // A newer edit arrived meanwhile; its own status follows. A conflict is said only once by
        // the store, so its word (and where the edits now go) is passed on now, still pending.
        if (this.pending) {
          if (problem?.kind === "conflict") this.onStatus({ state: "pending", problem });
          return;
        }
        // A conflict is stored (in a copy): saved, with the word why it went there.
        this.onStatus(problem ? { state: problem.kind === "conflict" ? "saved" : "memory-only", problem } : { state: "saved" });
      });
    }
    return this.writing;
  }

  /** Whether an edit is waiting for its debounce. */
  get hasPending(): boolean {
    return this.pending !== undefined;
  }

  /**
   * Write the pending snapshot synchronously to the target's journal, then flush as usual. With none
   * pending, the last one not known to be stored is journaled: one still being written (the closing
   * page may drop that write too), or one kept in memory only (a full disk).
   */
  flushForUnload(): Promise<void> {
    const last = this.pending ?? this.unstored;
    if (last) this.target.journal?.(last);
    return this.flush();
  }

  /** Flush when the page is hidden or unloaded; returns a function that detaches the listeners. */
  attach(win: Window): () => void {
    const onVisibility = (): void => {
      if (win.document.visibilityState === "hidden") void this.flushForUnload();
    };
    const onPageHide = (): void => void this.flushForUnload();
    win.document.addEventListener("visibilitychange", onVisibility);
    win.addEventListener("pagehide", onPageHide);
    return () => {
      win.document.removeEventListener("visibilitychange", onVisibility);
      win.removeEventListener("pagehide", onPageHide);
    };
  }
}

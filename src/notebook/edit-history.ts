/**
 * Undo and redo of a notebook's structure: a pure history of snapshots. Before each structural edit
 * (delete, move, add, run after an edit) the editor records the state it is about to leave, with a
 * label ("Delete cell"); `undo` hands back that state and keeps the one it replaces for `redo`. A new
 * edit after an undo drops the redo side, as in every editor. The history never touches the
 * document itself: the caller applies what it gets, so the same rules hold in Node and in the page.
 *
 * Snapshots are the caller's values; for notebooks they are cheap (cell objects are copied, their
 * source strings are shared, not copied).
 */

/** One step of the history: what the edit was called and the state on the other side of it. */
export interface HistoryStep<S> {
  readonly label: string;
  readonly state: S;
}

/** How many edits are kept (older ones fall off the far end). */
export const HISTORY_LIMIT = 200;

/** The undo/redo stacks of one document (see the file comment). */
export class EditHistory<S> {
  private readonly past: HistoryStep<S>[] = [];
  private readonly future: HistoryStep<S>[] = [];

  constructor(private readonly limit: number = HISTORY_LIMIT) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`EditHistory: limit must be a positive integer, got ${limit}`);
  }

  /** Record the state before an edit called `label`; any redo steps are dropped. */
  record(label: string, before: S): void {
    this.past.push({ label, state: before });
    if (this.past.length > this.limit) this.past.shift();
    this.future.length = 0;
  }

  /** Step back: the state to restore (and its edit's label), given the state now; undefined when there is none. */
  undo(current: S): HistoryStep<S> | undefined {
    const step = this.past.pop();
    if (step) this.future.push({ label: step.label, state: current });
    return step;
  }

  /** Step forward again after an undo: the state to restore, given the state now. */
  redo(current: S): HistoryStep<S> | undefined {
    const step = this.future.pop();
    if (step) this.past.push({ label: step.label, state: current });
    return step;
  }

  /** The step `undo` would return, without taking it. */
  get nextUndo(): HistoryStep<S> | undefined {
    return this.past.at(-1);
  }

  /** The step `redo` would return, without taking it. */
  get nextRedo(): HistoryStep<S> | undefined {
    return this.future.at(-1);
  }

  /** The label of the edit `undo` would take back, if any. */
  get undoLabel(): string | undefined {
    return this.nextUndo?.label;
  }

  /** The label of the edit `redo` would do again, if any. */
  get redoLabel(): string | undefined {
    return this.nextRedo?.label;
  }

  /** Both sides as they stand (copies of the lists; the steps themselves are shared): for storage. */
  steps(): { past: HistoryStep<S>[]; future: HistoryStep<S>[] } {
    return { past: [...this.past], future: [...this.future] };
  }

  /** Replace both sides with stored ones (the newest `limit` of each side are kept). */
  load(steps: { past: readonly HistoryStep<S>[]; future: readonly HistoryStep<S>[] }): void {
    this.past.splice(0, this.past.length, ...steps.past.slice(-this.limit));
    this.future.splice(0, this.future.length, ...steps.future.slice(-this.limit));
  }

  /** Forget everything (a notebook reloaded from elsewhere). */
  clear(): void {
    this.past.length = 0;
    this.future.length = 0;
  }
}

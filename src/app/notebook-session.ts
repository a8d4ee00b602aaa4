/**
 * One open notebook: its document, the editor drafts not yet run, and (once the user lets it run)
 * the reactive runtime. The UI calls these methods and re-renders on `onChange`; the app saves on
 * every `doc`/`draft` change. A session starts in "preview" (nothing executed — shared links) or
 * "live"; `start()` is the only way from preview to live, so running is always an explicit choice.
 */
import { nextCellId, type CellDoc, type CellKind, type NotebookDoc } from "../notebook/document";
import type { InputRestoreReport } from "../runtime/input-binding";
import { parseCell } from "../runtime/plan-notebook";
import type { CellRuntimeState } from "../runtime/types";
import { titleAfterEdit } from "./notebook-title";
import type { RuntimePort } from "./runtime-port";

export type SessionMode = "preview" | "live";

export type SessionChange =
  | { kind: "doc" }
  | { kind: "draft"; id: string }
  | { kind: "state"; id: string }
  | { kind: "mode" };

export interface SessionOptions {
  doc: NotebookDoc;
  drafts?: Record<string, string>;
  /** Input values to apply once the runtime has settled (from a share link). */
  inputs?: Record<string, unknown>;
  createRuntime: () => RuntimePort;
}

function cloneDoc(doc: NotebookDoc): NotebookDoc {
  return structuredClone(doc);
}

export class NotebookSession {
  doc: NotebookDoc;
  mode: SessionMode = "preview";
  private readonly drafts = new Map<string, string>();
  private readonly listeners = new Set<(change: SessionChange) => void>();
  private runtime: RuntimePort | undefined;
  private unsubscribe: (() => void) | undefined;
  private pendingInputs: Record<string, unknown>;
  private readonly createRuntime: () => RuntimePort;

  constructor(options: SessionOptions) {
    this.doc = cloneDoc(options.doc);
    this.createRuntime = options.createRuntime;
    this.pendingInputs = { ...(options.inputs ?? {}) };
    const ids = new Set(this.doc.cells.map((c) => c.id));
    for (const [id, text] of Object.entries(options.drafts ?? {})) {
      if (ids.has(id)) this.drafts.set(id, text);
    }
  }

  onChange(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: SessionChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Create the runtime and run every cell (the user's consent for shared notebooks). */
  start(): Promise<void> {
    if (this.runtime) return Promise.resolve();
    const runtime = this.createRuntime();
    this.runtime = runtime;
    this.mode = "live";
    this.unsubscribe = runtime.subscribe((id) => this.emit({ kind: "state", id }));
    runtime.load(cloneDoc(this.doc));
    // Set right away: the runtime holds a value for an input whose cell has not run yet and applies
    // it when view() binds, so the notebook computes once with the link's filter, not twice.
    const inputs = this.pendingInputs;
    this.pendingInputs = {};
    for (const [name, value] of Object.entries(inputs)) runtime.setInput(name, value);
    this.emit({ kind: "mode" });
    return Promise.resolve();
  }

  /**
   * Set a view() input by name (a filter from the URL). Live: the runtime applies it (or holds it
   * until the input's cell has run); in preview it waits for `start()` like a share link's inputs.
   */
  setInput(name: string, value: unknown): void {
    if (this.runtime) this.runtime.setInput(name, value);
    else this.pendingInputs = { ...this.pendingInputs, [name]: value };
  }

  /** Resolves when nothing is running (immediately in preview). */
  idle(): Promise<void> {
    return this.runtime ? this.runtime.idle() : Promise.resolve();
  }

  state(id: string): CellRuntimeState | undefined {
    return this.runtime?.state(id);
  }

  uses(id: string): string[] {
    return this.runtime?.uses(id) ?? [];
  }

  usedBy(id: string): string[] {
    return this.runtime?.usedBy(id) ?? [];
  }

  /**
   * Whether any cell reads `name`: from the running notebook's plans, or — in preview, where nothing
   * runs — from parsing the cells (the same analysis, without executing anything).
   */
  references(name: string): boolean {
    if (this.runtime) return this.runtime.references(name);
    return this.doc.cells.some((cell) => parseCell(cell).analysis?.references.includes(name) ?? false);
  }

  /** Which of a link's input values were applied and which were dropped, and why (after idle). */
  inputReport(): InputRestoreReport {
    return this.runtime?.inputReport() ?? { applied: [], dropped: [] };
  }

  /** Current input values (for share links); in preview, the ones that came with the link. */
  inputValues(): Record<string, unknown> {
    return this.runtime ? this.runtime.inputValues() : { ...this.pendingInputs };
  }

  cell(id: string): CellDoc | undefined {
    return this.doc.cells.find((c) => c.id === id);
  }

  draft(id: string): string | undefined {
    return this.drafts.get(id);
  }

  draftRecord(): Record<string, string> {
    return Object.fromEntries(this.drafts);
  }

  /** Record editor text; a draft equal to the cell's source is no draft. */
  setDraft(id: string, text: string): void {
    const cell = this.cell(id);
    if (!cell) return;
    const had = this.drafts.get(id);
    if (text === cell.source) this.drafts.delete(id);
    else this.drafts.set(id, text);
    if (had !== this.drafts.get(id)) this.emit({ kind: "draft", id });
  }

  /** Shift-Enter: the draft becomes the source and the cell and its dependents rerun. */
  run(id: string): void {
    const cell = this.cell(id);
    if (!cell) return;
    const draft = this.drafts.get(id);
    if (draft !== undefined) {
      const before = structuredClone(this.doc.cells);
      cell.source = draft;
      this.drafts.delete(id);
      this.doc.title = titleAfterEdit(this.doc.title, before, this.doc.cells);
      this.emit({ kind: "doc" });
      this.emit({ kind: "draft", id });
    }
    this.runtime?.updateCell({ ...cell });
  }

  /** Insert an empty cell after `afterId` (or at the end) and return its id. */
  addCell(kind: CellKind, afterId?: string): string {
    const id = nextCellId(this.doc);
    const cell: CellDoc = { id, kind, source: "" };
    const at = afterId === undefined ? -1 : this.doc.cells.findIndex((c) => c.id === afterId);
    if (at < 0) this.doc.cells.push(cell);
    else this.doc.cells.splice(at + 1, 0, cell);
    this.runtime?.updateCell({ ...cell });
    this.emit({ kind: "doc" });
    return id;
  }

  deleteCell(id: string): void {
    const at = this.doc.cells.findIndex((c) => c.id === id);
    if (at < 0) return;
    const before = [...this.doc.cells];
    this.doc.cells.splice(at, 1);
    this.doc.title = titleAfterEdit(this.doc.title, before, this.doc.cells);
    this.drafts.delete(id);
    this.runtime?.removeCell(id);
    this.emit({ kind: "doc" });
  }

  /** Move a cell up (-1) or down (+1); order is presentation only, so nothing reruns. */
  moveCell(id: string, delta: -1 | 1): void {
    const at = this.doc.cells.findIndex((c) => c.id === id);
    const to = at + delta;
    if (at < 0 || to < 0 || to >= this.doc.cells.length) return;
    const before = [...this.doc.cells];
    const [cell] = this.doc.cells.splice(at, 1);
    if (cell) this.doc.cells.splice(to, 0, cell);
    this.doc.title = titleAfterEdit(this.doc.title, before, this.doc.cells);
    this.emit({ kind: "doc" });
  }

  setTitle(title: string): void {
    if (title === this.doc.title) return;
    this.doc.title = title;
    this.emit({ kind: "doc" });
  }

  dispose(): void {
    this.unsubscribe?.();
    this.runtime?.dispose();
    this.runtime = undefined;
    this.listeners.clear();
  }
}

/**
 * One open notebook: its document, the editor drafts not yet run, and (once the user lets it run)
 * the reactive runtime. The UI calls these methods and re-renders on `onChange`; the app saves on
 * every `doc`/`draft` change. A session starts in "preview" (nothing executed — shared links) or
 * "live"; `start()` is the only way from preview to live, so running is always an explicit choice.
 */
import { newCell, nextCellId, type CellDoc, type CellKind, type CellVariants, type NotebookDoc } from "../notebook/document";
import { EditHistory } from "../notebook/edit-history";
import { cellInLanguage } from "../notebook/cell-in-language";
import { LOCALES, type Locale } from "../base/locale/locale";
import { encodeStructureHistory, type StructureHistoryRecord, type StructureSnapshot, type StructureSteps } from "../notebook/structure-history";
import type { InputRestoreReport } from "../runtime/input-binding";
import { parseCell } from "../runtime/plan-notebook";
import type { CellRuntimeState } from "../runtime/types";
import type { NotebookSize } from "../notebook/notebook-size";
import { titleAfterEdit } from "./notebook-title";
import type { RuntimePort } from "./runtime-port";
import { Listeners } from "../base/listeners";

export type SessionMode = "preview" | "live";

export type SessionChange =
  /** The document changed; `edit` names a structural edit (or its undo/redo) for the undo notice. */
  | { kind: "doc"; edit?: StructureEdit }
  | { kind: "draft"; id: string }
  | { kind: "state"; id: string }
  | { kind: "mode" }
  /**
   * The notebook's size passed the limits of what is stored (`over`), or is back within them
   * (undefined). Said by the shell's view of a notebook in the frame (FrameSession), whose reports
   * of such edits are not kept; a session of its own keeps every edit and never says it.
   */
  | { kind: "size"; over: NotebookSize | undefined };

/** A structural edit as the notebook announces it ("Delete cell", and whether it was an undo/redo). */
export interface StructureEdit {
  label: string;
  via: "edit" | "undo" | "redo";
  /** The cell the edit concerns (focus follows it). */
  cell?: string;
}

export interface SessionOptions {
  doc: NotebookDoc;
  drafts?: Record<string, string>;
  /** Input values to apply once the runtime has settled (from a share link). */
  inputs?: Record<string, unknown>;
  /** The undo history saved with the notebook (decoded and checked: structure-history.ts). */
  history?: StructureSteps;
  createRuntime: () => RuntimePort;
}

function cloneDoc(doc: NotebookDoc): NotebookDoc {
  return structuredClone(doc);
}

export class NotebookSession {
  doc: NotebookDoc;
  mode: SessionMode = "preview";
  private readonly drafts = new Map<string, string>();
  private readonly listeners = new Listeners<[change: SessionChange]>();
  private runtime: RuntimePort | undefined;
  private unsubscribe: (() => void) | undefined;
  private pendingInputs: Record<string, unknown>;
  private readonly createRuntime: () => RuntimePort;
  /** Undo/redo of structure edits (delete, move, add, run after an edit); in-editor typing has its own. */
  private readonly history = new EditHistory<StructureSnapshot>();

  constructor(options: SessionOptions) {
    this.doc = cloneDoc(options.doc);
    this.createRuntime = options.createRuntime;
    this.pendingInputs = { ...(options.inputs ?? {}) };
    const ids = new Set(this.doc.cells.map((c) => c.id));
    for (const [id, text] of Object.entries(options.drafts ?? {})) {
      if (ids.has(id)) this.drafts.set(id, text);
    }
    if (options.history) this.history.load(options.history);
  }

  onChange(listener: (change: SessionChange) => void): () => void {
    return this.listeners.add(listener);
  }

  private emit(change: SessionChange): void {
    this.listeners.emit(change);
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

  uses(id: string): readonly string[] {
    return this.runtime?.uses(id) ?? [];
  }

  usedBy(id: string): readonly string[] {
    return this.runtime?.usedBy(id) ?? [];
  }

  /**
   * Whether any cell reads `name`: from the running notebook's plans, or — in preview, where nothing
   * runs — from parsing the cells (the same analysis, without executing anything).
   */
  references(name: string): boolean {
    if (this.runtime) return this.runtime.references(name);
    // Every language's text of a markdown cell: the reader may switch to the one that reads `name`.
    return this.doc.cells.some((cell) => {
      const texts = cell.variants ? LOCALES.map((locale) => cellInLanguage(cell, locale)) : [cell];
      return texts.some((text) => parseCell(text).analysis?.references.includes(name) ?? false);
    });
  }

  /** Which of a link's input values were applied and which were dropped, and why (after idle). */
  inputReport(): InputRestoreReport {
    return this.runtime?.inputReport() ?? { applied: [], dropped: [] };
  }

  /** Current input values (for share links); in preview, the ones that came with the link. */
  inputValues(): Record<string, unknown> {
    return this.runtime ? this.runtime.inputValues() : { ...this.pendingInputs };
  }

  /** name → current value of each name a cell defines (empty before the notebook runs): the editor's hover reads it. */
  namedValues(): Record<string, unknown> {
    return this.runtime?.namedValues() ?? {};
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
      this.remember("Run edited cell", id);
      const before = structuredClone(this.doc.cells);
      cell.source = draft;
      this.drafts.delete(id);
      this.doc.title = titleAfterEdit(this.doc.title, before, this.doc.cells);
      this.emit({ kind: "doc", edit: { label: "Run edited cell", via: "edit", cell: id } });
      this.emit({ kind: "draft", id });
    }
    this.runtime?.updateCell({ ...cell });
  }

  /**
   * A markdown cell's text in `lang` (CellDoc.variants): set, or removed when `text` is empty. A
   * structure edit (undo takes it back) that runs the cell again in the reader's language.
   */
  setVariant(id: string, lang: Locale, text: string): void {
    const cell = this.cell(id);
    if (!cell || cell.kind !== "md") return;
    const wanted = text.trim() === "" ? undefined : text;
    if (cell.variants?.[lang] === wanted) return;
    this.remember("Edit translation", id);
    const variants: CellVariants = { ...cell.variants };
    if (wanted === undefined) delete variants[lang];
    else variants[lang] = wanted;
    // A fresh object: the history's snapshots share the cells' fields.
    if (Object.keys(variants).length > 0) cell.variants = variants;
    else delete cell.variants;
    this.emit({ kind: "doc", edit: { label: "Edit translation", via: "edit", cell: id } });
    this.runtime?.updateCell({ ...cell });
  }

  /** Insert an empty cell after (or `before`) the cell `nextTo` (or at the end) and return its id. */
  addCell(kind: CellKind, nextTo?: string, place: "after" | "before" = "after"): string {
    const id = nextCellId(this.doc);
    const cell: CellDoc = newCell(id, kind);
    this.remember("Add cell", nextTo);
    const at = nextTo === undefined ? -1 : this.doc.cells.findIndex((c) => c.id === nextTo);
    if (at < 0) this.doc.cells.push(cell);
    else this.doc.cells.splice(place === "after" ? at + 1 : at, 0, cell);
    this.runtime?.updateCell({ ...cell });
    this.emit({ kind: "doc", edit: { label: "Add cell", via: "edit", cell: id } });
    return id;
  }

  deleteCell(id: string): void {
    const at = this.doc.cells.findIndex((c) => c.id === id);
    if (at < 0) return;
    this.remember("Delete cell", id);
    const before = [...this.doc.cells];
    this.doc.cells.splice(at, 1);
    this.doc.title = titleAfterEdit(this.doc.title, before, this.doc.cells);
    this.drafts.delete(id);
    this.runtime?.removeCell(id);
    this.emit({ kind: "doc", edit: { label: "Delete cell", via: "edit", cell: this.doc.cells[Math.min(at, this.doc.cells.length - 1)]?.id } });
  }

  /** Move a cell up (-1) or down (+1); order is presentation only, so nothing reruns. */
  moveCell(id: string, delta: -1 | 1): void {
    const at = this.doc.cells.findIndex((c) => c.id === id);
    const to = at + delta;
    if (at < 0 || to < 0 || to >= this.doc.cells.length) return;
    this.remember("Move cell", id);
    const before = [...this.doc.cells];
    const [cell] = this.doc.cells.splice(at, 1);
    if (cell) this.doc.cells.splice(to, 0, cell);
    this.doc.title = titleAfterEdit(this.doc.title, before, this.doc.cells);
    this.emit({ kind: "doc", edit: { label: "Move cell", via: "edit", cell: id } });
  }

  /** The label of the structure edit Undo would take back (for the UI), if any. */
  get undoLabel(): string | undefined {
    return this.history.undoLabel;
  }

  /** The label of the structure edit Redo would do again, if any. */
  get redoLabel(): string | undefined {
    return this.history.redoLabel;
  }

  /** The undo history in its stored form, to keep with the notebook (Ctrl-Z after a reload); undefined when empty. */
  historyRecord(): StructureHistoryRecord | undefined {
    const steps = this.history.steps();
    return steps.past.length + steps.future.length > 0 ? encodeStructureHistory(steps) : undefined;
  }

  /** Take back the last structure edit (delete, move, add, run after an edit); false when there is none. */
  undo(): boolean {
    if (this.mode === "preview") return false;
    // The step on the other side concerns the same cell (focus follows it after a redo too).
    const step = this.history.undo(this.snapshot(this.history.nextUndo?.state.cell));
    if (step) this.restore(step.state, { label: step.label, via: "undo", cell: step.state.cell });
    return step !== undefined;
  }

  /** Do again the structure edit last taken back; false when there is none. */
  redo(): boolean {
    if (this.mode === "preview") return false;
    const step = this.history.redo(this.snapshot(this.history.nextRedo?.state.cell));
    if (step) this.restore(step.state, { label: step.label, via: "redo", cell: step.state.cell });
    return step !== undefined;
  }

  private snapshot(cell?: string): StructureSnapshot {
    return { title: this.doc.title, cells: this.doc.cells.map((c) => ({ ...c })), drafts: Object.fromEntries(this.drafts), cell };
  }

  private remember(label: string, cell?: string): void {
    this.history.record(label, this.snapshot(cell));
  }

  /**
   * Put the cells back as a snapshot had them: the runtime drops the cells that are gone and
   * redefines those that came back or changed. Nothing typed is lost: a cell keeps the draft the
   * user has now, else gets the one it had in the snapshot (a deleted cell comes back with its
   * unrun edit; undoing a run leaves the text that ran as the cell's draft).
   */
  private restore(target: StructureSnapshot, edit: StructureEdit): void {
    const now = new Map(this.doc.cells.map((c) => [c.id, c]));
    const wanted = new Set(target.cells.map((c) => c.id));
    const draftsChanged: string[] = [];
    for (const id of now.keys()) {
      if (wanted.has(id)) continue;
      this.runtime?.removeCell(id);
      if (this.drafts.delete(id)) draftsChanged.push(id);
    }
    for (const cell of target.cells) {
      const was = now.get(cell.id);
      // A markdown cell's other-language texts count too: the reader may be reading one of them.
      if (!was || was.source !== cell.source || was.kind !== cell.kind || JSON.stringify(was.variants) !== JSON.stringify(cell.variants)) this.runtime?.updateCell({ ...cell });
      const had = this.drafts.get(cell.id);
      // Own properties only: a cell may be called "constructor" or "toString" (a notebook file names its
      // cells), and the record's prototype must not hand such a cell a function as its draft.
      const draft = had ?? (Object.hasOwn(target.drafts, cell.id) ? target.drafts[cell.id] : undefined);
      if (draft === undefined || draft === cell.source) this.drafts.delete(cell.id);
      else this.drafts.set(cell.id, draft);
      if (had !== this.drafts.get(cell.id)) draftsChanged.push(cell.id);
    }
    this.doc.cells = target.cells.map((c) => ({ ...c }));
    this.doc.title = target.title;
    this.emit({ kind: "doc", edit });
    for (const id of draftsChanged) this.emit({ kind: "draft", id });
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

/**
 * The shell's side of one open notebook that runs in the sandboxed frame. To the workbench it is a
 * session like any other (the document, drafts, mode, input values — kept here from what the frame
 * reports, so autosave, export and share links work without asking the frame); to the frame it is
 * the only party it can talk to.
 *
 * It also watches the frame: a heartbeat every half second, and when the frame has not answered
 * for a second it is "stuck" (a cell that never returns). `stop()` then removes the frame and opens
 * the notebook in a fresh one, with the cells that were running held back (shown as stopped, not
 * rerun). The frame runs in its own process, so the shell stays responsive meanwhile. A frame whose
 * document navigated away (a notebook set `location`) is replaced the same way, paused.
 */
import type { Wording } from "../../base/locale/locale";
import { FrameReports } from "../report/frame-reports";
import type { Result } from "../../base/result";
import type { LoadResult } from "../../data/loaders/load-result";
import { surveyFilterToParams } from "../../data/survey-filter";
import type { NotebookDoc } from "../../notebook/document";
import type { StructureHistoryRecord } from "../../notebook/structure-history";
import type { InputRestoreReport } from "../../runtime/input-binding";
import type { FilterState } from "../app-filter";
import type { LocaleState } from "../app-locale";
import { DEFAULT_LOCALE } from "../../base/locale/locale";
import { titleAfterEdit } from "../notebook-title";
import type { SessionChange, SessionMode } from "../notebook-session";
import type { SessionPort } from "../session-port";
import type { FrameHandle, FrameSlot } from "./frame-slot";
import { inputReportOf, readFrameMessage, type FrameData, type FrameMessage, type FrameView, type HeldCell, type HostName, type RunningCell, type ShellMessage } from "./protocol";
import { culprits, Heartbeat, HEARTBEAT_MS, IDLE_STATUS, PAUSE_NAVIGATED, PAUSE_UNKNOWN_CELL, stoppedMessage, type FrameStatus } from "./frame-status";
import { FileRequests } from "./file-gate";
import { spellsName } from "./host-reads";
import { FrameDownloads } from "./frame-downloads";
import { MessageBudget, PAUSE_FLOODED, payloadChars } from "./message-budget";
import { encodeUserData, sendUserData, type UserDataPart } from "./user-data-wire";
import type { NotebookOrigin } from "../notebook-store";
import { isStrangersNotebook, pauseSelfEdited, SelfEditGate, type HeldChange } from "./self-edit-gate";
import { SpareTiming } from "./spare-timing";

export { QUIET_BEFORE_SPARE_MS } from "./spare-timing";

/** The data the data gate lets this notebook see. */
export type FrameDataChoice = { kind: "bundled" } | { kind: "user"; version: number; name: string; load: LoadResult };

/** How long a share link waits for the frame's current input values before using the last reported. */
const INPUTS_WAIT_MS = 1000;

/** What a frame session needs from the shell. */
export interface FrameSessionDeps {
  slot: Pick<FrameSlot, "fresh" | "prewarm">;
  filter: FilterState;
  /** The app's language (absent: the frame's default, norsk). */
  locale?: LocaleState;
  /** Fetch a file under data/ for the frame (file-gate.ts): the normalised path and its bytes. */
  readFile(path: string): Promise<Result<{ path: string; bytes: ArrayBuffer }>>;
  /** A data file was handed to the frame (the header's data notice follows this). */
  onRead(path: string): void;
  /** Ctrl/Cmd-S in the frame: save the notebook as a file (the shell checks for user activation). */
  onSave?(): void;
  /** Whether the page has transient user activation now (default: navigator.userActivation). */
  activated?(): boolean;
}

/** How the notebook opens. */
export interface FrameSessionInit {
  doc: NotebookDoc;
  drafts: Record<string, string>;
  /** The undo history saved with the notebook (checked on reading it from storage). */
  history?: StructureHistoryRecord;
  inputs: Record<string, unknown>;
  mode: SessionMode;
  view: FrameView;
  data: FrameDataChoice;
  /** Where the notebook came from: a stranger's (link, file) edits itself only with the reader (self-edit-gate.ts). */
  origin?: NotebookOrigin;
}

function dataKey(choice: FrameDataChoice): string {
  return choice.kind === "bundled" ? "bundled" : `user:${choice.version}`;
}

export class FrameSession implements SessionPort {
  doc: NotebookDoc;
  mode: SessionMode;
  private readonly drafts = new Map<string, string>();
  /** The frame's undo history as it last sent it (checked by readFrameMessage), for storage and the next frame. */
  private history: StructureHistoryRecord | undefined;
  private inputs: Record<string, unknown>;
  private reads = new Set<HostName>();
  private data: FrameDataChoice;
  private held: HeldCell[] = [];
  private frame: FrameHandle | undefined;
  /** The shell's end of the current frame's channel (protocol.ts). */
  private channel: MessagePort | undefined;
  private ready = false;
  /** The frame document's own id from its `ready`. */
  private boot = "";
  private state: FrameStatus = IDLE_STATUS;
  private readonly pulse = new Heartbeat();
  /** Files the frame asks for: with user activation only, one per two seconds (frame-downloads.ts). */
  private readonly downloads = new FrameDownloads({ save: () => this.deps.onSave?.(), exportReport: () => this.reports.askExport() });
  /** Edits the frame reports of a stranger's notebook: only with user activation (self-edit-gate.ts). */
  private readonly selfEdits: SelfEditGate;
  /** What the current frame may still send this second (message-budget.ts). */
  private readonly budget = new MessageBudget();
  private readonly idleWaiters = new Map<number, () => void>();
  private idleSeq = 0;
  private readonly inputWaiters = new Map<number, () => void>();
  private inputOutcome: InputRestoreReport = { applied: [], dropped: [] };
  private readonly files: FileRequests;
  /** The filter the frame has (what we sent or it told us), as URL params, so changes are not echoed. */
  private frameFilter = "";
  private readonly listeners = new Set<(change: SessionChange) => void>();
  private readonly statusListeners = new Set<() => void>();
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly unfollowFilter: () => void;
  private readonly unfollowLocale: () => void;
  private disposed = false;
  /** When the next notebook's frame may be made (spare-timing.ts). */
  private readonly spare = new SpareTiming();

  private readonly view: FrameView;
  /** The notebook as a report (print, "Export report"). */
  readonly reports = new FrameReports((id) => this.post({ type: "report", id }));

  constructor(
    init: FrameSessionInit,
    private readonly deps: FrameSessionDeps,
  ) {
    this.view = init.view;
    this.selfEdits = new SelfEditGate(isStrangersNotebook(init.origin), deps.activated);
    this.doc = structuredClone(init.doc);
    this.mode = init.mode;
    this.inputs = { ...init.inputs };
    this.history = init.history;
    this.data = init.data;
    const ids = new Set(this.doc.cells.map((c) => c.id));
    for (const [id, text] of Object.entries(init.drafts)) if (ids.has(id)) this.drafts.set(id, text);
    this.files = new FileRequests(deps.readFile, deps.onRead);
    this.unfollowFilter = deps.filter.onChange(() => this.sendFilter());
    this.unfollowLocale = deps.locale?.onChange((locale) => {
      if (this.ready) this.post({ type: "locale", locale });
    }) ?? (() => undefined);
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.attach();
  }

  // --- SessionPort -------------------------------------------------------------------------------

  onChange(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Run the notebook (consent for a shared preview). */
  start(): Promise<void> {
    if (this.mode === "live") return Promise.resolve();
    this.mode = "live";
    if (this.ready) this.post({ type: "run" });
    this.emit({ kind: "mode" });
    return Promise.resolve();
  }

  /** Resolves when the frame says nothing runs (at once in preview or while paused). */
  idle(): Promise<void> {
    if (this.mode === "preview" || this.state.paused !== undefined || this.disposed) return Promise.resolve();
    return new Promise((resolve) => {
      const id = ++this.idleSeq;
      this.idleWaiters.set(id, resolve);
      if (this.ready) this.post({ type: "whenIdle", id });
    });
  }

  /**
   * Whether the notebook's cells read a host name: as the frame last said, or — once it runs, when
   * its code could say otherwise — as the document spells it (host-reads.ts). A preview reads
   * nothing.
   */
  references(name: string): boolean {
    return [...this.reads].some((read) => read === name) || (this.mode === "live" && spellsName(this.doc.cells, name));
  }

  inputValues(): Record<string, unknown> {
    return structuredClone(this.inputs);
  }

  /** Which of a link's input values were taken and which refused (as the frame last said, before idle). */
  inputReport(): InputRestoreReport {
    return this.inputOutcome;
  }

  /**
   * Ask the frame for its input values now (they are otherwise reported shortly after they change),
   * so a share link made right after moving a slider carries the new value. Waits at most a second:
   * a frame that does not answer keeps its last reported values.
   */
  refreshInputs(): Promise<void> {
    if (!this.ready || this.mode !== "live") return Promise.resolve();
    return new Promise((resolve) => {
      const id = ++this.idleSeq;
      const done = (): void => {
        clearTimeout(timer);
        this.inputWaiters.delete(id);
        resolve();
      };
      const timer = setTimeout(done, INPUTS_WAIT_MS);
      this.inputWaiters.set(id, done);
      this.post({ type: "reportInputs", id });
    });
  }

  draftRecord(): Record<string, string> {
    return Object.fromEntries(this.drafts);
  }

  historyRecord(): StructureHistoryRecord | undefined {
    return this.history;
  }

  setTitle(title: string): void {
    if (title === this.doc.title) return;
    this.doc.title = title;
    this.emit({ kind: "doc" });
  }

  dispose(): void {
    this.disposed = true;
    this.downloads.cancel();
    clearInterval(this.heartbeat);
    this.unfollowFilter();
    this.unfollowLocale();
    this.channel?.close();
    this.frame?.remove({ hung: this.state.stuck });
    this.frame = undefined;
    for (const resolve of [...this.idleWaiters.values(), ...this.inputWaiters.values()]) resolve();
    this.idleWaiters.clear();
    this.listeners.clear();
    this.statusListeners.clear();
  }

  // --- The frame ----------------------------------------------------------------------------------

  /** The running cells, whether the frame answers, and whether the notebook waits after a restart. */
  get status(): FrameStatus {
    return this.state;
  }

  /** Called when the status or the names the notebook reads change (and every heartbeat while something runs). */
  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** A cell named for people: its defined names, else its position. */
  cellLabel(cell: RunningCell): string {
    if (cell.names.length > 0) return cell.names.join(", ");
    const index = this.doc.cells.findIndex((c) => c.id === cell.id);
    return index < 0 ? "a cell" : `cell ${index + 1}`;
  }

  /** The cells Stop would hold back (see `culprits`). */
  culprits(): RunningCell[] {
    return culprits(this.state);
  }

  /** Stop: replace the frame, holding back the cells that kept it busy. */
  stop(): void {
    const seconds = Math.max(1, Math.round((Date.now() - (this.state.busySince ?? Date.now())) / 1000));
    const running = this.culprits().filter((cell) => !this.held.some((h) => h.id === cell.id));
    this.held = [...this.held, ...running.map((cell) => ({ id: cell.id, message: stoppedMessage(seconds) }))];
    this.restart(running.length > 0 ? undefined : PAUSE_UNKNOWN_CELL);
  }

  /** A stranger's notebook changed with the reader at it: held until "Keep changes" (self-edit-gate.ts). */
  get heldChange(): HeldChange | undefined {
    return this.selfEdits.pending;
  }

  /** "Keep changes": the held cells become the notebook's (saved, shared, run on reopening). */
  keepChanges(): void {
    const kept = this.selfEdits.keep();
    if (!kept) return;
    this.history = kept.history;
    this.applyCells(kept.cells);
    this.emitStatus();
  }

  /** "Undo changes": the notebook reopens from the shell's copy, the code agreed to plus changes kept. */
  undoChanges(): void {
    if (this.selfEdits.pending === undefined) return;
    this.restart(this.state.paused);
  }

  /** "Run" after a pause: the frame starts the runtime. */
  resume(): void {
    if (this.state.paused === undefined) return;
    this.state = { ...this.state, paused: undefined };
    if (this.ready) this.post({ type: "run" });
    this.emitStatus();
  }

  /** What the data gate lets the notebook see now; posted only when it changed. */
  setData(choice: FrameDataChoice): void {
    if (dataKey(choice) === dataKey(this.data)) return;
    this.data = choice;
    if (!this.ready) return;
    const { data, transfer, parts } = this.encodeData();
    this.post({ type: "data", data }, transfer);
    this.sendParts(parts);
  }

  /** Which respondents the notebook runs on. */
  get dataKind(): FrameDataChoice["kind"] {
    return this.data.kind;
  }

  private attach(hung = this.state.stuck): void {
    this.ready = false;
    // A file the old frame asked for and still waiting on the two seconds is not written.
    this.downloads.cancel();
    this.channel?.close();
    this.channel = undefined;
    // A hung frame goes first, with the spare that shares its process, so the new one gets its own.
    this.frame?.remove({ hung });
    const frame = this.deps.slot.fresh();
    this.frame = frame;
    frame.listen({
      // Through the window only `ready` counts; everything after it comes over the channel. A
      // `ready` from another document of the frame (it navigated to a fresh copy of frame.html)
      // is a navigation like any other.
      message: (data) => {
        if (this.frame !== frame || !this.withinBudget({ messages: 1 })) return;
        const read = readFrameMessage(data);
        if (!read.ok || read.value.type !== "ready") return;
        if (!this.ready) this.open(frame, read.value.boot);
        else if (read.value.boot !== this.boot) this.restart(PAUSE_NAVIGATED);
      },
      navigated: () => {
        if (this.frame === frame) this.restart(PAUSE_NAVIGATED);
      },
    });
  }

  private restart(paused: Wording | undefined, options: { hung?: boolean } = {}): void {
    const hung = options.hung ?? this.state.stuck;
    this.pulse.reset();
    this.budget.reset();
    // Paused before the new frame is attached: a spare that is already ready is opened at once
    // (attach), and must be opened paused. It used to be opened live, running the notebook again.
    this.state = { ...IDLE_STATUS, paused };
    // The new frame opens from the shell's copy: a change waiting for the reader is gone with the old one.
    this.selfEdits.drop();
    this.attach(hung);
    this.emitStatus();
  }

  private post(message: Exclude<ShellMessage, { type: "open" }>, transfer: Transferable[] = []): void {
    this.channel?.postMessage(message, transfer);
  }

  /** The data for a `data` or `open` message; a user's file's further parts follow it (`sendParts`). */
  private encodeData(): { data: FrameData; transfer: ArrayBuffer[]; parts: Iterable<{ message: UserDataPart; transfer: ArrayBuffer[] }> } {
    const choice = this.data;
    if (choice.kind === "bundled") return { data: { kind: "bundled" }, transfer: [], parts: [] };
    const { first, parts } = encodeUserData(choice.load, choice.version, choice.name, this.deps.filter.filter);
    return { data: { kind: "user", data: first.message }, transfer: first.transfer, parts: parts() };
  }

  /** A user's file's parts, one per task, while this frame is the one open and its data the same. */
  private sendParts(parts: Iterable<{ message: UserDataPart; transfer: ArrayBuffer[] }>): void {
    const channel = this.channel;
    const data = this.data;
    sendUserData(parts, (part, transfer) => {
      if (this.channel !== channel || this.data !== data || !channel) return false;
      channel.postMessage({ type: "dataPart", part } satisfies ShellMessage, transfer);
      return true;
    });
  }

  /** The frame is ready: give it its channel and the notebook. */
  private open(frame: FrameHandle, boot: string): void {
    this.ready = true;
    this.spare.opened(Date.now());
    this.boot = boot;
    const { port1, port2 } = new MessageChannel();
    this.channel = port1;
    port1.onmessage = (event) => {
      if (this.channel === port1) this.receive(event.data);
    };
    const { data, transfer, parts } = this.encodeData();
    const filter = this.deps.filter.filter;
    this.frameFilter = surveyFilterToParams(filter);
    const mode = this.mode === "live" && this.state.paused === undefined ? "live" : "preview";
    const message: ShellMessage = { type: "open", channel: port2, doc: this.doc, drafts: this.draftRecord(), ...(this.history ? { history: this.history } : {}), mode, view: this.view, inputs: this.inputs, filter, data, held: this.held, locale: this.deps.locale?.locale ?? DEFAULT_LOCALE };
    frame.post(message, [port2, ...transfer]);
    this.sendParts(parts);
    for (const id of this.idleWaiters.keys()) this.post({ type: "whenIdle", id });
  }

  private sendFilter(): void {
    const filter = this.deps.filter.filter;
    const key = surveyFilterToParams(filter);
    if (!this.ready || key === this.frameFilter) return;
    this.frameFilter = key;
    this.post({ type: "filter", filter });
  }

  private beat(): void {
    if (!this.ready || this.mode !== "live" || this.state.paused !== undefined) return;
    const now = Date.now();
    if (this.spare.due(now, this.state.busy || this.state.stuck)) this.deps.slot.prewarm();
    const { ping, stuck } = this.pulse.tick(now);
    if (ping !== undefined) this.post({ type: "ping", seq: ping });
    if (stuck && !this.state.stuck) {
      this.state = { ...this.state, stuck: true };
      this.emitStatus();
    }
    // The strip counts the seconds a cell has been running.
    if (this.state.busy) this.emitStatus();
  }

  /** A message on the channel: counted, checked, then handled. */
  private receive(data: unknown): void {
    if (!this.withinBudget({ messages: 1 })) return;
    const read = readFrameMessage(data);
    if (!read.ok || read.value.type === "ready") return;
    if (!this.withinBudget({ chars: payloadChars(read.value) })) return;
    this.handle(read.value);
  }

  /**
   * Count what the frame sent against its budget; past it, stop the notebook: its frame (and the
   * spare in its process) is removed, which drops every message still queued, and it reopens paused.
   */
  private withinBudget(spent: { messages?: number; chars?: number }): boolean {
    if (this.disposed) return false;
    if (this.budget.spend(Date.now(), spent)) return true;
    this.restart(PAUSE_FLOODED, { hung: true });
    return false;
  }

  private handle(message: Exclude<FrameMessage, { type: "ready" }>): void {
    if (message.type === "status" || message.type === "cells") this.spare.worked(Date.now(), message.type === "status");
    switch (message.type) {
      case "cells": {
        const hadHeld = this.selfEdits.pending !== undefined;
        const verdict = this.selfEdits.judge(this.doc.cells, message.cells, message.history ?? undefined);
        if (verdict.kind === "refused") return this.restart(pauseSelfEdited(verdict.changed));
        if (verdict.kind !== "take") {
          if (verdict.kind === "held" || hadHeld) this.emitStatus();
          return;
        }
        this.history = message.history ?? undefined;
        return this.applyCells(message.cells);
      }
      case "draft": {
        if (!this.doc.cells.some((c) => c.id === message.id) || !this.selfEdits.allowsDraft()) return;
        const had = this.drafts.get(message.id);
        if (message.text === null) this.drafts.delete(message.id);
        else this.drafts.set(message.id, message.text);
        if (had !== this.drafts.get(message.id)) this.emit({ kind: "draft", id: message.id });
        return;
      }
      case "filter":
        this.frameFilter = surveyFilterToParams(message.filter);
        this.deps.filter.setFilter(message.filter);
        return;
      case "inputReport":
        this.inputOutcome = inputReportOf(message);
        return;
      case "inputs":
        if (this.mode === "live") this.inputs = message.values;
        if (message.id !== undefined) this.inputWaiters.get(message.id)?.();
        return;
      case "reads":
        this.reads = new Set(message.names);
        this.emitStatus();
        return;
      case "status": {
        const wasBusy = this.state.busy;
        const busySince = message.busy ? (wasBusy ? this.state.busySince : Date.now()) : undefined;
        this.state = { ...this.state, running: message.running, busy: message.busy, current: message.current, busySince };
        // The strip shows a run only once it has lasted (the heartbeat redraws it meanwhile), so
        // only the end of a run needs drawing at once — not every cell of a busy run.
        if (wasBusy && !message.busy) this.emitStatus();
        return;
      }
      case "pong":
        if (!this.pulse.pong(message.seq)) return;
        if (this.state.stuck) {
          this.state = { ...this.state, stuck: false };
          this.emitStatus();
        }
        return;
      case "idle": {
        const resolve = this.idleWaiters.get(message.id);
        this.idleWaiters.delete(message.id);
        resolve?.();
        return;
      }
      case "file":
        return void this.serveFile(message.id, message.path);
      case "drag":
        return this.frame?.coverForDrop();
      case "save":
      case "exportReport":
        return this.downloads.ask(message.type);
      case "report":
        return this.reports.receive(message);
    }
  }

  private applyCells(cells: NotebookDoc["cells"]): void {
    // The title is the shell's; it follows the first heading by the same rule as in the frame.
    this.doc = { ...this.doc, title: titleAfterEdit(this.doc.title, this.doc.cells, cells), cells };
    const ids = new Set(cells.map((c) => c.id));
    for (const id of [...this.drafts.keys()]) if (!ids.has(id)) this.drafts.delete(id);
    // A held cell whose source changed has been edited: it runs again on the next restart.
    this.held = this.held.filter((h) => ids.has(h.id));
    this.emit({ kind: "doc" });
  }

  private async serveFile(id: number, path: string): Promise<void> {
    const frame = this.frame;
    const answer = await this.files.answer(id, path);
    if (this.frame !== frame) return;
    if ("bytes" in answer) this.post({ type: "file", ...answer }, [answer.bytes]);
    else this.post({ type: "file", ...answer });
  }

  private emit(change: SessionChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private emitStatus(): void {
    for (const listener of this.statusListeners) listener();
  }
}

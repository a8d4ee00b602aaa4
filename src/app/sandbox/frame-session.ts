/**
 * The shell's side of one open notebook that runs in the sandboxed frame. To the workbench it is a
 * session like any other (the document, drafts, mode, input values — kept here from what the frame
 * reports, document-mirror.ts, so autosave, export and share links work without asking the frame);
 * to the frame it is the only party it can talk to. Every message from the frame is counted
 * (message-budget.ts), checked (protocol.ts) and then handled here.
 *
 * It also watches the frame (frame-watch.ts): when the frame has stopped answering the heartbeat
 * (a cell that never returns), `stop()` removes the frame and opens the notebook in a fresh one,
 * with the cells that were running held back (shown as stopped, not rerun). The frame runs in its
 * own process, so the shell stays responsive meanwhile. A frame whose document navigated away (a
 * notebook set `location`), that floods the shell, or that rewrites a stranger's notebook without
 * the reader is replaced the same way, paused.
 */
import type { Wording } from "../../base/locale/locale";
import { DEFAULT_LOCALE } from "../../base/locale/locale";
import { surveyFilterToParams } from "../../data/survey-filter";
import type { NotebookDoc } from "../../notebook/document";
import type { NotebookSize } from "../../notebook/notebook-size";
import type { StructureHistoryRecord } from "../../notebook/structure-history";
import type { InputRestoreReport } from "../../runtime/input-binding";
import type { SessionChange, SessionMode } from "../notebook-session";
import { FrameReports } from "../report/frame-reports";
import type { SessionPort } from "../session-port";
import { DocumentMirror } from "./document-mirror";
import { FileRequests } from "./file-gate";
import { FrameDataFeed, type FrameDataChoice, type FrameDataParts } from "./frame-data-feed";
import { FrameDownloads } from "./frame-downloads";
import { FrameLink } from "./frame-link";
import type { FrameSessionDeps, FrameSessionInit } from "./frame-session-deps";
import { FrameReplies } from "./frame-replies";
import type { FrameHandle } from "./frame-slot";
import { HEARTBEAT_MS, PAUSE_NAVIGATED, PAUSE_UNKNOWN_CELL, type FrameStatus } from "./frame-status";
import { FrameWatch } from "./frame-watch";
import { spellsName } from "./host-reads";
import { cellTexts } from "../../notebook/cell-texts";
import { PAUSE_FLOODED } from "./message-budget";
import { inputReportOf, type FrameMessage, type FrameView, type HostName, type RunningCell, type ShellMessage } from "./protocol";
import { isStrangersNotebook, pauseSelfEdited, SelfEditGate, type HeldChange } from "./self-edit-gate";
import { SpareTiming } from "./spare-timing";
import { Listeners } from "../../base/listeners";

/** How long a share link waits for the frame's current input values before using the last reported. */
const INPUTS_WAIT_MS = 1000;

/** The shell's side of one open notebook (see the header). */
export class FrameSession implements SessionPort {
  mode: SessionMode;
  /** The document, drafts and history as the frame last reported them. */
  private readonly mirror: DocumentMirror;
  /** The size the frame's notebook grew to past the limits, while it is past them (its edits are not in `mirror`). */
  private over: NotebookSize | undefined;
  private inputs: Record<string, unknown>;
  private reads = new Set<HostName>();
  private readonly data: FrameDataFeed;
  /** The frame the notebook runs in now and the channel to it; what it sends is counted and checked (frame-link.ts). */
  private readonly link: FrameLink;
  /** Heartbeat, run status and the cells Stop held back (frame-watch.ts). */
  private readonly watch = new FrameWatch();
  /** Files the frame asks for: with user activation only, one per two seconds (frame-downloads.ts). */
  private readonly downloads = new FrameDownloads({ save: () => this.deps.onSave?.(), exportReport: () => this.reports.askExport() });
  /** Edits the frame reports of a stranger's notebook: only with user activation (self-edit-gate.ts). */
  private readonly selfEdits: SelfEditGate;
  /** Answers awaited from the frame: idle, input values (frame-replies.ts). */
  private readonly replies = new FrameReplies();
  private inputOutcome: InputRestoreReport = { applied: [], dropped: [] };
  private readonly files: FileRequests;
  /** The filter the frame has (what we sent or it told us), as URL params, so changes are not echoed. */
  private frameFilter = "";
  private readonly listeners = new Listeners<[change: SessionChange]>();
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
    this.mirror = new DocumentMirror(init.doc, init.drafts, init.history);
    this.mode = init.mode;
    this.inputs = { ...init.inputs };
    this.data = new FrameDataFeed(init.data, () => deps.filter.filter);
    this.files = new FileRequests(deps.readFile, deps.onRead);
    // The last report is of the filter and language before (FrameReports.outdate).
    this.unfollowFilter = deps.filter.onChange(() => {
      this.reports.outdate();
      this.sendFilter();
    });
    this.unfollowLocale = deps.locale?.onChange((locale) => {
      this.reports.outdate();
      if (this.link.ready) this.post({ type: "locale", locale });
    }) ?? (() => undefined);
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.link = new FrameLink(deps.slot, {
      ready: (frame, port) => this.open(frame, port),
      message: (message) => this.handle(message),
      navigated: () => this.restart(PAUSE_NAVIGATED),
      flooded: () => this.restart(PAUSE_FLOODED, { hung: true }),
    });
    this.link.replace(false);
  }

  // --- SessionPort -------------------------------------------------------------------------------

  /** The notebook as the frame last reported it. */
  get doc(): NotebookDoc {
    return this.mirror.doc;
  }

  onChange(listener: (change: SessionChange) => void): () => void {
    return this.listeners.add(listener);
  }

  /** Run the notebook (consent for a shared preview). */
  start(): Promise<void> {
    if (this.mode === "live") return Promise.resolve();
    this.mode = "live";
    if (this.link.ready) this.post({ type: "run" });
    this.emit({ kind: "mode" });
    return Promise.resolve();
  }

  /** Resolves when the frame says nothing runs (at once in preview or while paused). */
  idle(): Promise<void> {
    if (this.mode === "preview" || this.status.paused !== undefined || this.disposed) return Promise.resolve();
    return this.replies.idle((id) => {
      if (this.link.ready) this.post({ type: "whenIdle", id });
    });
  }

  /**
   * Whether the notebook's cells read a host name: as the frame last said, or — once it runs, when
   * its code could say otherwise — as the document spells it (host-reads.ts). A preview reads
   * nothing.
   */
  references(name: string): boolean {
    return [...this.reads].some((read) => read === name) || (this.mode === "live" && spellsName(cellTexts(this.doc.cells), name));
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
    if (!this.link.ready || this.mode !== "live") return Promise.resolve();
    return this.replies.inputs((id) => this.post({ type: "reportInputs", id }), INPUTS_WAIT_MS);
  }

  draftRecord(): Record<string, string> {
    return this.mirror.draftRecord();
  }

  historyRecord(): StructureHistoryRecord | undefined {
    return this.mirror.history;
  }

  setTitle(title: string): void {
    if (this.mirror.setTitle(title)) this.emit({ kind: "doc" });
  }

  dispose(): void {
    this.disposed = true;
    this.downloads.cancel();
    clearInterval(this.heartbeat);
    this.unfollowFilter();
    this.unfollowLocale();
    this.link.close(this.status.stuck);
    this.replies.releaseAll();
    this.listeners.clear();
    this.statusListeners.clear();
  }

  // --- The frame ----------------------------------------------------------------------------------

  /** The running cells, whether the frame answers, and whether the notebook waits after a restart. */
  get status(): FrameStatus {
    return this.watch.status;
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

  /** The cells Stop would hold back (see `culprits` in frame-status.ts). */
  culprits(): RunningCell[] {
    return this.watch.culprits();
  }

  /** Stop: replace the frame, holding back the cells that kept it busy. */
  stop(): void {
    const held = this.watch.holdCulprits(Date.now());
    this.restart(held > 0 ? undefined : PAUSE_UNKNOWN_CELL);
  }

  /** A stranger's notebook changed with the reader at it: held until "Keep changes" (self-edit-gate.ts). */
  get heldChange(): HeldChange | undefined {
    return this.selfEdits.pending;
  }

  /** "Keep changes": the held cells become the notebook's (saved, shared, run on reopening). */
  keepChanges(): void {
    const kept = this.selfEdits.keep();
    if (!kept) return;
    this.mirror.history = kept.history;
    this.applyCells(kept.cells);
    this.emitStatus();
  }

  /** "Undo changes": the notebook reopens from the shell's copy, the code agreed to plus changes kept. */
  undoChanges(): void {
    if (this.selfEdits.pending === undefined) return;
    this.restart(this.status.paused);
  }

  /** "Run" after a pause: the frame starts the runtime. */
  resume(): void {
    if (!this.watch.resume()) return;
    if (this.link.ready) this.post({ type: "run" });
    this.emitStatus();
  }

  /** What the data gate lets the notebook see now; posted only when it changed. */
  setData(choice: FrameDataChoice): void {
    if (!this.data.set(choice) || !this.link.ready) return;
    const { data, transfer, parts } = this.data.encode();
    this.post({ type: "data", data }, transfer);
    this.sendParts(parts);
  }

  /** Which respondents the notebook runs on. */
  get dataKind(): FrameDataChoice["kind"] {
    return this.data.kind;
  }

  private restart(paused: Wording | undefined, options: { hung?: boolean } = {}): void {
    const hung = options.hung ?? this.status.stuck;
    // Paused before the new frame is attached: a spare that is already ready is opened at once
    // (FrameLink.replace), and must be opened paused. It used to be opened live, running the notebook again.
    this.watch.restarted(paused);
    // The new frame opens from the shell's copy: a change waiting for the reader is gone with the old one.
    this.selfEdits.drop();
    // A file the old frame asked for and still waiting on the two seconds is not written.
    this.downloads.cancel();
    this.link.replace(hung);
    // The new frame shows the shell's copy, within the limits: what grew past them is gone from the screen too.
    this.sizeIs(undefined);
    this.emitStatus();
  }

  private post(message: Exclude<ShellMessage, { type: "open" }>, transfer: Transferable[] = []): void {
    this.link.post(message, transfer);
  }

  /** A user's file's parts, one per task, while this frame is the one open and its data the same. */
  private sendParts(parts: FrameDataParts): void {
    const channel = this.link.channel;
    if (channel) this.data.send(parts, channel, () => this.link.channel === channel);
  }

  /** The frame is ready: give it its end of the channel (`port`) and the notebook. */
  private open(frame: FrameHandle, port: MessagePort): void {
    this.spare.opened(Date.now());
    const { data, transfer, parts } = this.data.encode();
    const filter = this.deps.filter.filter;
    this.frameFilter = surveyFilterToParams(filter);
    const mode = this.mode === "live" && this.status.paused === undefined ? "live" : "preview";
    const history = this.mirror.history;
    const message: ShellMessage = { type: "open", channel: port, doc: this.doc, drafts: this.draftRecord(), ...(history ? { history } : {}), mode, view: this.view, inputs: this.inputs, filter, data, held: this.watch.held, locale: this.deps.locale?.locale ?? DEFAULT_LOCALE };
    frame.post(message, [port, ...transfer]);
    this.sendParts(parts);
    for (const id of this.replies.idleIds()) this.post({ type: "whenIdle", id });
  }

  private sendFilter(): void {
    const filter = this.deps.filter.filter;
    const key = surveyFilterToParams(filter);
    if (!this.link.ready || key === this.frameFilter) return;
    this.frameFilter = key;
    this.post({ type: "filter", filter });
  }

  private beat(): void {
    if (!this.link.ready || this.mode !== "live" || this.status.paused !== undefined) return;
    const now = Date.now();
    const held = this.deps.holdSpare?.() ?? false;
    if (held) this.spare.worked(now, false);
    if (this.spare.due(now, this.status.busy || this.status.stuck || held)) this.deps.slot.prewarm();
    const { ping, redraw } = this.watch.beat(now);
    if (ping !== undefined) this.post({ type: "ping", seq: ping });
    if (redraw) this.emitStatus();
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
        this.mirror.history = message.history ?? undefined;
        this.sizeIs(undefined);
        return this.applyCells(message.cells);
      }
      case "tooLarge":
        // The shell's copy stays the last one within the limits; storage keeps it (the workbench says why).
        return this.sizeIs(message.size);
      case "draft":
        if (this.selfEdits.allowsDraft() && this.mirror.setDraft(message.id, message.text)) this.emit({ kind: "draft", id: message.id });
        return;
      case "filter":
        this.frameFilter = surveyFilterToParams(message.filter);
        this.deps.filter.setFilter(message.filter);
        return;
      case "inputReport":
        this.inputOutcome = inputReportOf(message);
        return;
      case "inputs":
        if (this.mode === "live") this.inputs = message.values;
        if (message.id !== undefined) this.replies.inputsAnswered(message.id);
        return;
      case "reads":
        this.reads = new Set(message.names);
        this.emitStatus();
        return;
      case "status":
        if (this.watch.report(message, Date.now())) this.emitStatus();
        return;
      case "pong":
        if (this.watch.pong(message.seq)) this.emitStatus();
        return;
      case "idle":
        return this.replies.idleAnswered(message.id);
      case "file":
        return void this.serveFile(message.id, message.path);
      case "drag":
        return this.link.current?.coverForDrop();
      case "save":
      case "exportReport":
        return this.downloads.ask(message.type);
      case "report":
        return this.reports.receive(message);
    }
  }

  /** The frame's notebook is past the limits (`over`) or within them again: said once per change. */
  private sizeIs(over: NotebookSize | undefined): void {
    if (over === undefined && this.over === undefined) return;
    if (over !== undefined && this.over !== undefined && over.cells === this.over.cells && over.chars === this.over.chars) return;
    this.over = over;
    this.emit({ kind: "size", over });
  }

  private applyCells(cells: NotebookDoc["cells"]): void {
    this.mirror.applyCells(cells);
    // A held cell whose source changed has been edited: it runs again on the next restart.
    this.watch.keepHeld(new Set(cells.map((c) => c.id)));
    this.emit({ kind: "doc" });
  }

  private async serveFile(id: number, path: string): Promise<void> {
    const frame = this.link.current;
    const answer = await this.files.answer(id, path);
    if (this.link.current !== frame) return;
    if ("bytes" in answer) this.post({ type: "file", ...answer }, [answer.bytes]);
    else this.post({ type: "file", ...answer });
  }

  private emit(change: SessionChange): void {
    this.listeners.emit(change);
  }

  private emitStatus(): void {
    for (const listener of this.statusListeners) listener();
  }
}

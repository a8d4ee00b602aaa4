/**
 * The notebook frame's side of the protocol (protocol.ts): it waits for the shell's `open`, builds
 * the notebook there — the survey scope, the builtins, the session and (when running) the runtime —
 * and reports back what the shell keeps or shows: edits and drafts, the filter, input values, the
 * host names the cells read, which cells run (run-reporter.ts), heartbeats. Files under data/ come
 * from the shell on request; the frame itself has no network. What the window itself passes to the
 * shell (drops, Ctrl/Cmd-S) and the WebRTC it loses are in guard-frame-window.ts.
 *
 * Only the shell's messages are read: `open` from the parent window, everything after it from the
 * MessagePort that came with `open` (protocol.ts says why a port). The shell is trusted; cell code
 * in this frame posting to itself is not the parent.
 */
import { cellViewport } from "../cell-viewport";
import { SCOPE_NAMES, SurveyScope } from "../../analysis/survey-scope";
import type { LoadedData, LoadResult } from "../../data/loaders/load-result";
import type { PrimedSurvey } from "../../analysis/survey-source";
import { SURVEY_PATHS } from "../../data/bundled-survey";
import { surveyFilterToParams } from "../../data/survey-filter";
import { decodeStructureHistory } from "../../notebook/structure-history";
import { overNotebookLimits } from "../../notebook/notebook-size";
import { compilerReadyFor, compilesNow } from "../../runtime/cell-compiler";
import { NotebookRuntime } from "../../runtime/notebook-runtime";
import type { StdlibHost } from "../../runtime/stdlib";
import { notebookBuiltins } from "../notebook-builtins";
import { NotebookSession, type SessionChange } from "../notebook-session";
import { HOST_NAMES, readShellLocale, type FrameData, type FrameMessage, type FrameView, type ShellMessage } from "./protocol";
import type { Locale } from "../../base/locale/locale";
import { cellTexts } from "../../notebook/cell-texts";
import { guardFrameWindow } from "./guard-frame-window";
import { RunReporter } from "./run-reporter";
import { ArrivingUserData } from "./user-data-wire";
import { attachedFiles, readsCsv } from "./attached-files";
import { FilesAskedAhead } from "./files-asked-ahead";
import { ReportSnapshots } from "../report/report-snapshot";
import { loadPlotAhead } from "./plot-ahead";
import { backgroundSteps } from "./idle-steps";
import { keepCountyEvidenceAhead } from "./county-evidence-ahead";

/** The report is sent this long after the notebook last finished running (report-snapshot.ts). */
const REPORT_AFTER_QUIET_MS = 1000;

/** An unasked-for report copies outputs for this long per task at most (issue 12: no task over 50 ms). */
const REPORT_SLICE_MS = 8;

/** What the frame's page renders once the shell has opened a notebook. */
export interface OpenedNotebook {
  session: NotebookSession;
  scope: SurveyScope;
  view: FrameView;
}

const SHELL_TYPES: ReadonlySet<string> = new Set(["hello", "prime", "open", "run", "filter", "locale", "data", "dataPart", "file", "ping", "whenIdle", "reportInputs", "report"]);

/** The shell is trusted: a message from the parent window is taken for what its type says. */
function isShellMessage(value: unknown): value is ShellMessage {
  return typeof value === "object" && value !== null && "type" in value && typeof value.type === "string" && SHELL_TYPES.has(value.type);
}

/** The frame's end of one notebook: opened once by the shell, then talking to it over the channel. */
export class FrameController {
  private opened: OpenedNotebook | undefined;
  /** The channel to the shell, from `open` on. */
  private port: MessagePort | undefined;
  private readonly openWaiters: ((opened: OpenedNotebook) => void)[] = [];
  private readonly files = new Map<number, { resolve: (bytes: ArrayBuffer) => void; reject: (error: Error) => void }>();
  private nextFile = 0;
  /** The bundled survey's files, asked for at `open` (files-asked-ahead.ts). */
  private readonly askedAhead = new FilesAskedAhead();
  /** The filter the shell last sent, as URL params: a scope change to it is not reported back. */
  private shellFilter = "";
  private lastInputs = "";
  private lastReads = "";
  private lastInputReport = "";
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private lastReport = { html: "", css: "" };
  /** The report kept up to date output by output (report-snapshot.ts), made with the first report. */
  private snapshots: ReportSnapshots | undefined;
  /** Which cells run, told to the shell in time to name the one that hangs (run-reporter.ts). */
  private readonly runs = new RunReporter(
    (status) => this.post(status),
    () => {
      const session = this.opened?.session;
      if (session) this.reportInputs(session);
      this.scheduleReport();
    },
  );
  /** The loaders' decoder for the user's file, once loaded (see receive). */
  private toLoadResult: ((data: LoadedData) => LoadResult) | undefined;
  /** The user's file while its parts arrive (user-data-wire.ts). */
  private arriving: ArrivingUserData | undefined;
  /** The bundled survey parsed ahead of time (`prime`), if the shell primed this frame. */
  private primed: Promise<PrimedSurvey | undefined> | undefined;
  /** Messages held while that decoder loads. */
  private backlog: ShellMessage[] | undefined;
  /** This document's id in `ready`: a frame that navigated to a fresh copy of itself says a new one. */
  private readonly boot = Math.random().toString(36).slice(2, 12);

  constructor(
    private readonly win: Window,
    private readonly onOpen: (opened: OpenedNotebook) => void,
  ) {
    guardFrameWindow(win, (message) => this.post(message));
    win.addEventListener("message", (event) => {
      if (event.source !== win.parent || !isShellMessage(event.data) || this.port) return;
      if (event.data.type === "hello") return this.post({ type: "ready", boot: this.boot });
      if (event.data.type === "prime") return this.prime(event.data.files);
      if (event.data.type !== "open") return;
      const port = event.data.channel;
      this.port = port;
      port.onmessage = (message) => {
        if (isShellMessage(message.data)) this.receive(message.data);
      };
      this.receive(event.data);
    });
    this.post({ type: "ready", boot: this.boot });
  }

  /** Resolves with the notebook once the shell has opened it. */
  whenOpen(): Promise<OpenedNotebook> {
    return this.opened ? Promise.resolve(this.opened) : new Promise((resolve) => this.openWaiters.push(resolve));
  }

  /** Resolves when nothing runs (for the test hooks). */
  idle(): Promise<void> {
    return this.whenOpen().then((opened) => opened.session.idle());
  }

  private post(message: FrameMessage): void {
    if (this.port) this.port.postMessage(message);
    else this.win.parent.postMessage(message, "*");
  }

  /**
   * Messages that need code not loaded yet wait for it, and the messages after them wait behind
   * them, in order: the user's file is decoded into an Arquero table (column-table.ts), which loads
   * on demand so the frame's JavaScript before the notebook stays small (issue 13); a notebook is
   * opened once its cells compile without waiting — from the build's table of the shipped cells,
   * else after the cell compiler has loaded (runtime/cell-compiler.ts, issue 12).
   */
  private receive(message: ShellMessage): void {
    if (this.backlog) {
      this.backlog.push(message);
      return;
    }
    const loads = this.codeFor(message);
    if (loads.length === 0) return this.receiveNow(message);
    const backlog: ShellMessage[] = [];
    this.backlog = backlog;
    // This message has had its wait (loaded or not: it is handled now); those behind it are looked at afresh.
    const drain = (): void => {
      this.backlog = undefined;
      this.receiveNow(message);
      for (const held of backlog) this.receive(held);
    };
    void Promise.all(loads).then(drain);
  }

  /** What must load before `message` can be handled (each resolves, loaded or not). */
  private codeFor(message: ShellMessage): Promise<void>[] {
    const loads: Promise<void>[] = [];
    if ((message.type === "open" || message.type === "data") && message.data.kind === "user" && !this.toLoadResult) {
      loads.push(
        import("../../data/loaders/column-table").then(
          (m) => {
            this.toLoadResult = m.toLoadResult;
          },
          (error: unknown) => {
            this.toLoadResult = () => {
              throw new Error(`The notebook frame could not load its table code (${error instanceof Error ? error.message : String(error)}); reload the page.`);
            };
          },
        ),
      );
    }
    // A compiler that fails to load is reported on each cell that needed it (notebook-runtime.ts).
    if (message.type === "open" && !this.opened && !compilesNow(message.doc.cells)) loads.push(compilerReadyFor(message.doc.cells).catch(() => undefined));
    return loads;
  }

  private receiveNow(message: ShellMessage): void {
    switch (message.type) {
      case "hello":
      case "prime":
        return;
      case "open":
        if (!this.opened) this.open(message);
        return;
      case "run":
        void this.whenOpen().then((opened) => {
          void opened.session.start();
          this.reportReads();
        });
        return;
      case "filter":
        this.shellFilter = surveyFilterToParams(message.filter);
        this.opened?.scope.setFilter(message.filter);
        return;
      case "locale": {
        const locale = readShellLocale(message);
        if (locale) this.setLocale(locale);
        return;
      }
      case "data":
        if (this.opened) {
          // A switch of data: the filter bar's new N is painted before the cells recompute.
          cellViewport().paintFirst();
          this.applyData(this.opened.scope, message.data);
        }
        return;
      case "dataPart":
        this.arriving?.add(message.part);
        return;
      case "file": {
        const waiting = this.files.get(message.id);
        this.files.delete(message.id);
        if ("bytes" in message) waiting?.resolve(message.bytes);
        else waiting?.reject(new Error(message.error));
        return;
      }
      case "ping":
        this.post({ type: "pong", seq: message.seq });
        return;
      case "whenIdle":
        void this.idle().then(() => {
          this.reportInputOutcome();
          this.post({ type: "idle", id: message.id });
        });
        return;
      case "reportInputs":
        this.post({ type: "inputs", values: this.opened?.session.inputValues() ?? {}, id: message.id });
        return;
      case "report":
        void this.idle().then(() => this.sendReport(message.id));
        return;
    }
  }

  /**
   * The shell's bundled files, before any notebook: parse them now, while the reader is still in
   * another notebook (survey-source.ts, `primeBundledSurvey`). Once only, and never after `open`.
   */
  private prime(files: unknown): void {
    if (this.primed || this.port || !Array.isArray(files)) return;
    const map = new Map<string, Uint8Array>();
    for (const file of files) {
      if (typeof file === "object" && file !== null && "path" in file && typeof file.path === "string" && "bytes" in file && file.bytes instanceof ArrayBuffer) {
        map.set(file.path, new Uint8Array(file.bytes));
      }
    }
    this.primed = import("../../analysis/survey-source").then(
      // In background turns: this frame shares the open notebook's thread (spare-timing.ts).
      (m) => m.primeBundledSurvey(map, backgroundSteps(this.win)),
      () => undefined,
    );
    // Once the survey is parsed, unless a notebook has opened here meanwhile, Plot's chunk (plot-ahead.ts).
    void this.primed.then(async (primed) => {
      await primed?.survey.catch(() => undefined);
      if (!this.port) await loadPlotAhead(this.win, () => !this.port);
    });
  }

  /** A file under data/, from the shell. */
  private requestFile(path: string): Promise<ArrayBuffer> {
    const ahead = this.askedAhead.take(path);
    if (ahead) return ahead;
    const id = this.nextFile++;
    return new Promise((resolve, reject) => {
      this.files.set(id, { resolve, reject });
      this.post({ type: "file", id, path });
    });
  }

  private host(): StdlibHost & { document: Document } {
    return {
      readText: async (path) => new TextDecoder().decode(await this.requestFile(path)),
      readBytes: async (path) => new Uint8Array(await this.requestFile(path)),
      document: this.win.document,
    };
  }

  /** The app's language: the page's `lang` (screen readers, hyphenation) and the scope's builtin. */
  private setLocale(locale: Locale): void {
    this.win.document.documentElement.lang = locale;
    this.opened?.scope.setLocale(locale);
    this.reportAfterChange();
  }

  /**
   * The filter or the language changed: the shell forgot the last report (FrameReports.outdate,
   * else Print would show the figures before under the head of the new filter), so the next quiet
   * report is sent even when it equals the last, and even when nothing runs again.
   */
  private reportAfterChange(): void {
    this.lastReport = { html: "", css: "" };
    this.scheduleReport();
  }

  private applyData(scope: SurveyScope, data: FrameData): void {
    const decode = this.toLoadResult;
    this.arriving = undefined;
    this.askedAhead.clear();
    if (data.kind === "bundled") return scope.setData({ kind: "bundled" });
    if (!decode) throw new Error("user data reached applyData before its decoder loaded (receive must hold it)");
    const arriving = new ArrivingUserData(data.data, decode);
    if (arriving.loaded) return scope.setData({ kind: "user", load: arriving.loaded });
    // The filter bar counts the new N on the columns in; the cells wait for the whole file.
    this.arriving = arriving;
    scope.setData({ preview: arriving.preview, complete: arriving.complete.then((load) => ({ kind: "user", load })) });
  }

  private open(message: Extract<ShellMessage, { type: "open" }>): void {
    const host = this.host();
    const primed = this.primed;
    // The notebook's own work comes first: no more working ahead, whether or not it reads `survey`.
    void primed?.then((p) => p?.stopWarming());
    const scope = new SurveyScope(() => Promise.all([import("../../analysis/survey-source"), primed]).then(([m, p]) => new m.SurveySource({ ...host, view: message.view }, p)));
    // Filter and data are set before the runtime exists, so the first run already uses them.
    this.shellFilter = surveyFilterToParams(message.filter);
    scope.setFilter(message.filter);
    this.applyData(scope, message.data);
    const locale = readShellLocale(message);
    if (locale) {
      this.win.document.documentElement.lang = locale;
      scope.setLocale(locale);
    }
    // The runtime the builtins' calls come from (made below, made again on a restart).
    let runtime: NotebookRuntime | undefined;
    const callerRun = (): (() => boolean) | undefined => runtime?.callerRun();
    const builtins = notebookBuiltins({ ...host, view: message.view, warm: (key, steps) => cellViewport().warm(key, steps), steps: backgroundSteps(this.win), callerRun }, scope);
    const held = message.held;
    // The shell checked the history when it read it from storage; it arrives here as its record.
    const history = message.history ? decodeStructureHistory(message.history) : undefined;
    const session = new NotebookSession({
      doc: message.doc,
      drafts: message.drafts,
      history: history?.ok ? history.value : undefined,
      inputs: message.inputs,
      createRuntime: () => {
        const made = scope.attached(new NotebookRuntime({ builtins, hostNames: SCOPE_NAMES, language: scope.locale, onLongRun: (id) => this.runs.long(id), deferCell: (id, info) => cellViewport().defer(id, info), onRunSettled: (id, ms) => cellViewport().settled(id, ms) }));
        runtime = made;
        // The markdown cells with a text in the reader's language show it (CellDoc.variants).
        scope.onChange((names) => {
          if (names.includes("locale") && !made.isDisposed) made.setLanguage(scope.locale);
        });
        for (const cell of held) made.hold(cell.id, cell.message);
        return made;
      },
    });
    const opened: OpenedNotebook = { session, scope, view: message.view };
    this.opened = opened;
    session.onChange((change) => this.onSessionChange(session, change));
    scope.onChange((names) => {
      if (!names.includes("filter")) return;
      this.reportAfterChange();
      const key = surveyFilterToParams(scope.filter);
      if (key === this.shellFilter) return;
      this.shellFilter = key;
      // Told after the paint of the cells on screen (issue 12): the shell writes it into the URL
      // and its models, work that, told in the input's task, competed with that paint (02's
      // viewport time x1.35–1.55 in the bench, under load; the post itself costs microseconds).
      const filter = scope.filter;
      void cellViewport().nextPaint().then(() => this.post({ type: "filter", filter }));
    });
    // Start before the notebook is drawn: the runtime's first cells (and their file requests) are
    // then under way while the cells render, instead of after.
    if (message.mode === "live") void session.start();
    // A running notebook that reads the bundled survey asks for its files now, not when its first
    // cell reads `survey`: that comes after the notebook has been drawn and the survey's code has
    // evaluated (issue 11, cold start), and then waited for the shell's answer. What fails here is
    // shown in the cell that reads it.
    if (message.mode === "live" && (session.references("survey") || session.references("selection"))) {
      if (message.data.kind === "bundled") this.askedAhead.ask(Object.values(SURVEY_PATHS), (path) => this.requestFile(path));
      void scope.survey().catch(() => undefined);
      // Once it has settled: each county's evidence for its printed tables, in background turns —
      // and again once it has settled on new data (a notebook opened on the user's file, then the bundled survey).
      keepCountyEvidenceAhead(this.win, scope, () => session.idle());
    }
    // The files its cells name, and the CSV reader's code, asked for now too (attached-files.ts).
    if (message.mode === "live") {
      const sources = cellTexts(session.doc.cells).map((c) => c.source);
      const survey: readonly string[] = Object.values(SURVEY_PATHS);
      this.askedAhead.ask(attachedFiles(sources).filter((path) => !survey.includes(path)), (path) => this.requestFile(path));
      if (readsCsv(sources)) void import("../../runtime/csv-table").catch(() => undefined);
    }
    this.onOpen(opened);
    for (const resolve of this.openWaiters.splice(0)) resolve(opened);
    this.reportReads();
  }

  private onSessionChange(session: NotebookSession, change: SessionChange): void {
    if (change.kind === "doc") {
      // Past the limits the shell would drop the cells (protocol.ts caps them there): it is told the
      // size instead, so the user hears that the edit is not stored rather than seeing "Saved".
      const over = overNotebookLimits(session.doc.cells);
      this.post(over ? { type: "tooLarge", size: over } : { type: "cells", cells: session.doc.cells, history: session.historyRecord() ?? null });
      this.runs.keep(new Set(session.doc.cells.map((c) => c.id)));
      // The runtime re-plans right after the session's change event: read the names after it.
      queueMicrotask(() => this.reportReads());
    } else if (change.kind === "draft") {
      this.post({ type: "draft", id: change.id, text: session.draft(change.id) ?? null });
    } else if (change.kind === "state") {
      this.runs.track(change.id, session.state(change.id), session.cell(change.id)?.source);
    } else {
      this.reportReads();
    }
  }

  /** Send the report once the notebook has been quiet for a moment (for the browser's Print). */
  private scheduleReport(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => {
      if (this.runs.quiet) this.sendReport(null);
    }, REPORT_AFTER_QUIET_MS);
  }

  /**
   * The notebook as a report: unsolicited (`id` null) only when it changed since the last one, and
   * then copied in slices that give up when the notebook runs again (its next quiet sends one).
   */
  private sendReport(id: number | null): void {
    // Cells draw their outputs in Lit's update (a microtask) after the runtime settles: take the
    // report in a task of its own, after them.
    setTimeout(() => {
      this.snapshots ??= new ReportSnapshots(this.win.document);
      const taking = id === null ? this.snapshots.take({ sliceMs: REPORT_SLICE_MS, stale: () => !this.runs.quiet }) : Promise.resolve(this.snapshots.takeNow());
      void taking.then((snapshot) => {
        if (!snapshot) return;
        if (id === null && snapshot.html === this.lastReport.html && snapshot.css === this.lastReport.css) return;
        this.lastReport = snapshot;
        this.post({ type: "report", id, ...snapshot });
      });
    }, 0);
  }

  private reportInputs(session: NotebookSession): void {
    const values = session.inputValues();
    const json = JSON.stringify(values);
    if (json === this.lastInputs) return;
    this.lastInputs = json;
    this.post({ type: "inputs", values });
  }

  /** What became of the link's input values (names and kinds only), when it changed. */
  private reportInputOutcome(): void {
    const report = this.opened?.session.inputReport();
    if (!report) return;
    const message: FrameMessage = { type: "inputReport", applied: report.applied, dropped: report.dropped.map((d) => ({ name: d.name, kind: d.problem.kind })) };
    const key = JSON.stringify(message);
    if (key === this.lastInputReport) return;
    this.lastInputReport = key;
    this.post(message);
  }

  private reportReads(): void {
    const session = this.opened?.session;
    if (!session) return;
    const names = HOST_NAMES.filter((name) => session.references(name));
    const key = names.join(",");
    if (key === this.lastReads) return;
    this.lastReads = key;
    this.post({ type: "reads", names });
  }
}

/**
 * The message protocol between the app's page (the shell: storage, routing, the URL, the user's
 * file) and the sandboxed notebook frame (`frame.html`: the cells, the runtime, the analysis
 * layer). Every message type of both directions is declared here, and every message from the frame
 * is read through {@link readFrameMessage} before the shell acts on it.
 *
 * Transport: the frame announces itself with `ready` through `window.postMessage` (at boot, and in
 * answer to the shell's `hello`); the shell answers
 * `open` and hands over a MessagePort, and from then on both sides talk over that port only (the
 * shell ignores window messages from the frame after `ready`). A port sends at once, where
 * `window.postMessage` to another process waits for the sender's next task: a cell that never
 * returns would otherwise keep its own "running" status from ever reaching the shell.
 *
 * Why so strict: once a shared notebook has been allowed to run, everything in the frame —
 * including whatever posts these messages — may be the notebook's own code. So the frame is
 * untrusted: its messages are checked field by field and size-capped, rebuilt from known fields
 * only (nothing the frame sent is kept by reference), and never evaluated. The frame gets nothing
 * it did not need for the one notebook it shows: no other notebook, no storage, and a data file
 * only from under `data/` (see file-gate.ts); the user's own file only where the data gate allows.
 */
import { fail, ok, type Problem, type Result } from "../../base/result";
import { isLocale, type Locale } from "../../base/locale/locale";
import { asSurveyFilter, type SurveyFilter } from "../../data/survey-filter";
import type { CellDoc, NotebookDoc } from "../../notebook/document";
import { validatePayload } from "../../notebook/share-codec";
import { decodeStructureHistory, encodeStructureHistory, STORED_HISTORY_STEPS, type StructureHistoryRecord } from "../../notebook/structure-history";
import { isJsonable, type InputProblemKind, type InputRestoreReport } from "../../runtime/input-binding";
import type { UserDataPart, UserDataWire } from "./user-data-wire";
import { isRecord } from "../../base/guards";
import { cellChars, NOTEBOOK_LIMITS, pastNotebookLimits, type NotebookSize } from "../../notebook/notebook-size";

/** The view a notebook runs in: the user's own ("live") or a shared copy (small counts masked). */
export type FrameView = "live" | "shared";

/** How the frame opens a notebook: running, or showing its source only (nothing runs). */
export type FrameMode = "live" | "preview";

/** A cell the shell keeps from running (after Stop), with the message the cell shows instead. */
export interface HeldCell {
  id: string;
  message: string;
}

/** A bundled file handed to a spare frame ahead of time (`prime`). */
export interface PrimedFile {
  path: string;
  bytes: ArrayBuffer;
}

/** The respondents the frame's survey notebooks read: the bundled reconstruction or the user's file. */
export type FrameData = { kind: "bundled" } | { kind: "user"; data: UserDataWire };

/** The host names a notebook may read that the shell cares about (the data notice, the filter URL). */
export const HOST_NAMES = ["survey", "filter", "selection"] as const;
export type HostName = (typeof HOST_NAMES)[number];

/** A cell the frame says is running, with the names it defines (for the shell's label). */
export interface RunningCell {
  id: string;
  names: string[];
}

/** Shell → frame. The shell is trusted; the frame only checks that a message came from its parent. */
export type ShellMessage =
  /** "Are you there?" — to a frame that may have said `ready` before the shell listened. */
  | { type: "hello" }
  /**
   * To a spare frame before any notebook opens in it: the bundled survey files (bytes
   * transferred), to parse ahead of time. A notebook still reads its files from the shell; the
   * parse is only reused for the same bytes (analysis/survey-source.ts).
   */
  | { type: "prime"; files: PrimedFile[] }
  | {
      type: "open";
      /** The frame's end of the channel every later message travels on (transferred). */
      channel: MessagePort;
      doc: NotebookDoc;
      drafts: Record<string, string>;
      /** The undo history saved with the notebook, if any (checked when it was read from storage). */
      history?: StructureHistoryRecord;
      mode: FrameMode;
      view: FrameView;
      inputs: Record<string, unknown>;
      filter: SurveyFilter;
      data: FrameData;
      held: HeldCell[];
      /** The app's language (the frame checks it with {@link readShellLocale}). */
      locale: Locale;
    }
  /** "Run this notebook" (consent) or "Run" after a pause: start the runtime. */
  | { type: "run" }
  | { type: "filter"; filter: SurveyFilter }
  /** The header's language switch moved: tables, charts and `fmt` rerun in it. */
  | { type: "locale"; locale: Locale }
  | { type: "data"; data: FrameData }
  /** More columns of the user's file the last `data` or `open` began (user-data-wire.ts). */
  | { type: "dataPart"; part: UserDataPart }
  /** The answer to a file request: the bytes, or why not. */
  | { type: "file"; id: number; bytes: ArrayBuffer }
  | { type: "file"; id: number; error: string }
  /** Heartbeat: the frame answers `pong` when its event loop is free. */
  | { type: "ping"; seq: number }
  /** Answer `idle` with this id once nothing runs. */
  | { type: "whenIdle"; id: number }
  /** Answer with the current input values now (before a share link is made). */
  | { type: "reportInputs"; id: number }
  /** Answer with the notebook as a report now (print, "Export report"). */
  | { type: "report"; id: number };

/** Frame → shell: untrusted; read only through {@link readFrameMessage}. */
export type FrameMessage =
  /** The frame's document is ready; `boot` is its own random id (a new one means a new document). */
  | { type: "ready"; boot: string }
  /**
   * The document's cells after an edit (run, add, delete, move), and the undo history (null: none
   * the shell could read): both for autosave.
   */
  | { type: "cells"; cells: CellDoc[]; history: StructureHistoryRecord | null }
  /**
   * In place of `cells`: the edit grew the document past what the shell keeps (`NOTEBOOK_LIMITS`,
   * which `cells` is capped at), to this size. The shell keeps the version it has and says so; the
   * next `cells` (the notebook back under the limits) is kept again.
   */
  | { type: "tooLarge"; size: NotebookSize }
  /** An editor draft (null: none), for autosave. */
  | { type: "draft"; id: string; text: string | null }
  /** The filter bar moved: for the URL and share links. */
  | { type: "filter"; filter: SurveyFilter }
  /**
   * Which of a link's input values the notebook's inputs took, and which they refused with the
   * kind of reason (sent before `idle`). Only names and kinds: the shell words the reasons itself.
   */
  | { type: "inputReport"; applied: string[]; dropped: { name: string; kind: InputProblemKind }[] }
  /** Current view() input values, for share links; `id` when it answers `reportInputs`. */
  | { type: "inputs"; values: Record<string, unknown>; id?: number }
  /** Which host names the notebook's cells read. */
  | { type: "reads"; names: HostName[] }
  /**
   * Which cells run now; `busy` while anything is pending or running; `current`: the cell whose
   * code is executing as this is sent (a body starting, a loop running long), null when the frame
   * sent it between tasks. If the frame then stops answering, `current` is the cell it hangs in.
   */
  | { type: "status"; running: RunningCell[]; busy: boolean; current: string | null }
  | { type: "pong"; seq: number }
  | { type: "idle"; id: number }
  /** Read a file under data/ (answered with a `file` message). */
  | { type: "file"; id: number; path: string }
  /** A file is being dragged over the notebook: let the drop reach the shell. */
  | { type: "drag" }
  /**
   * Ctrl/Cmd-S pressed in the frame: save the notebook as a file. The shell acts on it only while
   * the page has transient user activation (a key press), so a notebook cannot start downloads of
   * itself on its own; and it saves the shell's copy of the document, not anything the frame sent.
   */
  | { type: "save" }
  /**
   * The notebook's outputs as a report (app/report/report-snapshot.ts): untrusted markup and CSS the
   * shell sanitises before use. Sent when the notebook has been quiet for a moment (so printing
   * from the browser's menu prints the current state) and in answer to `report` (`id`).
   */
  | { type: "report"; id: number | null; html: string; css: string }
  /**
   * The reader pressed "Export report" in the notebook: the shell writes the file (no payload),
   * only while the page has transient user activation, as for `save`.
   */
  | { type: "exportReport" };

/**
 * The language in a shell message, checked where the frame takes it: the shell is trusted, but a
 * value that is not one of the app's languages (an old shell, a stray message) must not reach the
 * catalogues, so it is refused (undefined) and the frame keeps its language.
 */
export function readShellLocale(message: { locale?: unknown }): Locale | undefined {
  return isLocale(message.locale) ? message.locale : undefined;
}

/** Caps on what the frame may send; anything bigger is dropped, not truncated. */
export const FRAME_LIMITS = {
  /** Characters of cell source in one document. */
  docChars: NOTEBOOK_LIMITS.chars,
  cells: NOTEBOOK_LIMITS.cells,
  idChars: 200,
  draftChars: 2_000_000,
  pathChars: 300,
  /** Characters of the JSON of all input values (they go into share links). */
  inputChars: 200_000,
  inputs: 200,
  running: 1_000,
  namesPerCell: 16,
  nameChars: 100,
  /** Characters of a report's markup (the outputs, charts as SVG) and of its CSS. */
  reportChars: 20_000_000,
  reportCssChars: 2_000_000,
} as const;

/** Why a frame message was dropped. */
export type FrameMessageProblem = Problem<"frame-message">;

function dropped(message: string): { readonly ok: false; readonly error: FrameMessageProblem } {
  return fail({ kind: "frame-message", message: `A message from the notebook frame was ignored: ${message}. Nothing to do unless this repeats; then reload the notebook.` });
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function isShortText(value: unknown, max: number): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= max;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function readCells(value: unknown): Result<CellDoc[], FrameMessageProblem> {
  if (!Array.isArray(value) || value.length > FRAME_LIMITS.cells) return dropped("its cells are not a list of at most 5,000");
  let chars = 0;
  for (const cell of value) chars += cellChars(cell);
  if (chars > FRAME_LIMITS.docChars) return dropped("the notebook is larger than 10 million characters");
  // The same field-by-field check a share link or a stored notebook goes through; it rebuilds the cells.
  const checked = validatePayload({ doc: { title: "", cells: value } });
  if (!checked.ok) return dropped(checked.error.message);
  if (checked.value.doc.cells.some((c) => c.id.length > FRAME_LIMITS.idChars)) return dropped("a cell id is too long");
  return ok(checked.value.doc.cells);
}

/**
 * The frame's undo history, checked and rebuilt (structure-history.ts), or null: a history the shell
 * cannot read is not kept, and the cells it came with still are.
 */
function readHistory(value: unknown): StructureHistoryRecord | null {
  if (!isRecord(value) || !Array.isArray(value.pool) || value.pool.length > FRAME_LIMITS.cells) return null;
  if (historyChars(value) > FRAME_LIMITS.docChars) return null;
  const steps = decodeStructureHistory(value);
  return steps.ok ? encodeStructureHistory(steps.value) : null;
}

function textLength(value: unknown): number {
  return typeof value === "string" ? value.length : 0;
}

/**
 * What one step's reference to a pool cell costs the shell to check and write out, in characters
 * of cell text that cost as much (measured in Node: 500,000 references took 0.4–1 s, 10 million
 * characters of cells 0.06–0.4 s). A history whose 100 steps each name 5,000 cells is more than a
 * notebook; the 100 steps of a 1,000-cell notebook are not.
 */
const REFERENCE_CHARS = 50;

/**
 * The characters of text an undo history holds — its pool's cells (`cellChars`) and the title,
 * label and drafts of each step the shell keeps, each step's references to the pool at
 * `REFERENCE_CHARS` each — whatever shape it has: what it costs the shell to check and store. A
 * history is payload like the cells it comes with (message-budget.ts), and capped like a notebook:
 * its steps' drafts are not a notebook's cells, but they go into storage with it.
 */
export function historyChars(value: unknown): number {
  if (!isRecord(value)) return 0;
  let chars = 0;
  if (Array.isArray(value.pool)) for (const cell of value.pool) chars += cellChars(cell);
  for (const side of [value.past, value.future]) {
    if (!Array.isArray(side)) continue;
    for (const step of side.slice(-STORED_HISTORY_STEPS)) {
      if (!isRecord(step)) continue;
      chars += textLength(step.title) + textLength(step.label) + (Array.isArray(step.cells) ? step.cells.length * REFERENCE_CHARS : 0);
      if (isRecord(step.drafts)) for (const [id, text] of Object.entries(step.drafts)) chars += id.length + textLength(text);
    }
  }
  return chars;
}

function readInputs(value: unknown): Result<Record<string, unknown>, FrameMessageProblem> {
  if (!isRecord(value)) return dropped("its input values are not an object");
  const names = Object.keys(value);
  if (names.length > FRAME_LIMITS.inputs || names.some((n) => !IDENTIFIER.test(n) || n.length > FRAME_LIMITS.nameChars)) return dropped("its input names are not identifiers");
  if (!isJsonable(value)) return dropped("an input value cannot be written as JSON");
  const json = JSON.stringify(value);
  if (json.length > FRAME_LIMITS.inputChars) return dropped("its input values are larger than 200,000 characters");
  // A fresh copy: nothing the frame sent is kept by reference.
  const copy: unknown = JSON.parse(json);
  return isRecord(copy) ? ok(copy) : dropped("its input values are not an object");
}

function readRunning(value: unknown): Result<RunningCell[], FrameMessageProblem> {
  if (!Array.isArray(value) || value.length > FRAME_LIMITS.running) return dropped("its running cells are not a list");
  const out: RunningCell[] = [];
  for (const item of value) {
    if (!isRecord(item) || !isShortText(item.id, FRAME_LIMITS.idChars)) return dropped("a running cell has no id");
    const names = item.names;
    if (!Array.isArray(names) || names.length > FRAME_LIMITS.namesPerCell || !names.every((n) => isShortText(n, FRAME_LIMITS.nameChars) && IDENTIFIER.test(n))) {
      return dropped("a running cell's names are not identifiers");
    }
    out.push({ id: item.id, names: names.map(String) });
  }
  return ok(out);
}

const INPUT_PROBLEMS: Record<InputProblemKind, string> = {
  "input-shape": "the link's value is not the kind of value it takes",
  "input-option": "the link's value is not one of its options",
  "input-rejected": "the input did not accept the link's value",
  "input-missing": "this notebook has no input of that name, or its cell has not run",
};

function isInputProblemKind(value: unknown): value is InputProblemKind {
  return Object.keys(INPUT_PROBLEMS).some((kind) => kind === value);
}

/**
 * The shell's report of a link's input values, from what the frame said: the reasons are the
 * shell's own words (a running notebook could otherwise put any text into the page's banners).
 */
export function inputReportOf(message: Extract<FrameMessage, { type: "inputReport" }>): InputRestoreReport {
  return {
    applied: [...message.applied],
    dropped: message.dropped.map(({ name, kind }) => ({
      name,
      problem: { kind, message: `Input “${name}” from the link was not applied: ${INPUT_PROBLEMS[kind]}, so it keeps its own value. Check the notebook, or ask the sender for a new link.` },
    })),
  };
}

function isInputName(value: unknown): value is string {
  return isShortText(value, FRAME_LIMITS.nameChars) && IDENTIFIER.test(value);
}

function isHostName(value: unknown): value is HostName {
  return HOST_NAMES.some((name) => name === value);
}

/**
 * Read one message from the frame: a fresh, checked {@link FrameMessage}, or why it was dropped.
 * Never throws, whatever `data` is.
 */
export function readFrameMessage(data: unknown): Result<FrameMessage, FrameMessageProblem> {
  if (!isRecord(data) || typeof data.type !== "string") return dropped("it is not a message object");
  switch (data.type) {
    case "ready":
      return isShortText(data.boot, 40) ? ok({ type: "ready", boot: data.boot }) : dropped("its ready has no boot id");
    case "drag":
      return ok({ type: "drag" });
    case "save":
      return ok({ type: "save" });
    case "exportReport":
      return ok({ type: "exportReport" });
    case "cells": {
      const cells = readCells(data.cells);
      return cells.ok ? ok({ type: "cells", cells: cells.value, history: readHistory(data.history) }) : cells;
    }
    case "tooLarge": {
      // Only a size past the limits: a notebook's own code can post this too, and a banner about a
      // size within them would be a false word.
      const size = isRecord(data.size) && isCount(data.size.cells) && isCount(data.size.chars) ? { cells: data.size.cells, chars: data.size.chars } : undefined;
      return size && pastNotebookLimits(size) ? ok({ type: "tooLarge", size }) : dropped("its size is not one past the limits");
    }
    case "draft": {
      if (!isShortText(data.id, FRAME_LIMITS.idChars)) return dropped("its draft has no cell id");
      if (data.text !== null && (typeof data.text !== "string" || data.text.length > FRAME_LIMITS.draftChars)) return dropped("its draft is not text of at most 2 million characters");
      return ok({ type: "draft", id: data.id, text: data.text });
    }
    case "filter": {
      const filter = asSurveyFilter(data.filter);
      return filter.ok ? ok({ type: "filter", filter: filter.value }) : dropped(filter.error.message);
    }
    case "inputReport": {
      const { applied, dropped: refused } = data;
      if (!Array.isArray(applied) || applied.length > FRAME_LIMITS.inputs || !applied.every(isInputName)) return dropped("its input report names no inputs");
      if (!Array.isArray(refused) || refused.length > FRAME_LIMITS.inputs) return dropped("its input report lists no refusals");
      const out: { name: string; kind: InputProblemKind }[] = [];
      for (const item of refused) {
        if (!isRecord(item) || !isInputName(item.name) || !isInputProblemKind(item.kind)) return dropped("its input report has a refusal without name or kind");
        out.push({ name: item.name, kind: item.kind });
      }
      return ok({ type: "inputReport", applied: applied.map(String), dropped: out });
    }
    case "inputs": {
      if (data.id !== undefined && !isCount(data.id)) return dropped("its input values answer no number");
      const values = readInputs(data.values);
      if (!values.ok) return values;
      return ok(data.id === undefined ? { type: "inputs", values: values.value } : { type: "inputs", values: values.value, id: data.id });
    }
    case "reads": {
      const names = data.names;
      if (!Array.isArray(names) || names.length > HOST_NAMES.length || !names.every(isHostName)) return dropped("its names are not host names");
      return ok({ type: "reads", names: HOST_NAMES.filter((name) => names.includes(name)) });
    }
    case "status": {
      if (typeof data.busy !== "boolean") return dropped("its status has no busy flag");
      if (data.current !== null && !isShortText(data.current, FRAME_LIMITS.idChars)) return dropped("its status names no current cell");
      const running = readRunning(data.running);
      return running.ok ? ok({ type: "status", running: running.value, busy: data.busy, current: data.current }) : running;
    }
    case "pong":
      return isCount(data.seq) ? ok({ type: "pong", seq: data.seq }) : dropped("its heartbeat has no number");
    case "idle":
      return isCount(data.id) ? ok({ type: "idle", id: data.id }) : dropped("its idle answer has no number");
    case "report": {
      if (data.id !== null && !isCount(data.id)) return dropped("its report answers no number");
      if (typeof data.html !== "string" || data.html.length > FRAME_LIMITS.reportChars) return dropped("its report is not markup of at most 20 million characters");
      if (typeof data.css !== "string" || data.css.length > FRAME_LIMITS.reportCssChars) return dropped("its report's CSS is not text of at most 2 million characters");
      return ok({ type: "report", id: data.id, html: data.html, css: data.css });
    }
    case "file": {
      if (!isCount(data.id)) return dropped("its file request has no number");
      if (!isShortText(data.path, FRAME_LIMITS.pathChars)) return dropped("its file request has no path of at most 300 characters");
      return ok({ type: "file", id: data.id, path: data.path });
    }
    default:
      return dropped(`it has the unknown type "${data.type.slice(0, 40)}"`);
  }
}

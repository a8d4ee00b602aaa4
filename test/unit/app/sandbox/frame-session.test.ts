/**
 * The shell's side of a notebook in the sandboxed frame, against a fake frame: the notebook is
 * opened over a fresh channel once the frame says "ready"; what the frame reports is checked and kept
 * (cells, drafts, the filter, files); the heartbeat notices a hung frame, and Stop reopens the
 * notebook in a fresh frame holding back the cell that hung; a frame that navigated is reopened
 * paused. The test plays the frame on the other end of the real MessageChannel.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppFilter } from "../../../../src/app/app-filter";
import type { SessionChange } from "../../../../src/app/notebook-session";
import { FrameSession } from "../../../../src/app/sandbox/frame-session";
import type { FrameDataChoice } from "../../../../src/app/sandbox/frame-data-feed";
import { QUIET_BEFORE_SPARE_MS } from "../../../../src/app/sandbox/spare-timing";
import { DOWNLOAD_EVERY_MS } from "../../../../src/app/sandbox/download-gate";
import { MESSAGE_BUDGET, PAUSE_FLOODED } from "../../../../src/app/sandbox/message-budget";
import { HEARTBEAT_MS, PAUSE_NAVIGATED, PAUSE_UNKNOWN_CELL, STUCK_AFTER_MS } from "../../../../src/app/sandbox/frame-status";
import type { FrameHandle, FrameListener } from "../../../../src/app/sandbox/frame-slot";
import { ok, problem } from "../../../../src/base/result";
import type { NotebookDoc } from "../../../../src/notebook/document";
import type { NotebookOrigin } from "../../../../src/app/notebook-store";
import { messages, say } from "../../../../src/base/locale/locale";
import { pauseSelfEdited } from "../../../../src/app/sandbox/self-edit-gate";

/** A frame the test drives: what the shell posted to its window, and its listener. */
class FakeFrame implements FrameHandle {
  posted: unknown[] = [];
  listener: FrameListener | undefined;
  removed: { hung?: boolean } | undefined;
  dropCovers = 0;
  coverForDrop(): void {
    this.dropCovers++;
  }
  post(message: unknown): void {
    this.posted.push(message);
  }
  listen(listener: FrameListener): void {
    this.listener = listener;
    // A spare made ahead of time has said "ready" before it is handed over (FrameSlot.listen replays it).
    if (sparesReady && frames.length > 1) listener.message({ type: "ready", boot: "spare" });
  }
  remove(options: { hung?: boolean } = {}): void {
    this.removed = options;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** The frame's end of the channel the shell handed over with `open`, and everything heard on it. */
interface FrameEnd {
  open: Record<string, unknown>;
  port: MessagePort;
  heard: unknown[];
}

/** Play the frame: say ready, take the `open` message and its port. */
function ready(frame: FakeFrame): FrameEnd {
  frame.listener?.message({ type: "ready", boot: "b1" });
  const open = frame.posted.find((m) => isRecord(m) && m.type === "open");
  if (!isRecord(open) || !(open.channel instanceof MessagePort)) throw new Error("the shell did not open the notebook with a channel");
  const heard: unknown[] = [];
  const port = open.channel;
  port.onmessage = (event: MessageEvent) => heard.push(event.data);
  ports.push(port);
  return { open, port, heard };
}

/** Let messages cross the channel (a real MessageChannel delivers in a later task). */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}

/** Messages posted on the ports delivered, where setTimeout is faked (a few turns of the real loop). */
async function delivered(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

const doc: NotebookDoc = { title: "Oversikt", cells: [{ id: "1", kind: "js", source: "const x = 1" }, { id: "2", kind: "js", source: "const spin = x" }] };
const ports: MessagePort[] = [];
let frames: FakeFrame[];
let session: FrameSession;
let filter: AppFilter;
let reads: string[];
let prewarms = 0;
let saves = 0;

let activated = true;
let sparesReady = false;
let holdSpare = false;

function open(options: { data?: FrameDataChoice; mode?: "live" | "preview"; origin?: NotebookOrigin } = {}): FrameSession {
  frames = [];
  prewarms = 0;
  filter = new AppFilter();
  reads = [];
  saves = 0;
  session = new FrameSession(
    { doc, drafts: { 2: "draft" }, inputs: { n: 3 }, mode: options.mode ?? "live", view: "live", data: options.data ?? { kind: "bundled" }, ...(options.origin ? { origin: options.origin } : {}) },
    {
      slot: {
        fresh: () => {
          const frame = new FakeFrame();
          frames.push(frame);
          return frame;
        },
        prewarm: () => prewarms++,
      },
      filter,
      readFile: (path) => Promise.resolve(path === "demo/x.csv" ? ok({ path: "data/demo/x.csv", bytes: new TextEncoder().encode("a,b").buffer }) : problem("file-refused", `“${path}” was not read.`)),
      onRead: (path) => reads.push(path),
      onSave: () => saves++,
      activated: () => activated,
      holdSpare: () => holdSpare,
    },
  );
  return session;
}

beforeEach(() => {
  activated = true;
  sparesReady = false;
  holdSpare = false;
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
});

afterEach(() => {
  session.dispose();
  for (const port of ports.splice(0)) port.close();
  vi.useRealTimers();
});

describe("FrameSession", () => {
  it("opens the notebook once the frame is ready, over a channel of its own", () => {
    open();
    expect(frames).toHaveLength(1);
    const frame = frames[0] ?? new FakeFrame();
    expect(frame.posted).toEqual([]);
    const { open: message } = ready(frame);
    expect(message).toMatchObject({ type: "open", doc, drafts: { 2: "draft" }, mode: "live", view: "live", inputs: { n: 3 }, data: { kind: "bundled" }, held: [] });
    // The same document saying "ready" again (its answer to hello) opens nothing again.
    frame.listener?.message({ type: "ready", boot: "b1" });
    expect(frame.posted.filter((m) => isRecord(m) && m.type === "open")).toHaveLength(1);
    expect(frames).toHaveLength(1);
  });

  it("a notebook grown past the limits: its size is said once, the shell's copy stays, and the cells are taken again once back within", async () => {
    open();
    const end = ready(frames[0] ?? new FakeFrame());
    const changes: SessionChange[] = [];
    session.onChange((change) => changes.push(change));
    const over = { cells: 5_001, chars: 10 };
    end.port.postMessage({ type: "tooLarge", size: over });
    end.port.postMessage({ type: "tooLarge", size: over });
    // A size within the limits is no reason to say anything (a notebook's own code can post this).
    end.port.postMessage({ type: "tooLarge", size: { cells: 3, chars: 10 } });
    await settle();
    expect(session.doc).toEqual(doc);
    expect(changes).toEqual([{ kind: "size", over }]);
    end.port.postMessage({ type: "cells", cells: [{ id: "1", kind: "js", source: "const x = 2" }] });
    await settle();
    expect(changes).toEqual([{ kind: "size", over }, { kind: "size", over: undefined }, { kind: "doc" }]);
    expect(session.doc.cells).toEqual([{ id: "1", kind: "js", source: "const x = 2" }]);
  });

  it("takes a ready from another document of the frame for a navigation: reopened paused", () => {
    open();
    const frame = frames[0] ?? new FakeFrame();
    ready(frame);
    frame.listener?.message({ type: "ready", boot: "b2" });
    expect(frame.removed).toEqual({ hung: false });
    expect(frames).toHaveLength(2);
    expect(session.status.paused).toBe(PAUSE_NAVIGATED);
  });

  it("keeps what the frame reports on the channel, and nothing sent through the window after ready", async () => {
    open();
    const frame = frames[0] ?? new FakeFrame();
    const end = ready(frame);
    const changes: SessionChange[] = [];
    session.onChange((change) => changes.push(change));
    frame.listener?.message({ type: "cells", cells: [{ id: "9", kind: "js", source: "evil" }] });
    end.port.postMessage({ type: "cells", cells: [{ id: "1", kind: "js", source: "const x = 2" }] });
    end.port.postMessage({ type: "draft", id: "1", text: "const x = 3" });
    end.port.postMessage({ type: "draft", id: "nope", text: "x" });
    end.port.postMessage({ type: "cells", cells: "junk" });
    end.port.postMessage({ type: "reads", names: ["selection"] });
    await settle();
    expect(session.doc).toEqual({ title: "Oversikt", cells: [{ id: "1", kind: "js", source: "const x = 2" }] });
    expect(session.draftRecord()).toEqual({ 1: "const x = 3" });
    expect(changes).toEqual([{ kind: "doc" }, { kind: "draft", id: "1" }]);
    expect(session.references("selection")).toBe(true);
    expect(session.references("survey")).toBe(false);
  });

  it("keeps a stranger's notebook as agreed when it rewrites its own cells without the reader: reopened paused, saying how many", async () => {
    for (const origin of [{ kind: "shared" }, { kind: "imported", fileName: "x.html" }] satisfies NotebookOrigin[]) {
      open({ origin });
      const frame = frames[0] ?? new FakeFrame();
      const end = ready(frame);
      activated = false;
      end.port.postMessage({ type: "draft", id: "1", text: "planted" });
      end.port.postMessage({ type: "cells", cells: [{ id: "1", kind: "js", source: "const x = 1" }, { id: "3", kind: "js", source: "fetch(x)" }] });
      await settle();
      // Cell 2 removed and cell 3 added: two cells differ; the shell's copy and drafts stay.
      expect(session.doc).toEqual(doc);
      expect(session.draftRecord()).toEqual({ 2: "draft" });
      expect(frame.removed).toBeDefined();
      expect(frames).toHaveLength(2);
      expect(session.status.paused && say(session.status.paused, messages.en)).toBe(say(pauseSelfEdited(2), messages.en));
      // Reopened from the shell's copy, not running.
      const again = ready(frames[1] ?? new FakeFrame());
      expect(again.open).toMatchObject({ doc, mode: "preview" });
      session.dispose();
    }
  });

  it("holds a stranger's notebook's change made with the reader at it until the reader keeps it in the shell", async () => {
    for (const origin of [{ kind: "shared" }, { kind: "imported", fileName: "x.html" }] satisfies NotebookOrigin[]) {
      open({ origin });
      const end = ready(frames[0] ?? new FakeFrame());
      const changes: SessionChange[] = [];
      session.onChange((change) => changes.push(change));
      // A click or key press in the notebook activates the page: the reader's edit, or the
      // notebook's own code answering that click (the same to the shell). Before: taken at once.
      activated = true;
      const edited = [{ id: "1", kind: "js", source: "const x = 5" }, { id: "2", kind: "js", source: "const spin = x" }, { id: "3", kind: "js", source: "planted()" }] satisfies NotebookDoc["cells"];
      end.port.postMessage({ type: "cells", cells: edited });
      await settle();
      expect(session.doc).toEqual(doc);
      expect(changes).toEqual([]);
      expect(session.heldChange).toEqual({ count: 2, positions: [1, 3], removed: 0 });
      // The frame saying the same again, later, without activation, is no new change.
      activated = false;
      end.port.postMessage({ type: "cells", cells: edited });
      await settle();
      expect(frames).toHaveLength(1);
      expect(session.heldChange?.count).toBe(2);
      // "Keep changes", a click in the shell, makes them the notebook's.
      session.keepChanges();
      expect(session.doc.cells).toEqual(edited);
      expect(changes).toEqual([{ kind: "doc" }]);
      expect(session.heldChange).toBeUndefined();
      session.dispose();
    }
  });

  it("reopens a stranger's notebook from the shell's copy on \"Undo changes\", and drops a held change the frame takes back", async () => {
    open({ origin: { kind: "shared" } });
    const end = ready(frames[0] ?? new FakeFrame());
    end.port.postMessage({ type: "cells", cells: [{ id: "1", kind: "js", source: "const x = 1" }] });
    await settle();
    expect(session.heldChange).toEqual({ count: 1, positions: [], removed: 1 });
    // The reader undid it in the notebook: the frame reports the shell's copy again.
    end.port.postMessage({ type: "cells", cells: doc.cells });
    await settle();
    expect(session.heldChange).toBeUndefined();
    end.port.postMessage({ type: "cells", cells: [{ id: "1", kind: "js", source: "const x = 2" }, { id: "2", kind: "js", source: "const spin = x" }] });
    await settle();
    expect(session.heldChange?.positions).toEqual([1]);
    session.undoChanges();
    expect(session.heldChange).toBeUndefined();
    expect(frames).toHaveLength(2);
    const again = ready(frames[1] ?? new FakeFrame());
    expect(again.open).toMatchObject({ doc, mode: "live" });
    expect(session.doc).toEqual(doc);
  });

  it("opens a restarted notebook paused even when the next frame is ready at once (a warm spare)", () => {
    sparesReady = true;
    open();
    const frame = frames[0] ?? new FakeFrame();
    ready(frame);
    frame.listener?.message({ type: "ready", boot: "b2" });
    const reopened = (frames[1] ?? new FakeFrame()).posted.find((m) => isRecord(m) && m.type === "open");
    // Before: the spare was opened before the pause was set, so the notebook ran again.
    expect(reopened).toMatchObject({ type: "open", mode: "preview" });
    expect(session.status.paused).toBe(PAUSE_NAVIGATED);
  });

  it("takes the user's own notebook's edits whether or not the page is activated", async () => {
    open({ origin: { kind: "new" } });
    const end = ready(frames[0] ?? new FakeFrame());
    activated = false;
    end.port.postMessage({ type: "cells", cells: [{ id: "1", kind: "js", source: "const x = 2" }] });
    await settle();
    expect(session.doc.cells).toEqual([{ id: "1", kind: "js", source: "const x = 2" }]);
    expect(frames).toHaveLength(1);
  });

  it("knows from the document which host names it reads, whatever the frame says", async () => {
    open();
    const end = ready(frames[0] ?? new FakeFrame());
    end.port.postMessage({
      type: "cells",
      cells: [
        { id: "1", kind: "js", source: "const n = \\u0073urvey.rows" },
        { id: "2", kind: "js", source: "const kept = rows.filter((d) => d.ok)" },
        { id: "3", kind: "md", source: "The selection below: ${selection.n}" },
        { id: "4", kind: "md", source: "Prose about the filter, no code." },
      ],
    });
    // A notebook that took the channel denies reading anything (the header would drop the notice).
    end.port.postMessage({ type: "reads", names: [] });
    await settle();
    expect(session.references("survey")).toBe(true);
    expect(session.references("selection")).toBe(true);
    expect(session.references("filter")).toBe(false);
  });

  it("keeps the title the shell's, following the first heading by the notebook's rule", async () => {
    open();
    const end = ready(frames[0] ?? new FakeFrame());
    session.setTitle("Untitled notebook");
    end.port.postMessage({ type: "cells", cells: [{ id: "1", kind: "md", source: "# Kvalitet 1999\n\ntekst" }] });
    await settle();
    expect(session.doc.title).toBe("Kvalitet 1999");
    session.setTitle("Mitt navn");
    end.port.postMessage({ type: "cells", cells: [{ id: "1", kind: "md", source: "# Noe annet" }] });
    await settle();
    expect(session.doc.title).toBe("Mitt navn");
  });

  it("serves files through the gate and records what was read", async () => {
    open();
    const end = ready(frames[0] ?? new FakeFrame());
    end.port.postMessage({ type: "file", id: 1, path: "demo/x.csv" });
    end.port.postMessage({ type: "file", id: 2, path: "../index.html" });
    await settle();
    await settle();
    const answers = end.heard.filter((m) => isRecord(m) && m.type === "file");
    expect(answers).toContainEqual({ type: "file", id: 2, error: "“../index.html” was not read." });
    const bytes = answers.find((m) => isRecord(m) && m.id === 1);
    expect(isRecord(bytes) && bytes.bytes instanceof ArrayBuffer ? new TextDecoder().decode(bytes.bytes) : "").toBe("a,b");
    expect(reads).toEqual(["data/demo/x.csv"]);
  });

  it("moves the app's filter on the frame's word, and tells the frame of other moves once", async () => {
    open();
    const end = ready(frames[0] ?? new FakeFrame());
    end.port.postMessage({ type: "filter", filter: { fylke: [11], sizeClass: [], respType: [], adopted: [] } });
    await settle();
    expect(filter.filter.fylke).toEqual([11]);
    // The frame's own move is not echoed back to it.
    expect(end.heard.filter((m) => isRecord(m) && m.type === "filter")).toEqual([]);
    filter.setFilter({ fylke: [12], sizeClass: [], respType: [], adopted: [] });
    await settle();
    expect(end.heard.filter((m) => isRecord(m) && m.type === "filter")).toEqual([{ type: "filter", filter: { fylke: [12], sizeClass: [], respType: [], adopted: [] } }]);
  });

  it("sends the data only when what the notebook may see changed", async () => {
    open();
    const end = ready(frames[0] ?? new FakeFrame());
    session.setData({ kind: "bundled" });
    await settle();
    expect(end.heard.filter((m) => isRecord(m) && m.type === "data")).toEqual([]);
    expect(session.dataKind).toBe("bundled");
  });

  it("notices a frame that stops answering, and Stop reopens it holding back the cell that started last", async () => {
    open();
    const first = frames[0] ?? new FakeFrame();
    const end = ready(first);
    vi.advanceTimersByTime(HEARTBEAT_MS);
    await settle();
    const ping = end.heard.find((m) => isRecord(m) && m.type === "ping");
    expect(isRecord(ping) && ping.seq).toBe(1);
    end.port.postMessage({ type: "pong", seq: 1 });
    // Cell 1 waits on something; cell 2's code was executing when the frame last spoke.
    end.port.postMessage({ type: "status", busy: true, running: [{ id: "1", names: ["x"] }, { id: "2", names: ["spin"] }], current: "2" });
    await settle();
    expect(session.status.stuck).toBe(false);
    // The frame hangs: the next ping is never answered.
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(session.status.stuck).toBe(false);
    vi.advanceTimersByTime(STUCK_AFTER_MS);
    expect(session.status.stuck).toBe(true);
    expect(session.culprits()).toEqual([{ id: "2", names: ["spin"] }]);
    session.stop();
    expect(first.removed).toEqual({ hung: true });
    expect(frames).toHaveLength(2);
    const { open: reopened } = ready(frames[1] ?? new FakeFrame());
    expect(reopened.mode).toBe("live");
    expect(reopened.held).toEqual([{ id: "2", message: expect.stringMatching(/^This cell ran for \d+ s without finishing.*Fix: /) }]);
    expect(session.status).toMatchObject({ stuck: false, busy: false, running: [], paused: undefined });
  });

  it("holds nothing when the frame hung in code it could not name, and reopens it paused", async () => {
    open();
    const end = ready(frames[0] ?? new FakeFrame());
    // Sent between tasks: nothing was executing then.
    end.port.postMessage({ type: "status", busy: true, running: [{ id: "1", names: ["x"] }], current: null });
    vi.advanceTimersByTime(HEARTBEAT_MS);
    await settle();
    vi.advanceTimersByTime(HEARTBEAT_MS + STUCK_AFTER_MS);
    expect(session.status.stuck).toBe(true);
    expect(session.culprits()).toEqual([]);
    session.stop();
    const { open: reopened } = ready(frames[1] ?? new FakeFrame());
    expect(reopened).toMatchObject({ mode: "preview", held: [] });
    expect(session.status.paused).toBe(PAUSE_UNKNOWN_CELL);
  });

  it("stops a frame that floods the page with messages: removed with its spare, reopened paused, the rest of its queue dropped", async () => {
    open();
    const first = frames[0] ?? new FakeFrame();
    const end = ready(first);
    const changes: SessionChange[] = [];
    session.onChange((change) => changes.push(change));
    // Within the budget (its "ready" was one message), a busy notebook's messages are all taken.
    for (let i = 1; i < MESSAGE_BUDGET.messages; i++) end.port.postMessage({ type: "reads", names: ["survey"] });
    await settle();
    expect(frames).toHaveLength(1);
    expect(session.status.paused).toBeUndefined();
    // One more in the same second, then edits that must not reach the document or autosave.
    end.port.postMessage({ type: "reads", names: ["survey"] });
    end.port.postMessage({ type: "cells", cells: [{ id: "1", kind: "js", source: "flooded" }] });
    await settle();
    expect(first.removed).toEqual({ hung: true });
    expect(frames).toHaveLength(2);
    expect(session.status.paused).toBe(PAUSE_FLOODED);
    expect(say(PAUSE_FLOODED, messages.en)).toMatch(/Fix: .*press Run\.$/);
    expect(say(PAUSE_FLOODED, messages.nb)).toMatch(/Løsning: .*trykk Kjør\.$/);
    expect(session.doc).toEqual(doc);
    expect(changes).toEqual([]);
    // The fresh frame has a fresh budget.
    const next = ready(frames[1] ?? new FakeFrame());
    next.port.postMessage({ type: "cells", cells: [{ id: "1", kind: "js", source: "const x = 2" }] });
    await settle();
    expect(session.doc.cells).toEqual([{ id: "1", kind: "js", source: "const x = 2" }]);
  });

  it("stops a frame that sends more text in a second than the budget (a notebook rewriting itself in a loop)", async () => {
    open();
    const first = frames[0] ?? new FakeFrame();
    const end = ready(first);
    const text = "x".repeat(1_999_000);
    for (let i = 0; i * text.length <= MESSAGE_BUDGET.chars; i++) end.port.postMessage({ type: "draft", id: "1", text: `${i}${text}` });
    await settle();
    expect(first.removed).toEqual({ hung: true });
    expect(session.status.paused).toBe(PAUSE_FLOODED);
  });

  it("writes at most one file per two seconds however often the frame asks (save, export report), and the last wish once they are over", async () => {
    // The gate's wait is a setTimeout: faked here too, and the messages let through by a real tick.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date", "setTimeout", "clearTimeout"] });
    open();
    const end = ready(frames[0] ?? new FakeFrame());
    const exports: number[] = [];
    session.reports.onExportAsked(() => exports.push(Date.now()));
    // 20 wishes at once: one written now, the last (a save) waits for the two seconds.
    for (let i = 0; i < 20; i++) end.port.postMessage({ type: i % 2 ? "save" : "exportReport" });
    await delivered();
    expect([saves, exports.length]).toEqual([0, 1]);
    vi.advanceTimersByTime(DOWNLOAD_EVERY_MS - 1);
    expect([saves, exports.length]).toEqual([0, 1]);
    vi.advanceTimersByTime(1);
    expect([saves, exports.length]).toEqual([1, 1]);
    // A reader's second click inside the two seconds is not lost: it is written when they are over.
    end.port.postMessage({ type: "exportReport" });
    end.port.postMessage({ type: "exportReport" });
    await delivered();
    expect(exports.length).toBe(1);
    vi.advanceTimersByTime(DOWNLOAD_EVERY_MS);
    expect(exports.length).toBe(2);
    vi.advanceTimersByTime(10 * DOWNLOAD_EVERY_MS);
    expect([saves, exports.length]).toEqual([1, 2]);
  });

  it("does not write a file the frame asked for before it was closed", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date", "setTimeout", "clearTimeout"] });
    open();
    const end = ready(frames[0] ?? new FakeFrame());
    end.port.postMessage({ type: "save" });
    end.port.postMessage({ type: "save" });
    await delivered();
    expect(saves).toBe(1);
    session.dispose();
    vi.advanceTimersByTime(DOWNLOAD_EVERY_MS * 2);
    expect(saves).toBe(1);
  });

  it("reopens a frame whose document navigated away, paused, and runs it on resume", async () => {
    open();
    const first = frames[0] ?? new FakeFrame();
    ready(first);
    first.listener?.navigated();
    expect(first.removed).toEqual({ hung: false });
    expect(session.status.paused).toBe(PAUSE_NAVIGATED);
    const end = ready(frames[1] ?? new FakeFrame());
    expect(end.open.mode).toBe("preview");
    session.resume();
    await settle();
    expect(end.heard).toContainEqual({ type: "run" });
    expect(session.status.paused).toBeUndefined();
  });

  it("has the next frame loaded only once the notebook has been quiet for a while", async () => {
    open();
    const end = ready(frames[0] ?? new FakeFrame());
    end.port.postMessage({ type: "status", busy: true, running: [{ id: "1", names: ["x"] }], current: null });
    await settle();
    vi.advanceTimersByTime(HEARTBEAT_MS * 10);
    expect(prewarms).toBe(0);
    end.port.postMessage({ type: "status", busy: false, running: [], current: null });
    await settle();
    // Answering pings keeps it from looking stuck.
    const beats = QUIET_BEFORE_SPARE_MS / HEARTBEAT_MS;
    for (let i = 0; i < beats + 2; i++) {
      vi.advanceTimersByTime(HEARTBEAT_MS);
      const ping = end.heard.filter((m) => isRecord(m) && m.type === "ping").at(-1);
      if (isRecord(ping)) end.port.postMessage({ type: "pong", seq: ping.seq });
      await settle();
      if (i < beats - 1) expect(prewarms).toBe(0);
    }
    expect(prewarms).toBeGreaterThan(0);
  });

  it("makes no next frame while a user's file is read or reviewed, and counts the quiet again from the hold's end", async () => {
    open();
    const end = ready(frames[0] ?? new FakeFrame());
    end.port.postMessage({ type: "status", busy: false, running: [], current: null });
    await settle();
    const answer = async (): Promise<void> => {
      vi.advanceTimersByTime(HEARTBEAT_MS);
      const ping = end.heard.filter((m) => isRecord(m) && m.type === "ping").at(-1);
      if (isRecord(ping)) end.port.postMessage({ type: "pong", seq: ping.seq });
      await settle();
    };
    holdSpare = true;
    for (let i = 0; i < (3 * QUIET_BEFORE_SPARE_MS) / HEARTBEAT_MS; i++) await answer();
    expect(prewarms).toBe(0);
    holdSpare = false;
    const beats = QUIET_BEFORE_SPARE_MS / HEARTBEAT_MS;
    for (let i = 0; i < beats - 1; i++) {
      await answer();
      expect(prewarms).toBe(0);
    }
    for (let i = 0; i < 3; i++) await answer();
    expect(prewarms).toBeGreaterThan(0);
  });

  it("makes no next frame while the open notebook is still loading (no status yet), only once it has been silent for long", async () => {
    open();
    const end = ready(frames[0] ?? new FakeFrame());
    await settle();
    const answer = async (): Promise<void> => {
      vi.advanceTimersByTime(HEARTBEAT_MS);
      const ping = end.heard.filter((m) => isRecord(m) && m.type === "ping").at(-1);
      if (isRecord(ping)) end.port.postMessage({ type: "pong", seq: ping.seq });
      await settle();
    };
    // Twice the quiet a settled notebook needs, and still loading: the spare would compete with it.
    for (let i = 0; i < (2 * QUIET_BEFORE_SPARE_MS) / HEARTBEAT_MS; i++) await answer();
    expect(prewarms).toBe(0);
    // A notebook with nothing to run never reports a status: it gets its spare after a longer silence.
    for (let i = 0; i < 8; i++) await answer();
    expect(prewarms).toBeGreaterThan(0);
  });

  it("opens a shared preview without running it, and runs it on consent", async () => {
    open({ mode: "preview" });
    const end = ready(frames[0] ?? new FakeFrame());
    expect(end.open.mode).toBe("preview");
    vi.advanceTimersByTime(HEARTBEAT_MS * 4);
    await settle();
    // Nothing runs in preview: no heartbeat, no stuck state.
    expect(end.heard).toEqual([]);
    await session.start();
    await settle();
    expect(end.heard).toEqual([{ type: "run" }]);
    expect(session.mode).toBe("live");
  });
});

/**
 * The place in the shell where the notebook frame lives: it makes the sandboxed iframes, keeps at
 * most one in the page, and is the shell's only listener for messages from them.
 *
 * Every notebook gets a fresh frame (a new document, a new realm): nothing a notebook left behind —
 * timers, listeners, globals — can wait in a frame for the next notebook's data. A hidden spare
 * frame, which no notebook has touched, loads ahead of time, so opening a notebook does not wait
 * for the frame's scripts (the next one once the open notebook has been quiet for a while, see
 * FrameSession). The first one is static markup in index.html: it starts loading (and its
 * renderer process starting) with the page, in parallel with the shell's own scripts, storage and
 * notebook list; the slot adopts it and says `hello`, which the frame answers with `ready` in case
 * its first `ready` came before anyone listened.
 *
 * A spare can be primed (`primeSpares`): once it says `ready`, and while no notebook has taken it,
 * it is handed the bundled survey files to parse ahead of time (protocol.ts, `prime`), so a
 * survey notebook opened in it does not wait for that.
 *
 * A frame that hung is removed together with the spare: sandboxed frames of one site share a
 * renderer process, so a spare made while a notebook spun would sit in the spinning process and hang
 * too. With both gone, the next frame gets a process of its own.
 *
 * A message counts only when it comes from the current frame's window and from an opaque origin
 * ("null": the frame is sandboxed without allow-same-origin). A second `load` of a frame means its
 * document navigated (a notebook set `location`); the handle reports it so the shell can replace
 * the frame. (For the adopted first frame the first `load` may have passed before anyone listened,
 * so its loads are not counted; a notebook that navigates it away stops answering the heartbeat
 * instead, and the shell offers Stop.)
 */

import { readFrameMessage, type PrimedFile } from "./protocol";

/** The iframe's sandbox: scripts and downloads, nothing else (no same-origin, top navigation, popups, forms, modals). */
export const FRAME_SANDBOX = "allow-scripts allow-downloads";

/**
 * How long the drop cover stays after the frame said a file is dragged over it, or after the
 * browser last reported that drag over the cover itself.
 */
export const DROP_COVER_MS = 1500;

/** What a frame's owner hears from it. */
export interface FrameListener {
  /** A message from the frame (untrusted: read it with readFrameMessage). */
  message(data: unknown): void;
  /** The frame's document was replaced after it first loaded. */
  navigated(): void;
}

/** One frame: post to it, remove it. */
export interface FrameHandle {
  /**
   * A file is being dragged over the notebook (the frame says so): cover the frame for a moment
   * with the shell's own drop target, so the drop reaches the shell's drop zone, not the frame.
   * The frame's word is not trusted: the cover takes the pointer itself (it never lets it through
   * to what lies under the frame) and stays only while the browser reports the drag over it.
   */
  coverForDrop(): void;
  /** Post to the frame's window ("*": a sandboxed document has no origin to name). */
  post(message: unknown, transfer?: Transferable[]): void;
  /** Start hearing the frame; messages that arrived before (its "ready") are delivered now. */
  listen(listener: FrameListener): void;
  /** Remove the frame; `hung`: it stopped answering, so the spare (same process) goes too. */
  remove(options?: { hung?: boolean }): void;
}

/** The files a spare frame is primed with (fresh buffers: they are transferred). */
export type FramePrimer = () => Promise<PrimedFile[]>;

class Frame implements FrameHandle {
  private listener: FrameListener | undefined;
  private readySeen = false;
  private readonly onReady: (() => void)[] = [];
  private readonly early: unknown[] = [];
  private loads = 0;
  private removed = false;
  private cover: HTMLElement | undefined;
  private coverTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly element: HTMLIFrameElement,
    private readonly onHungRemoved: () => void,
    countLoads: boolean,
  ) {
    if (!countLoads) return;
    element.addEventListener("load", () => {
      this.loads++;
      if (this.loads > 1 && !this.removed) this.listener?.navigated();
    });
  }

  get window(): Window | null {
    return this.element.contentWindow;
  }

  receive(data: unknown): void {
    if (this.removed) return;
    if (!this.readySeen) {
      const read = readFrameMessage(data);
      if (read.ok && read.value.type === "ready") {
        this.readySeen = true;
        for (const action of this.onReady.splice(0)) action();
      }
    }
    if (this.listener) this.listener.message(data);
    else if (this.early.length < 8) this.early.push(data);
  }

  post(message: unknown, transfer: Transferable[] = []): void {
    if (!this.removed) this.element.contentWindow?.postMessage(message, "*", transfer);
  }

  /** Run `action` once the frame has said `ready` (now, if it has). */
  whenReady(action: () => void): void {
    if (this.readySeen) action();
    else this.onReady.push(action);
  }

  coverForDrop(): void {
    if (this.removed || this.element.hidden) return;
    if (!this.cover) {
      // The frame used to let pointer events through (pointer-events: none) for 1.5 s on its word,
      // so a notebook could send "drag" and have a click land on whatever the shell drew under the
      // frame. The cover is a shell element above the frame instead: a drop on it bubbles to the
      // shell's window (nb-data-source), a click on it goes nowhere.
      const cover = this.element.ownerDocument.createElement("div");
      cover.className = "nb-frame-drop-cover";
      cover.setAttribute("aria-hidden", "true");
      // The browser's own reports of the drag (the frame cannot make these) keep the cover.
      cover.addEventListener("dragover", () => this.armCover());
      cover.addEventListener("dragleave", (event) => {
        if (event.relatedTarget === null || !cover.contains(event.relatedTarget instanceof Node ? event.relatedTarget : null)) this.uncover();
      });
      cover.addEventListener("drop", () => queueMicrotask(() => this.uncover()));
      // A pointer that is not dragging a file: the cover was not for it. Swallow the press and go.
      for (const type of ["pointerdown", "pointerup", "click", "dblclick", "contextmenu"]) {
        cover.addEventListener(type, (event) => {
          event.preventDefault();
          event.stopPropagation();
          if (type === "click") this.uncover();
        });
      }
      this.element.after(cover);
      this.cover = cover;
    }
    this.armCover();
  }

  private armCover(): void {
    if (this.coverTimer !== undefined) clearTimeout(this.coverTimer);
    this.coverTimer = setTimeout(() => this.uncover(), DROP_COVER_MS);
  }

  private uncover(): void {
    if (this.coverTimer !== undefined) clearTimeout(this.coverTimer);
    this.coverTimer = undefined;
    this.cover?.remove();
    this.cover = undefined;
  }

  listen(listener: FrameListener): void {
    this.listener = listener;
    for (const data of this.early.splice(0)) listener.message(data);
    if (this.loads > 1) listener.navigated();
  }

  remove(options: { hung?: boolean } = {}): void {
    this.removed = true;
    this.uncover();
    this.listener = undefined;
    this.element.remove();
    if (options.hung) this.onHungRemoved();
  }
}

/** The container of the notebook frame (see the file comment). */
export class FrameSlot {
  private current: Frame | undefined;
  /** A frame made ahead of time (hidden) that no notebook has taken yet. */
  private spare: Frame | undefined;
  /** The frame of index.html's markup, until it has said `ready`. */
  private first: Frame | undefined;
  private primer: FramePrimer | undefined;

  /**
   * @param container the shell element the frame fills
   * @param src the frame document, relative to the page
   */
  constructor(
    private readonly container: HTMLElement,
    private readonly src = "frame.html",
    win: Window = window,
  ) {
    win.addEventListener("message", (event) => {
      if (event.source === null || event.origin !== "null") return;
      const frame = [this.current, this.spare].find((f) => f !== undefined && event.source === f.window);
      frame?.receive(event.data);
    });
    const first = container.querySelector("iframe");
    if (first) {
      this.spare = this.first = new Frame(first, () => this.dropSpare(), false);
      this.spare.post({ type: "hello" });
      this.first.whenReady(() => (this.first = undefined));
    }
  }

  /**
   * Run `action` once the frame of index.html's markup has said `ready` — its scripts are in
   * (now, if it has or if the page has no such frame). What the shell fetches for the first notebook waits
   * for this, so it does not compete with those scripts on the way to a drawn notebook (issue 11).
   */
  afterFirstFrameLoads(action: () => void): void {
    if (this.first) this.first.whenReady(action);
    else action();
  }

  /**
   * Make a spare frame now, so its scripts load before a notebook needs it. Call it when the open
   * notebook is quiet: the spare shares the notebook's renderer process, and loading it takes the
   * notebook's thread for a moment.
   */
  prewarm(): void {
    if (this.spare) return;
    this.spare = this.make();
    this.prime(this.spare);
  }

  /**
   * Prime every spare made from now on with `primer`'s files; `now`: the spare already there too
   * (not while a shared link's preview may open in it: it must fetch nothing before consent).
   */
  primeSpares(primer: FramePrimer, now: boolean): void {
    this.primer = primer;
    if (now && this.spare) this.prime(this.spare);
  }

  private prime(frame: Frame): void {
    const primer = this.primer;
    if (!primer) return;
    frame.whenReady(() => {
      // Only a spare no notebook has taken: an open frame reads its files itself.
      if (this.spare !== frame) return;
      void primer().then(
        (files) => {
          if (this.spare === frame) frame.post({ type: "prime", files }, files.map((f) => f.bytes));
        },
        () => undefined,
      );
    });
  }

  /** A fresh frame, shown in the slot; the previous one is removed. */
  fresh(): FrameHandle {
    this.current?.remove();
    const frame = this.spare ?? this.make();
    this.spare = undefined;
    frame.element.hidden = false;
    this.current = frame;
    return frame;
  }

  private make(): Frame {
    const doc = this.container.ownerDocument;
    const element = doc.createElement("iframe");
    element.className = "nb-frame";
    element.title = "Notebook";
    element.hidden = true;
    element.setAttribute("sandbox", FRAME_SANDBOX);
    element.setAttribute("referrerpolicy", "no-referrer");
    element.src = this.src;
    this.container.append(element);
    return new Frame(element, () => this.dropSpare(), true);
  }

  /** Remove the spare frame (it may share a hung frame's process); a new one is made later. */
  private dropSpare(): void {
    this.spare?.remove();
    this.spare = undefined;
  }
}

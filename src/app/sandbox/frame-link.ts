/**
 * The shell's line to the frame one open notebook currently runs in. Through the frame's window
 * only `ready` counts; it is answered with a MessageChannel, and everything after comes over that
 * (protocol.ts says why a port). Every message is counted against the frame's budget
 * (message-budget.ts) and checked (`readFrameMessage`) before the session sees it. A `ready` from
 * another document of the frame (it navigated to a fresh copy of frame.html) is a navigation like
 * any other. Replacing the frame closes the old channel, so nothing the old frame still sends
 * arrives.
 */
import type { FrameHandle, FrameSlot } from "./frame-slot";
import { MessageBudget, payloadChars } from "./message-budget";
import { readFrameMessage, type FrameMessage, type ShellMessage } from "./protocol";

/** What the link tells its session. */
export interface FrameLinkEvents {
  /** The frame said `ready`: post it `open` with `port`, the frame's end of the channel. */
  ready(frame: FrameHandle, port: MessagePort): void;
  /** A checked message from the frame, within its budget. */
  message(message: Exclude<FrameMessage, { type: "ready" }>): void;
  /** The frame's document navigated away (a notebook set `location`): replace it. */
  navigated(): void;
  /** The frame sent more than its budget: replace it (its process is hung on sending). */
  flooded(): void;
}

/** The current frame of one open notebook and the channel to it. */
export class FrameLink {
  private frame: FrameHandle | undefined;
  /** The shell's end of the current frame's channel. */
  private port: MessagePort | undefined;
  private isReady = false;
  /** The frame document's own id from its `ready`. */
  private boot = "";
  /** What the current frame may still send this second. */
  private readonly budget = new MessageBudget();
  private closed = false;

  constructor(
    private readonly slot: Pick<FrameSlot, "fresh">,
    private readonly events: FrameLinkEvents,
  ) {}

  /** Whether the current frame has said `ready` and has its channel. */
  get ready(): boolean {
    return this.isReady;
  }

  /** The shell's end of the current frame's channel (undefined until it is ready). */
  get channel(): MessagePort | undefined {
    return this.port;
  }

  /** The current frame (to tell whether an answer is still for the frame that asked). */
  get current(): FrameHandle | undefined {
    return this.frame;
  }

  /** Post to the current frame over its channel (nothing before it is ready). */
  post(message: Exclude<ShellMessage, { type: "open" }>, transfer: Transferable[] = []): void {
    this.port?.postMessage(message, transfer);
  }

  /**
   * Take a fresh frame from the slot in place of the current one, with a fresh budget. A hung
   * frame goes first, with the spare that shares its process, so the new one gets its own. A spare
   * that is ready already says so at once (FrameSlot.listen replays it): set up what `open` sends
   * before calling this.
   */
  replace(hung: boolean): void {
    this.isReady = false;
    this.budget.reset();
    this.port?.close();
    this.port = undefined;
    this.frame?.remove({ hung });
    const frame = this.slot.fresh();
    this.frame = frame;
    frame.listen({
      message: (data) => {
        if (this.frame !== frame || !this.withinBudget({ messages: 1 })) return;
        const read = readFrameMessage(data);
        if (!read.ok || read.value.type !== "ready") return;
        if (!this.isReady) this.open(frame, read.value.boot);
        else if (read.value.boot !== this.boot) this.events.navigated();
      },
      navigated: () => {
        if (this.frame === frame) this.events.navigated();
      },
    });
  }

  /** The notebook closed: the frame goes, and nothing it sends is read. */
  close(hung: boolean): void {
    this.closed = true;
    this.port?.close();
    this.frame?.remove({ hung });
    this.frame = undefined;
  }

  private open(frame: FrameHandle, boot: string): void {
    this.isReady = true;
    this.boot = boot;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    port1.onmessage = (event) => {
      if (this.port === port1) this.receive(event.data);
    };
    this.events.ready(frame, port2);
  }

  /** A message on the channel: counted, checked, then handed on. */
  private receive(data: unknown): void {
    if (!this.withinBudget({ messages: 1 })) return;
    const read = readFrameMessage(data);
    if (!read.ok || read.value.type === "ready") return;
    if (!this.withinBudget({ chars: payloadChars(read.value) })) return;
    this.events.message(read.value);
  }

  /**
   * Count what the frame sent against its budget; past it, the session replaces the frame (and the
   * spare in its process), which drops every message still queued.
   */
  private withinBudget(spent: { messages?: number; chars?: number }): boolean {
    if (this.closed) return false;
    if (this.budget.spend(Date.now(), spent)) return true;
    this.events.flooded();
    return false;
  }
}

/**
 * What the shell knows about a running notebook frame, and the words for it: which cells run, which
 * one the frame was executing when it last spoke, whether it still answers the heartbeat, and the
 * messages a stopped cell or a paused notebook shows.
 */
import type { Wording } from "../../base/locale/locale";
import type { RunningCell } from "./protocol";

/** How often the shell pings the frame while a notebook runs. */
export const HEARTBEAT_MS = 500;
/** A ping unanswered this long means the frame is stuck. */
export const STUCK_AFTER_MS = 1000;

/** Why a restarted notebook waits for "Run" instead of running. */
export const PAUSE_NAVIGATED: Wording = (words) => words.pauseNavigated;
export const PAUSE_UNKNOWN_CELL: Wording = (words) => words.pauseUnknownCell;

/** The message a held (stopped) cell shows. */
export function stoppedMessage(seconds: number): string {
  return `This cell ran for ${seconds} s without finishing, so the notebook was restarted without running it. ` +
    "Fix: look for a loop that never ends (while (true), a condition that never turns false) or a far too large computation, change it, then run the cell again (Shift-Enter).";
}

/** What the run-status strip shows. */
export interface FrameStatus {
  running: RunningCell[];
  busy: boolean;
  /** The cell whose code was executing when the frame last said so (see the `status` message). */
  current: string | null;
  /** Date.now() when the frame last went busy. */
  busySince: number | undefined;
  /** The frame has not answered the heartbeat for STUCK_AFTER_MS. */
  stuck: boolean;
  /** Set while the notebook waits for "Run" after a restart. */
  paused: Wording | undefined;
}

/** Nothing running, answering, not paused. */
export const IDLE_STATUS: FrameStatus = Object.freeze({ running: [], busy: false, current: null, busySince: undefined, stuck: false, paused: undefined });

/**
 * The cells Stop would hold back. A hung frame is inside the cell it last said was executing
 * (`current`); if its last word came between tasks, the code that hangs could not be named (a
 * quick cell gone slow without a loop, a timer, an event handler) and nothing is held. A frame
 * that still answers may be waiting on any cell that is running.
 */
export function culprits(status: FrameStatus): RunningCell[] {
  if (!status.stuck) return status.running;
  const current = status.current;
  if (current === null) return [];
  return [status.running.find((cell) => cell.id === current) ?? { id: current, names: [] }];
}

/** The heartbeat's bookkeeping: one ping out at a time; unanswered for STUCK_AFTER_MS means stuck. */
export class Heartbeat {
  private seq = 0;
  private awaiting: { seq: number; since: number } | undefined;

  /** Called every HEARTBEAT_MS: the number of a ping to send (when none is out), and whether the frame counts as stuck. */
  tick(now: number): { ping?: number; stuck: boolean } {
    if (this.awaiting) return { stuck: now - this.awaiting.since >= STUCK_AFTER_MS };
    this.awaiting = { seq: ++this.seq, since: now };
    return { ping: this.seq, stuck: false };
  }

  /** An answer came; true when it answers the ping that is out. */
  pong(seq: number): boolean {
    if (this.awaiting?.seq !== seq) return false;
    this.awaiting = undefined;
    return true;
  }

  /** A fresh frame: nothing is out. */
  reset(): void {
    this.awaiting = undefined;
  }
}

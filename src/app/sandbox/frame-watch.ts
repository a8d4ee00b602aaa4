/**
 * The shell's watch over one open notebook's frame, across the frames it is reopened in: the
 * heartbeat (a ping every half second; unanswered for a second, the frame is "stuck" — a cell that
 * never returns), the run-status strip's state, and Stop's bookkeeping — the cells held back when a
 * frame is replaced, each with the message it shows instead of running. FrameSession feeds it what
 * the frame says and does the replacing.
 */
import type { Wording } from "../../base/locale/locale";
import { culprits, Heartbeat, IDLE_STATUS, stoppedMessage, type FrameStatus } from "./frame-status";
import type { FrameMessage, HeldCell, RunningCell } from "./protocol";

/** Heartbeat, run status and held cells of one open notebook. */
export class FrameWatch {
  private state: FrameStatus = IDLE_STATUS;
  private readonly pulse = new Heartbeat();
  private heldCells: HeldCell[] = [];

  /** The running cells, whether the frame answers, and whether the notebook waits after a restart. */
  get status(): FrameStatus {
    return this.state;
  }

  /** The cells the next frame keeps from running (Stop), with the message each shows. */
  get held(): HeldCell[] {
    return this.heldCells;
  }

  /** The cells Stop would hold back (see `culprits`). */
  culprits(): RunningCell[] {
    return culprits(this.state);
  }

  /**
   * Stop: hold back the cells that kept the frame busy, saying for how long. Returns how many were
   * newly held: none means the code that hangs could not be named.
   */
  holdCulprits(now: number): number {
    const seconds = Math.max(1, Math.round((now - (this.state.busySince ?? now)) / 1000));
    const running = this.culprits().filter((cell) => !this.heldCells.some((h) => h.id === cell.id));
    this.heldCells = [...this.heldCells, ...running.map((cell) => ({ id: cell.id, message: stoppedMessage(seconds) }))];
    return running.length;
  }

  /** The notebook's cells are now these: a held cell gone or edited runs again on the next restart. */
  keepHeld(ids: ReadonlySet<string>): void {
    this.heldCells = this.heldCells.filter((h) => ids.has(h.id));
  }

  /** A fresh frame: nothing out, nothing running, paused with `paused` (or not). */
  restarted(paused: Wording | undefined): void {
    this.pulse.reset();
    this.state = { ...IDLE_STATUS, paused };
  }

  /** "Run" after a pause; false when the notebook was not paused. */
  resume(): boolean {
    if (this.state.paused === undefined) return false;
    this.state = { ...this.state, paused: undefined };
    return true;
  }

  /** Every heartbeat: a ping to send (when none is out), and whether the strip must be drawn again. */
  beat(now: number): { ping?: number; redraw: boolean } {
    const { ping, stuck } = this.pulse.tick(now);
    const wasStuck = this.state.stuck;
    if (stuck && !wasStuck) this.state = { ...this.state, stuck: true };
    // The strip counts the seconds a cell has been running.
    return { ping, redraw: (stuck && !wasStuck) || this.state.busy };
  }

  /** The frame answered ping `seq`; true when that ends its being stuck (the strip is drawn again). */
  pong(seq: number): boolean {
    if (!this.pulse.pong(seq) || !this.state.stuck) return false;
    this.state = { ...this.state, stuck: false };
    return true;
  }

  /** The frame's `status`; true when a run ended (the strip is drawn at once only then). */
  report(message: Extract<FrameMessage, { type: "status" }>, now: number): boolean {
    const wasBusy = this.state.busy;
    const busySince = message.busy ? (wasBusy ? this.state.busySince : now) : undefined;
    this.state = { ...this.state, running: message.running, busy: message.busy, current: message.current, busySince };
    // The strip shows a run only once it has lasted (the heartbeat redraws it meanwhile), so
    // only the end of a run needs drawing at once — not every cell of a busy run.
    return wasBusy && !message.busy;
  }
}

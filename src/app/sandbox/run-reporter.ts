/**
 * The frame's word to the shell about which cells run (the `status` message), timed so the shell
 * can name the cell that hangs the frame. A message sent while a cell's code runs reaches the shell
 * even if that code never returns, so it is sent at once for a cell that may be slow — one that has
 * not run yet with this source, or took longer than QUICK_MS last time — both when it starts and
 * when it ends; and the runtime's loop guard reports any cell whose loop has spun for half a second
 * (`long`). Everything else (pending, the quick cells a filter change reruns) is sent once at the
 * end of the task: a rerun of twenty quick cells costs one message, not sixty.
 */
import type { CellRuntimeState } from "../../runtime/types";
import type { FrameMessage, RunningCell } from "./protocol";

/** A cell whose last run took less than this is not reported the moment it starts. */
const QUICK_MS = 50;

/** Which cells of the open notebook run, as the frame tells the shell. */
export class RunReporter {
  /** Cells in the order their bodies started: when the frame hangs, the last one is the culprit. */
  private readonly running = new Map<string, RunningCell>();
  /** Cells pending or running. */
  private readonly busy = new Set<string>();
  /** Cell id → the source of its last run, for cells whose last run took less than QUICK_MS. */
  private readonly quick = new Map<string, string>();
  private lastStatus = "";
  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param post sends the `status` message to the shell
   * @param idle called at the end of a task after which nothing is pending or running
   */
  constructor(
    private readonly post: (message: Extract<FrameMessage, { type: "status" }>) => void,
    private readonly idle: () => void,
  ) {}

  /** Whether any cell is pending or running. */
  get quiet(): boolean {
    return this.busy.size === 0;
  }

  /** Cell `id` changed state to `state`; `source` is its source now. */
  track(id: string, state: CellRuntimeState | undefined, source: string | undefined): void {
    const wasRunning = this.running.has(id);
    const started = state?.status === "running" && !wasRunning;
    this.running.delete(id);
    if (state?.status === "running") this.running.set(id, { id, names: state.defines.slice(0, 16) });
    if (state?.status === "running" || state?.status === "pending") this.busy.add(id);
    else this.busy.delete(id);
    const ended = wasRunning && !this.running.has(id);
    if (ended && source !== undefined) {
      if (state?.lastRunMs !== undefined && state.lastRunMs < QUICK_MS) this.quick.set(id, source);
      else this.quick.delete(id);
    }
    const mayBeSlow = this.quick.get(id) !== source;
    if (started && mayBeSlow) this.report(id);
    else {
      if (ended && mayBeSlow) this.report(null);
      // An end told at once still ends in `idle` at the end of the task: when that cell was the
      // last to settle, nothing else says the notebook is quiet (its report for Print never went).
      this.schedule();
    }
  }

  /** The notebook's cells are now `ids`: cells removed neither run nor wait. */
  keep(ids: ReadonlySet<string>): void {
    for (const id of [...this.busy]) if (!ids.has(id)) this.busy.delete(id);
    for (const id of [...this.running.keys()]) if (!ids.has(id)) this.running.delete(id);
  }

  /** The loop guard's word: `id`'s loop has run long and still runs (sent even when nothing else changed). */
  long(id: string): void {
    this.report(id, true);
  }

  private schedule(): void {
    if (this.statusTimer !== undefined) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = undefined;
      this.report(null);
      if (this.busy.size === 0) this.idle();
    }, 0);
  }

  private report(current: string | null, always = false): void {
    const busy = this.busy.size > 0;
    const running = [...this.running.values()];
    const key = `${busy}:${current ?? ""}:${running.map((r) => r.id).join("\u0000")}`;
    if (key === this.lastStatus && !always) return;
    this.lastStatus = key;
    this.post({ type: "status", running, busy, current });
  }
}

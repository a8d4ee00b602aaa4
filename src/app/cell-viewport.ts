/**
 * Which cells of the notebook in this window are on or near the screen, so the runtime can run
 * those first (issue 12). Cells run at once while the task that runs them is young (under
 * `SLICE_MS`: a small notebook settles in one task, as before), a cell far off screen only after the
 * cells on screen that became ready with it and only if its last run fits in what is left of the
 * slice (one slow cell below must not hold back the paint of those on screen); past that, a cell far off screen
 * waits until the cells on screen have been painted, and then the waiting cells — and the cells
 * that depend on them — run one per task, so a filter change paints what the reader looks at within
 * a frame or two and the page answers input between the cells below. Cells on screen run in one
 * task unless their last runs add up past `TASK_MS`: the one that would pass it starts the next.
 * Every cell still runs and its value is current (`idle()` waits for it); only the order and the
 * tasks change.
 *
 * `<nb-cell>` registers its element; `deferCell` is given to the NotebookRuntime. A cell whose
 * position is not known yet (not drawn, or the observer has not reported) runs at once.
 *
 * Work a builtin hands over (`warm`, AnalysisHost.warm: 04's recount on every reconstruction) runs
 * in slices of `WARM_SLICE_MS`, one per task and after any task a cell waits for, and the cells
 * that read that builtin wait until it is done: they then find it made instead of doing it in one
 * long task. Other cells run meanwhile.
 */

import type { DeferInfo } from "../runtime/notebook-runtime";
import { RunCosts } from "./run-costs";

/** How far outside the viewport a cell still counts as on screen (it is about to be scrolled to). */
const MARGIN = "300px 0px";
/** A hidden frame gets no animation frames: deferred cells then run after this long anyway. */
const NO_FRAME_MS = 100;
/** How long one task may run cells far off screen before the rest wait for a paint. */
const SLICE_MS = 8;
/** How long one task may run work a builtin handed over (well under the 50 ms of a long task, few enough tasks). */
const WARM_SLICE_MS = 20;
/** How long one task may run cells on screen before the next one waits for a task of its own. */
const TASK_MS = 40;
/** Frames far cells wait at most for one that shows the cells on screen let run before it. */
const PAINT_TRIES = 3;
/** Microtask turns a far cell waits for the cells that became ready with it (a turn or two is enough). */
const READY_HOPS = 3;

/**
 * Resolves after the promise reactions already queued: the runtime starts every cell whose inputs
 * settled together in one run of the microtask queue, so those queued behind a far cell run first.
 */
function afterReadyCells(): Promise<void> {
  let wait = Promise.resolve();
  for (let i = 0; i < READY_HOPS; i++) wait = wait.then(() => undefined);
  return wait;
}

/** Cells near the viewport of one window, and the queue of the cells that wait. */
export class CellViewport {
  private readonly far = new Set<string>();
  private readonly ids = new WeakMap<Element, string>();
  /** Cells with an element on the page (a cell not drawn is neither near nor far). */
  private readonly watched = new Set<string>();
  private observer: IntersectionObserver | undefined;
  private painted: Promise<void> | undefined;
  private held: Promise<void> | undefined;
  private queue: Promise<void> = Promise.resolve();
  /** When the current task began running cells (undefined: none yet in this task). */
  private sliceStart: number | undefined;
  /** Cells queued and not yet let run. */
  private waiting = 0;
  /** Cells whose turn came: run when the runtime asks again. */
  private readonly granted = new Set<string>();
  /** Far cells that waited, in this task, for the cells that became ready with them. */
  private readonly looked = new Set<string>();
  /** After the paint: cells queued now only wait for a task of their own, not another paint. */
  private draining = false;
  /** When a cell on screen was last let run (performance.now()): the paint far cells wait for must come after it. */
  private nearRunAt = Number.NEGATIVE_INFINITY;
  /** Cells on screen waiting for a task of their own (TASK_MS): far cells wait for their paint too. */
  private nearWaiting = 0;
  /** Work handed over by builtin name (AnalysisHost.warm): to stop it when a newer arrives, and what the cells reading the name wait for. */
  private readonly warming = new Map<string, { stopped: boolean; done: Promise<void> }>();
  private readonly channel: MessageChannel;
  private readonly ticks: (() => void)[] = [];
  /** Tasks for handed-over work: each message runs a cell's task first, when one waits. */
  private readonly backgroundTicks: (() => void)[] = [];
  /** Each cell's expected run time from its recent runs (not the last alone). */
  private readonly costs = new RunCosts();

  constructor() {
    this.channel = new MessageChannel();
    this.channel.port1.onmessage = () => (this.ticks.shift() ?? this.backgroundTicks.shift())?.();
  }

  /** Track a cell's element (its `<nb-cell>`). */
  watch(element: Element, id: string): void {
    this.ids.set(element, id);
    this.watched.add(id);
    this.observer ??= new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const cell = this.ids.get(entry.target);
        if (cell === undefined) continue;
        if (entry.isIntersecting) this.far.delete(cell);
        else this.far.add(cell);
      }
    }, { rootMargin: MARGIN });
    this.observer.observe(element);
  }

  /** Stop tracking an element (removed from the page); its cell then runs at once again. */
  unwatch(element: Element): void {
    const id = this.ids.get(element);
    if (id !== undefined) {
      this.far.delete(id);
      this.watched.delete(id);
    }
    this.observer?.unobserve(element);
  }

  /**
   * Until the next paint, every cell waits (those on screen first, then the rest): after a switch
   * to a big file the filter bar's new N is drawn before any cell computes over a million rows.
   */
  paintFirst(): void {
    this.hold(this.afterPaint().then(() => undefined));
  }

  /**
   * For AnalysisHost.warm: run `steps` in slices of WARM_SLICE_MS, one slice per task, each after
   * the tasks cells wait for (those go first); cells reading `key` wait until the last step (or until a newer call with the same key stops it). A
   * step that throws ends the work: the cell that needs it meets the error itself.
   */
  warm(key: string, steps: Iterator<void>): void {
    const before = this.warming.get(key);
    if (before) before.stopped = true;
    const run = { stopped: false, done: Promise.resolve() };
    const work = async (): Promise<void> => {
      try {
        for (let done = false; !done && !run.stopped; ) {
          await this.nextTask("background");
          const start = performance.now();
          while (!run.stopped && performance.now() - start < WARM_SLICE_MS) {
            if (steps.next().done) {
              done = true;
              break;
            }
          }
        }
      } catch {
        // The view that needs this work redoes it and shows the error in its cell.
      } finally {
        if (this.warming.get(key) === run) this.warming.delete(key);
      }
    };
    // Cells reading `key` wait for the older work to stop too (it stops at its next slice).
    run.done = Promise.all([before?.done, work()]).then(() => undefined);
    this.warming.set(key, run);
  }

  /** What a cell reading `inputs` waits for before it runs (undefined: nothing). */
  private holdFor(inputs: readonly string[]): Promise<void> | undefined {
    const warming = inputs.flatMap((name) => this.warming.get(name)?.done ?? []);
    if (warming.length === 0) return this.held;
    return Promise.all([this.held, ...warming]).then(() => undefined);
  }

  /** Cells wait for `until` too (on screen or not). */
  private hold(until: Promise<void>): void {
    const hold: Promise<void> = Promise.all([this.held, until]).then(() => {
      if (this.held === hold) this.held = undefined;
    });
    this.held = hold;
  }

  /**
   * For RuntimeOptions.deferCell: undefined (run now) for a cell on screen, else when it may run.
   * A far cell that a cell on screen takes names from counts as on screen (that cell waits for it);
   * its last run keeps a far cell that would outlast the task's slice out of it.
   */
  defer(id: string, info: DeferInfo = { lastRunMs: undefined, dependents: [], inputs: [] }): Promise<void> | undefined {
    const lastRunMs = this.costs.expected(id, info.lastRunMs);
    const held = this.holdFor(info.inputs);
    // Every cell started in this task counts against its slice, those on screen too.
    const age = this.taskAge();
    // The runtime asks again after every wait: a cell whose turn came runs now.
    if (this.granted.delete(id)) return undefined;
    if (!this.far.has(id) || info.dependents.some((d) => this.watched.has(d) && !this.far.has(d))) {
      if (held) return held;
      // On screen too, a cell whose last run would take this task past TASK_MS waits for the next
      // task (not for a paint): it is then the first there and runs (issue 12, no long tasks).
      if (age > 0 && age + lastRunMs > TASK_MS) {
        this.nearWaiting++;
        return this.nextTask().then(() => void this.nearWaiting--);
      }
      this.nearRunAt = performance.now();
      return undefined;
    }
    // A cell far off screen never goes before the cells on screen that became ready with it (the
    // runtime starts them in its own order): it is asked again once they have run, and runs in
    // this task only if it still fits in the task's slice then.
    if (held === undefined && this.mayRunNow(age, lastRunMs)) {
      if (this.looked.delete(id)) return undefined;
      this.looked.add(id);
      return afterReadyCells();
    }
    this.looked.delete(id);
    return this.enqueue(id, held);
  }

  private mayRunNow(age: number, cost: number): boolean {
    return this.held === undefined && this.waiting === 0 && !this.draining && age + cost < SLICE_MS;
  }

  /** Let a far cell run after the next paint (once per burst), then one cell per task. */
  private enqueue(id: string, held: Promise<void> | undefined): Promise<void> {
    this.waiting++;
    // After the next paint (once per burst), one cell per task (a message: timers are clamped to 4 ms).
    const start = this.draining ? undefined : (this.painted ??= this.paintAfterNear().then(() => {
      this.painted = undefined;
      this.draining = true;
    }));
    const turn = this.queue.then(() => Promise.all([start, held])).then(() => this.nextTask());
    this.queue = turn;
    // Registered before the runtime's own reaction, so it runs before the cell: a dependent the
    // cell defers in the same task finds `waiting` > 0 again before the burst is checked.
    void turn.then(() => {
      this.granted.add(id);
      if (--this.waiting === 0) void this.nextTask().then(() => (this.draining = this.waiting > 0));
    });
    return turn;
  }

  /** How long ago the current task began running cells (0 for the first). */
  private taskAge(): number {
    const now = performance.now();
    if (this.sliceStart === undefined) {
      this.sliceStart = now;
      // Cleared at the next task: each task gets its own slice.
      void this.nextTask().then(() => {
        this.sliceStart = undefined;
        this.looked.clear();
      });
    }
    return now - this.sliceStart;
  }

  /**
   * After a paint that shows every cell on screen let run so far. A frame drawn before such a cell
   * ran, or while one waits for a task of its own (TASK_MS), does not count: the filter bar's own
   * frame, drawn between the input's task and the next one that runs a cell on screen, would
   * otherwise let the cells far below run before that cell is painted, and hold its paint back.
   */
  private async paintAfterNear(): Promise<void> {
    // A few frames at most: a cell on screen that reruns on every frame (a generator) must not keep
    // the cells below from running.
    for (let frames = 0; frames < PAINT_TRIES; frames++) {
      const frameAt = await this.afterPaint();
      if (frameAt === undefined || (this.nearWaiting === 0 && this.nearRunAt < frameAt)) return;
    }
  }

  /** After the next paint: when that frame began (undefined: no frame came, a hidden frame). */
  private afterPaint(): Promise<number | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), NO_FRAME_MS);
      requestAnimationFrame(() => {
        const frameAt = performance.now();
        setTimeout(() => {
          clearTimeout(timer);
          resolve(frameAt);
        });
      });
    });
  }

  private nextTask(kind: "cell" | "background" = "cell"): Promise<void> {
    return new Promise((resolve) => {
      (kind === "cell" ? this.ticks : this.backgroundTicks).push(resolve);
      this.channel.port2.postMessage(null);
    });
  }
}

let shared: CellViewport | undefined;

/** The viewport tracker of this window (one notebook per frame). */
export function cellViewport(): CellViewport {
  return (shared ??= new CellViewport());
}

/**
 * Which cells of the notebook in this window are in view, near it or far off screen, so the
 * runtime runs them in that order (issue 12). After a change, the cells in the viewport itself —
 * and the cells they take names from, wherever those are — run at once; every other cell waits
 * for the paint that shows them. Then the cells within `MARGIN` of the viewport (the reader is
 * about to scroll to them) run, then the rest, one cell per task, so the page answers input
 * between the cells below. Cells in view run in one task unless their last runs add up past
 * `TASK_MS`: the one that would pass it starts the next. Every cell still runs and its value is
 * current (`idle()` waits for it); only the order and the tasks change.
 *
 * The margin is measured against the frame's own document (`root`): the notebook runs in a
 * cross-origin (sandboxed) frame, where an observer with the implicit root ignores `rootMargin`
 * (measured in Chromium: a cell 100 px below the viewport did not intersect with a 300 px margin),
 * so until stop 25 "near" meant "in view" and the cells just below ran last, after those far below.
 *
 * `<nb-cell>` registers its element; `deferCell` is given to the NotebookRuntime. A cell whose
 * position is not known yet (not drawn, or the observer has not reported) runs at once.
 *
 * Work a builtin hands over (`warm`, AnalysisHost.warm: 04's recount on every reconstruction) runs
 * in slices of `WARM_SLICE_MS` (ended after a step when a click waits: input-pending.ts), one per
 * task and after any task a cell waits for, and the cells
 * that read that builtin wait until it is done: they then find it made instead of doing it in one
 * long task. Other cells run meanwhile. A cell in the viewport itself whose runs are short does not
 * wait: what the reader looks at may need only a little of that work (04's flagged table
 * classifies its 25 figures, not all 727: reconciliation-evidence.ts, `evidenceOfCells`). A view
 * that does need all of it (04's summary) makes that run long: such a cell then waits, and is let
 * go again only now and then to see whether it still needs the work (hold-rule.ts: the rule decides
 * on its recent runs, not one, and decays), so one load spike does not hold a short cell for good.
 */

import type { DeferInfo } from "../runtime/notebook-runtime";
import { HoldRule } from "./hold-rule";
import { inputPendingOf } from "./input-pending";
import { RunCosts } from "./run-costs";

/** How far outside the viewport a cell counts as near (it is about to be scrolled to): it runs before those further away. */
const MARGIN = "300px 0px";
/** A hidden frame gets no animation frames: deferred cells then run after this long anyway. */
const NO_FRAME_MS = 100;
/** How long one task may run work a builtin handed over (well under the 50 ms of a long task, few enough tasks). */
const WARM_SLICE_MS = 20;
/** How long one task may run cells on screen before the next one waits for a task of its own. */
const TASK_MS = 40;
/**
 * A cell on screen is split off into a task of its own (TASK_MS) only once the cells let run before
 * it in this task took at least this long: after less, the split would shorten the task that runs it
 * by no more than that, and would let a frame be drawn without it (the filter bar's alone).
 */
const SPLIT_AFTER_MS = 8;
/** A long task (the Long Tasks API's threshold): a split that keeps a task under it is made, whatever ran before. */
const LONG_TASK_MS = 50;
/**
 * A cell in the viewport whose runs take at most this long does not wait for work handed over, and
 * one let go so that took longer waits for it (hold-rule.ts, which decides on its recent runs): whatever fits in
 * one task short of a long one. It was WARM_SLICE_MS (20 ms) until stop 29: 04's flagged table's own
 * recount of its ~20 rows per draw takes 15–25 ms idle, so at twice that under load it crossed 20
 * ms, and then 40 ms (then held for good, until stop 30), and the table in view waited for all 50 draws'
 * recount (viewport 90–190 ms under 2× CPU throttling against 25–60 ms let go).
 */
const OWN_WORK_MS = LONG_TASK_MS;
/** Frames the cells out of view wait at most for one that shows the cells in view let run before it. */
const PAINT_TRIES = 3;

/** Where a cell stands: in view (or not known: runs at once), within the margin, or far off screen. */
const enum Place {
  View = 0,
  Margin = 1,
  Far = 2,
}

/** A cell out of view waiting for its turn (one per task, nearest place first). */
interface Turn {
  id: string;
  place: Place;
  /** False while what it is held for (handed-over work, `paintFirst`) is not done. */
  ready: boolean;
  /** The names it reads: work handed over under one of them after it was queued holds it too. */
  inputs: readonly string[];
  go: () => void;
}

/** Where the cells of one window stand against its viewport, and the queue of the cells that wait. */
export class CellViewport {
  /** Cells outside the viewport and its margin. */
  private readonly far = new Set<string>();
  private readonly ids = new WeakMap<Element, string>();
  /** Cells with an element on the page (a cell not drawn is neither near nor far). */
  private readonly watched = new Set<string>();
  private observer: IntersectionObserver | undefined;
  /** Cells in the viewport itself (no margin): the reader sees them now. */
  private readonly inView = new Set<string>();
  /** Cells the viewport observer reported outside the viewport (in the margin unless also `far`). */
  private readonly outOfView = new Set<string>();
  private viewObserver: IntersectionObserver | undefined;
  private painted: Promise<void> | undefined;
  /** The paint `nextPaint` waits for, until its frame begins (a caller after that waits for the next one). */
  private upcoming: Promise<void> | undefined;
  private held: Promise<void> | undefined;
  /** Cells out of view waiting for their turn, in the order they were asked. */
  private readonly turns: Turn[] = [];
  /** When the current task let its first cell run (undefined: none yet in this task). */
  private sliceStart: number | undefined;
  /** The expected run times of the cells let run in the current task, summed (the runtime may ask for several before it runs the first); a run that settled counts at its real time. */
  private sliceExpected = 0;
  /** The cells let run in the current task whose run has not settled, with the time expected of it. */
  private readonly sliceUnsettled = new Map<string, number>();
  /** Cells whose turn came: run when the runtime asks again. */
  private readonly granted = new Set<string>();
  /** After the paint: the queued cells run one per task; cells queued now wait for a task, not another paint. */
  private draining = false;
  /** A task that lets the next queued cell run is on its way. */
  private pumping = false;
  /** When a cell in view was last let run (performance.now()): the paint the others wait for must come after it. */
  private nearRunAt = Number.NEGATIVE_INFINITY;
  /** Cells in view waiting for a task of their own (TASK_MS): the others wait for their paint too. */
  private nearWaiting = 0;
  /** Work handed over by builtin name (AnalysisHost.warm): to stop it when a newer arrives, and what the cells reading the name wait for. */
  private readonly warming = new Map<string, { stopped: boolean; done: Promise<void> }>();
  private readonly channel: MessageChannel;
  private readonly ticks: (() => void)[] = [];
  /** Tasks for handed-over work: each message runs a cell's task first, when one waits. */
  private readonly backgroundTicks: (() => void)[] = [];
  /** Which cells in view wait for handed-over work, from the runs they were let go for without it (hold-rule.ts). */
  private readonly holdRule = new HoldRule(OWN_WORK_MS);
  /** Each cell's expected run time from its recent runs (not the last alone). */
  private readonly costs = new RunCosts();
  /** Whether a click or key press waits for the thread (always no where the browser cannot tell). */
  private readonly inputWaits = inputPendingOf(typeof navigator === "undefined" ? undefined : navigator);

  constructor() {
    this.channel = new MessageChannel();
    this.channel.port1.onmessage = () => (this.ticks.shift() ?? this.backgroundTicks.shift())?.();
  }

  /** Track a cell's element (its `<nb-cell>`). */
  watch(element: Element, id: string): void {
    this.ids.set(element, id);
    this.watched.add(id);
    // Against the frame's own document: with the implicit root, a cross-origin frame's observer
    // ignores rootMargin (see the file comment).
    this.observer ??= new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const cell = this.ids.get(entry.target);
        if (cell === undefined) continue;
        if (entry.isIntersecting) this.far.delete(cell);
        else this.far.add(cell);
      }
    }, { root: element.ownerDocument, rootMargin: MARGIN });
    this.observer.observe(element);
    this.viewObserver ??= new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const cell = this.ids.get(entry.target);
        if (cell === undefined) continue;
        if (entry.isIntersecting) this.inView.add(cell);
        else this.inView.delete(cell);
        if (entry.isIntersecting) this.outOfView.delete(cell);
        else this.outOfView.add(cell);
      }
    });
    this.viewObserver.observe(element);
  }

  /** Stop tracking an element (removed from the page); its cell then runs at once again. */
  unwatch(element: Element): void {
    const id = this.ids.get(element);
    if (id !== undefined) {
      this.far.delete(id);
      this.inView.delete(id);
      this.outOfView.delete(id);
      this.watched.delete(id);
    }
    this.observer?.unobserve(element);
    this.viewObserver?.unobserve(element);
  }

  /**
   * Whether the reader sees cell `id` now: in the viewport, or its place not known yet (not drawn,
   * or not reported by the observer), which counts as in view, as it does for running it.
   */
  isInView(id: string): boolean {
    return !this.watched.has(id) || this.inView.has(id) || !this.outOfView.has(id);
  }

  /**
   * After the next paint (or NO_FRAME_MS in a hidden frame): for what a cell out of view may draw
   * late without the reader seeing it wait (nb-cell: its "running…" status). Every cell that asks
   * before that frame begins waits for the same one, through one frame callback and one timer (issue
   * 12: on 01 each of the cells a change makes pending out of view asked for its own, ~19 of each in
   * the change's first task, before the frame that shows the cells in view).
   */
  nextPaint(): Promise<void> {
    if (this.upcoming) return this.upcoming;
    const upcoming = this.afterPaint(() => {
      if (this.upcoming === upcoming) this.upcoming = undefined;
    }).then(() => {
      if (this.upcoming === upcoming) this.upcoming = undefined;
    });
    this.upcoming = upcoming;
    return upcoming;
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
          // A slice ends at WARM_SLICE_MS, or after a step when input waits: a click then waits for
          // that step, not for the rest of the slice (input-pending.ts).
          for (let stepped = false; !run.stopped && performance.now() - start < WARM_SLICE_MS && !(stepped && this.inputWaits()); stepped = true) {
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
   * For RuntimeOptions.deferCell: undefined (run now) for a cell in view, else when it may run.
   * A cell takes the nearest place of the cells that take names from it (they wait for it): a
   * far cell that a cell in view reads runs with the cells in view.
   */
  defer(id: string, info: DeferInfo = { lastRunMs: undefined, dependents: [], inputs: [] }): Promise<void> | undefined {
    const lastRunMs = this.costs.expected(id, info.lastRunMs);
    // In the viewport with short runs: not held back by work handed over (see the file comment).
    const held = this.holdFor(this.mayGoUnheld(id, info.lastRunMs, lastRunMs) ? [] : info.inputs);
    // The runtime asks again after every wait: a cell whose turn came runs now.
    if (this.granted.delete(id)) return undefined;
    const place = this.placeOf(id, info.dependents);
    if (place !== Place.View) return this.enqueue(id, place, held, info.inputs);
    if (held) return held;
    // A cell whose last run would take this task past TASK_MS waits for the next task (not for a
    // paint): it is then the first there and runs (issue 12, no long tasks). The first cell let
    // run in a task always runs: splitting it off would only let a frame without it be drawn. So
    // does one after cells that took (and were expected to take) under SPLIT_AFTER_MS, unless the
    // split is what keeps its task from being a long one (02 mid-page: a chart's definition, then
    // its comparison, whose estimate a slow run under load had put past TASK_MS).
    // What this task holds so far: the time it has run, or the runs it has let go, if more.
    const age = this.sliceStart === undefined ? 0 : Math.max(performance.now() - this.sliceStart, this.sliceExpected);
    const splitHelps = age >= SPLIT_AFTER_MS || (lastRunMs < LONG_TASK_MS && age + lastRunMs > LONG_TASK_MS);
    if (age > 0 && splitHelps && age + lastRunMs > TASK_MS) {
      this.nearWaiting++;
      return this.nextTask().then(() => void this.nearWaiting--);
    }
    this.letRun();
    this.sliceExpected += lastRunMs;
    this.sliceUnsettled.set(id, lastRunMs);
    this.nearRunAt = performance.now();
    return undefined;
  }

  /** Where cell `id` stands, or the nearest place of a cell on the page that waits for it. */
  private placeOf(id: string, dependents: readonly string[]): Place {
    const place = (cell: string): Place => (this.far.has(cell) ? Place.Far : this.outOfView.has(cell) ? Place.Margin : Place.View);
    let nearest = place(id);
    for (const d of dependents) if (nearest > Place.View && this.watched.has(d)) nearest = Math.min(nearest, place(d));
    return nearest;
  }

  /**
   * Whether cell `id` may run without waiting for work handed over: in the viewport, short runs,
   * and the hold rule does not say it needs the work (`last`: its last run time as the
   * runtime reports it; `expected`: from its recent runs).
   */
  private mayGoUnheld(id: string, last: number | undefined, expected: number): boolean {
    // Asked first: it sees the run that ended since the last ask (a sample if it was let go so).
    const mustWait = this.holdRule.mustWait(id, last);
    if (!this.inView.has(id) || expected > OWN_WORK_MS || mustWait) return false;
    if (this.warming.size > 0) this.holdRule.letGo(id);
    return true;
  }

  /**
   * Queue a cell out of view: after the paint that shows the cells in view (once per burst), one
   * cell per task, those in the margin before those far off, each in the order asked (the runtime
   * asks in an order of its own: without the places, the cells furthest down ran first).
   */
  private enqueue(id: string, place: Place, held: Promise<void> | undefined, inputs: readonly string[]): Promise<void> {
    return new Promise((go) => {
      const turn: Turn = { id, place, ready: held === undefined, inputs, go };
      this.turns.push(turn);
      if (held) this.readyAfter(turn, held);
      if (this.draining) return this.pump();
      this.painted ??= this.paintAfterNear().then(() => {
        this.painted = undefined;
        this.draining = true;
        this.pump();
      });
    });
  }

  /** `turn` is ready once `until` is done. */
  private readyAfter(turn: Turn, until: Promise<void>): void {
    turn.ready = false;
    void until.then(() => {
      turn.ready = true;
      this.pump();
    });
  }

  /**
   * Whether `turn` now waits for work handed over under a name it reads since it was queued (it then
   * is ready again once that is done). A cell is queued when the change reaches it, often before the
   * cell that hands the work over has run: 06's what-if, queued with the filter change, waits under
   * `filter` for the measurement of its sides, which the evaluation hands over (issue 12).
   */
  private heldByNewWork(turn: Turn): boolean {
    const warming = turn.inputs.flatMap((name) => this.warming.get(name)?.done ?? []);
    if (warming.length === 0) return false;
    this.readyAfter(turn, Promise.all(warming).then(() => undefined));
    return true;
  }

  /** While draining, let the nearest ready cell run in a task of its own (a message: timers are clamped to 4 ms). */
  private pump(): void {
    if (!this.draining || this.pumping) return;
    this.pumping = true;
    void this.nextTask().then(() => {
      this.pumping = false;
      const ready = this.turns.filter((t) => t.ready && !this.heldByNewWork(t));
      const next = ready.find((t) => t.place === Place.Margin) ?? ready[0];
      if (next) {
        this.turns.splice(this.turns.indexOf(next), 1);
        this.granted.add(next.id);
        // Resolved before the runtime's own reaction runs the cell: a dependent it defers in this
        // task finds the queue non-empty and keeps draining.
        next.go();
      }
      if (this.turns.some((t) => t.ready)) this.pump();
      // Nothing left: the next burst waits for its paint again (a cell queued in this task still drains).
      else if (this.turns.length === 0) void this.nextTask().then(() => (this.draining = this.turns.length > 0));
    });
  }

  /**
   * For RuntimeOptions.onRunSettled: a cell let run in this task has finished, in `runMs`. Its
   * expected time leaves the task's sum and its real time takes its place. Without this a cell
   * whose expected time still held a long first run (04's `rec` after open: 28–133 ms expected, 4–6
   * ms run) made the task look full, and the cell in view that reads it waited for a task of its
   * own — with a background slice often run before the paint (04's first change, p04f's traces).
   */
  settled(id: string, runMs: number | undefined): void {
    const expected = this.sliceUnsettled.get(id);
    if (expected === undefined) return;
    this.sliceUnsettled.delete(id);
    this.sliceExpected += (runMs ?? expected) - expected;
  }

  /** A cell runs in this task: the task's TASK_MS budget starts with the first (cleared at the next task). */
  private letRun(): void {
    if (this.sliceStart !== undefined) return;
    this.sliceStart = performance.now();
    this.sliceExpected = 0;
    this.sliceUnsettled.clear();
    void this.nextTask().then(() => (this.sliceStart = undefined));
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

  /** After the next paint: when that frame began (undefined: no frame came, a hidden frame); `begins` is called as the frame begins. */
  private afterPaint(begins?: () => void): Promise<number | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), NO_FRAME_MS);
      requestAnimationFrame(() => {
        begins?.();
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

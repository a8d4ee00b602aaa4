/**
 * Optional work run only when the thread has nothing else to do: a step at a time, for a few ms of
 * each turn at most, then wait for the next turn. Used for work ahead of the reader in the open
 * notebook's frame (analysis/evidence/warm-counties.ts), which must cost the notebook's own runs
 * nothing: a filter change, a scroll or a frame to draw waits at most for the turn under way.
 *
 * Surprising: the turns are background-priority tasks (`scheduler.postTask`), not idle callbacks
 * where the browser has both. Traced in Chromium, the notebook frame (a sandboxed frame in a
 * renderer of its own) got no idle period while it sat still — 0 idle callbacks in 3 s with its
 * main thread 0 % busy — only the short ones after a frame it drew; the shell's page got 20 a
 * second. A background task runs whenever no other task of the frame is waiting. Without either,
 * nothing runs (the work is optional, never a timer instead).
 */

import { stepPerTask, type RunSteps } from "../../analysis/work-ahead";
import { inputPendingOf } from "../input-pending";

/** What a turn needs of its window. */
export interface IdleStepsWindow {
  scheduler?: { postTask(callback: () => void, options: { priority: "background" }): Promise<unknown> };
  requestIdleCallback?: (callback: (deadline: { timeRemaining(): number }) => void) => number;
  performance: { now(): number };
  /** Its navigator: where the browser tells whether input waits (input-pending.ts). */
  navigator?: object;
}

/**
 * One turn of background work: `run` is called when the thread is free, with the ms it may still
 * use and, where the browser tells, whether input waits now (the turn then ends after its step).
 */
export type BackgroundTurn = (run: (timeLeft: () => number, inputWaits?: () => boolean) => void) => void;

/**
 * A step starts only while the turn has more than this left, and, after a turn's first step, more
 * than the step before it took: a step is a few ms (one printed table of one county over the 49
 * reconstructions, 0.3–3 ms in Chromium).
 */
export const STEP_MARGIN_MS = 1;

/**
 * Steps start in one turn only within this many ms of its start. An idle period's deadline does
 * not move when the reader clicks, and a background task is not cut short by one, so a turn holds
 * a click for at most this plus one step; where the browser says input waits (input-pending.ts),
 * for the step under way only.
 */
export const CALLBACK_BUDGET_MS = 8;

/** The window's turns of background work: background tasks, else idle callbacks, else none. */
export function backgroundTurns(win: IdleStepsWindow): BackgroundTurn | undefined {
  const now = (): number => win.performance.now();
  const inputWaits = inputPendingOf(win.navigator);
  const scheduler = win.scheduler;
  if (scheduler) {
    return (run) => {
      void scheduler.postTask(() => {
        const end = now() + CALLBACK_BUDGET_MS;
        run(() => end - now(), inputWaits);
      }, { priority: "background" });
    };
  }
  const request = win.requestIdleCallback?.bind(win);
  if (!request) return undefined;
  return (run) => {
    request((deadline) => {
      const end = now() + CALLBACK_BUDGET_MS;
      run(() => Math.min(deadline.timeRemaining(), end - now()), inputWaits);
    });
  };
}

/**
 * Run `steps` in turns while `wanted()` holds. Resolves with the number of steps run: all of them,
 * fewer when `wanted()` stopped holding, none without turns; rejects with the error of a step that
 * throws.
 */
export function runInIdle(turn: BackgroundTurn | undefined, steps: Iterable<() => void>, wanted: () => boolean): Promise<number> {
  if (!turn) return Promise.resolve(0);
  const it = steps[Symbol.iterator]();
  let ran = 0;
  return new Promise((resolve, reject) => {
    // How long the last step took: a step after the first of a turn starts only while the turn has
    // that much left, so a turn ends within its budget, not up to a whole step past it.
    let last = 0;
    // Input waiting (a click) ends the turn after its step, not at its budget: the click then waits
    // for one step. A turn's first step runs whatever it says, so the work always gets on.
    const run = (timeLeft: () => number, inputWaits: () => boolean = () => false): void => {
      try {
        for (let inTurn = 0; timeLeft() > STEP_MARGIN_MS && (inTurn === 0 || (timeLeft() >= last && !inputWaits())); inTurn++) {
          if (!wanted()) return resolve(ran);
          const next = it.next();
          if (next.done === true) return resolve(ran);
          const before = timeLeft();
          next.value();
          last = before - timeLeft();
          ran++;
        }
      } catch (error) {
        // A step that throws is a bug: it is reported, and the steps after it are not run.
        return reject(error instanceof Error ? error : new Error(String(error)));
      }
      turn(run);
    };
    turn(run);
  });
}

/** The User Timing measure around each step of a spare frame's work ahead ({@link backgroundSteps}), for traces and the bench. */
export const SPARE_AHEAD_MEASURE = "tv-spare-ahead";

/**
 * `steps`, each leaving a User Timing measure `name` (its duration, where a trace or the bench
 * finds it: a step is what a click waits behind, so each is measured, not only the turns).
 */
export function* timedSteps(steps: Iterable<() => void>, name: string): Generator<() => void, void, undefined> {
  for (const step of steps) {
    yield () => {
      const start = performance.now();
      step();
      performance.measure(name, { start, end: performance.now() });
    };
  }
}

/**
 * Steps run in `win`'s background turns ({@link runInIdle}) for work the core hands over
 * (analysis/work-ahead.ts): a spare frame's work ahead, each step measured
 * ({@link SPARE_AHEAD_MEASURE}). Where the window has no turns, one step per task, as before there
 * were turns: that work is what makes the next notebook open fast.
 */
export function backgroundSteps(win: IdleStepsWindow): RunSteps {
  const turn = backgroundTurns(win);
  return turn ? (steps, wanted) => runInIdle(turn, timedSteps(steps, SPARE_AHEAD_MEASURE), wanted) : stepPerTask;
}

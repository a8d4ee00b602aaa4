import { CellFailure, timeoutError } from "./runtime-error";

/** The functions compiled cells call to stop runaway loops; one set per NotebookRuntime. */
export interface LoopGuard {
  /** Called at the top of every loop body; throws a timeout CellFailure when the stretch is too long. */
  guard: () => void;
  /**
   * Called with the result of every await/yield: a new synchronous stretch starts there if the
   * last one ended (a microtask ran since); a sync generator resumed within its caller's stretch
   * goes on counting it.
   */
  resumed: (value: unknown) => unknown;
  /** Called when a cell body starts running: a new stretch starts there. */
  reset: () => void;
}

/** How many guard calls pass between clock reads (reading the clock on every iteration costs). */
const CHECK_EVERY = 64;

/**
 * A loop guard that measures the current synchronous stretch (and, given `long`, reports once when a
 * stretch has lasted `afterMs`) — the time since the cell started,
 * resumed after await/yield, or since the first loop iteration of a fresh task. A queued microtask
 * marks the end of the stretch, so a loop in an event handler defined by a cell is measured from
 * its own start and not from when the cell last ran.
 */
export function createLoopGuard(timeoutMs: number, now: () => number = () => performance.now(), long?: { afterMs: number; report: () => void }): LoopGuard {
  let armed = false;
  let start = 0;
  let count = 0;
  let reported = false;
  const disarm = () => {
    armed = false;
  };
  const reset = () => {
    start = now();
    count = 0;
    reported = false;
    if (!armed) {
      armed = true;
      queueMicrotask(disarm);
    }
  };
  const guard = () => {
    if (!armed) {
      reset();
      return;
    }
    if (++count % CHECK_EVERY !== 0) return;
    const elapsed = now() - start;
    // Said once per stretch, while the loop still runs: a host watching from outside learns which
    // cell is spinning before the limit (or the user) stops it.
    if (long && !reported && elapsed > long.afterMs) {
      reported = true;
      long.report();
    }
    if (elapsed > timeoutMs) throw new CellFailure(timeoutError(timeoutMs));
  };
  const resumed = (value: unknown) => {
    // Only a stretch that ended starts anew: a sync generator's `yield` resumes inside the stretch
    // of the code that pulls it (a `for…of` over it, `Array.from`), which a reset there would never
    // let run long, so a cell looping over an endless nested generator ran forever. Every await
    // resumes after the stretch's queued microtask (queued at its start), so it still starts one.
    if (!armed) reset();
    return value;
  };
  return { guard, resumed, reset };
}

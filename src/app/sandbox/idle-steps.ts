/**
 * Optional work run only in the browser's idle periods (`requestIdleCallback`): a step at a time
 * while the idle period has time left, then wait for the next one. Used for work ahead of the
 * reader in the open notebook's frame (analysis/evidence/warm-counties.ts), which must cost the
 * notebook's own runs nothing: an idle callback runs only when the thread has no task waiting and
 * no frame to draw, so a filter change or a scroll waits at most for the one step under way.
 * Without `requestIdleCallback` nothing runs (the work is optional, never a fallback timer).
 */

/** What a step needs of the idle period it runs in. */
export interface IdleDeadlineLike {
  timeRemaining(): number;
}

/** What this needs of the frame's window. */
export interface IdleStepsWindow {
  requestIdleCallback?: (callback: (deadline: IdleDeadlineLike) => void) => number;
}

/**
 * A step starts only while the idle period has more than this left: a step is a few ms (one
 * printed table of one county over the 49 reconstructions, 0.3–3 ms in Chromium), so it ends within
 * the period, which is at most 50 ms and ends early when a frame is due.
 */
export const STEP_MARGIN_MS = 4;

/**
 * Run `steps` in idle periods of `win` while `wanted()` holds. Resolves with the number of steps
 * run: all of them, fewer when `wanted()` stopped holding, none without `requestIdleCallback`;
 * rejects with the error of a step that throws.
 */
export function runInIdle(win: IdleStepsWindow, steps: Iterable<() => void>, wanted: () => boolean): Promise<number> {
  const request = win.requestIdleCallback?.bind(win);
  if (!request) return Promise.resolve(0);
  const it = steps[Symbol.iterator]();
  let ran = 0;
  return new Promise((resolve, reject) => {
    const period = (deadline: IdleDeadlineLike): void => {
      try {
        while (deadline.timeRemaining() > STEP_MARGIN_MS) {
          if (!wanted()) return resolve(ran);
          const next = it.next();
          if (next.done === true) return resolve(ran);
          next.value();
          ran++;
        }
      } catch (error) {
        // A step that throws is a bug: it is reported, and the steps after it are not run.
        return reject(error instanceof Error ? error : new Error(String(error)));
      }
      request(period);
    };
    request(period);
  });
}

/**
 * Plot's chunk loaded in a spare notebook frame once the frame has parsed the survey it was primed
 * with (issue 12: notebook 05 from the sidebar). Plot is a chunk of its own that the stdlib loads
 * when a cell first names `Plot` (runtime/stdlib.ts); a notebook whose cells call Plot themselves
 * (05) otherwise waits for its download and evaluation in its opening. Loaded here, the stdlib's
 * `import()` finds the module evaluated and asks for nothing.
 *
 * Surprising, and why it is safe: a spare shares the open notebook's renderer thread (spare-timing.ts),
 * so the chunk's evaluation could land in a filter change there. Traced in Chromium, the chunk is
 * parsed off the main thread and evaluated in one task of 5–20 ms (traced at load 10), about a
 * step of the spare's other work ahead, which it does not wait for: that work grew with 06's
 * crosswalk and did not end before a reader's next click 3.5 s later under load. It starts from a
 * background-priority task (once no other task of the thread waits; an idle callback, where there
 * is no scheduler, never fired in a frame sitting still — idle-steps.ts — and Plot loaded on its
 * timeout), and only while no notebook has opened in the frame: the first notebook's frame,
 * handed the survey's files (if at all) only once its scripts are in, has its notebook open long
 * before it could have parsed them, so the first opening does not load it (plot-ahead.test.ts).
 */

/** An idle callback at most this long after it was asked for, so a busy page still gets Plot. */
const IDLE_TIMEOUT_MS = 2000;

/** What this needs of the frame's window. */
export interface IdleWindow {
  scheduler?: { postTask(callback: () => void, options: { priority: "background" }): Promise<unknown> };
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  setTimeout: (callback: () => void, ms: number) => unknown;
}

/**
 * Load Plot's chunk in the next background task (else idle period) of `win`, if `wanted()` still holds then (no notebook
 * has opened in the frame since). Resolves true once Plot is loaded, false when it was not wanted
 * any more or did not load (a notebook that names Plot then loads it itself and shows the error).
 */
export function loadPlotAhead(win: IdleWindow, wanted: () => boolean, load: () => Promise<unknown> = () => import("@observablehq/plot")): Promise<boolean> {
  return new Promise<void>((resolve) => {
    if (win.scheduler) void win.scheduler.postTask(resolve, { priority: "background" });
    else if (win.requestIdleCallback) win.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else win.setTimeout(resolve, 0);
  }).then(() =>
    wanted()
      ? load().then(
          () => true,
          () => false,
        )
      : false,
  );
}

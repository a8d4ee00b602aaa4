/**
 * How work done ahead of the reader runs its steps (issue 12: the work that runs while a reader
 * pauses must never make a click wait). The core hands over small steps; the host decides when
 * they run. In the browser that is background turns of a few ms each (app/sandbox/idle-steps.ts):
 * a spare notebook frame shares the open notebook's thread, so each of its tasks is one a click in
 * that notebook may wait behind. In Node (tests, the headless runner) it is one step per task.
 */

/**
 * Reconstructions computed in one step of the open notebook's work ahead under a county
 * (kernel-evidence-ahead.ts `computingAhead`, compare-evidence.ts `classifyingAhead`): a few ms of
 * CPU at most, where all 49 of a county in one step were up to 35–45 ms of CPU in Node (03's
 * statistics, 01's tables; bench/step-cpu.ts), a task a click in that notebook waited behind.
 */
export const DRAWS_AHEAD_PER_STEP = 5;

/**
 * Runs `steps` in order, between other tasks, while `wanted()` holds (asked before each step);
 * resolves when done or stopped, rejects with the error of a step that throws.
 */
export type RunSteps = (steps: Iterable<() => void>, wanted: () => boolean) => Promise<unknown>;

/** One step per macrotask: the runner where the host gives none. */
export const stepPerTask: RunSteps = async (steps, wanted) => {
  for (const step of steps) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!wanted()) return;
    step();
  }
};

/** A later turn of `run`: resolves once it has run one (empty) step. */
export function nextTurn(run: RunSteps): Promise<void> {
  return new Promise((resolve, reject) => {
    run([resolve], () => true).catch(reject);
  });
}

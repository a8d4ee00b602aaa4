/**
 * Work written as steps (a generator that yields between them) run to its end at once: the same
 * code serves a caller that needs the result now and a host that runs the steps a few at a time
 * between tasks (AnalysisHost.warm), so both get one result from one computation.
 */

/** A computation in steps: yields between them, returns its result. */
export type Steps<T> = Generator<void, T, undefined>;

/** Run every step of `steps` now and return the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

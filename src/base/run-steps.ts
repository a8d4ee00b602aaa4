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

/**
 * A computation in steps made when its first step runs (`make`), as one function per step for a
 * host that runs them between tasks (app/sandbox/idle-steps.ts). Lazy: whether there is another
 * step is known only once the one before it has run, so each must run before the next is asked
 * for (asking first throws: a spread of the list would never end).
 */
export function* stepFunctions(make: () => Steps<unknown>): Generator<() => void, void, undefined> {
  let steps: Steps<unknown> | undefined;
  let done = false;
  let ran = true;
  while (!done) {
    if (!ran) throw new Error("stepFunctions: a step was asked for before the one before it ran");
    ran = false;
    yield () => {
      ran = true;
      steps ??= make();
      done = steps.next().done === true;
    };
  }
}

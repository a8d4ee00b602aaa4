/**
 * The one shape for expected failures. Every boundary that reads something untrusted — a file, a
 * share link, a URL filter, a notebook file, a builtin's arguments — returns a `Result` instead of
 * throwing, and its `Problem` says what is wrong *and the fix* in one sentence a person can act on.
 *
 * Where a Result cannot be returned because the caller is cell code (a builtin called from a
 * notebook), the builtin throws a `ProblemError` carrying the same Problem, so the cell shows the
 * message. Bugs stay plain `Error`s. The policy is written in docs/decisions.md ("Failures").
 */

/** An expected failure: a stable `kind` for code and tests, and a message that ends with the fix. */
export interface Problem<K extends string = string> {
  readonly kind: K;
  /** What is wrong and what to do about it ("… Fix: …" or an imperative second sentence). */
  readonly message: string;
}

/** Success with a value, or an expected failure with its Problem. */
export type Result<T, P extends Problem = Problem> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: P };

/** A successful Result. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** A failed Result. */
export function fail<P extends Problem>(error: P): { readonly ok: false; readonly error: P } {
  return { ok: false, error };
}

/** A failed Result built from its kind and message. */
export function problem<K extends string>(kind: K, message: string): { readonly ok: false; readonly error: Problem<K> } {
  return { ok: false, error: { kind, message } };
}

/**
 * The thrown form of a Problem, for the one place a Result cannot travel: out of a builtin into the
 * cell that called it. The runtime shows `message` on the cell.
 */
export class ProblemError<P extends Problem = Problem> extends Error {
  override readonly name = "ProblemError";
  readonly problem: P;
  constructor(problem: P, options?: { cause?: unknown }) {
    super(problem.message, options);
    this.problem = problem;
  }
}

/** True for a ProblemError (also across bundles, where `instanceof` may fail). */
export function isProblemError(value: unknown): value is ProblemError {
  return value instanceof Error && value.name === "ProblemError" && "problem" in value;
}

/** The value of an ok Result, or the Problem thrown as a ProblemError (for builtins called by cells). */
export function unwrap<T, P extends Problem>(result: Result<T, P>): T {
  if (result.ok) return result.value;
  throw new ProblemError(result.error);
}

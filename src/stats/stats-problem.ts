/**
 * The statistics core's expected failure: a kernel called with a variable, set or weight it cannot
 * use. Kernels are called from cell code, so the Problem is thrown as a ProblemError (the shared
 * policy, src/base/result.ts); its message says how to fix the call, and `context` carries what was
 * asked (the offending names and values) for the cell's error display.
 */
import { ProblemError, type Problem } from "../base/result";

/** What went wrong, as a stable kind for tests and the UI. */
export type StatsProblemKind = "unknown-variable" | "unknown-set" | "bad-weight" | "bad-input";

export interface StatsProblem extends Problem<StatsProblemKind> {
  /** The offending names and values. */
  readonly context: Readonly<Record<string, unknown>>;
}

/** The ProblemError a kernel throws. */
export function statsError(kind: StatsProblemKind, message: string, context: Record<string, unknown> = {}): ProblemError<StatsProblem> {
  return new ProblemError({ kind, message, context });
}

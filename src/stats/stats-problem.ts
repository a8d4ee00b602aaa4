/**
 * The statistics core's expected failure: a kernel called with data, a variable, set or weight it
 * cannot use. Kernels are called from cell code, so the Problem is thrown as a ProblemError (the
 * shared policy, src/base/result.ts); its message says how to fix the call, `context` carries what
 * was asked (the offending names and values), and when the kernel is named, `reference` links its
 * entry in the reference (src/base/builtin-problem.ts).
 */
import { builtinProblem, type BuiltinProblem } from "../base/builtin-problem";
import { ProblemError } from "../base/result";

/** What went wrong, as a stable kind for tests and the UI. */
export type StatsProblemKind = "unknown-variable" | "unknown-set" | "unknown-option" | "bad-weight" | "bad-input";

export interface StatsProblem extends BuiltinProblem<StatsProblemKind> {
  /** The offending names and values. */
  readonly context: Readonly<Record<string, unknown>>;
}

/**
 * The ProblemError a kernel throws. With `builtin` ("stats.crosstab") the message is prefixed with
 * it and ends with the right call and the reference link.
 */
export function statsError(kind: StatsProblemKind, message: string, context: Record<string, unknown> = {}, builtin?: string): ProblemError<StatsProblem> {
  return new ProblemError(builtin ? { ...builtinProblem(builtin, kind, message), context } : { kind, message, context });
}

/**
 * The Problem a builtin throws when cell code calls it wrongly: what it expected, what it got, the
 * right call, and a link to its entry in the reference. The right call comes from the generated
 * reference index (`src/base/reference/index.json`, written by `scripts/reference/` from the
 * builtins' JSDoc `@example`s), so an error message cannot drift from the documentation.
 */
import { isProblemError, ProblemError, type Problem } from "./result";
import index from "./reference/index.json";

/** Where a builtin's reference entry is: its name as cells write it and the entry's anchor id. */
export interface ReferenceLink {
  /** "stats.crosstab", "tables.frequencies", "applyFilter" … */
  readonly builtin: string;
  /** The id of its entry in the reference panel: "ref-stats-crosstab". */
  readonly anchor: string;
}

/** A Problem raised by a builtin, with the link to its reference entry. */
export interface BuiltinProblem<K extends string = string> extends Problem<K> {
  readonly reference?: ReferenceLink;
  /** The message without the builtin's name in front and the right call behind. */
  readonly detail?: string;
}

/** One builtin in the generated index: its signature and a call that works. */
export interface BuiltinIndexEntry {
  /** "stats.crosstab(data, rowVariable, columnVariable, options?)" */
  readonly signature: string;
  /** The first line of its example: `stats.crosstab(selection, "size_class", "q20")`. */
  readonly call: string;
}

const entries: Readonly<Record<string, BuiltinIndexEntry | undefined>> = index;

/** The anchor id of a builtin's reference entry ("stats.crosstab" → "ref-stats-crosstab"). */
export function referenceAnchor(builtin: string): string {
  return `ref-${builtin.replace(/[^A-Za-z0-9_]+/g, "-")}`;
}

/** The index entry of a builtin, when the reference has one. */
export function builtinEntry(builtin: string): BuiltinIndexEntry | undefined {
  return entries[builtin];
}

/** The link to a builtin's reference entry. */
export function referenceLink(builtin: string): ReferenceLink {
  return { builtin, anchor: referenceAnchor(builtin) };
}

/**
 * The sentence every builtin error ends with: the right call and where to read more, e.g.
 * `Example: stats.crosstab(selection, "size_class", "q20"). Reference: stats.crosstab.`
 */
export function rightCall(builtin: string): string {
  const entry = builtinEntry(builtin);
  const example = entry ? `Example: ${entry.call}. ` : "";
  return `${example}Reference: ${builtin}.`;
}

/** A short description of a value a builtin did not expect, for its error message. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing (undefined)";
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    const what = typeof first === "object" && first !== null ? "objects" : typeof first === "string" ? "texts" : typeof first === "number" ? "numbers" : "values";
    return value.length === 0 ? "an empty list" : `a list of ${value.length} ${what}`;
  }
  if (typeof value === "object" && "then" in value && typeof value.then === "function") return "a Promise (write `await …` first)";
  if (typeof value === "string") return `the text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  if (typeof value === "function") return `the function ${value.name || "(anonymous)"}`;
  if (typeof value === "object") return "an object";
  return `the ${typeof value} ${String(value)}`;
}

/**
 * The Problem of a builtin called wrongly: `message` says what was wrong; the builtin's name is put
 * in front, the right call and the reference behind.
 */
export function builtinProblem<K extends string>(builtin: string, kind: K, message: string): BuiltinProblem<K> {
  return { kind, message: `${builtin}: ${message} ${rightCall(builtin)}`, reference: referenceLink(builtin), detail: message };
}

/**
 * The same Problem told about another builtin: a table builtin that computes through a kernel
 * reports the kernel's complaint as its own, with its own right call and reference.
 */
export function asBuiltin(error: unknown, builtin: string): unknown {
  if (!isProblemError(error)) return error;
  const problem: BuiltinProblem = error.problem;
  if (problem.detail === undefined || problem.reference?.builtin === builtin) return error;
  return new ProblemError({ ...problem, ...builtinProblem(builtin, problem.kind, problem.detail) }, { cause: error });
}

/** The same Problem thrown, for a builtin called from cell code. */
export function builtinError<K extends string>(builtin: string, kind: K, message: string): ProblemError<BuiltinProblem<K>> {
  return new ProblemError(builtinProblem(builtin, kind, message));
}

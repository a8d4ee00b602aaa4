/**
 * A cell's compiled form: what the runtime needs of a cell's source to plan and run it, as plain
 * data. The compiler (compile-source.ts, over acorn) produces it from the source; for the shipped
 * notebooks the build produces it ahead of time (scripts/precompile/), so opening one needs no
 * parser (cell-compiler.ts). Being data, it is the same whether made now or at build time — a unit
 * test holds the build's table to the compiler's output for every shipped cell.
 */
import type { CellForm } from "./analyze-cell";

/** Name of the loop-guard function inside compiled cell bodies. */
export const GUARD = "__tvGuard";
/**
 * Name of the function that marks "resumed after await/yield" in a function the cell defines: a
 * new synchronous stretch for the loop guard (that code runs for whoever called it).
 */
export const RESUMED = "__tvResumed";
/*
 * The next three bound each stretch of the cell's own code (its run's code, not that of functions
 * it defines) exactly, so NotebookRuntime.callerRun knows which run calls a builtin: the compiler
 * marks every place that code starts, stops and starts again.
 */
/** Name of the function that marks "the cell's own code resumes" (after await/yield, on a generator's pull): a new stretch. */
export const CELL_RESUMED = "__tvCellResumed";
/** Name of the function that marks "the cell's own code pauses" (right before it awaits or yields, and when it ends); returns its argument. */
export const CELL_PAUSED = "__tvCellPaused";
/** Name of the function that marks "the cell's own code runs here" (a catch or finally, entered after a rejected await or a generator's return). */
export const CELL_IN = "__tvCellIn";

/** The cell kinds that are compiled: JavaScript, and markdown/html with `${…}` interpolations. */
export type CompiledKind = "js" | "md" | "html";

/** A cell that parsed. */
export interface CellCompiled {
  readonly ok: true;
  readonly form: CellForm;
  /** Top-level declared names, in source order (none for expression and generator cells). */
  readonly defines: readonly string[];
  /** Free names read or assigned, in first-use order (globals such as Math included). */
  readonly references: readonly string[];
  /** The body uses top-level await, so it is an async function. */
  readonly async: boolean;
  /** The function body the cell runs (transpile-cell.ts: loop guards, await marks, its return). */
  readonly body: string;
  /** Markdown or html cells: the text around the interpolations (strings.length = interpolations + 1). */
  readonly strings?: readonly string[];
}

/** A cell that did not parse: the message says what and where, positions are 1-based. */
export interface CellSyntaxError {
  readonly ok: false;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** Result of compiling one cell's source: errors are values. */
export type CellCompilation = CellCompiled | CellSyntaxError;

/** One entry of a table of compiled cells: the cell's kind and exact source, and its compiled form. */
export type PrecompiledCell = readonly [kind: CompiledKind, source: string, compiled: CellCompilation];

/** Whether a cell of this kind is compiled (other kinds are kept and not run). */
export function isCompiledKind(kind: string): kind is CompiledKind {
  return kind === "js" || kind === "md" || kind === "html";
}

/**
 * The compiled form of a markdown or html cell without `${` (most of a notebook's prose): its text,
 * and no values to compute. Known without the compiler, and the same as what compile-source.ts
 * makes of such a cell (a unit test holds the two together); undefined for any other cell.
 */
export function plainTextCompilation(kind: CompiledKind, source: string): CellCompiled | undefined {
  if (kind === "js" || source.includes("${")) return undefined;
  return { ok: true, form: "expression", defines: [], references: [], async: false, body: "return ([])", strings: [source] };
}

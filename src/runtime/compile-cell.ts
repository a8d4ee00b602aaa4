import { CELL_IN, CELL_PAUSED, CELL_RESUMED, GUARD, RESUMED, type CellCompiled } from "./cell-compilation";

/** What a compiled cell body receives besides its inputs. */
export interface CellContext {
  /** Loop guard: throws a timeout CellFailure when a synchronous stretch runs too long. */
  guard: () => void;
  /** In a function the cell defines: marks a new synchronous stretch after an await/yield; returns its argument. */
  resumed: (value: unknown) => unknown;
  /** The cell's own code resumes (after an await/yield, a generator's pull): a new stretch of this run; returns its argument. */
  cellResumed: (value: unknown) => unknown;
  /** The cell's own code pauses (it is about to await/yield) or ends: its stretch ends; returns its argument. */
  cellPaused: (value: unknown) => unknown;
  /** The cell's own code runs here (a catch or finally block, maybe entered after a rejected await). */
  cellIn: () => void;
  /** Shows a value below the cell; returns it. */
  display: (value: unknown) => unknown;
  /** Shows an input and returns a generator of its values. */
  view: (input: unknown) => unknown;
}

/** A cell body ready to run: the inputs come in the order given to {@link compileCell}. */
export type CompiledCell = (context: CellContext, inputs: unknown[]) => unknown;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Lines the Function constructor and our wrapper put before the cell's first line. */
const HEADER_LINES = 4;

const sourceName = (cellId: string) => `tverrsnitt/cell-${cellId.replace(/[^\w-]/g, "_")}.js`;

/**
 * The 1-based line in the cell's source where `error` was thrown, read from the stack frame of
 * the cell's own code (named by its sourceURL); undefined when the error came from elsewhere.
 */
export function errorLine(error: unknown, cellId: string): number | undefined {
  if (!(error instanceof Error) || typeof error.stack !== "string") return undefined;
  const name = sourceName(cellId).replace(/[.]/g, "\\.");
  const match = new RegExp(`${name}:(\\d+):\\d+`).exec(error.stack);
  const line = match ? Number(match[1]) - HEADER_LINES : NaN;
  return line >= 1 ? line : undefined;
}

/**
 * Turns a compiled cell (its transpiled body, cell-compilation.ts) into a function. This is the one place in the code base that
 * evaluates source text: cell code is the program the user wrote, and it must see the DOM and
 * the other cells' values (see docs/decisions.md, Runtime), so it runs in the page itself.
 * `inputs` are the names the runtime passes in (other cells' names and built-ins).
 */
export function compileCell(compiled: Pick<CellCompiled, "body" | "async" | "defines">, inputs: readonly string[], cellId = "anonymous"): CompiledCell {
  for (const name of inputs) {
    if (!IDENTIFIER.test(name)) throw new Error(`Cannot pass "${name}" into a cell: not a JavaScript identifier.`);
  }
  // A cell that declares `display` or `view` itself must not also receive them as parameters.
  const own = new Set(compiled.defines);
  const extras = ["display", "view"].filter((n) => !own.has(n));
  const params = [GUARD, RESUMED, CELL_RESUMED, CELL_PAUSED, CELL_IN, ...extras, ...inputs];
  const body = `"use strict";\n${compiled.body}`;
  const keyword = compiled.async ? "async function" : "function";
  // sourceURL names the cell in stack traces and devtools (errorLine reads it back).
  // eslint-disable-next-line no-new-func -- the cell evaluator (see doc comment above)
  const factory = new Function(`return ${keyword} cell(${params.join(", ")}) {\n${body}\n};\n//# sourceURL=${sourceName(cellId)}`);
  const fn: unknown = factory();
  if (typeof fn !== "function") throw new Error("Cell compilation did not produce a function.");
  return (context, values) => {
    const extraValues = extras.map((n) => (n === "display" ? context.display : context.view));
    return Reflect.apply(fn, undefined, [context.guard, context.resumed, context.cellResumed, context.cellPaused, context.cellIn, ...extraValues, ...values]);
  };
}

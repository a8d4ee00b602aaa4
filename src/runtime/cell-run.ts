import { RuntimeError, type Variable } from "@observablehq/runtime";
import type { CellDoc } from "../notebook/document";
import { markViewBound } from "./localized-tables";
import { errorLine, type CellContext, type CompiledCell } from "./compile-cell";
import { inputGenerator, isInputLike, type InputLike } from "./generators";
import type { LoopGuard } from "./loop-guard";
import { renderMarkdown } from "./markdown-cell";
import type { CellPlan, parseCell } from "./plan-notebook";
import { CellFailure, cellError, isCellFailure, rejectedError, thrownError } from "./runtime-error";
import type { CellError, CellRuntimeState } from "./types";

/** Everything the runtime keeps about one cell. */
export interface CellEntry {
  doc: CellDoc;
  parsed: ReturnType<typeof parseCell>;
  plan?: CellPlan;
  applied?: string;
  variable: Variable;
  state: CellRuntimeState;
  /** What display()/view() showed in the current run (the expression value is added on top). */
  shown: unknown[];
  run: number;
  runStart?: number;
  /** Inputs bound by view() in the current run, by the name they define. */
  views: Map<string, InputLike>;
  /**
   * How often the cell was invalidated: it went pending (an input changed, it was redefined) or was
   * removed. A run is the cell's current one until the next: after that the runtime drops its value.
   */
  invalidations: number;
}

/** What a cell run needs from the runtime that owns it. */
export interface RunHooks {
  guard: LoopGuard;
  /**
   * The cell's own code is about to run (its body starts, resumes after await/yield, or a catch runs
   * after a rejected await), until `leaving`; `current` tells whether this run is still the cell's
   * current one (see CellEntry.invalidations).
   */
  entering: (current: () => boolean) => void;
  /** The cell's own code stops running (it awaits, yields, returns or throws). */
  leaving: () => void;
  /** Code of a function the cell defined resumes after await/yield (it runs for whoever called it). */
  running: () => void;
  /** Tell subscribers the cell's state changed. */
  notify: () => void;
  /** A view() input now defines `name`. */
  bindView: (name: string, input: InputLike) => void;
}

const now = () => performance.now();

/** Type guard for promises and other thenables. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && "then" in value && typeof value.then === "function";
}

/**
 * Runs a cell body once: resets its displays, wires display()/view() to this run only, and turns
 * whatever the body throws or rejects with into a CellFailure with the right kind.
 */
export function runCell(entry: CellEntry, plan: CellPlan, compiled: CompiledCell, values: unknown[], hooks: RunHooks): unknown {
  const run = ++entry.run;
  const id = entry.doc.id;
  const invalidations = entry.invalidations;
  const current = (): boolean => entry.invalidations === invalidations;
  entry.state.runs++;
  entry.state.status = "running";
  delete entry.state.error;
  entry.shown = [];
  entry.views = new Map();
  entry.runStart = now();
  hooks.notify();
  const bound = new Map<unknown, InputLike>();
  const context: CellContext = {
    guard: hooks.guard.guard,
    resumed: (value) => {
      hooks.running();
      return hooks.guard.resumed(value);
    },
    cellResumed: (value) => {
      hooks.entering(current);
      return hooks.guard.resumed(value);
    },
    cellPaused: (value) => {
      hooks.leaving();
      return value;
    },
    cellIn: () => hooks.entering(current),
    display: (value) => {
      if (entry.run === run) {
        entry.shown.push(value);
        entry.state.displays = [...entry.shown];
        hooks.notify();
      }
      return value;
    },
    view: (input) => {
      markViewBound(input);
      context.display(input);
      if (!isInputLike(input)) return input;
      const generator = inputGenerator(input);
      bound.set(generator, input);
      return generator;
    },
  };
  const finish = (result: unknown): unknown => {
    if (plan.kind === "markdown") {
      const render = plan.render ?? renderMarkdown;
      return Promise.all(Array.isArray(result) ? result : []).then((parts) => render(plan.strings ?? [""], parts));
    }
    if (plan.kind === "program" && entry.run === run && typeof result === "object" && result !== null) {
      for (const name of plan.defines) {
        const input = bound.get(Reflect.get(result, name));
        if (!input) continue;
        hooks.bindView(name, input);
      }
    }
    return result;
  };
  hooks.guard.reset();
  hooks.entering(current);
  let result: unknown;
  try {
    result = compiled(context, values);
  } catch (e) {
    throw new CellFailure(thrownError(id, e, errorLine(e, id)));
  } finally {
    // A body that never awaits ends here; an async one has paused at its first await or its end.
    hooks.leaving();
  }
  if (!isThenable(result)) return finish(result);
  const ownAsync = entry.parsed.analysis?.async ?? false;
  return Promise.resolve(result).then(finish, (e: unknown) => {
    throw new CellFailure(ownAsync ? thrownError(id, e, errorLine(e, id)) : rejectedError(id, e));
  });
}

function settle(entry: CellEntry): void {
  if (entry.runStart === undefined) return;
  entry.state.lastRunMs = now() - entry.runStart;
  delete entry.runStart;
}

/** Turns whatever the runtime rejected a cell with into a CellError on that cell. */
export function classifyError(entry: CellEntry, error: unknown, definers: ReadonlyMap<string, string[]>): CellError {
  const id = entry.doc.id;
  if (isCellFailure(error)) return { ...error.cellError, cellId: id };
  if (error instanceof RuntimeError && error.input) {
    const from = definers.get(error.input) ?? [];
    const where = from.length ? `cell ${from.join(", ")}` : "another cell";
    return cellError(
      "upstream",
      id,
      `Uses ${error.input} from ${where}, which has an error: ${error.message} Fix that cell first.`,
      { names: [error.input], cause: error },
    );
  }
  if (error instanceof RuntimeError && /circular/.test(error.message)) {
    return cellError("cycle", id, "Circular definition: this cell depends on itself through other cells. Break the cycle.");
  }
  return thrownError(id, error);
}

/** Records a settled value: expression and markdown cells show it (unless they display themselves). */
export function applyCellValue(entry: CellEntry, value: unknown): void {
  settle(entry);
  const kind = entry.plan?.kind;
  entry.state.status = "fulfilled";
  delete entry.state.error;
  if (kind === "expression" || kind === "markdown") {
    entry.state.value = value;
    entry.state.displays = entry.plan?.displaysItself ? [...entry.shown] : [...entry.shown, value];
  } else {
    delete entry.state.value;
    entry.state.displays = [...entry.shown];
  }
}

/** Records a failure as a CellError value on the cell. */
export function applyCellError(entry: CellEntry, error: unknown, definers: ReadonlyMap<string, string[]>): void {
  settle(entry);
  entry.state.status = "rejected";
  delete entry.state.value;
  entry.state.error = classifyError(entry, error, definers);
}

/**
 * Records a failure of one of the cell's names (a rejected promise or a failing generator).
 * Failures that come from the cell body itself are already on the cell: returns false then.
 */
export function applyNameError(entry: CellEntry, error: unknown): boolean {
  if (entry.state.status === "rejected" || error instanceof RuntimeError) return false;
  entry.state.status = "rejected";
  entry.state.error = isCellFailure(error) ? { ...error.cellError, cellId: entry.doc.id } : thrownError(entry.doc.id, error);
  return true;
}

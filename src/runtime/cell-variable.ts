import type { CellPlan } from "./plan-notebook";
import { runCell, type CellEntry, type RunHooks } from "./cell-run";
import { cellVarName } from "./name-variable";
import { CellFailure, cellError } from "./runtime-error";

/** How one cell's variable is to run, from the runtime that owns it. */
export interface CellVariableRun {
  /** The message of a cell the host stopped (it fails with it until run again); undefined runs it. */
  held: string | undefined;
  hooks: RunHooks;
  /** Asked before each run (RuntimeOptions.deferCell): undefined runs now, a promise waits and asks again. */
  wait: (() => PromiseLike<void> | undefined) | undefined;
}

/**
 * Defines the variable of one cell (the one its names' variables read): a static error, a held
 * cell's "stopped" or a syntax error makes it fail; otherwise it runs the compiled body on its
 * inputs once the host lets it.
 */
export function defineCellVariable(entry: CellEntry, plan: CellPlan, { held, hooks, wait }: CellVariableRun): void {
  const name = cellVarName(entry.doc.id);
  entry.run++;
  const error = plan.error ?? (held === undefined ? undefined : cellError("stopped", entry.doc.id, held));
  if (error) {
    entry.variable.define(name, [], () => {
      throw new CellFailure(error);
    });
    return;
  }
  let compiled: ReturnType<CellPlan["compile"]>;
  try {
    compiled = plan.compile();
  } catch (e) {
    const message = `Syntax error: ${e instanceof Error ? e.message : String(e)}. Fix the code.`;
    const failure = new CellFailure(cellError("syntax", entry.doc.id, message, { cause: e }));
    entry.variable.define(name, [], () => {
      throw failure;
    });
    return;
  }
  entry.variable.define(name, plan.inputs, (...values: never[]) => {
    // Asked again after each wait: the answer "now" and the run are one step, so no other cell
    // runs between the host's decision and this one.
    const start = (): unknown => {
      const waiting = wait?.();
      return waiting ? waiting.then(start) : runCell(entry, plan, compiled, values, hooks);
    };
    return start();
  });
}

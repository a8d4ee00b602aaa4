import type { Variable } from "@observablehq/runtime";
import { isThenable } from "./cell-run";
import { CellFailure, cellError, rejectedError } from "./runtime-error";

/** The runtime variable name of a cell (not a JavaScript identifier, so it cannot clash). */
export const cellVarName = (id: string): string => `#cell ${id}`;

/**
 * Defines the variable of one name: it picks the name out of the defining cell's exports, so a
 * promise or generator stored in `const x = …` is resolved by the runtime like in Notebook Kit.
 * A name defined by several cells becomes a variable that fails with a duplicate-definition error.
 */
export function defineNameVariable(variable: Variable, name: string, ids: string[]): void {
  const [only] = ids;
  if (ids.length !== 1 || only === undefined) {
    const message = `${name} is defined in more than one cell (${ids.join(", ")}). Rename it or delete one of the definitions.`;
    const failure = new CellFailure(cellError("duplicate-definition", "", message, { names: [name] }));
    variable.define(name, [], () => {
      throw failure;
    });
    return;
  }
  variable.define(name, [cellVarName(only)], (exports: never) => {
    const value: unknown = typeof exports === "object" && exports !== null ? Reflect.get(exports, name) : undefined;
    if (!isThenable(value)) return value;
    return Promise.resolve(value).catch((e: unknown) => {
      throw new CellFailure(rejectedError(only, e, name));
    });
  });
}

import type { Module, Variable } from "@observablehq/runtime";
import { applyNameError, isThenable, type CellEntry } from "./cell-run";
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

/** What the names' variables need from the runtime that owns them. */
export interface NameVariablesHost {
  readonly module: Module;
  /** Variables pending or running: the runtime is idle only when this is empty. */
  readonly busy: Set<Variable>;
  /** The cell that alone defines `name` (its state shows the name's failures), if one does. */
  owner(name: string): CellEntry | undefined;
  /** Tell subscribers the cell's state changed. */
  notify(entry: CellEntry): void;
}

interface NameVar {
  variable: Variable;
  signature: string;
}

/**
 * One runtime variable per name the cells define, and each name's current value: a name's variable
 * is redefined only when the cells that define it change, so cells reading it do not rerun for
 * nothing.
 */
export class NameVariables {
  private readonly names = new Map<string, NameVar>();
  private readonly values = new Map<string, unknown>();

  constructor(private readonly host: NameVariablesHost) {}

  /** name → current value of every name defined by exactly one cell that has a value. */
  namedValues(): Record<string, unknown> {
    return Object.fromEntries(this.values);
  }

  /** Deletes the variables of the names no cell defines any more (`definers`: name → defining cells). */
  prune(definers: ReadonlyMap<string, string[]>): void {
    for (const [name, nv] of [...this.names]) {
      if (definers.has(name)) continue;
      this.names.delete(name);
      this.values.delete(name);
      this.host.busy.delete(nv.variable);
      nv.variable.delete();
    }
  }

  /** (Re)defines the variable of `name`, defined by the cells `ids`, unless those did not change. */
  define(name: string, ids: string[]): void {
    const signature = ids.length === 1 ? `one:${ids[0]}` : `dup:${ids.join(",")}`;
    let nv = this.names.get(name);
    if (nv?.signature === signature) return;
    if (!nv) {
      nv = { variable: this.host.module.variable(this.observer(name)), signature };
      this.names.set(name, nv);
    }
    nv.signature = signature;
    defineNameVariable(nv.variable, name, ids);
  }

  private observer(name: string) {
    const host = this.host;
    return {
      pending: () => {
        const nv = this.names.get(name);
        if (nv) host.busy.add(nv.variable);
      },
      fulfilled: (value: unknown) => {
        const nv = this.names.get(name);
        if (nv) host.busy.delete(nv.variable);
        this.values.set(name, value);
        const entry = host.owner(name);
        if (entry) host.notify(entry);
      },
      rejected: (error: unknown) => {
        const nv = this.names.get(name);
        if (nv) host.busy.delete(nv.variable);
        this.values.delete(name);
        const entry = host.owner(name);
        if (entry && applyNameError(entry, error)) host.notify(entry);
      },
    };
  }
}

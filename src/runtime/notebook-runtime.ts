/**
 * The reactive engine: cells of a NotebookDoc mapped onto @observablehq/runtime variables.
 *
 * It reaches into four private fields of the Observable runtime (declared in vendor-modules.d.ts;
 * re-check them when upgrading the package): `_computeSoon`/`_computeNow` (to recompute in a
 * microtask instead of on the next animation frame), `_computing` and `_precomputes` (to tell when
 * the notebook is idle), and `_builtin` (to redefine a builtin such as `survey` or `filter` when the
 * host's data or filter changes, so only the cells that read it rerun).
 */
import { Runtime, type Module, type Variable } from "@observablehq/runtime";
import type { CellDoc, NotebookDoc } from "../notebook/document";
import { applyCellError, applyCellValue, applyNameError, runCell, type CellEntry, type RunHooks } from "./cell-run";
import { builtinDefinitions } from "./builtin-definitions";
import type { InputRestoreReport } from "./input-binding";
import { createLoopGuard, type LoopGuard } from "./loop-guard";
import { loadCellCompiler } from "./cell-compiler";
import { parseCell, planNotebook, type CellPlan } from "./plan-notebook";
import { cellVarName, defineNameVariable } from "./name-variable";
import { CellFailure, cellError } from "./runtime-error";
import { transitiveDependents } from "./transitive-dependents";
import type { CellRuntimeState } from "./types";
import { ViewInputs } from "./view-inputs";

/** Options for {@link NotebookRuntime}. */
export interface RuntimeOptions {
  /** Extra names in scope for every cell (aq, op, Plot, Inputs, html, md, FileAttachment/loadCsv …); see createStdlib */
  builtins?: Record<string, unknown>;
  /** How long a synchronous stretch of a cell may run before it is stopped (default 5000 ms). */
  timeoutMs?: number;
  /** Told (once per stretch) which cell's loop has run for half a second (or half the timeout), while it still runs. */
  onLongRun?: (cellId: string) => void;
  /**
   * Asked before a cell runs: undefined runs it now; a promise makes it wait for that promise and
   * then asks again (the browser defers cells far off screen until the cells on screen are painted).
   * `info` says how long its last run took and which cells wait for it.
   * Values stay current: the cell still runs, and `idle()` waits for it.
   */
  deferCell?: (cellId: string, info: DeferInfo) => PromiseLike<void> | undefined;
  /**
   * Builtins the host keeps current with {@link NotebookRuntime.setBuiltin} and names on the page
   * (the survey, the filter): a cell that defines one gets an error instead of replacing it.
   */
  hostNames?: readonly string[];
}

/** What `deferCell` is told about a cell about to run. */
export interface DeferInfo {
  /** How long the cell's last run took (undefined before its first). */
  readonly lastRunMs: number | undefined;
  /** The cells that take its names, directly or through other cells (they rerun after it). */
  readonly dependents: readonly string[];
  /** The names it reads (other cells' and builtins'). */
  readonly inputs: readonly string[];
}

interface NameVar {
  variable: Variable;
  signature: string;
}

/** Yields to the event loop (microtasks, then timers and frames, get their turn). */
function tick(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}

/**
 * Makes the runtime recompute right after a change (in a microtask) instead of on the next
 * animation frame, so an input's dependents settle before the browser paints. Generator pulls
 * (precomputes) keep the frame pacing, so an endless generator cannot starve the page.
 */
function schedulePromptly(runtime: Runtime): void {
  const byFrame = runtime._computeSoon;
  runtime._computeSoon = function (this: Runtime) {
    if (this._precomputes.length) return byFrame.call(this);
    return Promise.resolve().then(() => (this._disposed ? undefined : this._computeNow()));
  };
}

/**
 * A reactive notebook: cells in, values and errors out. Observable's runtime schedules the
 * dependency graph; this class maps cells to runtime variables (one per cell, one per defined
 * name), keeps the static checks (syntax, duplicates, undefined names, cycles) and turns every
 * failure into a CellError value on the cells involved.
 */
export class NotebookRuntime {
  private readonly runtime: Runtime;
  private readonly module: Module;
  private readonly builtinNames: Set<string>;
  private readonly hostNames: ReadonlySet<string>;
  private readonly guard: LoopGuard;
  private readonly entries = new Map<string, CellEntry>();
  private readonly names = new Map<string, NameVar>();
  private definers = new Map<string, string[]>();
  /** Cell id → the cells that use it, directly or not; made on first use after each re-plan. */
  private dependentsByCell: Map<string, readonly string[]> | undefined;
  private readonly values = new Map<string, unknown>();
  private readonly busy = new Set<Variable>();
  private readonly listeners = new Set<(id: string, state: CellRuntimeState) => void>();
  /** The values the host gives view() inputs (view-inputs.ts). */
  private readonly inputs = new ViewInputs(() => [...this.entries.values()].map((e) => e.views));
  /** The cell whose code ran last (body start or resume): the one a spinning loop is in. */
  private executing: string | undefined;
  /** Cells kept from running (after the host stopped them), with the message each shows. */
  private readonly held = new Map<string, string>();
  private disposed = false;
  /** Set while cells wait for the compiler to load (cell-compiler.ts); see waitForCompiler. */
  private compiling: Promise<void> | undefined;
  private readonly deferCell: RuntimeOptions["deferCell"];

  constructor(options: RuntimeOptions = {}) {
    this.deferCell = options.deferCell;
    const builtins = builtinDefinitions(options.builtins ?? {});
    this.builtinNames = new Set(Object.keys(builtins));
    this.hostNames = new Set(options.hostNames ?? []);
    this.runtime = new Runtime(builtins, (name) => {
      if (name in globalThis) return Reflect.get(globalThis, name);
      throw new CellFailure(cellError("undefined-name", "", `${name} is not defined by any cell — define it in a cell or fix the spelling.`, { names: [name] }));
    });
    this.module = this.runtime.module();
    schedulePromptly(this.runtime);
    const { onLongRun, timeoutMs = 5000 } = options;
    this.guard = createLoopGuard(timeoutMs, undefined, onLongRun && { afterMs: Math.min(500, timeoutMs / 2), report: () => this.executing !== undefined && onLongRun(this.executing) });
  }

  /** (Re)defines all cells; cells whose source and inputs did not change keep their values. */
  load(doc: NotebookDoc): void {
    const ids = new Set(doc.cells.map((c) => c.id));
    for (const id of [...this.entries.keys()]) if (!ids.has(id)) this.dropEntry(id);
    for (const cell of doc.cells) this.putEntry(cell);
    // Keep document order (cells may have moved): messages list cells in the order they appear.
    const ordered = doc.cells.flatMap((c) => {
      const entry = this.entries.get(c.id);
      return entry ? [entry] : [];
    });
    this.entries.clear();
    for (const entry of ordered) this.entries.set(entry.doc.id, entry);
    this.rebuild();
  }

  /**
   * Redefines one cell (or adds it): it and exactly its transitive dependents rerun — also when
   * the source is unchanged (Shift-Enter on an unedited cell runs it again).
   */
  updateCell(cell: CellDoc): void {
    this.held.delete(cell.id);
    this.putEntry(cell);
    const entry = this.entries.get(cell.id);
    if (entry) delete entry.applied;
    this.rebuild();
  }

  /**
   * Keep a cell from running (the host restarted the notebook after it never finished): it fails
   * with a "stopped" error saying `message`, its names still defined, until run again (`updateCell`).
   */
  hold(id: string, message: string): void {
    this.held.set(id, message);
    const entry = this.entries.get(id);
    if (!entry) return;
    delete entry.applied;
    this.rebuild();
  }

  /** Removes a cell; cells that used its names show an undefined-name error. */
  removeCell(id: string): void {
    this.dropEntry(id);
    this.rebuild();
  }

  /** A snapshot of one cell's runtime state. */
  state(id: string): CellRuntimeState | undefined {
    const entry = this.entries.get(id);
    return entry ? this.snapshot(entry) : undefined;
  }

  /** Calls `listener` on every state change of any cell; returns the unsubscribe function. */
  subscribe(listener: (id: string, state: CellRuntimeState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ids of the cells this cell takes names from. */
  uses(id: string): string[] {
    const plan = this.entries.get(id)?.plan;
    if (!plan) return [];
    const ids = new Set(plan.references.flatMap((n) => this.definers.get(n) ?? []));
    ids.delete(id);
    return [...ids];
  }

  /** Every cell's transitive dependents (see DeferInfo), from the plans. */
  private dependents(): ReadonlyMap<string, readonly string[]> {
    return (this.dependentsByCell ??= transitiveDependents(this.entries.keys(), (id) => this.uses(id)));
  }

  /** Ids of the cells that take names from this cell. */
  usedBy(id: string): string[] {
    return [...this.entries.keys()].filter((other) => other !== id && this.uses(other).includes(id));
  }

  /**
   * Resolves when no cell is pending or running and no recompute is scheduled. Generators waiting
   * for input do not count; an endless generator (a clock) keeps the notebook busy, so callers that
   * must finish (the headless runner) race this against a timeout.
   */
  async idle(): Promise<void> {
    while (this.compiling && !this.disposed) await this.compiling;
    // The runtime marks a whole batch pending synchronously when it computes, and sets
    // _computing whenever a recompute is scheduled, so two quiet ticks in a row mean settled.
    for (let quiet = 0; quiet < 2 && !this.disposed; ) {
      await tick();
      quiet = this.busy.size === 0 && !this.runtime._computing ? quiet + 1 : 0;
    }
  }

  /** name → current value of every name defined by exactly one cell that has a value. */
  namedValues(): Record<string, unknown> {
    return Object.fromEntries(this.values);
  }

  /**
   * Give a builtin a new definition because the host's state changed (the data switched, the filter
   * moved): exactly the cells that read the name, directly or through other cells, rerun. `define`
   * is called only when some cell uses the name, so an unused builtin costs nothing.
   */
  setBuiltin(name: string, define: () => unknown): void {
    if (!this.builtinNames.has(name)) {
      throw new Error(`"${name}" is not a builtin of this runtime; pass it in RuntimeOptions.builtins when the runtime is created.`);
    }
    this.runtime._builtin.redefine(name, [], define);
  }

  /** Whether any cell reads `name` (a builtin or another cell's name), from the cells' plans. */
  references(name: string): boolean {
    for (const entry of this.entries.values()) if (entry.plan?.references.includes(name)) return true;
    return false;
  }

  /** Sets a view() input by the name it defines and fires its input event (share links, filters). */
  setInput(name: string, value: unknown): void {
    // Not bound yet (the cell has not run): applied when view() binds it.
    this.inputs.set(name, value);
  }

  /**
   * Which values given to setInput were applied and which were dropped, each with a Problem saying
   * why (a value the input cannot take, an option it does not have, no such input). Call after
   * idle(): a value still waiting for its input's cell is reported as having no input.
   */
  inputReport(): InputRestoreReport {
    return this.inputs.report();
  }

  /** Current values of all view() inputs that can be written as JSON. */
  inputValues(): Record<string, unknown> {
    return this.inputs.values();
  }

  /** True once disposed: hosts stop redefining its builtins. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Stops everything: generators are returned, pending work is dropped. */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    this.runtime.dispose();
  }

  private putEntry(cell: CellDoc): void {
    const existing = this.entries.get(cell.id);
    if (existing) {
      // A cell whose compiler failed to load ("thrown" at parse time) tries again when it is run again.
      const retry = existing.parsed.error?.kind === "thrown";
      if (retry || existing.doc.source !== cell.source || existing.doc.kind !== cell.kind) existing.parsed = parseCell(cell);
      existing.doc = cell;
      return;
    }
    const holder: { entry?: CellEntry } = {};
    const entry: CellEntry = {
      doc: cell,
      parsed: parseCell(cell),
      variable: this.module.variable(this.cellObserver(holder)),
      state: { id: cell.id, status: "pending", displays: [], defines: [], references: [], runs: 0 },
      shown: [],
      run: 0,
      views: new Map(),
    };
    holder.entry = entry;
    this.entries.set(cell.id, entry);
  }

  private dropEntry(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    entry.run++;
    this.busy.delete(entry.variable);
    entry.variable.delete();
  }

  /**
   * Some cell needs the compiler, which is still loading (a cell written or edited just after a
   * shipped notebook opened from the build's table): plan nothing until it is there, so no cell
   * shows a passing "not defined" for a name a waiting cell defines; then parse those cells and
   * plan the notebook as it is by then.
   */
  private waitForCompiler(): void {
    if (this.compiling) return;
    const reparse = (): void => {
      this.compiling = undefined;
      if (this.disposed) return;
      for (const entry of this.entries.values()) if (entry.parsed.awaitingCompiler) entry.parsed = parseCell(entry.doc);
      this.rebuild();
    };
    this.compiling = loadCellCompiler().then(reparse, (error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      for (const entry of this.entries.values()) {
        if (!entry.parsed.awaitingCompiler) continue;
        const message = `The cell compiler could not be loaded (${detail}), so this cell cannot run. Reload the page, then run the cell again.`;
        entry.parsed = { source: entry.doc.source, kind: entry.doc.kind, analysis: undefined, error: cellError("thrown", entry.doc.id, message) };
      }
      reparse();
    });
  }

  /** Re-plans the notebook and redefines exactly the runtime variables whose definition changed. */
  private rebuild(): void {
    if ([...this.entries.values()].some((e) => e.parsed.awaitingCompiler)) return this.waitForCompiler();
    const cells = [...this.entries.values()].map((e) => ({ doc: e.doc, parsed: e.parsed }));
    const { plans, definers } = planNotebook(cells, this.builtinNames, (n) => n in globalThis, this.hostNames);
    this.definers = definers;
    this.dependentsByCell = undefined;
    // Names first lose their variables, then cells are (re)defined, then names are (re)defined.
    for (const [name, nv] of [...this.names]) {
      if (definers.has(name)) continue;
      this.names.delete(name);
      this.values.delete(name);
      this.busy.delete(nv.variable);
      nv.variable.delete();
    }
    for (const entry of this.entries.values()) {
      const plan = plans.get(entry.doc.id);
      if (!plan) continue;
      entry.plan = plan;
      entry.state.defines = plan.defines;
      entry.state.references = plan.references;
      if (entry.applied === plan.signature) continue;
      entry.applied = plan.signature;
      this.defineCell(entry, plan);
    }
    for (const [name, ids] of definers) this.defineName(name, ids);
  }

  private defineCell(entry: CellEntry, plan: CellPlan): void {
    const name = cellVarName(entry.doc.id);
    entry.run++;
    const heldMessage = this.held.get(entry.doc.id);
    const error = plan.error ?? (heldMessage === undefined ? undefined : cellError("stopped", entry.doc.id, heldMessage));
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
    const hooks: RunHooks = {
      guard: this.guard,
      entering: () => {
        this.executing = entry.doc.id;
      },
      notify: () => this.notify(entry),
      bindView: (viewName, input) => {
        entry.views.set(viewName, input);
        this.inputs.bind(viewName);
      },
    };
    const defer = this.deferCell;
    entry.variable.define(name, plan.inputs, (...values: never[]) => {
      // Asked again after each wait: the answer "now" and the run are one step, so no other cell
      // runs between the host's decision and this one.
      const start = (): unknown => {
        const wait = defer?.(entry.doc.id, { lastRunMs: entry.state.lastRunMs, dependents: this.dependents().get(entry.doc.id) ?? [], inputs: plan.inputs });
        return wait ? wait.then(start) : runCell(entry, plan, compiled, values, hooks);
      };
      return start();
    });
  }

  private defineName(name: string, ids: string[]): void {
    const signature = ids.length === 1 ? `one:${ids[0]}` : `dup:${ids.join(",")}`;
    let nv = this.names.get(name);
    if (nv?.signature === signature) return;
    if (!nv) {
      nv = { variable: this.module.variable(this.nameObserver(name)), signature };
      this.names.set(name, nv);
    }
    nv.signature = signature;
    defineNameVariable(nv.variable, name, ids);
  }

  private cellObserver(holder: { entry?: CellEntry }) {
    // A removed cell's variable may still report once; only the live entry is updated.
    const live = (): CellEntry | undefined => {
      const entry = holder.entry;
      if (entry && this.entries.get(entry.doc.id) !== entry) {
        this.busy.delete(entry.variable);
        return undefined;
      }
      return entry;
    };
    return {
      pending: () => {
        const entry = live();
        if (!entry) return;
        this.busy.add(entry.variable);
        entry.state.status = "pending";
        this.notify(entry);
      },
      fulfilled: (value: unknown) => {
        const entry = live();
        if (!entry) return;
        this.busy.delete(entry.variable);
        applyCellValue(entry, value);
        this.notify(entry);
      },
      rejected: (error: unknown) => {
        const entry = live();
        if (!entry) return;
        this.busy.delete(entry.variable);
        applyCellError(entry, error, this.definers);
        this.notify(entry);
      },
    };
  }

  private nameObserver(name: string) {
    const owner = () => {
      const ids = this.definers.get(name);
      return ids?.length === 1 && ids[0] !== undefined ? this.entries.get(ids[0]) : undefined;
    };
    return {
      pending: () => {
        const nv = this.names.get(name);
        if (nv) this.busy.add(nv.variable);
      },
      fulfilled: (value: unknown) => {
        const nv = this.names.get(name);
        if (nv) this.busy.delete(nv.variable);
        this.values.set(name, value);
        const entry = owner();
        if (entry) this.notify(entry);
      },
      rejected: (error: unknown) => {
        const nv = this.names.get(name);
        if (nv) this.busy.delete(nv.variable);
        this.values.delete(name);
        const entry = owner();
        if (entry && applyNameError(entry, error)) this.notify(entry);
      },
    };
  }

  private snapshot(entry: CellEntry): CellRuntimeState {
    return { ...entry.state, displays: [...entry.state.displays], defines: [...entry.state.defines], references: [...entry.state.references] };
  }

  private notify(entry: CellEntry): void {
    if (this.disposed || this.listeners.size === 0) return;
    const state = this.snapshot(entry);
    for (const listener of this.listeners) listener(entry.doc.id, state);
  }
}

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
import { cellInLanguage } from "../notebook/cell-in-language";
import { DEFAULT_LOCALE, type Locale } from "../base/locale/locale";
import { applyCellError, applyCellValue, type CellEntry, type RunHooks } from "./cell-run";
import { builtinDefinitions } from "./builtin-definitions";
import type { InputRestoreReport } from "./input-binding";
import { createLoopGuard, type LoopGuard } from "./loop-guard";
import { loadCellCompiler } from "./cell-compiler";
import { parseCell, planNotebook, type CellPlan } from "./plan-notebook";
import { defineCellVariable } from "./cell-variable";
import { NameVariables } from "./name-variable";
import { CellFailure, cellError } from "./runtime-error";
import { transitiveDependents } from "./transitive-dependents";
import type { CellRuntimeState } from "./types";
import { ViewInputs } from "./view-inputs";
import type { RuntimeOptions } from "./runtime-options";
import { Listeners } from "../base/listeners";

// The options belong to the runtime's face: hosts import them with it.
export type { DeferInfo, RuntimeOptions } from "./runtime-options";

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
  private definers = new Map<string, string[]>();
  /** Cell id → the cells that use it, directly or not; made on first use after each re-plan. */
  private dependentsByCell: Map<string, readonly string[]> | undefined;
  /**
   * Cell id → the cells it takes names from and the cells that take names from it, made on first use
   * after each change of the cells or their plans. The notebook draws both lists under every cell
   * at each full render: asked cell by cell, "used by" read every other cell's uses (a notebook of
   * n cells made n² sets; ~8 ms of 03's opening in the frame's profile).
   */
  private graph: { uses: Map<string, readonly string[]>; usedBy: Map<string, readonly string[]> } | undefined;
  private readonly busy = new Set<Variable>();
  /** One variable per defined name, and its value. */
  private readonly names: NameVariables;
  private readonly listeners = new Listeners<[id: string, state: CellRuntimeState]>();
  /** The values the host gives view() inputs (view-inputs.ts). */
  private readonly inputs = new ViewInputs(() => [...this.entries.values()].map((e) => e.views));
  /** The cell whose code ran last (body start or resume): the one a spinning loop is in. */
  private executing: string | undefined;
  /** Whether the run whose code runs now (until its stretch ends) is still its cell's current one; see callerRun. */
  private caller: (() => boolean) | undefined;
  /** The stretch of a cell's own code under way (a token), until the code marks its end. */
  private stretch: object | undefined;
  /** Cells kept from running (after the host stopped them), with the message each shows. */
  private readonly held = new Map<string, string>();
  private disposed = false;
  /** Set while cells wait for the compiler to load (cell-compiler.ts); see waitForCompiler. */
  private compiling: Promise<void> | undefined;
  private readonly deferCell: RuntimeOptions["deferCell"];
  private readonly onRunSettled: RuntimeOptions["onRunSettled"];
  /** The reader's language: which text of a markdown cell with variants runs (`setLanguage`). */
  private language: Locale;
  /** The cells with variants as the document has them, to run in another language after a switch. */
  private readonly authored = new Map<string, CellDoc>();

  constructor(options: RuntimeOptions = {}) {
    this.deferCell = options.deferCell;
    this.onRunSettled = options.onRunSettled;
    this.language = options.language ?? DEFAULT_LOCALE;
    const builtins = builtinDefinitions(options.builtins ?? {});
    this.builtinNames = new Set(Object.keys(builtins));
    this.hostNames = new Set(options.hostNames ?? []);
    this.runtime = new Runtime(builtins, (name) => {
      if (name in globalThis) return Reflect.get(globalThis, name);
      throw new CellFailure(cellError("undefined-name", "", `${name} is not defined by any cell — define it in a cell or fix the spelling.`, { names: [name] }));
    });
    this.module = this.runtime.module();
    this.names = new NameVariables({
      module: this.module,
      busy: this.busy,
      owner: (name) => {
        const ids = this.definers.get(name);
        return ids?.length === 1 && ids[0] !== undefined ? this.entries.get(ids[0]) : undefined;
      },
      notify: (entry) => this.notify(entry),
    });
    schedulePromptly(this.runtime);
    const { onLongRun, timeoutMs = 5000 } = options;
    this.guard = createLoopGuard(timeoutMs, undefined, onLongRun && { afterMs: Math.min(500, timeoutMs / 2), report: () => this.executing !== undefined && onLongRun(this.executing) });
  }

  /** (Re)defines all cells; cells whose source and inputs did not change keep their values. */
  load(doc: NotebookDoc): void {
    const ids = new Set(doc.cells.map((c) => c.id));
    for (const id of [...this.entries.keys()]) if (!ids.has(id)) this.dropEntry(id);
    for (const cell of doc.cells) this.putEntry(this.inLanguage(cell));
    // Keep document order (cells may have moved): messages list cells in the order they appear.
    const ordered = doc.cells.flatMap((c) => {
      const entry = this.entries.get(c.id);
      return entry ? [entry] : [];
    });
    this.entries.clear();
    for (const entry of ordered) this.entries.set(entry.doc.id, entry);
    this.graph = undefined;
    this.rebuild();
  }

  /**
   * Redefines one cell (or adds it): it and exactly its transitive dependents rerun — also when
   * the source is unchanged (Shift-Enter on an unedited cell runs it again).
   */
  updateCell(cell: CellDoc): void {
    this.held.delete(cell.id);
    this.putEntry(this.inLanguage(cell));
    const entry = this.entries.get(cell.id);
    if (entry) delete entry.applied;
    this.rebuild();
  }

  /**
   * The reader's language changed: each markdown cell whose text differs between the two languages
   * runs again with the new one (it defines no names, so nothing else reruns); every other cell
   * keeps its value.
   */
  setLanguage(language: Locale): void {
    if (language === this.language) return;
    const before = this.language;
    this.language = language;
    let changed = false;
    for (const cell of this.authored.values()) {
      const shown = cellInLanguage(cell, language);
      if (shown.source === cellInLanguage(cell, before).source) continue;
      this.putEntry(shown);
      const entry = this.entries.get(cell.id);
      if (entry) delete entry.applied;
      changed = true;
    }
    if (changed) this.rebuild();
  }

  /** The cell as the reader's language runs it; a cell with variants is kept as authored for `setLanguage`. */
  private inLanguage(cell: CellDoc): CellDoc {
    if (cell.variants) this.authored.set(cell.id, cell);
    else this.authored.delete(cell.id);
    return cellInLanguage(cell, this.language);
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

  /**
   * For a builtin that works over several tasks (04's every figure by table): called while a cell's
   * own code runs (from its start, or a resume after await/yield, to its next await/yield or its
   * end — the compiler marks each, transpile-cell.ts), whether the run that called it is still the
   * cell's current one. It turns false once the cell goes pending again
   * (an input changed: a newer filter), is redefined or removed, or the runtime is disposed: the
   * runtime then drops whatever that run still returns, so its work may stop. Undefined when no
   * cell's own code is running (an event handler or a timer a cell defined, also after an await in
   * a function the cell calls, a microtask queued before a stretch of a cell's code).
   */
  callerRun(): (() => boolean) | undefined {
    const current = this.caller;
    return current && (() => !this.disposed && current());
  }

  /** A snapshot of one cell's runtime state. */
  state(id: string): CellRuntimeState | undefined {
    const entry = this.entries.get(id);
    return entry ? this.snapshot(entry) : undefined;
  }

  /** Calls `listener` on every state change of any cell; returns the unsubscribe function. */
  subscribe(listener: (id: string, state: CellRuntimeState) => void): () => void {
    return this.listeners.add(listener);
  }

  /** Ids of the cells this cell takes names from (the same array until the cells or their plans change). */
  uses(id: string): readonly string[] {
    return this.dependencyGraph().uses.get(id) ?? [];
  }

  /** Both directions of the direct dependencies, from the plans: made once per change of the cells. */
  private dependencyGraph(): { uses: Map<string, readonly string[]>; usedBy: Map<string, readonly string[]> } {
    if (this.graph) return this.graph;
    const uses = new Map<string, readonly string[]>();
    const usedBy = new Map<string, string[]>();
    for (const [id, entry] of this.entries) {
      usedBy.set(id, []);
      if (!entry.plan) continue;
      const ids = new Set(entry.plan.references.flatMap((n) => this.definers.get(n) ?? []));
      ids.delete(id);
      uses.set(id, [...ids]);
    }
    // In cell order, as a filter over the cells gave it.
    for (const [id, ids] of uses) for (const used of ids) usedBy.get(used)?.push(id);
    this.graph = { uses, usedBy };
    return this.graph;
  }

  /** Every cell's transitive dependents (see DeferInfo), from the plans. */
  private dependents(): ReadonlyMap<string, readonly string[]> {
    return (this.dependentsByCell ??= transitiveDependents(this.entries.keys(), (id) => this.uses(id)));
  }

  /** Ids of the cells that take names from this cell, in cell order (the same array until the cells or their plans change). */
  usedBy(id: string): readonly string[] {
    return this.dependencyGraph().usedBy.get(id) ?? [];
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
    return this.names.namedValues();
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
      invalidations: 0,
    };
    holder.entry = entry;
    this.entries.set(cell.id, entry);
    this.graph = undefined;
  }

  private dropEntry(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.authored.delete(id);
    this.graph = undefined;
    entry.run++;
    entry.invalidations++;
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
    this.names.prune(definers);
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
    // After every plan is in: a graph made while they were assigned would miss the later ones.
    this.graph = undefined;
    for (const [name, ids] of definers) this.names.define(name, ids);
  }

  private defineCell(entry: CellEntry, plan: CellPlan): void {
    const defer = this.deferCell;
    const id = entry.doc.id;
    const hooks: RunHooks = {
      guard: this.guard,
      entering: (current) => {
        this.executing = id;
        // Until the compiled code marks the stretch's end (cellPaused at each await and yield, and
        // when the code ends): a builtin called then is called by this run, later code (an event
        // handler, a timer's microtask) by none. The queued microtask only lets go of a stretch
        // whose end was not marked (none is known): it runs after microtasks queued before the
        // stretch, so alone it took those for the cell's calls (atk30b).
        const stretch = {};
        this.stretch = stretch;
        this.caller = current;
        queueMicrotask(() => {
          if (this.stretch === stretch) this.caller = undefined;
        });
      },
      leaving: () => {
        this.stretch = undefined;
        this.caller = undefined;
      },
      running: () => {
        this.executing = id;
      },
      notify: () => this.notify(entry),
      bindView: (viewName, input) => {
        entry.views.set(viewName, input);
        this.inputs.bind(viewName);
      },
    };
    const wait = defer && (() => defer(id, { lastRunMs: entry.state.lastRunMs, dependents: this.dependents().get(id) ?? [], inputs: plan.inputs }));
    defineCellVariable(entry, plan, { held: this.held.get(id), hooks, wait });
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
        // The run under way (if any) is superseded: the runtime drops its value (callerRun).
        if (holder.entry) holder.entry.invalidations++;
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
        this.onRunSettled?.(entry.doc.id, entry.state.lastRunMs);
        this.notify(entry);
      },
      rejected: (error: unknown) => {
        const entry = live();
        if (!entry) return;
        this.busy.delete(entry.variable);
        applyCellError(entry, error, this.definers);
        this.onRunSettled?.(entry.doc.id, entry.state.lastRunMs);
        this.notify(entry);
      },
    };
  }

  private snapshot(entry: CellEntry): CellRuntimeState {
    return { ...entry.state, displays: [...entry.state.displays], defines: [...entry.state.defines], references: [...entry.state.references] };
  }

  private notify(entry: CellEntry): void {
    if (this.disposed || this.listeners.size === 0) return;
    const state = this.snapshot(entry);
    this.listeners.emit(entry.doc.id, state);
  }
}

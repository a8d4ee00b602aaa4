/** Options for `NotebookRuntime` (notebook-runtime.ts): what the host hands the runtime when it makes one. */
import type { Locale } from "../base/locale/locale";

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
   * Told when a cell's run has settled (fulfilled or rejected), with how long it took: the
   * scheduler then counts a finished run at its real time, not the time it expected.
   */
  onRunSettled?: (cellId: string, runMs: number | undefined) => void;
  /**
   * Builtins the host keeps current with `NotebookRuntime.setBuiltin` and names on the page
   * (the survey, the filter): a cell that defines one gets an error instead of replacing it.
   */
  hostNames?: readonly string[];
  /**
   * The reader's language: a markdown cell runs its variant for it, or its authored text where it
   * has none (`cellInLanguage`). Default norsk, as every Node host. `NotebookRuntime.setLanguage` switches it.
   */
  language?: Locale;
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

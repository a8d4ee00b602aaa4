import { loadCellCompiler } from "./cell-compiler";
import { describeFunction } from "../base/describe-function";
import { mergeLazy } from "../base/merge-lazy";
import type { CellKind, NotebookDoc } from "../notebook/document";
import type { Locale } from "../base/locale/locale";
import { NotebookRuntime } from "./notebook-runtime";
import { createStdlib, type StdlibHost } from "./stdlib";
import { isDisplayTable } from "./display-table";
import type { CellError, CellStatus } from "./types";

/** One cell's outcome in a headless run, JSON-ready. */
export interface HeadlessCellResult {
  id: string;
  kind: CellKind;
  status: CellStatus | "timeout";
  /** Values of the names the cell defines. */
  names?: Record<string, unknown>;
  /** Value of an expression or markdown cell. */
  value?: unknown;
  error?: { kind: CellError["kind"]; message: string; line?: number; column?: number };
}

/** Result of a headless run: `ok` is false when any cell failed or did not settle. */
export interface HeadlessRun {
  ok: boolean;
  cells: HeadlessCellResult[];
}

/** Options for {@link runNotebookHeadless}. */
export interface HeadlessOptions {
  host: StdlibHost;
  /** Give up waiting for the notebook to settle after this long (default 30 s). */
  idleTimeoutMs?: number;
  /** Loop-guard limit per synchronous stretch (default 5 s). */
  timeoutMs?: number;
  /** Extra built-ins next to the stdlib (e.g. survey, stats). */
  builtins?: Record<string, unknown>;
  /** The language the markdown cells are read in: their variant for it, else the authored text (default norsk). */
  language?: Locale;
}

/** Tables with more rows than this are summarized instead of listed. */
const MAX_TABLE_ROWS = 50;


/**
 * A JSON-able picture of any cell value: tables as arrays of row objects (or a summary when
 * large), DOM nodes as their tag and HTML length, functions by name, cycles cut.
 */
export function toJsonValue(value: unknown, depth = 0, seen = new Set<object>()): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined) return null;
  if (typeof value === "function") return describeFunction(value);
  if (typeof value === "symbol") return value.toString();
  if (typeof value !== "object") return String(value);
  if (seen.has(value)) return "[circular]";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (isDisplayTable(value)) {
    const rows = value.numRows();
    if (rows <= MAX_TABLE_ROWS) return value.objects().map((row) => toJsonValue(row, depth + 1, seen));
    return { table: { rows, columns: value.columnNames(), head: value.objects({ limit: 5 }).map((r) => toJsonValue(r, depth + 1, seen)) } };
  }
  if ("outerHTML" in value && typeof value.outerHTML === "string") {
    const tag = "tagName" in value && typeof value.tagName === "string" ? value.tagName.toLowerCase() : "node";
    return { element: tag, htmlLength: value.outerHTML.length };
  }
  if ("toJSON" in value && typeof value.toJSON === "function") return toJsonValue(value.toJSON(), depth + 1, seen);
  if (depth > 6) return "[…]";
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.slice(0, 1000).map((v) => toJsonValue(v, depth + 1, seen));
    if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toJsonValue(v, depth + 1, seen)]));
    if (value instanceof Set) return [...value].map((v) => toJsonValue(v, depth + 1, seen));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValue(v, depth + 1, seen)]));
  } finally {
    seen.delete(value);
  }
}

/**
 * Runs a notebook without a browser: loads every cell, waits until nothing is pending (or the
 * idle timeout passes), and reports each cell's names, value or error. `ok` is false when any
 * cell failed or did not settle.
 */
export async function runNotebookHeadless(doc: NotebookDoc, options: HeadlessOptions): Promise<HeadlessRun> {
  // Without a browser every cell is compiled here (no build's table): load the compiler first.
  await loadCellCompiler();
  const runtime = new NotebookRuntime({
    builtins: mergeLazy(createStdlib(options.host), options.builtins ?? {}),
    timeoutMs: options.timeoutMs ?? 5000,
    language: options.language,
  });
  try {
    runtime.load(doc);
    const limit = options.idleTimeoutMs ?? 30_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = await Promise.race([
      runtime.idle().then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), limit))),
    ]);
    clearTimeout(timer);
    const named = runtime.namedValues();
    const cells = doc.cells.map((cell): HeadlessCellResult => {
      const state = runtime.state(cell.id);
      // A cell whose names never got a value (a promise that never settles) is unsettled too.
      const waiting = !state?.error && (state?.defines ?? []).some((n) => !(n in named));
      const unsettled = !state || state.status === "pending" || state.status === "running" || waiting;
      const result: HeadlessCellResult = { id: cell.id, kind: cell.kind, status: unsettled && timedOut ? "timeout" : (state?.status ?? "pending") };
      if (state?.defines.length) {
        result.names = Object.fromEntries(state.defines.map((n) => [n, toJsonValue(named[n])]));
      }
      if (state && "value" in state && state.value !== undefined) result.value = toJsonValue(state.value);
      if (state?.error) {
        const { kind, message, line, column } = state.error;
        result.error = { kind, message, ...(line ? { line } : {}), ...(column ? { column } : {}) };
      } else if (result.status === "timeout") {
        result.error = { kind: "timeout", message: `Still running after ${limit} ms: the cell never settled. Check for a promise that never resolves.` };
      }
      return result;
    });
    return { ok: cells.every((c) => c.status === "fulfilled"), cells };
  } finally {
    runtime.dispose();
  }
}

/**
 * Columns as Float64Array, extracted once and cached.
 *
 * Every kernel reads its variables through a `Frame`: the source's columns converted once to
 * Float64Array (blank, null and non-numeric text become NaN = system missing) plus the selected
 * rows as a Uint32Array. Arquero's own per-row access (`table.get`, expression closures) costs about
 * 20× a plain typed-array loop; reading cached arrays keeps the kernels within ~1–3× of one.
 *
 * The cache is keyed by the column object itself (WeakMap), so every filtered view of the same
 * Arquero table shares the extracted arrays and a filter change only recomputes the row indices.
 */
import type { ProblemError } from "../base/result";
import { statsError } from "./stats-problem";

/** A single column as Arquero stores it (arrays, typed arrays, Arrow vectors). */
export interface ColumnLike {
  length: number;
  at(row: number): unknown;
}

/** The part of an Arquero table the statistics use; `aq.table(...)` results satisfy it. */
export interface TableLike {
  column(name: string): ColumnLike | ArrayLike<unknown> | undefined;
  columnNames(): string[];
  numRows(): number;
  totalRows(): number;
  isFiltered(): boolean;
  indices(order?: boolean): Uint32Array;
  /** Set by `filterView`: the filters that made this view, for audit lines. */
  readonly filterLabels?: string[];
}

/** Plain columns: `{ q3: [1, 2, null, 9], size_class: Float64Array }`. */
export type Columns = Record<string, ArrayLike<unknown>>;

/** Anything the kernels accept as data. */
export type ColumnSource = TableLike | Columns;

/** Type guard: an Arquero-like table rather than a record of columns. */
export function isTableLike(source: unknown): source is TableLike {
  return typeof source === "object" && source !== null && "column" in source && typeof source.column === "function" && "indices" in source && typeof source.indices === "function";
}

const cache = new WeakMap<object, Float64Array>();

/** Convert one cell to a number: NaN for system missing (null, blank, text that is not a number). */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") {
    const text = value.trim();
    return text === "" ? Number.NaN : Number(text);
  }
  return Number.NaN;
}

type NumericArray = Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array;

function isNumericArray(value: unknown): value is NumericArray {
  return (
    value instanceof Int8Array || value instanceof Uint8Array || value instanceof Uint8ClampedArray ||
    value instanceof Int16Array || value instanceof Uint16Array || value instanceof Int32Array ||
    value instanceof Uint32Array || value instanceof Float32Array
  );
}

function isColumnLike(value: ColumnLike | ArrayLike<unknown>): value is ColumnLike {
  return "at" in value && typeof value.at === "function";
}

/** A column that converts itself (the loaders' typed-array views: one tight loop, no per-cell `at`). */
function hasFloat64(value: ColumnLike | ArrayLike<unknown>): value is ColumnLike & { toFloat64(): Float64Array } {
  return "toFloat64" in value && typeof value.toFloat64 === "function";
}

/** One column as numbers, NaN for system missing. */
function convert(column: ColumnLike | ArrayLike<unknown>): Float64Array {
  if (hasFloat64(column)) return column.toFloat64();
  const n = column.length;
  const out = new Float64Array(n);
  if (isNumericArray(column)) {
    // Other typed arrays hold numbers already: copy without per-cell conversion.
    out.set(column);
  } else if (Array.isArray(column)) {
    for (let i = 0; i < n; i++) out[i] = toNumber(column[i]);
  } else if (isColumnLike(column)) {
    for (let i = 0; i < n; i++) out[i] = toNumber(column.at(i));
  } else {
    for (let i = 0; i < n; i++) out[i] = toNumber(column[i]);
  }
  return out;
}

function extract(column: ColumnLike | ArrayLike<unknown>): Float64Array {
  if (column instanceof Float64Array) return column;
  const hit = cache.get(column);
  if (hit) return hit;
  const out = convert(column);
  cache.set(column, out);
  return out;
}

/** The data a kernel works on: cached columns over all backing rows and the selected row indices. */
export interface Frame {
  /** Rows in the backing data (before any filter). */
  readonly totalRows: number;
  /** Selected backing-row indices, or null when every row is selected. */
  readonly rows: Uint32Array | null;
  /** Number of selected rows. */
  readonly n: number;
  /** True when the source table carried an Arquero filter. */
  readonly sourceFiltered: boolean;
  /** The named column over all backing rows; throws an "unknown-variable" ProblemError when it does not exist. */
  column(name: string): Float64Array;
  has(name: string): boolean;
  names(): string[];
}

/**
 * Build a Frame from an Arquero table (its filter becomes the row selection) or plain columns.
 * `rows`, when given, replaces the selection (used after `where` conditions are applied).
 */
export function frameOf(source: ColumnSource, rows?: Uint32Array | null): Frame {
  if (isTableLike(source)) {
    const filtered = source.isFiltered();
    const selected = rows !== undefined ? rows : filtered ? source.indices(false) : null;
    return makeFrame(source.totalRows(), selected, filtered, (name) => source.column(name), () => source.columnNames());
  }
  const names = Object.keys(source);
  const first = names[0];
  const totalRows = first === undefined ? 0 : (source[first]?.length ?? 0);
  for (const name of names) {
    const len = source[name]?.length ?? 0;
    if (len !== totalRows) {
      throw statsError(
        "bad-input",
        `Column "${name}" has ${len} rows but "${first}" has ${totalRows}; give columns of equal length.`,
        { name, length: len, expected: totalRows },
      );
    }
  }
  return makeFrame(totalRows, rows ?? null, false, (name) => source[name], () => names);
}

/** A Frame over columns found by `get` (undefined for an unknown name). */
function makeFrame(
  totalRows: number,
  rows: Uint32Array | null,
  sourceFiltered: boolean,
  get: (name: string) => ColumnLike | ArrayLike<unknown> | undefined,
  names: () => string[],
): Frame {
  return {
    totalRows,
    rows,
    n: rows ? rows.length : totalRows,
    sourceFiltered,
    column(name) {
      const col = get(name);
      if (!col) throw unknownVariable(name, names());
      return extract(col);
    },
    has: (name) => get(name) !== undefined,
    names,
  };
}

function unknownVariable(name: string, known: string[]): ProblemError {
  const near = known.filter((k) => k.startsWith(name.slice(0, 2))).slice(0, 8);
  return statsError(
    "unknown-variable",
    `No column "${name}" in the data. Check the spelling${near.length ? `; similar: ${near.join(", ")}` : ""}.`,
    { name, columns: known.length },
  );
}

/** Forget the cached arrays of one source's columns (after mutating a plain array in place). */
export function invalidateColumns(source: ColumnSource): void {
  if (isTableLike(source)) {
    for (const name of source.columnNames()) {
      const col = source.column(name);
      if (col) cache.delete(col);
    }
  } else {
    for (const col of Object.values(source)) cache.delete(col);
  }
}

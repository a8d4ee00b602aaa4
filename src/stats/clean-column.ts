/**
 * A column with its user-missing codes turned into NaN and shifted by one of its valid values,
 * cached per (column, missing codes). With missing values folded into NaN, a correlation loop needs
 * one `x === x` test per value instead of a code lookup; the shift keeps one-pass sums of squares
 * accurate. Built once over all backing rows, so every filter reuses it.
 */
import type { MissingCodes } from "./pair-sums";

export interface CleanColumn {
  /** value − shift for valid values, NaN for blank and user-missing. */
  values: Float64Array;
  shift: number;
}

const cache = new WeakMap<Float64Array, Map<string, CleanColumn>>();

/** The cache key of a set of missing codes. A plain loop: `forEach` over the 256 flags cost ~10 µs a call, every Pearson's r twice. */
function key(m: MissingCodes): string {
  const { table, others } = m;
  const codes: number[] = [];
  for (let code = 0; code < table.length; code++) if (table[code]) codes.push(code);
  // The table's codes come in order; only codes outside it need sorting in.
  return (others.length === 0 ? codes : [...others, ...codes].sort((a, b) => a - b)).join(",");
}

/** The cleaned, shifted copy of `col` for missing codes `m`. */
export function cleanColumn(col: Float64Array, m: MissingCodes): CleanColumn {
  const k = key(m);
  let byKey = cache.get(col);
  const hit = byKey?.get(k);
  if (hit) return hit;
  const n = col.length;
  const values = new Float64Array(n);
  let shift = Number.NaN;
  const { table, others } = m;
  for (let r = 0; r < n; r++) {
    const x = col[r] ?? Number.NaN;
    let good = x === x;
    if (good) {
      if (x >= 0 && x < 256 && (x | 0) === x) good = table[x] === 0;
      else if (others.length > 0) good = !others.includes(x);
    }
    if (good) {
      if (shift !== shift) shift = x;
      values[r] = x - shift;
    } else {
      values[r] = Number.NaN;
    }
  }
  const out = { values, shift: shift === shift ? shift : 0 };
  if (!byKey) {
    byKey = new Map();
    cache.set(col, byKey);
  }
  byKey.set(k, out);
  return out;
}

/** Whether a cleaned copy of `col` for missing codes `m` is kept (what a spare frame's warm-up leaves: analysis/evidence/warm-kernels.ts). */
export function hasCleanColumn(col: Float64Array, m: MissingCodes): boolean {
  return cache.get(col)?.has(key(m)) ?? false;
}

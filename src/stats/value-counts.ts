/**
 * Counting the values of one column over the selected rows: the inner loop shared by
 * frequencies, multiple response and size-class tables. Codes 0–255 (all survey codes) are counted
 * in a dense array; anything else falls back to a Map, so odd values are never lost.
 */
import type { Frame } from "./column-cache";
import { rowWeight } from "./weights";

export interface ValueCounts {
  /** value → (weighted) count, for every non-NaN value. */
  counts: Map<number, number>;
  /** (Weighted) count of NaN = system missing. */
  systemMissing: number;
  /** Unweighted number of rows looked at (all selected rows with a usable weight). */
  rows: number;
}

/** Count the values of `col` over the frame's selected rows, optionally weighted. */
export function countValues(frame: Frame, col: Float64Array, w: Float64Array | null): ValueCounts {
  const dense = new Float64Array(256);
  const other = new Map<number, number>();
  let sysmis = 0;
  let rows = 0;
  const sel = frame.rows;
  const n = frame.n;
  for (let i = 0; i < n; i++) {
    const r = sel ? (sel[i] ?? 0) : i;
    const wt = w ? rowWeight(w, r) : 1;
    if (wt === 0) continue;
    rows++;
    const v = col[r] ?? Number.NaN;
    if (v !== v) sysmis += wt;
    else if (v >= 0 && v < 256 && (v | 0) === v) dense[v] = (dense[v] ?? 0) + wt;
    else other.set(v, (other.get(v) ?? 0) + wt);
  }
  const counts = new Map<number, number>();
  for (let c = 0; c < 256; c++) {
    const k = dense[c] ?? 0;
    if (k > 0) counts.set(c, k);
  }
  for (const [v, k] of other) counts.set(v, k);
  return { counts, systemMissing: sysmis, rows };
}

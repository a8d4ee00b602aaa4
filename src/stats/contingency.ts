/**
 * The counting kernel of a crosstab: one pass over the selected rows that counts every (x, y) pair
 * — missing codes and blanks included — into a dense 257 × 257 table (codes 0–255, index 256 for
 * blank). Valid rows/columns and the audit's missing counts are read off that table afterwards, so
 * the hot loop has no missing-value branches. Values outside 0–255 go to a Map.
 */
import type { Frame } from "./column-cache";
import { rowWeight } from "./weights";

const SIDE = 257;
const BLANK = 256;

export interface PairCounts {
  /** (x, y) → weighted count, NaN stored as key NaN. */
  get(x: number, y: number): number;
  /** Distinct x values (NaN for blank) and y values seen. */
  xValues: number[];
  yValues: number[];
}

function slot(v: number): number {
  if (v !== v) return BLANK;
  return v >= 0 && v < 256 && (v | 0) === v ? v : -1;
}

/** Count (x, y) pairs over the frame's selected rows. */
export function countPairs(frame: Frame, x: Float64Array, y: Float64Array, w: Float64Array | null): PairCounts {
  const dense = new Float64Array(SIDE * SIDE);
  const other = new Map<string, number>();
  const sel = frame.rows;
  const n = frame.n;
  if (!w && sel) {
    // The common case (filtered, unweighted) without the weight branch: this loop is what the
    // benchmark compares with a hand-written typed-array loop.
    for (let i = 0; i < n; i++) {
      const r = sel[i] ?? 0;
      const xv = x[r] ?? Number.NaN;
      const yv = y[r] ?? Number.NaN;
      const a = xv >= 0 && xv < 256 && (xv | 0) === xv ? xv : slot(xv);
      const b = yv >= 0 && yv < 256 && (yv | 0) === yv ? yv : slot(yv);
      if (a >= 0 && b >= 0) {
        const k = a * SIDE + b;
        dense[k] = (dense[k] ?? 0) + 1;
      }
      else other.set(`${xv}|${yv}`, (other.get(`${xv}|${yv}`) ?? 0) + 1);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const r = sel ? (sel[i] ?? 0) : i;
      const wt = w ? rowWeight(w, r) : 1;
      if (wt === 0) continue;
      const xv = x[r] ?? Number.NaN;
      const yv = y[r] ?? Number.NaN;
      const a = slot(xv);
      const b = slot(yv);
      if (a >= 0 && b >= 0) dense[a * SIDE + b] = (dense[a * SIDE + b] ?? 0) + wt;
      else other.set(`${xv}|${yv}`, (other.get(`${xv}|${yv}`) ?? 0) + wt);
    }
  }
  const xs = new Set<number>();
  const ys = new Set<number>();
  for (let a = 0; a < SIDE; a++) {
    for (let b = 0; b < SIDE; b++) {
      if ((dense[a * SIDE + b] ?? 0) > 0) {
        xs.add(a === BLANK ? Number.NaN : a);
        ys.add(b === BLANK ? Number.NaN : b);
      }
    }
  }
  for (const key of other.keys()) {
    const [sx, sy] = key.split("|");
    xs.add(Number(sx));
    ys.add(Number(sy));
  }
  const byValue = (p: number, q: number): number => (Number.isNaN(p) ? 1 : Number.isNaN(q) ? -1 : p - q);
  return {
    get(xv, yv) {
      const a = slot(xv);
      const b = slot(yv);
      if (a >= 0 && b >= 0) return dense[a * SIDE + b] ?? 0;
      return other.get(`${xv}|${yv}`) ?? 0;
    },
    xValues: [...xs].sort(byValue),
    yValues: [...ys].sort(byValue),
  };
}

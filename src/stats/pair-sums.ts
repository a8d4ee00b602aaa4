/**
 * The correlation kernel: one pass over the selected rows accumulating, for every pair of
 * variables, n, Σx, Σy, Σx², Σy², Σxy over the rows where both are valid (pairwise) or where all
 * are valid (listwise). Values are shifted by the first valid value of each column before squaring,
 * which keeps the one-pass sums accurate (no catastrophic cancellation for codes like 1999).
 */
import type { Frame } from "./column-cache";
import { rowWeight } from "./weights";
import type { ExcludedMissing } from "./audit";
import { cleanColumn } from "./clean-column";

export type Deletion = "pairwise" | "listwise";

/** Sums for the pairs (a, b), a < b, in row-major order; index with `pairIndex`. */
export interface PairSums {
  k: number;
  n: Float64Array;
  sx: Float64Array;
  sy: Float64Array;
  sxx: Float64Array;
  syy: Float64Array;
  sxy: Float64Array;
  /** Per variable: valid rows (weighted) — the diagonal N of the SPSS matrix under pairwise deletion. */
  valid: Float64Array;
  /** Rows complete on every variable (weighted). */
  complete: number;
  /** Per variable: blank rows and rows per user-missing code (weighted), for the audit line. */
  systemMissing: Float64Array;
  userMissing: Map<number, number>[];
}

/** Position of pair (a, b) with a < b among k variables. */
export function pairIndex(k: number, a: number, b: number): number {
  return a * k - (a * (a + 1)) / 2 + (b - a - 1);
}

/** A byte table of user-missing codes 0–255 plus the rest, for an inlined missing test. Shared: never written after it is made. */
export interface MissingCodes {
  readonly table: Uint8Array;
  readonly others: readonly number[];
}

/**
 * Made tables by their codes. The evidence runs a correlation on every reconstruction, two tables a
 * call: a fresh 256-byte table each time was a tenth of that work. Few distinct code lists exist
 * (one per variable's missing codes); the bound only guards against a cell making endless new ones.
 */
const madeTables = new Map<string, MissingCodes>();
const MADE_TABLES_MAX = 512;

/** The missing-code table of `codes` (shared for equal codes: read it, never write it). */
export function missingCodes(codes: readonly number[]): MissingCodes {
  const key = codes.join(",");
  const made = madeTables.get(key);
  if (made) return made;
  const table = new Uint8Array(256);
  const others: number[] = [];
  for (const c of codes) {
    if (Number.isInteger(c) && c >= 0 && c < 256) table[c] = 1;
    else others.push(c);
  }
  if (madeTables.size >= MADE_TABLES_MAX) madeTables.clear();
  const out = { table, others };
  madeTables.set(key, out);
  return out;
}

/** The audit's "missing excluded" entries for the variables of a PairSums. */
export function excludedFromSums(names: readonly string[], s: PairSums): ExcludedMissing[] {
  return names.map((variable, a) => ({
    variable,
    userMissing: [...(s.userMissing[a] ?? new Map<number, number>())].sort((p, q) => p[0] - q[0]).map(([code, count]) => ({ code, count })),
    systemMissing: s.systemMissing[a] ?? 0,
  }));
}

/** Accumulate pair sums for `cols` over the frame's rows. */
export function pairSums(frame: Frame, cols: Float64Array[], missing: MissingCodes[], deletion: Deletion, w: Float64Array | null): PairSums {
  return w ? weightedPairSums(frame, cols, missing, deletion, w) : unweightedPairSums(frame, cols, missing, deletion);
}

function emptySums(k: number): PairSums {
  const P = (k * (k - 1)) / 2;
  return {
    k,
    n: new Float64Array(P), sx: new Float64Array(P), sy: new Float64Array(P),
    sxx: new Float64Array(P), syy: new Float64Array(P), sxy: new Float64Array(P),
    valid: new Float64Array(k), complete: 0,
    systemMissing: new Float64Array(k), userMissing: Array.from({ length: k }, () => new Map<number, number>()),
  };
}

/**
 * The unweighted path (the filter bar's case): missing values are folded into NaN once per column
 * (cleanColumn), then each pair is one tight loop over the selected rows with scalar accumulators.
 */
function unweightedPairSums(frame: Frame, cols: Float64Array[], missing: MissingCodes[], deletion: Deletion): PairSums {
  const k = cols.length;
  const out = emptySums(k);
  const clean = cols.map((c, a) => cleanColumn(c, missing[a] ?? missingCodes([])).values);
  let sel = frame.rows;
  let nRows = frame.n;
  // Column by column (tight loops optimize far better than a row-wise loop over k arrays): valid
  // count per variable (the matrix diagonal), the missing values for the audit line (rare, so
  // classifying them costs little), and a flag per selected row that is incomplete.
  const incomplete = new Uint8Array(nRows);
  for (let a = 0; a < k; a++) {
    out.valid[a] = scanVariable(clean[a] ?? new Float64Array(0), cols[a] ?? new Float64Array(0), sel, nRows, incomplete, out, a);
  }
  // The complete rows themselves are needed only for listwise deletion; pairwise needs their count.
  const complete = deletion === "listwise" ? new Uint32Array(nRows) : null;
  let m = 0;
  for (let i = 0; i < nRows; i++) {
    if (incomplete[i] !== 0) continue;
    if (complete) complete[m] = sel ? (sel[i] ?? 0) : i;
    m++;
  }
  out.complete = m;
  if (complete) {
    sel = complete.subarray(0, m);
    nRows = m;
    out.valid.fill(m);
  }
  let p = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++, p++) {
      sumPair(clean[a] ?? new Float64Array(0), clean[b] ?? new Float64Array(0), sel, nRows, out, p);
    }
  }
  return out;
}

/** Count valid values of one variable; flag and classify the missing ones. Returns the valid count. */
function scanVariable(X: Float64Array, raw: Float64Array, sel: Uint32Array | null, nRows: number, incomplete: Uint8Array, out: PairSums, a: number): number {
  let valid = 0;
  let sys = 0;
  const um = out.userMissing[a];
  for (let i = 0; i < nRows; i++) {
    const r = sel ? (sel[i] ?? 0) : i;
    const x = X[r] ?? Number.NaN;
    if (x === x) {
      valid++;
      continue;
    }
    incomplete[i] = 1;
    const v = raw[r] ?? Number.NaN;
    if (v !== v) sys++;
    else um?.set(v, (um.get(v) ?? 0) + 1);
  }
  out.systemMissing[a] = sys;
  return valid;
}

/** Σ of one pair over the rows where both are valid (NaN-folded columns). Kept small so it optimizes well. */
function sumPair(X: Float64Array, Y: Float64Array, sel: Uint32Array | null, nRows: number, out: PairSums, p: number): void {
  let n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  if (sel) {
    for (let i = 0; i < nRows; i++) {
      const r = sel[i] ?? 0;
      const x = X[r] ?? Number.NaN;
      const y = Y[r] ?? Number.NaN;
      if (x === x && y === y) {
        n++; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
      }
    }
  } else {
    for (let r = 0; r < nRows; r++) {
      const x = X[r] ?? Number.NaN;
      const y = Y[r] ?? Number.NaN;
      if (x === x && y === y) {
        n++; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
      }
    }
  }
  out.n[p] = n; out.sx[p] = sx; out.sy[p] = sy; out.sxx[p] = sxx; out.syy[p] = syy; out.sxy[p] = sxy;
}

/** The weighted path: one row-wise pass with weights (and SPSS's rule that w ≤ 0 drops the row). */
function weightedPairSums(frame: Frame, cols: Float64Array[], missing: MissingCodes[], deletion: Deletion, w: Float64Array): PairSums {
  const k = cols.length;
  const out = emptySums(k);
  const sel = frame.rows;
  const nRows = frame.n;
  const shift = new Float64Array(k).fill(Number.NaN);
  const v = new Float64Array(k);
  const ok = new Uint8Array(k);
  const { n, sx, sy, sxx, syy, sxy, valid } = out;
  for (let i = 0; i < nRows; i++) {
    const r = sel ? (sel[i] ?? 0) : i;
    const wt = rowWeight(w, r);
    if (wt === 0) continue;
    let all = 1;
    for (let a = 0; a < k; a++) {
      const x = cols[a]?.[r] ?? Number.NaN;
      const m = missing[a];
      let good = x === x;
      if (good && m) {
        if (x >= 0 && x < 256 && (x | 0) === x) good = m.table[x] === 0;
        else if (m.others.length > 0) good = !m.others.includes(x);
      }
      if (good) {
        if (shift[a] !== shift[a]) shift[a] = x;
        v[a] = x - (shift[a] ?? 0);
        ok[a] = 1;
        valid[a] = (valid[a] ?? 0) + wt;
      } else {
        ok[a] = 0;
        all = 0;
        if (x !== x) out.systemMissing[a] = (out.systemMissing[a] ?? 0) + wt;
        else {
          const um = out.userMissing[a];
          um?.set(x, (um.get(x) ?? 0) + wt);
        }
      }
    }
    if (all) out.complete += wt;
    if (deletion === "listwise" && !all) continue;
    let p = 0;
    for (let a = 0; a < k; a++) {
      if (!ok[a]) {
        p += k - a - 1;
        continue;
      }
      const x = v[a] ?? 0;
      for (let b = a + 1; b < k; b++, p++) {
        if (!ok[b]) continue;
        const y = v[b] ?? 0;
        n[p] = (n[p] ?? 0) + wt;
        sx[p] = (sx[p] ?? 0) + wt * x;
        sy[p] = (sy[p] ?? 0) + wt * y;
        sxx[p] = (sxx[p] ?? 0) + wt * x * x;
        syy[p] = (syy[p] ?? 0) + wt * y * y;
        sxy[p] = (sxy[p] ?? 0) + wt * x * y;
      }
    }
  }
  if (deletion === "listwise") valid.fill(out.complete);
  return out;
}

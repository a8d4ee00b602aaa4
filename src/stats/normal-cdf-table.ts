/**
 * Φ(z) read from a table, for the inner loops of the studentized range (studentized-range.ts), which
 * evaluate Φ some 10⁵ times per probability: the exact Φ (distributions.ts, an incomplete gamma
 * series per call) made one p-value cost milliseconds. The table holds Φ and φ every 1/64 on
 * [−10, 10], made on first use from the exact Φ, and a value between two nodes is the cubic Hermite
 * interpolant of both: absolute error under 1e-10 (h⁴/384 · max|Φ⁗| with h = 1/64), which is all the
 * quadrature asks (its own error is of that order). Outside the table Φ is 0 or 1 to 1e-23.
 */
import { normalCdf } from "./distributions";

const STEP = 1 / 64;
const LIMIT = 10;
const NODES = 2 * LIMIT * 64 + 1;

let table: { value: Float64Array; slope: Float64Array } | undefined;

function made(): { value: Float64Array; slope: Float64Array } {
  if (table) return table;
  const value = new Float64Array(NODES);
  const slope = new Float64Array(NODES);
  for (let i = 0; i < NODES; i++) {
    const z = -LIMIT + i * STEP;
    value[i] = normalCdf(z);
    slope[i] = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  }
  return (table = { value, slope });
}

/** Φ(z) to an absolute 1e-10 (not a relative one in the far lower tail: use `normalCdf` for a p-value itself). */
export function normalCdfTable(z: number): number {
  if (z <= -LIMIT) return 0;
  if (z >= LIMIT) return 1;
  const { value, slope } = made();
  const x = (z + LIMIT) / STEP;
  const i = Math.min(NODES - 2, Math.floor(x));
  const t = x - i;
  const y0 = value[i] ?? 0, y1 = value[i + 1] ?? 0;
  const m0 = (slope[i] ?? 0) * STEP, m1 = (slope[i + 1] ?? 0) * STEP;
  const t2 = t * t, t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * m0 + (-2 * t3 + 3 * t2) * y1 + (t3 - t2) * m1;
}

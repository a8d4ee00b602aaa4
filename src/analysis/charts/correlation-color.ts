/**
 * The colour of a correlation on the heatmap's diverging scale (−1 red … 0 white … 1 blue), as Plot
 * drew it with `scheme: "rdbu"` on the domain [−1, 1]: d3's `interpolateRdBu` at (r + 1) / 2 — a
 * uniform cubic B-spline through ColorBrewer's eleven RdBu colours in RGB, each channel rounded and
 * written "rgb(r, g, b)".
 *
 * Why by hand: d3-scale-chromatic is not a dependency of ours (only of Plot), and this is all the
 * heatmap needed Plot's colour scale for. test/unit/charts/plot-geometry-suite.ts holds every
 * cell's and the ramp's colour to Plot's.
 */

/** ColorBrewer RdBu, 11 classes (d3-scale-chromatic's last RdBu scheme), as [r, g, b]. */
const RDBU = "67001fb2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac053061";
const CHANNELS: readonly (readonly number[])[] = [0, 1, 2].map((k) =>
  Array.from({ length: RDBU.length / 6 }, (_, i) => parseInt(RDBU.slice(i * 6 + k * 2, i * 6 + k * 2 + 2), 16)));

/** d3-interpolate's `basis`: the uniform cubic B-spline between v1 and v2 at t1 ∈ [0, 1]. */
function basis(t1: number, v0: number, v1: number, v2: number, v3: number): number {
  const t2 = t1 * t1;
  const t3 = t2 * t1;
  return ((1 - 3 * t1 + 3 * t2 - t3) * v0 + (4 - 6 * t2 + 3 * t3) * v1 + (1 + 3 * t1 + 3 * t2 - 3 * t3) * v2 + t3 * v3) / 6;
}

/** d3-interpolate's `interpolateBasis` over `values` at t (clamped to [0, 1]; the ends extrapolated as d3 does). */
function spline(values: readonly number[], t: number): number {
  const n = values.length - 1;
  const s = t <= 0 ? 0 : t >= 1 ? 1 : t;
  const i = t <= 0 ? 0 : t >= 1 ? n - 1 : Math.floor(t * n);
  const v1 = values[i] ?? 0;
  const v2 = values[i + 1] ?? v1;
  const v0 = i > 0 ? (values[i - 1] ?? v1) : 2 * v1 - v2;
  const v3 = i < n - 1 ? (values[i + 2] ?? v2) : 2 * v2 - v1;
  return basis((s - i / n) * n, v0, v1, v2, v3);
}

/** d3-color's channel in a CSS colour: rounded, within 0–255. */
function channel(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value) || 0));
}

/** d3's `interpolateRdBu(t)`: "rgb(r, g, b)". */
export function interpolateRdBu(t: number): string {
  const [r, g, b] = CHANNELS.map((values) => channel(spline(values, t)));
  return `rgb(${r ?? 0}, ${g ?? 0}, ${b ?? 0})`;
}

/** The fill of a correlation `r` (−1 … 1), Plot's linear "rdbu" colour scale on the domain [−1, 1]. */
export function correlationColor(r: number): string {
  return interpolateRdBu((r + 1) / 2);
}

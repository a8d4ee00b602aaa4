/**
 * Split a whole number over weights (largest remainder, Hamilton's method), optionally capped per
 * cell: how many anonymous kommuner per size class, how many ages per band, and so on.
 */

/**
 * Hand out `total` units one at a time to the cell furthest below its exact share
 * (weight / sum × total); ties go to the lower index, so the result is deterministic. Without caps
 * this equals floor-plus-largest-remainders; a capped cell stops receiving and the rest go on.
 */
export function apportion(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const out = weights.map(() => 0);
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (sum <= 0) return out;
  for (let unit = 0; unit < total; unit++) {
    let best = -1;
    let bestGap = -Infinity;
    weights.forEach((w, i) => {
      const given = out[i] ?? 0;
      if (w <= 0 || (caps !== undefined && given >= (caps[i] ?? Infinity))) return;
      const gap = (w / sum) * total - given;
      if (gap > bestGap) {
        bestGap = gap;
        best = i;
      }
    });
    if (best < 0) break;
    out[best] = (out[best] ?? 0) + 1;
  }
  return out;
}

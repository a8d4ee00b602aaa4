/**
 * Average ranks (ties share the mean of the ranks they span), 1-based, as SPSS RANK /TIES=MEAN and
 * NONPAR CORR use. Survey codes are small integers, so those are ranked by counting in O(n);
 * anything else is sorted.
 */

/** Average ranks of `values` (no NaN expected: pass complete cases only). */
export function averageRanks(values: Float64Array): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  let small = true;
  for (let i = 0; i < n && small; i++) {
    const v = values[i] ?? Number.NaN;
    small = v >= 0 && v < 4096 && (v | 0) === v;
  }
  if (small) {
    const counts = new Float64Array(4096);
    for (let i = 0; i < n; i++) {
      const v = values[i] ?? 0;
      counts[v] = (counts[v] ?? 0) + 1;
    }
    const rankOf = new Float64Array(4096);
    let below = 0;
    for (let v = 0; v < 4096; v++) {
      const c = counts[v] ?? 0;
      if (c > 0) rankOf[v] = below + (c + 1) / 2;
      below += c;
    }
    for (let i = 0; i < n; i++) out[i] = rankOf[values[i] ?? 0] ?? 0;
    return out;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  let i = 0;
  while (i < n) {
    let j = i;
    const v = values[order[i] ?? 0];
    while (j + 1 < n && values[order[j + 1] ?? 0] === v) j++;
    const rank = (i + j + 2) / 2; // mean of 1-based ranks i+1 … j+1
    for (let t = i; t <= j; t++) out[order[t] ?? 0] = rank;
    i = j + 1;
  }
  return out;
}

/**
 * Benjamini–Hochberg false-discovery-rate adjustment. A 6 × 6 matrix already holds 15 tests and the
 * report's larger matrices many more; marking every p < .05 then promises more than the data give.
 * The adjusted value q_(i) = min over j ≥ i of p_(j)·m/j (sorted ascending, capped at 1); marking
 * q < α controls the expected share of false discoveries at α.
 */

/** BH-adjusted q-values in the input order; null p-values stay null and do not count in m. */
export function benjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[] {
  const idx: number[] = [];
  pValues.forEach((p, i) => {
    if (p !== null && !Number.isNaN(p)) idx.push(i);
  });
  const m = idx.length;
  idx.sort((a, b) => (pValues[a] ?? 0) - (pValues[b] ?? 0));
  const out: (number | null)[] = pValues.map(() => null);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = idx[rank - 1];
    if (i === undefined) continue;
    const q = Math.min(1, ((pValues[i] ?? 1) * m) / rank);
    running = Math.min(running, q);
    out[i] = running;
  }
  return out;
}

/** SPSS-style marks: "**" for < .01, "*" for < .05, "" otherwise (or when undefined). */
export function significanceMark(p: number | null): "" | "*" | "**" {
  if (p === null || Number.isNaN(p)) return "";
  if (p < 0.01) return "**";
  if (p < 0.05) return "*";
  return "";
}

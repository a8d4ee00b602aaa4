/**
 * The evidence computations leave a User Timing measure (`performance.measure`), so the bench can
 * read, in the real app in Chromium, how much script time classifying every figure over the
 * ensemble took after a filter change (bench/evidence-filter.ts sums them). Nested computations
 * (a table's evidence asking for a comparison's) count once, in the outermost measure.
 */

/** The name of the measure around each evidence computation. */
export const EVIDENCE_MEASURE = "tv-evidence";

let depth = 0;

/** `compute()`, timed as one evidence measure unless it runs inside another. */
export function timedEvidence<T>(compute: () => T): T {
  if (depth > 0) return compute();
  depth++;
  const start = performance.now();
  try {
    return compute();
  } finally {
    depth--;
    performance.measure(EVIDENCE_MEASURE, { start, end: performance.now() });
  }
}

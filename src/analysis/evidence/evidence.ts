/**
 * What a figure rests on. The bundled respondents are one draw of an ensemble of reconstructions,
 * each of which reproduces every printed figure and every named fact; a figure computed on the
 * survey is therefore
 * - **printed** when it equals a figure the report prints (unfiltered, the recomputation of a
 *   printed cell that agrees with it);
 * - **determined** when it is the same in every reconstruction: it follows from the print and the
 *   named facts, whatever the build invented;
 * - **reconstruction-dependent** when the reconstructions disagree: it rests on structure the build
 *   drew, and is shown with its range across the draws;
 * - **your data** on a file the user loaded (no ensemble: the figure is what that file says).
 */

/** The four kinds of evidence a figure can rest on. */
export type EvidenceKind = "printed" | "determined" | "reconstruction" | "your-data";

/** A figure's evidence; `range` only for reconstruction-dependent figures. */
export interface Evidence {
  readonly kind: EvidenceKind;
  /** Reconstructions it was classified over (0 for the user's own data). */
  readonly draws: number;
  /** Smallest and largest value across the draws. */
  readonly range?: { readonly min: number; readonly max: number };
}

/** Values closer than this are the same figure (floating-point noise of sums in another order). */
const SAME = 1e-9;

/**
 * Classify one figure from its value in every draw (`values[0]` is the canonical survey's), or
 * `undefined` when there is no ensemble (the user's own data). `printed`: the canonical value is the
 * recomputation of a printed figure and agrees with it. Non-finite values (an undefined r, a
 * percentage of nothing) count as one value "undefined", which differs from every number.
 */
export function classifyFigure(values: readonly (number | null)[] | undefined, printed = false): Evidence {
  if (!values) return { kind: "your-data", draws: 0 };
  return classifyDraws(values.length, (k) => values[k] ?? null, printed);
}

/**
 * `classifyFigure` over `draws` values read by `valueAt(k)` (k = 0 the canonical survey's), without
 * gathering them into an array first — the ensemble's tables classify thousands of figures per filter.
 */
export function classifyDraws(draws: number, valueAt: (k: number) => number | null, printed = false): Evidence {
  if (printed) return { kind: "printed", draws };
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let undefinedSeen = false;
  for (let k = 0; k < draws; k++) {
    const v = valueAt(k);
    if (v === null || !Number.isFinite(v)) undefinedSeen = true;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  // All undefined, or one number in every draw: the figure does not depend on the draw.
  if (min > max || (!undefinedSeen && max - min <= SAME)) return { kind: "determined", draws };
  return { kind: "reconstruction", draws, range: { min, max } };
}

/**
 * For a yes/no outcome (a verdict, a significant test): how many of the draws give it. The product
 * states an outcome as a finding only when it holds in at least `FINDING_SHARE` of them.
 */
export function shareOfDraws<T>(outcomes: readonly T[], holds: (outcome: T) => boolean): { k: number; m: number } {
  return { k: outcomes.filter(holds).length, m: outcomes.length };
}

/** The share of reconstructions an outcome must hold in to be stated as a finding. */
export const FINDING_SHARE = 0.95;

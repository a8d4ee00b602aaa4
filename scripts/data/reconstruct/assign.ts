/**
 * Small helpers shared by the stages: write exact quotas of one variable into respondents'
 * answers, pick a subset of a given size by a ranking key, and standardise size class.
 */
import { rankAssign, type Quota } from "./rank-assign";
import type { Respondent } from "./respondent";

/** Give `people` the codes of `quotas` (exact counts) ranked by `key`, writing `variable`. */
export function assignVariable(
  variable: string,
  people: readonly Respondent[],
  key: (r: Respondent) => number,
  quotas: readonly Quota[],
): void {
  const result = rankAssign(variable, people, key, quotas);
  for (const [person, code] of result) person.answers.set(variable, code);
}

/** The `n` people with the lowest key (stable by frame index), and the rest. */
export function pickLowest(
  people: readonly Respondent[],
  n: number,
  key: (r: Respondent) => number,
): { picked: Respondent[]; rest: Respondent[] } {
  const keyed = people.map((r) => ({ r, k: key(r) }));
  keyed.sort((a, b) => a.k - b.k || a.r.index - b.r.index);
  return { picked: keyed.slice(0, n).map((e) => e.r), rest: keyed.slice(n).map((e) => e.r) };
}

/** Quotas from a list of codes and counts, skipping empty ones. */
export function quotas(codes: readonly number[], counts: readonly number[]): Quota[] {
  return codes.map((code, i) => ({ code, n: counts[i] ?? 0 })).filter((q) => q.n > 0);
}

/** Size class as a z-score over the frame, the "size" of every correlation the report states. */
export function sizeScorer(people: readonly Respondent[]): (r: Respondent) => number {
  const mean = people.reduce((s, r) => s + r.sizeClass, 0) / people.length;
  const sd = Math.sqrt(people.reduce((s, r) => s + (r.sizeClass - mean) ** 2, 0) / people.length) || 1;
  return (r) => (r.sizeClass - mean) / sd;
}

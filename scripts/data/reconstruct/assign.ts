/**
 * Small helpers shared by the stages: write exact quotas of one variable into respondents' answers
 * (uniformly over who gets which code), blank a random subset, and redraw a stage until a stated
 * relation holds.
 */
import type { Rng } from "./prng";
import { dealQuotas, pickRandom, type Quota } from "./quotas";
import type { Respondent } from "./respondent";

/** Give `people` the codes of `quotas` (exact counts), uniformly at random, writing `variable`. */
export function assignVariable(variable: string, people: readonly Respondent[], quotas: readonly Quota[], rng: Rng): void {
  for (const [person, code] of dealQuotas(variable, people, quotas, rng)) person.answers.set(variable, code);
}

/** Leave `variable` blank for `n` respondents drawn uniformly from `people`; returns the others. */
export function blankRandom(variable: string, people: readonly Respondent[], n: number, rng: Rng): Respondent[] {
  const { picked, rest } = pickRandom(`${variable} (blank)`, people, n, rng);
  for (const r of picked) r.answers.set(variable, null);
  return rest;
}

/** Quotas from a list of codes and counts, skipping empty ones. */
export function quotas(codes: readonly (number | null)[], counts: readonly number[]): Quota[] {
  return codes.map((code, i) => ({ code, n: counts[i] ?? 0 })).filter((q) => q.n > 0);
}

/** What a redraw loop used: the attempt kept and the measure it gave. */
export interface RedrawRecord {
  relation: string;
  variable: string;
  /** 0-based attempt kept (0 = the first draw already satisfied the relation). */
  attempt: number;
  r: number | null;
  band: [number, number];
}

/** Redrawing stops here; reaching it means the band cannot be met and is a bug in the band. */
const MAX_ATTEMPTS = 20_000;

/** A measured relation: r, the band it must meet in this draw, and whether it does. */
export interface Measured {
  r: number | null;
  band: [number, number];
  ok: boolean;
}

/**
 * Run `draw` on fresh sub-streams until `measure` says the relation holds. Rejection keeps every
 * accepted draw equally likely among those meeting the band: nothing beyond the stated sign or
 * strength is built in.
 */
export function redrawUntil(relation: string, variable: string, rng: Rng, draw: (stream: Rng) => void, measure: () => Measured): RedrawRecord {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    draw(rng.fork(`${relation}:${variable}:${attempt}`));
    const { r, band, ok } = measure();
    if (ok) return { relation, variable, attempt, r: r === null ? null : Math.round(r * 10000) / 10000, band };
  }
  throw new Error(`${relation} ${variable}: no draw in ${MAX_ATTEMPTS} attempts met the band. The band in stated-relations.ts is out of reach; widen it or fix the measure.`);
}

import type { Rng } from "./prng";
import { shuffle } from "./shuffle";

/** A quota: hand `n` people the answer `code` (`null` = left blank). */
export interface Quota {
  code: number | null;
  n: number;
}

/** Thrown when quotas cannot be met exactly: the printed figures and the eligible group disagree. */
export class QuotaError extends Error {
  constructor(
    message: string,
    readonly context: { what: string; eligible: number; quotaTotal: number },
  ) {
    super(message);
    this.name = "QuotaError";
  }
}

/**
 * Hand out answer codes with exact counts to a uniformly random arrangement of `people`: every way
 * of giving the quotas to the eligible group is equally likely. Counts are exact by construction;
 * who gets which code carries no trait, size or earlier answer, which is what keeps the
 * reconstruction from inventing relations (docs/data/reconstruction.md, "Principle").
 */
export function dealQuotas<T>(what: string, people: readonly T[], quotas: readonly Quota[], rng: Rng): Map<T, number | null> {
  const total = quotas.reduce((sum, q) => sum + q.n, 0);
  if (total !== people.length) {
    throw new QuotaError(
      `${what}: the quotas add up to ${total} but ${people.length} respondents are eligible. ` +
        "Check the printed total against the skip rules, or record the conflict and its resolution.",
      { what, eligible: people.length, quotaTotal: total },
    );
  }
  const order = shuffle(people, rng);
  const result = new Map<T, number | null>();
  let at = 0;
  for (const quota of quotas) {
    for (let i = 0; i < quota.n; i++) {
      const person = order[at++];
      if (person !== undefined) result.set(person, quota.code);
    }
  }
  return result;
}

/** A uniformly random subset of `n` people (in frame order), and the rest. Throws when n exceeds the group. */
export function pickRandom<T>(what: string, people: readonly T[], n: number, rng: Rng): { picked: T[]; rest: T[] } {
  if (n > people.length || n < 0) {
    throw new QuotaError(`${what}: ${n} are needed but only ${people.length} respondents are eligible. ` +
      "Check the printed count against the rule that limits who may give this answer.", { what, eligible: people.length, quotaTotal: n });
  }
  const chosen = new Set(shuffle(people, rng).slice(0, n));
  return { picked: people.filter((p) => chosen.has(p)), rest: people.filter((p) => !chosen.has(p)) };
}

/**
 * Integer counts for printed percentages over a base of `n`: each count rounds (half up, one
 * decimal, as the report prints) to its percentage and the counts add up to `n`. Among several
 * solutions the one closest to the exact shares wins; `null` when no solution exists.
 */
export function countsForPercents(percents: readonly number[], n: number, decimals = 1): number[] | null {
  const scale = 10 ** decimals;
  const fits = (count: number, pct: number): boolean =>
    Math.round((count / n) * 100 * scale + 1e-9) / scale === pct;
  // 1. Candidate counts per cell: those within one of the exact share that round to the print.
  const candidates = percents.map((pct) => {
    const exact = (pct / 100) * n;
    const list: number[] = [];
    for (let c = Math.max(0, Math.floor(exact) - 1); c <= Math.ceil(exact) + 1; c++) {
      if (c <= n && fits(c, pct)) list.push(c);
    }
    return list;
  });
  // 2. Depth-first search over the (tiny) candidate sets for the closest exact sum.
  let best: number[] | null = null;
  let bestError = Infinity;
  const pick: number[] = [];
  const walk = (i: number, sum: number, error: number): void => {
    if (sum > n || error >= bestError) return;
    if (i === percents.length) {
      if (sum === n) {
        best = [...pick];
        bestError = error;
      }
      return;
    }
    const pct = percents[i] ?? 0;
    for (const c of candidates[i] ?? []) {
      pick.push(c);
      walk(i + 1, sum + c, error + Math.abs(c - (pct / 100) * n));
      pick.pop();
    }
  };
  walk(0, 0, 0);
  return best;
}

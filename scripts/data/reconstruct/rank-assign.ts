import type { Rng } from "./prng";

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
 * Hand out answer codes with exact counts. People are ranked by `key` (ascending) and the quotas
 * are filled in the order given, so the person with the lowest key gets the first quota's code.
 *
 * Ranking rather than independent draws is what makes every printed count come out exactly while
 * still letting a latent trait (municipality size, a "satisfied" disposition …) shape who answers
 * what: the key carries the trait plus noise, and the noise sets how strong the relation is.
 */
export function rankAssign<T>(
  what: string,
  people: readonly T[],
  key: (person: T) => number,
  quotas: readonly Quota[],
): Map<T, number | null> {
  const total = quotas.reduce((sum, q) => sum + q.n, 0);
  if (total !== people.length) {
    throw new QuotaError(
      `${what}: the quotas add up to ${total} but ${people.length} respondents are eligible. ` +
        "Check the printed total against the skip rules, or record the conflict and its resolution.",
      { what, eligible: people.length, quotaTotal: total },
    );
  }
  // 1. Compute each key once (keys may draw noise) and sort stably by it.
  const keyed = people.map((person, index) => ({ person, index, k: key(person) }));
  keyed.sort((a, b) => a.k - b.k || a.index - b.index);
  // 2. Walk the ranking and fill the quotas in order.
  const result = new Map<T, number | null>();
  let at = 0;
  for (const quota of quotas) {
    for (let i = 0; i < quota.n; i++) {
      const entry = keyed[at++];
      if (entry) result.set(entry.person, quota.code);
    }
  }
  return result;
}

/** A standard normal draw (Box–Muller), for noise on ranking keys. */
export function normal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
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

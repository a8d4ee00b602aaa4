/**
 * Small least-recently-used stores on a plain `Map` (or `Set`): JavaScript keeps insertion order, so
 * the entry asked for longest ago is the first one. Used where a value is kept per filter so that a
 * filter chosen again is not computed again (04's reconciliations and views, 06's measurements).
 */

/** Drops the entries asked for longest ago (first in insertion order) until at most `max` are left. */
export function keepNewest<K>(entries: Map<K, unknown> | Set<K>, max: number): void {
  for (const old of entries.keys()) {
    if (entries.size <= max) break;
    entries.delete(old);
  }
}

/**
 * The value kept under `key` — moved to the newest place — or `make()`'s, kept under `key`, the
 * oldest entries dropped so that at most `max` are kept. (A value `undefined` counts as not kept.)
 */
export function keptOrMade<K, V>(entries: Map<K, V>, key: K, max: number, make: () => V): V {
  const known = entries.get(key);
  if (known !== undefined) {
    entries.delete(key);
    entries.set(key, known);
    return known;
  }
  const made = make();
  entries.set(key, made);
  keepNewest(entries, max);
  return made;
}

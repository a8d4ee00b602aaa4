/**
 * Which cells rerun after a cell: those that take its names, directly or through other cells. The
 * scheduler is told them before the cell runs (RuntimeOptions.deferCell's DeferInfo.dependents).
 */

/**
 * Every cell's transitive dependents, from what each cell uses.
 * @param ids the notebook's cells
 * @param uses the cells a cell takes names from directly
 */
export function transitiveDependents(ids: Iterable<string>, uses: (id: string) => readonly string[]): Map<string, readonly string[]> {
  const cells = [...ids];
  const direct = new Map<string, string[]>();
  for (const id of cells) for (const used of uses(id)) direct.set(used, [...(direct.get(used) ?? []), id]);
  const all = new Map<string, readonly string[]>();
  for (const id of cells) {
    const seen = new Set<string>();
    const stack = [...(direct.get(id) ?? [])];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (seen.has(next) || next === id) continue;
      seen.add(next);
      stack.push(...(direct.get(next) ?? []));
    }
    all.set(id, [...seen]);
  }
  return all;
}

/**
 * Test helper: a result's numbers by dotted path ("rows.2.mean"), found by a walk of its own (not the
 * evidence's), so a test can read each reconstruction's figure independently of what it checks.
 */

/** The number at a dotted path. */
export function figureAt(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((at, key) => (typeof at === "object" && at !== null ? Reflect.get(at, key) : undefined), value);
}

/** The paths of every number in a result. */
export function figurePaths(value: unknown, prefix = ""): string[] {
  if (typeof value === "number") return [prefix];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => figurePaths(v, prefix ? `${prefix}.${k}` : k));
}

/**
 * Merge objects of names by property descriptor, so a getter is carried over as a getter and not
 * called while merging. Notebook builtins are such objects: `survey`, `thesis` or the analysis layer
 * are getters that load files or code only when a cell first reads them. Later objects win a clash.
 */
export function mergeLazy(...parts: readonly object[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) Object.defineProperties(merged, Object.getOwnPropertyDescriptors(part));
  return merged;
}

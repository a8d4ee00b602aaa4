/**
 * Merge objects of names by property descriptor, so a getter is carried over as a getter and not
 * called while merging. Notebook builtins are such objects: `survey`, `thesis` or the analysis layer
 * are getters that load files or code only when a cell first reads them. Later objects win a clash.
 */
export function mergeLazy(...parts: readonly object[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    // Configurable in the merged object, whatever the part said, so that a later part can win a clash.
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(part))) Object.defineProperty(merged, name, { ...descriptor, configurable: true });
  }
  return merged;
}

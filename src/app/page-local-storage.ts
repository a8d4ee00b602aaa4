/**
 * The page's localStorage, for what the store keeps beside IndexedDB (the unload journal, copies not
 * yet told): synchronous, so it still works while the page unloads, and shared by the tabs.
 */

/** localStorage when the page has it (a sandboxed or locked-down page may throw on the mere read). */
export function pageLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The names under `prefix`, without it. */
export function namesUnder(prefix: string): string[] {
  const storage = pageLocalStorage();
  const names: string[] = [];
  for (let i = 0; storage && i < storage.length; i++) {
    const name = storage.key(i);
    if (name?.startsWith(prefix)) names.push(name.slice(prefix.length));
  }
  return names;
}

/** Remove `name`; blocked storage holds nothing to remove. */
export function removeLocal(name: string): void {
  try {
    pageLocalStorage()?.removeItem(name);
  } catch {
    // Blocked storage: nothing was written there either.
  }
}

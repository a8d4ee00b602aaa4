/** Names for generated cells that do not collide with the notebook's own. */

/** `base`, or `base2`, `base3` … — the first not in `taken`; the chosen name is added to `taken`. */
export function freshName(base: string, taken: Set<string>): string {
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base}${k}`;
  taken.add(name);
  return name;
}

/**
 * Which drawn tables the page may update in place (issue 12): a filter change redraws a table that
 * keeps its columns and most of its rows, and replacing the whole table made the browser restyle
 * and lay out every row again (06's crosswalk tables mid-page: the p95 of a change). Only the
 * crosswalk's renderer marks its tables (crosswalk-table.ts): on 05's adopters table, whose rows
 * come and go with the filter, updating every table of ours cost more than it saved (stop 24). A
 * marked table keeps a promise the page's updater (components/update-in-place.ts) relies on:
 * everything it shows is in its markup — elements, attributes, text — and its only behaviour is
 * text written on demand (`fillOnOpen`), which the updater hands from the new drawing to the
 * element it keeps. A table a notebook builds itself is never marked: its listeners would close
 * over the old figures.
 *
 * Pure core: a WeakSet and a WeakMap of the host's elements, no DOM globals.
 */

const marked = new WeakSet<object>();
const lazy = new WeakMap<object, () => string>();
const wired = new WeakSet<object>();

/** Mark `drawing` (the element a renderer returns) as updatable in place; returns it. */
export function markInPlace<T extends object>(drawing: T): T {
  marked.add(drawing);
  return drawing;
}

/** Whether `drawing` was marked by `markInPlace`. */
export function isInPlace(drawing: object): boolean {
  return marked.has(drawing);
}

/**
 * `details` writes `text()` into its last element child when a reader first opens it (a crosswalk
 * row's audit line asks the statistics kernels again, so it is not written before). The listener
 * reads the text kept for the element at that moment, so an updater keeping `details` for a newer
 * drawing passes the newer text along (`adoptBehaviour`).
 */
export function fillOnOpen(details: Element, text: () => string): void {
  lazy.set(details, text);
  if (wired.has(details)) return;
  wired.add(details);
  // The attribute, not the `open` property: the same in a browser, and linkedom (tests, the headless runner) has no property.
  details.addEventListener("toggle", () => {
    const target = details.lastElementChild;
    const fill = lazy.get(details);
    if (details.hasAttribute("open") && target && !target.textContent && fill) target.textContent = fill();
  });
}

/** `kept` now stands for `fresh` (an updater kept or copied it instead of showing `fresh`): it takes `fresh`'s behaviour. */
export function adoptBehaviour(kept: Element, fresh: Element): void {
  const text = lazy.get(fresh);
  if (text) fillOnOpen(kept, text);
  else lazy.delete(kept);
}

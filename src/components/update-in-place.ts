/**
 * A crosswalk table drawn again updates the one on the page instead of replacing it (issue 12).
 * Replacing 06's crosswalk tables mid-page made the browser restyle and lay out every row (and
 * parse their `<style>` again) after each filter change, the p95 of the change; most of their
 * cells read the same under the new filter. `updateInPlace` makes the shown drawing's markup equal
 * the new drawing's: it changes only the attributes and text that differ, matches body rows by
 * their `data-id` (added and removed rows come and go, the others stay the same elements), and
 * copies in whatever does not match.
 *
 * Surprising, so spelled out:
 *  - Only drawings a renderer marked (analysis/tables/in-place.ts) are updated, and only the
 *    crosswalk's renderer marks its tables. They promise that everything they show is markup, and
 *    their one behaviour, a `<details>` filled when opened, is handed to the element kept or copied
 *    (`adoptBehaviour`). Every other table is replaced as before: on 05's adopters table, whose
 *    rows mostly come and go with the filter, an updater for all our tables cost more JavaScript
 *    than the layout it saved (stop 24, branch `tables`).
 *  - The new drawing is never taken apart (parts that do not match are copied, not moved): it is
 *    the cell's value, and the page shows it as it is when the output is drawn again (a change of
 *    view re-fills the output from the cell's values).
 */
import { adoptBehaviour, isInPlace } from "../analysis/tables/in-place";

/** Told by node type, not `instanceof Element`: the updater runs under linkedom in the unit tests too. */
function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

/** A deep copy of `fresh` (its behaviour is handed over once the update is done: `adoptDetails`). */
function copyOf(fresh: Node): Node {
  return fresh.cloneNode(true);
}

/**
 * Once `kept`'s markup equals `fresh`'s, their `<details>` pair up in document order: each kept
 * or copied one takes the new drawing's behaviour (one pass, not one search per cell).
 */
function adoptDetails(kept: Element, fresh: Element): void {
  const from = fresh.getElementsByTagName("details");
  const to = kept.getElementsByTagName("details");
  for (let i = 0; i < to.length; i++) {
    const source = from[i];
    const target = to[i];
    if (source && target) adoptBehaviour(target, source);
  }
}

/**
 * Make `shown` (on the page) equal `fresh` (just drawn), keeping `shown`'s elements where they
 * match. False, and nothing touched, when either is not a marked drawing or they are not the same
 * kind of element: the caller shows `fresh` instead.
 */
export function updateInPlace(shown: Node, fresh: Node): boolean {
  if (!isElement(shown) || !isElement(fresh) || shown === fresh) return false;
  if (!isInPlace(shown) || !isInPlace(fresh) || shown.tagName !== fresh.tagName) return false;
  morph(shown, fresh);
  adoptDetails(shown, fresh);
  return true;
}

/**
 * The elements compared by their markup before walking them: cells, not rows. Under a new filter
 * nearly every body row of 06's crosswalk differs somewhere (23 of its 24 rows, each change
 * measured in Chromium), so serialising a row first only serialised its cells twice.
 */
const SERIALISED = new Set(["TD", "TH"]);

function morph(kept: Element, fresh: Element): void {
  // Most cells read the same after a filter change: a native serialisation of each side is far
  // cheaper than walking them node by node (in Chromium, 06's 120 cells: 0.3 ms against 5 ms).
  // Cells only, so a node is serialised at most once on each side.
  if (SERIALISED.has(kept.tagName) && kept.outerHTML === fresh.outerHTML) return;
  syncAttributes(kept, fresh);
  if (kept.tagName === "TBODY") morphRows(kept, fresh);
  else morphChildren(kept, fresh);
}

/**
 * `kept`'s attributes become `fresh`'s, in `fresh`'s order: the markup must read the same, and an
 * attribute added to an element is listed after the others (the what-if's flip cell gains its class
 * after its label). When the names differ, they are all set again in order.
 */
function syncAttributes(kept: Element, fresh: Element): void {
  const names = fresh.getAttributeNames();
  const had = kept.getAttributeNames();
  if (had.length === names.length && had.every((name, i) => names[i] === name)) {
    for (const name of names) {
      const value = fresh.getAttribute(name) ?? "";
      if (kept.getAttribute(name) !== value) kept.setAttribute(name, value);
    }
    return;
  }
  for (const name of had) kept.removeAttribute(name);
  for (const name of names) kept.setAttribute(name, fresh.getAttribute(name) ?? "");
  // linkedom (the unit tests, the headless runner) lists attributes newest first: set them the other way round.
  if (names.length > 1 && kept.getAttributeNames()[0] !== names[0]) {
    for (const name of names) kept.removeAttribute(name);
    for (const name of [...names].reverse()) kept.setAttribute(name, fresh.getAttribute(name) ?? "");
  }
}

/** Whether `kept` can be made into `fresh` (same kind of node) rather than replaced by a copy. */
function sameKind(kept: Node, fresh: Node): boolean {
  return kept.nodeType === fresh.nodeType && kept.nodeName === fresh.nodeName;
}

/** Children matched by position: same kind is updated, anything else replaced by a copy. */
function morphChildren(kept: Element, fresh: Element): void {
  // Walked by sibling, not by spreading the child lists: the walk is most of the updater's time.
  let old = kept.firstChild;
  for (let node = fresh.firstChild; node; node = node.nextSibling) {
    if (old && sameKind(old, node)) {
      morphNode(old, node);
      old = old.nextSibling;
    } else if (old) {
      const next = old.nextSibling;
      kept.replaceChild(copyOf(node), old);
      old = next;
    } else {
      kept.appendChild(copyOf(node));
    }
  }
  while (old) {
    const next = old.nextSibling;
    old.remove();
    old = next;
  }
}

function morphNode(kept: Node, fresh: Node): void {
  if (isElement(kept) && isElement(fresh)) morph(kept, fresh);
  else if (kept.nodeValue !== fresh.nodeValue) {
    kept.nodeValue = fresh.nodeValue;
  }
}

/**
 * Each row's key: its `data-id` (the comparison), with the occurrence number should one repeat.
 * Other children (a row without an id, whitespace) get none and are replaced by a copy.
 */
function rowKeys(body: Element): Map<Node, string> {
  const keys = new Map<Node, string>();
  const seen = new Map<string, number>();
  for (const row of body.children) {
    const id = row.getAttribute("data-id");
    if (id === null) continue;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    keys.set(row, `${id}#${n}`);
  }
  return keys;
}

/** Body rows matched by key: a row found is updated and stays; new rows are copies; rows gone are removed. */
function morphRows(kept: Element, fresh: Element): void {
  const oldKeys = rowKeys(kept);
  const byKey = new Map<string, Node>();
  for (const [row, key] of oldKeys) byKey.set(key, row);
  const freshKeys = rowKeys(fresh);
  const next: Node[] = [];
  for (const node of fresh.childNodes) {
    const key = freshKeys.get(node);
    const old = key === undefined ? undefined : byKey.get(key);
    if (key !== undefined && old && sameKind(old, node)) {
      byKey.delete(key);
      morphNode(old, node);
      next.push(old);
    } else {
      next.push(copyOf(node));
    }
  }
  const staying = new Set(next);
  for (const old of [...kept.childNodes]) {
    if (staying.has(old)) continue;
    old.remove();
  }
  // In order, moving only what is out of place (rows keep their order under a filter).
  next.forEach((node, i) => {
    const at = kept.childNodes[i];
    if (at !== node) kept.insertBefore(node, at ?? null);
  });
}

/**
 * Type guards for values of unknown shape (read from storage, links, files, frame messages, or
 * handed over by a cell): a record is an object that is neither null nor an array, so its fields
 * can be checked one by one.
 */

/** True for an object that is not null and not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True for a record whose every value is a string (drafts by cell id, say). */
export function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === "string");
}

/** True for an object with a callable `Symbol.iterator` (an array, a Set, a NodeList …). */
export function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.iterator in value && typeof Reflect.get(value, Symbol.iterator) === "function";
}

/**
 * True for an element node — read from `nodeType`, not `instanceof`, because the global `Element`
 * class is absent where the headless runner draws with linkedom, and differs per frame in a browser.
 * Narrows to `HTMLElement`: the callers clone HTML they drew themselves.
 */
export function isElementNode(node: Node): node is HTMLElement {
  return node.nodeType === 1;
}

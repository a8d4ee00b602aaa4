/**
 * Tables and charts drawn again on a filter change (issue 12), without building and showing a new
 * element each time:
 *  - **the same inputs, the same drawing**: a drawing is kept by a key made of everything it was
 *    drawn from (`inputKey`); drawn again from equal inputs — back to "no filter", a county seen
 *    before — it is copied, not drawn (Plot is most of a chart's cost);
 *  - **drawn into what the cell shows**: when the running cell showed a drawing of this kind on its
 *    last run (base/earlier-outputs.ts), that element is brought to the new drawing in place — only
 *    the texts and attributes that differ are written — and returned, so the page sees the same node
 *    and keeps it (nb-cell redraws an output only when a display is a new value).
 *
 * Surprising: the element returned may be one the page already shows. After `draw` it equals the
 * fresh drawing node for node, except for the attributes the page adds to make an output accessible
 * (`PAGE_OWNED`: a mark group's role, a scrolling box's tab stop and name), which are kept when the
 * drawing does not set them. A drawing kept for its inputs is never shown itself, only copied, so
 * nothing the page or a cell does to a shown element reaches the copy drawn next.
 */
import { takeEarlierOutput } from "../base/earlier-outputs";

/** Attributes the page sets on a shown output (components/output-a11y.ts), kept unless the drawing sets them. */
const PAGE_OWNED: ReadonlySet<string> = new Set(["role", "tabindex", "aria-label"]);

/** Drawings kept per kind: enough for every table or chart of a notebook under two filters. */
const KEPT = 32;

/**
 * The key of a drawing's inputs: their JSON, with what JSON would drop or merge spelled out (a
 * function or symbol as its text, a bigint, NaN, ±Infinity and −0 apart from null and 0), so two
 * inputs with one key draw the same. Undefined when the inputs cannot be written (a cycle): then
 * nothing is kept.
 */
export function inputKey(inputs: unknown): string | undefined {
  try {
    return JSON.stringify(inputs, (_key, value: unknown) => {
      if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0) ? value : { "\u0000number": String(Object.is(value, -0) ? "-0" : value) };
      if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") return { [`\u0000${typeof value}`]: String(value) };
      return value;
    });
  } catch {
    return undefined;
  }
}

/** A node that is an element (nodeType 1; the pure core names no DOM globals such as `Node`). */
function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

function sameElement(a: Element, b: Element): boolean {
  return a.localName === b.localName && a.namespaceURI === b.namespaceURI;
}

/** The attribute names the drawing owns on `live`: all but those the page added (PAGE_OWNED) and `fresh` lacks. */
function ownNames(live: Element, fresh: Element): string[] {
  return live.getAttributeNames().filter((name) => !PAGE_OWNED.has(name) || fresh.hasAttribute(name));
}

/** `live` has the attributes `fresh` has, by name and in order (values aside; the page's own left out). */
function sameNames(live: Element, fresh: Element): boolean {
  const had = ownNames(live, fresh);
  const wanted = fresh.getAttributeNames();
  return had.length === wanted.length && wanted.every((name, i) => had[i] === name);
}

/** Write `fresh`'s attribute values on `live` where they differ (the same names, `sameNames`). */
function writeValues(live: Element, fresh: Element): void {
  for (const name of fresh.getAttributeNames()) {
    const value = fresh.getAttribute(name);
    if (value !== null && live.getAttribute(name) !== value) live.setAttribute(name, value);
  }
}

/**
 * Bring `live`'s children to `fresh`'s. A child equal to the drawing's (compared natively,
 * `isEqualNode`) is kept as it is; an element of the same name and attribute names gets the values
 * that differ and is gone into — so a row, a cell or a bar stays, and the page's repairs on it with
 * it —; a text gets its new text; anything else is replaced by a copy of the drawing's, and so are
 * all children when they are not as many as the drawing's (an attribute come or gone, e.g. a
 * figure's evidence class, is a copy too: the order of attributes is then the drawing's in any DOM).
 */
function patchChildren(live: Element, fresh: Element, doc: Document): void {
  const now = live.childNodes;
  const next = fresh.childNodes;
  if (now.length !== next.length) {
    live.replaceChildren(...Array.from(next, (node) => doc.importNode(node, true)));
    return;
  }
  for (let i = 0; i < next.length; i++) {
    const a = now[i];
    const b = next[i];
    if (!a || !b || a.isEqualNode(b)) continue;
    if (isElement(a) && isElement(b)) {
      if (sameElement(a, b) && sameNames(a, b)) {
        writeValues(a, b);
        patchChildren(a, b, doc);
      } else live.replaceChild(doc.importNode(b, true), a);
    } else if (!isElement(a) && !isElement(b) && a.nodeType === b.nodeType) a.nodeValue = b.nodeValue;
    else live.replaceChild(doc.importNode(b, true), a);
  }
}

/** Bring the element drawn into (`live`) to `fresh`: its attributes written where they differ, then its children. */
function patchRoot(live: Element, fresh: Element, doc: Document): void {
  for (const name of ownNames(live, fresh)) if (!fresh.hasAttribute(name)) live.removeAttribute(name);
  writeValues(live, fresh);
  // Plot names its mark groups with aria-label; the page gives each a role (output-a11y.ts). A group
  // drawn anew here gets the role the page gave the ones it replaces.
  const repaired = live.querySelector("g[aria-label][role]")?.getAttribute("role");
  patchChildren(live, fresh, doc);
  if (repaired) for (const g of live.querySelectorAll("g[aria-label]:not([role])")) g.setAttribute("role", repaired);
}

/** The drawings of one kind of output (comparison tables, plain tables, charts). */
export class Drawings<T extends Element> {
  /** Drawings by their inputs' key, the one drawn or asked for longest ago first. Never shown. */
  private readonly kept = new Map<string, T>();
  /** The elements this kind has shown, to find one among a cell's earlier outputs. */
  private readonly shown = new WeakMap<object, T>();

  constructor(private readonly size = KEPT) {}

  /**
   * The drawing of inputs `key` (`make` draws it when none is kept; undefined key: always drawn),
   * in the running cell's earlier output of this kind when it has one, else in a new element.
   */
  draw(doc: Document, key: string | undefined, make: () => T): T {
    const { drawing, kept } = this.drawing(doc, key, make);
    const earlier = takeEarlierOutput((output) => {
      const element = typeof output === "object" && output !== null ? this.shown.get(output) : undefined;
      return element && element.ownerDocument === doc && sameElement(element, drawing) ? element : undefined;
    });
    if (earlier) {
      patchRoot(earlier, drawing, doc);
      return earlier;
    }
    // A kept drawing is only ever copied; one drawn for this call alone is shown itself.
    const element = kept ? doc.importNode(drawing, true) : drawing;
    this.shown.set(element, element);
    return element;
  }

  private drawing(doc: Document, key: string | undefined, make: () => T): { drawing: T; kept: boolean } {
    const known = key === undefined ? undefined : this.kept.get(key);
    if (key !== undefined && known?.ownerDocument === doc) {
      this.kept.delete(key);
      this.kept.set(key, known);
      return { drawing: known, kept: true };
    }
    const made = make();
    if (key === undefined) return { drawing: made, kept: false };
    this.kept.delete(key);
    this.kept.set(key, made);
    for (const old of this.kept.keys()) {
      if (this.kept.size <= this.size) break;
      this.kept.delete(old);
    }
    return { drawing: made, kept: true };
  }
}

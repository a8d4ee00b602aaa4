/**
 * Charts, comparison tables and plain tables drawn for the same figures again are given as a copy
 * of the first drawing (issue 12: a filter change redraws every chart and table it reaches, and
 * back to "no filter" — the commonest what-if step — asks for the very drawings shown before; on
 * notebook 01 the Plot chart is the largest part of the cell in view, on 05 the 131-row list).
 *
 * Surprising, so spelled out:
 *  - The key is the drawing's inputs as plain data (the figures, their evidence, the options, the
 *    language), not the objects: `comparePrinted` builds a new comparison on every run. Inputs
 *    that are not plain data (a function, a table object, a DOM node) have no key and are drawn
 *    afresh every time, so a kept drawing is never given for inputs it was not drawn from.
 *  - The drawers are deterministic — the same inputs give the same SVG and table, byte for byte
 *    (chart-evidence.ts names its hatch pattern after the data for that reason) — so a copy is
 *    what a fresh drawing would be. The copy is deep (`cloneNode`), and the drawings carry
 *    everything they need in attributes (export fields: export-fields.ts), not in listeners or
 *    properties.
 *  - The kept element is never handed out, only copies: nothing a page does to a drawing shown (a
 *    menu added, a `<details>` opened, a11y marks) reaches the next one.
 *  - A drawing is kept when its inputs come back a second time, as 04's kept views are
 *    (reconciliation/kept-views.ts): a county tried once pays nothing for the copy to keep.
 */
import { keepNewest } from "../base/recent-entries";

/** Drawings kept per document and kind (the one asked for longest ago goes first): some hundreds of nodes each. */
export const DRAWINGS_KEPT = 16;

/** Keys remembered as drawn once, per document and kind. */
const SEEN_KEPT = 64;

/** How often a drawing was given as a copy, and drawn afresh (for tests). */
export const keptDrawingStats = { copies: 0, draws: 0 };

/** A key too long to be worth comparing (an input that large is not a chart's or a table's). */
const MAX_KEY_LENGTH = 1_000_000;

/** Marks a value JSON cannot write one-to-one (see `plainDataKey`); no key of plain data otherwise starts a string with it. */
const ESCAPE = "\u0000";

/**
 * `value` as text, equal for equal plain data only: numbers (NaN, ±Infinity and −0 told apart from
 * null and 0), strings, booleans, null, undefined, arrays and plain objects (keys in their order).
 * Undefined when it holds anything else (a function, a class instance, a DOM node, a cycle).
 *
 * Written by JSON.stringify (issue 12: the key of every chart and comparison a filter change
 * draws, built value by value in script, was the slowest step of the kept drawings; JSON's own
 * writer is several times faster). Its replacer sees every value before JSON writes it: what JSON
 * would merge — undefined, NaN, ±Infinity, −0 — is written as a string starting with ESCAPE, and a
 * string of the data starting with ESCAPE gets one more mark, so no two values meet; anything not
 * plain (read from the holder itself, before a `toJSON` such as Date's) stops the key. A cycle or a
 * bigint makes JSON throw: no key either.
 */
export function plainDataKey(value: unknown): string | undefined {
  // Most drawings' inputs need no mark: JSON's own writer, without a replacer, writes them as the
  // replacer would (issue 12: calling the replacer for each of the ~2,000 values of a comparison
  // with its evidence was most of the key's time; a plain walk first, then JSON alone, takes 0.4-0.7
  // of it for 01's and 02's comparisons, and a cell on screen makes two keys, chart and table).
  if (writesOneToOne(value)) {
    const text = JSON.stringify(value);
    if (text !== undefined && text.length <= MAX_KEY_LENGTH) return text;
  }
  return markedKey(value);
}

/**
 * True when `value` is plain data that JSON writes as `markedKey` would, with no value to mark:
 * strings not starting with ESCAPE, finite numbers other than −0, booleans, null, arrays without
 * holes and plain objects (no `toJSON` to call), nested less than 200 deep (a cycle is not), and
 * the length `markedKey` counts within its limit. It reads each value once, in JSON's order, and
 * stops where `markedKey` would stop (a value not plain), so what it reads before saying false is
 * what `markedKey` reads after it. False is always safe (the marked walk then decides); true must
 * mean JSON's text is the marked key.
 *
 * Written for the interpreter (issue 12): it runs a few times per filter change, before V8 optimizes
 * it, and a printed comparison with its evidence is ~900 values (~3,000 objects for 02's fourteen),
 * so each value costs what its bytecodes cost. A `for…in` over a plain object (V8's enum cache) reads
 * its keys without the array `Object.keys` makes; an array's index keys are counted at once, not one
 * by one; numbers and strings are tested without builtin calls. (02's comparisons, Node with V8's
 * interpreter tiers only: about 0.55 of the earlier walk's time.)
 */
function writesOneToOne(value: unknown): boolean {
  // The length `markedKey` counts, or more: counted ahead for an array's indices, and for `for…in`'s
  // inherited enumerable keys, which JSON skips. More only ever says false earlier.
  let length = 1;
  // Deeper than any drawing's inputs: a cycle, or data the marked walk should judge (JSON's limits).
  const MAX_DEPTH = 200;
  function plain(v: unknown, depth: number): boolean {
    // −0 and the non-finite numbers are what JSON merges (with 0 and null): `v - v` is NaN for these.
    if (typeof v === "number") return v - v === 0 && (v !== 0 || 1 / v > 0);
    if (typeof v === "string") {
      length += v.length;
      // charCodeAt(0) of "" is NaN: an empty string is plain.
      return length <= MAX_KEY_LENGTH && v.charCodeAt(0) !== 0;
    }
    if (typeof v !== "object") return typeof v === "boolean";
    return v === null || container(v, depth);
  }
  function container(v: object, depth: number): boolean {
    if (depth > MAX_DEPTH || "toJSON" in v) return false;
    if (Array.isArray(v)) {
      const n = v.length;
      length += indexKeysLength(n);
      // A hole reads as undefined (or what Array.prototype holds, as JSON reads it): not plain either way.
      for (let i = 0; i < n; i++) if (!plain(v[i], depth + 1)) return false;
      return true;
    }
    if (!isPlainObject(v)) return false;
    for (const key in v) {
      length += key.length + 1;
      if (!plain(v[key], depth + 1)) return false;
    }
    return true;
  }
  try {
    return plain(value, 0);
  } catch {
    // A getter threw: the marked walk decides.
    return false;
  }
}

/** An object JSON writes as its own enumerable keys and nothing else: no class, no other prototype. */
function isPlainObject(v: object): v is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** What `markedKey` counts for the keys of an array of `n` values: each index's digits, and one. */
function indexKeysLength(n: number): number {
  // The one per index; then each index's digits: every index from 1 on has a first digit, every one
  // from 10 on a second, and so on; index 0 has its one digit too.
  let total = n;
  for (let from = 1; from < n; from *= 10) total += n - from;
  return n > 0 ? total + 1 : 0;
}

/** `plainDataKey` written with the replacer that marks what JSON would merge. */
function markedKey(value: unknown): string | undefined {
  // Thrown from the replacer to stop at the first value that is not plain, or once the text is too long.
  const stop = new Error("no key");
  let length = 0;
  function replacer(this: unknown, key: string, v: unknown): unknown {
    const original: unknown = typeof this === "object" && this !== null ? Reflect.get(this, key) : v;
    length += key.length + 1;
    switch (typeof original) {
      case "string":
        length += original.length;
        if (length > MAX_KEY_LENGTH) throw stop;
        return original.startsWith(ESCAPE) ? `${ESCAPE}s${original}` : original;
      case "number":
        return Number.isFinite(original) && !Object.is(original, -0) ? original : `${ESCAPE}${Object.is(original, -0) ? "-0" : String(original)}`;
      case "boolean":
        return original;
      case "undefined":
        return `${ESCAPE}u`;
      case "object": {
        if (original === null || Array.isArray(original)) return original;
        const proto: unknown = Object.getPrototypeOf(original);
        if (proto === Object.prototype || proto === null) return original;
        throw stop;
      }
      default:
        throw stop;
    }
  }
  try {
    const text = JSON.stringify(value, replacer);
    return text !== undefined && text.length <= MAX_KEY_LENGTH ? text : undefined;
  } catch {
    return undefined;
  }
}

/** A deep copy of `node` (of `node`'s type: a clone is the same kind of node). */
function copyOf<T extends Node>(node: T): T | undefined {
  const copy = node.cloneNode(true);
  return isSameKind(node, copy) ? copy : undefined;
}

function isSameKind<T extends Node>(like: T, node: Node): node is T {
  return node.nodeType === like.nodeType && node.nodeName === like.nodeName;
}

/** The drawings of one kind kept per document: drawing key → the element as first drawn (never shown itself). */
interface Kept<T> {
  drawings: Map<string, T>;
  seen: Set<string>;
}

/**
 * A keep for one kind of drawing: `(doc, inputs, draw)` is `draw()`, or a copy of what it drew
 * before in `doc` for the same `inputs` (see the file comment). `inputs` must be everything the
 * drawing depends on besides the document.
 */
export function drawingKeep<T extends Node>(): (doc: Document, inputs: unknown, draw: () => T) => T {
  const kept = new WeakMap<Document, Kept<T>>();
  return (doc, inputs, draw) => {
    const key = plainDataKey(inputs);
    if (key === undefined) return draw();
    let store = kept.get(doc);
    if (!store) kept.set(doc, (store = { drawings: new Map(), seen: new Set() }));
    const known = store.drawings.get(key);
    if (known) {
      store.drawings.delete(key);
      store.drawings.set(key, known);
      const copy = copyOf(known);
      if (copy) {
        keptDrawingStats.copies++;
        return copy;
      }
    }
    const drawn = draw();
    keptDrawingStats.draws++;
    if (!store.seen.has(key)) {
      store.seen.add(key);
      keepNewest(store.seen, SEEN_KEPT);
      return drawn;
    }
    const copy = copyOf(drawn);
    if (copy) {
      store.drawings.set(key, copy);
      keepNewest(store.drawings, DRAWINGS_KEPT);
    }
    return drawn;
  };
}

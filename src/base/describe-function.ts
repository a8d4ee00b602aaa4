/**
 * How a function inspects in a cell's output: a builtin shows its signature ("ƒ stats.crosstab(data,
 * rowVariable, columnVariable, options?)"), which it carries under a registered symbol (attached by
 * builtin-signature.ts when the analysis layer loads; a sandboxed frame sees the same key); any other
 * function shows "ƒ name()". Kept apart from the signatures so the page's startup code stays small.
 */

/** The key a builtin function carries its signature under. */
export const SIGNATURE: unique symbol = Symbol.for("tverrsnitt.signature");

/** A function as the value display shows it. */
export function describeFunction(fn: object): string {
  const signature: unknown = Reflect.get(fn, SIGNATURE);
  if (typeof signature === "string") return `ƒ ${signature}`;
  const name: unknown = Reflect.get(fn, "name");
  return `ƒ ${typeof name === "string" && name ? name : "(anonymous)"}()`;
}

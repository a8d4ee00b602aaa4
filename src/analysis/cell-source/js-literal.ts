/**
 * Values written into generated cell source as JavaScript literals. Strings go through
 * JSON.stringify, so a variable name or label can never close the string and inject code; arrays and
 * plain objects are written the way a person writes them (`{percent: "row"}`, not `{"percent":"row"}`).
 */

/** A value the generator writes: strings, finite numbers, booleans, and arrays or objects of them. */
export type LiteralValue = string | number | boolean | readonly LiteralValue[] | { readonly [key: string]: LiteralValue | undefined };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `value` as JavaScript source. */
export function jsLiteral(value: LiteralValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`jsLiteral: ${value} is not a finite number`);
    return String(value);
  }
  if (typeof value === "boolean") return String(value);
  if (isArray(value)) return `[${value.map(jsLiteral).join(", ")}]`;
  const parts = Object.entries(value).flatMap(([key, v]) => (v === undefined ? [] : [`${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${jsLiteral(v)}`]));
  return `{${parts.join(", ")}}`;
}

function isArray(value: LiteralValue): value is readonly LiteralValue[] {
  return Array.isArray(value);
}

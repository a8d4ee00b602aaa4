/**
 * Builtins inspect with their signatures: `stats` shows `{crosstab: "ƒ stats.crosstab(data,
 * rowVariable, columnVariable, options?)", …}` instead of bare `ƒ crosstab()`. The signatures come
 * from the generated reference index and are attached under `SIGNATURE` (describe-function.ts),
 * where the value display finds them.
 */
import { builtinEntry } from "./builtin-problem";
import { SIGNATURE } from "./describe-function";

function isPlainObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function sign(fn: object, name: string): void {
  const entry = builtinEntry(name);
  if (entry && !Object.prototype.hasOwnProperty.call(fn, SIGNATURE)) Object.defineProperty(fn, SIGNATURE, { value: entry.signature });
}

/**
 * Attach signatures to the functions of a builtins object and to the function members of its
 * plain-object namespaces (`stats.crosstab` …). Getters are left uncalled. Returns `names`.
 */
export function signBuiltins<T extends object>(names: T): T {
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(names))) {
    if (!("value" in descriptor)) continue;
    const value: unknown = descriptor.value;
    if (typeof value === "function") sign(value, name);
    else if (isPlainObject(value)) {
      for (const [member, inner] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
        if ("value" in inner && typeof inner.value === "function") sign(inner.value, `${name}.${member}`);
      }
    }
  }
  return names;
}

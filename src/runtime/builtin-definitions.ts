/**
 * A notebook's builtins as the Observable runtime takes them. The runtime calls a function-valued
 * builtin as its definition, and only when a cell uses the name: every value is wrapped, and a
 * getter is left uncalled until then, so a builtin that loads code or data (Plot, the survey) costs
 * nothing in notebooks that never use it.
 */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Each of `given`'s names as a definition: its getter called on first use, or its value. Throws for a name that is not an identifier. */
export function builtinDefinitions(given: object): Record<string, () => unknown> {
  const builtins: Record<string, () => unknown> = {};
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(given))) {
    if (!IDENTIFIER.test(name)) throw new Error(`Built-in "${name}" is not a JavaScript identifier; rename it.`);
    const get = descriptor.get;
    builtins[name] = get ? () => Reflect.apply(get, given, []) : () => descriptor.value;
  }
  return builtins;
}

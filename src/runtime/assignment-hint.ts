/**
 * The hint for a name a cell assigns but no cell defines. In Observable's classic notebooks, R,
 * Python and SPSS's COMPUTE, `ct = stats.crosstab(…)` makes `ct`; in a Notebook Kit cell it only
 * assigns, and a name is defined by a top-level `const`, `let`, `function` or `class`. Without the
 * hint the error says "ct is not defined by any cell" about the very cell that seems to define it.
 */

/** Escapes the one regular-expression character an identifier can hold. */
function escapeName(name: string): string {
  return name.replace(/\$/g, "\\$");
}

/**
 * Whether `source` assigns `name` at the start of a line (`name = …`, not `==`): the form of a
 * classic definition. A line-start test, not a parse: the hint is only added to an error that
 * already names `name` as undefined, so a look-alike costs a wrong hint, never a wrong run.
 */
export function assignsAtLineStart(source: string, name: string): boolean {
  return new RegExp(`^${escapeName(name)}\\s*=(?![=>])`, "m").test(source);
}

/**
 * The sentence for a name no cell defines, when a cell assigns it: `here` when that cell is the one
 * reading the name, else its id. Undefined when no cell assigns it.
 */
export function assignmentHint(name: string, readerId: string, cells: ReadonlyArray<{ id: string; source: string }>): string | undefined {
  const assigning = cells.filter((c) => assignsAtLineStart(c.source, name));
  if (assigning.length === 0) return undefined;
  const here = assigning.some((c) => c.id === readerId);
  const where = here ? "this cell" : `cell ${assigning[0]?.id ?? ""}`;
  return `${name} is not defined by any cell: ${where} assigns it (\`${name} = …\`) but does not define it; write \`const ${name} = …\` ${here ? "here" : "there"} to define ${name} for every cell`;
}

/**
 * The checks of `validate.ts` that look at one row at a time — each value against its variable's
 * codes and range, each skip rule — run on every part of a file read in parallel, each part in its
 * own worker (issue 12): on a 50 MB file they are 80–200 ms of CPU, and the worker that joins the
 * parts ran them all alone, on the whole file, while the others had stopped. A check that finds
 * nothing in any part finds nothing in the parts joined, so the joining worker skips those and runs
 * only the ones that found something, exactly as before: same issues, same order, same messages.
 *
 * A check counts as clean for the join only when every part ran it on number columns: a column
 * that is text in some part is joined as text, which the value check reads differently.
 */
import type { Codebook } from "../codebook";
import { allVariables } from "../variable-names";
import type { ColumnData, ColumnSet } from "./column-builders";
import { type CleanChecks, type IssueSink, checkSkipRule, checkValues, isValueChecked } from "./validate";

/** Keeps no issue, only whether there was one. */
class FoundAny implements IssueSink {
  found = false;
  readonly listing = false;
  note(): void {
    this.found = true;
  }
  count(): void {
    this.found = true;
  }
}

/** The row-by-row checks that find nothing in `set` (one part's columns), read through `codebook`. */
export function cleanChecks(set: ColumnSet, codebook: Codebook): CleanChecks {
  const columns = new Map<string, ColumnData>();
  set.names.forEach((name, i) => {
    const column = set.columns[i];
    if (column) columns.set(name, column);
  });
  const known = new Map(allVariables(codebook).map((v) => [v.name, v]));
  // Rows are not reported here, only whether there is one to report.
  const rowOf = (i: number): number => i + 1;
  const clean: string[] = [];
  for (const [name, column] of columns) {
    const v = known.get(name);
    if (!v || !isValueChecked(v) || column.type !== "number") continue;
    const probe = new FoundAny();
    checkValues(v, column, probe, rowOf);
    if (!probe.found) clean.push(name);
  }
  const rules: number[] = [];
  codebook.skipRules.forEach((rule, r) => {
    if ([rule.variable, ...rule.skips].some((name) => columns.get(name)?.type === "text")) return;
    const probe = new FoundAny();
    checkSkipRule(rule, columns, probe, rowOf);
    if (!probe.found) rules.push(r);
  });
  return { columns: clean, rules };
}

/** The checks every part found clean; undefined when a part did not run them (the join checks everything). */
export function joinCleanChecks(parts: readonly (CleanChecks | undefined)[]): CleanChecks | undefined {
  const [first, ...rest] = parts;
  if (!first) return undefined;
  let columns = first.columns;
  let rules = first.rules;
  for (const part of rest) {
    if (!part) return undefined;
    const partColumns = new Set(part.columns);
    const partRules = new Set(part.rules);
    columns = columns.filter((name) => partColumns.has(name));
    rules = rules.filter((r) => partRules.has(r));
  }
  return { columns, rules };
}

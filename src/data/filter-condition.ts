/**
 * A row condition: keep rows whose `variable` takes one of `codes`. It is the one form every
 * filter takes on its way to the statistics (the kernels' `where`, `filterView`, PSPP's SELECT IF
 * and the audit line), so what is selected and what is reported cannot drift apart.
 */

/** Keep rows whose `variable` takes one of `codes`. */
export interface FilterCondition {
  variable: string;
  codes: number[];
  /** Human label for the audit line, e.g. "fylke ∈ {11 Rogaland}". */
  label?: string;
}

/** Describe a condition for an audit line. */
export function describeCondition(condition: FilterCondition): string {
  return condition.label ?? `${condition.variable} ∈ {${condition.codes.join(", ")}}`;
}

/**
 * Whether one record meets every condition. Values may be numbers or numeric text. For lists that
 * are not survey rows (the appendix's named municipalities); survey rows go through the typed-array
 * selection in the statistics core, which applies the same rule.
 */
export function meetsConditions(conditions: readonly FilterCondition[], value: (variable: string) => unknown): boolean {
  return conditions.every((c) => {
    const v = value(c.variable);
    const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
    return c.codes.includes(n);
  });
}

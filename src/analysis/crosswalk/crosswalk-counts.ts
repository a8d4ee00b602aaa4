/**
 * The counting step of the crosswalk: how many respondents in a selection answer "yes" to a
 * comparison's outcome, out of which base. Counts come from the statistics core — `frequencies`
 * for coded answers (base: the spec's valid codes), `multipleResponse` for a ticked box of a
 * multiple-response set (base: every respondent in the selection) — so the audit line of the core
 * travels with them.
 */
import type { Codebook } from "../../data/codebook";
import * as stats from "../../stats/index";
import type { Audit, DataSource, FilterCondition } from "../../stats/index";
import type { Outcome, Restriction } from "./crosswalk-spec";

/** Anything the crosswalk can evaluate: a stats source (table, filter view, columns) or plain rows. */
export type CrosswalkData = DataSource | readonly Readonly<Record<string, unknown>>[];

/** Yes-count and base of one outcome in one selection. */
export interface OutcomeCount {
  /** Respondents answering yes. */
  x: number;
  /** The base: valid answers, or all respondents for a ticked box. */
  n: number;
  /** The statistics core's audit line of the count. */
  audit: Audit;
}

function isRowArray(data: CrosswalkData): data is readonly Readonly<Record<string, unknown>>[] {
  return Array.isArray(data);
}

/**
 * A stats source for `data`. Plain rows become columns (every key seen in any row; a key missing
 * from a row is blank), so a notebook can pass `applySurveyFilter(rows, filter)` directly.
 */
export function toSource(data: CrosswalkData): DataSource {
  if (!isRowArray(data)) return data;
  const names = new Set<string>();
  for (const row of data) for (const key of Object.keys(row)) names.add(key);
  const columns: Record<string, unknown[]> = {};
  for (const name of names) columns[name] = data.map((row) => row[name] ?? null);
  return columns;
}

/** True when the data has a column named `variable`. */
export function hasVariable(source: DataSource, variable: string): boolean {
  return stats.frameOf(source).has(variable);
}

/** Filter conditions for the `among` restrictions. */
export function restrictionConditions(among: readonly Restriction[] | undefined): FilterCondition[] {
  return (among ?? []).map((r) => ({ variable: r.variable, codes: [...r.codes], label: r.label }));
}

/** The variables a measure reads (for the "absent from the loaded data" check). */
export function outcomeVariables(outcome: Outcome): string[] {
  return [outcome.variable];
}

/** Count yes and base of `outcome` among the rows meeting `where`. */
export function countOutcome(source: DataSource, outcome: Outcome, where: readonly FilterCondition[], codebook: Codebook | undefined): OutcomeCount {
  if (outcome.base === "respondents") {
    const set = codebook?.sets.find((s) => s.name === outcome.set);
    // Without a codebook the set is just this one box, counted when it holds 1.
    const table = stats.multipleResponse(source, set ?? { name: outcome.set, label: { no: outcome.set, en: outcome.set }, variables: [outcome.variable], countedValue: 1 }, {
      codebook,
      where: [...where],
      caseBase: "all",
    });
    const row = table.rows.find((r) => r.variable === outcome.variable);
    return { x: row?.count ?? 0, n: table.caseBase, audit: table.audit };
  }
  const freq = stats.frequencies(source, outcome.variable, { codebook, where: [...where] });
  const valid = new Set(outcome.valid);
  const positive = new Set(outcome.positive);
  let x = 0;
  let n = 0;
  for (const row of [...freq.valid, ...freq.missing]) {
    if (row.code === null || !valid.has(row.code)) continue;
    n += row.count;
    if (positive.has(row.code)) x += row.count;
  }
  return { x, n, audit: freq.audit };
}

/** Readable form of an outcome's yes codes, e.g. "q29_2 ∈ {1, 2} of {1–4}" or "q31_2 ticked". */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.base === "respondents") return `${outcome.variable} ticked (base: all respondents)`;
  return `${outcome.variable} ∈ {${outcome.positive.join(", ")}} of valid {${outcome.valid.join(", ")}}`;
}

/** An audit with a new base and test, keeping N, filters, missing values and weight. */
export function reAudit(audit: Audit, base: number, baseLabel: string, test: string | null): Audit {
  const { line: _line, ...parts } = audit;
  return stats.makeAudit({ ...parts, base, baseLabel, test });
}

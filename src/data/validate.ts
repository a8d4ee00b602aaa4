/**
 * The validation report: checks a loaded table against the codebook (unknown variables, missing
 * columns, values outside the codes or range, skip-rule violations, duplicate respondent ids)
 * and collects the issues the parsers found on the way, each located by row, variable and value
 * and carrying the fix.
 */
import type { ColumnTable } from "arquero";
import type { Codebook, CodebookVariable, SkipRule } from "./codebook";
import type { IssueKind, ValidationIssue, ValidationReport } from "./load-result";
import { allVariables, respondentIdVariable } from "./variable-names";

/** Default cap on listed issues; every issue is still counted. */
export const DEFAULT_ISSUE_LIMIT = 200;

/** Accumulates issues: counts all, keeps the first `limit`. */
export class IssueCollector {
  private readonly listed: ValidationIssue[] = [];
  private readonly counts: Partial<Record<IssueKind, number>> = {};
  private total = 0;

  constructor(
    readonly file: string,
    readonly limit: number = DEFAULT_ISSUE_LIMIT,
  ) {}

  add(issue: ValidationIssue): void {
    this.total++;
    this.counts[issue.kind] = (this.counts[issue.kind] ?? 0) + 1;
    if (this.listed.length < this.limit) this.listed.push(issue);
  }

  /** The report for a load of `rows` data rows. */
  report(rows: number): ValidationReport {
    return {
      file: this.file,
      rows,
      total: this.total,
      counts: { ...this.counts },
      issues: [...this.listed],
      limit: this.limit,
      truncated: this.total > this.listed.length,
    };
  }
}

/** How table rows map to the rows a person sees in the file. */
export interface ValidateOptions {
  /** File row of table row 0: 2 for a CSV with a header, 1 for a card image or .sav. */
  firstRow: number;
  /** File row of each table row, when rows were skipped (blank lines); overrides firstRow. */
  rowNumbers?: ArrayLike<number>;
  /** Skip the missing-column check (a .sav or CSV that deliberately carries a subset). */
  allowMissingColumns?: boolean;
}

type RowOf = (tableRow: number) => number;

function describeCodes(v: CodebookVariable): string {
  const codes = v.codes.map((c) => c.code).join(", ");
  const missing = v.missing.length > 0 ? `; missing ${v.missing.join(", ")}` : "";
  return `codes ${codes}${missing}`;
}

/** Checks every value of one variable's column against its codes, missing codes and range. */
function checkValues(v: CodebookVariable, values: ArrayLike<unknown>, out: IssueCollector, rowOf: RowOf): void {
  const allowed = new Set<number>([...v.codes.map((c) => c.code), ...v.missing]);
  const checkCodes = (v.kind === "categorical" || v.kind === "dichotomy") && v.codes.length > 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    const row = rowOf(i);
    if (typeof value !== "number" || Number.isNaN(value)) {
      out.add({
        kind: "not-a-number", row, variable: v.name, value: String(value),
        message: `${v.name} is "${String(value)}" on row ${row}, but ${v.name} holds numbers.`,
        fix: `Replace it with ${v.codes.length > 0 ? `one of the ${describeCodes(v)}` : v.range ? `a number from ${v.range.min} to ${v.range.max}` : "a number"}, or leave the cell blank if the answer is unknown.`,
      });
    } else if (checkCodes && !allowed.has(value)) {
      out.add({
        kind: "unknown-code", row, variable: v.name, value,
        message: `${v.name} = ${value} on row ${row} is not a code of ${v.name} (${describeCodes(v)}).`,
        fix: `Correct the value, or blank it if the answer is unknown; if ${value} is a real code, add it to the codebook.`,
      });
    } else if (v.range && !v.missing.includes(value) && (value < v.range.min || value > v.range.max)) {
      out.add({
        kind: "out-of-range", row, variable: v.name, value,
        message: `${v.name} = ${value} on row ${row} is outside ${v.range.min}–${v.range.max}.`,
        fix: `Correct the value, or code it as missing (${v.missing.join(", ") || "blank"}) if it is unknown.`,
      });
    }
  }
}

function checkSkipRule(rule: SkipRule, t: ColumnTable, out: IssueCollector, rowOf: RowOf): void {
  if (!t.columnNames().includes(rule.variable)) return;
  const trigger = t.array(rule.variable);
  const codes = new Set(rule.codes);
  const skipped = rule.skips.filter((s) => t.columnNames().includes(s)).map((s): [string, ArrayLike<unknown>] => [s, t.array(s)]);
  for (let i = 0; i < trigger.length; i++) {
    const answer: unknown = trigger[i];
    if (typeof answer !== "number" || !codes.has(answer)) continue;
    for (const [name, values] of skipped) {
      const value: unknown = values[i];
      if (value === null || value === undefined) continue;
      const row = rowOf(i);
      out.add({
        kind: "skip-violation", row, variable: name, value: typeof value === "number" ? value : String(value),
        message: `${name} = ${String(value)} on row ${row}, but ${rule.variable} = ${answer} sends the respondent to ${rule.goto} ("${rule.printed}"), so ${name} must be blank.`,
        fix: `Blank ${name} on this row, or correct ${rule.variable} if the respondent did answer ${name}.`,
      });
    }
  }
}

function checkDuplicateIds(idName: string, t: ColumnTable, out: IssueCollector, rowOf: RowOf): void {
  const seen = new Map<unknown, number>();
  const ids = t.array(idName);
  for (let i = 0; i < ids.length; i++) {
    const id: unknown = ids[i];
    if (id === null || id === undefined) continue;
    const row = rowOf(i);
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, row);
      continue;
    }
    out.add({
      kind: "duplicate-id", row, variable: idName, value: typeof id === "number" ? id : String(id),
      message: `${idName} ${String(id)} on row ${row} was already used on row ${first}.`,
      fix: `Give each respondent a unique ${idName}; delete the row if it is a copy of row ${first}.`,
    });
  }
}

/**
 * Validates a loaded table against the codebook and adds the issues to `out`.
 * Columns not in the codebook are reported once each and otherwise left alone.
 */
export function validateTable(t: ColumnTable, codebook: Codebook, out: IssueCollector, opts: ValidateOptions): void {
  const rows = opts.rowNumbers;
  const rowOf: RowOf = (i) => rows?.[i] ?? i + opts.firstRow;
  const known = new Map(allVariables(codebook).map((v) => [v.name, v]));
  const columns = t.columnNames();
  for (const name of columns) {
    if (known.has(name)) continue;
    out.add({
      kind: "unknown-variable", variable: name,
      message: `Column "${name}" is not a variable of the codebook; it is kept but not validated.`,
      fix: `Rename the header to the codebook name (e.g. q4_1; Q4_1, q4.1 and spm4_1 are also accepted) if it is a questionnaire item; otherwise ignore this notice.`,
    });
  }
  if (!opts.allowMissingColumns) {
    for (const v of codebook.variables) {
      if (columns.includes(v.name)) continue;
      out.add({
        kind: "missing-column", variable: v.name,
        message: `The file has no column for ${v.name} (${v.question}).`,
        fix: `Add a column headed ${v.name}, or ignore this if the file leaves ${v.question} out on purpose.`,
      });
    }
  }
  for (const name of columns) {
    const v = known.get(name);
    if (v && v.kind !== "id" && v.kind !== "text") checkValues(v, t.array(name), out, rowOf);
  }
  for (const rule of codebook.skipRules) checkSkipRule(rule, t, out, rowOf);
  const id = respondentIdVariable(codebook);
  if (id && columns.includes(id.name)) checkDuplicateIds(id.name, t, out, rowOf);
}

/**
 * Validation, done once for every format by `loadFile`: first whether the file can be this survey
 * at all (enough of the codebook's variables, at least one data row) — if not, the load is refused
 * with what was found and what was expected — then the report: unknown variables, missing
 * columns, values outside the codes or range, skip-rule violations, duplicate respondent ids, each
 * located by row, variable and value and carrying the fix. Works on the loaded typed arrays.
 */
import type { Codebook, CodebookVariable, SkipRule } from "../codebook";
import { allVariables, respondentIdVariable } from "../variable-names";
import { type ColumnData, type ColumnSet, Int32List, type NumberColumnData, missingMarker } from "./column-builders";
import type { ReadOutput } from "./file-format";
import { type IssueKind, type LoadProblem, type ValidationIssue, type ValidationReport, loadProblem } from "./load-result";

/** Default cap on listed issues; every issue is still counted. */
export const DEFAULT_ISSUE_LIMIT = 200;

/** Issues as they cross between workers: the listed ones built, every one counted. */
export interface IssueTally {
  listed: ValidationIssue[];
  counts: Partial<Record<IssueKind, number>>;
  total: number;
}

/** Where the checks put what they find: an {@link IssueCollector}, or a part's probe (`part-checks.ts`). */
export interface IssueSink {
  /** Counts an issue of `kind`; `make` builds it, only when it will be listed. */
  note(kind: IssueKind, make: () => ValidationIssue): void;
  /** True while issues are still being listed. */
  readonly listing: boolean;
  /** Counts an issue that will not be listed. */
  count(kind: IssueKind): void;
}

/**
 * Accumulates issues: counts all, keeps the first `limit`. A deferred collector (one part of a file
 * read in parallel, `split-load.ts`) keeps the makers and builds the issues only in {@link tally}:
 * until then the part does not know how many rows come before it, and its messages name file rows.
 */
export class IssueCollector implements IssueSink {
  private readonly listed: (() => ValidationIssue)[] = [];
  private readonly counts: Partial<Record<IssueKind, number>> = {};
  private total = 0;

  constructor(
    readonly file: string,
    readonly limit: number = DEFAULT_ISSUE_LIMIT,
    private readonly deferred = false,
  ) {}

  add(issue: ValidationIssue): void {
    this.note(issue.kind, () => issue);
  }

  /**
   * Counts an issue of `kind` and builds it (`make`) only when it will be listed: the per-row checks
   * use this, so a file with a million bad rows builds 200 messages, not a million.
   */
  note(kind: IssueKind, make: () => ValidationIssue): void {
    this.total++;
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
    if (this.listed.length >= this.limit) return;
    if (this.deferred) this.listed.push(make);
    else {
      const issue = make();
      this.listed.push(() => issue);
    }
  }

  /** True while issues are still being listed; past the cap a hot loop may just {@link count}. */
  get listing(): boolean {
    return this.listed.length < this.limit;
  }

  /** Counts an issue that will not be listed (see {@link listing}). */
  count(kind: IssueKind): void {
    this.total++;
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
  }

  /** The issues so far, built, to send on or {@link absorb} elsewhere. */
  tally(): IssueTally {
    return { listed: this.listed.map((make) => make()), counts: { ...this.counts }, total: this.total };
  }

  /** Adds the issues of a later part of the file: listed while there is room, all counted. */
  absorb(tally: IssueTally): void {
    for (const issue of tally.listed) if (this.listed.length < this.limit) this.listed.push(() => issue);
    for (const [kind, n] of Object.entries(tally.counts)) {
      if (isIssueKind(kind, tally.counts)) this.counts[kind] = (this.counts[kind] ?? 0) + (n ?? 0);
    }
    this.total += tally.total;
  }

  /** The report for a load of `rows` data rows. */
  report(rows: number): ValidationReport {
    const issues = this.listed.map((make) => make());
    return {
      file: this.file,
      rows,
      total: this.total,
      counts: { ...this.counts },
      issues,
      limit: this.limit,
      truncated: this.total > issues.length,
    };
  }
}

/** Narrows a key of a counts record to an issue kind (the keys of `counts` are kinds by construction). */
function isIssueKind(key: string, counts: Partial<Record<IssueKind, number>>): key is IssueKind {
  return Object.hasOwn(counts, key);
}

/**
 * Why the read file cannot be taken as this survey, or undefined when it can: fewer than half of
 * the codebook's questionnaire variables, or no data rows. `codebook` is the one the caller gave
 * (a .sav read without one describes itself, and a table read back is not the survey: both are only
 * held to having rows).
 */
export function refusal(read: ReadOutput, codebook: Codebook | undefined, file: string): LoadProblem | undefined {
  if (codebook && codebook.variables.length > 0) {
    const n = codebook.variables.length;
    const present = new Set(read.columns.names);
    const found = read.found ?? codebook.variables.filter((v) => present.has(v.name)).length;
    if (found < n / 2) {
      const need = Math.ceil(n / 2);
      const examples = codebook.variables.slice(0, 4).map((v) => v.name).join(", ");
      return loadProblem("not-survey-data", `${found === 0 ? "None" : `Only ${found}`} of the codebook's ${n} variables ${found === 1 ? "is" : "are"} in this file, which has ${read.shape}; at least ${need} are needed to read it as this survey.`, {
        file,
        fix: `Choose the survey's data file: a CSV whose header names the variables (${examples}, …), the ${codebook.recordLength}-column card image, or a .sav; if this is the right file, rename its columns to the codebook's names.`,
      });
    }
  }
  if (read.columns.rows === 0) {
    return loadProblem("not-survey-data", `The file has ${read.shape} but no data rows: there is no respondent to read.`, {
      file, fix: "Choose the file that holds the answers, one respondent per row (CSV), line (card image) or case (.sav).",
    });
  }
  return undefined;
}

/** How table rows map to the rows a person sees in the file. */
export interface ValidateOptions {
  /** File row of each table row. */
  rowNumbers: ArrayLike<number>;
  /** Skip the missing-column check (a .sav that describes itself). */
  allowMissingColumns?: boolean | undefined;
  /**
   * Checks already run on every part of a file read in parallel, which found nothing
   * (`part-checks.ts`): skipped here, since a check that finds nothing in any part finds nothing
   * in their join. Only the rest run on the joined columns.
   */
  clean?: CleanChecks | undefined;
}

/** Value checks and skip rules that found nothing (see {@link ValidateOptions.clean}). */
export interface CleanChecks {
  /** Columns whose values passed their variable's codes and range. */
  columns: readonly string[];
  /** Indices into the codebook's `skipRules` that no row broke. */
  rules: readonly number[];
}

/** The file row of a table row. */
export type RowOf = (tableRow: number) => number;

function describeCodes(v: CodebookVariable): string {
  const codes = v.codes.map((c) => c.code).join(", ");
  const missing = v.missing.length > 0 ? `; missing ${v.missing.join(", ")}` : "";
  return `codes ${codes}${missing}`;
}

/**
 * Calls `bad(i, v)` for every value of a number column that `accept` refuses; missing values are
 * never refused. A column of Int8 values (survey codes) is checked through a 256-entry table, one
 * load per value — this loop runs over every cell of the file.
 */
function eachRefused(values: NumberColumnData["values"], accept: (v: number) => boolean, bad: (i: number, v: number) => void): void {
  if (values instanceof Int8Array) {
    const table = new Uint8Array(256);
    for (let v = -127; v < 128; v++) table[v + 128] = accept(v) ? 0 : 1;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? -128;
      if (table[v + 128] === 1) bad(i, v);
    }
    return;
  }
  // Int16 (a card field of three or four columns) through a table too, when the column is long
  // enough to pay for building it (65,536 calls of `accept`): one load per value, not a call.
  if (values instanceof Int16Array && values.length > 1 << 16) {
    const table = new Uint8Array(1 << 16);
    for (let v = -0x7fff; v < 0x8000; v++) table[v + 0x8000] = accept(v) ? 0 : 1;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? -0x8000;
      if (table[v + 0x8000] === 1) bad(i, v);
    }
    return;
  }
  const marker = missingMarker(values);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? marker;
    if (v !== marker && v === v && !accept(v)) bad(i, v);
  }
}

/** Checks every value of one variable's column against its codes, missing codes and range. */
export function checkValues(v: CodebookVariable, column: ColumnData, out: IssueSink, rowOf: RowOf): void {
  if (column.type === "text") {
    for (let i = 0; i < column.codes.length; i++) {
      const code = column.codes[i] ?? -1;
      if (code < 0) continue;
      const value = column.dictionary[code] ?? "";
      const row = rowOf(i);
      out.note("not-a-number", () => ({
        kind: "not-a-number", row, variable: v.name, value,
        message: `${v.name} is "${value}" on row ${row}, but ${v.name} holds numbers.`,
        fix: `Replace it with ${v.codes.length > 0 ? `one of the ${describeCodes(v)}` : v.range ? `a number from ${v.range.min} to ${v.range.max}` : "a number"}, or leave the cell blank if the answer is unknown.`,
      }));
    }
    return;
  }
  const checkCodes = (v.kind === "categorical" || v.kind === "dichotomy") && v.codes.length > 0;
  const { range } = v;
  if (!checkCodes && !range) return;
  const codes = new Set([...v.codes.map((c) => c.code), ...v.missing]);
  const values = column.values;
  const inRange = (x: number): boolean => !range || v.missing.includes(x) || (x >= range.min && x <= range.max);
  eachRefused(values, (x) => (!checkCodes || codes.has(x)) && inRange(x), (i, value) => {
    const row = rowOf(i);
    if (checkCodes && !codes.has(value)) {
      out.note("unknown-code", () => ({
        kind: "unknown-code", row, variable: v.name, value,
        message: `${v.name} = ${value} on row ${row} is not a code of ${v.name} (${describeCodes(v)}).`,
        fix: `Correct the value, or blank it if the answer is unknown; if ${value} is a real code, add it to the codebook.`,
      }));
    } else if (range) {
      out.note("out-of-range", () => ({
        kind: "out-of-range", row, variable: v.name, value,
        message: `${v.name} = ${value} on row ${row} is outside ${range.min}–${range.max}.`,
        fix: `Correct the value, or code it as missing (${v.missing.join(", ") || "blank"}) if it is unknown.`,
      }));
    }
  });
}

/** Checks that no row answers a question `rule` sends the respondent past. */
export function checkSkipRule(rule: SkipRule, columns: ReadonlyMap<string, ColumnData>, out: IssueSink, rowOf: RowOf): void {
  const trigger = columns.get(rule.variable);
  if (trigger?.type !== "number") return;
  const skipped = rule.skips.flatMap((name): { name: string; column: ColumnData }[] => {
    const column = columns.get(name);
    return column ? [{ name, column }] : [];
  });
  if (skipped.length === 0) return;
  // The rows where the rule fires ("refused" here means: the answer fires it), then each skipped
  // column over just those rows, column by column; violations are rare, reported in row order.
  const codes = new Set(rule.codes);
  const firing = new Int32List();
  eachRefused(trigger.values, (x) => !codes.has(x), (i) => firing.push(i));
  const rows = firing.finish();
  const found: [number, number][] = [];
  skipped.forEach(({ column }, s) => {
    if (column.type === "text") {
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r] ?? 0;
        if ((column.codes[i] ?? -1) >= 0) found.push([i, s]);
      }
      return;
    }
    const values = column.values;
    const marker = missingMarker(values);
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r] ?? 0;
      const v = values[i] ?? marker;
      if (v !== marker && v === v) found.push([i, s]);
    }
  });
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [i, s] of found) {
    const { name, column } = skipped[s] ?? { name: "", column: trigger };
    const answer = trigger.values[i] ?? 0;
    const value = column.type === "number" ? (column.values[i] ?? 0) : (column.dictionary[column.codes[i] ?? 0] ?? "");
    const row = rowOf(i);
    out.note("skip-violation", () => ({
      kind: "skip-violation", row, variable: name, value,
      message: `${name} = ${String(value)} on row ${row}, but ${rule.variable} = ${answer} sends the respondent to ${rule.goto} ("${rule.printed}"), so ${name} must be blank.`,
      fix: `Blank ${name} on this row, or correct ${rule.variable} if the respondent did answer ${name}.`,
    }));
  }
}

function checkDuplicateIds(idName: string, column: ColumnData, out: IssueCollector, rowOf: RowOf): void {
  const report = (i: number, id: string | number, first: number): void => {
    // A file of copied rows can have a duplicate on every row: count those past the listing.
    if (!out.listing) return out.count("duplicate-id");
    const row = rowOf(i);
    out.note("duplicate-id", () => ({
      kind: "duplicate-id", row, variable: idName, value: id,
      message: `${idName} ${String(id)} on row ${row} was already used on row ${first}.`,
      fix: `Give each respondent a unique ${idName}; delete the row if it is a copy of row ${first}.`,
    }));
  };
  if (column.type === "text") {
    // Equal ids share a dictionary code, so the first row per code is all there is to remember.
    const firstRow = new Int32Array(column.dictionary.length).fill(-1);
    for (let i = 0; i < column.codes.length; i++) {
      const code = column.codes[i] ?? -1;
      if (code < 0) continue;
      const first = firstRow[code] ?? -1;
      if (first < 0) firstRow[code] = rowOf(i);
      else report(i, column.dictionary[code] ?? "", first);
    }
    return;
  }
  const values = column.values;
  const marker = missingMarker(values);
  if (!(values instanceof Float64Array)) {
    // Integer ids in a range not much wider than the column (1…N, as files number respondents):
    // the first row of each id in an array indexed by id, not a Map of hundreds of thousands.
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const id = values[i] ?? marker;
      if (id === marker) continue;
      if (id < min) min = id;
      if (id > max) max = id;
    }
    if (max >= min && max - min < 4 * values.length + 1024) {
      const firstRow = new Int32Array(max - min + 1).fill(-1);
      for (let i = 0; i < values.length; i++) {
        const id = values[i] ?? marker;
        if (id === marker) continue;
        const first = firstRow[id - min] ?? -1;
        if (first < 0) firstRow[id - min] = rowOf(i);
        else report(i, id, first);
      }
      return;
    }
  }
  const seen = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const id = values[i] ?? marker;
    if (id === marker || id !== id) continue;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, rowOf(i));
    else report(i, id, first);
  }
}

/** Whether a variable's values are checked (ids and free text are not). */
export function isValueChecked(v: CodebookVariable): boolean {
  return v.kind !== "id" && v.kind !== "text";
}

/**
 * Validates loaded columns against the codebook and adds the issues to `out`. Columns not in the
 * codebook are reported once each and otherwise left alone.
 */
export function validateColumns(set: ColumnSet, codebook: Codebook, out: IssueCollector, opts: ValidateOptions): void {
  const rows = opts.rowNumbers;
  const rowOf: RowOf = (i) => rows[i] ?? i + 1;
  const known = new Map(allVariables(codebook).map((v) => [v.name, v]));
  const columns = new Map(set.names.map((name, i): [string, ColumnData] => [name, set.columns[i] ?? { type: "text", codes: new Int32Array(0), dictionary: [] }]));
  for (const name of set.names) {
    if (known.has(name)) continue;
    out.add({
      kind: "unknown-variable", variable: name,
      message: `Column "${name}" is not a variable of the codebook; it is kept but not validated.`,
      fix: `Rename the header to the codebook name (e.g. q4_1; Q4_1, q4.1 and spm4_1 are also accepted) if it is a questionnaire item; otherwise ignore this notice.`,
    });
  }
  if (!opts.allowMissingColumns) {
    for (const v of codebook.variables) {
      if (columns.has(v.name)) continue;
      out.add({
        kind: "missing-column", variable: v.name,
        message: `The file has no column for ${v.name} (${v.question}).`,
        fix: `Add a column headed ${v.name}, or ignore this if the file leaves ${v.question} out on purpose.`,
      });
    }
  }
  const cleanColumns = new Set(opts.clean?.columns);
  const cleanRules = new Set(opts.clean?.rules);
  for (const [name, column] of columns) {
    const v = known.get(name);
    if (v && isValueChecked(v) && !cleanColumns.has(name)) checkValues(v, column, out, rowOf);
  }
  codebook.skipRules.forEach((rule, r) => {
    if (!cleanRules.has(r)) checkSkipRule(rule, columns, out, rowOf);
  });
  const id = respondentIdVariable(codebook);
  const idColumn = id ? columns.get(id.name) : undefined;
  if (id && idColumn) checkDuplicateIds(id.name, idColumn, out, rowOf);
}

/**
 * What a kernel is called with, checked once at its entry: the data as analysts have it — the host's
 * `selection` or `survey` (which carry their codebook), an Arquero table or view, or plain columns —
 * and its variable names and options. A wrong argument is refused with a Problem that names what the
 * kernel expected, what it got, the right call and its reference entry; an unknown variable with
 * its close matches by name and label. After this the kernel trusts its arguments.
 */
import { describeValue } from "../base/builtin-problem";
import type { Codebook } from "../data/codebook";
import { isTableLike, type Columns, type ColumnSource, type TableLike } from "./column-cache";
import { statsError } from "./stats-problem";
import { suggestionText, suggestVariables } from "./suggest-variables";
import type { MetaOptions } from "./variable-info";
import { codebookKey, isLocale, type Locale } from "../base/locale/locale";
import { auditLocale } from "./audit";
import { refuseUnknownOptions, type OptionNames } from "./option-names";

/**
 * A dataset that carries its own codebook: the host's `selection` (its `view` is the filtered rows)
 * and `survey` (all rows). Kernels given one read labels and missing codes from its codebook.
 */
export interface CodedData {
  readonly view: TableLike;
  readonly codebook: Codebook;
  /** The language the data is shown in (the host's `selection` is made for one): labels and audit lines follow it. */
  readonly locale?: Locale;
}

/** Anything a kernel takes as data. */
export type StatsData = ColumnSource | CodedData;

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

/** True for the host's `selection` and `survey` (and anything else with rows and a codebook). */
export function isCodedData(value: unknown): value is CodedData {
  if (!isObject(value) || !("view" in value) || !("codebook" in value)) return false;
  return isObject(value.view) && isTableLike(value.view) && isObject(value.codebook);
}

/** The rows a kernel computes on, as `kernelInput` takes them from checked data: a coded dataset's view, else the data. */
export function sourceOf(data: CodedData | ColumnSource): ColumnSource {
  return isCodedData(data) ? data.view : data;
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || ArrayBuffer.isView(value) || (isObject(value) && "length" in value && typeof value.length === "number");
}

function isColumns(value: unknown): value is Columns {
  return isObject(value) && !Array.isArray(value) && Object.values(value).every(isArrayLike);
}

/** The kernel's data and options after the checks, and the checks for its variable arguments. */
export interface KernelInput<O extends MetaOptions> {
  /** The rows to compute on. */
  readonly source: ColumnSource;
  /** The options, with the data's codebook (and language) filled in when the caller gave none. */
  readonly options: O;
  /** The language of the result's audit line: `options.language`, else the data's, else norsk. */
  readonly locale: Locale;
  /** A variable-name argument: a text naming a column of the data. `role` says which argument. */
  variable(value: unknown, role: string): string;
  /** A list-of-variables argument (at least `min` names). */
  variables(value: unknown, role: string, min?: number): string[];
}

interface ListedNames {
  readonly names: string[];
  readonly set: ReadonlySet<string>;
}

/** A table's names, listed once per table: a table's columns never change (Arquero makes a new one). */
const tableNames = new WeakMap<TableLike, ListedNames>();

/**
 * The names of the data's columns. A kernel checks several names, several kernels read one
 * selection, and the evidence runs each of them on every reconstruction: an Arquero table copies its
 * ~200 names per listing, so a table's are kept. Plain columns are an object cell code may change,
 * so they are listed again on every call.
 */
function listedNames(source: ColumnSource): ListedNames {
  if (!isTableLike(source)) {
    const names = Object.keys(source);
    return { names, set: new Set(names) };
  }
  const known = tableNames.get(source);
  if (known) return known;
  const names = source.columnNames();
  const listed = { names, set: new Set(names) };
  tableNames.set(source, listed);
  return listed;
}

/**
 * The hint for a variable name given where the data goes: SPSS writes the variables first
 * (`CROSSTABS /TABLES=q1 BY q20`), a kernel takes the data first.
 */
function dataFirstHint(builtin: string, data: unknown): string {
  if (typeof data !== "string") return "";
  return ` The data comes first, then the variables: ${builtin}(selection, "${data.length > 30 ? `${data.slice(0, 30)}…` : data}", …).`;
}

/**
 * Check a kernel's data and options. `builtin` is its name as cells write it ("stats.crosstab"),
 * used in the messages and for the reference link. `known` names every option it takes: any other is
 * refused with the closest of them (a misspelt `wieght` was ignored, the analysis left unweighted).
 * `unweighted`, for a kernel that computes unweighted, says what to do instead of passing `weight`.
 */
export function kernelInput<O extends MetaOptions>(builtin: string, data: unknown, options: O, known: OptionNames<O>, unweighted?: string): KernelInput<O> {
  const fail = (message: string, context: Record<string, unknown> = {}) => statsError("bad-input", message, context, builtin);
  let source: ColumnSource;
  let codebook: Codebook | undefined;
  let language: "no" | "en" | undefined;
  if (isCodedData(data)) {
    source = data.view;
    codebook = data.codebook;
    const locale: unknown = data.locale;
    if (isLocale(locale)) language = codebookKey(locale);
  } else if (isObject(data) && (isTableLike(data) || isColumns(data))) {
    source = data;
  } else {
    const hint = Array.isArray(data) && isObject(data[0]) ? " For a list of row objects, pass the selection they came from, or aq.from(list)." : "";
    throw fail(`the first argument is the data — \`selection\` (the filtered respondents), \`survey\`, an Arquero table or columns {name: values} — but it got ${describeValue(data)}.${hint}${dataFirstHint(builtin, data)}`);
  }
  // Cell code can pass anything where the type says options: check at run time.
  const given: unknown = options;
  if (!isObject(given) || Array.isArray(given)) {
    throw fail(`the last argument is an options object {…}, but it got ${describeValue(given)}.`);
  }
  const withCodebook: O = codebook && !options.codebook ? { ...options, codebook } : options;
  const merged: O = language && !withCodebook.language ? { ...withCodebook, language } : withCodebook;
  // Listed once per call, on the first name checked (see `listedNames`).
  let listed: ListedNames | undefined;
  const columns = (): ListedNames => (listed ??= listedNames(source));
  const check = (value: unknown, role: string): string => {
    if (typeof value !== "string") {
      throw fail(`${role} is a variable name in quotes, e.g. "q20", but it got ${describeValue(value)}.`);
    }
    const known = columns();
    if (!known.set.has(value)) {
      const near = suggestVariables(value, known.names, merged.codebook);
      throw statsError("unknown-variable", `no variable "${value}" in the data (${role}).${suggestionText(near)}${near.length ? "" : " survey.table.columnNames() lists them."}`, { name: value, suggestions: near.map((s) => s.name) }, builtin);
    }
    return value;
  };
  if ("where" in given && given.where !== undefined) checkWhere(given.where, check, fail);
  if ("weight" in given && given.weight !== undefined) {
    if (unweighted !== undefined) throw fail(`it computes unweighted, so it takes no option weight; leave it out.${unweighted ? ` ${unweighted}` : ""}`);
    checkWeight(given.weight, columns(), fail);
  }
  refuseUnknownOptions(builtin, given, known);
  return {
    source,
    options: merged,
    locale: auditLocale(merged.language),
    variable: check,
    variables(value, role, min = 1) {
      if (typeof value === "string") throw fail(`${role} is a list of variable names, e.g. ["q3", "q7"], but it got ${describeValue(value)}; put the names in [ ].`);
      if (!Array.isArray(value) || value.length < min) throw fail(`${role} is a list of at least ${min} variable name${min === 1 ? "" : "s"}, but it got ${describeValue(value)}.`);
      return value.map((v, i) => check(v, `${role}, item ${i + 1}`));
    },
  };
}

type Fail = (message: string) => Error;

const WHERE_EXAMPLE = '{where: [{variable: "fylke", codes: [11]}]}';

/**
 * Option `where` as the kernels read it: a list of conditions {variable, codes: [..]}, each variable
 * a column of the data. Checked here so a wrong shape is named, not met later as "… is not iterable".
 */
function checkWhere(where: unknown, variable: (value: unknown, role: string) => string, fail: Fail): void {
  if (!Array.isArray(where)) {
    const hint = isObject(where) && !("variable" in where) ? " Name the variable and list its codes: {fylke: 11} is written [{variable: \"fylke\", codes: [11]}]." : isObject(where) ? " Put the condition in [ ]." : "";
    throw fail(`option where is a list of conditions, e.g. ${WHERE_EXAMPLE}, but it got ${describeValue(where)}.${hint}`);
  }
  where.forEach((condition: unknown, i) => {
    const role = `condition ${i + 1} of option where`;
    if (!isObject(condition) || !("variable" in condition)) throw fail(`${role} is {variable, codes}, e.g. {variable: "fylke", codes: [11]}, but it got ${describeValue(condition)}.`);
    variable(condition.variable, `the variable of ${role}`);
    const codes = "codes" in condition ? condition.codes : undefined;
    if (!Array.isArray(codes) || !codes.every((c) => typeof c === "number")) {
      throw fail(`the codes of ${role} are a list of numbers, e.g. codes: [11], but it got ${describeValue(codes)}${typeof codes === "number" ? `; write codes: [${codes}]` : ""}.`);
    }
  });
}

/**
 * Option `weight`: a column of the data, or one weight per backing row (`stats.postStratify(…).weights`).
 * The common slips — a misspelt or absent column, the post-stratification itself — are named with the fix.
 */
function checkWeight(weight: unknown, listed: ListedNames, fail: Fail): void {
  const make = "stats.postStratify(selection, stats.populationCells(…)).weights";
  if (typeof weight === "string") {
    if (listed.set.has(weight)) return;
    // By name only: a label's words are no weight ("vekt" is in q30_4's "lagt vekt på").
    const near = suggestVariables(weight, listed.names);
    throw fail(`option weight names no column "${weight}" in the data.${suggestionText(near)} Without a weight column, pass post-stratification weights: {weight: w.weights} with w = ${make}.`);
  }
  if (weight instanceof Float64Array || (Array.isArray(weight) && weight.every((x) => typeof x === "number"))) return;
  const whole = isObject(weight) && "weights" in weight ? " That is the post-stratification itself: pass its weights, {weight: w.weights}." : "";
  throw fail(`option weight is a weight column's name or one weight per row (${make}), but it got ${describeValue(weight)}.${whole}`);
}

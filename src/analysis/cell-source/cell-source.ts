/**
 * The cell-source generator behind the "Insert analysis" dialogs and the codebook browser: an
 * analysis described by its options (variables, percentages, method …) becomes the cells an analyst
 * would write by hand — a heading, a table from `tables.*`, a chart from `charts.*` — readable and
 * editable, using only the documented builtins. Pure: options in, source text out; the dialogs in
 * src/components/authoring/ call it, the unit tests run what it writes.
 *
 * Variables are checked against the codebook once, here; everything written into source passes
 * through `jsLiteral` (code) or `markdownText` (markdown, where `${` would start code), so no label
 * or name can inject code into the notebook.
 */
import { fail, ok, type Problem, type Result } from "../../base/result";
import { freshName } from "./fresh-name";
import { jsLiteral, type LiteralValue } from "./js-literal";

/** A percentage base of a crosstab. */
export type PercentBase = "row" | "column" | "total";

/** Which respondents the analysis reads: the filter bar's (`selection`) or all (`survey`). */
export type DataName = "selection" | "survey";

/** A frequency table of one variable (SPSS FREQUENCIES). */
export interface FrequenciesSpec {
  kind: "frequencies";
  variable: string;
  cumulative?: boolean;
  showMissing?: boolean;
}

/** A crosstab (SPSS CROSSTABS): the table always carries χ², Cramér's V and the expected-count warning. */
export interface CrosstabSpec {
  kind: "crosstab";
  row: string;
  column: string;
  percent: readonly PercentBase[];
  /** Counts in the table (default true). */
  counts?: boolean;
  expected?: boolean;
  chart?: boolean;
  /** A markdown line with χ², p and Cramér's V as live numbers (names the result `ct`). */
  liveLine?: boolean;
}

/** A correlation matrix with n per cell. */
export interface CorrelationsSpec {
  kind: "correlations";
  variables: readonly string[];
  method: "pearson" | "spearman";
  deletion: "pairwise" | "listwise";
  fdr: boolean;
  heatmap?: boolean;
}

/** Rates of `success` codes per SSB size class with Wilson intervals and the trend test. */
export interface SizeClassSpec {
  kind: "size-class";
  variable: string;
  success: readonly number[];
  /** Interval level, default 0.95. */
  level?: number;
  chart?: boolean;
}

/** The parts of a filter a what-if state sets (the filter bar's fields). */
export interface FilterState {
  fylke?: readonly number[];
  sizeClass?: readonly number[];
  respType?: readonly number[];
  adopted?: readonly string[];
}

/** One analysis under two filter states, side by side, each with its own filter form. */
export interface WhatIfSpec {
  kind: "what-if";
  variable: string;
  /** A crosstab row variable; a frequency table when left out. */
  by?: string;
  a: FilterState;
  b: FilterState;
}

/** What a dialog asks for. */
export type AnalysisSpec = FrequenciesSpec | CrosstabSpec | CorrelationsSpec | SizeClassSpec | WhatIfSpec;

/** One cell to insert. */
export interface GeneratedCell {
  /** A JavaScript or a markdown cell (the notebook document's kinds "js" and "md"). */
  kind: "js" | "md";
  source: string;
}

/** What the generator needs to know about the notebook and the codebook. */
export interface GenerateContext {
  /** A variable's short label, or undefined when the codebook has no such variable. */
  label(name: string): string | undefined;
  /** Names the notebook defines already (generated names avoid them). */
  taken?: Iterable<string>;
  /** Default "selection". */
  data?: DataName;
}

/** A spec naming a variable the codebook does not have. */
export type CellSourceProblem = Problem<"cell-source">;

/** Text for a markdown cell: `${` would start an interpolation, a backslash would escape it. */
export function markdownText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\$\{/g, "\\${").replace(/\n/g, " ");
}

/** `name(args…)` with every argument a literal, except the data name, which is code. */
function call(name: string, data: string, ...args: (LiteralValue | undefined)[]): string {
  const shown = args.filter((a) => a !== undefined).map((a) => jsLiteral(a));
  return `${name}(${[data, ...shown].join(", ")})`;
}

/** Options object, or undefined when every option is at its default (the call then leaves it out). */
function options(entries: Record<string, LiteralValue | undefined>): LiteralValue | undefined {
  const kept = Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function variablesOf(spec: AnalysisSpec): string[] {
  switch (spec.kind) {
    case "frequencies":
    case "size-class":
      return [spec.variable];
    case "crosstab":
      return [spec.row, spec.column];
    case "correlations":
      return [...spec.variables];
    case "what-if":
      return spec.by ? [spec.by, spec.variable] : [spec.variable];
  }
}

function heading(text: string, note?: string): GeneratedCell {
  return { kind: "md", source: `## ${markdownText(text)}${note ? `\n\n${markdownText(note)}` : ""}` };
}

function percentOption(percent: readonly PercentBase[]): LiteralValue | undefined {
  const order: PercentBase[] = ["row", "column", "total"];
  const chosen = order.filter((p) => percent.includes(p));
  if (chosen.length === 0) return "none";
  return chosen.length === 1 ? chosen[0] : chosen;
}

function filterLiteral(state: FilterState): LiteralValue {
  return { fylke: state.fylke?.length ? state.fylke : undefined, sizeClass: state.sizeClass?.length ? state.sizeClass : undefined, respType: state.respType?.length ? state.respType : undefined, adopted: state.adopted?.length ? state.adopted : undefined };
}

function frequencies(spec: FrequenciesSpec, data: string, label: (n: string) => string): GeneratedCell[] {
  const cells: GeneratedCell[] = [heading(`${label(spec.variable)} (${spec.variable})`, "Valid percent leaves missing codes and blanks out.")];
  cells.push({ kind: "js", source: call("tables.frequencies", data, spec.variable, options({ cumulative: spec.cumulative || undefined, showMissing: spec.showMissing || undefined })) });
  return cells;
}

function crosstab(spec: CrosstabSpec, data: string, label: (n: string) => string, taken: Set<string>): GeneratedCell[] {
  const title = `${label(spec.column)} by ${label(spec.row)}`;
  const cells: GeneratedCell[] = [heading(`${title} (${spec.column} × ${spec.row})`, "Pearson χ², Cramér's V and the expected-count warning are printed under the table.")];
  const tableOptions = options({ percent: percentOption(spec.percent), counts: spec.counts === false ? false : undefined, expected: spec.expected || undefined });
  cells.push({ kind: "js", source: call("tables.crosstab", data, spec.row, spec.column, tableOptions) });
  if (spec.chart) cells.push({ kind: "js", source: call("charts.crosstab", data, spec.row, spec.column) });
  if (spec.liveLine) {
    const name = freshName("ct", taken);
    cells.push({ kind: "js", source: `const ${name} = ${call("stats.crosstab", data, spec.row, spec.column)}` });
    cells.push({
      kind: "md",
      source: `Pearson χ²(\${${name}.tests.pearson.df}) = \${${name}.tests.pearson.value?.toFixed(2)}, p = \${stats.formatP(${name}.tests.pearson.p)}, Cramér's V = \${${name}.measures.cramersV?.toFixed(3)}, N = \${${name}.total}.\${${name}.expectedWarning ? " " + ${name}.expectedWarning.message : ""}`,
    });
  }
  return cells;
}

function correlations(spec: CorrelationsSpec, data: string, label: (n: string) => string): GeneratedCell[] {
  const method = spec.method === "spearman" ? "Spearman's ρ" : "Pearson's r";
  const how = `${method}, ${spec.deletion} deletion${spec.fdr ? ", p adjusted by Benjamini–Hochberg (FDR)" : ""}; n per cell.`;
  const cells: GeneratedCell[] = [heading(`Correlations: ${spec.variables.map(label).join(", ")}`, how)];
  const opts = options({ method: spec.method, deletion: spec.deletion, fdr: spec.fdr || undefined });
  cells.push({ kind: "js", source: call("tables.correlations", data, spec.variables, opts) });
  if (spec.heatmap) cells.push({ kind: "js", source: `charts.correlationHeatmap(${call("stats.correlationMatrix", data, spec.variables, opts)})` });
  return cells;
}

function sizeClass(spec: SizeClassSpec, data: string, label: (n: string) => string): GeneratedCell[] {
  const cells: GeneratedCell[] = [heading(`${label(spec.variable)} by size class`, `Share answering ${spec.success.join(" or ")} in each SSB size class, with Wilson intervals and the trend test across classes.`)];
  const level = spec.level !== undefined && spec.level !== 0.95 ? spec.level : undefined;
  cells.push({ kind: "js", source: call("tables.sizeClass", data, spec.variable, spec.success, options({ level })) });
  if (spec.chart) cells.push({ kind: "js", source: `charts.sizeClassRates(${call("stats.sizeClassRates", data, spec.variable, spec.success, options({ level }))})` });
  return cells;
}

function whatIf(spec: WhatIfSpec, label: (n: string) => string, taken: Set<string>): GeneratedCell[] {
  const what = spec.by ? `${label(spec.variable)} by ${label(spec.by)}` : label(spec.variable);
  const cells: GeneratedCell[] = [heading(`What if: ${what} under two filters`, "Each form below sets its own filter; the table under it follows it. The filter bar is not used here.")];
  for (const [key, state] of [["A", spec.a], ["B", spec.b]] as const) {
    const name = freshName(`whatIf${key}`, taken);
    cells.push({ kind: "js", source: `const ${name} = view(filterInput(survey, ${jsLiteral(filterLiteral(state))}))` });
    const data = `applyFilter(survey, ${name})`;
    cells.push({ kind: "js", source: spec.by ? call("tables.crosstab", data, spec.by, spec.variable, { percent: "row" }) : call("tables.frequencies", data, spec.variable) });
  }
  return cells;
}

/**
 * The cells of `spec`, in order. Fails (with the fix) when a variable is not in the codebook or a
 * list the analysis needs is empty.
 */
export function analysisCells(spec: AnalysisSpec, context: GenerateContext): Result<GeneratedCell[], CellSourceProblem> {
  const unknown = variablesOf(spec).filter((v) => context.label(v) === undefined);
  if (unknown.length > 0) return fail({ kind: "cell-source", message: `No variable ${unknown.map((v) => JSON.stringify(v)).join(", ")} in the codebook: pick one from the list (the codebook browser shows every variable).` });
  if (spec.kind === "correlations" && spec.variables.length < 2) return fail({ kind: "cell-source", message: "A correlation matrix needs at least two variables: tick two or more." });
  if (spec.kind === "size-class" && spec.success.length === 0) return fail({ kind: "cell-source", message: "Pick the answer codes that count as a success (e.g. 1 = already introduced)." });
  const label = (name: string): string => context.label(name) || name;
  const taken = new Set(context.taken ?? []);
  const data = context.data ?? "selection";
  switch (spec.kind) {
    case "frequencies":
      return ok(frequencies(spec, data, label));
    case "crosstab":
      return ok(crosstab(spec, data, label, taken));
    case "correlations":
      return ok(correlations(spec, data, label));
    case "size-class":
      return ok(sizeClass(spec, data, label));
    case "what-if":
      return ok(whatIf(spec, label, taken));
  }
}

/**
 * The `tables` builtin: the statistics as report tables — `tables.crosstab`, `tables.frequencies`,
 * `tables.correlations`, `tables.sizeClass`. Each takes a kernel's result or the kernel's own
 * arguments (data first), reads its options once, and decides the disclosure guard in one place:
 * in a shared view, counts of 1–2 are masked when the rows were selected by county or size class,
 * or when the table itself breaks down by one of them.
 */
import { builtinError, describeValue } from "../../base/builtin-problem";
import { codebookKey, DEFAULT_LOCALE, type Locale } from "../../base/locale/locale";
import type { Crosstab, CrosstabOptions } from "../../stats/crosstab";
import type { CorrelationMatrix, CorrelationMatrixOptions } from "../../stats/correlation-matrix";
import { DISCLOSURE_THRESHOLD, DISCLOSURE_VARIABLES, withheldNotice } from "../../stats/disclosure";
import { withheldFigure } from "../render-table";
import type { FrequencyOptions, FrequencyTable } from "../../stats/frequencies";
import type { StatsData } from "../../stats/kernel-input";
import type { SizeClassComparison, SizeClassOptions } from "../../stats/size-class";
import { sizeClassRates } from "../evidence/evidenced-kernels";
import { CORRELATIONS, CROSSTAB, FREQUENCIES, GROUP_COMPARISON, isSizeClassComparison, POST_HOC, resultInput, SIZE_CLASS_RATES, type KernelKind } from "../result-input";
import { CROSSTAB_PERCENTS, renderCrosstabTable, type CrosstabStatistic } from "./crosstab-table";
import { renderCorrelationTable } from "./correlation-table";
import { renderFrequencyTable } from "./frequency-table";
import { renderSizeClassTable } from "./size-class-table";
import { renderGroupTable } from "./group-table";
import type { CompareGroupsOptions, GroupComparison } from "../../stats/compare-groups";
import { POST_HOC_METHODS, renderPostHocTable, type PostHocMethod } from "./post-hoc-table";
import type { PostHoc, PostHocOptions } from "../../stats/post-hoc";
import { OptionReader } from "./table-options";
import { tableEvidence, type TableEvidence } from "./figure-marks";

/** What the tables need from the host. */
export interface TableContext {
  /** Creates the elements (the page's document, or linkedom's in Node). */
  document: () => Document;
  /** A shared link or an export: small counts under a county or size breakdown are masked. */
  shared: boolean;
  /** The language of headers, labels and numbers (default "nb"). */
  locale?: Locale;
}

/** Options every table takes. */
export interface CommonTableOptions {
  /** The caption; default from the variables' labels. */
  caption?: string;
  /** A line above the table, e.g. `selection.message || survey.notice`. */
  notice?: string;
  /** Decimals of percentages, rates and r. */
  decimals?: number;
  /** Mask counts of 1–2 as "< 3"; default: in shared views when the rows were selected, or the table is broken down, by county or size class. */
  mask?: boolean;
}

/** Options of `tables.crosstab` (the last four are passed to `stats.crosstab` when it is given data). */
export interface CrosstabTableCallOptions extends CommonTableOptions, Pick<CrosstabOptions, "weight" | "allCodes" | "missing" | "where"> {
  /** Percentages to show: "row" (default), "column", "total", a list of them, or "none". */
  percent?: "row" | "column" | "total" | "none" | ("row" | "column" | "total")[];
  /** Show the counts (default true). */
  counts?: boolean;
  /** Show expected counts (default false). */
  expected?: boolean;
}

/** Options of `tables.frequencies` (weight, allCodes, missing and where go to `stats.frequencies`). */
export interface FrequencyTableCallOptions extends CommonTableOptions, Pick<FrequencyOptions, "weight" | "allCodes" | "missing" | "where"> {
  /** Show the cumulative percent column (default true). */
  cumulative?: boolean;
  /** Show the missing rows (default true). */
  showMissing?: boolean;
}

/** Options of `tables.correlations` (method, deletion, fdr, weight, missing and where go to `stats.correlationMatrix`). */
export interface CorrelationTableCallOptions extends CommonTableOptions, Pick<CorrelationMatrixOptions, "method" | "deletion" | "fdr" | "weight" | "missing" | "where"> {
  /** "lower": the diagonal and below only. Default "full". */
  triangle?: "full" | "lower";
}

/** Options of `tables.sizeClass` (level, classes, missing and where go to `stats.sizeClassRates`). */
export type SizeClassTableCallOptions = CommonTableOptions & Pick<SizeClassOptions, "level" | "classes" | "missing" | "where">;

/** The kernels' own options, passed on when a table is given data. */
const KERNEL_KEYS = {
  crosstab: ["weight", "allCodes", "missing", "where", "filters", "codebook"],
  frequencies: ["weight", "allCodes", "missing", "where", "filters", "codebook"],
  correlations: ["method", "deletion", "fdr", "weight", "missing", "where", "filters", "codebook"],
  sizeClass: ["level", "classes", "sizeVariable", "missing", "where", "filters", "codebook"],
  groups: ["groups", "missing", "where", "filters", "codebook"],
  postHoc: ["groups", "level", "adjust", "missing", "where", "filters", "codebook"],
} as const;

/** Options of `tables.groups` (groups, missing and where go to `stats.compareGroups`). */
export type GroupTableCallOptions = CommonTableOptions & Pick<CompareGroupsOptions, "groups" | "missing" | "where">;

/** Options of `tables.postHoc` (groups, level, adjust, missing and where go to `stats.postHoc`). */
export type PostHocTableCallOptions = CommonTableOptions & Pick<PostHocOptions, "groups" | "level" | "adjust" | "missing" | "where"> & {
  /** The methods shown: "tukey", "games-howell", "dunn" or a list of them (default all three). */
  method?: PostHocMethod | PostHocMethod[];
};

/** The `tables` builtin. */
export interface TablesBuiltin {
  /**
   * A crosstab as a report table: counts and the chosen percentages per cell, value labels from the
   * codebook, totals, and under it χ², df, p, Cramér's V and the expected-count warning.
   * @example tables.crosstab(selection, "size_class", "q20", {percent: "row"})
   */
  crosstab(data: StatsData, rowVariable: string, columnVariable: string, options?: CrosstabTableCallOptions): HTMLElement;
  crosstab(result: Crosstab, options?: CrosstabTableCallOptions): HTMLElement;
  /**
   * A frequency table as SPSS prints it: valid codes with count, percent, valid and cumulative
   * percent, the missing codes and blanks, and N.
   * @example tables.frequencies(selection, "q20")
   */
  frequencies(data: StatsData, variable: string, options?: FrequencyTableCallOptions): HTMLElement;
  frequencies(result: FrequencyTable, options?: FrequencyTableCallOptions): HTMLElement;
  /**
   * A correlation matrix with r (or ρ), its significance mark, p and the n of every pair; Pearson or
   * Spearman, pairwise or listwise, marks by raw p or Benjamini–Hochberg q (`fdr: true`).
   * @example tables.correlations(selection, ["q30_5", "q6", "q11", "q23"], {method: "spearman"})
   */
  correlations(data: StatsData, variables: readonly string[], options?: CorrelationTableCallOptions): HTMLElement;
  correlations(result: CorrelationMatrix, options?: CorrelationTableCallOptions): HTMLElement;
  /**
   * Rates by SSB size class with their intervals and the trend test: one variable (a row per class)
   * or a list of results (a row per variable, a column per class).
   * @example tables.sizeClass(selection, "q20", [1])
   */
  sizeClass(data: StatsData, variable: string, success: readonly number[], options?: SizeClassTableCallOptions): HTMLElement;
  sizeClass(result: SizeClassComparison | readonly SizeClassComparison[], options?: SizeClassTableCallOptions): HTMLElement;
  /**
   * A numeric item compared across groups: n, mean, sd, median and mean rank per group, then the
   * one-way ANOVA (F, df, p, η², ω²), Welch's F and the Kruskal–Wallis H (ε²) — SPSS ONEWAY and
   * NPAR TESTS /K-W in one table.
   * @example tables.groups(selection, "size_class", "q1")
   */
  groups(data: StatsData, group: string, item: string, options?: GroupTableCallOptions): HTMLElement;
  groups(result: GroupComparison, options?: GroupTableCallOptions): HTMLElement;
  /**
   * Which groups differ, after tables.groups: a block per method — Tukey's HSD, Games–Howell, Dunn
   * on the ranks — and a row per pair with the difference, SE, simultaneous interval, statistic, df
   * and adjusted p, PSPP ONEWAY /POSTHOC's "Multiple Comparisons" in one table.
   * @example tables.postHoc(selection, "size_class", "q1", {method: "games-howell"})
   */
  postHoc(data: StatsData, group: string, item: string, options?: PostHocTableCallOptions): HTMLElement;
  postHoc(result: PostHoc, options?: PostHocTableCallOptions): HTMLElement;
}

/** Is a table of these variables on these rows disclosive (county/size selection or breakdown)? */
function sensitive(auditSensitive: boolean, variables: readonly string[]): boolean {
  return auditSensitive || variables.some((v) => DISCLOSURE_VARIABLES.includes(v));
}

/** The options every table reads the same way. */
interface CommonOptions {
  caption: string | undefined;
  notice: string | undefined;
  decimals: number;
  locale: Locale;
}

/** How one kind of table is made from its kernel's result. */
interface TableKind<R, O> {
  builtin: string;
  kernel: KernelKind<R>;
  /** The kernel's options, passed on when the table is given data. */
  kernelKeys: readonly string[];
  decimals: number;
  /** The kind's own options. */
  read(o: OptionReader): O;
  /** Is this table disclosive (a county/size selection or breakdown)? */
  sensitive(result: R): boolean;
  /** What the result's figures rest on, its drawn-values line in the table's language. */
  evidence(result: R, mask: boolean, locale: Locale): TableEvidence;
  render(doc: Document, result: R, options: O & CommonOptions & TableEvidence & { mask: boolean }): HTMLElement;
}


const CROSSTAB_TABLE: TableKind<Crosstab, { statistics: CrosstabStatistic[] }> = {
  builtin: "tables.crosstab",
  kernel: CROSSTAB,
  kernelKeys: KERNEL_KEYS.crosstab,
  decimals: 1,
  read(o) {
    const percents = o.someOf("percent", CROSSTAB_PERCENTS, ["row"], "none");
    const statistics: CrosstabStatistic[] = [...(o.boolean("counts", true) ? (["count"] as const) : []), ...percents, ...(o.boolean("expected", false) ? (["expected"] as const) : [])];
    if (statistics.length === 0) throw builtinError("tables.crosstab", "bad-option", "with counts: false and percent: \"none\" there is nothing to show; keep the counts or choose a percentage.");
    return { statistics };
  },
  sensitive: (ct) => sensitive(ct.audit.disclosureSensitive, [ct.rowVariable, ct.columnVariable]),
  evidence: tableEvidence,
  render: renderCrosstabTable,
};

const FREQUENCY_TABLE: TableKind<FrequencyTable, { cumulative: boolean; showMissing: boolean }> = {
  builtin: "tables.frequencies",
  kernel: FREQUENCIES,
  kernelKeys: KERNEL_KEYS.frequencies,
  decimals: 1,
  read: (o) => ({ cumulative: o.boolean("cumulative", true), showMissing: o.boolean("showMissing", true) }),
  sensitive: (t) => sensitive(t.audit.disclosureSensitive, [t.variable]),
  evidence: tableEvidence,
  render: renderFrequencyTable,
};

const CORRELATION_TABLE: TableKind<CorrelationMatrix, { triangle: "full" | "lower" }> = {
  builtin: "tables.correlations",
  kernel: CORRELATIONS,
  kernelKeys: KERNEL_KEYS.correlations,
  decimals: 3,
  read: (o) => ({ triangle: o.oneOf("triangle", ["full", "lower"] as const, "full") }),
  sensitive: (m) => m.audit.disclosureSensitive,
  evidence: tableEvidence,
  render: renderCorrelationTable,
};

/** A size-class table shows one comparison or several: computed, it is a list of one. */
const SIZE_CLASS_LIST: KernelKind<readonly SizeClassComparison[]> = {
  kernel: SIZE_CLASS_RATES.kernel,
  arity: SIZE_CLASS_RATES.arity,
  is: (v): v is readonly SizeClassComparison[] => Array.isArray(v) && v.length > 0 && v.every(isSizeClassComparison),
  run: (...args: Parameters<typeof sizeClassRates>) => [sizeClassRates(...args)],
};

const SIZE_CLASS_TABLE: TableKind<readonly SizeClassComparison[], Record<string, never>> = {
  builtin: "tables.sizeClass",
  kernel: SIZE_CLASS_LIST,
  kernelKeys: KERNEL_KEYS.sizeClass,
  decimals: 1,
  read: () => ({}),
  // A size-class table breaks down by size class: disclosive in a shared view whatever the filter.
  sensitive: () => true,
  // One evidence per comparison (each was computed by its own call).
  evidence: () => ({}),
  render: renderSizeClassTable,
};

const GROUP_TABLE: TableKind<GroupComparison, Record<string, never>> = {
  builtin: "tables.groups",
  kernel: GROUP_COMPARISON,
  kernelKeys: KERNEL_KEYS.groups,
  decimals: 2,
  read: () => ({}),
  // Broken down by its group variable: disclosive when that is the county or size class.
  sensitive: (c) => sensitive(c.audit.disclosureSensitive, [c.groupVariable]),
  evidence: tableEvidence,
  render: renderGroupTable,
};

const POST_HOC_TABLE: TableKind<PostHoc, { methods: PostHocMethod[] }> = {
  builtin: "tables.postHoc",
  kernel: POST_HOC,
  kernelKeys: KERNEL_KEYS.postHoc,
  decimals: 2,
  read: (o) => ({ methods: o.someOf("method", POST_HOC_METHODS, POST_HOC_METHODS) }),
  sensitive: (r) => sensitive(r.audit.disclosureSensitive, [r.groupVariable]),
  evidence: tableEvidence,
  render: renderPostHocTable,
};

/** The rows a result was computed on (its audit's N; the largest of a list's), if it says. */
function selectedN(result: unknown): number | undefined {
  if (Array.isArray(result)) {
    const ns = result.map(selectedN).filter((n): n is number => n !== undefined);
    return ns.length > 0 ? Math.max(...ns) : undefined;
  }
  if (typeof result !== "object" || result === null || !("audit" in result)) return undefined;
  const audit: unknown = result.audit;
  return typeof audit === "object" && audit !== null && "n" in audit && typeof audit.n === "number" ? audit.n : undefined;
}

/** The `tables` builtin over a host. */
export function createTables(context: TableContext): TablesBuiltin {
  const locale = context.locale ?? DEFAULT_LOCALE;
  /** One path for every table: read the call, the options (once), compute, guard, render. */
  const make = <R, O>(kind: TableKind<R, O>, args: readonly unknown[]): HTMLElement => {
    const input = resultInput(kind.builtin, args, kind.kernel);
    const o = new OptionReader(kind.builtin, input.options);
    const own = kind.read(o);
    const common: CommonOptions = { caption: o.string("caption"), notice: o.string("notice"), decimals: o.integer("decimals", kind.decimals, 0, 6), locale };
    const mask = o.maybeBoolean("mask");
    const kernelOptions = o.passOn(kind.kernelKeys);
    o.done();
    const result = input.result(kernelOptions, codebookKey(locale));
    const masked = mask ?? (context.shared && kind.sensitive(result));
    // A selection of 1–2 respondents: any figure of it gives them away (the filter bar says N < 3,
    // so a "< 3" and a "·" beside it are both known), as renderComparison withholds its table.
    const withheld = masked ? withheldNotice(selectedN(result) ?? DISCLOSURE_THRESHOLD, { active: true }, locale) : undefined;
    if (withheld) return withheldFigure(context.document(), common.caption ?? "", withheld);
    return kind.render(context.document(), result, { ...own, ...common, ...kind.evidence(result, masked, locale), mask: masked });
  };
  return {
    crosstab: (...args: unknown[]) => make(CROSSTAB_TABLE, args),
    frequencies: (...args: unknown[]) => make(FREQUENCY_TABLE, args),
    correlations: (...args: unknown[]) => make(CORRELATION_TABLE, args),
    groups: (...args: unknown[]) => make(GROUP_TABLE, args),
    postHoc: (...args: unknown[]) => make(POST_HOC_TABLE, args),
    sizeClass(...args: unknown[]): HTMLElement {
      const [first, ...rest] = args;
      if (Array.isArray(first) && !SIZE_CLASS_LIST.is(first)) {
        throw builtinError("tables.sizeClass", "bad-argument", `a list given first holds results of stats.sizeClassRates or stats.sizeClassMeans; it got ${describeValue(first)}.`);
      }
      return make(SIZE_CLASS_TABLE, isSizeClassComparison(first) ? [[first], ...rest] : args);
    },
  };
}

/**
 * The `tables` builtin: the statistics as report tables — `tables.crosstab`, `tables.frequencies`,
 * `tables.correlations`, `tables.sizeClass`. Each takes a kernel's result or the kernel's own
 * arguments (data first), reads its options once, and decides the disclosure guard in one place:
 * in a shared view, counts of 1–2 are masked when the rows were selected by county or size class,
 * or when the table itself breaks down by one of them.
 */
import { builtinError, describeValue } from "../../base/builtin-problem";
import type { Crosstab, CrosstabOptions } from "../../stats/crosstab";
import type { CorrelationMatrix, CorrelationMatrixOptions } from "../../stats/correlation-matrix";
import { DISCLOSURE_VARIABLES } from "../../stats/disclosure";
import type { FrequencyOptions, FrequencyTable } from "../../stats/frequencies";
import type { StatsData } from "../../stats/kernel-input";
import type { SizeClassComparison, SizeClassOptions } from "../../stats/size-class";
import { CORRELATIONS, CROSSTAB, FREQUENCIES, isSizeClassComparison, resultInput, SIZE_CLASS_RATES } from "../result-input";
import { CROSSTAB_PERCENTS, renderCrosstabTable, type CrosstabStatistic } from "./crosstab-table";
import { renderCorrelationTable } from "./correlation-table";
import { renderFrequencyTable } from "./frequency-table";
import { renderSizeClassTable } from "./size-class-table";
import { OptionReader } from "./table-options";

/** What the tables need from the host. */
export interface TableContext {
  /** Creates the elements (the page's document, or linkedom's in Node). */
  document: () => Document;
  /** A shared link or an export: small counts under a county or size breakdown are masked. */
  shared: boolean;
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
} as const;

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
}

/** Is a table of these variables on these rows disclosive (county/size selection or breakdown)? */
function sensitive(auditSensitive: boolean, variables: readonly string[]): boolean {
  return auditSensitive || variables.some((v) => DISCLOSURE_VARIABLES.includes(v));
}

/** The `tables` builtin over a host. */
export function createTables(context: TableContext): TablesBuiltin {
  const mask = (reader: OptionReader, isSensitive: () => boolean): (() => boolean) => {
    const given = reader.maybeBoolean("mask");
    return () => given ?? (context.shared && isSensitive());
  };
  return {
    crosstab(...args: unknown[]): HTMLElement {
      const builtin = "tables.crosstab";
      const input = resultInput(builtin, args, CROSSTAB);
      const o = new OptionReader(builtin, input.options);
      const percents = o.someOf("percent", CROSSTAB_PERCENTS, ["row"], "none");
      const statistics: CrosstabStatistic[] = [...(o.boolean("counts", true) ? (["count"] as const) : []), ...percents, ...(o.boolean("expected", false) ? (["expected"] as const) : [])];
      if (statistics.length === 0) throw builtinError(builtin, "bad-option", "with counts: false and percent: \"none\" there is nothing to show; keep the counts or choose a percentage.");
      const caption = o.string("caption");
      const notice = o.string("notice");
      const decimals = o.integer("decimals", 1, 0, 4);
      const masked = mask(o, () => sensitive(ct.audit.disclosureSensitive, [ct.rowVariable, ct.columnVariable]));
      const kernel = o.passOn(KERNEL_KEYS.crosstab);
      o.done();
      const ct = input.result(kernel);
      return renderCrosstabTable(context.document(), ct, { statistics, caption, notice, decimals, mask: masked() });
    },
    frequencies(...args: unknown[]): HTMLElement {
      const builtin = "tables.frequencies";
      const input = resultInput(builtin, args, FREQUENCIES);
      const o = new OptionReader(builtin, input.options);
      const options = { caption: o.string("caption"), notice: o.string("notice"), decimals: o.integer("decimals", 1, 0, 4), cumulative: o.boolean("cumulative", true), showMissing: o.boolean("showMissing", true) };
      const masked = mask(o, () => sensitive(t.audit.disclosureSensitive, [t.variable]));
      const kernel = o.passOn(KERNEL_KEYS.frequencies);
      o.done();
      const t = input.result(kernel);
      return renderFrequencyTable(context.document(), t, { ...options, mask: masked() });
    },
    correlations(...args: unknown[]): HTMLElement {
      const builtin = "tables.correlations";
      const input = resultInput(builtin, args, CORRELATIONS);
      const o = new OptionReader(builtin, input.options);
      const options = { caption: o.string("caption"), notice: o.string("notice"), decimals: o.integer("decimals", 3, 0, 6), triangle: o.oneOf("triangle", ["full", "lower"] as const, "full") };
      const masked = mask(o, () => m.audit.disclosureSensitive);
      const kernel = o.passOn(KERNEL_KEYS.correlations);
      o.done();
      const m = input.result(kernel);
      return renderCorrelationTable(context.document(), m, { ...options, mask: masked() });
    },
    sizeClass(...args: unknown[]): HTMLElement {
      const builtin = "tables.sizeClass";
      const list = Array.isArray(args[0]) ? args[0] : null;
      if (list && !list.every(isSizeClassComparison)) {
        throw builtinError(builtin, "bad-argument", `a list given first must hold results of stats.sizeClassRates or stats.sizeClassMeans; it got ${describeValue(list)}.`);
      }
      const input = list ? null : resultInput(builtin, args, SIZE_CLASS_RATES);
      const o = new OptionReader(builtin, list ? args[1] : input?.options);
      const options = { caption: o.string("caption"), notice: o.string("notice"), decimals: o.integer("decimals", 1, 0, 4) };
      // A size-class table breaks down by size class: disclosive in a shared view whatever the filter.
      const masked = mask(o, () => true);
      const kernel = o.passOn(KERNEL_KEYS.sizeClass);
      o.done();
      if (list && Object.keys(kernel).length > 0) throw builtinError(builtin, "bad-option", `${Object.keys(kernel).join(", ")} change how the rates are computed; pass them to stats.sizeClassRates, not with a list of results.`);
      const comparisons: SizeClassComparison[] = list ? list.filter(isSizeClassComparison) : input ? [input.result(kernel)] : [];
      if (comparisons.length === 0) throw builtinError(builtin, "bad-argument", "give it data and a variable, one result, or a list of results; the list is empty.");
      return renderSizeClassTable(context.document(), comparisons, { ...options, mask: masked() });
    },
  };
}

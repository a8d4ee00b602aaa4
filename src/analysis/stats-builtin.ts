/**
 * The `stats` builtin: the statistics an analysis calls, by name — not every export of the
 * statistics core (its plumbing — frames, audits, weights resolution — stays internal). Members
 * documented at their declaration in src/stats keep that JSDoc; the others are documented here.
 * The reference (scripts/reference) lists exactly these members, and `stats` inspects as their
 * signatures.
 */
import {
  benjaminiHochberg, chiSquareTests, chiSquareUpperTail, cochranArmitage, cramersV, filterView,
  fisherExact2x2, formatP, multipleResponse, normalTwoSided, populationCells, postStratify, psppSyntax,
  ratePercents, tInv, tTwoSided, variableInfo, weightingEffect, wilsonInterval, zInv,
} from "../stats/index";
import { codebookKey, type Locale } from "../base/locale/locale";
// The kernels whose results tables mark with their evidence (computed on a selection, they remember it).
import { compareGroups, correlationMatrix, crosstab, frequencies, pearson, postHoc, sizeClassMeans, sizeClassRates, spearman } from "./evidence/evidenced-kernels";

/** The statistics in scope as `stats`. */
export const statsBuiltin = {
  frequencies,
  crosstab,
  multipleResponse,
  /**
   * Pearson χ², likelihood ratio and linear-by-linear tests of a table of counts (rows × columns),
   * as SPSS CROSSTABS /STATISTICS=CHISQ prints them.
   * @example stats.chiSquareTests([[10, 20], [30, 15]])
   */
  chiSquareTests,
  /**
   * φ and Cramér's V from the χ² tests of a table.
   * @example stats.cramersV(stats.chiSquareTests([[10, 20], [30, 15]]))
   */
  cramersV,
  /**
   * Two-sided Fisher exact p of the 2 × 2 table [[a, b], [c, d]], for tables whose expected counts
   * are too small for χ².
   * @example stats.fisherExact2x2(3, 1, 1, 3)
   */
  fisherExact2x2,
  pearson,
  spearman,
  correlationMatrix,
  /**
   * Benjamini–Hochberg q-values of a list of p-values, in input order (null stays null).
   * @example stats.benjaminiHochberg([0.01, 0.04, 0.03, 0.2])
   */
  benjaminiHochberg,
  sizeClassRates,
  sizeClassMeans,
  compareGroups,
  postHoc,
  /**
   * The Wilson score interval {low, high} (0–1) for x successes out of n, at `level` (default 0.95).
   * @example stats.wilsonInterval(10, 23)
   */
  wilsonInterval,
  /**
   * The Cochran–Armitage test for a trend in proportions x/n over ordered scores (two-sided, no
   * continuity correction).
   * @example stats.cochranArmitage([1, 2, 3], [1, 3, 6], [10, 10, 10])
   */
  cochranArmitage,
  /**
   * A size-class comparison's rows in percent with interval bounds: the shape `charts.sizeClassRates` draws.
   * @example stats.ratePercents(stats.sizeClassRates(selection, "q20", [1]))
   */
  ratePercents,
  postStratify,
  populationCells,
  weightingEffect,
  filterView,
  /**
   * A variable's label, value labels and missing codes as the kernels read them from a codebook.
   * @example stats.variableInfo("fylke", {codebook: survey.codebook})
   */
  variableInfo,
  /**
   * A p-value as SPSS and APA print it: "< .001" or ".034".
   * @example stats.formatP(0.0345)
   */
  formatP,
  /**
   * The upper tail P(X ≥ x) of χ² with df degrees of freedom: the p of a χ² statistic.
   * @example stats.chiSquareUpperTail(38.37, 15)
   */
  chiSquareUpperTail,
  /**
   * The two-sided p of a t statistic with df degrees of freedom.
   * @example stats.tTwoSided(2.1, 40)
   */
  tTwoSided,
  /**
   * The two-sided p of a standard normal z.
   * @example stats.normalTwoSided(1.96)
   */
  normalTwoSided,
  /**
   * The t quantile: tInv(0.975, 10) ≈ 2.228 for a 95 % interval.
   * @example stats.tInv(0.975, 10)
   */
  tInv,
  /**
   * The standard normal quantile: zInv(0.975) ≈ 1.960.
   * @example stats.zInv(0.975)
   */
  zInv,
  /**
   * PSPP (and SPSS) syntax that reproduces analyses from the data file: GET DATA, MISSING VALUES and
   * VALUE LABELS from the codebook, the filter as SELECT IF, then FREQUENCIES, CROSSTABS or CORRELATIONS.
   * @example stats.psppSyntax([{kind: "crosstabs", row: "size_class", column: "q20"}], {codebook: survey.codebook, dataFile: survey.source, columns: survey.table.columnNames(), where: selection.conditions})
   */
  psppSyntax,
};

/** The type of the `stats` builtin. */
export type StatsBuiltin = typeof statsBuiltin;

/**
 * Where each kernel that writes an audit line takes its options (0-based argument index): the
 * `stats` of one language fills in `language` there, unless the cell gave one.
 */
const OPTIONS_AT: Readonly<Partial<Record<keyof StatsBuiltin, number>>> = {
  frequencies: 2, crosstab: 3, multipleResponse: 2, pearson: 3, spearman: 3, correlationMatrix: 2, sizeClassRates: 3, sizeClassMeans: 2, compareGroups: 3, postHoc: 3, weightingEffect: 3,
};

/** `kernel` with `language` filled into its options argument at `at` (left as is when the cell passed something else there). */
type Kernel = (...args: unknown[]) => unknown;

function isKernel(value: unknown): value is Kernel {
  return typeof value === "function";
}

function withLanguage(kernel: Kernel, at: number, language: "no" | "en"): Kernel {
  return new Proxy(kernel, {
    apply(target, self: unknown, args: unknown[]) {
      const given = args[at];
      const fill = args.length >= at && (given === undefined || (typeof given === "object" && given !== null && !Array.isArray(given) && !("language" in given)));
      const call = fill ? [...args.slice(0, at), { ...(given ?? {}), language }, ...args.slice(at + 1)] : args;
      return Reflect.apply(target, self, call);
    },
  });
}

const inLocale = new Map<Locale, StatsBuiltin>();

/**
 * The `stats` builtin of one language: labels and audit lines in `locale` (a cell's own
 * `language` option wins), so `stats.pearson(columns, …).audit.line` reads like the tables beside it.
 */
export function statsBuiltinIn(locale: Locale): StatsBuiltin {
  const known = inLocale.get(locale);
  if (known) return known;
  const language = codebookKey(locale);
  const made: StatsBuiltin = { ...statsBuiltin };
  for (const [name, at] of Object.entries(OPTIONS_AT)) {
    const kernel: unknown = Reflect.get(statsBuiltin, name);
    if (isKernel(kernel) && at !== undefined) Reflect.set(made, name, withLanguage(kernel, at, language));
  }
  inLocale.set(locale, made);
  return made;
}

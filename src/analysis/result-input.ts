/**
 * The two ways a table or chart of a statistic is called: with the kernel's result
 * (`tables.crosstab(ct)`) or with the kernel's own arguments (`tables.crosstab(selection,
 * "size_class", "q20")`), options last in both. This reads either form once, computes through the
 * kernel when needed, and reports a kernel's complaint as the table builtin's own.
 */
import { asBuiltin, builtinError } from "../base/builtin-problem";
import type { Crosstab } from "../stats/crosstab";
import type { CorrelationMatrix } from "../stats/correlation-matrix";
import type { FrequencyTable } from "../stats/frequencies";
import type { SizeClassComparison } from "../stats/size-class";
import type { GroupComparison } from "../stats/compare-groups";
import type { PostHoc } from "../stats/post-hoc";
import { compareGroups, correlationMatrix, crosstab, frequencies, postHoc, sizeClassRates } from "./evidence/evidenced-kernels";

/** A statistics kernel as a table or chart takes it. */
export interface KernelKind<R> {
  /** The kernel's own builtin name ("stats.crosstab"), for messages. */
  readonly kernel: string;
  /** Arguments before the options, data included (crosstab: 3). */
  readonly arity: number;
  /** Is `value` this kernel's result? */
  is(value: unknown): value is R;
  /** The kernel itself. */
  readonly run: (...args: never[]) => unknown;
}

/** The arguments of one call, read. */
export interface ResultInput<R> {
  /** The options argument as given (read it with an OptionReader). */
  readonly options: unknown;
  /**
   * The result: the one given, or the kernel's on the given arguments and `kernelOptions`, with
   * labels in `language` (the app's; a result given as is keeps the labels it was computed with).
   */
  result(kernelOptions: Readonly<Record<string, unknown>>, language?: "no" | "en"): R;
}

/** Read `args` of `builtin` as a result of `kind` or the arguments of its kernel. */
export function resultInput<R>(builtin: string, args: readonly unknown[], kind: KernelKind<R>): ResultInput<R> {
  const first = args[0];
  if (kind.is(first)) {
    if (args.length > 2) throw builtinError(builtin, "bad-argument", `given a result of ${kind.kernel}, it takes (result, options?); it got ${args.length} arguments.`);
    return {
      options: args[1],
      result(kernelOptions) {
        const keys = Object.keys(kernelOptions);
        if (keys.length > 0) throw builtinError(builtin, "bad-option", `${keys.join(", ")} change how ${kind.kernel} computes; pass ${keys.length === 1 ? "it" : "them"} to ${kind.kernel}, or call ${builtin} with the data instead of a result.`);
        return first;
      },
    };
  }
  if (args.length > kind.arity + 1) throw builtinError(builtin, "bad-argument", `it takes ${kind.arity} arguments and then options, but it got ${args.length} arguments.`);
  return {
    options: args[kind.arity],
    result(kernelOptions, language) {
      const kernelArgs = [...args.slice(0, kind.arity), language && !("language" in kernelOptions) ? { ...kernelOptions, language } : kernelOptions];
      let value: unknown;
      try {
        value = Reflect.apply(kind.run, undefined, kernelArgs);
      } catch (e) {
        throw asBuiltin(e, builtin);
      }
      if (!kind.is(value)) throw new Error(`${kind.kernel} returned something that is not its result`);
      return value;
    },
  };
}

function has(value: unknown, ...keys: string[]): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && keys.every((k) => k in value);
}

/** A result of `stats.sizeClassRates` or `stats.sizeClassMeans`. */
export function isSizeClassComparison(value: unknown): value is SizeClassComparison {
  return has(value, "trend", "overall", "rows", "classLabels", "audit");
}

/** A result of `stats.crosstab`. */
export function isCrosstab(value: unknown): value is Crosstab {
  return has(value, "cells", "columnVariable", "tests", "audit");
}

/** `stats.crosstab(data, rowVariable, columnVariable, options)`. */
export const CROSSTAB: KernelKind<Crosstab> = { kernel: "stats.crosstab", arity: 3, run: crosstab, is: isCrosstab };
/** `stats.frequencies(data, variable, options)`. */
export const FREQUENCIES: KernelKind<FrequencyTable> = { kernel: "stats.frequencies", arity: 2, run: frequencies, is: (v): v is FrequencyTable => has(v, "valid", "missing", "validTotal", "audit") };
/** `stats.correlationMatrix(data, variables, options)`. */
export const CORRELATIONS: KernelKind<CorrelationMatrix> = { kernel: "stats.correlationMatrix", arity: 2, run: correlationMatrix, is: (v): v is CorrelationMatrix => has(v, "cells", "deletion", "method", "audit") };
/** `stats.sizeClassRates(data, variable, success, options)`: tables and charts of size classes show rates. */
export const SIZE_CLASS_RATES: KernelKind<SizeClassComparison> = { kernel: "stats.sizeClassRates", arity: 3, run: sizeClassRates, is: isSizeClassComparison };
/** `stats.compareGroups(data, group, item, options)`. */
export const GROUP_COMPARISON: KernelKind<GroupComparison> = { kernel: "stats.compareGroups", arity: 3, run: compareGroups, is: (v): v is GroupComparison => has(v, "anova", "welch", "kruskalWallis", "rows", "audit") };
/** `stats.postHoc(data, group, item, options)`. */
export const POST_HOC: KernelKind<PostHoc> = { kernel: "stats.postHoc", arity: 3, run: postHoc, is: (v): v is PostHoc => has(v, "tukey", "gamesHowell", "dunn", "rows", "audit") };

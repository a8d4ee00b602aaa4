/**
 * The entry of every kernel over two variables (crosstab, Pearson, Spearman): the arguments checked
 * once, the rows selected, both variables' codebook facts read and the case weights resolved — in
 * one place, so the kernels differ only in what they compute.
 */
import type { ColumnSource, Frame } from "./column-cache";
import type { Locale } from "../base/locale/locale";
import { kernelInput, sourceOf, type StatsData } from "./kernel-input";
import { prepareFrame, type SelectOptions } from "./select-rows";
import { variableInfo, type MetaOptions, type VariableInfo } from "./variable-info";
import { resolveWeights, type WeightSpec } from "./weights";
import { META_OPTIONS, SELECT_OPTIONS, type OptionNames } from "./option-names";

/** Options every two-variable kernel takes. `weight` is left out by the unweighted ones. */
export interface PairOptions extends MetaOptions, SelectOptions {
  /** A weight column's name, or one weight per backing row (`stats.postStratify(…).weights`); unweighted when left out. */
  weight?: WeightSpec;
}

/** The options of `PairOptions`, by name. */
export const PAIR_OPTIONS: OptionNames<PairOptions> = { ...META_OPTIONS, ...SELECT_OPTIONS, weight: true };

/** A two-variable kernel's checked input. */
export interface PairInput<O extends PairOptions> {
  /** The two variable names, checked against the data. */
  readonly x: string;
  readonly y: string;
  /** Their codebook facts (labels, missing codes). */
  readonly xi: VariableInfo;
  readonly yi: VariableInfo;
  /** The options with the data's codebook filled in. */
  readonly options: O;
  /** The language of the audit line. */
  readonly locale: Locale;
  /** The rows to compute on, the filters for the audit line and whether they are disclosive. */
  readonly frame: Frame;
  readonly filters: string[];
  readonly disclosureSensitive: boolean;
  /** One weight per frame row, or null when unweighted; and the weight's name for the audit. */
  readonly w: Float64Array | null;
  readonly weightName: string | null;
}

/** What a two-variable kernel needs besides the rows: the checked names, their codebook facts, the options. */
export type PairPlan<O extends PairOptions> = Pick<PairInput<O>, "x" | "y" | "xi" | "yi" | "options" | "locale">;

/**
 * The arguments checked and the codebook read, once: `on(source)` selects a dataset's rows and weights.
 * `known` names every option the kernel takes (kernelInput); `unweighted`, for a kernel that computes
 * unweighted, is what to do instead of passing `weight`.
 */
export function pairPlan<O extends PairOptions>(builtin: string, data: StatsData, x: unknown, y: unknown, options: O, known: OptionNames<O>, roles: readonly [string, string], unweighted?: string): PairPlan<O> {
  const input = kernelInput(builtin, data, options, known, unweighted);
  const xName = input.variable(x, roles[0]);
  const yName = input.variable(y, roles[1]);
  const checked = input.options;
  return { x: xName, y: yName, xi: variableInfo(xName, checked), yi: variableInfo(yName, checked), options: checked, locale: input.locale };
}

/** A plan's input on one dataset's rows (`source` as `kernelInput` gives it). */
export function pairOn<O extends PairOptions>(plan: PairPlan<O>, source: ColumnSource): PairInput<O> {
  const { frame, filters, disclosureSensitive } = prepareFrame(source, plan.options);
  const { w, name: weightName } = resolveWeights(frame, plan.options.weight);
  return { ...plan, frame, filters, disclosureSensitive, w, weightName };
}

/**
 * Check and prepare a two-variable kernel's input. `builtin` is the name cells call it by
 * ("stats.crosstab"); `known` its options by name; `roles` name the two variable arguments in error messages; `unweighted` as in
 * {@link pairPlan}.
 */
export function pairInput<O extends PairOptions>(builtin: string, data: StatsData, x: unknown, y: unknown, options: O, known: OptionNames<O>, roles: readonly [string, string], unweighted?: string): PairInput<O> {
  return pairOn(pairPlan(builtin, data, x, y, options, known, roles, unweighted), sourceOf(data));
}

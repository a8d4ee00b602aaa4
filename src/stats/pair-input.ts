/**
 * The entry of every kernel over two variables (crosstab, Pearson, Spearman): the arguments checked
 * once, the rows selected, both variables' codebook facts read and the case weights resolved — in
 * one place, so the kernels differ only in what they compute.
 */
import type { Frame } from "./column-cache";
import type { Locale } from "../base/locale/locale";
import { kernelInput, type StatsData } from "./kernel-input";
import { prepareFrame, type SelectOptions } from "./select-rows";
import { variableInfo, type MetaOptions, type VariableInfo } from "./variable-info";
import { resolveWeights, type WeightSpec } from "./weights";

/** Options every two-variable kernel takes. `weight` is left out by the unweighted ones. */
export interface PairOptions extends MetaOptions, SelectOptions {
  /** A weight column's name, or one weight per backing row (`stats.postStratify(…).weights`); unweighted when left out. */
  weight?: WeightSpec;
}

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

/**
 * Check and prepare a two-variable kernel's input. `builtin` is the name cells call it by
 * ("stats.crosstab"); `roles` name the two variable arguments in error messages.
 */
export function pairInput<O extends PairOptions>(builtin: string, data: StatsData, x: unknown, y: unknown, options: O, roles: readonly [string, string]): PairInput<O> {
  const input = kernelInput(builtin, data, options);
  const xName = input.variable(x, roles[0]);
  const yName = input.variable(y, roles[1]);
  const checked = input.options;
  const { frame, filters, disclosureSensitive } = prepareFrame(input.source, checked);
  const { w, name: weightName } = resolveWeights(frame, checked.weight);
  return { x: xName, y: yName, xi: variableInfo(xName, checked), yi: variableInfo(yName, checked), options: checked, locale: input.locale, frame, filters, disclosureSensitive, w, weightName };
}

/**
 * The effect of weighting on a table, side by side: the valid percent of each code unweighted and
 * weighted, and the difference in percentage points. This is what the notebooks show beside a
 * post-stratified table so a reader sees how much the SSB 1999 margins move the figures.
 */
import { kernelInput, type StatsData } from "./kernel-input";
import { META_OPTIONS, SELECT_OPTIONS, type OptionNames } from "./option-names";
import { frequencies, type FrequencyOptions } from "./frequencies";
import type { Audit } from "./audit";
import type { WeightSpec } from "./weights";

export interface WeightingEffectRow {
  code: number;
  label: string;
  unweighted: number | null;
  weighted: number | null;
  /** weighted − unweighted, percentage points. */
  difference: number | null;
}

export interface WeightingEffect {
  variable: string;
  rows: WeightingEffectRow[];
  /** Largest absolute difference, percentage points (0 when nothing to compare). */
  maxDifference: number;
  audit: { unweighted: Audit; weighted: Audit };
}

/** The options of `stats.weightingEffect`, by name (its weight is an argument of its own). */
const WEIGHTING_EFFECT_OPTIONS: OptionNames<Omit<FrequencyOptions, "weight">> = { ...META_OPTIONS, ...SELECT_OPTIONS, allCodes: true };

/**
 * Valid percents of `variable` with and without `weight`, side by side, with the difference in
 * percentage points.
 * @param data the rows: `selection`, `survey`, an Arquero table or columns
 * @param weight a weight column's name or one weight per backing row (`stats.postStratify(…).weights`)
 * @example stats.weightingEffect(selection, "q20", stats.postStratify(selection, stats.populationCells(await FileAttachment("data/survey-1999/municipalities.csv").arquero())).weights)
 */
export function weightingEffect(data: StatsData, variable: string, weight: WeightSpec, options: Omit<FrequencyOptions, "weight"> = {}): WeightingEffect {
  const input = kernelInput("stats.weightingEffect", data, options, WEIGHTING_EFFECT_OPTIONS);
  variable = input.variable(variable, "the variable (2nd argument)");
  const plain = frequencies(input.source, variable, { ...input.options, allCodes: true });
  const weighted = frequencies(input.source, variable, { ...input.options, allCodes: true, weight });
  const byCode = new Map(weighted.valid.map((r) => [r.code, r]));
  const rows = plain.valid.map((r) => {
    const w = byCode.get(r.code);
    const unweightedPct = r.validPercent;
    const weightedPct = w?.validPercent ?? null;
    return {
      code: r.code ?? Number.NaN,
      label: r.label,
      unweighted: unweightedPct,
      weighted: weightedPct,
      difference: unweightedPct === null || weightedPct === null ? null : weightedPct - unweightedPct,
    };
  });
  const maxDifference = rows.reduce((m, r) => Math.max(m, Math.abs(r.difference ?? 0)), 0);
  return { variable, rows, maxDifference, audit: { unweighted: plain.audit, weighted: weighted.audit } };
}

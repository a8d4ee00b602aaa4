/**
 * Weights: reading a weight column, and post-stratification by size class × respondent type.
 *
 * Post-stratification gives every respondent in cell h the weight (P_h / P) / (n_h / n): the
 * population share of the cell over its sample share, so the weights sum to the sample size n and
 * a weighted table keeps the familiar N while its margins match the population (SSB 1999).
 * Cells with respondents but no population, or population but no respondents, are reported —
 * never silently dropped — because they change what the weighted figures mean.
 */
import type { Frame } from "./column-cache";
import { frameOf } from "./column-cache";
import { statsError } from "./stats-problem";
import { kernelInput, type KernelInput, type StatsData } from "./kernel-input";
import { refuseUnknownOptions, type OptionNames } from "./option-names";
import { describeValue } from "../base/builtin-problem";
import { POST_STRATIFICATION_WEIGHT } from "./audit";

/** Population count of one size class × respondent type cell. */
export interface PopulationCell {
  size_class: number;
  resp_type: number;
  population: number;
}

export interface PostStratification {
  /** One weight per backing row (NaN where a row has no cell: blank size class or type). */
  weights: Float64Array;
  cells: {
    size_class: number;
    resp_type: number;
    population: number;
    respondents: number;
    weight: number | null;
  }[];
  /** Problems worth showing beside a weighted table. */
  warnings: string[];
}

export interface PostStratifyOptions {
  /** Column names; defaults "size_class" and "resp_type". */
  sizeVariable?: string;
  typeVariable?: string;
}

/** The options of `stats.populationCells` and `stats.postStratify`, by name. */
const POST_STRATIFY_OPTIONS: OptionNames<PostStratifyOptions> = { sizeVariable: true, typeVariable: true };

/** A size class × type cell's key. */
const cellKey = (s: number, t: number): string => `${s}|${t}`;

/** The rows of a kernel's data with the size-class and type columns `options` names. */
interface CellColumns {
  frame: Frame;
  size: Float64Array;
  type: Float64Array;
}

function cellColumns(input: KernelInput<object>, options: PostStratifyOptions): CellColumns {
  const frame = frameOf(input.source);
  const size = frame.column(input.variable(options.sizeVariable ?? "size_class", "the size-class column"));
  const type = frame.column(input.variable(options.typeVariable ?? "resp_type", "the respondent-type column"));
  return { frame, size, type };
}

/**
 * Calls `visit` with every row (backing-row number `r`) that has both a size class and a type;
 * rows missing either belong to no cell.
 */
function eachCellRow({ frame, size, type }: CellColumns, visit: (r: number, s: number, t: number) => void): void {
  for (let i = 0; i < frame.n; i++) {
    const r = frame.rows ? (frame.rows[i] ?? 0) : i;
    const s = size[r] ?? Number.NaN;
    const t = type[r] ?? Number.NaN;
    if (Number.isNaN(s) || Number.isNaN(t)) continue;
    visit(r, s, t);
  }
}

/**
 * Population cells from a table of units (data/survey-1999/municipalities.csv: one row per kommune
 * and fylkeskommune with size_class and resp_type): the number of units in each cell, which is the
 * population the respondents represent (units, not inhabitants).
 * @param units one row per unit of the population, with size class and respondent type
 * @example stats.populationCells(await FileAttachment("data/survey-1999/municipalities.csv").arquero())
 */
export function populationCells(units: StatsData, options: PostStratifyOptions = {}): PopulationCell[] {
  const input = kernelInput("stats.populationCells", units, {}, {});
  refuseUnknownOptions("stats.populationCells", options, POST_STRATIFY_OPTIONS);
  const counts = new Map<string, PopulationCell>();
  eachCellRow(cellColumns(input, options), (_r, s, t) => {
    const key = cellKey(s, t);
    const cell = counts.get(key) ?? { size_class: s, resp_type: t, population: 0 };
    cell.population++;
    counts.set(key, cell);
  });
  return [...counts.values()].sort((a, b) => a.resp_type - b.resp_type || a.size_class - b.size_class);
}

/**
 * Post-stratification weights for the rows of `data` (its filter defines the sample): every
 * respondent in size class × type cell h gets (P_h / P) / (n_h / n), so the weights sum to n and the
 * weighted margins match the population. Cells without respondents or population are reported.
 * @param data the respondents: `selection`, `survey`, an Arquero table or columns
 * @param population units per size class × type, e.g. from `stats.populationCells(municipalities)`
 * @example stats.postStratify(selection, stats.populationCells(await FileAttachment("data/survey-1999/municipalities.csv").arquero()))
 */
export function postStratify(
  data: StatsData,
  population: readonly PopulationCell[],
  options: PostStratifyOptions = {},
): PostStratification {
  const input = kernelInput("stats.postStratify", data, {}, {});
  refuseUnknownOptions("stats.postStratify", options, POST_STRATIFY_OPTIONS);
  if (!Array.isArray(population)) {
    throw statsError("bad-input", `the population (2nd argument) is a list of {size_class, resp_type, population}, e.g. stats.populationCells(municipalities); got ${describeValue(population)}.`, {}, "stats.postStratify");
  }
  const sample = new Map<string, number>();
  let n = 0;
  const columns = cellColumns(input, options);
  eachCellRow(columns, (_r, s, t) => {
    sample.set(cellKey(s, t), (sample.get(cellKey(s, t)) ?? 0) + 1);
    n++;
  });
  const popTotal = population.reduce((a, c) => a + c.population, 0);
  if (!(popTotal > 0)) {
    throw statsError("bad-weight", "The population margins sum to 0; give population counts per size class × type.", {
      cells: population.length,
    });
  }
  const weightOf = new Map<string, number>();
  const warnings: string[] = [];
  const cells: PostStratification["cells"] = [];
  for (const c of population) {
    const respondents = sample.get(cellKey(c.size_class, c.resp_type)) ?? 0;
    let weight: number | null = null;
    if (respondents > 0) {
      weight = c.population / popTotal / (respondents / n);
      weightOf.set(cellKey(c.size_class, c.resp_type), weight);
    } else if (c.population > 0) {
      warnings.push(
        `No respondents in size class ${c.size_class} × type ${c.resp_type} (population ${c.population}); ` +
          "its share cannot be restored — merge it with a neighbouring cell.",
      );
    }
    cells.push({ size_class: c.size_class, resp_type: c.resp_type, population: c.population, respondents, weight });
  }
  for (const [k, count] of sample) {
    if (!weightOf.has(k)) {
      const [s, t] = k.split("|");
      warnings.push(`${count} respondents in size class ${s} × type ${t}, which has no population cell: weight 0.`);
    }
  }
  const weights = new Float64Array(columns.frame.totalRows).fill(Number.NaN);
  eachCellRow(columns, (r, s, t) => {
    weights[r] = weightOf.get(cellKey(s, t)) ?? 0;
  });
  return { weights, cells, warnings };
}

/** A weight given to a kernel: a column name in the data or an array aligned with the backing rows. */
export type WeightSpec = string | Float64Array;

/**
 * Resolve a weight spec to per-row weights (or null when unweighted). Missing, zero and negative
 * weights drop the row, as SPSS does.
 */
export function resolveWeights(frame: Frame, weight: WeightSpec | undefined): { w: Float64Array | null; name: string | null } {
  if (weight === undefined) return { w: null, name: null };
  if (typeof weight === "string") return { w: frame.column(weight), name: weight };
  if (weight.length !== frame.totalRows) {
    throw statsError(
      "bad-weight",
      `The weight array has ${weight.length} entries but the data has ${frame.totalRows} rows; ` +
        "compute weights on the unfiltered table (postStratify(table).weights).",
      { weights: weight.length, rows: frame.totalRows },
    );
  }
  return { w: weight, name: POST_STRATIFICATION_WEIGHT };
}

/** The weight of backing row r: 1 when unweighted, 0 for missing/negative weights. */
export function rowWeight(w: Float64Array | null, r: number): number {
  if (!w) return 1;
  const x = w[r] ?? Number.NaN;
  return x > 0 ? x : 0;
}

/**
 * A filtered view of a table for the filter bar: the rows meeting `where`, computed once on the
 * cached typed arrays, presented as a TableLike so every kernel can take it. A filter change makes
 * one new view (one pass over the filter columns); all analyses of that filter then share its row
 * indices, and all views share the extracted columns. Arquero's own `table.filter` works too, but
 * evaluates its predicate per row through Arquero's expression machinery, which is much slower.
 */
import { frameOf, isTableLike, type ColumnSource, type TableLike } from "./column-cache";
import { describeCondition, type FilterCondition } from "../data/filter-condition";
import { selectRows } from "./select-rows";
import { kernelInput, type StatsData } from "./kernel-input";
import { statsError } from "./stats-problem";
import { describeValue } from "../base/builtin-problem";

/** A TableLike over selected rows that also says which filters made it (for audit lines). */
export interface FilterView extends TableLike {
  readonly filterLabels: string[];
  readonly where: FilterCondition[];
}

/** Type guard for views made by `filterView`. */
export function isFilterView(source: ColumnSource): source is FilterView {
  return isTableLike(source) && Array.isArray(source.filterLabels) && "where" in source && Array.isArray(source.where);
}

/**
 * The rows of `data` (itself possibly filtered) meeting every condition, as a view every kernel
 * takes; computed once, its audit lines name the conditions.
 * @param data an Arquero table, a view, columns, or `selection`/`survey`
 * @param where conditions {variable, codes, label?}, all of which a row must meet
 * @example stats.filterView(survey.table, [{variable: "resp_type", codes: [1], label: "kommuner"}])
 */
export function filterView(data: StatsData, where: readonly FilterCondition[]): FilterView {
  const source = kernelInput("stats.filterView", data, {}, {}).source;
  if (!Array.isArray(where) || !where.every((w) => typeof w === "object" && w !== null && typeof w.variable === "string" && Array.isArray(w.codes))) {
    throw statsError("bad-input", `the conditions (2nd argument) are a list of {variable, codes}, e.g. [{variable: "fylke", codes: [11]}]; got ${describeValue(where)}.`, {}, "stats.filterView");
  }
  const base = frameOf(source);
  const rows = selectRows(base, where);
  const inherited = isFilterView(source) ? source.filterLabels : base.sourceFiltered ? [`table filter: ${base.n} of ${base.totalRows} rows`] : [];
  const prior = isFilterView(source) ? source.where : [];
  return {
    filterLabels: [...inherited, ...where.map(describeCondition)],
    where: [...prior, ...where],
    // The source's own column objects, so the column cache (keyed by object) is shared.
    column: (name) => (isTableLike(source) ? source.column(name) : source[name]),
    columnNames: () => base.names(),
    numRows: () => rows.length,
    totalRows: () => base.totalRows,
    isFiltered: () => true,
    indices: () => rows,
  };
}

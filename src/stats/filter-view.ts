/**
 * A filtered view of a table for the filter bar: the rows meeting `where`, computed once on the
 * cached typed arrays, presented as a TableLike so every kernel can take it. A filter change makes
 * one new view (one pass over the filter columns); all analyses of that filter then share its row
 * indices, and all views share the extracted columns. Arquero's own `table.filter` works too, but
 * evaluates its predicate per row through Arquero's expression machinery, which is much slower.
 */
import { frameOf, isTableLike, type DataSource, type TableLike } from "./column-cache";
import { describeCondition, type FilterCondition } from "../data/filter-condition";
import { selectRows } from "./select-rows";

/** A TableLike over selected rows that also says which filters made it (for audit lines). */
export interface FilterView extends TableLike {
  readonly filterLabels: string[];
  readonly where: FilterCondition[];
}

/** Type guard for views made by `filterView`. */
export function isFilterView(source: DataSource): source is FilterView {
  return isTableLike(source) && Array.isArray(source.filterLabels) && "where" in source && Array.isArray(source.where);
}

/** The rows of `source` (itself possibly filtered) meeting every condition. */
export function filterView(source: DataSource, where: readonly FilterCondition[]): FilterView {
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

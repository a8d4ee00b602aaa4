/**
 * Row selection for the filter bar: keep the rows whose variables take the chosen codes.
 * It runs on the cached typed arrays, so a filter change costs one pass over the data and no
 * column re-extraction; the result is a new Frame over the same columns.
 */
import { frameOf, isTableLike, type ColumnSource, type Frame } from "./column-cache";
import { describeCondition, type FilterCondition } from "../data/filter-condition";
import { codeTable } from "./code-table";
import { conditionsDisclosureSensitive } from "./disclosure";

/** Options shared by every kernel for row selection. */
export interface SelectOptions {
  /** Conditions, all of which a row must meet. */
  where?: FilterCondition[];
  /** Descriptions of filters applied before the data reached the kernel (shown in the audit). */
  filters?: string[];
}

/** Whether a value is one of `codes`. */
function isOneOf(codes: readonly number[]): (v: number) => boolean {
  const { small, other } = codeTable(codes);
  return (v) => (v >= 0 && v < 256 && (v | 0) === v ? small[v] === 1 : other.includes(v));
}

/** Indices of the rows of `frame` meeting every condition (in backing-row numbering). */
export function selectRows(frame: Frame, where: readonly FilterCondition[]): Uint32Array {
  const tests = where.map((w) => ({ col: frame.column(w.variable), ok: isOneOf(w.codes) }));
  const rows = frame.rows;
  const n = frame.n;
  const out = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const r = rows ? (rows[i] ?? 0) : i;
    let keep = true;
    for (let t = 0; t < tests.length; t++) {
      const test = tests[t];
      if (test && !test.ok(test.col[r] ?? Number.NaN)) {
        keep = false;
        break;
      }
    }
    if (keep) out[k++] = r;
  }
  return out.slice(0, k);
}

/** The conditions a `filterView` carries (its `where`), or none. */
function inheritedConditions(source: ColumnSource): { variable: string }[] {
  if (!isTableLike(source) || !("where" in source) || !Array.isArray(source.where)) return [];
  const list: unknown[] = source.where;
  return list.flatMap((c) => (typeof c === "object" && c !== null && "variable" in c && typeof c.variable === "string" ? [{ variable: c.variable }] : []));
}

/** What a kernel computes on: the frame, the filters for its audit line, and whether they are disclosive. */
export interface PreparedFrame {
  frame: Frame;
  filters: string[];
  /** The rows were selected by county or size class (a `filterView`'s conditions or `where`). */
  disclosureSensitive: boolean;
}

/** The frame a kernel should compute on, and the filter descriptions for its audit line. */
export function prepareFrame(source: ColumnSource, options: SelectOptions = {}): PreparedFrame {
  const base = frameOf(source);
  const filters = [...(options.filters ?? [])];
  if (isTableLike(source) && source.filterLabels) filters.push(...source.filterLabels);
  else if (base.sourceFiltered) filters.push(`table filter: ${base.n} of ${base.totalRows} rows`);
  const where = options.where ?? [];
  const disclosureSensitive = conditionsDisclosureSensitive([...inheritedConditions(source), ...where]);
  if (where.length === 0) return { frame: base, filters, disclosureSensitive };
  const rows = selectRows(base, where);
  for (const w of where) filters.push(describeCondition(w));
  return { frame: frameOf(source, rows), filters, disclosureSensitive };
}

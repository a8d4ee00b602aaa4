/**
 * Loaded columns as an Arquero table, without copying: each column is a small view object with
 * Arquero's column interface (`length`, `at`, iteration) over the typed arrays of
 * `column-builders.ts`, answering `null` for a missing value as an array column would. Kept apart
 * from the builders so the load worker, which only builds columns, does not bundle Arquero.
 */
import { table } from "arquero";
import { type ColumnData, type ColumnSet, type NumberColumnData, type TextColumnData, missingMarker, numberAt } from "./column-builders";
import type { LoadResult, LoadedData } from "./load-result";

/** A number column as Arquero sees it. `data` is the typed array underneath, for code that wants it. */
export class NumberColumnView {
  private readonly marker: number;
  constructor(readonly data: NumberColumnData) {
    this.marker = missingMarker(data.values);
  }
  get length(): number {
    return this.data.values.length;
  }
  at(row: number): number | null {
    return numberAt(this.data.values, this.marker, row);
  }
  /**
   * The column as a fresh Float64Array, NaN for missing: what the statistics core caches (its
   * `extract`), without a call of `at` per value.
   */
  toFloat64(): Float64Array {
    const values = this.data.values;
    // The engine converts the integers natively; one monomorphic pass then marks the missing.
    const out = new Float64Array(values.length);
    out.set(values);
    const marker = this.marker;
    if (marker === marker) {
      for (let i = 0; i < out.length; i++) if (out[i] === marker) out[i] = Number.NaN;
    }
    return out;
  }
  *[Symbol.iterator](): Iterator<number | null> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

/** A text column as Arquero sees it. */
export class TextColumnView {
  constructor(readonly data: TextColumnData) {}
  get length(): number {
    return this.data.codes.length;
  }
  at(row: number): string | null {
    const code = this.data.codes[row] ?? -1;
    return code < 0 ? null : (this.data.dictionary[code] ?? null);
  }
  *[Symbol.iterator](): Iterator<string | null> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

/** The view of one column. */
export function columnView(column: ColumnData): NumberColumnView | TextColumnView {
  return column.type === "number" ? new NumberColumnView(column) : new TextColumnView(column);
}

/** An Arquero table over the columns (a Map, so a header such as "constructor" is just a name). */
export function tableOf(set: ColumnSet): LoadResult["table"] {
  return table(new Map(set.names.map((name, i) => [name, columnView(set.columns[i] ?? { type: "text", codes: new Int32Array(set.rows).fill(-1), dictionary: [] })])));
}

/** The LoadResult of loaded data: the same report, codebook and source, the columns as a table. */
export function toLoadResult(data: LoadedData): LoadResult {
  return { table: tableOf(data.columns), codebook: data.codebook, report: data.report, source: data.source };
}

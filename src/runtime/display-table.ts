/**
 * A table a cell value can be shown as: Arquero's `ColumnTable` and anything with the same three
 * methods. The headless runner prints it as rows; the page draws it as an HTML table.
 */

/** The three table methods the display needs. */
export interface DisplayTable {
  numRows(): number;
  columnNames(): string[];
  objects(options?: { limit?: number }): Record<string, unknown>[];
}

/** True for a value that can be displayed as a table. */
export function isDisplayTable(value: unknown): value is DisplayTable {
  return typeof value === "object" && value !== null && ["numRows", "columnNames", "objects"].every((k) => k in value && typeof Reflect.get(value, k) === "function");
}

/**
 * The bundled reference CSVs (the appendix's adopters, SSB's municipalities) read the same way: a
 * required header, then one record per row checked field by field. A bad field drops its row and is
 * reported with row, column and what to write instead; nothing is thrown for data problems.
 */
import Papa from "papaparse";

/** One bad field: 1-based row as a spreadsheet shows it (the header is row 1), its column, the problem. */
export interface CsvFieldError {
  row: number;
  column: string;
  message: string;
}

/** Reads one record; calls `bad` and returns undefined to drop the row. */
export type RecordReader<T> = (record: Record<string, string>, bad: (column: string, message: string) => undefined) => T | undefined;

/** Parse CSV text with the required `columns` through `read`. */
export function parseRecordsCsv<T>(text: string, columns: readonly string[], read: RecordReader<T>): { rows: T[]; errors: CsvFieldError[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
  const header = parsed.meta.fields ?? [];
  const errors: CsvFieldError[] = columns
    .filter((col) => !header.includes(col))
    .map((col) => ({ row: 0, column: col, message: `header lacks column "${col}"; expected ${columns.join(",")}` }));
  if (errors.length > 0) return { rows: [], errors };
  const rows: T[] = [];
  parsed.data.forEach((record, i) => {
    const row = i + 2;
    const value = read(record, (column, message) => {
      errors.push({ row, column, message });
      return undefined;
    });
    if (value !== undefined) rows.push(value);
  });
  return { rows, errors };
}

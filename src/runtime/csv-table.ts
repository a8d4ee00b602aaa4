/**
 * CSV text as rows or an Arquero table (Papa Parse), for `loadCsv` and `FileAttachment(…).csv()` /
 * `.arquero()`. A module of its own so the stdlib loads Papa Parse only when a cell reads a CSV.
 */
import * as aq from "arquero";
import Papa from "papaparse";

function parseCsv(text: string, path: string): Papa.ParseResult<Record<string, unknown>> {
  const result = Papa.parse<Record<string, unknown>>(text, { header: true, dynamicTyping: true, skipEmptyLines: true });
  // A one-column file has no delimiter to detect; Papa's default (",") is then right.
  const [first] = result.errors.filter((e) => e.code !== "UndetectableDelimiter");
  if (first) {
    const row = first.row === undefined ? "" : ` (data row ${first.row + 1})`;
    throw new Error(`${path}${row}: ${first.message}. Fix the file so every row has the header's columns.`);
  }
  return result;
}

/** Parses CSV text into row objects: header row, numbers and booleans typed, blanks → null. */
export function parseCsvRows(text: string, path = "CSV"): Record<string, unknown>[] {
  return parseCsv(text, path).data;
}

/** Turns CSV text into an Arquero table, keeping the header's column order. */
export function csvToTable(text: string, path = "CSV"): aq.ColumnTable {
  const result = parseCsv(text, path);
  const fields = result.meta.fields ?? [];
  const columns: Record<string, unknown[]> = {};
  for (const field of fields) columns[field] = result.data.map((row) => row[field] ?? null);
  return aq.table(columns);
}

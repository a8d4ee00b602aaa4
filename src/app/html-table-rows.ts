/**
 * The data of an HTML table for its CSV export, so every table a notebook renders (printed-vs-
 * recomputed comparisons, crosswalk, reconciliation) exports, not only Arquero tables. Cells that the
 * renderer gave export fields (src/analysis/export-fields.ts) give numeric columns with real names —
 * printed_percent, printed_count, recomputed_count, agrees … — instead of "6 % (16)" under "column 1";
 * other cells give their text under their header. Masked cells stay masked: a masked count is blank
 * with a `_masked` flag of 1, and its text is "< 3", never the count.
 */
import { bodyRowsOf, cellsOfRow, exportFieldsOf, tableExportFieldsOf, type ExportValue } from "../analysis/export-fields";
import type { ColumnTable } from "../analysis/export-table";

function childrenNamed(parent: Element, ...names: string[]): Element[] {
  return [...parent.children].filter((el) => names.includes(el.localName));
}

function rowsOf(section: Element): Element[] {
  return childrenNamed(section, "tr");
}

/** Column names from the header row (or "column N" where it is blank), made unique. */
function headerNames(head: Element | undefined, width: number): string[] {
  const cells = head ? cellsOfRow(head) : [];
  const seen = new Map<string, number>();
  return Array.from({ length: width }, (_, i) => {
    const raw = cells[i]?.textContent?.trim() || `column ${i + 1}`;
    const n = (seen.get(raw) ?? 0) + 1;
    seen.set(raw, n);
    return n === 1 ? raw : `${raw} (${n})`;
  });
}

/**
 * The table's rows as a column table: export fields where the cells carry them, else cell text.
 * Read from the table when first asked (an export), not when it is drawn: every table a filter
 * change redraws gets one, and few are exported. Several tables (a list drawn in blocks,
 * drawn-output.ts) are one: their rows in order, under the columns of all of them.
 */
export function htmlTableData(tables: Element | readonly Element[]): ColumnTable {
  let read: { names: string[]; records: Map<string, ExportValue>[] } | undefined;
  const data = (): { names: string[]; records: Map<string, ExportValue>[] } => (read ??= readTables(Array.isArray(tables) ? tables : [tables]));
  return {
    columnNames: () => [...data().names],
    numRows: () => data().records.length,
    get: (name, row) => data().records[row]?.get(name) ?? null,
  };
}

function readTables(tables: readonly Element[]): { names: string[]; records: Map<string, ExportValue>[] } {
  const names: string[] = [];
  const known = new Set<string>();
  const records = tables.flatMap((table) => readTable(table, names, known));
  return { names, records };
}

/** One table's records; column names not seen before are added to `names` in order. */
function readTable(table: Element, names: string[], known: Set<string>): Map<string, ExportValue>[] {
  const thead = childrenNamed(table, "thead")[0];
  const bodyRows = bodyRowsOf(table);
  // Our renderers keep every body cell's fields in one JSON on the table (export-fields.ts).
  const byPlace = tableExportFieldsOf(table);
  const width = Math.max(0, ...bodyRows.map((r) => cellsOfRow(r).length));
  const headers = headerNames(thead ? rowsOf(thead)[0] : undefined, width);
  return bodyRows.map((row, r) => {
    const record = new Map<string, ExportValue>();
    cellsOfRow(row).forEach((cell, i) => {
      for (const [name, value] of exportFieldsOf(cell) ?? byPlace?.(r, i) ?? [[headers[i] ?? `column ${i + 1}`, cell.textContent?.trim() ?? ""] as const]) {
        if (!known.has(name)) {
          known.add(name);
          names.push(name);
        }
        record.set(name, value);
      }
    });
    return record;
  });
}

/** The first `<table>` inside the given nodes, if any. */
export function findHtmlTable(nodes: readonly Node[]): HTMLTableElement | null {
  for (const node of nodes) {
    if (node instanceof HTMLTableElement) return node;
    if (node instanceof Element) {
      const found = node.querySelector("table");
      if (found) return found;
    }
  }
  return null;
}

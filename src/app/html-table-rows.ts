/**
 * The records of an HTML table as shown, so that every table a notebook renders (the printed-vs-
 * recomputed comparisons, crosswalk, reconciliation) exports to CSV, not only Arquero tables.
 * Masked cells stay masked ("< 3"): the export is what the reader saw.
 */

/** Column names from the header row (or "column N"), made unique. */
function headerNames(table: HTMLTableElement): string[] {
  const headRow = table.tHead?.rows[0] ?? null;
  const width = Math.max(headRow?.cells.length ?? 0, ...[...table.tBodies].flatMap((b) => [...b.rows].map((r) => r.cells.length)));
  const seen = new Map<string, number>();
  return Array.from({ length: width }, (_, i) => {
    const raw = headRow?.cells[i]?.textContent?.trim() || `column ${i + 1}`;
    const n = (seen.get(raw) ?? 0) + 1;
    seen.set(raw, n);
    return n === 1 ? raw : `${raw} (${n})`;
  });
}

/** One record per body row, keyed by the header names; cell text trimmed. */
export function htmlTableRows(table: HTMLTableElement): Record<string, string>[] {
  const names = headerNames(table);
  const rows: Record<string, string>[] = [];
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      const record: Record<string, string> = {};
      names.forEach((name, i) => (record[name] = row.cells[i]?.textContent?.trim() ?? ""));
      rows.push(record);
    }
  }
  return rows;
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

/**
 * The counts the reconciliation shows, under the one disclosure guard (tables/shown-counts.ts).
 * A reader of a reconciliation table knows that a row's codes add up to its total, that a residual
 * is recomputed − target, that a recomputed percentage is its count over the row's total, and that
 * "✓" means the recomputation equals the printed figure. So one ShownCounts holds every count of
 * every printed table (the flagged table and the inconsistencies show the same cells and must hide
 * the same ones), with one line per printed row; a hidden count hides its residual and status, and
 * a row that hides any count shows none of its percentages, their residuals or statuses.
 */
import type { CellResidual } from "../../data/residuals";
import { ShownCounts } from "../tables/shown-counts";
import type { Locale } from "../../base/locale/locale";
import type { Reconciliation } from "./reconcile";

/** What the guard decided for one reconciliation. */
export interface ReconciliationShown {
  /** Is the recomputed figure of `cell` (a count, a total or a percentage) hidden? */
  hidden(cell: CellResidual): boolean;
  /** The recomputed count of `cell` as shown ("< 3", "·" or the number). */
  text(cell: CellResidual): string;
  /** The note under a table that hides figures, in `locale` (none when nothing is hidden). */
  note(locale: Locale): string[];
}

const rowKey = (c: CellResidual): string => `${c.table}|${c.row}|${c.variable}`;
const cellKey = (c: CellResidual): string => `${rowKey(c)}|${c.measure}|${String(c.code)}`;

/**
 * Decisions by reconciliation, then by mask and threshold: every table of a reconciliation (04 draws
 * about twenty, each with its own call) reads the one decision over all its counts, so it is made
 * once per filter change, not once per table (issue 12).
 */
const decided = new WeakMap<Reconciliation, Map<string, ReconciliationShown>>();

/** The guard's decision for `rec` (made once per reconciliation and options; nothing hidden when `mask` is off). */
export function reconciliationShown(rec: Reconciliation, mask: boolean, threshold?: number): ReconciliationShown {
  const key = `${mask}:${threshold ?? ""}`;
  const made = decided.get(rec) ?? new Map<string, ReconciliationShown>();
  decided.set(rec, made);
  const known = made.get(key);
  if (known) return known;
  const shown = new ShownCounts();
  const rows = new Map<string, { parts: string[]; total?: string; printedParts: number; printedTotal?: number | null }>();
  // Each cell's count id and row key, made once: the views ask about every cell several times (issue 12).
  const ids = new Map<CellResidual, string>();
  const rowKeys = new Map<CellResidual, string>();
  for (const table of rec.tables) {
    for (const cell of table.cells) {
      if (cell.measure === "percent") {
        rowKeys.set(cell, rowKey(cell));
        continue;
      }
      const id = shown.add(cellKey(cell), cell.reconstructed);
      ids.set(cell, id);
      const row = rows.get(rowKey(cell)) ?? { parts: [], printedParts: 0 };
      rows.set(rowKey(cell), row);
      if (cell.measure === "total") {
        row.total = id;
        row.printedTotal = cell.printed;
      } else {
        row.parts.push(id);
        row.printedParts += cell.printed ?? Number.NaN;
      }
    }
  }
  // A printed row that lists only some codes (its parts add up to less than its total) bounds them.
  for (const row of rows.values()) if (row.total !== undefined && row.parts.length > 0) shown.line(row.parts, row.total, row.printedParts === row.printedTotal ? "sum" : "bound");
  shown.guard(mask, threshold);
  const rowHides = new Set([...rows].filter(([, r]) => [...r.parts, ...(r.total ? [r.total] : [])].some((id) => shown.hidden(id))).map(([key]) => key));
  const result: ReconciliationShown = {
    hidden: (cell) => (cell.measure === "percent" ? rowHides.has(rowKeys.get(cell) ?? rowKey(cell)) : shown.hidden(ids.get(cell) ?? cellKey(cell))),
    text: (cell) => shown.text(ids.get(cell) ?? cellKey(cell)),
    note: (locale) => shown.note("reconciliation", locale),
  };
  made.set(key, result);
  return result;
}

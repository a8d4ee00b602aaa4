/**
 * Which flagged figures the "Figures that differ" table lists.
 *
 * Unfiltered, every figure that differs from its target is listed, in the report's order: there a
 * row is a finding (a soft statement, or a difference no inconsistency explains). Under a filter the
 * print still covers all 267 respondents, so nearly every figure "differs" — some 700 of 727, a table
 * 30,000 px tall that repeated "Table by table" below it and told the reader nothing (issue 12: it was
 * also the slowest thing on any shipped page to lay out). What a filtered view can say is how far the
 * subset is from the whole, so it lists the percentages furthest from the print, largest first.
 * Counts and totals are left out there: they differ by the size of the subset, not by what it is.
 */
import { flaggedCells, type ReconciledCell, type Reconciliation } from "./reconcile";

/** How many percentages a filtered view lists, unless a call asks for another number. */
export const FILTERED_FLAGGED_LIMIT = 25;

/** The rows of the flagged table and what was left out of it. */
export interface FlaggedListing {
  /** The figures listed, in the order shown. */
  rows: ReconciledCell[];
  /** Every figure that differs (what `reconciliation.flagged(rec)` returns). */
  total: number;
  /** Under a filter: the percentages that differ, of which `rows` are the furthest from the print. */
  ranked?: { percentages: number; leftOut: number };
}

/** |residual|, largest first; equal residuals keep the report's order (the sort is stable). */
function furthestFirst(a: ReconciledCell, b: ReconciledCell): number {
  return Math.abs(b.residual) - Math.abs(a.residual);
}

/** The flagged table's rows for `rec`: all of them unfiltered, the `limit` largest percentages filtered. */
export function flaggedListing(rec: Reconciliation, limit: number = FILTERED_FLAGGED_LIMIT): FlaggedListing {
  const flagged = flaggedCells(rec);
  if (!rec.filtered) return { rows: flagged, total: flagged.length };
  const percentages = flagged.filter((c) => c.measure === "percent").sort(furthestFirst);
  const rows = percentages.slice(0, Math.max(0, limit));
  return { rows, total: flagged.length, ranked: { percentages: percentages.length, leftOut: flagged.length - rows.length } };
}

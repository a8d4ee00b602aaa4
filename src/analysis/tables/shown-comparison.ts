/**
 * A printed comparison's figures as its table shows them (renderComparison), for the sentences a
 * notebook writes around the table. In a shared view under a county or size-class filter the
 * table hides counts — "< 3", or "·" where a count would give a small one back — and a row that
 * hides any count shows none of its percentages; a sentence built from the comparison itself
 * ("Status (q3, N = 2): har innført 50 % (1)", notebook 02 before) said all of it. Built from
 * the same `comparisonCounts` as the table, so the words can never say more than the table.
 */
import { DISCLOSURE_THRESHOLD, withheldNotice } from "../../stats/disclosure";
import type { PrintedComparison } from "../printed-comparison";
import { comparisonCounts } from "./comparison-counts";

/** One answer of a row as the table shows it. */
export interface ShownComparisonCell {
  code: number | string;
  label: string;
  /** The recomputed count as shown: "12", "< 3" or "·". */
  count: string;
  /** The recomputed percentage (unrounded), or null where the table shows none. */
  percent: number | null;
}

/** One row (question) of a comparison as the table shows it. */
export interface ShownComparisonRow {
  label: string;
  variable: string;
  /** The row's N as shown: "12", "< 3" or "·". */
  total: string;
  cells: ShownComparisonCell[];
}

/** The rows of `cmp` as its table shows them when `mask` (a shared view of a filtered selection) is on. */
export function shownComparison(cmp: PrintedComparison, mask: boolean, threshold = DISCLOSURE_THRESHOLD): ShownComparisonRow[] {
  // A selection of 1–2 is withheld whole: the table shows no figure at all.
  const withheld = withheldNotice(cmp.n, { active: mask, threshold }) !== undefined;
  const counts = comparisonCounts(cmp, mask && !withheld, threshold);
  return cmp.rows.map((row, i) => {
    const hides = withheld || counts.rowHides(i);
    return {
      label: row.label,
      variable: row.variable,
      total: withheld ? "·" : counts.shown.text(counts.total(i)),
      cells: row.cells.map((cell, j) => ({
        code: cell.code,
        label: cell.label,
        count: withheld ? "·" : counts.shown.text(counts.cell(i, j)),
        percent: hides ? null : cell.percent,
      })),
    };
  });
}

/**
 * A printed table recomputed on a selection, with what each figure rests on: the comparison is
 * counted again on every reconstruction of the ensemble (the same filter on each draw, counted on
 * plain typed arrays), and each count, percentage and row total is classified — printed (it equals
 * the report's figure), determined (the same in every draw), reconstruction-dependent (with its range
 * across the draws), or the user's own data.
 */
import type { PrintedTable } from "../../data/printed-tables";
import { isTableLike } from "../../stats/index";
import type { FilteredSurvey } from "../apply-filter";
import { compareRows, comparePrinted, type ComparedRow, type PrintedComparison } from "../printed-comparison";
import { drawnValuesLine } from "./drawn-values";
import { classifyFigure } from "./evidence";
import { frameCounter } from "./frame-counter";

/** `comparePrinted` on a selection, every figure classified over the ensemble. */
export function comparePrintedWithEvidence(selection: FilteredSurvey, table: PrintedTable): PrintedComparison {
  const canonical = comparePrinted(selection.view, table, { codebook: selection.survey.codebook });
  const draws = selection.draws();
  const columns = new Set(isTableLike(selection.view) ? selection.view.columnNames() : []);
  // Draw 0 is the canonical survey; the others are counted without the kernels.
  const others: ComparedRow[][] | undefined = draws?.slice(1).map((d) => compareRows(table, frameCounter(d.view), columns, canonical.filtered));
  const rows = canonical.rows.map((row, r) => {
    const across = others?.map((rowsOfDraw) => rowsOfDraw[r]);
    const cells = row.cells.map((cell, c) => {
      const printed = cell.matches === true;
      const counts = across && [cell.count, ...across.map((d) => d?.cells[c]?.count ?? null)];
      const percents = across && [cell.percent, ...across.map((d) => d?.cells[c]?.percent ?? null)];
      return { ...cell, evidence: { count: classifyFigure(counts, printed), percent: classifyFigure(percents, printed) } };
    });
    const totals = across && [row.total, ...across.map((d) => d?.total ?? null)];
    return { ...row, cells, totalEvidence: classifyFigure(totals, row.totalMatches === true) };
  });
  const variables = [...selection.conditions.map((c) => c.variable), ...canonical.rows.flatMap((r) => [r.variable, ...r.where.map((w) => w.variable)])];
  return { ...canonical, rows, drawn: drawnValuesLine(selection, variables) };
}

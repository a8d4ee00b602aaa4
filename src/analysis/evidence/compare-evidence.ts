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
import { comparePrinted, percentOf, rowNumbersOf, type PrintedComparison, type RowNumbers } from "../printed-comparison";
import { drawnValuesLine } from "./drawn-values";
import { classifyDraws, classifyFigure, type Evidence } from "./evidence";
import { timedEvidence } from "./evidence-timing";
import { selectionCounter } from "./frame-counter";

/** `comparePrinted` on a selection, every figure classified over the ensemble. */
export function comparePrintedWithEvidence(selection: FilteredSurvey, table: PrintedTable): PrintedComparison {
  return timedEvidence(() => compareOnDraws(selection, table));
}

function compareOnDraws(selection: FilteredSurvey, table: PrintedTable): PrintedComparison {
  const canonical = comparePrinted(selection.view, table, { codebook: selection.survey.codebook });
  const draws = selection.draws();
  const columns = new Set(isTableLike(selection.view) ? selection.view.columnNames() : []);
  // Draw 0 is the canonical survey; the others are counted without the kernels, numbers only.
  const others: RowNumbers[][] | undefined = draws?.slice(1).map((d) => rowNumbersOf(table, selectionCounter(d), columns));
  const m = (others?.length ?? 0) + 1;
  const rows = canonical.rows.map((row, r) => {
    // Draw k's numbers of this row (k ≥ 1); k = 0 reads the canonical row.
    const at = (k: number): RowNumbers | undefined => others?.[k - 1]?.[r];
    const classify = (canonicalValue: number | null, value: (d: RowNumbers) => number | null, printed: boolean): Evidence => {
      if (!others) return classifyFigure(undefined, printed);
      return classifyDraws(m, (k) => {
        if (k === 0) return canonicalValue;
        const d = at(k);
        return d ? value(d) : null;
      }, printed);
    };
    const cells = row.cells.map((cell, c) => {
      const printed = cell.matches === true;
      const count = classify(cell.count, (d) => d.counts[c] ?? null, printed);
      const percent = classify(cell.percent, (d) => percentOf(d.counts[c] ?? 0, d.base), printed);
      return { ...cell, evidence: { count, percent } };
    });
    return { ...row, cells, totalEvidence: classify(row.total, (d) => d.total, row.totalMatches === true) };
  });
  const variables = [...selection.conditions.map((c) => c.variable), ...canonical.rows.flatMap((r) => [r.variable, ...r.where.map((w) => w.variable)])];
  return { ...canonical, rows, drawn: drawnValuesLine(selection, variables) };
}

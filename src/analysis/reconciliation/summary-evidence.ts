/**
 * What the reconciliation's own counts rest on ("Exact matches", "Differences (expected under a
 * filter)"): every printed row is recounted on each reconstruction, through the residual engine
 * on the frame counter's counts (`recount-on-draws.ts`), and each draw's figures are tallied as
 * `reconcile` tallies them. A count that is the same in every draw is determined — unfiltered, every
 * draw reproduces the print, so most are — otherwise it is reconstruction-dependent with its range.
 */
import type { PrintedTable } from "../../data/printed-tables";
import type { FilteredSurvey } from "../apply-filter";
import type { WithEvidence } from "../evidence/across-draws";
import { classifyDraws, type Evidence, type EvidenceKind } from "../evidence/evidence";
import { countFigure, emptyCounts, missingCodesOf, type ReconciliationCounts, type Reconciliation } from "./reconcile";
import { drawFigures, planOf, type RecountRow } from "./recount-on-draws";
import { residualOf } from "../../data/residuals";
import type { Steps } from "../../base/run-steps";

/** The summary's counts, in the order the summary shows them. */
export const SUMMARY_COUNTS = ["compared", "exact", "conflictsMet", "soft", "softOff", "conflictsOff", "differences"] as const satisfies readonly (keyof ReconciliationCounts)[];

/** Every printed row and variable, as `reconcile` walks them. */
export function everyRow(printed: readonly PrintedTable[]): RecountRow[] {
  return printed.flatMap((table) =>
    table.kind === "list" ? [] : table.rows.flatMap((row) => row.variable.split(",").map((v) => ({ table, row, variable: v.trim(), cells: [] }))));
}

/** The classification of `rec.counts` over the reconstructions of `selection` (path = the count's name); one step per draw. */
export function* summaryEvidenceSteps(selection: FilteredSurvey, rec: Reconciliation, printed: readonly PrintedTable[]): Steps<WithEvidence<ReconciliationCounts>> {
  const draws = selection.draws();
  const counts: Record<EvidenceKind, number> = { printed: 0, determined: 0, reconstruction: 0, "your-data": 0 };
  const byName = new Map<string, Evidence>();
  if (draws) {
    const plans = printed.filter((t) => t.kind !== "list").map((t) => planOf(t, rec.filtered));
    const missing = missingCodesOf(selection.survey.codebook);
    const perDraw: ReconciliationCounts[] = [];
    for (const d of draws.slice(1)) {
      // Every figure the draw gives back, tallied as `reconcile` tallies the canonical ones.
      const tally = emptyCounts();
      for (const plan of plans) {
        const figures = drawFigures(plan, d, missing);
        for (const { recount, at } of plan.rows) {
          recount.shapes.forEach((shape, i) => {
            const v = figures[at + i] ?? Number.NaN;
            if (!Number.isNaN(v)) countFigure(tally, shape, residualOf(shape, v) === 0);
          });
        }
      }
      perDraw.push(tally);
      yield;
    }
    for (const name of SUMMARY_COUNTS) {
      const e = classifyDraws(draws.length, (k) => (k === 0 ? rec.counts[name] : (perDraw[k - 1]?.[name] ?? null)));
      byName.set(name, e);
      counts[e.kind]++;
    }
  }
  const n = draws?.length ?? 0;
  return { value: rec.counts, evidence: (path) => byName.get(path) ?? { kind: n ? "determined" : "your-data", draws: n }, counts, draws: n };
}

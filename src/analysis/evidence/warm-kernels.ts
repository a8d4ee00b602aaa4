/**
 * The report's correlations and size-class rates computed once, unfiltered, with their evidence on
 * every reconstruction, in a spare notebook frame before a notebook opens in it (warm-evidence.ts;
 * issue 12: notebook 03 from the sidebar). The statistics are the ones the report states in words
 * and notebook 03 recomputes: adoption of each of the six models by size class (the rates on status 1
 * and Pearson's r on "has adopted"), the top-management decision (q30_5) against each model's
 * "expectations met" (each pair and their matrix), and size × intranet (q9).
 *
 * Surprising, and why it is safe: no result made here reaches a notebook. The results and their
 * evidence are kept per selection (result-evidence.ts), and this selection is the spare's own, which
 * no notebook is handed. What stays is what the kernels keep per column: each reconstruction's
 * columns with their missing codes folded (clean-column.ts) and recoded (recode.ts: kept by the
 * codes' images, so the notebook's own recode of the same codes finds them), each the same as a
 * fresh computation makes. And the kernels and the evidence have run in this realm: their first
 * run, in the interpreter, cost 2–3× a rerun, paid here rather than in the opening.
 */
import type { FilteredSurvey } from "../apply-filter";
import { correlationMatrix, pearson, sizeClassRates } from "./evidenced-kernels";
import { unnoted } from "./kernel-evidence-ahead";
import { evidenceOfResult, evidenceSteps } from "./result-evidence";
import { stepFunctions, type Steps } from "../../base/run-steps";

/** "Has adopted": status 1 against any other answered status (notebook 03's recode). */
const adopted = (code: number): number => (code === 1 ? 1 : 0);
/** Intranet progress 5 − q9 (notebook 03's recode). */
const intranetProgress = (code: number): number => 5 - code;

/**
 * A statistic's evidence, made in steps of a few reconstructions (result-evidence.ts,
 * `evidenceSteps`), then read as a table asks for it (one figure classified over the draws); not
 * noted for the county work ahead of the notebook that opens here (kernel-evidence-ahead.ts).
 */
function* withEvidence(result: object, path: string): Steps<void> {
  const steps = evidenceSteps(result);
  if (steps) yield* steps;
  unnoted(() => evidenceOfResult(result)?.figures.evidence(path));
}

/**
 * The steps, each a statistic on the selection or on a few reconstructions (all 49 in one step
 * were up to 25 ms of CPU, bench/step-cpu.ts), for the caller to run between other tasks, one at a
 * time (`stepFunctions`). `selection` is the unfiltered selection of a survey with reconstructions.
 */
export function* kernelWarmSteps(selection: FilteredSurvey): Generator<() => void, void, undefined> {
  const models = selection.survey.models;
  const statistics: [() => object, string][] = [
    ...models.map((m): [() => object, string] => [() => sizeClassRates(selection, m.status, [1]), "rows.0.estimate"]),
    ...models.map((m): [() => object, string] => [() => pearson(selection, "size_class", m.status, { recode: { [m.status]: adopted } }), "r"]),
    ...models.map((m): [() => object, string] => [() => pearson(selection, "q30_5", m.expectation), "r"]),
    [() => correlationMatrix(selection, ["q30_5", ...models.map((m) => m.expectation)]), "cells.1.0.r"],
    [() => pearson(selection, "size_class", "q9", { recode: { q9: intranetProgress } }), "r"],
    [() => sizeClassRates(selection, "q9", [1]), "rows.0.estimate"],
  ];
  for (const [statistic, path] of statistics) yield* stepFunctions(() => withEvidence(statistic(), path));
}

/**
 * One kernel on many datasets at once: the same filter on each of the ensemble's reconstructions,
 * whose figures the evidence classifies (analysis/evidence/across-draws.ts). Fifty calls of a kernel
 * checked their arguments, listed the data's ~200 column names, read the codebook and built the
 * missing-code tables fifty times over; here that is done once, on the first dataset, and each
 * dataset's rows are then computed by the same code the kernel runs alone — so each result is the
 * one the kernel gives for that dataset. Datasets that do not share the first one's codebook and
 * language are computed one by one.
 */
import type { ColumnSource } from "./column-cache";
import { isCodedData, type CodedData, type StatsData } from "./kernel-input";

/** True when every dataset carries the first one's codebook and language (the draws of one selection). */
function sharesCoding(data: readonly StatsData[]): data is readonly CodedData[] {
  const first = data[0];
  if (!isCodedData(first)) return false;
  return data.every((d) => isCodedData(d) && d.codebook === first.codebook && d.locale === first.locale);
}

/**
 * `plan(first)` checks the arguments on the first dataset and returns the computation on a dataset's
 * rows; it runs on every dataset's rows in order. `single` is the kernel itself, for data that do not
 * share a codebook and language.
 */
export function onEach<R>(data: readonly StatsData[], plan: (first: StatsData) => (source: ColumnSource) => R, single: (data: StatsData) => R): R[] {
  const first = data[0];
  if (first === undefined || !sharesCoding(data)) return data.map(single);
  const run = plan(first);
  return data.map((d) => run(d.view));
}

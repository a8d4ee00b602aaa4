/**
 * A statistic's evidence under a county, made before the reader picks it (issue 12: notebook 03's
 * viewport after a filter change). The evidenced kernels (result-evidence.ts) note each call whose
 * evidence a cell read — `stats.pearson(selection, "size_class", "q3", {recode})` and the figures
 * it read ("r") — and the open notebook's frame, while its thread is free, computes each noted call
 * on every county alone over the reconstructions (warm-counties.ts) and keeps the evidence of the
 * figures read. A call under that county then finds it here and computes the statistic on the
 * selection only; the reconstructions are not filtered or computed in the input's task.
 *
 * Surprising, and why it is bounded: only the figures a cell read are kept (a few Evidence objects
 * per call, not the 49 reconstructions' results); any other figure, or `counts`, is computed when
 * asked, as without this store. Calls are noted per survey, at most {@link CALLS_NOTED}, and kept
 * apart from the evidence of the reader's own selections, which this never pushes out.
 */
import type { FilteredSurvey } from "../apply-filter";
import type { Survey } from "../survey";
import type { WithEvidence } from "./across-draws";
import type { Evidence } from "./evidence";
import { conditionsKey } from "./frame-counter";
import { runSteps, type Steps } from "../../base/run-steps";

/** A call whose evidence a cell read, ready to be computed on another selection of its survey. */
export interface NotedCall {
  /** The kernel and its arguments' key. */
  readonly key: string;
  /** The figures whose evidence was read ("r", "rows.2.estimate"). */
  readonly paths: Set<string>;
  /** The call's evidence on `selection` (the statistic on it and on each of its reconstructions), in steps of a few reconstructions. */
  readonly compute: (selection: FilteredSurvey) => Steps<WithEvidence<unknown>>;
}

/** The evidence of the figures read, made ahead for one call under one filter. */
export interface AheadEvidence {
  readonly draws: number;
  readonly byPath: ReadonlyMap<string, Evidence>;
}

/** Calls noted per survey: more than every call of a shipped notebook's cells (03 makes 21). */
export const CALLS_NOTED = 64;

const noted = new WeakMap<Survey, Map<string, NotedCall>>();
/** Above 0 while calls that are not a notebook's run (a spare frame's own, warm-kernels.ts). */
let unnotedDepth = 0;

/**
 * `run()`, its calls not noted: a spare frame computes 03's statistics before any notebook opens in
 * it, and the notebook that does open there (any of them) must not work ahead on what it never read.
 */
export function unnoted<T>(run: () => T): T {
  unnotedDepth++;
  try {
    return run();
  } finally {
    unnotedDepth--;
  }
}
const made = new WeakMap<Survey, Map<string, Map<string, AheadEvidence>>>();

/**
 * The call `key` on `survey` as noted (the first noting of a key is kept: its `compute` gives the same
 * figures as any later one). Nothing is noted for a survey without reconstructions, or inside `unnoted`.
 */
export function noteCall(survey: Survey, key: string, compute: NotedCall["compute"]): NotedCall | undefined {
  if (!survey.draws || unnotedDepth > 0) return undefined;
  let calls = noted.get(survey);
  if (!calls) noted.set(survey, (calls = new Map()));
  const known = calls.get(key);
  if (known) return known;
  if (calls.size >= CALLS_NOTED) return undefined;
  const call: NotedCall = { key, paths: new Set(), compute };
  calls.set(key, call);
  return call;
}

/** The calls noted on `survey` so far. */
export function notedCalls(survey: Survey): NotedCall[] {
  return [...(noted.get(survey)?.values() ?? [])];
}

/** The evidence made ahead for call `key` under `selection`'s conditions, if any. */
export function aheadEvidence(selection: FilteredSurvey, key: string): AheadEvidence | undefined {
  return made.get(selection.survey)?.get(conditionsKey(selection))?.get(key);
}

/**
 * `call` computed on `selection` (a county alone), the evidence of each figure read kept for a call
 * under the same conditions, in steps of a few reconstructions (`DRAWS_AHEAD_PER_STEP`; the caller
 * runs them between other tasks). Does nothing when made already. Returns whether it computed.
 */
export function* computingAhead(selection: FilteredSurvey, call: NotedCall): Steps<boolean> {
  const survey = selection.survey;
  const conditions = conditionsKey(selection);
  let byConditions = made.get(survey);
  if (!byConditions) made.set(survey, (byConditions = new Map()));
  let byCall = byConditions.get(conditions);
  if (!byCall) byConditions.set(conditions, (byCall = new Map()));
  if (byCall.has(call.key)) return false;
  const evidence = yield* call.compute(selection);
  byCall.set(call.key, { draws: evidence.draws, byPath: new Map([...call.paths].map((path) => [path, evidence.evidence(path)])) });
  return true;
}

/** {@link computingAhead} at once. */
export function computeAhead(selection: FilteredSurvey, call: NotedCall): boolean {
  return runSteps(computingAhead(selection, call));
}

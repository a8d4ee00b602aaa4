/**
 * Any statistic on the whole ensemble: compute it on the selection and on the same filter in every
 * reconstruction, then classify each number in the result by where it sits (its path: `r`,
 * `rows.2.estimate`, `trend.p`). The canonical result is returned as it is; the evidence comes
 * beside it, so a table can put a marker next to each figure without the statistic knowing.
 */
import type { FilteredSurvey } from "../apply-filter";
import { classifyDraws, classifyFigure, type Evidence, type EvidenceKind } from "./evidence";
import { timedEvidence } from "./evidence-timing";
import { runSteps, type Steps } from "../../base/run-steps";

/** A result and what each of its numbers rests on. */
export interface WithEvidence<T> {
  readonly value: T;
  /** The evidence of the number at `path` ("r", "rows.2.estimate"); "your data" without an ensemble. */
  evidence(path: string): Evidence;
  /** How many of the result's numbers rest on each kind. */
  readonly counts: Readonly<Record<EvidenceKind, number>>;
  /** Reconstructions the figures were classified over (0 for the user's own data). */
  readonly draws: number;
}

/** Paths below this depth are not followed (results are shallow; this guards against cycles). */
const MAX_DEPTH = 6;

/** A number of a result (or null) and the keys that lead to it from the result. */
interface Figure {
  readonly keys: readonly string[];
  readonly value: number | null;
}

/** Every finite-or-null number in `value` with its keys; strings, functions and DOM are skipped. */
function figuresIn(value: unknown, keys: string[] = [], out: Figure[] = []): Figure[] {
  if (typeof value === "number") out.push({ keys, value });
  else if (value === null) {
    if (keys.length > 0) out.push({ keys, value: null });
  } else if (typeof value === "object" && keys.length < MAX_DEPTH && !("nodeType" in value)) {
    const entries = Array.isArray(value) ? value.map((v, i): [string, unknown] => [String(i), v]) : Object.entries(value);
    for (const [key, v] of entries) figuresIn(v, [...keys, key], out);
  }
  return out;
}

/** True for what a key can be followed into: an object that is not DOM. */
function isWalkable(value: unknown): value is object {
  return typeof value === "object" && value !== null && !("nodeType" in value);
}

/**
 * The number (or null) a reconstruction's result has where the canonical result has a figure, by
 * following the same keys: null where it has none. Only that figure's keys are followed (audit
 * texts, labels and the figures nobody asks about are not read).
 */
function figureIn(result: unknown, keys: readonly string[]): number | null {
  let at = result;
  for (const key of keys) {
    if (!isWalkable(at) || !Object.hasOwn(at, key)) return null;
    at = Reflect.get(at, key);
  }
  return typeof at === "number" ? at : null;
}

/**
 * The same computation on many reconstructions in one call (a kernel's `…Each`: arguments checked
 * once): result i must be `compute(draws[i])`.
 */
export type ComputeEach = (draws: readonly FilteredSurvey[]) => readonly unknown[];

/**
 * `compute` on the selection and on each reconstruction; `printed(path)` says which numbers are
 * recomputations of a printed figure that agree with it. `each`, when given, computes all the
 * reconstructions in one call instead of `compute` on each.
 */
export function acrossDraws<T>(selection: FilteredSurvey, compute: (s: FilteredSurvey) => T, printed: (path: string) => boolean = () => false, each?: ComputeEach): WithEvidence<T> {
  return timedEvidence(() => runSteps(classifyingAcross(selection, compute, printed, each, Infinity)));
}

/**
 * `acrossDraws` in steps, for work ahead of the reader (kernel-evidence-ahead.ts): the selection's
 * result and its reconstructions filtered, then `drawsPerStep` reconstructions computed a step (issue
 * 12: a step is what a click waits behind; 03's statistics on all 49 at once were up to 35 ms of CPU).
 * `each` is called on each step's reconstructions: result i is still `compute(draws[i])`. Returns what
 * `acrossDraws` returns.
 */
export function acrossDrawsSteps<T>(selection: FilteredSurvey, compute: (s: FilteredSurvey) => T, each: ComputeEach | undefined, drawsPerStep: number): Steps<WithEvidence<T>> {
  return classifyingAcross(selection, compute, () => false, each, drawsPerStep);
}

/**
 * The results on every draw are computed here; each figure is read from them and classified only
 * when its evidence is first asked for (issue 12: a notebook asks for a few figures of each result —
 * 03 reads the r of a correlation, not its n, p or audit counts — and reading and classifying all of
 * them was about a tenth of the evidence work of 03's statistics in a CPU profile). The canonical
 * figures are taken now, as the result is now; the draws' results are this function's own.
 */
function* classifyingAcross<T>(selection: FilteredSurvey, compute: (s: FilteredSurvey) => T, printed: (path: string) => boolean, each: ComputeEach | undefined, drawsPerStep: number): Steps<WithEvidence<T>> {
  const value = compute(selection);
  const draws = selection.draws();
  const figures = figuresIn(value);
  const results: unknown[] = [];
  if (draws) {
    const others = draws.slice(1);
    for (let from = 0; from < others.length; from += drawsPerStep) {
      // A pause before each part: the first step is the selection's own result.
      yield;
      const part = others.slice(from, from + drawsPerStep);
      const got = each ? each(part) : part.map(compute);
      if (got.length !== part.length) throw new Error(`Evidence: ${got.length} results for ${part.length} reconstructions.`);
      results.push(...got);
    }
  }
  // By path, the last figure with that path (as a map filled in the figures' order would keep).
  const byPath = new Map(figures.map((f, i) => [f.keys.join("."), i]));
  const classified: (Evidence | undefined)[] = new Array<Evidence | undefined>(figures.length);
  const classify = (i: number): Evidence => {
    const known = classified[i];
    if (known) return known;
    const figure = figures[i];
    const path = figure?.keys.join(".") ?? "";
    const made = draws && figure ? classifyDraws(results.length + 1, (k) => (k === 0 ? figure.value : figureIn(results[k - 1], figure.keys)), printed(path)) : classifyFigure(undefined, printed(path));
    classified[i] = made;
    return made;
  };
  let counts: Record<EvidenceKind, number> | undefined;
  return {
    value,
    evidence: (path) => {
      const i = byPath.get(path);
      return i !== undefined ? classify(i) : { kind: draws ? "determined" : "your-data", draws: draws?.length ?? 0 };
    },
    get counts() {
      if (!counts) {
        counts = { printed: 0, determined: 0, reconstruction: 0, "your-data": 0 };
        for (let i = 0; i < figures.length; i++) counts[classify(i).kind]++;
      }
      return counts;
    },
    draws: draws?.length ?? 0,
  };
}

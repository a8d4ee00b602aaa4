/**
 * Any statistic on the whole ensemble: compute it on the selection and on the same filter in every
 * reconstruction, then classify each number in the result by where it sits (its path: `r`,
 * `rows.2.estimate`, `trend.p`). The canonical result is returned as it is; the evidence comes
 * beside it, so a table can put a marker next to each figure without the statistic knowing.
 */
import type { FilteredSurvey } from "../apply-filter";
import { classifyFigure, type Evidence, type EvidenceKind } from "./evidence";
import { timedEvidence } from "./evidence-timing";

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

/**
 * The number (or null) a reconstruction's result has where the canonical result has a figure, by
 * following the same keys: null where it has none. A reconstruction's result is not walked whole
 * (audit texts, labels): only the canonical result's figures are looked up in it.
 */
function figureAt(value: unknown, keys: readonly string[]): number | null {
  let at = value;
  for (const key of keys) {
    if (typeof at !== "object" || at === null || "nodeType" in at || !Object.hasOwn(at, key)) return null;
    at = Reflect.get(at, key);
  }
  return typeof at === "number" ? at : null;
}

/**
 * `compute` on the selection and on each reconstruction; `printed(path)` says which numbers are
 * recomputations of a printed figure that agree with it.
 */
export function acrossDraws<T>(selection: FilteredSurvey, compute: (s: FilteredSurvey) => T, printed: (path: string) => boolean = () => false): WithEvidence<T> {
  return timedEvidence(() => classifyAcross(selection, compute, printed));
}

function classifyAcross<T>(selection: FilteredSurvey, compute: (s: FilteredSurvey) => T, printed: (path: string) => boolean): WithEvidence<T> {
  const value = compute(selection);
  const draws = selection.draws();
  const figures = figuresIn(value);
  const perDraw = draws?.slice(1).map((d) => {
    const result = compute(d);
    return figures.map((f) => figureAt(result, f.keys));
  });
  const evidence = new Map<string, Evidence>();
  const counts: Record<EvidenceKind, number> = { printed: 0, determined: 0, reconstruction: 0, "your-data": 0 };
  for (const [i, figure] of figures.entries()) {
    const path = figure.keys.join(".");
    const values = perDraw && [figure.value, ...perDraw.map((d) => d[i] ?? null)];
    const e = classifyFigure(values, printed(path));
    evidence.set(path, e);
    counts[e.kind]++;
  }
  return {
    value,
    evidence: (path) => evidence.get(path) ?? { kind: draws ? "determined" : "your-data", draws: draws?.length ?? 0 },
    counts,
    draws: draws?.length ?? 0,
  };
}

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

/** Every finite-or-null number in `value` by path; strings, functions and DOM are skipped. */
export function numbersByPath(value: unknown, path = "", out = new Map<string, number | null>(), depth = 0): Map<string, number | null> {
  if (typeof value === "number") out.set(path, value);
  else if (value === null) {
    if (path) out.set(path, null);
  } else if (typeof value === "object" && depth < MAX_DEPTH && !("nodeType" in value)) {
    const entries = Array.isArray(value) ? value.map((v, i): [string, unknown] => [String(i), v]) : Object.entries(value);
    for (const [key, v] of entries) numbersByPath(v, path ? `${path}.${key}` : key, out, depth + 1);
  }
  return out;
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
  const canonical = numbersByPath(value);
  const perDraw = draws?.slice(1).map((d) => numbersByPath(compute(d)));
  const evidence = new Map<string, Evidence>();
  const counts: Record<EvidenceKind, number> = { printed: 0, determined: 0, reconstruction: 0, "your-data": 0 };
  for (const [path, v] of canonical) {
    const values = perDraw && [v, ...perDraw.map((m) => m.get(path) ?? null)];
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

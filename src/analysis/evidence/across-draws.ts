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
 * The canonical result's figures as a tree of keys, so a reconstruction's result is read in one walk:
 * a key shared by many figures (`rows`, `rows.2`) is looked up once per draw, not once per figure.
 * `figure` is the index of the figure a node ends at.
 */
interface KeyNode {
  figure: number;
  readonly children: Map<string, KeyNode>;
}

function keyTree(figures: readonly Figure[]): KeyNode {
  const root: KeyNode = { figure: -1, children: new Map() };
  for (const [i, f] of figures.entries()) {
    let node = root;
    for (const key of f.keys) {
      let next = node.children.get(key);
      if (!next) node.children.set(key, (next = { figure: -1, children: new Map() }));
      node = next;
    }
    node.figure = i;
  }
  return root;
}

/** True for what a key can be followed into: an object that is not DOM. */
function isWalkable(value: unknown): value is object {
  return typeof value === "object" && value !== null && !("nodeType" in value);
}

/**
 * The number (or null) a reconstruction's result has where the canonical result has each figure, by
 * following the same keys: null where it has none. A reconstruction's result is not walked whole
 * (audit texts, labels): only the canonical result's keys are followed in it. `out[i]` gets figure i.
 */
function figuresAt(value: unknown, node: KeyNode, out: (number | null)[]): void {
  if (node.figure >= 0) out[node.figure] = typeof value === "number" ? value : null;
  if (node.children.size === 0) return;
  const walkable = isWalkable(value);
  for (const [key, child] of node.children) {
    if (walkable && Object.hasOwn(value, key)) figuresAt(Reflect.get(value, key), child, out);
    else missing(child, out);
  }
}

/** Every figure under `node` is null (the reconstruction's result has no such key). */
function missing(node: KeyNode, out: (number | null)[]): void {
  if (node.figure >= 0) out[node.figure] = null;
  for (const child of node.children.values()) missing(child, out);
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
  return timedEvidence(() => classifyAcross(selection, compute, printed, each));
}

function classifyAcross<T>(selection: FilteredSurvey, compute: (s: FilteredSurvey) => T, printed: (path: string) => boolean, each: ComputeEach | undefined): WithEvidence<T> {
  const value = compute(selection);
  const draws = selection.draws();
  const figures = figuresIn(value);
  // byFigure[i][k]: figure i in draw k (k = 0 the canonical result's own value).
  const byFigure = figures.map((f) => [f.value]);
  if (draws) {
    const others = draws.slice(1);
    const results = each ? each(others) : others.map(compute);
    if (results.length !== others.length) throw new Error(`Evidence: ${results.length} results for ${others.length} reconstructions.`);
    const tree = keyTree(figures);
    const row: (number | null)[] = new Array<number | null>(figures.length).fill(null);
    for (const result of results) {
      figuresAt(result, tree, row);
      for (const [i, v] of row.entries()) byFigure[i]?.push(v);
    }
  }
  const evidence = new Map<string, Evidence>();
  const counts: Record<EvidenceKind, number> = { printed: 0, determined: 0, reconstruction: 0, "your-data": 0 };
  for (const [i, figure] of figures.entries()) {
    const path = figure.keys.join(".");
    const e = classifyFigure(draws ? byFigure[i] : undefined, printed(path));
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

/**
 * A comparison's verdict over the ensemble of reconstructions. Each reconstruction reproduces every
 * printed figure and named fact and draws the rest uniformly, so a verdict that changes between
 * reconstructions rests on structure the build invented. A verdict is stated only when it holds in
 * at least FINDING_SHARE (95 %) of the draws; otherwise the comparison "depends on the
 * reconstruction", and says how the draws split. Whether its numbers are the same in every draw
 * (determined: they follow from the print and the named facts) or vary (with their range) is
 * classified with the evidence vocabulary of ../evidence/evidence.ts.
 */
import { classifyFigure, FINDING_SHARE, type Evidence } from "../evidence/evidence";
import { DEFAULT_LOCALE, messages, type Locale } from "../../base/locale/locale";

/** A verdict on one selection of one reconstruction. */
export type DrawVerdict = "agrees" | "contrasts" | "open" | "not comparable";
/** A verdict over the ensemble: one that holds in ≥ 95 % of the draws, or "depends". */
export type Verdict = DrawVerdict | "depends";

/** Draw verdicts in display order. */
export const DRAW_VERDICTS: readonly DrawVerdict[] = ["agrees", "contrasts", "open", "not comparable"];
/** Every verdict in display order. */
export const VERDICTS: readonly Verdict[] = [...DRAW_VERDICTS, "depends"];

/** How the draws came out and what the comparison's numbers rest on. */
export interface EnsembleVerdict {
  verdict: Verdict;
  /** How many draws gave each verdict. */
  split: Partial<Record<DrawVerdict, number>>;
  /** Draws evaluated (1 for a user's own file). */
  draws: number;
  /** The most frequent draw verdict and in how many draws it holds. */
  modal: DrawVerdict;
  k: number;
  /** determined / reconstruction (with the key figure's range) / your-data. */
  evidence: Evidence;
  /**
   * The Benjamini–Hochberg q's range when it varies across draws: a comparison whose own numbers are
   * determined can still change verdict, because BH ranks its p among the other comparisons'.
   */
  qRange?: { min: number; max: number };
}

/** One comparison across the draws (index 0 the canonical draw). */
export interface DrawSeries {
  verdicts: readonly DrawVerdict[];
  /** The key figure (share, group difference, trend z, r) per draw. */
  key: readonly (number | null)[];
  /** The test's p and its Benjamini–Hochberg q per draw. */
  p: readonly (number | null)[];
  q: readonly (number | null)[];
}

/** Combine one comparison's draws. `ensemble` false: a user's own file (one "draw"). */
export function ensembleVerdict(series: DrawSeries, ensemble: boolean): EnsembleVerdict {
  const { verdicts } = series;
  const split: Partial<Record<DrawVerdict, number>> = {};
  for (const v of verdicts) split[v] = (split[v] ?? 0) + 1;
  let modal: DrawVerdict = verdicts[0] ?? "not comparable";
  for (const v of DRAW_VERDICTS) if ((split[v] ?? 0) > (split[modal] ?? 0)) modal = v;
  const k = split[modal] ?? 0;
  const m = verdicts.length;
  if (!ensemble) return { verdict: modal, split, draws: m, modal, k, evidence: classifyFigure(undefined) };
  const figure = classifyFigure(series.key);
  const test = classifyFigure(series.p);
  // Determined only when both the figure and its test's p are the same in every draw (a base can
  // move while the share stays: then the figure has no range, but the comparison still rests on the draw).
  const evidence: Evidence = figure.kind === "determined" && test.kind !== "determined" ? { kind: "reconstruction", draws: m } : figure;
  const verdict: Verdict = k >= FINDING_SHARE * m ? modal : "depends";
  const q = classifyFigure(series.q);
  return { verdict, split, draws: m, modal, k, evidence, ...(q.range ? { qRange: { min: q.range.min, max: q.range.max } } : {}) };
}

/** "agrees in 31, open in 19 of 50 reconstructions" (most frequent first). */
export function describeSplit(e: EnsembleVerdict, locale: Locale = DEFAULT_LOCALE): string {
  const parts = DRAW_VERDICTS.filter((v) => (e.split[v] ?? 0) > 0)
    .sort((a, b) => (e.split[b] ?? 0) - (e.split[a] ?? 0))
    .map((v): [DrawVerdict, number] => [v, e.split[v] ?? 0]);
  return messages[locale].cwSplit(parts, e.draws);
}

/** The label of a verdict as the page shows it: "depends on the reconstruction (agrees in 31, open in 19 of 50 reconstructions)", in `locale`. */
export function verdictLabel(e: EnsembleVerdict, locale: Locale = DEFAULT_LOCALE): string {
  const words = messages[locale];
  if (e.verdict !== "depends") return words.cwVerdict(e.verdict);
  return words.cwDependsLabel(describeSplit(e, locale));
}

/**
 * Spearman's ρ: Pearson's r on average ranks of the complete cases, with the two-sided p of the
 * t approximation on n − 2 df — what SPSS NONPAR CORR prints. (PSPP 1.6 has no NONPAR CORR; the
 * fixture ranks with RANK /TIES=MEAN and runs CORRELATIONS, which is the same computation.)
 */
import type { Frame } from "./column-cache";
import type { StatsData } from "./kernel-input";
import { pairInput } from "./pair-input";
import { META_OPTIONS, SELECT_OPTIONS, type OptionNames } from "./option-names";
import type { Audit } from "./audit";
import { CORRELATION_ROLES, correlationAudit, correlationFromSums, type Correlation, type CorrelationOptions } from "./pearson";
import { missingCodes, pairSums, type MissingCodes } from "./pair-sums";
import { averageRanks } from "./ranks";

function isValid(x: number, m: MissingCodes): boolean {
  if (x !== x) return false;
  if (x >= 0 && x < 256 && (x | 0) === x) return m.table[x] === 0;
  return !m.others.includes(x);
}

/**
 * Complete cases of `cols` over the frame's rows (all of them valid), as compact arrays.
 * Spearman is unweighted, as in SPSS NONPAR CORR.
 */
export function completeCases(frame: Frame, cols: Float64Array[], missing: MissingCodes[]): Float64Array[] {
  const k = cols.length;
  const keep: number[] = [];
  const sel = frame.rows;
  for (let i = 0; i < frame.n; i++) {
    const r = sel ? (sel[i] ?? 0) : i;
    let all = true;
    for (let a = 0; a < k && all; a++) {
      const m = missing[a];
      const x = cols[a]?.[r] ?? Number.NaN;
      all = m ? isValid(x, m) : x === x;
    }
    if (all) keep.push(r);
  }
  return cols.map((c) => Float64Array.from(keep, (r) => c[r] ?? Number.NaN));
}

/** ρ of two equally long complete-case arrays. */
export function spearmanOfArrays(x: Float64Array, y: Float64Array, names: [string, string] = ["x", "y"]): Correlation {
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  const n = rx.length;
  // Ranks are centred on (n + 1)/2, which keeps the one-pass sums exact enough.
  const c = (n + 1) / 2;
  for (let i = 0; i < n; i++) {
    const a = (rx[i] ?? 0) - c;
    const b = (ry[i] ?? 0) - c;
    sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b;
  }
  return correlationFromSums(n, sx, sy, sxx, syy, sxy, names);
}

export interface SpearmanResult extends Correlation {
  x: string;
  y: string;
  audit: Audit;
}

/** The options of `stats.spearman`, by name (a weight is refused first, with what to do instead). */
const SPEARMAN_OPTIONS: OptionNames<Omit<CorrelationOptions, "weight">> = { ...META_OPTIONS, ...SELECT_OPTIONS };

/** What to do instead of weighting a Spearman ρ, which is unweighted as in SPSS NONPAR CORR. */
const SPEARMAN_UNWEIGHTED = "Spearman's ρ is unweighted, as in SPSS NONPAR CORR; for a weighted correlation use stats.pearson(selection, x, y, {weight: w.weights}).";

/**
 * Spearman's ρ between two variables over their complete cases: Pearson's r on average ranks, with
 * the two-sided p of the t approximation (SPSS NONPAR CORR). Unweighted.
 * @param data the rows: `selection`, `survey`, an Arquero table or columns
 * @example stats.spearman(selection, "size_class", "q1")
 */
export function spearman(data: StatsData, x: string, y: string, options: Omit<CorrelationOptions, "weight"> = {}): SpearmanResult {
  const input = pairInput("stats.spearman", data, x, y, options, SPEARMAN_OPTIONS, CORRELATION_ROLES, SPEARMAN_UNWEIGHTED);
  ({ x, y } = input);
  const { frame, xi, yi } = input;
  const ms = [missingCodes(xi.missing), missingCodes(yi.missing)];
  const cols = [frame.column(x), frame.column(y)];
  const [cx, cy] = completeCases(frame, cols, ms);
  const c = spearmanOfArrays(cx ?? new Float64Array(0), cy ?? new Float64Array(0), [x, y]);
  const s = pairSums(frame, cols, ms, "pairwise", null);
  return { x, y, ...c, audit: correlationAudit(input, s, c, "ρ", null) };
}

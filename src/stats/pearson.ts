/**
 * Pearson's r with n and the two-sided p of t = r·√((n − 2)/(1 − r²)) on n − 2 df, as SPSS
 * CORRELATIONS prints it. Degenerate cases are values with a reason, never NaN: a constant
 * variable has no r; with n < 3 there is r but no p.
 */
import { sourceOf, type StatsData } from "./kernel-input";
import { PAIR_OPTIONS, pairOn, pairPlan, type PairInput, type PairOptions } from "./pair-input";
import type { OptionNames } from "./option-names";
import { onEach } from "./each-data";
import { formatNumber, messages, type Locale } from "../base/locale/locale";
import type { KernelReason } from "../base/locale/reason-messages";
import { makeAudit, pClause, type Audit } from "./audit";
import { tTwoSided } from "./distributions";
import { excludedFromSums, missingCodes, pairIndex, pairSums, type PairSums } from "./pair-sums";
import { checkRecode, recodedColumn, type CheckedRecode, type RecodeOption } from "./recode";

export interface Correlation {
  /** The coefficient; null when undefined (see `reason`). */
  r: number | null;
  /** Cases (or sum of weights) used. */
  n: number;
  /** Two-sided p; null when r is undefined or n < 3. */
  p: number | null;
  reason?: string;
  /** The same reason as data, for a page that writes it in its own language. */
  why?: KernelReason;
}

/**
 * A correlation without r (or p), with its reason as data and in the kernels' English. The English
 * is written when first read: the evidence computes a correlation on every reconstruction, and a
 * draw's reason is never read.
 */
export function undefinedCorrelation(r: number | null, n: number, why: KernelReason): Correlation {
  let reason: string | undefined;
  return {
    r, n, p: null,
    get reason() {
      return (reason ??= messages.en.kernelReason(why));
    },
    why,
  };
}

/**
 * `head`, the correlation's fields and `tail`, in that order, its reason still unwritten until read:
 * spreading the correlation into a result would write it.
 */
function withCorrelation<H extends object, T extends object>(head: H, c: Correlation, tail: T, pOnRead = false): H & Correlation & T {
  if (!c.why && pOnRead) {
    return {
      ...head, r: c.r, n: c.n,
      get p() {
        return c.p;
      },
      ...tail,
    };
  }
  if (!c.why) return { ...head, r: c.r, n: c.n, p: c.p, ...tail };
  const why = c.why;
  return {
    ...head, r: c.r, n: c.n, p: c.p,
    get reason() {
      return c.reason;
    },
    why,
    ...tail,
  };
}

/**
 * r, n and p from the sums of one pair. `names` are used in the reasons. With `pOnRead` the p (the
 * t-distribution's tail, the costly part) is computed when first read: on every reconstruction the
 * evidence of a figure usually reads only r.
 */
export function correlationFromSums(
  n: number, sx: number, sy: number, sxx: number, syy: number, sxy: number, names: [string, string] = ["x", "y"], pOnRead = false,
): Correlation {
  if (n < 2) return undefinedCorrelation(null, n, { kind: "too-few-cases", n, x: names[0], y: names[1] });
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  // Relative tolerance: shifted sums of a constant column give exactly 0 or round-off of ~1e-16.
  const constant = (v: number, s2: number): boolean => v <= 1e-12 * Math.max(1, s2);
  if (constant(vx, sxx) || constant(vy, syy)) {
    const variables = [constant(vx, sxx) ? names[0] : null, constant(vy, syy) ? names[1] : null].filter((s) => s !== null);
    return undefinedCorrelation(null, n, { kind: "constant", variables, n });
  }
  let r = (sxy - (sx * sy) / n) / Math.sqrt(vx * vy);
  r = Math.max(-1, Math.min(1, r));
  if (n < 3) return undefinedCorrelation(r, n, { kind: "no-df" });
  const df = n - 2;
  const t = Math.abs(r) === 1 ? Number.POSITIVE_INFINITY : r * Math.sqrt(df / (1 - r * r));
  if (!pOnRead) return { r, n, p: tTwoSided(t, df) };
  let p: number | null | undefined;
  return {
    r, n,
    get p() {
      return p === undefined ? (p = tTwoSided(t, df)) : p;
    },
  };
}

export interface PearsonResult extends Correlation {
  x: string;
  y: string;
  audit: Audit;
}

/** Options of `stats.pearson` and `stats.correlationMatrix`: rows, codebook and weight. */
export type CorrelationOptions = PairOptions;

/** Options of `stats.pearson`: those of every correlation, and a recode of either variable. */
export interface PearsonOptions extends CorrelationOptions {
  /**
   * Either variable's valid codes recoded first (SPSS RECODE … INTO), e.g. `{q3: (code) => (code === 1 ? 1 : 0)}`
   * for "has adopted" against any other answer, or `{q9: (code) => 5 - code}` to reverse a scale.
   * Blanks and missing codes stay missing; the function returns a number, or null for a blank.
   * On `selection` the recode is applied on every reconstruction too, so the result's evidence is
   * that of the recoded variable. The audit line names the variable "recoded".
   */
  recode?: RecodeOption;
}

/** The options of `stats.pearson`, by name. */
const PEARSON_OPTIONS: OptionNames<PearsonOptions> = { ...PAIR_OPTIONS, recode: true };

/** How the two variable arguments of a correlation are named in error messages. */
export const CORRELATION_ROLES = ["the first variable (2nd argument)", "the second variable (3rd argument)"] as const;

/** Describe a correlation as an audit "test" string. */
export function describeCorrelation(symbol: string, c: Correlation, locale: Locale): string {
  const words = messages[locale];
  if (c.r === null) return words.correlationUndefined(symbol, c.why ? words.kernelReason(c.why) : (c.reason ?? words.noData));
  const p = c.p === null ? words.noP : pClause(c.p, locale);
  // A weighted n is a sum of weights: its df is printed to two decimals, not to sixteen digits.
  const df = Number.isInteger(c.n) ? String(c.n - 2) : formatNumber(locale, c.n - 2, 2);
  return `${symbol}(${df}) = ${formatNumber(locale, c.r, 3)}, ${p}, ${words.twoSided}`;
}

/** The audit of a two-variable correlation: base = cases valid on both, the test as `symbol(df) = r`. */
export function correlationAudit(
  input: Pick<PairInput<CorrelationOptions>, "frame" | "filters" | "disclosureSensitive" | "locale" | "x" | "y">, sums: PairSums, c: Correlation, symbol: string, weight: string | null,
  recode: CheckedRecode = new Map(),
): Audit {
  const { frame, filters, disclosureSensitive, locale, x, y } = input;
  const words = messages[locale];
  const named = (name: string): string => (recode.has(name) ? words.recodedVariable(name) : name);
  return makeAudit({
    locale,
    disclosureSensitive,
    n: frame.n,
    base: c.n,
    baseLabel: words.baseValidBoth(named(x), named(y)),
    filters,
    excluded: excludedFromSums([x, y], sums),
    weight,
    test: () => describeCorrelation(symbol, c, locale),
  });
}

/**
 * Pearson's r between two variables over the cases valid on both, with n and the two-sided p (SPSS
 * CORRELATIONS). Missing codes come from the codebook of `data` (the `selection` or `survey`).
 * @param data the rows: `selection`, `survey`, an Arquero table or columns
 * @example stats.pearson(selection, "size_class", "q9")
 */
export function pearson(data: StatsData, x: string, y: string, options: PearsonOptions = {}): PearsonResult {
  const plan = pairPlan("stats.pearson", data, x, y, options, PEARSON_OPTIONS, CORRELATION_ROLES);
  return pearsonOn(pairOn(plan, sourceOf(data)), checkRecode("stats.pearson", plan.options.recode, [plan.x, plan.y]));
}

/**
 * `pearson` on each dataset (the same filter on every reconstruction), the arguments checked once:
 * result i is `pearson(data[i], …)`. Each p is computed when first read: the evidence of a figure
 * reads one field on every reconstruction, most often r (03's "what it rests on").
 */
export function pearsonEach(data: readonly StatsData[], x: string, y: string, options: PearsonOptions = {}): PearsonResult[] {
  return onEach(
    data,
    (first) => {
      const plan = pairPlan("stats.pearson", first, x, y, options, PEARSON_OPTIONS, CORRELATION_ROLES);
      const recode = checkRecode("stats.pearson", plan.options.recode, [plan.x, plan.y]);
      return (source) => pearsonOn(pairOn(plan, source), recode, true);
    },
    (d) => pearson(d, x, y, options),
  );
}

function pearsonOn(input: PairInput<PearsonOptions>, recode: CheckedRecode, pOnRead = false): PearsonResult {
  const { frame, xi, yi, w, weightName, x, y } = input;
  const column = (name: string, missing: readonly number[]): Float64Array => {
    const fn = recode.get(name);
    return fn ? recodedColumn("stats.pearson", name, frame.column(name), fn, missing) : frame.column(name);
  };
  const s = pairSums(frame, [column(x, xi.missing), column(y, yi.missing)], [missingCodes(xi.missing), missingCodes(yi.missing)], "pairwise", w);
  const p = pairIndex(2, 0, 1);
  // A reason names a recoded variable as recoded ("q3 recoded is constant …": q3 itself may vary), in
  // the audit's language, since the audit line writes the reason's names as they are.
  const named = (name: string): string => (recode.has(name) ? messages[input.locale].recodedVariable(name) : name);
  const c = correlationFromSums(s.n[p] ?? 0, s.sx[p] ?? 0, s.sy[p] ?? 0, s.sxx[p] ?? 0, s.syy[p] ?? 0, s.sxy[p] ?? 0, [named(x), named(y)], pOnRead);
  return withCorrelation({ x, y }, c, { audit: correlationAudit(input, s, c, "r", weightName, recode) }, pOnRead);
}

/**
 * Tests on a contingency table, as SPSS CROSSTABS /STATISTICS=CHISQ prints them: Pearson χ²,
 * likelihood ratio G², and the linear-by-linear association M² = (N − 1)·r² on the codes.
 * Rows and columns with a zero margin are left out (they carry no information and SPSS drops
 * them from df). p-values come from the χ² upper tail in ./distributions.
 */
import { messages } from "../base/locale/locale";
import type { KernelReason } from "../base/locale/reason-messages";
import { chiSquareUpperTail } from "./distributions";

export interface TestResult {
  /** The statistic; null when it cannot be computed (say why in `reason`). */
  value: number | null;
  df: number;
  p: number | null;
  reason?: string;
  /** The same reason as data, for a page that writes it in its own language. */
  why?: KernelReason;
}

export interface ChiSquareTests {
  pearson: TestResult;
  likelihoodRatio: TestResult;
  /** Needs numeric codes on both axes; the trend test of the table. */
  linearByLinear: TestResult;
  /** Sum of the table. */
  n: number;
  /** Number of rows and columns with a non-zero margin. */
  rows: number;
  columns: number;
}

function undefinedTest(df: number, why: KernelReason): TestResult {
  return { value: null, df, p: null, reason: messages.en.kernelReason(why), why };
}

/**
 * χ² tests of an r × c table of (weighted) counts. `rowCodes`/`colCodes` are the category codes,
 * used as scores by the linear-by-linear test.
 */
export function chiSquareTests(counts: readonly (readonly number[])[], rowCodes?: readonly number[], colCodes?: readonly number[]): ChiSquareTests {
  const rowSum = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const colSum: number[] = [];
  for (const row of counts) row.forEach((v, j) => (colSum[j] = (colSum[j] ?? 0) + v));
  const n = rowSum.reduce((a, b) => a + b, 0);
  const ri = rowSum.map((s, i) => (s > 0 ? i : -1)).filter((i) => i >= 0);
  const cj = colSum.map((s, j) => (s > 0 ? j : -1)).filter((j) => j >= 0);
  const df = Math.max(0, (ri.length - 1) * (cj.length - 1));
  const shape = { n, rows: ri.length, columns: cj.length };
  if (n === 0) {
    const t = undefinedTest(0, { kind: "empty-table" });
    return { pearson: t, likelihoodRatio: t, linearByLinear: { ...t, df: 1 }, ...shape };
  }

  let x2 = 0;
  let g2 = 0;
  for (const i of ri) {
    for (const j of cj) {
      const o = counts[i]?.[j] ?? 0;
      const e = ((rowSum[i] ?? 0) * (colSum[j] ?? 0)) / n;
      x2 += ((o - e) * (o - e)) / e;
      if (o > 0) g2 += 2 * o * Math.log(o / e);
    }
  }
  const tooSmall: KernelReason | null = df === 0 ? { kind: "too-few-categories", rows: ri.length, columns: cj.length } : null;
  const pearson: TestResult = tooSmall ? undefinedTest(0, tooSmall) : { value: x2, df, p: chiSquareUpperTail(x2, df) };
  const likelihoodRatio: TestResult = tooSmall ? undefinedTest(0, tooSmall) : { value: g2, df, p: chiSquareUpperTail(g2, df) };

  let linearByLinear: TestResult = undefinedTest(1, { kind: "no-codes" });
  if (rowCodes && colCodes) {
    let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (const i of ri) {
      const x = rowCodes[i] ?? 0;
      for (const j of cj) {
        const o = counts[i]?.[j] ?? 0;
        const y = colCodes[j] ?? 0;
        sx += o * x; sy += o * y; sxx += o * x * x; syy += o * y * y; sxy += o * x * y;
      }
    }
    const vx = sxx - (sx * sx) / n;
    const vy = syy - (sy * sy) / n;
    if (vx > 0 && vy > 0) {
      const r = (sxy - (sx * sy) / n) / Math.sqrt(vx * vy);
      const m2 = (n - 1) * r * r;
      linearByLinear = { value: m2, df: 1, p: chiSquareUpperTail(m2, 1) };
    } else {
      linearByLinear = undefinedTest(1, { kind: "single-category" });
    }
  }
  return { pearson, likelihoodRatio, linearByLinear, ...shape };
}

/**
 * Phi and Cramér's V from Pearson χ²: φ = √(χ²/N), V = √(χ² / (N·(min(r, c) − 1))), with r and c
 * the rows and columns that have answers (as SPSS's Symmetric Measures table).
 */
import type { ChiSquareTests } from "./chi-square";

export interface AssociationMeasures {
  phi: number | null;
  cramersV: number | null;
  reason?: string;
}

/** φ and Cramér's V of a table whose χ² tests are given. */
export function cramersV(tests: ChiSquareTests): AssociationMeasures {
  const x2 = tests.pearson.value;
  const k = Math.min(tests.rows, tests.columns) - 1;
  if (x2 === null || tests.n <= 0 || k < 1) {
    return { phi: null, cramersV: null, reason: tests.pearson.reason ?? "the table has fewer than 2 rows or columns with answers" };
  }
  return { phi: Math.sqrt(x2 / tests.n), cramersV: Math.sqrt(x2 / (tests.n * k)) };
}

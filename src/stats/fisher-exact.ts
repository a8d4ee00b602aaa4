/**
 * Fisher's exact test for a 2×2 table, for comparisons whose expected counts are too small for the
 * χ² approximation (small counties, one size class). Log factorials are cached because the what-if
 * view runs it for every comparison on every filter change.
 */

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let k = logFactorials.length; k <= n; k++) logFactorials[k] = (logFactorials[k - 1] ?? 0) + Math.log(k);
  return logFactorials[n] ?? 0;
}

/**
 * Two-sided Fisher exact p for the 2×2 table [[a, b], [c, d]]: the probability of every table with
 * the same margins that is no more likely than the observed one.
 */
export function fisherExact2x2(a: number, b: number, c: number, d: number): number {
  const r1 = a + b, r2 = c + d, c1 = a + c, n = a + b + c + d;
  const logP = (x: number): number =>
    logFactorial(r1) + logFactorial(r2) + logFactorial(c1) + logFactorial(n - c1) -
    (logFactorial(n) + logFactorial(x) + logFactorial(r1 - x) + logFactorial(c1 - x) + logFactorial(r2 - c1 + x));
  const observed = logP(a);
  let p = 0;
  for (let x = Math.max(0, c1 - r2); x <= Math.min(r1, c1); x++) {
    const lp = logP(x);
    // Relative tolerance so tables as likely as the observed one are not lost to round-off.
    if (lp <= observed + 1e-7) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

/**
 * Test helper: the crosswalk's statistics worked out by hand, independently of src/stats, for the
 * crosswalk tests to compare with.
 */

/** The 95 % Wilson score interval, z = Φ⁻¹(.975). */
export function wilson(x: number, n: number): { low: number; high: number } {
  const z = 1.959963984540054;
  const p = x / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { low: centre - half, high: centre + half };
}

/** Two-sided Fisher exact p of [[a, b], [c, d]] by the hypergeometric sum over tables no likelier than the observed one. */
export function fisherByHand(a: number, b: number, c: number, d: number): number {
  const choose = (n: number, k: number): number => {
    let r = 1;
    for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
    return r;
  };
  const r1 = a + b, r2 = c + d, c1 = a + c;
  const prob = (x: number): number => (choose(r1, x) * choose(r2, c1 - x)) / choose(r1 + r2, c1);
  const observed = prob(a);
  let p = 0;
  for (let x = Math.max(0, c1 - r2); x <= Math.min(r1, c1); x++) if (prob(x) <= observed * (1 + 1e-7)) p += prob(x);
  return p;
}

/**
 * The measures of the stated relations (stated-relations.ts), computed on respondents while the
 * build runs: the redraw loops, the soft-target report and the tests all read them from here.
 */
import { answer, type Respondent } from "./respondent";

/** Pearson r over pairs where both values are present; null with fewer than 3 pairs or no spread. */
export function pearson(pairs: readonly (readonly [number, number])[]): number | null {
  const n = pairs.length;
  if (n < 3) return null;
  const mx = pairs.reduce((s, p) => s + p[0], 0) / n;
  const my = pairs.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

function pairs(people: readonly Respondent[], x: (r: Respondent) => number | null, y: (r: Respondent) => number | null): [number, number][] {
  return people.flatMap((r): [number, number][] => {
    const a = x(r);
    const b = y(r);
    return a === null || b === null ? [] : [[a, b]];
  });
}

/** r(size class, adopted = status 1) over those who answered the status question. */
export function sizeAdoptionR(people: readonly Respondent[], status: string): number | null {
  return pearson(pairs(people, (r) => r.sizeClass, (r) => {
    const s = answer(r, status);
    return s === null ? null : s === 1 ? 1 : 0;
  }));
}

/** r(q30_5, expectation) in raw codes (1 = "I stor grad" on both), "vet ikke" left out, and its n. */
export function leadR(people: readonly Respondent[], expectation: string): { r: number | null; n: number } {
  const p = pairs(
    people,
    (r) => { const v = answer(r, "q30_5"); return v === null || v === 5 ? null : v; },
    (r) => { const v = answer(r, expectation); return v === null || v === 9 ? null : v; },
  );
  return { r: pearson(p), n: p.length };
}

/** r(size class, intranet progress = 5 − q9) over those asked q9. */
export function sizeIntranetR(people: readonly Respondent[]): number | null {
  return pearson(pairs(people, (r) => r.sizeClass, (r) => { const q = answer(r, "q9"); return q === null ? null : 5 - q; }));
}

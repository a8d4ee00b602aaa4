/**
 * The general questions: activity (q1, Tabell 2.2), anchoring (q2, Tabell 2.7), other models
 * (q28, Tabell 2.5; named "I stor grad" lists fixed), barriers (q29, Tabell 2.9, counts from the
 * printed percentages), statements (q30, imputed from the text; assignStatements), initiative (q31,
 * Tabell 2.8) and the respondent's gender, age and size class (q32–q34, from chapter 1.5). Every
 * one is dealt uniformly with its printed counts, independently of everything else: the report
 * states no relation for any of them (q30_5's tie to expectations is imposed in results.ts).
 */
import type { Rng } from "./prng";
import { countsForPercents, dealQuotas, pickRandom } from "./quotas";
import { assignVariable, quotas } from "./assign";
import { adoptedCount, type Respondent } from "./respondent";
import { apportion } from "./apportion";
import {
  ACTIVITY_COUNTS, AGE_BANDS, ANCHORING_COUNTS, BARRIER_PERCENTS, GENDER_PERCENTS, INITIATIVE_COUNTS,
  MODELS, OTHER_MODEL_COUNTS, STATEMENT_COUNTS,
} from "./targets";
import type { Resolution } from "./statuses";

const STATUS_VARIABLES = MODELS.map((m) => m.status);

/** Counts for printed percentages; when none round exactly, the closest apportionment (recorded). */
export function countsOrNearest(what: string, percents: number[], n: number, resolutions: Resolution[]): number[] {
  const exact = countsForPercents(percents, n);
  if (exact) return exact;
  const near = apportion(n, percents.map((p) => p + 1e-9));
  resolutions.push({ table: "2.9", variable: what, description: `no counts of ${n} round to all of ${percents.join("/")} %; used ${near.join("/")}` });
  return near;
}

/** Deal `codes` with `counts` among everyone; the rest of the 267 leave the question blank. */
function dealWithBlanks(variable: string, people: readonly Respondent[], codes: readonly number[], counts: readonly number[], rng: Rng): void {
  const answered = counts.reduce((a, b) => a + b, 0);
  assignVariable(variable, people, quotas([...codes, null], [...counts, people.length - answered]), rng);
}

/** q28: the named "I stor grad" are fixed; unnamed ones (q28_7 only) go to respondents already counted as adopters. */
function assignOtherModels(people: readonly Respondent[], rng: Rng, resolutions: Resolution[]): void {
  // Inconsistency adoption-share-48: the 8 unnamed q28_7 "I stor grad" sit on respondents who
  // already adopted a model, so they add nobody to "48 % / nær halvparten".
  const counted = (r: Respondent): boolean =>
    adoptedCount(r, STATUS_VARIABLES) > 0 || [...r.fixed.entries()].some(([k, code]) => k.startsWith("q28_") && code === 1);
  OTHER_MODEL_COUNTS.forEach((counts, i) => {
    const v = `q28_${i + 1}`;
    const s = rng.fork(v);
    const fixed = people.filter((r) => r.fixed.get(v) === 1);
    const c = [...counts];
    if (fixed.length > (c[0] ?? 0)) {
      resolutions.push({ table: "2.5", variable: v, description: `${fixed.length} named "I stor grad" but ${c[0]} printed` });
      c[0] = fixed.length;
    }
    for (const r of fixed) r.answers.set(v, 1);
    const rest = people.filter((r) => r.fixed.get(v) !== 1);
    const extra = pickRandom(`${v} unnamed "I stor grad"`, rest.filter(counted), (c[0] ?? 0) - fixed.length, s).picked;
    for (const r of extra) r.answers.set(v, 1);
    dealWithBlanks(v, rest.filter((r) => !extra.includes(r)), [2, 3, 4, 9], c.slice(1), s);
  });
}

export function assignBackground(
  people: readonly Respondent[],
  rng: Rng,
  resolutions: Resolution[],
  countedValue: (variable: string) => number,
): void {
  // q1: 250 answered (no "vet ikke" printed, so the rest is blank).
  dealWithBlanks("q1", people, [1, 2, 3, 4], ACTIVITY_COUNTS, rng.fork("q1"));
  // q2 and q31: multiple response, each box ticked by a uniform subset of its printed size.
  ANCHORING_COUNTS.forEach((count, i) => dealWithBlanks(`q2_${i + 1}`, people, [countedValue(`q2_${i + 1}`)], [count], rng.fork(`q2_${i + 1}`)));
  INITIATIVE_COUNTS.forEach((count, i) => dealWithBlanks(`q31_${i + 1}`, people, [countedValue(`q31_${i + 1}`)], [count], rng.fork(`q31_${i + 1}`)));
  assignOtherModels(people, rng, resolutions);
  // q29: counts that round to every printed percentage of the printed N.
  BARRIER_PERCENTS.forEach(({ n, percents, resolved }, i) => {
    const v = `q29_${i + 1}`;
    const counts = resolved ?? countsOrNearest(v, percents, n, resolutions);
    dealWithBlanks(v, people, [1, 2, 3, 4, 9], counts, rng.fork(v));
  });
  // q32 gender 83/17, q33 age bands (uniform within band).
  const g = countsForPercents(GENDER_PERCENTS, people.length, 0) ?? apportion(people.length, GENDER_PERCENTS);
  assignVariable("q32", people, quotas([1, 2], g), rng.fork("q32"));
  const sa = rng.fork("q33");
  const bandCounts = apportion(people.length, AGE_BANDS.map((b) => b.share));
  for (const [r, index] of dealQuotas("q33", people, quotas(AGE_BANDS.map((_, i) => i), bandCounts), sa)) {
    const band = AGE_BANDS[index ?? -1];
    r.answers.set("q33", band ? band.min + sa.int(band.max - band.min + 1) : null);
  }
  // q34 is what the respondent ticked: the size code printed beside a named kommune in Tabell
  // 4.1–4.6 when its printed codes agree (they look like q34 answers), else the SSB class.
  for (const r of people) {
    const codes = new Set(r.printedSizeCodes);
    const printedCode = codes.size === 1 ? [...codes][0] : undefined;
    r.answers.set("q34", r.respType === 2 ? 6 : (printedCode ?? r.sizeClass));
  }
}

/** q30 statements (imputed counts, see STATEMENT_COUNTS; code 5 = uaktuelt/vet ikke), dealt uniformly. */
export function assignStatements(people: readonly Respondent[], rng: Rng): void {
  STATEMENT_COUNTS.forEach((counts, i) => dealWithBlanks(`q30_${i + 1}`, people, [1, 2, 3, 4, 5], counts, rng.fork(`q30_${i + 1}`)));
}

/**
 * The general questions: activity (q1, Tabell 2.2), anchoring (q2, Tabell 2.7), other models
 * (q28, Tabell 2.5; named "I stor grad" lists fixed), barriers (q29, Tabell 2.9, counts from the
 * printed percentages), statements (q30, imputed from the text; assignStatements), initiative (q31, Tabell 2.8) and
 * the respondent's gender, age and size class (q32–q34, from the text of chapter 1.5).
 */
import type { Rng } from "./prng";
import { countsForPercents, normal } from "./rank-assign";
import { assignVariable, pickLowest, quotas, sizeScorer } from "./assign";
import { adoptedCount, type Respondent } from "./respondent";
import { apportion } from "./apportion";
import {
  ACTIVITY_COUNTS, AGE_BANDS, ANCHORING_COUNTS, BARRIER_PERCENTS, GENDER_PERCENTS, INITIATIVE_COUNTS,
  MODELS, OTHER_MODEL_COUNTS, STATEMENT_COUNTS,
} from "./targets";
import type { Resolution } from "./statuses";

const STATUS_VARIABLES = MODELS.map((m) => m.status);

/** Tick `count` boxes of a dichotomy among everyone, lowest key first; the rest stay blank. */
function tick(people: readonly Respondent[], variable: string, count: number, counted: number, key: (r: Respondent) => number): void {
  const { picked, rest } = pickLowest(people, count, key);
  for (const r of picked) r.answers.set(variable, counted);
  for (const r of rest) r.answers.set(variable, null);
}

/** Counts for printed percentages; when none round exactly, the closest apportionment (recorded). */
export function countsOrNearest(what: string, percents: number[], n: number, resolutions: Resolution[]): number[] {
  const exact = countsForPercents(percents, n);
  if (exact) return exact;
  const near = apportion(n, percents.map((p) => p + 1e-9));
  resolutions.push({ table: "2.9", variable: what, description: `no counts of ${n} round to all of ${percents.join("/")} %; used ${near.join("/")}` });
  return near;
}

export function assignBackground(
  people: readonly Respondent[],
  rng: Rng,
  resolutions: Resolution[],
  countedValue: (variable: string) => number,
): void {
  const size = sizeScorer(people);
  const stage = (label: string): Rng => rng.fork(label);
  const active = (r: Respondent): number => r.latent.activity + 0.8 * adoptedCount(r, STATUS_VARIABLES);

  // q1: 250 answered; the most active say "Svært aktiv".
  const s1 = stage("q1");
  const q1 = pickLowest(people, people.length - ACTIVITY_COUNTS.reduce((a, b) => a + b, 0), () => s1.next());
  for (const r of q1.picked) r.answers.set("q1", null);
  assignVariable("q1", q1.rest, (r) => -active(r) + 0.8 * normal(s1), quotas([1, 2, 3, 4], ACTIVITY_COUNTS));

  // q2 and q31: multiple response, ticks by activity (q2_1 also by top-management anchoring).
  ANCHORING_COUNTS.forEach((count, i) => {
    const s = stage(`q2_${i + 1}`);
    const v = `q2_${i + 1}`;
    tick(people, v, count, countedValue(v), (r) => -(0.5 * active(r) + (i === 0 ? 0.8 * r.latent.lead : 0)) + normal(s));
  });
  INITIATIVE_COUNTS.forEach((count, i) => {
    const s = stage(`q31_${i + 1}`);
    const v = `q31_${i + 1}`;
    tick(people, v, count, countedValue(v), (r) => -0.3 * active(r) + normal(s));
  });

  // q28: named "I stor grad" fixed. Further "I stor grad" (only q28_7: 10 printed, 2 named, and its
  // list repeats Tabell 4.12, so it is not taken as complete) go to respondents who already have a
  // model (inconsistency adoption-share-48: keeps "48 % / nær halvparten" at 132 of 267).
  const counted = (r: Respondent): boolean =>
    adoptedCount(r, STATUS_VARIABLES) > 0 || [...r.fixed.entries()].some(([k, code]) => k.startsWith("q28_") && code === 1);
  OTHER_MODEL_COUNTS.forEach((counts, i) => {
    const v = `q28_${i + 1}`;
    const s = stage(v);
    const fixed = people.filter((r) => r.fixed.get(v) === 1);
    const c = [...counts];
    const printedTop = c[0] ?? 0;
    if (fixed.length > printedTop) {
      resolutions.push({ table: "2.5", variable: v, description: `${fixed.length} named "I stor grad" but ${c[0]} printed` });
      c[0] = fixed.length;
    }
    for (const r of fixed) r.answers.set(v, 1);
    const rest = people.filter((r) => r.fixed.get(v) !== 1);
    const total = c.reduce((a, b) => a + b, 0);
    const blank = pickLowest(rest, people.length - total, (r) => r.latent.diligence + normal(s));
    for (const r of blank.picked) r.answers.set(v, null);
    const key = (r: Respondent): number => -0.7 * active(r) + normal(s);
    const extra = pickLowest(blank.rest.filter(counted), (c[0] ?? 0) - fixed.length, key).picked;
    for (const r of extra) r.answers.set(v, 1);
    const others = blank.rest.filter((r) => !extra.includes(r));
    // "Vet ikke" goes to the least active, then grades by activity.
    assignVariable(v, others, key, quotas([2, 3, 4, 9], c.slice(1)));
  });

  // q29: percentages only; smaller municipalities agree more often with "kompetanse mangelfull".
  BARRIER_PERCENTS.forEach(({ n, percents, resolved }, i) => {
    const v = `q29_${i + 1}`;
    const s = stage(v);
    const counts = resolved ?? countsOrNearest(v, percents, n, resolutions);
    const answered = counts.reduce((a, b) => a + b, 0);
    const blank = pickLowest(people, people.length - answered, () => s.next());
    for (const r of blank.picked) r.answers.set(v, null);
    assignVariable(v, blank.rest, (r) => (i === 0 ? 0.5 * size(r) : 0) + normal(s), quotas([1, 2, 3, 4, 9], counts));
  });

  // q32 gender 83/17, q33 age bands, q34 size class as ticked (fylkeskommuner ticked 6).
  const g = countsForPercents(GENDER_PERCENTS, people.length, 0) ?? apportion(people.length, GENDER_PERCENTS);
  const sg = stage("q32");
  assignVariable("q32", people, () => sg.next(), quotas([1, 2], g));
  const sa = stage("q33");
  const bandCounts = apportion(people.length, AGE_BANDS.map((b) => b.share));
  const order = pickLowest(people, people.length, () => sa.next()).picked;
  let at = 0;
  AGE_BANDS.forEach((band, i) => {
    for (let k = 0; k < (bandCounts[i] ?? 0); k++) {
      const r = order[at++];
      if (r) r.answers.set("q33", band.min + sa.int(band.max - band.min + 1));
    }
  });
  // q34 is what the respondent ticked: the size code printed beside a named kommune in Tabell
  // 4.1–4.6 when its printed codes agree (they look like q34 answers), else the SSB class.
  for (const r of people) {
    const codes = new Set(r.printedSizeCodes);
    const printedCode = codes.size === 1 ? [...codes][0] : undefined;
    r.answers.set("q34", r.respType === 2 ? 6 : (printedCode ?? r.sizeClass));
  }
}

/**
 * q30 statements (imputed counts, see STATEMENT_COUNTS). Runs before the results stage because
 * q30_5 (top-management anchoring) follows the "lead" trait that the expectations are tuned to.
 */
export function assignStatements(people: readonly Respondent[], rng: Rng): void {
  const active = (r: Respondent): number => r.latent.activity + 0.8 * adoptedCount(r, STATUS_VARIABLES);
  const stage = (label: string): Rng => rng.fork(label);
  STATEMENT_COUNTS.forEach((counts, i) => {
    const v = `q30_${i + 1}`;
    const s = stage(v);
    const total = counts.reduce((a, b) => a + b, 0);
    const blank = pickLowest(people, people.length - total, () => s.next());
    for (const r of blank.picked) r.answers.set(v, null);
    const dontKnow = pickLowest(blank.rest, counts[4] ?? 0, () => s.next());
    for (const r of dontKnow.picked) r.answers.set(v, 5);
    const key = i === 4 ? (r: Respondent) => -r.latent.lead + 0.4 * normal(s) : (r: Respondent) => -0.4 * active(r) + normal(s);
    assignVariable(v, dontKnow.rest, key, quotas([1, 2, 3, 4], counts.slice(0, 4)));
  });

}

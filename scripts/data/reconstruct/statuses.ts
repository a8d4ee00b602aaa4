/**
 * The six models' status answers (Tabell 2.1) and the intranet question q9. Named adopters are
 * fixed at 1; the remaining quotas go by a ranking key that mixes municipality size with a latent
 * "activity", so larger municipalities adopt, implement or plan more often (Pearson r > 0, as the
 * report's correlation test says), while noise keeps the relation moderate.
 */
import type { Rng } from "./prng";
import { countsForPercents, normal } from "./rank-assign";
import { assignVariable, pickLowest, quotas, sizeScorer } from "./assign";
import { answer, type Respondent } from "./respondent";
import { INTRANET_PERCENTS, MODELS, STATUS_COUNTS } from "./targets";

/** A place where the printed figures could not all be met, and what was done. */
export interface Resolution {
  table: string;
  variable: string;
  description: string;
}

const STATUS_VARIABLES = MODELS.map((m) => m.status);

/** Raise the activity of named respondents: the report lists them because they are active. */
function boostNamedActivity(people: readonly Respondent[]): void {
  for (const r of people) {
    const models = STATUS_VARIABLES.filter((v) => r.fixed.get(v) === 1).length;
    const others = [...r.fixed.keys()].filter((k) => k.startsWith("q28_")).length;
    r.latent.activity += 0.9 * models + 0.4 * others;
  }
}

/** Assign q3, q7, q12, q16, q20, q24 with exact Tabell 2.1 counts. */
export function assignStatuses(people: readonly Respondent[], rng: Rng, resolutions: Resolution[]): void {
  boostNamedActivity(people);
  const size = sizeScorer(people);
  for (const model of MODELS) {
    const v = model.status;
    const printed = STATUS_COUNTS[v];
    if (!printed) throw new Error(`No Tabell 2.1 counts for ${v}.`);
    const [adopted, implementing, planning, noPlans] = printed;
    const stage = rng.fork(`status:${v}`);
    const fixedOnes = people.filter((r) => r.fixed.get(v) === 1);
    // More named adopters than the printed count: the names are hard facts, so the surplus is
    // taken from "no plans" and recorded.
    const surplus = Math.max(0, fixedOnes.length - adopted);
    const counts: [number, number, number, number] = [adopted + surplus, implementing, planning, noPlans - surplus];
    if (surplus > 0) {
      resolutions.push({ table: "2.1", variable: v, description: `${surplus} more named adopters than printed; taken from code 4.` });
    }
    for (const r of fixedOnes) r.answers.set(v, 1);
    const answered = counts.reduce((a, b) => a + b, 0);
    const rest = people.filter((r) => r.fixed.get(v) !== 1);
    // 1. Who left the question blank: at random, independent of size.
    const blank = pickLowest(rest, people.length - answered, () => stage.next());
    for (const r of blank.picked) r.answers.set(v, null);
    // 2. Remaining adopters only among anonymous respondents: the appendix lists every adopter by
    //    name, so a named municipality not listed under this model has not adopted it.
    const key = (r: Respondent): number => -(0.8 * size(r) + 0.6 * r.latent.activity) + normal(stage);
    const anonymous = blank.rest.filter((r) => r.knr === null && r.identityImputed);
    const extraAdopters = pickLowest(anonymous, counts[0] - fixedOnes.length, key).picked;
    for (const r of extraAdopters) r.answers.set(v, 1);
    const others = blank.rest.filter((r) => !extraAdopters.includes(r));
    assignVariable(v, others, key, quotas([2, 3, 4], counts.slice(1)));
  }
}

/** q9 intranet (asked only when q7 is 1–3): 19 / 22 / 44 / 15 %, larger municipalities first. */
export function assignIntranet(people: readonly Respondent[], rng: Rng, resolutions: Resolution[]): void {
  const eligible = people.filter((r) => [1, 2, 3].includes(answer(r, "q7") ?? 0));
  const counts = countsForPercents(INTRANET_PERCENTS, eligible.length, 0);
  if (!counts) {
    resolutions.push({ table: "text:intranet", variable: "q9", description: `no counts of ${eligible.length} round to 19/22/44/15 %` });
    return;
  }
  const size = sizeScorer(people);
  const stage = rng.fork("q9");
  assignVariable("q9", eligible, (r) => -(0.6 * size(r) + 0.3 * r.latent.activity) + normal(stage), quotas([1, 2, 3, 4], counts));
}

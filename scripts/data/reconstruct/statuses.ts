/**
 * The six models' status answers (Tabell 2.1) and the intranet question q9. Named adopters are
 * fixed at 1; everything else is dealt uniformly with the printed counts. Two relations the report
 * states are checked or imposed here, and nothing more (stated-relations.ts): size × adoption
 * (follows from the named adopters; checked, redrawn if it ever failed) and size × intranet
 * (redrawn until positive). The two servicetorg adopters Tabell 4.2 does not name go to named
 * kommuner with exactly one other model (inconsistency adoption-share-42).
 */
import type { Rng } from "./prng";
import { countsForPercents, pickRandom } from "./quotas";
import { assignVariable, blankRandom, quotas, redrawUntil, type RedrawRecord } from "./assign";
import { answer, type Respondent } from "./respondent";
import { sizeAdoptionR, sizeIntranetR } from "./measures";
import { INTRANET_PERCENTS, MODELS, STATUS_COUNTS } from "./targets";

/** A place where the printed figures could not all be met, or a choice they leave open, and what was done. */
export interface Resolution {
  table: string;
  variable: string;
  description: string;
}

const STATUS_VARIABLES = MODELS.map((m) => m.status);

/** Models of the six the appendix lists this respondent under. */
const listedModels = (r: Respondent): number => STATUS_VARIABLES.filter((v) => r.fixed.get(v) === 1).length;

/** Assign q3, q7, q12, q16, q20, q24 with exact Tabell 2.1 counts. */
export function assignStatuses(people: readonly Respondent[], rng: Rng, resolutions: Resolution[]): RedrawRecord[] {
  const records: RedrawRecord[] = [];
  const givenUnnamed = new Set<Respondent>();
  for (const model of MODELS) {
    const v = model.status;
    const printed = STATUS_COUNTS[v];
    if (!printed) throw new Error(`No Tabell 2.1 counts for ${v}.`);
    const [adopted, implementing, planning, noPlans] = printed;
    const fixedOnes = people.filter((r) => r.fixed.get(v) === 1);
    // More named adopters than the printed count: the names are hard facts, so the surplus is
    // taken from "no plans" and recorded.
    const surplus = Math.max(0, fixedOnes.length - adopted);
    const counts: [number, number, number, number] = [adopted + surplus, implementing, planning, noPlans - surplus];
    if (surplus > 0) {
      resolutions.push({ table: "2.1", variable: v, description: `${surplus} more named adopters than printed; taken from code 4.` });
    }
    for (const r of fixedOnes) r.answers.set(v, 1);
    const unnamed = counts[0] - fixedOnes.length;
    // Adopters the appendix does not name: on named kommuner listed under exactly one other of the
    // six (not under this one), so "ca 42 %" adopt one of the six, three-or-more stays Tabell 2.3's
    // 12 and no fylkeskommune gets two models (line 883).
    const candidates = people.filter((r) => r.knr !== null && r.respType === 1 && !r.fixed.has(v) && listedModels(r) === 1 && !givenUnnamed.has(r));
    if (unnamed > 0) {
      resolutions.push({ table: "2.1, 4.2", variable: v, description: `${unnamed} adopters not named in the appendix: placed on named kommuner with exactly one other of the six models (${candidates.length} candidates; inconsistency adoption-share-42).` });
    }
    const rest = people.filter((r) => r.fixed.get(v) !== 1);
    const answered = counts.reduce((a, b) => a + b, 0);
    let extra: Respondent[] = [];
    records.push(redrawUntil("size-adoption", v, rng.fork(`status:${v}`), (stream) => {
      extra = pickRandom(`${v} unnamed adopters`, candidates, unnamed, stream).picked;
      for (const r of extra) r.answers.set(v, 1);
      const others = blankRandom(v, rest.filter((r) => !extra.includes(r)), people.length - answered, stream);
      assignVariable(v, others, quotas([2, 3, 4], counts.slice(1)), stream);
    }, () => {
      const r = sizeAdoptionR(people, v);
      return { r, band: [0, 1], ok: r !== null && r > 0 };
    }));
    for (const r of extra) givenUnnamed.add(r);
  }
  return records;
}

/** q9 intranet (asked only when q7 is 1–3): 19 / 22 / 44 / 15 %, redrawn until r(size, 5 − q9) > 0. */
export function assignIntranet(people: readonly Respondent[], rng: Rng, resolutions: Resolution[]): RedrawRecord[] {
  const eligible = people.filter((r) => [1, 2, 3].includes(answer(r, "q7") ?? 0));
  const counts = countsForPercents(INTRANET_PERCENTS, eligible.length, 0);
  if (!counts) {
    resolutions.push({ table: "text:intranet", variable: "q9", description: `no counts of ${eligible.length} round to 19/22/44/15 %` });
    return [];
  }
  return [redrawUntil("size-intranet", "q9", rng.fork("q9"), (stream) => assignVariable("q9", eligible, quotas([1, 2, 3, 4], counts), stream), () => {
    const r = sizeIntranetR(people);
    return { r, band: [0, 1], ok: r !== null && r > 0 };
  })];
}

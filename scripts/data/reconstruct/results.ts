/**
 * Results (q5, q10, q14, q18, q22, q26; Tabell 3.2–3.12) and expectations (q6, q11, q15, q19,
 * q23, q27; Tabell 2.4). The questions say "Hvis dere har innført …" but the questionnaire has no
 * skip there, and the printed numbers of answers exceed the adopters for four models; so all
 * adopters answer first, then those implementing — never planners, status 4 or blank (Tabell 2.4's
 * base is status 1–2).
 *
 * A per-model satisfaction trait = weight × the respondent's "lead" (top-management anchoring,
 * which also drives q30_5) + noise orders the codes. The report says the link between q30_5 and
 * expectations met is weak for five models and clear for BPR. Small groups (18–66 answers) make one
 * draw's correlation noisy, so a deterministic search tries numbered sub-streams in order and keeps
 * the first whose r(q30_5, expectation) falls in the stated band (documented in reconstruction.md).
 */
import { createRng, type Rng } from "./prng";
import { normal } from "./rank-assign";
import { assignVariable, pickLowest, quotas } from "./assign";
import { answer, type Respondent } from "./respondent";
import { EXPECTATION_COUNTS, GRADE_CODES, MODELS, RESULT_COUNTS, type ModelSpec } from "./targets";
import { pearson } from "./soft-targets";
import type { Resolution } from "./statuses";

/** How strongly top-management anchoring drives satisfaction, per model. */
export const LEAD_WEIGHT: Record<string, number> = { sd: 0.5, st: 0.5, esn: 0.5, ep: 0.5, bms: 0.5, bpr: 2.5 };

/** The band r(q30_5, expectation) must fall in: "svak" for five models, clear for BPR. */
export const LEAD_BAND: Record<string, [number, number]> = {
  sd: [0.05, 0.3], st: [0.05, 0.3], esn: [0.05, 0.3], ep: [0.05, 0.3], bms: [0.05, 0.3], bpr: [0.45, 1],
};

const MAX_ATTEMPTS = 200;

function assignModel(model: ModelSpec, eligible: readonly Respondent[], stage: Rng, resolutions: Resolution[]): void {
  const weight = LEAD_WEIGHT[model.key] ?? 0.5;
  const satisfaction = new Map(eligible.map((r) => [r, weight * r.latent.lead + normal(stage)]));
  const sat = (r: Respondent): number => satisfaction.get(r) ?? 0;
  // Answering order: adopters, then implementing; the more diligent first within a status.
  const answerOrder = new Map(eligible.map((r) => [r, (answer(r, model.status) ?? 3) * 10 - r.latent.diligence + 0.3 * normal(stage)]));
  const order = (r: Respondent): number => answerOrder.get(r) ?? 99;
  const rows = RESULT_COUNTS[model.resultPrefix] ?? [];
  rows.forEach((counts, i) => {
    const variable = `${model.resultPrefix}_${i + 1}`;
    const total = counts.reduce((a, b) => a + b, 0);
    if (total > eligible.length) {
      resolutions.push({ table: model.resultPrefix, variable, description: `${total} answers but ${eligible.length} eligible` });
      return;
    }
    const { picked, rest } = pickLowest(eligible, total, order);
    for (const r of rest) r.answers.set(variable, null);
    // "Uaktuelt/vet ikke" (9) goes mostly to those not yet done, then grades by satisfaction.
    const nines = pickLowest(picked, counts[4] ?? 0, (r) => -order(r) + 3 * normal(stage));
    for (const r of nines.picked) r.answers.set(variable, 9);
    assignVariable(variable, nines.rest, (r) => -sat(r) + 0.8 * normal(stage), quotas([1, 2, 3, 4], counts.slice(0, 4)));
  });
  const expectation = EXPECTATION_COUNTS[model.expectation] ?? [];
  const total = expectation.reduce((a, b) => a + b, 0);
  if (total > eligible.length) {
    resolutions.push({ table: "2.4", variable: model.expectation, description: `${total} answers but ${eligible.length} eligible` });
    return;
  }
  const { picked, rest } = pickLowest(eligible, total, order);
  for (const r of rest) r.answers.set(model.expectation, null);
  assignVariable(model.expectation, picked, (r) => -sat(r) + 0.3 * normal(stage), quotas(GRADE_CODES, expectation));
}

/** r(q30_5, expectation) in raw codes (1 = "I stor grad" on both), "vet ikke" left out. */
export function leadCorrelation(people: readonly Respondent[], expectation: string): number | null {
  const pairs = people.flatMap((r): [number, number][] => {
    const a = answer(r, "q30_5");
    const b = answer(r, expectation);
    return a === null || a === 5 || b === null || b === 9 ? [] : [[a, b]];
  });
  return pearson(pairs);
}

/** Which numbered sub-stream the search kept for a model, and the correlation it gives. */
export interface SearchRecord {
  expectation: string;
  attempt: number;
  r: number | null;
  band: [number, number];
}

/** Assign results and expectations for the six models; q30 must already be filled. */
export function assignResults(people: readonly Respondent[], rng: Rng, resolutions: Resolution[]): SearchRecord[] {
  const searches: SearchRecord[] = [];
  for (const model of MODELS) {
    // Status 1–2 only: the results and expectation questions follow "Hvis dere har innført".
    const eligible = people.filter((r) => [1, 2].includes(answer(r, model.status) ?? 0));
    const [lo, hi] = LEAD_BAND[model.key] ?? [0, 1];
    // Attempt k uses its own replayable stream, so the kept attempt can be re-run exactly.
    const base = Math.floor(rng.fork(`results:${model.key}`).next() * 4294967296);
    const streamOf = (attempt: number): Rng => createRng((base + Math.imul(attempt, 0x9e3779b1)) >>> 0);
    let best = { attempt: 0, distance: Infinity };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      assignModel(model, eligible, streamOf(attempt), []);
      const r = leadCorrelation(eligible, model.expectation) ?? -1;
      const distance = r < lo ? lo - r : r > hi ? r - hi : 0;
      if (distance < best.distance) best = { attempt, distance };
      if (distance === 0) break;
    }
    if (best.distance > 0) {
      resolutions.push({ table: "2.7 text", variable: model.expectation, description: `r(q30_5) band [${lo}, ${hi}] not reached; closest attempt kept` });
    }
    assignModel(model, eligible, streamOf(best.attempt), resolutions);
    const kept = leadCorrelation(eligible, model.expectation);
    searches.push({ expectation: model.expectation, attempt: best.attempt, r: kept === null ? null : Math.round(kept * 1000) / 1000, band: [lo, hi] });
  }
  return searches;
}

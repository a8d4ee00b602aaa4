/**
 * Results (q5, q10, q14, q18, q22, q26; Tabell 3.2–3.12) and expectations (q6, q11, q15, q19, q23,
 * q27; Tabell 2.4). The questions are put to those who have introduced the model ("Hvis dere har
 * innført …"), but the printed N exceeds the adopters for most items (inconsistencies
 * results-base-exceeds-adopters, t24-totals-exceed-adopters): so every adopter answers each item
 * and the rest of the printed N is drawn uniformly from status 2, item by item. The answers are
 * dealt uniformly.
 *
 * One stated relation ties expectations to q30_5 (top-management anchoring, lines 1245–1251):
 * weak for five models, significant for BPR. q30_5 is drawn first; each model's expectation
 * answers are redrawn until r(q30_5, expectation) falls in its band (stated-relations.ts).
 */
import type { Rng } from "./prng";
import { pickRandom } from "./quotas";
import { assignVariable, quotas, redrawUntil, type RedrawRecord } from "./assign";
import { answer, type Respondent } from "./respondent";
import { EXPECTATION_COUNTS, GRADE_CODES, MODELS, RESULT_COUNTS, type ModelSpec } from "./targets";
import { leadR } from "./measures";
import { leadBand, leadBandHolds } from "./stated-relations";
import type { Resolution } from "./statuses";

/** Answer one item: every adopter, plus `total − adopters` drawn from status 2; codes dealt uniformly. */
function answerItem(variable: string, model: ModelSpec, eligible: readonly Respondent[], counts: readonly number[], stream: Rng): void {
  const adopters = eligible.filter((r) => answer(r, model.status) === 1);
  const implementing = eligible.filter((r) => answer(r, model.status) === 2);
  const total = counts.reduce((a, b) => a + b, 0);
  const more = pickRandom(`${variable}: answers beyond the adopters (status 2)`, implementing, total - adopters.length, stream);
  for (const r of more.rest) r.answers.set(variable, null);
  assignVariable(variable, [...adopters, ...more.picked], quotas(GRADE_CODES, counts), stream);
}

/** Assign results and expectations for the six models; q30 must already be filled. */
export function assignResults(people: readonly Respondent[], rng: Rng, resolutions: Resolution[]): RedrawRecord[] {
  const records: RedrawRecord[] = [];
  for (const model of MODELS) {
    const eligible = people.filter((r) => [1, 2].includes(answer(r, model.status) ?? 0));
    const stage = rng.fork(`results:${model.key}`);
    (RESULT_COUNTS[model.resultPrefix] ?? []).forEach((counts, i) => {
      const variable = `${model.resultPrefix}_${i + 1}`;
      const total = counts.reduce((a, b) => a + b, 0);
      if (total > eligible.length) {
        resolutions.push({ table: model.resultPrefix, variable, description: `${total} answers but ${eligible.length} eligible` });
        return;
      }
      answerItem(variable, model, eligible, counts, stage);
    });
    const expectation = EXPECTATION_COUNTS[model.expectation] ?? [];
    records.push(redrawUntil("lead-expectations", model.expectation, stage, (stream) => answerItem(model.expectation, model, eligible, expectation, stream), () => {
      const { r, n } = leadR(eligible, model.expectation);
      const band = leadBand(model.expectation, n);
      return { r, band: [Math.round(band[0] * 1000) / 1000, Math.round(band[1] * 1000) / 1000], ok: leadBandHolds(model.expectation, r, n) };
    }));
  }
  return records;
}

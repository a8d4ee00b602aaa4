/**
 * The service-area grids (q4, q8, q13, q17, q21, q25; Tabell 3.1–3.11 and 2.6). Only respondents
 * with status 1–3 reach the grid (status 4 and blank skip it). One rule, from what the answers
 * mean (stated relation area-status): "Er innført" and "Under innføring" come only from those who
 * have introduced the model or are introducing it (status 1–2); planners answer "Planlagt innført",
 * "Vet ikke" or leave the line blank. Within the rule each line is dealt uniformly and
 * independently of every other line.
 */
import type { Rng } from "./prng";
import { pickRandom } from "./quotas";
import { assignVariable, quotas } from "./assign";
import { answer, type Respondent } from "./respondent";
import { AREA_COUNTS, MODELS } from "./targets";
import type { Resolution } from "./statuses";

export function assignAreas(people: readonly Respondent[], rng: Rng, resolutions: Resolution[]): void {
  for (const model of MODELS) {
    const rows = AREA_COUNTS[model.areaPrefix];
    if (!rows) throw new Error(`No area counts for ${model.areaPrefix}.`);
    const eligible = people.filter((r) => [1, 2, 3].includes(answer(r, model.status) ?? 0));
    const stage = rng.fork(`areas:${model.areaPrefix}`);
    rows.forEach((counts, i) => {
      const variable = `${model.areaPrefix}_${i + 1}`;
      const [introduced = 0, introducing = 0, planned = 0, dontKnow = 0] = counts;
      const total = introduced + introducing + planned + dontKnow;
      if (total > eligible.length) {
        resolutions.push({ table: model.areaPrefix, variable, description: `${total} answers but ${eligible.length} eligible` });
        return;
      }
      // Codes 1 and 2 first, from status 1–2 only; then 3, 9 and blank among everyone left.
      const started = eligible.filter((r) => [1, 2].includes(answer(r, model.status) ?? 0));
      const first = pickRandom(`${variable} = 1–2 (status 1–2 only)`, started, introduced + introducing, stage);
      assignVariable(variable, first.picked, quotas([1, 2], [introduced, introducing]), stage);
      const left = eligible.filter((r) => !first.picked.includes(r));
      assignVariable(variable, left, quotas([3, 9, null], [planned, dontKnow, left.length - planned - dontKnow]), stage);
    });
  }
}

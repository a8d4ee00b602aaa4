/**
 * The service-area grids (q4, q8, q13, q17, q21, q25; Tabell 3.1–3.11 and 2.6). Only respondents
 * with status 1–3 reach the grid (status 4 and blank skip it). Who leaves a line blank follows a
 * stable "diligence" trait, so the same respondents tend to skip several lines; among those who
 * answer, adopters say "Er innført" first, those implementing "Under innføring", planners
 * "Planlagt innført", which keeps the grid consistent with the status question.
 */
import type { Rng } from "./prng";
import { normal } from "./rank-assign";
import { assignVariable, pickLowest, quotas } from "./assign";
import { answer, type Respondent } from "./respondent";
import { AREA_CODES, AREA_COUNTS, MODELS } from "./targets";
import type { Resolution } from "./statuses";

export function assignAreas(people: readonly Respondent[], rng: Rng, resolutions: Resolution[]): void {
  for (const model of MODELS) {
    const rows = AREA_COUNTS[model.areaPrefix];
    if (!rows) throw new Error(`No area counts for ${model.areaPrefix}.`);
    const eligible = people.filter((r) => [1, 2, 3].includes(answer(r, model.status) ?? 0));
    const stage = rng.fork(`areas:${model.areaPrefix}`);
    rows.forEach((counts, i) => {
      const variable = `${model.areaPrefix}_${i + 1}`;
      const total = counts.reduce((a, b) => a + b, 0);
      if (total > eligible.length) {
        resolutions.push({ table: model.areaPrefix, variable, description: `${total} answers but ${eligible.length} eligible` });
        return;
      }
      // 1. Blanks: the least diligent, with some noise per line.
      const blanks = pickLowest(eligible, eligible.length - total, (r) => r.latent.diligence + 0.7 * normal(stage));
      for (const r of blanks.picked) r.answers.set(variable, null);
      // 2. Codes follow the status: 1 → Er innført, 2 → Under innføring, 3 → Planlagt, then Vet ikke.
      assignVariable(
        variable,
        blanks.rest,
        (r) => 2 * (answer(r, model.status) ?? 3) + normal(stage),
        quotas(AREA_CODES, counts),
      );
    });
  }
}

/**
 * Which respondents' answers the reconstruction drew. A respondent's value of a variable is a fact
 * (printed, named, or forced by the printed margins) when it is the same in every reconstruction,
 * and drawn when the reconstructions disagree — so the ensemble itself says, per respondent and
 * variable, what rests on the build. The audit line of an analysis names its variables' drawn
 * values among the selected respondents ("size_class drawn for 171 of 248").
 */
import { frameOf } from "../../stats/index";
import type { FilteredSurvey } from "../apply-filter";
import type { Survey } from "../survey";

/** Per survey: variable → 1 for each respondent whose value differs between the draws. */
const cache = new WeakMap<Survey, Map<string, Uint8Array>>();

/** 1 where the respondent's value of `variable` differs between the reconstructions; undefined without an ensemble or column. */
export function drawnMask(survey: Survey, variable: string): Uint8Array | undefined {
  const draws = survey.draws;
  if (!draws) return undefined;
  let perVariable = cache.get(survey);
  if (!perVariable) {
    perVariable = new Map();
    cache.set(survey, perVariable);
  }
  const known = perVariable.get(variable);
  if (known) return known;
  if (draws.some((d) => !d.table.column(variable))) return undefined;
  const n = survey.table.numRows();
  const mask = new Uint8Array(n);
  const values = draws.map((d) => frameOf(d.table).column(variable));
  const base = values[0] ?? new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = base[i] ?? Number.NaN;
    for (let k = 1; k < values.length; k++) {
      const w = values[k]?.[i] ?? Number.NaN;
      if (!(v === w || (Number.isNaN(v) && Number.isNaN(w)))) {
        mask[i] = 1;
        break;
      }
    }
  }
  perVariable.set(variable, mask);
  return mask;
}

/**
 * "drawn by the reconstruction: size_class for 171 of 248, q3 for 230 of 248" — or "" when none.
 * With `counts: false` (a shared view under the disclosure guard) only the variables are named: the
 * "k of n" would count respondents in a group of 1–2.
 */
export function drawnValuesLine(selection: FilteredSurvey, variables: readonly string[], counts = true): string {
  const rows = selection.view.indices();
  const parts: string[] = [];
  for (const variable of [...new Set(variables)]) {
    const mask = drawnMask(selection.survey, variable);
    if (!mask) continue;
    let k = 0;
    for (const r of rows) k += mask[r] ?? 0;
    if (k > 0) parts.push(counts ? `${variable} for ${k} of ${rows.length}` : variable);
  }
  if (parts.length === 0) return "";
  return `values drawn by the reconstruction: ${parts.join(", ")}${counts ? "" : " (for some of the selected respondents; counts left out in this shared view)"}`;
}

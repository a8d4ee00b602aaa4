/**
 * The filter bar's SurveyFilter (src/data/survey-filter.ts) as the kernels' row conditions, with
 * readable labels for the audit line ("Fylke: Hordaland, Rogaland"). Empty lists mean "all" and
 * give no condition; "has adopted model X" is status code 1 on that model's variable.
 */
import type { SurveyFilter } from "../data/survey-filter";
import { MODEL_NAMES } from "../data/survey-filter";
import { SIZE_CLASSES, countyName } from "../data/counties";
import type { FilterCondition } from "./audit";

/** Conditions for `filterView` / the kernels' `where` option. */
export function whereFromSurveyFilter(filter: SurveyFilter): FilterCondition[] {
  const out: FilterCondition[] = [];
  if (filter.fylke.length) {
    out.push({ variable: "fylke", codes: [...filter.fylke], label: `Fylke: ${filter.fylke.map(countyName).join(", ")}` });
  }
  if (filter.sizeClass.length) {
    const label = (c: number): string => SIZE_CLASSES.find((s) => s.code === c)?.label ?? String(c);
    out.push({ variable: "size_class", codes: [...filter.sizeClass], label: `Size class: ${filter.sizeClass.map(label).join(", ")}` });
  }
  if (filter.respType.length) {
    const label = (t: number): string => (t === 1 ? "kommune" : t === 2 ? "fylkeskommune" : String(t));
    out.push({ variable: "resp_type", codes: [...filter.respType], label: `Type: ${filter.respType.map(label).join(", ")}` });
  }
  for (const model of filter.adopted) {
    out.push({ variable: model, codes: [1], label: `Has introduced ${MODEL_NAMES[model].no} (${model} = 1)` });
  }
  return out;
}

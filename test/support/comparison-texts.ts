/**
 * Every text a crosswalk comparison shows (title, finding, survey measure, rationale, the reason
 * for its threshold or later figure, its restrictions' and groups' labels): what 06 must show in
 * the app's language, and never in the other one.
 */
import type { Comparison } from "../../src/analysis/crosswalk/crosswalk-spec";

/** The texts of `c`, in the language it is worded in. */
export function comparisonTexts(c: Comparison): string[] {
  const m = c.measure;
  const reason = m.kind === "share" ? [m.threshold.why] : m.kind === "diffusion" ? [m.why] : [];
  const labels = [...(m.among ?? []).map((r) => r.label), ...(m.kind === "groups" ? [m.a.label, m.b.label] : [])];
  return [c.title, c.finding, c.surveyMeasure, c.rationale, ...reason, ...labels];
}

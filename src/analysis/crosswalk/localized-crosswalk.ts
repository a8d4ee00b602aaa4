/**
 * The crosswalk in a language: the spec's comparisons (crosswalk-spec.ts: ids, variables, codes,
 * thresholds — what is measured) with their words in that language (crosswalk-nb.ts for norsk).
 * Only the words differ, so a measurement made with one language's comparisons is judged with the
 * other's (the measured draws are kept per frame, not per language: measured-draws-cache.ts).
 * Made once per language, so the same objects come back on every call.
 */
import type { Locale } from "../../base/locale/locale";
import { CROSSWALK, type Comparison, type Measure, type Restriction } from "./crosswalk-spec";
import { CROSSWALK_LABELS_NB, CROSSWALK_NB, type ComparisonWords } from "./crosswalk-nb";

/** A restriction's or group's label in norsk; the spec's own where none is given (a unit test checks there is one for every label). */
function labelNb(label: string): string {
  return CROSSWALK_LABELS_NB.get(label) ?? label;
}

function restrictionsNb(among: readonly Restriction[] | undefined): { among?: Restriction[] } {
  return among ? { among: among.map((r) => ({ ...r, label: labelNb(r.label) })) } : {};
}

/** `m` with its words in norsk: restrictions, groups, and the threshold's (or later figure's) reason. */
function measureNb(m: Measure, words: ComparisonWords): Measure {
  const among = restrictionsNb(m.among);
  switch (m.kind) {
    case "share": return { ...m, ...among, threshold: { ...m.threshold, why: words.why ?? m.threshold.why } };
    case "diffusion": return { ...m, ...among, why: words.why ?? m.why };
    case "groups": return { ...m, ...among, a: { ...m.a, label: labelNb(m.a.label) }, b: { ...m.b, label: labelNb(m.b.label) } };
    default: return { ...m, ...among };
  }
}

function comparisonNb(c: Comparison): Comparison {
  const words = CROSSWALK_NB.get(c.id);
  if (!words) return c;
  return { ...c, title: words.title, finding: words.finding, surveyMeasure: words.surveyMeasure, rationale: words.rationale, measure: measureNb(c.measure, words) };
}

const NB: readonly Comparison[] = CROSSWALK.map(comparisonNb);

/** The crosswalk's comparisons with their words in `locale`, in the spec's order (the same objects on every call). */
export function localizedCrosswalk(locale: Locale): readonly Comparison[] {
  return locale === "nb" ? NB : CROSSWALK;
}

/**
 * The soft targets the report states in words, measured on the reconstruction: size classes vs
 * SSB 1999, gender 83/17, age bands, and the correlations of the stated relations.
 */
import { answer, type Respondent } from "./respondent";
import { MODELS } from "./targets";
import { leadR, sizeAdoptionR, sizeIntranetR } from "./measures";

const round3 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 1000);

/** SSB 1999 kommuner per size class 1–6 (reference README). */
export const SSB_SIZE_CLASSES = [20, 226, 128, 29, 22, 10];

export interface SoftTargets {
  sizeClass: { class: number; respondents: number; kommuner: number; ssbExpected: number }[];
  genderPercent: { men: number; women: number };
  agePercent: { "41-50": number; "51-60": number; other: number };
  /** r(size class, adopted = status 1) over those who answered the status question. */
  sizeVsAdoption: Record<string, number | null>;
  /** r(q30_5, expectation) in raw codes (both 1 = "I stor grad"), "vet ikke" left out. */
  topManagementVsExpectations: Record<string, number | null>;
  /** r(size class, intranet progress = 5 − q9) over those asked q9. */
  sizeVsIntranet: number | null;
}

export function softTargets(people: readonly Respondent[]): SoftTargets {
  const kommuner = people.filter((r) => r.respType === 1);
  const pct = (k: number, n: number): number => Math.round((k / n) * 1000) / 10;
  const ages = people.map((r) => answer(r, "q33")).filter((a): a is number => a !== null);
  const genders = people.map((r) => answer(r, "q32")).filter((g): g is number => g !== null);
  const sizeVsAdoption: Record<string, number | null> = {};
  const topManagementVsExpectations: Record<string, number | null> = {};
  for (const m of MODELS) {
    sizeVsAdoption[m.status] = round3(sizeAdoptionR(people, m.status));
    topManagementVsExpectations[m.expectation] = round3(leadR(people, m.expectation).r);
  }
  return {
    sizeClass: SSB_SIZE_CLASSES.map((ssb, i) => ({
      class: i + 1,
      respondents: people.filter((r) => r.sizeClass === i + 1).length,
      kommuner: kommuner.filter((r) => r.sizeClass === i + 1).length,
      ssbExpected: Math.round((ssb * kommuner.length * 10) / 435) / 10,
    })),
    genderPercent: { men: pct(genders.filter((g) => g === 1).length, genders.length), women: pct(genders.filter((g) => g === 2).length, genders.length) },
    agePercent: {
      "41-50": pct(ages.filter((a) => a >= 41 && a <= 50).length, ages.length),
      "51-60": pct(ages.filter((a) => a >= 51 && a <= 60).length, ages.length),
      other: pct(ages.filter((a) => a < 41 || a > 60).length, ages.length),
    },
    sizeVsAdoption,
    topManagementVsExpectations,
    sizeVsIntranet: round3(sizeIntranetR(people)),
  };
}

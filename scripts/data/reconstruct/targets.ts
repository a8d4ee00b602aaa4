/**
 * The quotas the reconstruction reproduces, transcribed independently from the 1999 report
 * (seed 000_7a6e6f7d2cc5bfc8.txt). They are the builder's own reading of the tables; the residual
 * report then compares the built respondents with `printed-tables.json`, written separately, so a
 * transcription slip on either side shows up as a non-zero residual instead of passing silently.
 *
 * Where the printed figures cannot all be true, the value here is the resolution (and says so).
 */

/** The six models: status variable, area items, result items, expectation item. */
export interface ModelSpec {
  key: "sd" | "st" | "esn" | "ep" | "bms" | "bpr";
  status: string;
  areaPrefix: string;
  resultPrefix: string;
  resultItems: number;
  expectation: string;
}

export const MODELS: readonly ModelSpec[] = [
  { key: "sd", status: "q3", areaPrefix: "q4", resultPrefix: "q5", resultItems: 4, expectation: "q6" },
  { key: "st", status: "q7", areaPrefix: "q8", resultPrefix: "q10", resultItems: 4, expectation: "q11" },
  { key: "esn", status: "q12", areaPrefix: "q13", resultPrefix: "q14", resultItems: 3, expectation: "q15" },
  { key: "ep", status: "q16", areaPrefix: "q17", resultPrefix: "q18", resultItems: 3, expectation: "q19" },
  { key: "bms", status: "q20", areaPrefix: "q21", resultPrefix: "q22", resultItems: 3, expectation: "q23" },
  { key: "bpr", status: "q24", areaPrefix: "q25", resultPrefix: "q26", resultItems: 4, expectation: "q27" },
];

/** Tabell 2.1: counts of status codes 1–4 per model (the rest of N = 267 left the question blank). */
export const STATUS_COUNTS: Record<string, [number, number, number, number]> = {
  q3: [16, 37, 83, 117],
  q7: [60, 26, 84, 86],
  q12: [29, 39, 81, 104],
  q16: [18, 10, 23, 192],
  q20: [18, 16, 33, 181],
  q24: [23, 14, 30, 172],
};

/** Codes of the area grids (Er innført, Under innføring, Planlagt innført, Vet ikke). */
export const AREA_CODES = [1, 2, 3, 9] as const;

/**
 * Tabell 3.1/3.3/3.5/3.7/3.9/3.11: counts per service area (printed order Skole … Sentraladm.)
 * for codes 1, 2, 3, 9. Tabell 2.6 prints the code-1 column again; it agrees with these.
 * Tabell 3.5 Samferdsel prints (13) (20) (20) (47) for 11,5/17,7/41,6/29,2 % of 113: the last two
 * counts are misprinted; 47 and 33 give the printed percentages and the printed total.
 */
export const AREA_COUNTS: Record<string, number[][]> = {
  q4: [[4, 12, 53, 35], [10, 16, 59, 27], [17, 31, 76, 12], [5, 16, 68, 25], [9, 12, 59, 30],
    [8, 19, 62, 23], [4, 4, 30, 46], [3, 6, 40, 42], [6, 9, 41, 41], [8, 6, 61, 28]],
  q8: [[36, 15, 56, 31], [39, 14, 62, 26], [32, 20, 53, 32], [29, 15, 49, 39], [31, 19, 59, 31],
    [44, 17, 73, 16], [32, 12, 43, 39], [31, 12, 62, 30], [44, 19, 68, 19], [55, 17, 79, 11]],
  q13: [[20, 21, 69, 24], [16, 20, 64, 25], [16, 21, 63, 28], [16, 21, 65, 31], [14, 22, 61, 33],
    [18, 21, 73, 21], [13, 20, 47, 33], [18, 22, 64, 24], [25, 26, 68, 17], [28, 29, 70, 16]],
  q17: [[13, 8, 14, 14], [12, 7, 15, 14], [13, 7, 17, 14], [12, 7, 16, 14], [12, 6, 14, 14],
    [12, 6, 16, 14], [9, 5, 10, 18], [12, 4, 11, 15], [12, 6, 13, 15], [13, 6, 17, 10]],
  q21: [[17, 9, 26, 6], [16, 9, 24, 6], [16, 11, 26, 5], [15, 13, 23, 8], [16, 11, 23, 7],
    [16, 8, 24, 7], [14, 7, 21, 12], [15, 5, 22, 12], [17, 10, 23, 7], [18, 8, 29, 5]],
  q25: [[15, 6, 22, 9], [15, 4, 22, 10], [16, 7, 25, 9], [15, 7, 22, 9], [14, 8, 19, 10],
    [18, 4, 25, 10], [13, 3, 13, 14], [13, 3, 13, 15], [16, 5, 16, 12], [19, 5, 25, 8]],
};

/** Codes of the result and expectation items (I stor grad … I liten grad, Uaktuelt/vet ikke). */
export const GRADE_CODES = [1, 2, 3, 4, 9] as const;

/**
 * Tabell 3.2/3.4/3.6/3.8/3.10/3.12: counts per result item for codes 1, 2, 3, 4, 9 ("-" = 0).
 * Tabell 3.4 "Mer samordnet opptreden" prints (8) for 2,8 % in "I liten grad": 2 of 71 gives the
 * printed percentage and the printed total, 8 gives neither.
 */
export const RESULT_COUNTS: Record<string, number[][]> = {
  q5: [[6, 23, 0, 2, 15], [9, 19, 0, 1, 16], [5, 15, 0, 8, 17], [9, 14, 3, 1, 18]],
  q10: [[20, 24, 10, 6, 10], [28, 32, 3, 0, 8], [19, 32, 10, 2, 8], [22, 30, 9, 2, 9]],
  q14: [[3, 16, 8, 4, 14], [12, 21, 1, 0, 13], [5, 19, 4, 0, 16]],
  q18: [[5, 11, 2, 1, 0], [4, 11, 3, 0, 1], [3, 12, 3, 0, 0]],
  q22: [[12, 15, 1, 0, 2], [12, 16, 2, 0, 2], [7, 16, 5, 0, 2]],
  q26: [[10, 11, 2, 0, 3], [9, 13, 1, 0, 4], [6, 12, 4, 0, 5], [11, 13, 0, 0, 3]],
};

/** Tabell 2.4: expectations met, codes 1, 2, 3 (no 4 or "vet ikke" printed). */
export const EXPECTATION_COUNTS: Record<string, number[]> = {
  q6: [1, 18, 6],
  q11: [10, 43, 13],
  q15: [4, 17, 10],
  q19: [2, 12, 4],
  q23: [7, 18, 1],
  q27: [6, 16, 2],
};

/** Tabell 2.2: q1 codes 1–4 (250 answered; "vet ikke" not printed, so the rest is left blank). */
export const ACTIVITY_COUNTS = [26, 125, 88, 11];

/** Tabell 2.7: ticks per q2 box (418 ticks among N = 267). */
export const ANCHORING_COUNTS = [82, 149, 23, 120, 44];

/** Tabell 2.8: ticks per q31 box (298 ticks among N = 267). */
export const INITIATIVE_COUNTS = [52, 230, 8, 8];

/**
 * Tabell 2.5: q28 items, codes 1, 2, 3, 4, 9. Konseptet TQM prints the total (21); its counts add
 * up to 214 and the percentages are of 214, so 21 is a dropped digit.
 */
export const OTHER_MODEL_COUNTS: number[][] = [
  [8, 35, 62, 56, 57],
  [12, 67, 89, 58, 20],
  [25, 102, 71, 24, 14],
  [8, 11, 31, 48, 116],
  [3, 16, 23, 46, 124],
  [2, 1, 10, 30, 168],
  [10, 32, 71, 57, 58],
  [5, 26, 56, 53, 84],
  [5, 27, 56, 51, 72],
];

/**
 * Tabell 2.9: q29 prints only percentages (codes 1, 2, 3, 4, 9) and the number answering.
 * "Arbeidet har for lite støtte blant politikerne" prints N = 255 and percentages summing to
 * 99,6 %: no counts of 255 give all five. Resolution (inconsistency t29-politikere-base): the
 * counts 17, 67, 83, 75, 12 of 254, closest to every printed percentage.
 */
export const BARRIER_PERCENTS: { n: number; percents: number[]; resolved?: number[] }[] = [
  { n: 256, percents: [5.5, 43.0, 32.8, 18.4, 0.4] },
  { n: 251, percents: [10.8, 43.8, 21.9, 8.4, 15.1] },
  { n: 256, percents: [2.7, 15.2, 41.8, 39.5, 0.8] },
  { n: 255, percents: [6.7, 26.3, 32.5, 29.4, 4.7], resolved: [17, 67, 83, 75, 12] },
  { n: 253, percents: [2.8, 31.2, 36.4, 26.9, 2.8] },
  { n: 257, percents: [26.5, 53.7, 15.6, 4.3, 0.0] },
  { n: 245, percents: [3.3, 35.1, 30.6, 16.7, 14.3] },
];

/**
 * q30 is printed only as a chart without numbers (figure after Tabell 2.9); the text gives shares
 * of "I stor / nokså stor grad": users involved "noe over 20 %", resource-demanding "delt på midten,
 * liten overvekt", ICT "under 20 %", training "i overkant av 1/3", top-management decision
 * "om lag 2/3". These counts (codes 1, 2, 3, 4, 5 = uaktuelt/vet ikke; 250 answering) are chosen
 * to satisfy those statements on the valid answers (21.7 %, 52.1 %, 18.9 %, 34.6 %, 66.7 %) and
 * are imputed, not printed.
 */
export const STATEMENT_COUNTS: number[][] = [
  [8, 44, 112, 76, 10],
  [30, 96, 92, 24, 8],
  [9, 36, 88, 105, 12],
  [14, 70, 110, 49, 7],
  [52, 106, 56, 23, 13],
];

/** Intranet (q9), stated in the text as 19 / 22 / 44 / 15 % (codes 1–4) of the q7-eligible. */
export const INTRANET_PERCENTS = [19, 22, 44, 15];

/** Respondent split: kommuner "i underkant av 60 %" of 435, fylkeskommuner 55 % of 18. */
export const FRAME = { kommuner: 257, fylkeskommuner: 10, kommunerTotal: 435, fylkeskommunerTotal: 18 };

/** Gender (q32) 83 % men / 17 % women; age (q33) about half 41–50 and 30 % 51–60. */
export const GENDER_PERCENTS = [83, 17];
export const AGE_BANDS: { min: number; max: number; share: number }[] = [
  { min: 30, max: 40, share: 0.15 },
  { min: 41, max: 50, share: 0.5 },
  { min: 51, max: 60, share: 0.3 },
  { min: 61, max: 66, share: 0.05 },
];

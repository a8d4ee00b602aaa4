/**
 * Fixed chart inputs shared by the chart snapshot tests and `scripts/render-chart-png.ts`: the
 * report's printed figures (Tabell 2.1 counts and percentages, Tabell 2.9 percentages) and small
 * hand-made matrices and size-class rates.
 */
import { statusBars, type StatusBarModel } from "../../../src/analysis/charts/status-bars";
import { divergingBars, type DivergingItem } from "../../../src/analysis/charts/diverging-bars";
import { correlationHeatmap, type HeatmapInput } from "../../../src/analysis/charts/correlation-heatmap";
import { sizeClassRates, type SizeClassRate } from "../../../src/analysis/charts/size-class-rates";

/** Tabell 2.1: counts of codes 1–4 per model, and the printed whole percentages. */
export const TABELL_2_1: StatusBarModel[] = [
  { label: "Serviceerklæringer", counts: [16, 37, 83, 117], printedPercent: [6, 15, 33, 46] },
  { label: "Servicetorg", counts: [60, 26, 84, 86], printedPercent: [23, 10, 33, 34] },
  { label: "Elektronisk servicenettverk", counts: [29, 39, 81, 104], printedPercent: [11, 15, 32, 41] },
  { label: "Etisk prosess", counts: [18, 10, 23, 192], printedPercent: [7, 4, 9, 79] },
  { label: "Balansert målstyring", counts: [18, 16, 33, 181], printedPercent: [7, 6, 13, 73] },
  { label: "Prosessforbedringer/-ombygging (BPR)", counts: [23, 14, 30, 172], printedPercent: [10, 6, 13, 72] },
];

/**
 * Figur 7 (BPR) prints 9,6 / 5,8 / 12,5 / 71,7 % — one respondent more in the base than Tabell 2.1's
 * 23 / 14 / 30 / 172 (inconsistency "bpr-pie-base" in data/survey-1999/inconsistencies.md).
 */
export const FIGUR_7: StatusBarModel[] = [
  { label: "Prosessforbedringer/-ombygging (BPR)", counts: [23, 14, 30, 172], printedPercent: [9.6, 5.8, 12.5, 71.7] },
];

/** Tabell 2.9 (q29_1 … q29_7): printed percentages Helt enig … Helt uenig, Vet ikke, and the printed N. */
export const TABELL_2_9: DivergingItem[] = [
  { label: "Kommunens kompetanse er mangelfull", percents: [5.5, 43.0, 32.8, 18.4], dontKnow: 0.4, n: 256 },
  { label: "Modellene for kvalitetsforbedring er for dårlig tilpasset", percents: [10.8, 43.8, 21.9, 8.4], dontKnow: 15.1, n: 251 },
  { label: "De ansatte er for lite motivert for kvalitetsforbedring av tjenestene", percents: [2.7, 15.2, 41.8, 39.5], dontKnow: 0.8, n: 256 },
  { label: "Arbeidet har for lite støtte blant politikerne", percents: [6.7, 26.3, 32.5, 29.4], dontKnow: 4.7, n: 255 },
  { label: "Etatslederne følger i for liten grad opp", percents: [2.8, 31.2, 36.4, 26.9], dontKnow: 2.8, n: 253 },
  { label: "Har ikke tilstrekkelig med tid til arbeidet", percents: [26.5, 53.7, 15.6, 4.3], dontKnow: 0.0, n: 257 },
  { label: "Arbeidet blir ikke fullført", percents: [3.3, 35.1, 30.6, 16.7], dontKnow: 14.3, n: 245 },
];

/**
 * A hand-made 4 × 4 matrix (the report prints no coefficients): positive and negative r, both marks,
 * and one undefined pair (a constant column) that must print "–".
 */
export const HEATMAP: HeatmapInput = {
  method: "pearson",
  labels: ["Størrelsesklasse", "Serviceerklæringer", "Servicetorg", "BPR"],
  cells: [
    [{ r: 1, n: 267, p: null, mark: "" }, { r: 0.21, n: 253, p: 0.0008, mark: "**" }, { r: 0.34, n: 256, p: 0.00001, mark: "**" }, { r: 0.13, n: 239, p: 0.044, mark: "*" }],
    [{ r: 0.21, n: 253, p: 0.0008, mark: "**" }, { r: 1, n: 253, p: null, mark: "" }, { r: -0.05, n: 250, p: 0.43, mark: "" }, { r: null, n: 236, p: null, mark: "", reason: "BPR is constant" }],
    [{ r: 0.34, n: 256, p: 0.00001, mark: "**" }, { r: -0.05, n: 250, p: 0.43, mark: "" }, { r: 1, n: 256, p: null, mark: "" }, { r: 0.71, n: 238, p: 0.00001, mark: "**" }],
    [{ r: 0.13, n: 239, p: 0.044, mark: "*" }, { r: null, n: 236, p: null, mark: "", reason: "BPR is constant" }, { r: 0.71, n: 238, p: 0.00001, mark: "**" }, { r: 1, n: 239, p: null, mark: "" }],
  ],
};

/**
 * Hand-made adoption rates by size class with 95 % Wilson intervals worked by hand (x of n: 17/110,
 * 20/80, 9/25, 7/15, 8/12); class 1 has only 2 respondents and must be drawn as "n < 3".
 */
export const SIZE_CLASSES: SizeClassRate[] = [
  { sizeClass: 1, label: "0–999", n: 2, rate: 50, lower: 9.45, upper: 90.55 },
  { sizeClass: 2, label: "1000–4999", n: 110, rate: 15.45, lower: 9.88, upper: 23.36 },
  { sizeClass: 3, label: "5000–14999", n: 80, rate: 25.0, lower: 16.81, upper: 35.48 },
  { sizeClass: 4, label: "15000–24999", n: 25, rate: 36.0, lower: 20.25, upper: 55.48 },
  { sizeClass: 5, label: "25000–49999", n: 15, rate: 46.67, lower: 24.81, upper: 69.88 },
  { sizeClass: 6, label: "50000+", n: 12, rate: 66.67, lower: 39.06, upper: 86.19 },
];

/** One rendered fixture chart. */
export interface FixtureChart {
  name: string;
  svg: SVGSVGElement;
}

/**
 * Every fixture chart, rendered with documents from `doc`: linkedom in Node (the snapshots and the
 * PNG script), `() => document` in the browser (the script compares the two).
 */
export function chartFixtures(doc: () => Document): FixtureChart[] {
  return [
    { name: "status-bars", svg: statusBars(TABELL_2_1, { document: doc(), title: "Innføring av de seks modellene – Adoption of the six models", subtitle: "Tabell 2.1, prosent av gyldige svar" }) },
    { name: "status-bars-printed", svg: statusBars(TABELL_2_1, { document: doc(), mode: "printed-vs-recomputed", title: "Trykt mot beregnet – Printed vs recomputed (Tabell 2.1)" }) },
    { name: "status-bars-figur7", svg: statusBars(FIGUR_7, { document: doc(), mode: "printed-vs-recomputed", decimals: 1, title: "Figur 7 mot Tabell 2.1 – Figure 7 vs Table 2.1 (BPR)", note: "Figur 7 deler på 240 svar, tabellen på 239." }) },
    { name: "diverging-bars", svg: divergingBars(TABELL_2_9, { document: doc(), title: "Barrierer i kvalitetsarbeidet – Barriers to quality work", subtitle: "Tabell 2.9, prosent av svar" }) },
    { name: "correlation-heatmap", svg: correlationHeatmap(HEATMAP, { document: doc(), title: "Korrelasjoner – Correlations (illustrativt)" }) },
    { name: "size-class-rates", svg: sizeClassRates(SIZE_CLASSES, { document: doc(), title: "Innført etter størrelse – Adoption by size", intervalLabel: "95 % Wilson-intervall", overall: 22.5, yLabel: "Har innført (%)" }) },
  ];
}

/**
 * The 19 counties (fylker) of Norway on 1 January 1999, by county number. Number 13 (Bergen) had
 * been merged into Hordaland in 1972, so it is absent. Source: SSB's municipality list in
 * `data/reference/` (credit: Statistisk sentralbyrå).
 */
export const COUNTIES_1999: ReadonlyArray<{ fylke: number; name: string }> = [
  { fylke: 1, name: "Østfold" },
  { fylke: 2, name: "Akershus" },
  { fylke: 3, name: "Oslo" },
  { fylke: 4, name: "Hedmark" },
  { fylke: 5, name: "Oppland" },
  { fylke: 6, name: "Buskerud" },
  { fylke: 7, name: "Vestfold" },
  { fylke: 8, name: "Telemark" },
  { fylke: 9, name: "Aust-Agder" },
  { fylke: 10, name: "Vest-Agder" },
  { fylke: 11, name: "Rogaland" },
  { fylke: 12, name: "Hordaland" },
  { fylke: 14, name: "Sogn og Fjordane" },
  { fylke: 15, name: "Møre og Romsdal" },
  { fylke: 16, name: "Sør-Trøndelag" },
  { fylke: 17, name: "Nord-Trøndelag" },
  { fylke: 18, name: "Nordland" },
  { fylke: 19, name: "Troms" },
  { fylke: 20, name: "Finnmark" },
];

/**
 * The five landsdeler (regions) of SSB's standard, by county number: Østlandet 01–08, Sørlandet
 * 09–10, Vestlandet 11–15, Trøndelag 16–17, Nord-Norge 18–20 (as data/demo's `landsdel` column).
 */
export const LANDSDELER: ReadonlyArray<{ name: string; fylker: readonly number[] }> = [
  { name: "Østlandet", fylker: [1, 2, 3, 4, 5, 6, 7, 8] },
  { name: "Sørlandet", fylker: [9, 10] },
  { name: "Vestlandet", fylker: [11, 12, 14, 15] },
  { name: "Trøndelag", fylker: [16, 17] },
  { name: "Nord-Norge", fylker: [18, 19, 20] },
];

/** County name for a number, or "fylke N" when unknown. */
export function countyName(fylke: number): string {
  return COUNTIES_1999.find((c) => c.fylke === fylke)?.name ?? `fylke ${fylke}`;
}

/** The size classes of the questionnaire (q34) and of SSB's grouping, 1–6. */
export const SIZE_CLASSES: ReadonlyArray<{ code: number; label: string }> = [
  { code: 1, label: "0–999" },
  { code: 2, label: "1 000–4 999" },
  { code: 3, label: "5 000–14 999" },
  { code: 4, label: "15 000–24 999" },
  { code: 5, label: "25 000–49 999" },
  { code: 6, label: "50 000 +" },
];

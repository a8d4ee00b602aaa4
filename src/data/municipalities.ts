/**
 * Norway's 435 kommuner and 18 fylkeskommuner of 1 January 1999, as bundled in
 * `data/survey-1999/municipalities.csv` (built by `scripts/data/build-municipalities.ts` from SSB's
 * lists; credit: Statistisk sentralbyrå). Pure: parses the CSV text, looks rows up by
 * kommunenummer and maps populations to the six size classes of the questionnaire (q34).
 */
import { COUNTIES_1999, countyName } from "./counties";
import { parseRecordsCsv, type CsvFieldError } from "./parse-records-csv";

/** Credit line required by SSB's open-data terms (NLOD / CC BY 4.0). */
export const MUNICIPALITIES_SOURCE_CREDIT = "Statistisk sentralbyrå";

/** The CSV header, in order. */
export const MUNICIPALITY_COLUMNS = [
  "knr", "name", "fylke", "fylke_name", "population_1999", "pop_status", "size_class", "resp_type",
] as const;

/** Size class 1–6 (q34 and SSB's grouping). */
export type SizeClass = 1 | 2 | 3 | 4 | 5 | 6;

/** 1 kommune, 2 fylkeskommune (the derived variable `resp_type`). */
export type RespType = 1 | 2;

/** Population bands of the six size classes (inclusive bounds; the last is open-ended). */
export const SIZE_CLASS_BANDS: ReadonlyArray<{ sizeClass: SizeClass; min: number; max: number }> = [
  { sizeClass: 1, min: 0, max: 999 },
  { sizeClass: 2, min: 1000, max: 4999 },
  { sizeClass: 3, min: 5000, max: 14999 },
  { sizeClass: 4, min: 15000, max: 24999 },
  { sizeClass: 5, min: 25000, max: 49999 },
  { sizeClass: 6, min: 50000, max: Number.POSITIVE_INFINITY },
];

/** Number of kommuner per county on 1 January 1999 (SSB KLASS 131, version 1995–2001). */
export const KOMMUNER_PER_COUNTY_1999: Readonly<Record<number, number>> = {
  1: 18, 2: 22, 3: 1, 4: 22, 5: 26, 6: 21, 7: 15, 8: 18, 9: 15, 10: 15, 11: 26, 12: 34,
  14: 26, 15: 38, 16: 25, 17: 24, 18: 45, 19: 25, 20: 19,
};

/**
 * The fylkeskommuner of 1999: one per county except Oslo (03), where the kommune also carries the
 * county tasks and has no separate fylkeskommune. 19 counties − Oslo = 18.
 */
export const FYLKESKOMMUNE_COUNTIES_1999: readonly number[] = COUNTIES_1999
  .map((c) => c.fylke)
  .filter((f) => f !== 3);

/** One row of municipalities.csv. */
export interface Municipality {
  /** 4-digit kommunenummer; fylkeskommuner are fylke × 100 ("0700"). */
  knr: string;
  name: string;
  fylke: number;
  fylkeName: string;
  population1999: number;
  /** How the population was obtained (see the reference README), or "county_sum" for fylkeskommuner. */
  popStatus: string;
  sizeClass: SizeClass;
  respType: RespType;
}

/** The size class a population falls in. */
export function sizeClassOf(population: number): SizeClass {
  const band = SIZE_CLASS_BANDS.find((b) => population >= b.min && population <= b.max);
  return band ? band.sizeClass : 1;
}

/** Pads a printed kommunenummer ("420", "0420", 700) to four digits; undefined when it is not 1–4 digits. */
export function normalizeKnr(value: string | number): string | undefined {
  const s = String(value).trim();
  return /^\d{1,4}$/.test(s) ? s.padStart(4, "0") : undefined;
}

/** County number of a kommunenummer (its first two digits). */
export function fylkeOfKnr(knr: string): number {
  return Number(knr.slice(0, 2));
}

/** Type guard for a size class 1–6. */
export function isSizeClass(n: number): n is SizeClass {
  return Number.isInteger(n) && n >= 1 && n <= 6;
}

function isRespType(n: number): n is RespType {
  return n === 1 || n === 2;
}

/**
 * Parses municipalities.csv text. Returns the rows that are valid and one error per bad field;
 * never throws for data problems.
 */
export function parseMunicipalitiesCsv(text: string): { rows: Municipality[]; errors: CsvFieldError[] } {
  return parseRecordsCsv(text, MUNICIPALITY_COLUMNS, (rec, bad): Municipality | undefined => {
    const knr = normalizeKnr(rec.knr ?? "");
    const fylke = Number(rec.fylke);
    const population = Number(rec.population_1999);
    const sizeClass = Number(rec.size_class);
    const respType = Number(rec.resp_type);
    if (!knr) return bad("knr", `"${rec.knr ?? ""}" is not a kommunenummer; use 1–4 digits such as 0420`);
    if (!Number.isInteger(fylke) || fylke < 1 || fylke > 20) return bad("fylke", `"${rec.fylke ?? ""}" is not a county number 1–20`);
    if (!Number.isFinite(population) || population < 0) return bad("population_1999", `"${rec.population_1999 ?? ""}" is not a population count`);
    if (!isSizeClass(sizeClass)) return bad("size_class", `"${rec.size_class ?? ""}" is not a size class 1–6`);
    if (!isRespType(respType)) return bad("resp_type", `"${rec.resp_type ?? ""}" must be 1 (kommune) or 2 (fylkeskommune)`);
    return { knr, name: rec.name ?? "", fylke, fylkeName: rec.fylke_name || countyName(fylke), population1999: population, popStatus: rec.pop_status ?? "", sizeClass, respType };
  });
}

/** Index by kommunenummer, for repeated lookups. */
export function indexByKnr(rows: readonly Municipality[]): ReadonlyMap<string, Municipality> {
  return new Map(rows.map((r) => [r.knr, r]));
}

/** Looks a printed kommunenummer ("420" or "0420") up in an index. */
export function lookupKnr(index: ReadonlyMap<string, Municipality>, knr: string | number): Municipality | undefined {
  const k = normalizeKnr(knr);
  return k === undefined ? undefined : index.get(k);
}

/** Rows per size class (1–6) among the given rows. */
export function sizeClassDistribution(rows: readonly Municipality[]): Record<SizeClass, number> {
  const out: Record<SizeClass, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 };
  for (const r of rows) out[r.sizeClass] += 1;
  return out;
}

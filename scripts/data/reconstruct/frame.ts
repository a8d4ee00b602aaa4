/**
 * The respondent frame: who answered. Named adopters keep their real kommunenummer, county and
 * size class; the other kommuner are anonymous, their county and size class drawn (stratified by
 * size class) from the SSB kommuner not named in the report; the fylkeskommuner not named are
 * drawn from the counties without a named one. Nobody anonymous gets a name or a number.
 */
import type { Rng } from "./prng";
import { apportion } from "./apportion";
import { shuffle } from "./shuffle";
import type { Respondent } from "./respondent";
import type { AdopterRow, Municipality } from "./sources";

/** The 18 counties with a fylkeskommune in 1999 (Oslo is its own; 13 was no longer used). */
export const FYLKESKOMMUNE_COUNTIES = [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20];

export interface FrameOptions {
  kommuner: number;
  fylkeskommuner: number;
  /** Kommunenummer printed as respondents without a listing (Tabell V2.1 only). */
  listed?: readonly string[];
}

function blank(index: number): Omit<Respondent, "respType" | "fylke" | "sizeClass" | "knr" | "name" | "identityImputed"> {
  return { index, respId: 0, answers: new Map(), fixed: new Map(), printedSizeCodes: [] };
}

/** Build the frame of respondents with shuffled ids. Throws when the named set cannot fit. */
export function buildFrame(
  municipalities: readonly Municipality[],
  adopters: readonly AdopterRow[],
  options: FrameOptions,
  rng: Rng,
): Respondent[] {
  const byKnr = new Map(municipalities.map((m) => [m.knr, m]));
  // 1. Named respondents, one per kommunenummer, in kommunenummer order (stable).
  const namedKnr = [...new Set([...adopters.map((a) => a.knr), ...(options.listed ?? [])])].sort();
  const people: Respondent[] = [];
  for (const knr of namedKnr) {
    const rows = adopters.filter((a) => a.knr === knr);
    const first = rows[0];
    const ref = byKnr.get(knr);
    const isCounty = first?.respType === 2 || (ref === undefined && knr.endsWith("00"));
    if (!isCounty && ref === undefined) {
      throw new Error(`adopters.csv / respondent-list.csv: kommunenummer ${knr} is not among SSB's 1999 kommuner. Fix the knr.`);
    }
    const identity = isCounty || ref === undefined
      ? { respType: 2 as const, fylke: Math.floor(Number(knr) / 100), sizeClass: 6, name: first?.name ?? `Fylkeskommune ${knr}` }
      : { respType: 1 as const, fylke: ref.fylke, sizeClass: ref.sizeClass, name: ref.name };
    const r: Respondent = { ...blank(people.length), ...identity, knr, identityImputed: false };
    for (const row of rows) {
      r.fixed.set(row.model, row.status);
      if (row.sizeCodePrinted !== null) r.printedSizeCodes.push(row.sizeCodePrinted);
    }
    people.push(r);
  }
  const namedKommuner = people.filter((p) => p.respType === 1).length;
  const namedCounties = people.filter((p) => p.respType === 2).length;
  if (namedKommuner > options.kommuner || namedCounties > options.fylkeskommuner) {
    throw new Error(`The report names ${namedKommuner} kommuner and ${namedCounties} fylkeskommuner, more than the frame of ` +
      `${options.kommuner} + ${options.fylkeskommuner}. Raise the frame sizes.`);
  }
  // 2. Anonymous kommuner: stratified by SSB size class so the respondents mirror SSB 1999.
  const classes = [1, 2, 3, 4, 5, 6];
  const ssb = classes.map((c) => municipalities.filter((m) => m.sizeClass === c).length);
  const target = apportion(options.kommuner, ssb);
  const namedByClass = classes.map((c) => people.filter((p) => p.respType === 1 && p.sizeClass === c).length);
  const pools = classes.map((c) => municipalities.filter((m) => m.sizeClass === c && !namedKnr.includes(m.knr)));
  const need = target.map((t, i) => Math.max(0, t - (namedByClass[i] ?? 0)));
  const draw = apportion(options.kommuner - namedKommuner, need.map((n) => n + 1e-9), pools.map((p) => p.length));
  const kommuneRng = rng.fork("frame:kommuner");
  classes.forEach((c, i) => {
    const picked = shuffle(pools[i] ?? [], kommuneRng).slice(0, draw[i] ?? 0);
    picked.sort((a, b) => a.knr.localeCompare(b.knr));
    for (const m of picked) {
      people.push({ ...blank(people.length), respType: 1, fylke: m.fylke, sizeClass: c, knr: null, name: null, identityImputed: true });
    }
  });
  // 3. Anonymous fylkeskommuner from the counties without a named one.
  const namedCountyFylker = new Set(people.filter((p) => p.respType === 2).map((p) => p.fylke));
  const countyPool = FYLKESKOMMUNE_COUNTIES.filter((f) => !namedCountyFylker.has(f));
  const counties = shuffle(countyPool, rng.fork("frame:fylkeskommuner"))
    .slice(0, options.fylkeskommuner - namedCounties)
    .sort((a, b) => a - b);
  for (const f of counties) {
    people.push({ ...blank(people.length), respType: 2, fylke: f, sizeClass: 6, knr: null, name: null, identityImputed: true });
  }
  // 4. Shuffled respondent numbers.
  const ids = shuffle(people.map((_, i) => i + 1), rng.fork("frame:ids"));
  people.forEach((p, i) => (p.respId = ids[i] ?? 0));
  return people;
}

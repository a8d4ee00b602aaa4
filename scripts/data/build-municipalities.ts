/**
 * Builds the municipality and named-adopter files of the 1999 survey, deterministically:
 *
 *   data/reference/kommuner_1999_folkemengde_storrelsesklasse.csv  (SSB, 435 kommuner)
 *   scripts/data/adopters-source.ts                                     (hand transcription, seed lines)
 *     → data/survey-1999/municipalities.csv   435 kommuner + 18 fylkeskommuner
 *     → data/survey-1999/adopters.csv         one row per municipality × listing
 *     → data/survey-1999/respondent-list.csv  kommunenummer printed in Tabell V2.1
 *     → data/survey-1999/adopters-discrepancies.md
 *
 * Run: `npx tsx scripts/data/build-municipalities.ts` (or `--check` to compare without writing).
 * Fails with a message naming the listing and seed line when a transcribed kommunenummer does not
 * exist in 1999.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { COUNTIES_1999, countyName } from "../../src/data/counties";
import { FYLKESKOMMUNE_COUNTIES_1999, fylkeOfKnr, isSizeClass, type Municipality } from "../../src/data/municipalities";
import { LISTINGS, TABELL_2_3, TWO_MODEL_LIST, TABELL_V2_1, type ProfileRow } from "./adopters-source";
import { renderDiscrepancies } from "./adopters-discrepancies";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const REFERENCE = resolve(ROOT, "data/reference/kommuner_1999_folkemengde_storrelsesklasse.csv");
export const OUT_DIR = join(ROOT, "data/survey-1999");

/** Quotes a CSV field when it holds a comma, quote or line break (RFC 4180). */
function csvField(v: string | number | null): string {
  const s = v === null ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header.join(","), ...rows.map((r) => r.map(csvField).join(","))].join("\n") + "\n";
}

/** Reads SSB's 435 kommuner; throws with the file and the fix when a row is malformed. */
export function readReference(path: string): Municipality[] {
  if (!existsSync(path)) throw new Error(`${path} is missing: the SSB reference copy data/reference is missing from the repo.`);
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, "utf8").replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
  return parsed.data.map((r, i) => {
    const population = Number(r.folkemengde_1999_best);
    const size = Number(r.size_class);
    if (!Number.isInteger(population) || !isSizeClass(size)) {
      throw new Error(`${path} row ${i + 2}: population "${r.folkemengde_1999_best ?? ""}" or size_class "${r.size_class ?? ""}" is not valid.`);
    }
    return {
      knr: r.kommunenummer ?? "",
      name: r.kommunenavn ?? "",
      fylke: Number(r.fylkesnummer),
      fylkeName: r.fylkesnavn ?? "",
      population1999: population,
      popStatus: r.pop_status ?? "",
      sizeClass: size,
      respType: 1,
    };
  });
}

/** The 18 fylkeskommuner: knr fylke×100, population = county total, size class 6 (as they ticked it). */
export function fylkeskommuner(kommuner: readonly Municipality[]): Municipality[] {
  return FYLKESKOMMUNE_COUNTIES_1999.map((fylke) => ({
    knr: String(fylke * 100).padStart(4, "0"),
    name: `${countyName(fylke)} fylkeskommune`,
    fylke,
    fylkeName: countyName(fylke),
    population1999: kommuner.filter((k) => k.fylke === fylke).reduce((s, k) => s + k.population1999, 0),
    popStatus: "county_sum",
    sizeClass: 6,
    respType: 2,
  }));
}

function profileRows(source: string, rows: readonly ProfileRow[], index: ReadonlyMap<string, Municipality>): string[][] {
  const out: string[][] = [];
  for (const p of rows) {
    const m = index.get(p.knr);
    if (!m) throw new Error(`adopters-source.ts: ${source} row "${p.printed}" (seed line ${p.line}) has kommunenummer ${p.knr}, which did not exist in 1999.`);
    const n = p.models.length;
    for (const model of [...p.models, ...p.others]) {
      out.push([m.knr, m.name, String(m.fylke), m.fylkeName, "", String(m.sizeClass), String(m.respType), model, source, "1",
        `n_models=${n}; printed '${p.printed}'; seed line ${p.line}`]);
    }
  }
  return out;
}

/** All adopter rows, in source order: Tabell 4.1–4.15, then Tabell 2.3, then the two-model list. */
export function adopterRows(index: ReadonlyMap<string, Municipality>): string[][] {
  const out: string[][] = [];
  for (const l of LISTINGS) {
    for (const [knr, printed, line, size, sizeLine] of l.entries) {
      const m = index.get(knr);
      if (!m) throw new Error(`adopters-source.ts: Tabell ${l.table} entry "${printed}" (seed line ${line}) has kommunenummer ${knr}, which did not exist in 1999. Fix the transcription.`);
      if (fylkeOfKnr(knr) !== m.fylke) throw new Error(`adopters-source.ts: ${knr} is filed under the wrong county.`);
      const notes = [`printed '${printed}'`, `seed line ${line}`];
      if (sizeLine !== null) notes.push(size === null ? `size cell blank (line ${sizeLine})` : `size code line ${sizeLine}`);
      if (size !== null && m.respType === 1 && size !== m.sizeClass) notes.push(`printed size ${size} differs from SSB class ${m.sizeClass}`);
      out.push([m.knr, m.name, String(m.fylke), m.fylkeName, size === null ? "" : String(size), String(m.sizeClass),
        String(m.respType), l.variable, l.table, String(l.status), notes.join("; ")]);
    }
  }
  out.push(...profileRows("2.3", TABELL_2_3.rows, index));
  out.push(...profileRows("text:two-models", TWO_MODEL_LIST.rows, index));
  return out;
}

/** Every output file's text, keyed by file name; pure given the reference file. */
export function buildFiles(referencePath: string = REFERENCE): Record<string, string> {
  const kommuner = readReference(referencePath);
  if (kommuner.length !== 435) throw new Error(`${referencePath}: expected 435 kommuner, found ${kommuner.length}.`);
  if (COUNTIES_1999.length !== 19) throw new Error("src/data/counties.ts: expected 19 counties of 1999.");
  const all = [...kommuner, ...fylkeskommuner(kommuner)].sort((a, b) => a.knr.localeCompare(b.knr));
  const index = new Map(all.map((m) => [m.knr, m]));
  return {
    "municipalities.csv": csv(
      ["knr", "name", "fylke", "fylke_name", "population_1999", "pop_status", "size_class", "resp_type"],
      all.map((m) => [m.knr, m.name, m.fylke, m.fylkeName, m.population1999, m.popStatus, m.sizeClass, m.respType]),
    ),
    "adopters.csv": csv(
      ["knr", "name", "fylke", "fylke_name", "size_code_printed", "size_class_ssb", "resp_type", "model", "source_table", "status", "note"],
      adopterRows(index),
    ),
    "respondent-list.csv": csv(
      ["knr", "seed_line"],
      TABELL_V2_1.rows.map(([knr, line]) => {
        const k = knr.padStart(4, "0");
        if (!index.has(k)) throw new Error(`adopters-source.ts: Tabell V2.1 kommunenummer ${knr} (seed line ${line}) did not exist in 1999.`);
        return [k, line];
      }),
    ),
    "adopters-discrepancies.md": renderDiscrepancies(index),
  };
}

/** Writes the files (or, with --check, only reports which differ from a fresh build). */
function main(): void {
  const check = process.argv.includes("--check");
  const files = buildFiles();

  mkdirSync(OUT_DIR, { recursive: true });
  let stale = 0;
  for (const [name, text] of Object.entries(files)) {
    const path = join(OUT_DIR, name);
    const same = existsSync(path) && readFileSync(path, "utf8") === text;
    if (check) {
      if (!same) { stale += 1; console.error(`${name}: differs from a fresh build; run without --check to rewrite it.`); }
    } else if (!same) {
      writeFileSync(path, text, "utf8");
    }
    console.log(`${name}: ${text.split("\n").length - 2} rows${check ? (same ? " (up to date)" : " (STALE)") : ""}`);
  }
  if (stale > 0) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

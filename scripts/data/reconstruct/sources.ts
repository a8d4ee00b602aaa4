/**
 * Reads the build's inputs from disk: SSB's 435 municipalities of 1999 (reference folder) and the
 * appendix's named adopters (`data/survey-1999/adopters.csv`). Errors name the file and the fix.
 */
import { readFileSync, existsSync } from "node:fs";
import Papa from "papaparse";

export interface Municipality {
  knr: string;
  name: string;
  fylke: number;
  population: number;
  sizeClass: number;
}

export interface AdopterRow {
  knr: string;
  name: string;
  fylke: number;
  respType: 1 | 2;
  /** Status variable (q3 … q24) or q28 item (q28_1 … q28_9). */
  model: string;
  status: number;
  sizeClassSsb: number | null;
  /** Size code printed in Tabell 4.1–4.6 (blank for lists without one). */
  sizeCodePrinted: number | null;
  sourceTable: string;
}

function readCsv(path: string): Record<string, string>[] {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing. Run the step that writes it (see docs/data/reconstruction.md) first.`);
  }
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new Error(`${path}: CSV error on row ${e?.row ?? "?"}: ${e?.message ?? "unknown"}. Fix the file.`);
  }
  return parsed.data;
}

function int(value: string | undefined, what: string): number {
  const n = Number.parseInt(value ?? "", 10);
  if (!Number.isFinite(n)) throw new Error(`${what}: expected a whole number, got "${value ?? ""}".`);
  return n;
}

/** SSB's 435 kommuner of 1 January 1999 with county and size class. */
export function readMunicipalities(path: string): Municipality[] {
  return readCsv(path).map((row, i) => ({
    knr: row.kommunenummer ?? "",
    name: row.kommunenavn ?? "",
    fylke: int(row.fylkesnummer, `${path} row ${i + 2} fylkesnummer`),
    population: int(row.folkemengde_1999_best, `${path} row ${i + 2} folkemengde_1999_best`),
    sizeClass: int(row.size_class, `${path} row ${i + 2} size_class`),
  }));
}

/** The named adopters, one row per (municipality, model) listing. */
export function readAdopters(path: string): AdopterRow[] {
  // Only listings that fix an answer: the six status variables and the q28 "I stor grad" items
  // (profile rows of Tabell 2.3 / the two-model list repeat facts the listings already hold).
  const answerModel = /^(q3|q7|q12|q16|q20|q24|q28_[1-9])$/;
  return readCsv(path).filter((row) => answerModel.test((row.model ?? "").trim())).map((row, i) => {
    const where = `${path} row ${i + 2}`;
    const knr = (row.knr ?? "").trim().padStart(4, "0");
    const respType = int(row.resp_type, `${where} resp_type`);
    const size = Number.parseInt(row.size_class_ssb ?? "", 10);
    const printedSize = Number.parseInt(row.size_code_printed ?? "", 10);
    return {
      knr,
      name: (row.name ?? "").trim(),
      fylke: int(row.fylke, `${where} fylke`),
      respType: respType === 2 ? 2 : 1,
      model: (row.model ?? "").trim(),
      status: int(row.status, `${where} status`),
      sizeClassSsb: Number.isFinite(size) ? size : null,
      sizeCodePrinted: Number.isFinite(printedSize) ? printedSize : null,
      sourceTable: (row.source_table ?? "").trim(),
    };
  });
}

/** Kommunenummer of respondents printed in Tabell V2.1 (`respondent-list.csv`, column knr). */
export function readRespondentList(path: string): string[] {
  return readCsv(path).map((row) => (row.knr ?? "").trim().padStart(4, "0")).filter((k) => /^\d{4}$/.test(k));
}

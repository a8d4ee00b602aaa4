/**
 * The report's named adopters (`data/survey-1999/adopters.csv`): one row per municipality and
 * listing — Tabell 4.1–4.6 (six models, status 1 "Har allerede innført"), Tabell 4.7–4.15 (q28
 * items, status 1 "I stor grad"), Tabell 2.3 and the two-model list of chapter 2. Pure: parses the
 * CSV text and answers "which models has this municipality introduced according to the report".
 */
import { normalizeKnr } from "./municipalities";
import { isModelStatusVariable } from "./six-models";
import { parseRecordsCsv, type CsvFieldError } from "./parse-records-csv";

/** The CSV header, in order (team contract). */
export const ADOPTER_COLUMNS = [
  "knr", "name", "fylke", "fylke_name", "size_code_printed", "size_class_ssb", "resp_type",
  "model", "source_table", "status", "note",
] as const;


/** Appendix table of each of the six models and of each q28 item (questionnaire order). */
export const LISTING_TABLE_OF: Readonly<Record<string, string>> = {
  q3: "4.1", q7: "4.2", q12: "4.3", q16: "4.4", q20: "4.5", q24: "4.6",
  q28_1: "4.7", q28_2: "4.8", q28_3: "4.9", q28_4: "4.10", q28_5: "4.11",
  q28_6: "4.12", q28_7: "4.13", q28_8: "4.14", q28_9: "4.15",
};

/** source_table of Tabell 2.3 rows and of the two-model list in chapter 2. */
export const PROFILE_SOURCES = { threeOrMore: "2.3", twoModels: "text:two-models" } as const;

/** One row of adopters.csv. */
export interface AdopterRow {
  knr: string;
  name: string;
  fylke: number;
  fylkeName: string;
  /** Size code printed next to the name in Tabell 4.1–4.6; null when blank or not printed. */
  sizeCodePrinted: number | null;
  sizeClassSsb: number;
  respType: 1 | 2;
  /** q3 … q24 or q28_1 … q28_9. */
  model: string;
  sourceTable: string;
  status: number;
  note: string;
}

/** True for q28_1 … q28_9. */
export function isOtherModel(model: string): boolean {
  return /^q28_[1-9]$/.test(model);
}

/** Parses adopters.csv text; never throws for data problems. */
export function parseAdoptersCsv(text: string): { rows: AdopterRow[]; errors: CsvFieldError[] } {
  return parseRecordsCsv(text, ADOPTER_COLUMNS, (rec, bad): AdopterRow | undefined => {
    const knr = normalizeKnr(rec.knr ?? "");
    const model = rec.model ?? "";
    const respType = Number(rec.resp_type);
    const status = Number(rec.status);
    const printed = (rec.size_code_printed ?? "").trim();
    if (!knr) return bad("knr", `"${rec.knr ?? ""}" is not a kommunenummer; use 4 digits such as 0420`);
    if (!isModelStatusVariable(model) && !isOtherModel(model)) return bad("model", `"${model}" is neither q3/q7/q12/q16/q20/q24 nor q28_1…q28_9`);
    if (respType !== 1 && respType !== 2) return bad("resp_type", `"${rec.resp_type ?? ""}" must be 1 (kommune) or 2 (fylkeskommune)`);
    if (!Number.isInteger(status)) return bad("status", `"${rec.status ?? ""}" is not a response code`);
    if (printed !== "" && !/^[1-6]$/.test(printed)) return bad("size_code_printed", `"${printed}" is not a size code 1–6 or blank`);
    return {
      knr,
      name: rec.name ?? "",
      fylke: Number(rec.fylke),
      fylkeName: rec.fylke_name ?? "",
      sizeCodePrinted: printed === "" ? null : Number(printed),
      sizeClassSsb: Number(rec.size_class_ssb),
      respType,
      model,
      sourceTable: rec.source_table ?? "",
      status,
      note: rec.note ?? "",
    };
  });
}

/** Rows grouped by kommunenummer, in first-seen order. */
export function groupByMunicipality(rows: readonly AdopterRow[]): Map<string, AdopterRow[]> {
  const out = new Map<string, AdopterRow[]>();
  for (const r of rows) {
    const list = out.get(r.knr);
    if (list) list.push(r);
    else out.set(r.knr, [r]);
  }
  return out;
}

/**
 * Models (or q28 items) per municipality, taken from the given source tables only — e.g. the
 * Tabell 4.x lists, so that the count can be compared with Tabell 2.3. Models sorted in
 * questionnaire order.
 */
export function modelsPerMunicipality(
  rows: readonly AdopterRow[],
  sources: readonly string[],
  which: "six" | "other" = "six",
): Map<string, string[]> {
  const keep = (m: string): boolean => (which === "six" ? isModelStatusVariable(m) : isOtherModel(m));
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!sources.includes(r.sourceTable) || !keep(r.model)) continue;
    const set = out.get(r.knr) ?? new Set<string>();
    set.add(r.model);
    out.set(r.knr, set);
  }
  const order = Object.keys(LISTING_TABLE_OF);
  return new Map([...out].map(([k, s]) => [k, [...s].sort((a, b) => order.indexOf(a) - order.indexOf(b))]));
}

/** The kommunenummer listed in one source table, in printed order. */
export function knrsInTable(rows: readonly AdopterRow[], sourceTable: string): string[] {
  return rows.filter((r) => r.sourceTable === sourceTable).map((r) => r.knr);
}

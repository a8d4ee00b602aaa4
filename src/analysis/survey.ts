/**
 * The survey as notebooks see it: the respondents as an Arquero table (read through the loaders'
 * CSV loader, so the validation report comes along), the codebook, the report's printed tables,
 * the named adopters of the Vedlegg, and a plain statement of where the respondents come from.
 *
 * The bundled respondents are a reconstruction from the report's published aggregates, so every
 * Survey carries `reconstructed` and a `notice` that notebooks show next to their N. A user's own
 * file (CSV, card image, .sav) goes through `surveyFromLoad` and is marked as not reconstructed.
 */
import type { ColumnTable } from "arquero";
import type { Codebook } from "../data/codebook";
import { parseAdoptersCsv, type AdopterRow } from "../data/adopters";
import { loadCsv } from "../data/load-csv";
import type { LoadResult, ValidationReport } from "../data/load-result";
import { parseCodebook } from "../data/parse-codebook";
import { parsePrintedTables, type PrintedTables } from "../data/printed-tables";

/** Where the bundled files are, relative to the app (browser) or repository (Node) root. */
export const SURVEY_PATHS = {
  codebook: "data/survey-1999/codebook.json",
  respondents: "data/survey-1999/respondents.csv",
  printed: "data/survey-1999/printed-tables.json",
  adopters: "data/survey-1999/adopters.csv",
} as const;

/** The notice every view of the bundled respondents shows. */
export const RECONSTRUCTION_NOTICE =
  "Bundled respondents are a reconstruction from published aggregates, not the original 1999 microdata.";

/** The part of the runtime's StdlibHost that loading needs. */
export interface SurveyHost {
  readText(path: string): Promise<string>;
  readBytes?(path: string): Promise<Uint8Array>;
}

/** One respondent as a plain object: variable name → code (number), text, or null when blank. */
export type SurveyRow = Readonly<Record<string, unknown>>;

export interface Survey {
  /** Respondents, one row each, columns named after the codebook. */
  table: ColumnTable;
  /** The same respondents as plain objects (for the filter predicate and small lists). */
  rows: SurveyRow[];
  codebook: Codebook;
  /** The report's printed tables; null for a user's own file when none were given. */
  printed: PrintedTables | null;
  /** The named adopters of the Vedlegg (Tabell 4.1–4.15, 2.3); empty when not loaded. */
  adopters: AdopterRow[];
  /** What the loader found wrong with the respondents file. */
  validation: ValidationReport;
  /** True for the bundled reconstruction, false for a user's own file. */
  reconstructed: boolean;
  /** One sentence on where the respondents come from, for every view to show. */
  notice: string;
  /** File name the respondents came from. */
  source: string;
  /** A small JSON picture (headless runs print this instead of every row). */
  toJSON(): Record<string, unknown>;
}

/** Loading failed; the message names the file and says what to do. */
export class SurveyLoadError extends Error {
  override readonly name = "SurveyLoadError";
  readonly path: string;
  constructor(path: string, problem: string, fix: string) {
    super(`${path}: ${problem} Fix: ${fix}`);
    this.path = path;
  }
}

async function read(host: SurveyHost, path: string): Promise<string> {
  try {
    return await host.readText(path);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new SurveyLoadError(path, `could not be read (${detail}).`, path.endsWith("respondents.csv")
      ? "Build the reconstruction with `npm run data:build`, or load your own survey file."
      : "Check that the app is served with its data/ folder (npm start) and the file exists.");
  }
}

async function readJson(host: SurveyHost, path: string): Promise<unknown> {
  const text = await read(host, path);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SurveyLoadError(path, `is not valid JSON (${e instanceof Error ? e.message : String(e)}).`, "Regenerate it with `npm run data:build`.");
  }
}

async function readBytes(host: SurveyHost, path: string): Promise<Uint8Array> {
  if (host.readBytes) {
    try {
      return await host.readBytes(path);
    } catch {
      // Fall through to readText, which gives the uniform error message.
    }
  }
  return new TextEncoder().encode(await read(host, path));
}

function rowsOf(table: ColumnTable): SurveyRow[] {
  // Arquero types rows as `object`; entries() gives the keyed record the filter reads.
  return table.objects().map((o): SurveyRow => Object.fromEntries(Object.entries(o)));
}

/**
 * Load the bundled 1999 survey through `host`. Rejects with a SurveyLoadError naming the file
 * when one cannot be read or parsed.
 */
export async function loadSurvey(host: SurveyHost): Promise<Survey> {
  const [codebookJson, printedJson, adoptersText, respondentBytes] = await Promise.all([
    readJson(host, SURVEY_PATHS.codebook),
    readJson(host, SURVEY_PATHS.printed),
    read(host, SURVEY_PATHS.adopters),
    readBytes(host, SURVEY_PATHS.respondents),
  ]);
  const codebook = parseCodebook(codebookJson, SURVEY_PATHS.codebook);
  const printed = parsePrintedTables(printedJson);
  const adopters = parseAdoptersCsv(adoptersText);
  if (adopters.errors.length > 0) {
    const first = adopters.errors[0];
    throw new SurveyLoadError(SURVEY_PATHS.adopters, `row ${first?.row ?? 0}, column ${first?.column ?? "?"}: ${first?.message ?? "unreadable"}.`, "Regenerate it with `npm run data:build`.");
  }
  const load = await loadCsv(respondentBytes, { codebook, name: SURVEY_PATHS.respondents });
  const survey = surveyFromLoad(load, { printed, adopters: adopters.rows });
  survey.reconstructed = true;
  survey.notice = RECONSTRUCTION_NOTICE;
  return survey;
}

/** Extras a user's own survey can be given (e.g. the bundled printed tables to compare with). */
export interface SurveyExtras {
  printed?: PrintedTables | null;
  adopters?: AdopterRow[];
}

/**
 * A Survey from any loader's result (the user's own CSV, card image or .sav): the same shape as the
 * bundled one, marked as not reconstructed.
 */
export function surveyFromLoad(load: LoadResult, extras: SurveyExtras = {}): Survey {
  const issues = load.report.total;
  const survey: Survey = {
    table: load.table,
    rows: rowsOf(load.table),
    codebook: load.codebook,
    printed: extras.printed ?? null,
    adopters: extras.adopters ?? [],
    validation: load.report,
    reconstructed: false,
    notice: `Respondents from ${load.source.name} (${load.source.rows} rows${issues ? `, ${issues} validation issue${issues === 1 ? "" : "s"}` : ""}).`,
    source: load.source.name,
    toJSON: () => ({
      source: survey.source, n: survey.rows.length, reconstructed: survey.reconstructed, notice: survey.notice,
      validationIssues: survey.validation.total, printedTables: survey.printed?.tables.length ?? 0, adopters: survey.adopters.length,
    }),
  };
  return survey;
}

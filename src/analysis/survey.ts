/**
 * The survey as notebooks see it: the respondents as an Arquero table, the codebook, the report's
 * printed tables, the named adopters of the Vedlegg, and a plain statement of where the respondents
 * come from. The bundled respondents are a reconstruction from the report's published aggregates,
 * so every Survey carries `reconstructed` and a `notice` that notebooks show next to their N; a
 * user's own file goes through `surveyFromLoad` and is marked as not reconstructed.
 *
 * Columns are the primary form: `rows` (plain objects) is built only when a cell reads it, so
 * switching to a million-row file costs no per-row objects.
 */
import type { ColumnTable } from "arquero";
import { ProblemError } from "../base/result";
import type { AdopterRow } from "../data/adopters";
import { RECONSTRUCTION_NOTICE } from "../data/bundled-survey";
import { builtinError, describeValue } from "../base/builtin-problem";
import type { Codebook, CodebookVariable } from "../data/codebook";
import { allVariables } from "../data/variable-names";
import { suggestionText, suggestVariables } from "../stats/suggest-variables";
import type { LoadResult, LoadSource, ValidationReport } from "../data/loaders/load-result";
import type { PrintedTables } from "../data/printed-tables";
import { SIX_MODELS, type SixModel } from "../data/six-models";
import { modelLabelOf } from "./model-label";
import { messages, type Locale } from "../base/locale/locale";

/** The part of the host that loading needs: read a file under data/ as text or as bytes. */
export interface SurveyHost {
  readText(path: string): Promise<string>;
  readBytes(path: string): Promise<Uint8Array>;
}

/** One respondent as a plain object: variable name → code (number), text, or null when blank. */
export type SurveyRow = Readonly<Record<string, unknown>>;

/** One of the six models with its questions and its name (the codebook's label of its status variable). */
export interface SurveyModel extends SixModel {
  readonly name: string;
}

/** What the report itself says, loaded once and shared by every survey (bundled or the user's). */
export interface ReportFacts {
  codebook: Codebook;
  /** The report's printed tables. */
  printed: PrintedTables;
  /** The named adopters of the Vedlegg (Tabell 4.1–4.15, 2.3). */
  adopters: AdopterRow[];
}

export interface Survey {
  /** Respondents, one row each, columns named after the codebook; a blank answer is `null`. */
  readonly table: ColumnTable;
  /** The same table as the statistics read it: `stats.crosstab(survey, …)` computes on all respondents. */
  readonly view: ColumnTable;
  /** The same respondents as plain objects, built on first read (for small lists); blanks are `null`. */
  readonly rows: SurveyRow[];
  readonly codebook: Codebook;
  /** The six models in questionnaire order: status, areas, results and expectation variables, and name. */
  readonly models: readonly SurveyModel[];
  /** The report's printed tables; null when none were given. */
  readonly printed: PrintedTables | null;
  /** The named adopters of the Vedlegg; empty when not loaded. */
  readonly adopters: AdopterRow[];
  /** What the loader found wrong with the respondents file. */
  readonly validation: ValidationReport;
  /** True for the bundled reconstruction, false for a user's own file. */
  readonly reconstructed: boolean;
  /** One sentence on where the respondents come from, for every view to show. */
  readonly notice: string;
  /** File name the respondents came from. */
  readonly source: string;
  /** How that file was read (format, encoding, delimiter), e.g. for exported PSPP syntax. */
  readonly file: LoadSource;
  /**
   * The ensemble of reconstructions this survey is one of (draw 0 is this survey itself), built on
   * first read; undefined for a user's own file, which has no ensemble. Their blanks are `null`
   * like this survey's, so a question asked of each draw is asked alike.
   */
  readonly draws?: readonly Survey[];
  /**
   * One variable's codebook entry — questionnaire items and the derived variables (fylke,
   * size_class, resp_type …) alike: question text, label, value labels (`codes`), missing codes.
   * An unknown name is refused with its close matches.
   */
  variable(name: string): CodebookVariable;
  /** A variable's value labels, code → label: `survey.labels("fylke")[11]` is "Rogaland". */
  labels(name: string): Readonly<Record<number, string>>;
  /** A small JSON picture (headless runs print this instead of every row). */
  toJSON(): Record<string, unknown>;
}

/** The codebook entry of `name` (questionnaire or derived), or a ProblemError with close matches. */
export function codebookVariable(codebook: Codebook, name: unknown, builtin = "survey.variable"): CodebookVariable {
  const all = allVariables(codebook);
  const found = typeof name === "string" ? all.find((v) => v.name === name) : undefined;
  if (found) return found;
  if (typeof name !== "string") throw builtinError(builtin, "bad-argument", `give a variable name in quotes, e.g. "fylke"; got ${describeValue(name)}.`);
  const near = suggestVariables(name, all.map((v) => v.name), codebook);
  throw builtinError(builtin, "unknown-variable", `the codebook has no variable "${name}".${suggestionText(near)}`);
}

/** The value labels of a codebook variable as code → label. */
export function valueLabelsOf(variable: CodebookVariable): Readonly<Record<number, string>> {
  return Object.fromEntries(variable.codes.map((c) => [c.code, c.no]));
}

/**
 * The rows of an Arquero table (its filter and order applied) as plain keyed records, in column
 * order. Built straight from the columns: every row starts as a copy of one template with all the
 * keys (so the rows share one shape, and the keys are own data properties), then takes its values. Arquero's `objects()` compiles a row builder per call and was ~5× slower here (issue
 * 12: notebook 03 reads `rows` of each of the 50 reconstructions).
 */
export function rowsOf(table: ColumnTable): SurveyRow[] {
  const names = table.columnNames();
  const columns = names.map((name) => table.column(name));
  const template: Record<string, unknown> = Object.fromEntries(names.map((name) => [name, null]));
  const indices = table.indices();
  const rows = new Array<SurveyRow>(indices.length);
  for (let r = 0; r < indices.length; r++) {
    const at = indices[r] ?? 0;
    const row = { ...template };
    for (let j = 0; j < names.length; j++) {
      const name = names[j];
      if (name !== undefined) row[name] = columns[j]?.at(at);
    }
    rows[r] = row;
  }
  return rows;
}

export { modelLabelOf } from "./model-label";

/** A Survey that failed to load: thrown into the cells that read it, saying the file and the fix. */
export function surveyFileProblem(path: string, problem: string, fix: string): ProblemError {
  return new ProblemError({ kind: "survey-file", message: `${path}: ${problem} Fix: ${fix}` });
}

/** Options of {@link surveyFromLoad}. */
export interface SurveyFromLoadOptions {
  /** The report's printed tables and named adopters, to compare a user's file with the print. */
  facts?: Pick<ReportFacts, "printed" | "adopters">;
  /** The bundled reconstruction (true) or a user's own file (false, the default). */
  reconstructed?: boolean;
}

/** A Survey from any loader's result: the bundled respondents or the user's own file. */
export function surveyFromLoad(load: LoadResult, options: SurveyFromLoadOptions = {}): Survey {
  const issues = load.report.total;
  const reconstructed = options.reconstructed ?? false;
  let rows: SurveyRow[] | undefined;
  const survey: Survey = {
    table: load.table,
    view: load.table,
    get rows() {
      return (rows ??= rowsOf(load.table));
    },
    codebook: load.codebook,
    models: SIX_MODELS.map((m) => ({ ...m, name: modelLabelOf(load.codebook)(m.status) })),
    printed: options.facts?.printed ?? null,
    adopters: options.facts?.adopters ?? [],
    validation: load.report,
    reconstructed,
    notice: reconstructed ? RECONSTRUCTION_NOTICE : messages.en.userFileNotice(load.source.name, load.source.rows, issues),
    source: load.source.name,
    file: load.source,
    variable: (name) => codebookVariable(load.codebook, name),
    labels: (name) => valueLabelsOf(codebookVariable(load.codebook, name, "survey.labels")),
    toJSON: () => ({
      source: survey.source, n: survey.table.numRows(), reconstructed, notice: survey.notice,
      validationIssues: survey.validation.total, printedTables: survey.printed?.tables.length ?? 0, adopters: survey.adopters.length,
    }),
  };
  return survey;
}

/**
 * A survey's notice in `locale`, as a selection shows it above its tables (the Survey's own
 * `notice` is English: it has no language, and a norsk table under an English caveat reads as half
 * translated): the reconstruction's, or the user's file with its rows and validation findings.
 */
export function surveyNoticeIn(survey: Pick<Survey, "reconstructed" | "file" | "validation">, locale: Locale): string {
  return survey.reconstructed ? messages[locale].reconstructionNotice : messages[locale].userFileNotice(survey.file.name, survey.file.rows, survey.validation.total);
}

/** A loaded survey (not a selection, not the Promise). */
export function isSurvey(value: unknown): value is Survey {
  return typeof value === "object" && value !== null && "table" in value && "codebook" in value && "notice" in value && "file" in value;
}

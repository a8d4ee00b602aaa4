/**
 * What a load gives back: the table with its validation report, or one {@link LoadProblem}.
 *
 * Loaders never fail for data problems they can step over (an unknown code, a ragged row, a letter
 * in a digit column): those become issues in the validation report and the load goes on. A load
 * fails — resolves to `{ ok: false, error: LoadProblem }` (the one failure shape of
 * `src/base/result.ts`) — when the input cannot be read as this survey at all: not a text file, an
 * unclosed quote, too few of the codebook's variables, no data rows, a .sav cut short, cancelled.
 * Both carry file, row, column and the fix.
 */
import type { ColumnTable } from "arquero";
import type { Problem, Result } from "../../base/result";
import type { Codebook } from "../codebook";
import type { ColumnSet } from "./column-builders";

/**
 * A format's id in the registry (`formats.ts`): "csv", "fixed", "sav" … A string, not a union, so
 * a new format is one registry entry and nothing else.
 */
export type LoadFormat = string;

/** Kinds of problems a load reports without failing. */
export type IssueKind =
  /** a column whose header matches no codebook variable (kept in the table, under its header) */
  | "unknown-variable"
  /** a codebook variable the file does not have (the table gets no column for it) */
  | "missing-column"
  /** a categorical or dichotomy value that is neither a code nor a missing code */
  | "unknown-code"
  /** a numeric value outside the codebook's range */
  | "out-of-range"
  /** an answer given although a skip rule says the question must be blank */
  | "skip-violation"
  /** the same respondent id on more than one row */
  | "duplicate-id"
  /** text where a number is expected (CSV cell, card field) */
  | "not-a-number"
  /** a CSV row with more or fewer fields than the header */
  | "ragged-row"
  /** a quote in the wrong place inside a CSV field */
  | "bad-quote"
  /** a card image line shorter than the record layout */
  | "short-line"
  /** a card image line longer than the record layout */
  | "long-line"
  /** a header that appears twice or maps onto a variable already taken */
  | "duplicate-column"
  /** something about the file as a whole (mixed encodings, values the file stores differently) */
  | "file";

/** One problem, located so a person can find it in the file and told how to fix it. */
export interface ValidationIssue {
  kind: IssueKind;
  /**
   * 1-based record number as a spreadsheet or text editor shows it: in a CSV the header is row 1,
   * in a card image line 1 is the first respondent, in a .sav case 1 is the first case.
   */
  row?: number;
  /** Codebook variable name, or the raw header for unknown columns. */
  variable?: string;
  /** 1-based column: the field number in a CSV, the character column on a card image. */
  column?: number;
  /** The offending value as read. */
  value?: string | number | null;
  /** What is wrong, in one sentence. */
  message: string;
  /** What to do about it. */
  fix: string;
}

/** All problems found in one load: counted by kind, listed up to `limit`. */
export interface ValidationReport {
  file: string;
  /** Data rows read. */
  rows: number;
  /** Every issue counted, including those beyond the listing cap. */
  total: number;
  counts: Partial<Record<IssueKind, number>>;
  /** The first `limit` issues in file order (parse issues first, then validation). */
  issues: ValidationIssue[];
  limit: number;
  /** True when `total` > `issues.length`. */
  truncated: boolean;
}

/** Where the data came from and how it was decoded. */
export interface LoadSource {
  name: string;
  /** The registry id of the format it was read as. */
  format: LoadFormat;
  /** The format's label for people ("CSV", "card image", "SPSS .sav"), from the registry. */
  label: string;
  /** "utf-8", "utf-8-bom", "utf-16le", "windows-1252" for text; the file's own code page for .sav. */
  encoding: string;
  /** CSV only: the field delimiter that was detected or given. */
  delimiter?: string;
  rows: number;
  /** Bytes read. */
  bytes: number;
}

/**
 * A load before it becomes an Arquero table: plain columns (typed arrays, transferable out of a
 * worker), the codebook they were read through, the report and the source. `toLoadResult` in
 * `column-table.ts` wraps it into a {@link LoadResult} without copying.
 */
export interface LoadedData {
  columns: ColumnSet;
  codebook: Codebook;
  report: ValidationReport;
  source: LoadSource;
}

/** A loaded data file: the table, the codebook it was read through, and what was wrong with it. */
export interface LoadResult {
  /** Built from the loaded columns (typed arrays behind Arquero's column interface); no row objects. */
  table: ColumnTable;
  codebook: Codebook;
  report: ValidationReport;
  source: LoadSource;
}

/** Why a load failed as a whole. */
export type LoadProblemKind =
  /** the user cancelled; nothing was kept */
  | "cancelled"
  /** nothing in the file: no header, no records */
  | "empty"
  /** the file cannot be parsed (unclosed quote, damaged .sav, tabs in a card image) */
  | "malformed"
  /** a real file of a variant this reader does not handle (ZLIB .sav) */
  | "unsupported"
  /** a CSV or card image without a codebook to read it through */
  | "codebook"
  /** readable, but not this survey: binary data, too few of the codebook's variables, no data rows */
  | "not-survey-data"
  /** a .sav whose data stops before the case count its header declares */
  | "truncated"
  /** bigger than the browser can hold; refused before reading */
  | "too-large";

/** A load that could not finish: a Problem with where it happened. The message names file, row, column and ends with the fix. */
export interface LoadProblem extends Problem<LoadProblemKind> {
  readonly file: string;
  readonly row?: number;
  readonly column?: number;
}

/** What a load resolves to. */
export type LoadOutcome<T = LoadResult> = Result<T, LoadProblem>;

/** Where a problem is and what to do about it. */
export interface ProblemPlace {
  file: string;
  row?: number;
  column?: number;
  fix: string;
}

/** A LoadProblem whose message reads "file, row 3, column 11: what is wrong. Fix: what to do." */
export function loadProblem(kind: LoadProblemKind, what: string, place: ProblemPlace): LoadProblem {
  const where = [place.file, place.row === undefined ? "" : `row ${place.row}`, place.column === undefined ? "" : `column ${place.column}`]
    .filter((s) => s !== "")
    .join(", ");
  return {
    kind,
    message: `${where}: ${what} Fix: ${place.fix}`,
    file: place.file,
    ...(place.row === undefined ? {} : { row: place.row }),
    ...(place.column === undefined ? {} : { column: place.column }),
  };
}

/** A failed load. */
export function loadFailure(kind: LoadProblemKind, what: string, place: ProblemPlace): { readonly ok: false; readonly error: LoadProblem } {
  return { ok: false, error: loadProblem(kind, what, place) };
}

/** The "cancelled" problem. */
export function cancelledProblem(file: string): LoadProblem {
  return loadProblem("cancelled", "Loading was cancelled.", { file, fix: "Load the file again when you want it; nothing was kept from this attempt." });
}

/** Progress of a streaming load: bytes consumed so far and the total when known. */
export interface LoadProgress {
  bytesRead: number;
  totalBytes?: number;
}

/** Options every load accepts. */
export interface LoadOptions {
  /** File name used in messages. */
  name: string;
  /** Cap on listed issues (all are still counted). Default 200. */
  issueLimit?: number;
  /** Cancels the load; it then resolves to a LoadProblem of kind "cancelled". */
  signal?: AbortSignal;
  /** Called after each chunk with monotonic byte counts; the last call has bytesRead === totalBytes. */
  onProgress?: (p: LoadProgress) => void;
  /** Size of a stream input (Content-Length), for progress. */
  totalBytes?: number;
}

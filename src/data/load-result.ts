/**
 * What every loader (CSV, card image, SPSS .sav) returns, and the error it fails with.
 *
 * Loaders never throw for data problems they can step over (an unknown code, a ragged row, a
 * letter in a digit column): those become issues in the validation report and the load goes on.
 * They fail with a {@link LoadError} only when the input cannot be read as a whole (unclosed
 * quote, not a .sav file, cancelled by the user). Both carry file, row, column and the fix.
 */
import type { ColumnTable } from "arquero";
import type { Codebook } from "./codebook";

/** The file formats the loaders understand. */
export type LoadFormat = "csv" | "fixed" | "sav";

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
  /** something about the file as a whole (mixed encodings, labels that disagree with the codebook) */
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
  format: LoadFormat;
  /** "utf-8", "utf-8-bom", "utf-16le", "windows-1252" for text; the file's own code page for .sav. */
  encoding: string;
  /** CSV only: the field delimiter that was detected or given. */
  delimiter?: string;
  rows: number;
  /** Bytes read. */
  bytes: number;
}

/** A loaded data file: the table, the codebook it was read through, and what was wrong with it. */
export interface LoadResult {
  table: ColumnTable;
  codebook: Codebook;
  report: ValidationReport;
  source: LoadSource;
}

/** Why a load failed as a whole. */
export type LoadErrorKind =
  | "cancelled"
  | "empty"
  | "malformed"
  | "unsupported"
  | "codebook";

/** Where a load failure is and what to do about it. */
export interface LoadErrorContext {
  file: string;
  row?: number;
  column?: number;
  fix: string;
}

/** A load that could not finish. The message names file, row and column and ends with the fix. */
export class LoadError extends Error {
  override readonly name = "LoadError";
  readonly kind: LoadErrorKind;
  readonly context: LoadErrorContext;

  constructor(kind: LoadErrorKind, problem: string, context: LoadErrorContext) {
    super(LoadError.compose(problem, context));
    this.kind = kind;
    this.context = context;
  }

  private static compose(problem: string, c: LoadErrorContext): string {
    const where = [c.file, c.row === undefined ? "" : `row ${c.row}`, c.column === undefined ? "" : `column ${c.column}`]
      .filter((s) => s !== "")
      .join(", ");
    return `${where}: ${problem} Fix: ${c.fix}`;
  }
}

/** Type guard for {@link LoadError}, for callers that catch unknown values. */
export function isLoadError(e: unknown): e is LoadError {
  return e instanceof LoadError;
}

/** Progress of a streaming load: bytes consumed so far and the total when known. */
export interface LoadProgress {
  bytesRead: number;
  totalBytes?: number;
}

/** Options every loader accepts. */
export interface LoadOptions {
  /** File name used in messages. */
  name: string;
  /** Cap on listed issues (all are still counted). Default 200. */
  issueLimit?: number;
  /** Cancels the load; it then rejects with a LoadError of kind "cancelled". */
  signal?: AbortSignal;
  /** Called after each chunk with monotonic byte counts; the last call has bytesRead === totalBytes. */
  onProgress?: (p: LoadProgress) => void;
}

/** Throws the "cancelled" LoadError when the signal has fired; loaders call it between chunks. */
export function throwIfCancelled(signal: AbortSignal | undefined, file: string, row?: number): void {
  if (signal?.aborted) {
    throw new LoadError("cancelled", "Loading was cancelled.", {
      file,
      ...(row === undefined ? {} : { row }),
      fix: "Load the file again when you want it; nothing was kept from this attempt.",
    });
  }
}

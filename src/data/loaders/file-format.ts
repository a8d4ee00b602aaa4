/**
 * The shape of one entry in the loaders' registry (`formats.ts`): how a format is named to people,
 * which file names it claims, how it recognises its content, and how it reads a file into columns.
 * `loadFile` does the rest once for every format: detection, the size limit, validation against
 * the codebook, the refusals, the report.
 */
import type { Result } from "../../base/result";
import type { Codebook } from "../codebook";
import type { ByteInput } from "./byte-chunks";
import type { ColumnSet } from "./column-builders";
import type { TextEncodingName } from "./detect-encoding";
import type { PartReader } from "./file-part";
import type { LoadOptions, LoadProblem } from "./load-result";
import type { IssueCollector } from "./validate";

/** The first bytes of a file, and what they say before any format reads them. */
export interface Sample {
  name: string;
  /** Lower-case extension with its dot (".csv"), "" when the name has none. */
  extension: string;
  /** The first bytes (up to 64 KiB). */
  head: Uint8Array;
  /** True when `head` is the whole file. */
  complete: boolean;
  /** The head as text, when it is text. */
  text?: {
    encoding: TextEncodingName;
    /** Lines of the head, BOM dropped; the last one only when the head is the whole file. */
    lines: string[];
  };
  /** Why the head is not text (NULs, control codes), when it is not. */
  binary?: string;
  /** The codebook the file will be read through, when there is one. */
  codebook?: Codebook | undefined;
}

/** What a format's reader is given. */
export interface ReadOptions extends LoadOptions {
  sample: Sample;
  /** The codebook to read through; only formats with `needsCodebook: false` may go without. */
  codebook: Codebook | undefined;
  /** Parse issues go here (ragged rows, bad quotes, short lines …); validation adds the rest. */
  issues: IssueCollector;
  /** CSV: force the delimiter instead of detecting it. */
  delimiter?: "," | ";" | "\t" | undefined;
}

/** What a format's reader gives back for `loadFile` to validate. */
export interface ReadOutput {
  columns: ColumnSet;
  /** The codebook the columns are named after (a .sav merges its own labels into it). */
  codebook: Codebook;
  /** File row of each table row, as `ValidationIssue.row` counts (header, skipped blank lines). */
  rowNumbers: Int32Array;
  /**
   * What the file turned out to hold, for a refusal's "found … expected …": e.g. 'a header of 40
   * columns ("resp_id", "q1", …)' or "lines of at most 40 characters".
   */
  shape: string;
  /**
   * How many of the codebook's questionnaire variables the file really carries, when that is not
   * simply the columns named after them (a card image always has every card column, but a line
   * too short for a variable's columns does not carry it).
   */
  found?: number;
  encoding: string;
  delimiter?: string;
  bytes: number;
  /** Skip the missing-column check (a .sav read without a codebook describes itself). */
  allowMissingColumns?: boolean;
}

/** One file format the loaders read. */
export interface FileFormat {
  /** Stable id, stored in `LoadSource.format`. */
  readonly format: string;
  /** For people: "CSV", "card image", "SPSS .sav". */
  readonly label: string;
  /** File name endings it claims, with the dot, lower case. */
  readonly extensions: readonly string[];
  /** False when the file carries its own dictionary (a .sav); otherwise a codebook is required. */
  readonly needsCodebook: boolean;
  /**
   * How sure the format is that the sample is its kind, 0 (not this) to 1 (certain, e.g. magic
   * bytes). The extension only breaks ties; content decides.
   */
  sniff(sample: Sample): number;
  /** Reads the whole input; expected failures resolve to a LoadProblem. */
  read(input: ByteInput, options: ReadOptions): Promise<Result<ReadOutput, LoadProblem>>;
  /** Reading in parts, several workers at once (`split-load.ts`): formats whose records can be found from any line end. */
  readonly parts?: PartReader;
}

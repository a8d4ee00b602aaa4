/**
 * One part of a text file read in parallel (`split-load.ts`): what a format that can start reading
 * at any record boundary (CSV, card image) gives each worker, and what the parts hand back to be
 * joined. A part knows neither how many records come before it nor, for a CSV, whether the line end
 * it starts after was inside a quoted field; so it counts its records from its own start, keeps its
 * issue messages unbuilt until it is told the count before it (`finish(base)`), and says whether its
 * own end was a record boundary as it read it, which is what proves the next part's start.
 */
import type { Result } from "../../base/result";
import type { ByteInput } from "./byte-chunks";
import type { ColumnSet } from "./column-builders";
import type { DecoderState } from "./detect-encoding";
import type { ReadOptions, ReadOutput } from "./file-format";
import type { LoadProblem } from "./load-result";
import type { CleanChecks, IssueTally } from "./validate";

/** Where a part lies in the file. */
export interface PartPlace {
  /** Starts at the file's first byte (the header, a BOM). */
  first: boolean;
  /** Ends at the file's last byte. */
  last: boolean;
  /** The part's size in bytes. */
  bytes: number;
  /**
   * Bytes to size the part's columns for: the first part of a split file sizes them for the whole
   * file, so the join writes the other parts in after its rows instead of copying them all (memory
   * not written to is never taken from the system).
   */
  reserve: number;
}

/** What a part says after reading its bytes, before anything is built: small, and sent between workers. */
export interface PartSummary {
  /** Records (CSV) or lines (card image) the part read, header and blank lines included. */
  records: number;
  /** The part's last byte ended a record as this part read it (not inside a quoted field). */
  endsAtBoundary: boolean;
  /** The part stopped on a problem that ends the load (see `finish`). */
  failed: boolean;
  /** How its text decoding began and ended (CSV: UTF-8 until a field is not). */
  text?: DecoderState;
}

/** A part's reading, held by the worker that read it. */
export interface PartRead {
  summary(): PartSummary;
  /** Reads `rest` (the file after this part) as if it were part of this one: the next part began inside a record. */
  readRest(rest: ByteInput): Promise<void>;
  /** The part's columns and issues, rows counted after the `base` records of the parts before it; or its problem. */
  finish(base: number): Result<PartData, LoadProblem>;
}

/** What a format needs to join its parts again (everything else is the same in every part). */
export type PartMeta =
  | { kind: "csv"; header: string[]; delimiter: string; encoding: string }
  | { kind: "card"; longest: number };

/** A finished part: plain data and typed arrays, transferable between workers. */
export interface PartData {
  /** Raw columns: an identifier column may be numbers in one part and text in another; `auto` columns are still text. */
  columns: ColumnSet;
  /** Columns to turn into numbers once joined, when every value is a plain number (headers the codebook does not know). */
  auto: boolean[];
  /** File row of each row (the base already added). */
  rowNumbers: Int32Array;
  issues: IssueTally;
  bytes: number;
  text?: DecoderState;
  meta: PartMeta;
  /** The row-by-row checks that found nothing in this part (`part-checks.ts`), once it is finished. */
  clean?: CleanChecks;
}

/** How a format reads in parts; see the file comment. */
export interface PartReader {
  /** Whether this sample's file can be read in parts (a CSV's header must lie in the sample). */
  splittable(options: ReadOptions): Promise<boolean>;
  /** Reads `input` (the part's bytes) placed at `place`. Never fails: problems wait for `finish`. */
  read(input: ByteInput, options: ReadOptions, place: PartPlace): Promise<PartRead>;
  /** Joins the finished parts, in file order, into what the format's whole-file read gives. */
  join(parts: readonly PartData[], options: ReadOptions): ReadOutput;
}

/**
 * A bundled data file (codebook, printed tables, thesis findings) that does not have the shape the
 * code relies on: every issue found, not just the first, and the fix. The parsers return it in a
 * Result; `parseX` convenience forms throw it as a ProblemError (see src/base/result.ts).
 */
import type { Problem } from "../base/result";

export interface DataFileProblem<I> extends Problem<"data-file"> {
  /** The file, as named in the message. */
  readonly file: string;
  /** Every issue found, in document order. */
  readonly issues: readonly I[];
}

/** Build the Problem: the first ten issues in the message, then the fix. */
export function dataFileProblem<I>(file: string, issues: readonly I[], describe: (issue: I) => string, fix: string): DataFileProblem<I> {
  const head = issues.slice(0, 10).map(describe).join("; ");
  const more = issues.length > 10 ? ` (and ${issues.length - 10} more)` : "";
  return { kind: "data-file", file, issues, message: `${file} is not valid: ${head}${more}. Fix: ${fix}` };
}

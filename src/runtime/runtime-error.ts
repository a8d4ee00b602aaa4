import { isProblemError } from "../base/result";
import type { CellError, CellErrorKind } from "./types";

/**
 * A thrown carrier for a {@link CellError}. Cell bodies and loop guards throw it so the
 * observer can tell the cell's own failures (thrown, rejected, timeout) from failures that
 * arrive through an input (upstream). It never escapes the runtime: state holds the plain
 * CellError value.
 */
export class CellFailure extends Error {
  readonly cellError: CellError;

  constructor(cellError: CellError) {
    super(cellError.message);
    this.name = "CellFailure";
    this.cellError = cellError;
  }
}

/** Type guard for {@link CellFailure}. */
export function isCellFailure(value: unknown): value is CellFailure {
  return value instanceof CellFailure;
}

/** Builds a CellError; `extra` adds names, positions or the cause. */
export function cellError(
  kind: CellErrorKind,
  cellId: string,
  message: string,
  extra: Partial<Omit<CellError, "kind" | "cellId" | "message">> = {},
): CellError {
  return { kind, cellId, message, ...extra };
}

/** A readable one-line description of any thrown value. */
export function describeThrown(value: unknown): string {
  if (value instanceof Error) return value.message ? `${value.name}: ${value.message}` : value.name;
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The error for a cell whose own code threw (synchronously or inside its async body). */
export function thrownError(cellId: string, cause: unknown, line?: number): CellError {
  if (isCellFailure(cause)) return { ...cause.cellError, cellId };
  const where = line ? ` at line ${line}` : "";
  // A builtin's Problem already says what is wrong and the fix (and links its reference entry).
  if (isProblemError(cause)) return cellError("thrown", cellId, cause.message, line ? { cause, line } : { cause });
  return cellError(
    "thrown",
    cellId,
    `This cell threw ${describeThrown(cause)}${where}. Fix the code that throws, or catch the error in the cell.`,
    line ? { cause, line } : { cause },
  );
}

/** The error for a cell whose value (or an exported value) was a promise that rejected. */
export function rejectedError(cellId: string, cause: unknown, name?: string): CellError {
  if (isCellFailure(cause)) return { ...cause.cellError, cellId };
  if (isProblemError(cause)) return cellError("rejected", cellId, cause.message, name ? { cause, names: [name] } : { cause });
  const what = name ? `The promise in ${name}` : "The promise this cell returned";
  return cellError(
    "rejected",
    cellId,
    `${what} was rejected: ${describeThrown(cause)}. Fix the failing request or catch the rejection.`,
    name ? { cause, names: [name] } : { cause },
  );
}

/** The error a loop guard throws when a synchronous stretch runs longer than allowed. */
export function timeoutError(timeoutMs: number): CellError {
  const seconds = timeoutMs >= 1000 ? `${(timeoutMs / 1000).toFixed(timeoutMs % 1000 ? 1 : 0)} s` : `${timeoutMs} ms`;
  return cellError(
    "timeout",
    "",
    `Stopped: a loop ran for more than ${seconds} without pausing (a runaway loop such as while (true) {}?). ` +
      "Fix the loop's exit condition, or split the work with await.",
  );
}

/**
 * The one error type of the statistics core. It carries what was asked (`context`) and a message
 * that says how to fix the call, so a notebook cell that shows it tells the analyst what to do.
 */
export class StatsError extends Error {
  /** Stable code for tests and UI: "unknown-variable", "bad-weight", "bad-input" … */
  readonly code: string;
  /** The offending names and values, for the cell's error display. */
  readonly context: Record<string, unknown>;

  constructor(code: string, message: string, context: Record<string, unknown> = {}) {
    super(message);
    this.name = "StatsError";
    this.code = code;
    this.context = context;
  }
}

/** Type guard for StatsError, usable where `instanceof` crosses bundle boundaries. */
export function isStatsError(value: unknown): value is StatsError {
  return value instanceof Error && value.name === "StatsError" && "code" in value;
}

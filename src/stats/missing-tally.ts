/**
 * The missing values a kernel leaves out of one variable, counted as it goes — blanks and each
 * user-missing code — for the audit line's "missing excluded: q1: 9 (3), blank (17)".
 */
import type { ExcludedMissing } from "./audit";
import type { MissingTest } from "./variable-info";

/** Counts the missing values of one variable among the values it is shown. */
export class MissingTally {
  private blank = 0;
  private readonly codes = new Map<number, number>();

  constructor(private readonly isMissing: MissingTest) {}

  /** True (and counted) when `value` is missing: blank (NaN) or a user-missing code. */
  take(value: number): boolean {
    if (!this.isMissing(value)) return false;
    if (value !== value) this.blank++;
    else this.codes.set(value, (this.codes.get(value) ?? 0) + 1);
    return true;
  }

  /** What was left out, as the audit lists it. */
  excluded(variable: string): ExcludedMissing {
    return { variable, userMissing: [...this.codes].sort((a, b) => a[0] - b[0]).map(([code, count]) => ({ code, count })), systemMissing: this.blank };
  }
}

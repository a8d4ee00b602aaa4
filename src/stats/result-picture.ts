/**
 * A compact picture of a kernel's result for the inspector and headless output: a crosstab shows
 * its counts row by row, its test and warning, and the fields to read — not 4,000 characters of
 * nested cells cut off mid-way. It is a non-enumerable `toJSON`, so the result stays a plain
 * object for code (spread, equality, property access) and only its printed form changes.
 */

/** Attach `picture` as the result's JSON form; returns the result. */
export function withPicture<T extends object>(result: T, picture: (result: T) => Record<string, unknown>): T {
  Object.defineProperty(result, "toJSON", { value: () => picture(result), enumerable: false, configurable: true, writable: true });
  return result;
}

/** A number rounded for a picture (null stays null). */
export function rounded(value: number | null | undefined, decimals = 3): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * Guards for values read from outside (storage, links, files, frame messages): a record is an
 * object that is neither null nor an array, so its fields can be checked one by one.
 */

/** True for an object that is not null and not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True for a record whose every value is a string (drafts by cell id, say). */
export function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === "string");
}

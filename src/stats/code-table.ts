/**
 * A list of codes as a lookup for inner loops. Survey codes are small integers, so a byte table
 * indexed by the code beats a Set; any other code is kept in a short list to search.
 */
export interface CodeTable {
  /** `small[c] === 1` for each code c that is an integer in 0..255. */
  readonly small: Uint8Array;
  /** The other codes (negative, fractional, 256 and over). */
  readonly other: readonly number[];
}

/** Splits `codes` into the byte table and the rest (see {@link CodeTable}). */
export function codeTable(codes: readonly number[]): CodeTable {
  const small = new Uint8Array(256);
  const other: number[] = [];
  for (const c of codes) {
    if (Number.isInteger(c) && c >= 0 && c < 256) small[c] = 1;
    else other.push(c);
  }
  return { small, other };
}

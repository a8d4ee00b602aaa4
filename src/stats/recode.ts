/**
 * A variable's valid values recoded before a statistic, as SPSS's RECODE … INTO does:
 * `{recode: {q3: (code) => (code === 1 ? 1 : 0)}}` correlates "has adopted" (1) against any other
 * answer (0). Blanks and the variable's missing codes stay missing and never reach the function; it
 * returns a number, or null for a blank. Checked once at the kernel's entry.
 *
 * Surprising: the function is called once per distinct valid code of the whole column (not per row,
 * and also for codes outside the selection), and the recoded column is kept per source column and
 * by what the function gave for each code. The evidence computes the statistic on every
 * reconstruction on every filter change, and the cell writes a new function each time it runs: kept
 * by identity, each run made fresh columns for every draw (and the statistics' cleaned copies of
 * them anew); kept by the codes' images, a rerun finds the columns it made before.
 */
import { describeValue } from "../base/builtin-problem";
import { statsError } from "./stats-problem";
import { missingTest } from "./variable-info";

/** A recode of one variable: a valid code in, a number (or null for a blank) out. */
export type Recode = (code: number) => number | null;

/** Recodes by variable name, as a kernel's `recode` option takes them. */
export type RecodeOption = Readonly<Record<string, Recode>>;

/** A recode option checked against the kernel's variables: name → function. */
export type CheckedRecode = ReadonlyMap<string, Recode>;

/** No recode. */
export const NO_RECODE: CheckedRecode = new Map();

function isRecode(value: unknown): value is Recode {
  return typeof value === "function";
}

/**
 * The `recode` option checked once: an object of functions keyed by the kernel's own variables.
 * `variables` are the kernel's (checked) variable names; `builtin` names the kernel in errors.
 */
export function checkRecode(builtin: string, recode: unknown, variables: readonly string[]): CheckedRecode {
  if (recode === undefined) return NO_RECODE;
  const example = `{recode: {${variables[1] ?? "q3"}: (code) => (code === 1 ? 1 : 0)}}`;
  if (typeof recode !== "object" || recode === null || Array.isArray(recode)) {
    throw statsError("bad-input", `the recode option is an object of functions by variable, e.g. ${example}; it got ${describeValue(recode)}.`, {}, builtin);
  }
  const out = new Map<string, Recode>();
  for (const [name, fn] of Object.entries(recode)) {
    if (!variables.includes(name)) {
      throw statsError("bad-input", `the recode option names "${name}", which is not one of this statistic's variables (${variables.join(", ")}). Recode one of those, e.g. ${example}.`, { name }, builtin);
    }
    if (!isRecode(fn)) {
      throw statsError("bad-input", `the recode of "${name}" is a function of a code, e.g. (code) => 5 - code; it got ${describeValue(fn)}.`, { name }, builtin);
    }
    out.set(name, fn);
  }
  return out;
}

/** Per source column and missing codes: its distinct valid codes, in the order first met. */
const validCodes = new WeakMap<Float64Array, Map<string, readonly number[]>>();

/** Per source column: recoded columns by missing codes and the function's image of each code. */
const made = new WeakMap<Float64Array, Map<string, Float64Array>>();

/** Recoded columns kept per source column (a cell trying many recodes does not grow this without end). */
const MADE_PER_COLUMN = 32;

function codesOf(column: Float64Array, missing: readonly number[], missingKey: string): readonly number[] {
  const byMissing = validCodes.get(column) ?? new Map<string, readonly number[]>();
  validCodes.set(column, byMissing);
  const known = byMissing.get(missingKey);
  if (known) return known;
  const isMissing = missingTest(missing);
  // Codes 0–255 (every coded answer) are noted in a table: a Set per value cost more than the recode.
  const small = new Uint8Array(256);
  const seen = new Set<number>();
  const codes: number[] = [];
  for (let i = 0; i < column.length; i++) {
    const v = column[i] ?? Number.NaN;
    if (v >= 0 && v < 256 && (v | 0) === v) {
      if (small[v] === 0 && !isMissing(v)) codes.push(v);
      small[v] = 1;
    } else if (!seen.has(v) && !isMissing(v)) {
      seen.add(v);
      codes.push(v);
    }
  }
  byMissing.set(missingKey, codes);
  return codes;
}

/**
 * `column` (NaN for a blank) with every valid value v replaced by `fn(v)` (null → NaN); blanks and
 * `missing` codes are kept as they are, so the statistic leaves them out and its audit counts them
 * as before. A result that is not a finite number or null, or that is one of the missing codes
 * (it would silently turn a valid answer into a missing one), is refused with the code that gave it.
 */
export function recodedColumn(builtin: string, name: string, column: Float64Array, fn: Recode, missing: readonly number[]): Float64Array {
  const missingKey = missing.join(",");
  const isMissing = missingTest(missing);
  const codes = codesOf(column, missing, missingKey);
  const image = new Map<number, number>();
  const parts = [missingKey];
  for (const code of codes) {
    const value = recodeOne(builtin, name, fn, code, isMissing);
    image.set(code, value);
    // Object.is: −0 and NaN (a blank) are told apart from 0 and from each other in the key.
    parts.push(`${code}>${Object.is(value, -0) ? "-0" : String(value)}`);
  }
  const key = parts.join(";");
  const byKey = made.get(column) ?? new Map<string, Float64Array>();
  made.set(column, byKey);
  const known = byKey.get(key);
  if (known) return known;
  // The image of codes 0–255 in a table (NaN: not recoded, the value stays), the rest through the map.
  const table = new Float64Array(256).fill(Number.NaN);
  const recoded = new Uint8Array(256);
  for (const [code, value] of image) {
    if (code >= 0 && code < 256 && (code | 0) === code) {
      table[code] = value;
      recoded[code] = 1;
    }
  }
  const out = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i] ?? Number.NaN;
    out[i] = v >= 0 && v < 256 && (v | 0) === v ? (recoded[v] === 1 ? (table[v] ?? v) : v) : (image.get(v) ?? v);
  }
  if (byKey.size >= MADE_PER_COLUMN) byKey.clear();
  byKey.set(key, out);
  return out;
}

/** Per column: its distinct values (blanks aside), in the order first met. */
const distinct = new WeakMap<Float64Array, readonly number[]>();

function distinctValues(column: Float64Array): readonly number[] {
  const known = distinct.get(column);
  if (known) return known;
  const small = new Uint8Array(256);
  const seen = new Set<number>();
  const values: number[] = [];
  for (let i = 0; i < column.length; i++) {
    const v = column[i] ?? Number.NaN;
    if (v !== v) continue;
    if (v >= 0 && v < 256 && (v | 0) === v) {
      if (small[v] === 0) values.push(v);
      small[v] = 1;
    } else if (!seen.has(v)) {
      seen.add(v);
      values.push(v);
    }
  }
  distinct.set(column, values);
  return values;
}

/**
 * A text equal for two recode options exactly when each variable's function gives every value found
 * in that variable's `columnsOf(name)` the same result; undefined when one throws or is no function. What a
 * recode does to a statistic is fixed by those images (`recodedColumn` calls it on no other value),
 * so results computed under one option hold for any other with the same text: the evidence over the
 * reconstructions, which a cell's new function on each run made anew, is kept by it (issue 12, 03).
 * The values include the missing codes, which `recodedColumn` never passes: a superset is never a
 * wrong match, only a missed one.
 */
export function recodeImageKey(recode: Readonly<Record<string, unknown>>, columnsOf: (name: string) => readonly Float64Array[]): string | undefined {
  const parts: string[] = [];
  for (const [name, fn] of Object.entries(recode)) {
    if (!isRecode(fn)) return undefined;
    const values = new Set<number>();
    for (const column of columnsOf(name)) for (const v of distinctValues(column)) values.add(v);
    parts.push(JSON.stringify(name));
    for (const code of [...values].sort((a, b) => a - b)) {
      let value: unknown;
      try {
        value = fn(code);
      } catch {
        return undefined;
      }
      // Object.is: −0 apart from 0; anything not a number or null is named by its type (the kernel refuses it).
      parts.push(`${code}>${typeof value === "number" ? (Object.is(value, -0) ? "-0" : String(value)) : value === null ? "null" : `?${typeof value}`}`);
    }
  }
  return parts.join(";");
}

function recodeOne(builtin: string, name: string, fn: Recode, code: number, isMissing: (v: number) => boolean): number {
  let value: unknown;
  try {
    value = fn(code);
  } catch (error) {
    throw statsError("bad-input", `the recode of "${name}" failed on code ${code}: ${error instanceof Error ? error.message : String(error)}.`, { name, code }, builtin);
  }
  if (value === null) return Number.NaN;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw statsError("bad-input", `the recode of "${name}" returned ${describeValue(value)} for code ${code}; it returns a number, or null for a blank (did the function forget to return?).`, { name, code }, builtin);
  }
  if (isMissing(value)) {
    throw statsError("bad-input", `the recode of "${name}" turned code ${code} into ${value}, which is a missing code of "${name}"; recode to another number, or to null for a blank.`, { name, code }, builtin);
  }
  return value;
}

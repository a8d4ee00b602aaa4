/**
 * Loaded columns as compact typed arrays, built value by value while a file streams in, so a big
 * file never becomes row objects or arrays of boxed values, and the result can be transferred out
 * of a worker without copying.
 *
 * Numbers start as Int8Array and widen (Int16, Int32, Float64) only when a value needs it: survey
 * codes are small integers, so a 150 MB CSV's columns take ~60 MB. A missing value is the type's
 * smallest integer (−128, −32768, −2³¹), which no stored value uses, or NaN in a Float64Array.
 * Text is dictionary-coded: an Int32Array of codes (−1 = missing) into a list of distinct strings;
 * a field's bytes are looked up before they are decoded, so a repeated value is decoded once.
 */

/** A column of numbers; see the module comment for how missing values are marked. */
export interface NumberColumnData {
  readonly type: "number";
  readonly values: Int8Array | Int16Array | Int32Array | Float64Array;
}

/** A column of text: codes into `dictionary`, −1 for missing. */
export interface TextColumnData {
  readonly type: "text";
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

/** One loaded column. */
export type ColumnData = NumberColumnData | TextColumnData;

/** The columns of a load, in file order. */
export interface ColumnSet {
  readonly names: readonly string[];
  readonly columns: readonly ColumnData[];
  readonly rows: number;
}

/**
 * Whether a finished column of `length` values keeps its array as a view: when little of it is
 * unused (a column sized from the file's size; a big column is not copied), else it is copied (a
 * doubled array would carry its spare half along when transferred).
 */
function asView(length: number, capacity: number): boolean {
  return length >= 0.9 * capacity;
}

/** Upper bounds of Int8, Int16, Int32; the lower bound of each is its missing marker. */
const INT_MAX = [0x7f, 0x7fff, 0x7fffffff] as const;

/** The missing marker of an integer array (its smallest value); NaN marks missing in a Float64Array. */
export function missingMarker(values: NumberColumnData["values"]): number {
  if (values instanceof Int8Array) return -0x80;
  if (values instanceof Int16Array) return -0x8000;
  if (values instanceof Int32Array) return -0x80000000;
  return Number.NaN;
}

/** The value at `i`, or null when missing. */
export function numberAt(values: NumberColumnData["values"], marker: number, i: number): number | null {
  const v = values[i] ?? marker;
  return v === marker || v !== v ? null : v;
}

/** Level 0–2 (Int8–Int32) that holds integer `v`, or 3 (Float64). */
function levelFor(v: number): number {
  if ((v | 0) !== v) return 3;
  for (let level = 0; level < 3; level++) {
    const max = INT_MAX[level] ?? 0;
    if (v > -max - 1 && v <= max) return level;
  }
  return 3;
}

function allocate(level: number, capacity: number): NumberColumnData["values"] {
  return level === 0 ? new Int8Array(capacity) : level === 1 ? new Int16Array(capacity) : level === 2 ? new Int32Array(capacity) : new Float64Array(capacity);
}

/** Appends numbers (or missing) to a typed array that widens as values demand. */
export class NumberColumnBuilder {
  private values: NumberColumnData["values"];
  private level = 0;
  private marker = -0x80;
  private max = 0x7f;
  length = 0;

  /**
   * `values` while it is an Int8Array (most survey columns stay one), else null. The loaders push
   * tens of millions of values through one store; a store into "one of four array types" is
   * several times slower in V8 than a store into one, so the common type has a store of its own
   * (the CSV reader's hot loop writes into it directly, `length` after it: read-only otherwise).
   */
  int8: Int8Array | null;

  constructor(capacity = 1024) {
    this.values = this.int8 = new Int8Array(capacity);
  }

  /** Appends a finite number. */
  push(v: number): void {
    const int8 = this.int8;
    if (int8 !== null && this.length < int8.length && v > -0x80 && v <= 0x7f && (v | 0) === v) {
      int8[this.length++] = v;
      return;
    }
    if (this.length === this.values.length) this.grow(this.level);
    if (this.level < 3 && ((v | 0) !== v || v <= this.marker || v > this.max)) this.grow(levelFor(v));
    this.values[this.length++] = v;
  }

  /** Appends a missing value. */
  pushMissing(): void {
    const int8 = this.int8;
    if (int8 !== null && this.length < int8.length) {
      int8[this.length++] = -0x80;
      return;
    }
    if (this.length === this.values.length) this.grow(this.level);
    this.values[this.length++] = this.marker;
  }

  /** Makes room for `n` values in all, so a column whose size can be estimated never doubles. */
  reserve(n: number): void {
    if (n <= this.values.length) return;
    const next = allocate(this.level, n);
    next.set(this.values.subarray(0, this.length));
    this.setValues(next);
  }

  private setValues(values: NumberColumnData["values"]): void {
    this.values = values;
    this.int8 = values instanceof Int8Array ? values : null;
  }

  /** Reallocates at `level` (≥ the current one), doubling the capacity when full, and converts markers. */
  private grow(level: number): void {
    const old = this.values;
    const oldMarker = this.marker;
    const capacity = this.length === old.length || level === this.level ? Math.max(1024, old.length * 2) : old.length;
    const next = allocate(level, capacity);
    if (level === this.level) next.set(old.subarray(0, this.length));
    else {
      const marker = missingMarker(next);
      for (let i = 0; i < this.length; i++) {
        const v = old[i] ?? oldMarker;
        next[i] = v === oldMarker ? marker : v;
      }
    }
    this.setValues(next);
    this.level = level;
    this.marker = missingMarker(next);
    this.max = INT_MAX[level] ?? Infinity;
  }

  /** The column, trimmed to its length; `keepView`: a view however much is unused (a part of a split file, to be joined). */
  finish(keepView = false): NumberColumnData {
    const { values, length } = this;
    return { type: "number", values: keepView || asView(length, values.length) ? values.subarray(0, length) : values.slice(0, length) };
  }
}

/**
 * FNV-1a over the length and at most 24 bytes of bytes[start, end) (the first, middle and last
 * eight): long repeated values (a provenance note on every row) hash in constant time, and a
 * collision only costs the full comparison that follows anyway.
 */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = Math.imul(0x811c9dc5 ^ (end - start), 0x01000193);
  if (end - start <= 24) {
    for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] ?? 0), 0x01000193);
    return h >>> 0;
  }
  const mid = (start + end) >> 1;
  for (let k = 0; k < 8; k++) {
    h = Math.imul(h ^ (bytes[start + k] ?? 0), 0x01000193);
    h = Math.imul(h ^ (bytes[mid - 4 + k] ?? 0), 0x01000193);
    h = Math.imul(h ^ (bytes[end - 8 + k] ?? 0), 0x01000193);
  }
  return h >>> 0;
}

/** Appends text values, dictionary-coded; a value seen before (same bytes or same text) reuses its code. */
export class TextColumnBuilder {
  private codes: Int32Array;
  private readonly dictionary: string[] = [];
  private readonly byText = new Map<string, number>();
  // Byte-keyed open-addressing table: slot → code + 1, with each code's bytes kept in a pool.
  private slots = new Int32Array(1024);
  private keyStart: Int32Array = new Int32Array(256);
  private keyEnd: Int32Array = new Int32Array(256);
  private keyCode: Int32Array = new Int32Array(256);
  private keys = 0;
  private pool = new Uint8Array(4096);
  private poolUsed = 0;
  length = 0;

  constructor(capacity = 1024) {
    this.codes = new Int32Array(capacity);
  }

  /** Makes room for `n` values in all. */
  reserve(n: number): void {
    if (n <= this.codes.length) return;
    const next = new Int32Array(n);
    next.set(this.codes.subarray(0, this.length));
    this.codes = next;
  }

  private append(code: number): void {
    if (this.length === this.codes.length) {
      const next = new Int32Array(this.codes.length * 2);
      next.set(this.codes);
      this.codes = next;
    }
    this.codes[this.length++] = code;
  }

  /** The code of `text`, adding it to the dictionary when new. */
  private codeOf(text: string): number {
    let code = this.byText.get(text);
    if (code === undefined) {
      code = this.dictionary.length;
      this.dictionary.push(text);
      this.byText.set(text, code);
    }
    return code;
  }

  /** Appends a string, or missing for null. */
  push(text: string | null): void {
    this.append(text === null ? -1 : this.codeOf(text));
  }

  /** Appends a missing value. */
  pushMissing(): void {
    this.append(-1);
  }

  /**
   * Appends the value whose bytes are bytes[start, end); `decode` turns new bytes into text
   * (null for blank). Bytes seen before are not decoded again.
   */
  pushBytes(bytes: Uint8Array, start: number, end: number, decode: (bytes: Uint8Array, start: number, end: number) => string | null): void {
    const mask = this.slots.length - 1;
    const hash = hashBytes(bytes, start, end);
    const len = end - start;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot] ?? 0;
      if (entry === 0) break;
      const k = entry - 1;
      const ks = this.keyStart[k] ?? 0;
      if ((this.keyEnd[k] ?? 0) - ks === len && this.sameBytes(bytes, start, ks, len)) {
        this.append(this.keyCode[k] ?? -1);
        return;
      }
      slot = (slot + 1) & mask;
    }
    const text = decode(bytes, start, end);
    const code = text === null ? -1 : this.codeOf(text);
    this.remember(bytes, start, end, code, slot);
    this.append(code);
  }

  private sameBytes(bytes: Uint8Array, start: number, poolStart: number, len: number): boolean {
    const pool = this.pool;
    for (let i = 0; i < len; i++) if (pool[poolStart + i] !== bytes[start + i]) return false;
    return true;
  }

  private remember(bytes: Uint8Array, start: number, end: number, code: number, slot: number): void {
    const len = end - start;
    if (this.poolUsed + len > this.pool.length) {
      const next = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + len));
      next.set(this.pool.subarray(0, this.poolUsed));
      this.pool = next;
    }
    this.pool.set(bytes.subarray(start, end), this.poolUsed);
    if (this.keys === this.keyStart.length) {
      this.keyStart = grown(this.keyStart);
      this.keyEnd = grown(this.keyEnd);
      this.keyCode = grown(this.keyCode);
    }
    const k = this.keys++;
    this.keyStart[k] = this.poolUsed;
    this.keyEnd[k] = this.poolUsed + len;
    this.keyCode[k] = code;
    this.poolUsed += len;
    this.slots[slot] = k + 1;
    // Keep the table at most half full.
    if (this.keys * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let k = 0; k < this.keys; k++) {
      let slot = hashBytes(this.pool, this.keyStart[k] ?? 0, this.keyEnd[k] ?? 0) & mask;
      while ((slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
      slots[slot] = k + 1;
    }
    this.slots = slots;
  }

  /** The column, trimmed to its length; `keepView` as for numbers. */
  finish(keepView = false): TextColumnData {
    const { codes, length } = this;
    return { type: "text", codes: keepView || asView(length, codes.length) ? codes.subarray(0, length) : codes.slice(0, length), dictionary: this.dictionary };
  }
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

/**
 * A text column whose every value passes `test` as a number column (`toNumber` of each distinct
 * value), or undefined when one does not. Used for columns that may be numbers or text (unknown
 * headers; identifiers, which stay text unless every value survives the round trip).
 */
export function textAsNumbers(column: TextColumnData, test: (text: string) => boolean): NumberColumnData | undefined {
  if (!column.dictionary.every(test)) return undefined;
  const numbers = column.dictionary.map(Number);
  const out = new NumberColumnBuilder(Math.max(1, column.codes.length));
  for (const code of column.codes) {
    if (code < 0) out.pushMissing();
    else out.push(numbers[code] ?? Number.NaN);
  }
  return out.finish();
}

/** A growable list of 32-bit integers (file row numbers). */
export class Int32List {
  private values: Int32Array = new Int32Array(1024);
  length = 0;

  /** Makes room for `n` values in all. */
  reserve(n: number): void {
    if (n <= this.values.length) return;
    const next = new Int32Array(n);
    next.set(this.values.subarray(0, this.length));
    this.values = next;
  }

  push(v: number): void {
    if (this.length === this.values.length) this.values = grown(this.values);
    this.values[this.length++] = v;
  }

  /** The list, trimmed to its length. */
  finish(): Int32Array {
    return this.values.slice(0, this.length);
  }
}

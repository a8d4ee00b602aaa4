/**
 * Byte-level pieces of the .sav reader: a bounds-checked cursor in the file's byte order, and the
 * two data layouts (plain 8-byte slots, bytecode compression) as generators of slot values, so a
 * damaged file stops with an offset instead of reading past the end.
 *
 * Every read may find the file too short, so the cursor throws {@link SavFormatError} to unwind
 * the parser from wherever it is; `readSav` catches it at its boundary and returns a Result. It
 * never leaves the .sav reader.
 */

import { concatBytes } from "./byte-chunks";

/** A damaged or unsupported .sav file; `offset` is where reading stopped. Internal to the reader. */
export class SavFormatError extends Error {
  override readonly name = "SavFormatError";
  constructor(
    message: string,
    readonly offset: number,
    readonly unsupported = false,
    /** The file is a real .sav cut short (fewer cases than its header declares). */
    readonly truncated = false,
  ) {
    super(message);
  }
}

/** SPSS's system-missing value, -DBL_MAX. */
export const SYSMIS = -Number.MAX_VALUE;

/** Bounds-checked cursor over the file bytes in the file's byte order. */
export class Cursor {
  pos = 0;
  readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    public little = true,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get remaining(): number {
    return this.bytes.length - this.pos;
  }
  need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.bytes.length) {
      throw new SavFormatError(`The file ends inside ${what} (needs ${n} bytes at byte ${this.pos}).`, this.pos);
    }
  }
  int(what: string): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos, this.little);
    this.pos += 4;
    return v;
  }
  float(what: string): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.pos, this.little);
    this.pos += 8;
    return v;
  }
  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

/** Joins 8-byte string slots; a missing slot reads as blanks. */
export function concatSlots(parts: (number | Uint8Array | undefined)[]): Uint8Array {
  return concatBytes(parts.map((p) => (p instanceof Uint8Array ? p : new Uint8Array(8).fill(0x20))));
}

/** Uncompressed data: each slot is 8 bytes, a float64 or 8 string bytes. */
export function* plainSlots(c: Cursor, isString: boolean[]): Generator<number | Uint8Array> {
  let k = 0;
  while (c.remaining >= 8) {
    yield isString[k] ? c.take(8, "string data") : c.float("numeric data");
    k = (k + 1) % isString.length;
  }
}

const SPACES = new Uint8Array(8).fill(0x20);

/** Bytecode-compressed data: blocks of 8 codes, raw 8-byte values following each block. */
export function* compressedSlots(c: Cursor, bias: number, isString: boolean[]): Generator<number | Uint8Array> {
  let k = 0;
  while (c.remaining >= 8) {
    const codes = c.take(8, "a compression block");
    for (const code of codes) {
      if (code === 0) continue;
      if (code === 252) return;
      const string = isString[k] === true;
      k = (k + 1) % isString.length;
      if (code === 253) yield string ? c.take(8, "string data") : c.float("numeric data");
      else if (code === 254) yield string ? SPACES : SYSMIS;
      else if (code === 255) yield string ? SPACES : SYSMIS;
      else yield string ? SPACES : code - bias;
    }
  }
}

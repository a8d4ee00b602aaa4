/**
 * Columns of consecutive parts of one file (read in parallel, `split-load.ts`) joined into the
 * columns one reader would have built: numbers in the widest type any part needed (each part's
 * missing marker turned into the wider type's), text with one dictionary in order of first
 * appearance in the file (so the codes are the ones a single pass assigns), and a column that is
 * numbers in one part and text in another (an identifier column that met "0042") as text, each
 * number written as `String(n)` — what a single pass does when it turns such a column into text.
 *
 * The first part sized its arrays for the whole file (`PartPlace.reserve`): where the joined column
 * fits, it is the first part's array extended over that room and only the later parts are copied
 * in, so the file's columns are not held twice.
 */
import { concatArrays } from "./byte-chunks";
import { type ColumnData, type NumberColumnData, type TextColumnData, missingMarker } from "./column-builders";

type NumberArray = NumberColumnData["values"];

/** 0–3 for Int8, Int16, Int32, Float64. */
function levelOf(values: NumberArray): number {
  return values instanceof Int8Array ? 0 : values instanceof Int16Array ? 1 : values instanceof Int32Array ? 2 : 3;
}

function allocate(level: number, length: number): NumberArray {
  return level === 0 ? new Int8Array(length) : level === 1 ? new Int16Array(length) : level === 2 ? new Int32Array(length) : new Float64Array(length);
}

/** `values` over `length` elements of its own buffer, when the buffer has the room. */
function extended<T extends NumberArray | Int32Array>(values: T, length: number): T | undefined {
  const { buffer, byteOffset } = values;
  if (byteOffset + length * values.BYTES_PER_ELEMENT > buffer.byteLength) return undefined;
  const view: NumberArray = values instanceof Int8Array ? new Int8Array(buffer, byteOffset, length)
    : values instanceof Int16Array ? new Int16Array(buffer, byteOffset, length)
    : values instanceof Int32Array ? new Int32Array(buffer, byteOffset, length)
    : new Float64Array(buffer, byteOffset, length);
  return sameType(values, view) ? view : undefined;
}

function sameType<T extends NumberArray | Int32Array>(like: T, view: NumberArray): view is T {
  return view.constructor === like.constructor;
}

function joinNumbers(parts: readonly NumberColumnData[]): NumberColumnData {
  const level = Math.max(...parts.map((p) => levelOf(p.values)));
  const total = parts.reduce((n, p) => n + p.values.length, 0);
  const head = parts[0]?.values;
  const inPlace = head !== undefined && levelOf(head) === level ? extended(head, total) : undefined;
  const out = inPlace ?? allocate(level, total);
  const marker = missingMarker(out);
  let at = inPlace && head ? head.length : 0;
  for (const { values } of inPlace ? parts.slice(1) : parts) {
    const from = missingMarker(values);
    if (levelOf(values) === level) out.set(values, at);
    else {
      for (let i = 0; i < values.length; i++) {
        const v = values[i] ?? from;
        out[at + i] = v === from ? marker : v;
      }
    }
    at += values.length;
  }
  return { type: "number", values: out };
}

function joinTexts(parts: readonly ColumnData[]): TextColumnData {
  const dictionary: string[] = [];
  const byText = new Map<string, number>();
  const codeOf = (text: string): number => {
    let code = byText.get(text);
    if (code === undefined) {
      code = dictionary.push(text) - 1;
      byText.set(text, code);
    }
    return code;
  };
  const total = parts.reduce((n, p) => n + (p.type === "number" ? p.values.length : p.codes.length), 0);
  const head = parts[0];
  // A first part of text keeps its codes: its values come first in the joined dictionary, in the same order.
  const inPlace = head?.type === "text" ? extended(head.codes, total) : undefined;
  if (inPlace && head?.type === "text") head.dictionary.forEach(codeOf);
  const codes = inPlace ?? new Int32Array(total);
  let at = inPlace && head?.type === "text" ? head.codes.length : 0;
  for (const part of inPlace ? parts.slice(1) : parts) {
    if (part.type === "number") {
      const { values } = part;
      const marker = missingMarker(values);
      for (let i = 0; i < values.length; i++) {
        const v = values[i] ?? marker;
        codes[at + i] = v === marker || v !== v ? -1 : codeOf(String(v));
      }
      at += values.length;
      continue;
    }
    const local = part.dictionary.map(codeOf);
    for (let i = 0; i < part.codes.length; i++) {
      const code = part.codes[i] ?? -1;
      codes[at + i] = code < 0 ? -1 : (local[code] ?? -1);
    }
    at += part.codes.length;
  }
  return { type: "text", codes, dictionary };
}

/** Column k of every part, joined in part order; one part's column is returned as it is. */
export function joinColumn(parts: readonly ColumnData[]): ColumnData {
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only) return only;
  const numbers = parts.filter((p): p is NumberColumnData => p.type === "number");
  return numbers.length === parts.length ? joinNumbers(numbers) : joinTexts(parts);
}

/** Every column of the parts joined (the parts have the same columns, in the same order). */
export function joinColumns(parts: readonly (readonly ColumnData[])[]): ColumnData[] {
  const width = parts[0]?.length ?? 0;
  return Array.from({ length: width }, (_, k) => joinColumn(parts.map((p) => p[k] ?? { type: "text", codes: new Int32Array(0), dictionary: [] })));
}

/** File row numbers of the parts, one array. */
export function joinRowNumbers(parts: readonly Int32Array[]): Int32Array {
  return concatArrays(parts, (n) => new Int32Array(n));
}

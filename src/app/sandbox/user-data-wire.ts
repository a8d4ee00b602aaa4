/**
 * The user's own data file on its way from the shell (which read it) into a notebook frame that
 * may see it. The loaders keep a file as typed-array columns (`ColumnSet`: numbers, or codes into a
 * dictionary for text) behind the Arquero table; those columns are posted with the codebook it was
 * read through, the validation report and how it was read.
 *
 * Issue 12, "Use this data" on 1,000,000 rows: the notebook frame lives in another process, and
 * posting 135 MB of columns there costs twice as long when they are cloned as when they are
 * transferred, and the clone holds the page for most of it (Chromium, measured: ~1.8 s with ~0.8 s
 * of it in `postMessage`, against ~0.8 s and nothing for a transfer). The load worker therefore
 * sends a spare copy of the columns with the file (`offerSpare`): the first frame to get the file
 * is sent that copy, transferred, and the shell keeps its own for the frames after it, which are
 * sent clones (an array is cut to size first only when much of its buffer is unused). The frame
 * rebuilds the same LoadResult with the loaders' own `toLoadResult`. Only the shell encodes; only
 * a frame decodes.
 */
import { type ColumnData, type ColumnSet, transferables } from "../../data/loaders/column-builders";
import type { LoadResult, LoadedData } from "../../data/loaders/load-result";

/** A loaded file, ready to post. */
export interface UserDataWire {
  /** Changes whenever the user picks another file or goes back to the bundled data. */
  version: number;
  name: string;
  data: LoadedData;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** A column to post, and whether its buffer was made for this message (then it is transferred). */
interface Posted {
  column: ColumnData;
  fresh: boolean;
}

/** Whether `array` covers (nearly) its whole buffer: a clone copies the buffer, so little is wasted. */
function whole(array: ArrayBufferView): boolean {
  return array.byteLength >= 0.9 * array.buffer.byteLength;
}

/** Spare copies of loaded files' columns, each sent once, transferred (see the file comment). */
const spares = new WeakMap<LoadResult, ColumnSet>();

/** Keeps `columns`, a copy of `load`'s own, for the first frame that gets `load`. */
export function offerSpare(load: LoadResult, columns: ColumnSet): void {
  spares.set(load, columns);
}

/** The loaders' own column data behind a table column (their column views keep it as `data`). */
function typedColumn(column: unknown): Posted | undefined {
  const data = isRecord(column) ? column.data : undefined;
  if (!isRecord(data)) return undefined;
  const values = data.values;
  if (data.type === "number" && (values instanceof Float64Array || values instanceof Int32Array || values instanceof Int16Array || values instanceof Int8Array)) {
    return whole(values) ? { column: { type: "number", values }, fresh: false } : { column: { type: "number", values: values.slice() }, fresh: true };
  }
  const codes = data.codes;
  if (data.type === "text" && codes instanceof Int32Array && Array.isArray(data.dictionary) && data.dictionary.every((d) => typeof d === "string")) {
    const dictionary = data.dictionary.map(String);
    return whole(codes) ? { column: { type: "text", codes, dictionary }, fresh: false } : { column: { type: "text", codes: codes.slice(), dictionary }, fresh: true };
  }
  return undefined;
}

/** Any other column (not built by the loaders): numbers when every value is a number or blank, else text. */
function columnOf(values: ArrayLike<unknown>): ColumnData {
  const numbers = new Float64Array(values.length);
  let allNumbers = true;
  for (let i = 0; i < values.length && allNumbers; i++) {
    const v = values[i];
    if (typeof v === "number") numbers[i] = v;
    else if (v === null || v === undefined) numbers[i] = Number.NaN;
    else allNumbers = false;
  }
  if (allNumbers) return { type: "number", values: numbers };
  const codes = new Int32Array(values.length);
  const dictionary: string[] = [];
  const byText = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      codes[i] = -1;
      continue;
    }
    const text = String(v);
    let code = byText.get(text);
    if (code === undefined) {
      code = dictionary.push(text) - 1;
      byText.set(text, code);
    }
    codes[i] = code;
  }
  return { type: "text", codes, dictionary };
}

/**
 * The file as a message body plus the buffers to transfer with it: only buffers made for this
 * message (the shell's own columns are posted without a transfer, so it keeps them).
 */
export function encodeUserData(load: LoadResult, version: number, name: string): { wire: UserDataWire; transfer: ArrayBuffer[] } {
  const data = (columns: ColumnSet): LoadedData => ({ columns, codebook: load.codebook, report: load.report, source: load.source });
  const spare = spares.get(load);
  if (spare) {
    spares.delete(load);
    return { wire: { version, name, data: data(spare) }, transfer: transferables(spare) };
  }
  const table = load.table;
  const names = table.columnNames();
  const posted = names.map((column): Posted => typedColumn(table.column(column)) ?? { column: columnOf(table.array(column)), fresh: true });
  const columns = posted.map((p) => p.column);
  const set: ColumnSet = { names, columns, rows: table.numRows() };
  const transfer: ArrayBuffer[] = [];
  for (const { column, fresh } of posted) {
    const buffer = column.type === "number" ? column.values.buffer : column.codes.buffer;
    if (fresh && buffer instanceof ArrayBuffer) transfer.push(buffer);
  }
  return { wire: { version, name, data: data(set) }, transfer };
}

/** Rebuild the loader's result in the frame; `toLoadResult` is the loaders' own (the frame imports it). */
export function decodeUserData(wire: UserDataWire, toLoadResult: (data: LoadedData) => LoadResult): LoadResult {
  return toLoadResult(wire.data);
}

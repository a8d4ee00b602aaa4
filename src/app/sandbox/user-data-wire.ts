/**
 * The user's own data file on its way from the shell (which read it) into a notebook frame that
 * may see it. The loaders keep a file as typed-array columns (`ColumnSet`: numbers, or codes into a
 * dictionary for text) behind the Arquero table; those columns are posted with the codebook it was
 * read through, the validation report and how it was read.
 *
 * Issue 12, "Use this data" on 1,000,000 rows (147 MB of columns): the notebook frame lives in
 * another process, and one message of every column held the shell ~1.2 s in `postMessage` and the
 * frame ~1.4 s taking it in (Chromium, measured at load 13). So a file goes in parts, each its
 * own message of about `PART_BYTES`, one per task (`sendUserData`), and the frame puts them
 * together (`ArrivingUserData`). The first message (`UserDataWire`) carries the filter bar's
 * columns: the frame counts the new N from them at once, while the rest arrives; the cells read
 * the survey only once every column is in. Each part's arrays are copied for the message and
 * transferred (the shell keeps its own for the frames after this one). Only the shell encodes;
 * only a frame decodes.
 */
import { EMPTY_FILTER, surveyFilterConditions, type SurveyFilter } from "../../data/survey-filter";
import { MODEL_STATUS_VARIABLES } from "../../data/six-models";
import type { ColumnData, ColumnSet } from "../../data/loaders/column-builders";
import { transferables } from "../../data/loaders/transferables";
import type { LoadResult, LoadedData } from "../../data/loaders/load-result";
import { isRecord } from "../../base/guards";

/** A loaded file's first message: how it was read, all its column names, and its first columns. */
export interface UserDataWire {
  /** Changes whenever the user picks another file or goes back to the bundled data. */
  version: number;
  name: string;
  /** The file with the columns of this message (`data.columns.rows` is the file's row count). */
  data: LoadedData;
  /** Every column's name in file order; those not in `data` follow in {@link UserDataPart}s. */
  names: readonly string[];
}

/** More columns of the file of `version`. */
export interface UserDataPart {
  version: number;
  names: readonly string[];
  columns: readonly ColumnData[];
}

/** About how many bytes of columns go in one message (a 1,000,000-row file: ~75 messages). */
export const PART_BYTES = 2 * 1_048_576;

/**
 * The pause between two parts: the frame takes each in a task of its own, and between them it
 * paints and answers input (the new N, a click on the filter bar) instead of queueing behind them.
 */
export const PART_PAUSE_MS = 8;

/** One message to post and the buffers it transfers. */
interface Outgoing<T> {
  message: T;
  transfer: ArrayBuffer[];
}

/** The variables `filter` reads (all the filter's variables when it is undefined). */
function filterVariables(filter?: SurveyFilter): Set<string> {
  const everything: SurveyFilter = { ...EMPTY_FILTER, fylke: [1], sizeClass: [1], respType: [1], adopted: [...MODEL_STATUS_VARIABLES] };
  return new Set(surveyFilterConditions(filter ?? everything, "en").map((c) => c.variable));
}

/** The loaders' own column data behind a table column (their column views keep it as `data`), copied to its length. */
function typedColumn(column: unknown): ColumnData | undefined {
  const data = isRecord(column) ? column.data : undefined;
  if (!isRecord(data)) return undefined;
  const values = data.values;
  if (data.type === "number" && (values instanceof Float64Array || values instanceof Int32Array || values instanceof Int16Array || values instanceof Int8Array)) {
    return { type: "number", values: values.slice() };
  }
  const codes = data.codes;
  if (data.type === "text" && codes instanceof Int32Array && Array.isArray(data.dictionary) && data.dictionary.every((d) => typeof d === "string")) {
    return { type: "text", codes: codes.slice(), dictionary: data.dictionary.map(String) };
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

/** A message's columns: their names, and the arrays copied out of the shell's table when it is made. */
interface Group {
  names: string[];
  bytes: number;
}

/**
 * The file as its first message plus the parts after it (see the file comment), each made when it
 * is taken, so the shell holds at most one part's copy at a time. The first message carries the
 * columns `filter` (the filter in force) reads (one column when it reads none: an Arquero table
 * without columns has no rows), and the first parts the rest of the filter's columns, so the frame
 * counts the N of a moved filter soon too.
 */
export function encodeUserData(load: LoadResult, version: number, name: string, filter: SurveyFilter = EMPTY_FILTER): { first: Outgoing<UserDataWire>; parts: () => Iterable<Outgoing<UserDataPart>> } {
  const table = load.table;
  const names = table.columnNames();
  const rows = table.numRows();
  const take = (column: string): ColumnData => typedColumn(table.column(column)) ?? columnOf(table.array(column));
  // Each column's size is known from its type without copying it: an array of `rows` entries.
  const width = (column: string): number => {
    const data: unknown = Reflect.get(table.column(column) ?? {}, "data");
    const array: unknown = isRecord(data) ? (data.values ?? data.codes) : undefined;
    return ArrayBuffer.isView(array) ? array.byteLength : 8 * rows;
  };
  const now = filterVariables(filter);
  const soon = filterVariables();
  if (![...now].some((n) => names.includes(n))) {
    const one = names.find((n) => soon.has(n)) ?? names[0];
    if (one !== undefined) now.add(one);
  }
  const group = (of: string[]): Group => ({ names: of, bytes: of.reduce((sum, n) => sum + width(n), 0) });
  const head = group(names.filter((n) => now.has(n)));
  const groups: Group[] = [head];
  let last: Group | undefined;
  // The other columns fill messages of about PART_BYTES: the filter's first, then the rest in file order.
  for (const column of [...names.filter((n) => soon.has(n) && !now.has(n)), ...names.filter((n) => !soon.has(n) && !now.has(n))]) {
    const bytes = width(column);
    if (!last || (last.names.length > 0 && last.bytes + bytes > PART_BYTES)) {
      last = group([]);
      groups.push(last);
    }
    last.names.push(column);
    last.bytes += bytes;
  }
  // A small file goes whole in the first message.
  if (groups.reduce((sum, g) => sum + g.bytes, 0) <= PART_BYTES) groups.splice(0, groups.length, group([...names]));
  const columnsOf = (group: Group): ColumnSet => ({ names: group.names, columns: group.names.map(take), rows });
  const first = columnsOf(groups[0] ?? head);
  const data: LoadedData = { columns: first, codebook: load.codebook, report: load.report, source: load.source };
  return {
    first: { message: { version, name, data, names }, transfer: transferables(first) },
    *parts() {
      for (const group of groups.slice(1)) {
        const set = columnsOf(group);
        yield { message: { version, names: set.names, columns: set.columns }, transfer: transferables(set) };
      }
    },
  };
}

/**
 * Posts `parts` one per task, `PART_PAUSE_MS` apart, while `post` says the frame still wants them (it returns false once the
 * frame was replaced or given other data).
 */
export function sendUserData(parts: Iterable<Outgoing<UserDataPart>>, post: (part: UserDataPart, transfer: ArrayBuffer[]) => boolean): void {
  const iterator = parts[Symbol.iterator]();
  const step = (): void => {
    const next = iterator.next();
    if (next.done === true) return;
    if (post(next.value.message, next.value.transfer)) setTimeout(step, PART_PAUSE_MS);
  };
  setTimeout(step, 0);
}

/**
 * In the frame: a user's file as its parts arrive. `preview` is the file with the columns in so far
 * (the filter bar counts on it); `complete` resolves with the whole file once every column is in.
 */
export class ArrivingUserData {
  readonly version: number;
  readonly preview: LoadResult;
  readonly complete: Promise<LoadResult>;
  /** The whole file, once every column is in. */
  loaded: LoadResult | undefined;
  private readonly got = new Map<string, ColumnData>();
  private resolve: ((load: LoadResult) => void) | undefined;

  constructor(private readonly wire: UserDataWire, private readonly toLoadResult: (data: LoadedData) => LoadResult) {
    this.version = wire.version;
    this.preview = toLoadResult(wire.data);
    const { names, columns } = wire.data.columns;
    names.forEach((name, i) => {
      const column = columns[i];
      if (column) this.got.set(name, column);
    });
    this.complete = new Promise((resolve) => (this.resolve = resolve));
    this.settle();
  }

  /** Takes a part of this file (a part of another version is ignored). */
  add(part: UserDataPart): void {
    if (part.version !== this.version || this.loaded) return;
    part.names.forEach((name, i) => {
      const column = part.columns[i];
      if (column) this.got.set(name, column);
    });
    this.settle();
  }

  private settle(): void {
    const { names } = this.wire;
    const resolve = this.resolve;
    if (!resolve || !names.every((name) => this.got.has(name))) return;
    this.resolve = undefined;
    const columns = names.map((name): ColumnData => this.got.get(name) ?? { type: "text", codes: new Int32Array(0), dictionary: [] });
    this.got.clear();
    this.loaded = this.toLoadResult({ ...this.wire.data, columns: { names, columns, rows: this.wire.data.columns.rows } });
    resolve(this.loaded);
  }
}

/**
 * A big CSV or card image read by several workers at once (issue 12: one worker cannot reach
 * 50 MB/s). Every worker samples the file and plans the same parts: part k nominally starts at
 * k/count of the file and really starts after the first line end from there (`splitPoint`): a line
 * end cannot be inside a UTF-8 character, and UTF-16 is searched by whole code units at even
 * offsets. Each part reads its bytes from there to the next part's start, counting its records
 * from one (`file-part.ts`).
 *
 * A CSV line end may lie inside a quoted field. Whether it did is known only to the part before:
 * it reads up to that point from a known start, so it knows whether its last byte ended a record
 * (`endsAtBoundary`). `settleParts` (`settle-parts.ts`) checks each start in file order; at the first that was
 * inside a record the part before simply reads on to the end of the file, and the parts after are
 * dropped: the result is always the one pass's, only the speed is lost. The same goes for text
 * decoding: a part that decoded UTF-8 after an earlier part had to switch to Windows-1252 would
 * have decoded differently in one pass, so it is read again by the part before it.
 *
 * Once the starts hold, each part learns how many records come before it (`finish(base)`), so its
 * row numbers and issue messages name file rows, and the parts are joined (`joinParts`) and
 * validated once. {@link loadInParts} runs the whole protocol in one thread (tests, Node); the app
 * runs each part in a worker of its own (`app/load-worker.ts`) and the same steps between them.
 */
import { fail, ok } from "../../base/result";
import type { ByteInput } from "./byte-chunks";
import type { PartData, PartRead } from "./file-part";
import { type LoadFileOptions, type PreparedLoad, finishLoad, prepareLoad } from "./load-columns";
import { MIN_PART_BYTES, partCount } from "./part-count";
import { settleParts } from "./settle-parts";
import { cleanChecks, joinCleanChecks } from "./part-checks";
import { type LoadOutcome, type LoadProblem, type LoadedData, cancelledProblem } from "./load-result";
import type { Result } from "../../base/result";

/** Bytes searched for a line end from a part's nominal start; no line end there, no split. */
const SPLIT_WINDOW = 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

/**
 * Where a part may start in `window` (bytes of the file from an offset that is even for UTF-16):
 * just after the first line end — LF, CRLF or a lone CR, in whole UTF-16 code units for UTF-16 —
 * or -1 when the window holds none it can be sure of (a CR at the window's end may be half a CRLF).
 */
export function splitPoint(window: Uint8Array, encoding: string): number {
  const unit = encoding === "utf-16le" ? (i: number) => (window[i] ?? 0) | ((window[i + 1] ?? 0) << 8)
    : encoding === "utf-16be" ? (i: number) => ((window[i] ?? 0) << 8) | (window[i + 1] ?? 0)
    : undefined;
  if (unit === undefined) {
    const lf = window.indexOf(LF);
    const cr = window.indexOf(CR);
    const at = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
    if (at < 0) return -1;
    if (window[at] === LF) return at + 1;
    if (at + 1 >= window.length) return -1;
    return window[at + 1] === LF ? at + 2 : at + 1;
  }
  for (let i = 0; i + 1 < window.length; i += 2) {
    const u = unit(i);
    if (u === LF) return i + 2;
    if (u !== CR) continue;
    if (i + 3 >= window.length) return -1;
    return unit(i + 2) === LF ? i + 4 : i + 2;
  }
  return -1;
}

/** Bytes [start, end) of the input. */
async function bytesOf(input: Blob | Uint8Array, start: number, end: number): Promise<Uint8Array> {
  return input instanceof Uint8Array ? input.subarray(start, end) : new Uint8Array(await input.slice(start, end).arrayBuffer());
}

/**
 * The starts of the parts of a prepared load (the first is 0), or undefined when it is read whole:
 * a format that cannot start at a line end, a file too small for two parts, no line end found.
 * Every worker computes the same from the same bytes.
 */
export async function planParts(input: Blob | Uint8Array, prepared: PreparedLoad, count: number, minPartBytes = MIN_PART_BYTES): Promise<number[] | undefined> {
  const { format, size, options } = prepared;
  const parts = size === undefined ? 1 : partCount(size, count, minPartBytes);
  if (parts < 2 || size === undefined || !format.parts || !(await format.parts.splittable(options))) return undefined;
  const encoding = options.sample.text?.encoding ?? "utf-8";
  const starts = [0];
  for (let k = 1; k < parts; k++) {
    const nominal = Math.floor((size * k) / parts) & ~1;
    // Past the sample, so past a CSV's header (a splittable CSV has its header in the sample).
    if (nominal < options.sample.head.byteLength) return undefined;
    const at = splitPoint(await bytesOf(input, nominal, Math.min(size, nominal + SPLIT_WINDOW)), encoding);
    if (at < 0 || nominal + at <= (starts.at(-1) ?? 0)) return undefined;
    starts.push(nominal + at);
  }
  return starts;
}

/** The finished parts joined, in file order, and validated once; the first part's problem if one had one. */
export function joinParts(prepared: PreparedLoad, parts: readonly Result<PartData, LoadProblem>[], opts: LoadFileOptions): LoadOutcome<LoadedData> {
  const data: PartData[] = [];
  for (const part of parts) {
    if (!part.ok) return part;
    data.push(part.value);
  }
  const join = prepared.format.parts?.join;
  if (!join) throw new Error(`joinParts: ${prepared.format.format} is not read in parts`);
  return finishLoad(prepared, join(data, prepared.options), opts, joinCleanChecks(data.map((d) => d.clean)));
}

/** Part `index` of a planned load: its bytes read, waiting to be settled and finished. */
export interface StartedPart {
  readonly reading: PartRead;
  /** Reads on to the end of the file (see {@link Settled}). */
  readOn(): Promise<void>;
}

/** Reads part `index` of the planned `starts`. `onProgress` counts the part's bytes, reading on included. */
export async function startPart(input: Blob | Uint8Array, prepared: PreparedLoad, starts: readonly number[], index: number, onProgress?: (bytes: number) => void): Promise<StartedPart> {
  const { format, size = 0, options } = prepared;
  const reader = format.parts;
  if (!reader) throw new Error(`startPart: ${format.format} is not read in parts`);
  const start = starts[index] ?? 0;
  const end = starts[index + 1] ?? size;
  const slice = (from: number, to: number): ByteInput => (input instanceof Uint8Array ? input.subarray(from, to) : input.slice(from, to));
  // Bytes of the reads before the current one: reading on counts on from the part's end.
  let before = 0;
  const counting: typeof options = { ...options, onProgress: (p) => onProgress?.(before + p.bytesRead) };
  const first = index === 0;
  const reading = await reader.read(slice(start, end), counting, { first, last: end >= size, bytes: end - start, reserve: first ? size : end - start });
  return {
    reading,
    readOn: async () => {
      before = end - start;
      await reading.readRest(slice(end, size));
    },
  };
}

/**
 * A started part's columns and issues, its rows counted after the `base` records before it, with
 * the row-by-row checks run on it in its own thread (`part-checks.ts`); or its problem.
 */
export function finishPart(part: StartedPart, base: number, prepared: PreparedLoad): Result<PartData, LoadProblem> {
  const finished = part.reading.finish(base);
  const codebook = prepared.options.codebook;
  if (!finished.ok || codebook === undefined) return finished;
  return ok({ ...finished.value, clean: cleanChecks(finished.value.columns, codebook) });
}

function partAt<T>(parts: readonly T[], k: number): T {
  const part = parts[k];
  if (part === undefined) throw new Error(`part ${k} of ${parts.length} asked for`);
  return part;
}

/**
 * Loads `input` in up to `count` parts, one after another in this thread: the protocol the app's
 * workers follow, for tests and Node. A file that is not split is loaded whole.
 */
export async function loadInParts(input: Blob | Uint8Array, opts: LoadFileOptions, count: number, minPartBytes = MIN_PART_BYTES): Promise<LoadOutcome<LoadedData>> {
  const prepared = await prepareLoad(input, opts);
  if (!prepared.ok) return prepared;
  const starts = await planParts(input, prepared.value, count, minPartBytes);
  if (starts === undefined) {
    const { format, options } = prepared.value;
    const read = await format.read(prepared.value.input, options);
    return read.ok ? finishLoad(prepared.value, read.value, opts) : read;
  }
  const parts: StartedPart[] = [];
  for (let k = 0; k < starts.length; k++) parts.push(await startPart(input, prepared.value, starts, k));
  for (;;) {
    const settled = settleParts(parts.map((p) => p.reading.summary()));
    if (settled.kind === "finish") {
      if (opts.signal?.aborted) return fail(cancelledProblem(opts.name));
      return joinParts(prepared.value, settled.bases.map((base, k) => finishPart(partAt(parts, k), base, prepared.value)), opts);
    }
    await partAt(parts, settled.part).readOn();
    parts.length = settled.part + 1;
  }
}

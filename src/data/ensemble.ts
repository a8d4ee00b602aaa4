/**
 * The ensemble of reconstructions (`data/survey-1999/ensemble.bin`): M equally valid rebuilds of the
 * 267 respondents, each reproducing every printed figure and named fact, written by
 * `npm run data:build` (scripts/data/reconstruct/ensemble-file.ts). A statistic that is the same in
 * every draw follows from the print; one that varies rests on the reconstruction.
 *
 * The file is small and read in one pass:
 *
 *   bytes 0–7    ASCII "TVRSENS1" (magic and format version)
 *   bytes 8–11   header length H, unsigned 32-bit little-endian
 *   bytes 12…    H bytes of UTF-8 JSON ({@link EnsembleHeader})
 *   then         one block per column (byte offset in the header, counted from the end of the
 *                header): draws × rows bit-packed indices, draw after draw, rows in resp_id order,
 *                each index `bits` wide, least significant bit first. Index 0 is blank; index k ≥ 1
 *                is `values[k − 1]`.
 *
 * Packing each column with the fewest bits its codes need keeps 50 draws of 133 columns under
 * 1 MB without a compression library; decoding a draw is a shift and a mask per cell.
 */
import { ok, problem, type Problem, type Result } from "../base/result";
import { isRecord } from "../base/guards";

/** The first eight bytes of an ensemble file. */
export const ENSEMBLE_MAGIC = "TVRSENS1";

/** One column of the file: its name, the codes it takes and where its bits are. */
export interface EnsembleColumnHeader {
  name: string;
  /** The distinct non-blank values, ascending; a cell stores 0 (blank) or 1 + its value's position. */
  values: number[];
  /** Bits per cell: the fewest that hold values.length + 1 indices. */
  bits: number;
  /** Byte offset of the column's block, from the first byte after the header. */
  offset: number;
}

/** The JSON header of an ensemble file. */
export interface EnsembleHeader {
  format: "tverrsnitt-ensemble";
  version: 1;
  /** Number of reconstructions (draw 0 is the canonical one, respondents.csv). */
  draws: number;
  /** Respondents per draw. */
  rows: number;
  /** The build's seed and the seed of each draw. */
  seed: number;
  drawSeeds: number[];
  columns: EnsembleColumnHeader[];
}

/** A decoded ensemble. Columns are decoded on request, so loading the file costs only the header. */
export interface Ensemble {
  readonly draws: number;
  readonly rows: number;
  readonly seed: number;
  readonly drawSeeds: readonly number[];
  /** Column names in file order (codebook order, then resp_type, fylke, size_class, knr). */
  readonly variables: readonly string[];
  /** The distinct non-blank values of a column, ascending; undefined for an unknown name. */
  values(name: string): readonly number[] | undefined;
  /** One column of one draw, rows in resp_id order, NaN for blank; undefined for an unknown name. */
  column(name: string, draw: number): Float64Array | undefined;
  /** Every column of one draw, keyed by variable name. */
  draw(index: number): ReadonlyMap<string, Float64Array>;
  /** One column of every draw end to end (draw 0's rows first): draws × rows values. */
  stacked(name: string): Float64Array | undefined;
}

/** The problems an ensemble file can have. */
export type EnsembleProblem = Problem<"ensemble-format">;

/** Bits needed for `count` distinct values plus blank. */
export function bitsFor(count: number): number {
  let bits = 1;
  while (2 ** bits < count + 1) bits++;
  return bits;
}

/** Bytes a column block takes. */
export function blockBytes(draws: number, rows: number, bits: number): number {
  return Math.ceil((draws * rows * bits) / 8);
}

const NAME = /^[a-z][a-z0-9_]*$/;

function bad(what: string): { ok: false; error: EnsembleProblem } {
  return problem("ensemble-format", `The ensemble file is not valid: ${what}. Rebuild it with \`npm run data:build\` (or reload the page if it was cut short).`);
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v > 0;

/** Check the parsed JSON header field by field; the file is data we fetched, not code we trust. */
function readHeader(json: unknown, payloadBytes: number): Result<EnsembleHeader, EnsembleProblem> {
  if (!isRecord(json)) return bad("the header is not a JSON object");
  const { format, version, draws, rows, seed, drawSeeds, columns } = json;
  if (format !== "tverrsnitt-ensemble" || version !== 1) return bad(`format ${String(format)} version ${String(version)} is not tverrsnitt-ensemble 1`);
  if (!isCount(draws) || !isCount(rows)) return bad("draws and rows must be positive whole numbers");
  if (typeof seed !== "number" || !Array.isArray(drawSeeds) || drawSeeds.length !== draws || !drawSeeds.every((s) => typeof s === "number")) {
    return bad("the seeds are missing or do not match the number of draws");
  }
  if (!Array.isArray(columns) || columns.length === 0) return bad("there are no columns");
  const out: EnsembleColumnHeader[] = [];
  const seen = new Set<string>();
  for (const c of columns) {
    if (!isRecord(c)) return bad("a column entry is not an object");
    const { name, values, bits, offset } = c;
    if (typeof name !== "string" || !NAME.test(name) || seen.has(name)) return bad(`column name ${JSON.stringify(name)} is missing, malformed or repeated`);
    seen.add(name);
    if (!Array.isArray(values) || !values.every((v): v is number => typeof v === "number" && Number.isFinite(v))) return bad(`column ${name} has non-numeric values`);
    if (typeof bits !== "number" || bits !== bitsFor(values.length) || bits > 16) return bad(`column ${name} declares ${String(bits)} bits for ${values.length} values`);
    if (typeof offset !== "number" || !Number.isInteger(offset) || offset < 0 || offset + blockBytes(draws, rows, bits) > payloadBytes) {
      return bad(`column ${name}'s block lies outside the file`);
    }
    out.push({ name, values, bits, offset });
  }
  return ok({ format, version, draws, rows, seed, drawSeeds, columns: out });
}

/** Decode an ensemble file. Fails (never throws) on a file that is not one, cut short or inconsistent. */
export function decodeEnsemble(bytes: Uint8Array): Result<Ensemble, EnsembleProblem> {
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (bytes.length < 12 || magic !== ENSEMBLE_MAGIC) return bad(`it does not start with ${ENSEMBLE_MAGIC}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) return bad("the header runs past the end of the file");
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(12, 12 + headerLength)));
  } catch {
    return bad("the header is not UTF-8 JSON");
  }
  const payload = bytes.subarray(12 + headerLength);
  const header = readHeader(json, payload.length);
  if (!header.ok) return header;
  const { draws, rows, seed, drawSeeds, columns } = header.value;
  const byName = new Map(columns.map((c) => [c.name, c]));
  // One lookup table per column (index → value, NaN for blank), built once.
  const lookups = new Map(columns.map((c) => [c.name, Float64Array.from([Number.NaN, ...c.values])]));
  // Two spare zero bytes so a cell near the end can be read as a 3-byte window without bounds checks.
  const padded = new Uint8Array(payload.length + 2);
  padded.set(payload);

  /** Decode `count` cells starting at cell `first` of a column's block into `out` at `at`. */
  const unpack = (c: EnsembleColumnHeader, first: number, count: number, out: Float64Array, at: number): void => {
    const lookup = lookups.get(c.name) ?? new Float64Array([Number.NaN]);
    const { bits, offset } = c;
    const mask = (1 << bits) - 1;
    let bit = first * bits;
    for (let i = 0; i < count; i++, bit += bits) {
      const byte = offset + (bit >>> 3);
      const word = (padded[byte] ?? 0) | ((padded[byte + 1] ?? 0) << 8) | ((padded[byte + 2] ?? 0) << 16);
      out[at + i] = lookup[(word >>> (bit & 7)) & mask] ?? Number.NaN;
    }
  };
  const checkDraw = (index: number): void => {
    if (!Number.isInteger(index) || index < 0 || index >= draws) throw new RangeError(`Draw ${index} does not exist: the ensemble has draws 0–${draws - 1}.`);
  };
  const column = (name: string, index: number): Float64Array | undefined => {
    checkDraw(index);
    const c = byName.get(name);
    if (!c) return undefined;
    const out = new Float64Array(rows);
    unpack(c, index * rows, rows, out, 0);
    return out;
  };
  return ok({
    draws,
    rows,
    seed,
    drawSeeds,
    variables: columns.map((c) => c.name),
    values: (name) => byName.get(name)?.values,
    column,
    draw: (index) => {
      checkDraw(index);
      const out = new Map<string, Float64Array>();
      for (const c of columns) {
        const values = new Float64Array(rows);
        unpack(c, index * rows, rows, values, 0);
        out.set(c.name, values);
      }
      return out;
    },
    stacked: (name) => {
      const c = byName.get(name);
      if (!c) return undefined;
      const out = new Float64Array(draws * rows);
      unpack(c, 0, draws * rows, out, 0);
      return out;
    },
  });
}

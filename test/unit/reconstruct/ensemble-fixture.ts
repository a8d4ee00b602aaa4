/**
 * The bundled ensemble (data/survey-1999/ensemble.bin) decoded once for the reconstruction tests,
 * plus a plain pairwise-complete Pearson r written here, independently of src/stats.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeEnsemble, type Ensemble } from "../../../src/data/ensemble";
import type { RecordValues } from "../../../src/data/residuals";
import { parseCodebook } from "../../../src/data/parse-codebook";
import { parsePrintedTables } from "../../../src/data/printed-tables";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const dataPath = (p: string): string => resolve(root, "data/survey-1999", p);

export const codebook = parseCodebook(JSON.parse(readFileSync(dataPath("codebook.json"), "utf8")));
export const printed = parsePrintedTables(JSON.parse(readFileSync(dataPath("printed-tables.json"), "utf8")));

function load(): Ensemble {
  const decoded = decodeEnsemble(new Uint8Array(readFileSync(dataPath("ensemble.bin"))));
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value;
}

export const ensemble = load();

/** Every draw's columns, decoded once. */
export const draws: ReadonlyMap<string, Float64Array>[] = Array.from({ length: ensemble.draws }, (_, k) => ensemble.draw(k));

/** One draw as records (blank → null), the shape the residual check reads. */
export function recordsOf(draw: ReadonlyMap<string, Float64Array>): RecordValues[] {
  const rows = draw.get("resp_id")?.length ?? 0;
  return Array.from({ length: rows }, (_, i) => {
    const rec: Record<string, number | null> = {};
    for (const [name, col] of draw) {
      const v = col[i] ?? Number.NaN;
      rec[name] = Number.isNaN(v) ? null : v;
    }
    return rec;
  });
}

/** Pearson r over rows where both are present; null with fewer than 3 such rows or no spread. */
export function pearsonR(x: Float64Array, y: Float64Array): { r: number | null; n: number } {
  let n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] ?? Number.NaN;
    const b = y[i] ?? Number.NaN;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++;
    sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b;
  }
  if (n < 3) return { r: null, n };
  const cxx = sxx - (sx * sx) / n;
  const cyy = syy - (sy * sy) / n;
  const cxy = sxy - (sx * sy) / n;
  return { r: cxx <= 1e-12 || cyy <= 1e-12 ? null : cxy / Math.sqrt(cxx * cyy), n };
}

/** A column as an indicator of `codes` (blank stays blank). */
export function indicator(col: Float64Array, codes: readonly number[]): Float64Array {
  return col.map((v) => (Number.isNaN(v) ? Number.NaN : codes.includes(v) ? 1 : 0));
}

/** A multiple-response box as 1 ticked / 0 not ticked (a blank box is an answer here). */
export function ticked(col: Float64Array): Float64Array {
  return col.map((v) => (Number.isNaN(v) ? 0 : v));
}

export const STATUS_VARIABLES = ["q3", "q7", "q12", "q16", "q20", "q24"] as const;

/** Number of the six models a respondent has adopted (status 1). */
export function modelsAdopted(draw: ReadonlyMap<string, Float64Array>): Float64Array {
  const rows = draw.get("resp_id")?.length ?? 0;
  const out = new Float64Array(rows);
  for (const v of STATUS_VARIABLES) {
    const col = draw.get(v);
    for (let i = 0; i < rows; i++) if (col?.[i] === 1) out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

/** Summary of a statistic over the draws: mean, min, max of the defined values. */
export function summary(values: readonly (number | null)[]): { mean: number; min: number; max: number; defined: number } {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x));
  return { mean: v.reduce((a, b) => a + b, 0) / (v.length || 1), min: Math.min(...v), max: Math.max(...v), defined: v.length };
}

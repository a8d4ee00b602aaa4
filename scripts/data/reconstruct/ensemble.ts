/**
 * The ensemble: M reconstructions from M seeds, every one reproducing every printed figure and
 * named fact. Draw 0 uses the build's seed and is the canonical respondents.csv; draw k uses a seed
 * derived from it, so the whole ensemble is fixed by one number.
 */
import type { Codebook } from "../../../src/data/codebook";
import { computeResiduals, type CellResidual, type RecordValues } from "../../../src/data/residuals";
import type { PrintedTables } from "../../../src/data/printed-tables";
import { createRng } from "./prng";
import { reconstruct, type Reconstruction, type ReconstructionInputs } from "./reconstruct";
import { recordValues } from "./write-outputs";

/** Number of reconstructions in data/survey-1999/ensemble.bin. */
export const ENSEMBLE_DRAWS = 50;

/** The seed of draw `k`: the build's seed for draw 0, a hash of (seed, k) for the others. */
export function drawSeed(seed: number, k: number): number {
  if (k === 0) return seed;
  return Math.floor(createRng(seed).fork(`ensemble draw ${k}`).next() * 4294967296) >>> 0;
}

/** Column names of the ensemble file: the codebook's variables, then the respondent's identity. */
export function ensembleVariables(codebook: Codebook): string[] {
  return [...codebook.variables.map((v) => v.name), "resp_type", "fylke", "size_class", "knr"];
}

/** One draw's records in resp_id order, with knr as a number (blank for anonymous respondents). */
export function ensembleRecords(reconstruction: Reconstruction, codebook: Codebook): RecordValues[] {
  return [...reconstruction.people]
    .sort((a, b) => a.respId - b.respId)
    .map((r) => ({ ...recordValues(r, codebook), knr: r.knr === null ? null : Number(r.knr) }));
}

/**
 * Printed cells a draw misses: must be empty for every draw. Every exact cell counts, a documented
 * conflict included (its target is then the documented resolution); running-text statements
 * ("om lag", "i overkant av") are soft and reported, not required.
 */
export function missedFigures(printed: PrintedTables, records: readonly RecordValues[], codebook: Codebook): CellResidual[] {
  const missing = new Map(codebook.variables.map((v) => [v.name, v.missing]));
  return computeResiduals(printed, records, (v) => missing.get(v) ?? []).cells.filter((c) => !c.soft && !c.ok);
}

/** Build draws 0 … draws − 1. Throws when a draw misses a printed figure (the build must not ship it). */
export function buildEnsemble(
  inputs: ReconstructionInputs,
  codebook: Codebook,
  printed: PrintedTables,
  seed: number,
  draws: number = ENSEMBLE_DRAWS,
): { seeds: number[]; reconstructions: Reconstruction[] } {
  const seeds = Array.from({ length: draws }, (_, k) => drawSeed(seed, k));
  const reconstructions = seeds.map((s, k) => {
    const rec = reconstruct(inputs, codebook, s);
    const off = missedFigures(printed, ensembleRecords(rec, codebook), codebook);
    if (off.length > 0) {
      const first = off[0];
      throw new Error(`Ensemble draw ${k} (seed ${s}) misses ${off.length} printed figure(s), e.g. ${first?.table} ${first?.variable} ${String(first?.code)}: ` +
        `target ${first?.target}, got ${first?.reconstructed}. Fix the reconstruction, or document the conflict and its resolution in inconsistencies.ts.`);
    }
    return rec;
  });
  return { seeds, reconstructions };
}

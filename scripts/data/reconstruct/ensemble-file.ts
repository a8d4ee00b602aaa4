/**
 * Write the ensemble of reconstructions as one small binary file (format: src/data/ensemble.ts).
 * Deterministic: the same draws give the same bytes, so `npm run data:build` is byte-identical
 * run to run.
 */
import { bitsFor, blockBytes, ENSEMBLE_MAGIC, type EnsembleColumnHeader, type EnsembleHeader } from "../../../src/data/ensemble";
import type { RecordValues } from "../../../src/data/residuals";

export interface EnsembleInput {
  seed: number;
  drawSeeds: readonly number[];
  /** Column names in file order. */
  variables: readonly string[];
  /** Per draw, the records in resp_id order (every draw the same length). */
  draws: readonly (readonly RecordValues[])[];
}

/** Encode the draws; throws (a bug in the build) when draws differ in length or hold a non-number. */
export function encodeEnsemble(input: EnsembleInput): Uint8Array {
  const { draws, variables } = input;
  const rows = draws[0]?.length ?? 0;
  if (draws.some((d) => d.length !== rows)) throw new Error("encodeEnsemble: every draw must have the same number of records.");
  // 1. The distinct values of each column over all draws, and its bit width.
  const layout: EnsembleColumnHeader[] = [];
  let offset = 0;
  for (const name of variables) {
    const distinct = new Set<number>();
    for (const d of draws) {
      for (const r of d) {
        const v = r[name];
        if (v === null || v === undefined) continue;
        if (!Number.isFinite(v)) throw new Error(`encodeEnsemble: ${name} = ${v} is not a finite number.`);
        distinct.add(v);
      }
    }
    const values = [...distinct].sort((a, b) => a - b);
    const bits = bitsFor(values.length);
    layout.push({ name, values, bits, offset });
    offset += blockBytes(draws.length, rows, bits);
  }
  const header: EnsembleHeader = {
    format: "tverrsnitt-ensemble",
    version: 1,
    draws: draws.length,
    rows,
    seed: input.seed,
    drawSeeds: [...input.drawSeeds],
    columns: layout,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(12 + headerBytes.length + offset);
  out.set(new TextEncoder().encode(ENSEMBLE_MAGIC), 0);
  new DataView(out.buffer).setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  const payload = out.subarray(12 + headerBytes.length);
  // 2. Each column's block: draw after draw, row after row, `bits` per cell, LSB first.
  for (const c of layout) {
    const index = new Map(c.values.map((v, i) => [v, i + 1]));
    let bit = c.offset * 8;
    for (const d of draws) {
      for (const r of d) {
        const v = r[c.name];
        const code = v === null || v === undefined ? 0 : (index.get(v) ?? 0);
        for (let b = 0; b < c.bits; b++, bit++) {
          if ((code >> b) & 1) payload[bit >>> 3] = (payload[bit >>> 3] ?? 0) | (1 << (bit & 7));
        }
      }
    }
  }
  return out;
}

/** Shared helpers for the loader tests: fixture bytes, the small fixture codebook, loads that unwrap. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Codebook } from "../../../../src/data/codebook";
import type { ByteInput } from "../../../../src/data/loaders/byte-chunks";
import { type LoadFileOptions, loadFile } from "../../../../src/data/loaders/load-file";
import type { LoadProblem, LoadResult } from "../../../../src/data/loaders/load-result";
import { parseCodebook } from "../../../../src/data/parse-codebook";

const FIXTURES = fileURLToPath(new URL("../../../fixtures/loaders/", import.meta.url));

/** Bytes of a fixture in test/fixtures/loaders/ (broken files, named bad-*, live in broken/). */
export function fixture(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(FIXTURES + (name.startsWith("bad-") ? "broken/" : "") + name));
}

/** Reads and validates a codebook JSON file (fixture or the real one). */
export function readCodebook(path: string): Codebook {
  return parseCodebook(JSON.parse(readFileSync(path, "utf8")), path);
}

/** The small codebook the loader fixtures are written against. */
export const smallCodebook: Codebook = readCodebook(FIXTURES + "codebook-small.json");

/** A load that must succeed: its LoadResult, or an error carrying the problem's message. */
export async function loaded(input: ByteInput, options: LoadFileOptions): Promise<LoadResult> {
  const r = await loadFile(input, options);
  if (!r.ok) throw new Error(`${options.name} was refused: ${r.error.message}`);
  return r.value;
}

/** A load that must be refused: its LoadProblem, or an error saying what was read instead. */
export async function refused(input: ByteInput, options: LoadFileOptions): Promise<LoadProblem> {
  const r = await loadFile(input, options);
  if (r.ok) throw new Error(`${options.name} was read (${r.value.source.format}, ${r.value.report.rows} rows) instead of refused`);
  return r.error;
}

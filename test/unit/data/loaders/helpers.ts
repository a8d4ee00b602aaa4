/** Shared helpers for the loader tests: fixture bytes and the small fixture codebook. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Codebook } from "../../../../src/data/codebook";
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

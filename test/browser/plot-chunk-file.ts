/**
 * Plot's chunk in the built app, for the browser tests that watch for it or load it: the one file
 * under dist/assets holding a message only Plot's code holds (its chunk's name is d3's folder's).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { distRoot } from "./static-server";

/** The file name of Plot's chunk under dist/assets ("src-x.js"); the test fails unless exactly one file holds Plot. */
export function plotChunkFile(): string {
  const assets = join(distRoot(), "assets");
  const found = readdirSync(assets).filter((f) => f.endsWith(".js") && readFileSync(join(assets, f), "utf8").includes("invalid piecewise interpolator"));
  expect(found).toHaveLength(1);
  return found[0] ?? "";
}

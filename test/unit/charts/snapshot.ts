/**
 * SVG snapshots in the manner of Plot's own test suite: the serialized chart is compared with
 * `test/output/charts/<name>.svg`. With `UPDATE_SNAPSHOTS=1` every file is (re)written; otherwise
 * the text must be equal, and a missing file fails the test — so a snapshot test cannot pass in CI
 * on a file nobody committed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { expect } from "vitest";

const outputDir = resolve(import.meta.dirname, "../../output/charts");

/** Serialize `svg` and compare with (or write) the stored snapshot `name`.svg. */
export function expectSvgSnapshot(svg: Element, name: string): void {
  const text = `${svg.outerHTML}\n`;
  const file = resolve(outputDir, `${name}.svg`);
  if (process.env.UPDATE_SNAPSHOTS === "1") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) {
    expect.fail(`snapshot ${name}.svg is missing; run the test once with UPDATE_SNAPSHOTS=1, look at the file, and commit it`);
  }
  expect(text, `snapshot ${name}.svg differs; rerun with UPDATE_SNAPSHOTS=1 if the change is intended`).toBe(readFileSync(file, "utf8"));
}

/** Numeric attribute of an element, failing the test when it is missing. */
export function num(el: Element | null | undefined, attr: string): number {
  const v = el?.getAttribute(attr);
  if (v === null || v === undefined) throw new Error(`element has no ${attr} attribute`);
  return Number(v);
}

/** All elements matching `selector` under `root`, as an array. */
export function all(root: Element, selector: string): Element[] {
  return [...root.querySelectorAll(selector)];
}

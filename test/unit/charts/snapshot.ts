/**
 * SVG snapshots in the manner of Plot's own test suite: the serialized chart is compared with
 * `test/output/charts/<name>.svg`. A missing file is written (and the test passes); with
 * `UPDATE_SNAPSHOTS=1` every file is rewritten. Otherwise the text must be equal.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { expect } from "vitest";

const outputDir = resolve(import.meta.dirname, "../../output/charts");

/** Serialize `svg` and compare with (or write) the stored snapshot `name`.svg. */
export function expectSvgSnapshot(svg: Element, name: string): void {
  const text = `${svg.outerHTML}\n`;
  const file = resolve(outputDir, `${name}.svg`);
  if (process.env.UPDATE_SNAPSHOTS === "1" || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
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

/**
 * The reference's recipes for blanks do what they say. `op.valid` is an Arquero aggregate (the count
 * of valid values): the op entry's guard `derive({y: (d) => op.valid(d.q6) ? d.q6 * 2 : null})` gave
 * a blank the value 0 — the very slip it was written to prevent — and the survey entry told analysts
 * to test rows with it. Every `filter(…)` and `derive(…)` the survey and op entries show is run here
 * on a column with a blank: the blank row is dropped by a filter and stays blank through a derive.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Reference } from "../../../scripts/reference/reference-types";
import { runNotebookHeadless } from "../../../src/runtime/headless";
import { nodeHost } from "../notebooks/headless-survey";

const reference: Reference = JSON.parse(readFileSync("src/base/reference/reference.json", "utf8"));

/** The `filter(…)` and `derive(…)` snippets an entry's details show in backticks. */
function rowRecipes(name: string): string[] {
  const details = reference.entries.find((e) => e.name === name)?.details ?? "";
  return [...details.matchAll(/`((?:filter|derive)\(.*?\))`/g)].map((m) => m[1] ?? "");
}

/** Runs a snippet in a cell, as a verb of a table whose q6 has a blank in row 2: its rows. */
async function runOn(snippet: string): Promise<unknown> {
  const source = `const rows = aq.table({q6: [1, null, 3]}).${snippet}.objects()`;
  const run = await runNotebookHeadless({ title: "t", cells: [{ id: "1", kind: "js", source }] }, { host: nodeHost() });
  return run.cells[0]?.names?.rows;
}

describe("the reference's recipes for blanks", () => {
  for (const name of ["survey", "op"]) {
    it(`${name}: every row recipe shown keeps a blank out of the arithmetic`, async () => {
      const recipes = rowRecipes(name);
      expect(recipes.length, `${name} shows a filter or derive recipe`).toBeGreaterThan(0);
      for (const snippet of recipes) {
        const rows = await runOn(snippet);
        if (snippet.startsWith("filter")) expect(rows, snippet).toEqual([{ q6: 1 }, { q6: 3 }]);
        else expect(rows, snippet).toEqual([{ q6: 1, y: 2 }, { q6: null, y: null }, { q6: 3, y: 6 }]);
      }
    });
  }
});

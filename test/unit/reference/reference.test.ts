/**
 * The generated reference (scripts/reference): it is up to date with the sources, it has an entry —
 * a description and an example — for every builtin a cell can name (read from the running scope, not
 * from the reference itself), and every example runs headless without an error.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createAllAnalysisBuiltins } from "../../../src/analysis/all-builtins";
import { ANALYSIS_NAMES } from "../../../src/analysis/lazy-builtins";
import { SCOPE_NAMES } from "../../../src/analysis/survey-scope";
import { mergeLazy } from "../../../src/base/merge-lazy";
import { runNotebookHeadless } from "../../../src/runtime/headless";
import { createStdlib } from "../../../src/runtime/stdlib";
import { referenceFiles } from "../../../scripts/reference/write-reference";
import type { Reference, ReferenceEntry } from "../../../scripts/reference/reference-types";
import { nodeHost, nodeScope } from "../notebooks/headless-survey";

const files = referenceFiles();
const reference: Reference = JSON.parse(files[0]?.text ?? "{}");
const byName = new Map(reference.entries.map((e) => [e.name, e]));

/** Names the running scope has: stdlib, analysis layer, host state, and each namespace's members. */
function scopeNames(): string[] {
  const host = nodeHost();
  const stdlib = Object.keys(Object.getOwnPropertyDescriptors(createStdlib(host)));
  const analysis = createAllAnalysisBuiltins(host);
  const members = ANALYSIS_NAMES.flatMap((name) => {
    const descriptor = Object.getOwnPropertyDescriptor(analysis, name);
    const value: unknown = descriptor && "value" in descriptor ? descriptor.value : undefined;
    // Objects of builtins (stats, tables, charts, crosswalk, reconciliation, disclosure): every member.
    return typeof value === "object" && value !== null && !Array.isArray(value) ? Object.keys(value).map((m) => `${name}.${m}`) : [];
  });
  return [...stdlib, ...ANALYSIS_NAMES, ...SCOPE_NAMES, "display", "view", ...members];
}

describe("the generated reference", () => {
  it("is up to date with the sources (else run `npm run reference`)", () => {
    for (const file of files) expect(readFileSync(file.path, "utf8"), file.path).toBe(file.text);
  }, 60_000);

  it("has an entry with a description and an example for every builtin in scope", () => {
    const names = scopeNames();
    expect(names).toContain("stats.crosstab");
    expect(names).toContain("tables.frequencies");
    expect(names).toContain("charts.crosstab");
    const missing = names.filter((n) => !byName.has(n));
    expect(missing, "builtins without a reference entry").toEqual([]);
    const undocumented = names.filter((n) => !byName.get(n)?.description);
    expect(undocumented, "entries without a description (JSDoc)").toEqual([]);
    const noExample = names.filter((n) => !byName.get(n)?.example);
    expect(noExample, "entries without an @example").toEqual([]);
  });

  it("gives every function its signature and every anchor once", () => {
    const functions = reference.entries.filter((e) => e.kind === "function" && e.group !== "cell");
    for (const e of functions) expect(e.signatures.length, e.name).toBeGreaterThan(0);
    expect(byName.get("stats.crosstab")?.signature).toBe("stats.crosstab(data, rowVariable, columnVariable, options?)");
    expect(byName.get("tables.crosstab")?.options.map((o) => o.name)).toEqual(expect.arrayContaining(["percent", "counts", "expected", "mask", "weight"]));
    const anchors = reference.entries.map((e) => e.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it("links other projects' libraries to their documentation", () => {
    for (const name of ["aq", "op", "Plot", "Inputs"]) expect(byName.get(name)?.links.length, name).toBeGreaterThan(0);
  });

  describe("every example runs headless without an error", () => {
    const host = nodeHost();
    const scope = nodeScope(host);
    const builtins = mergeLazy(createAllAnalysisBuiltins(host), scope.builtins());
    beforeAll(async () => {
      await scope.survey();
    }, 60_000);
    it.each(reference.entries.map((e): [string, ReferenceEntry] => [e.name, e]))("%s", async (_name, entry) => {
      const run = await runNotebookHeadless({ title: entry.name, cells: [{ id: "1", kind: "js", source: entry.example }] }, { host, builtins, idleTimeoutMs: 30_000 });
      const cell = run.cells[0];
      expect(cell?.error?.message ?? "", entry.example).toBe("");
      expect(cell?.status).toBe("fulfilled");
    }, 60_000);
  });
});

/**
 * The hover's one-line value picture: short for anything, however large — a crosstab result used to
 * print as thousands of characters — and it says what a value is (table size, array length, the
 * selection's N line, a builtin's signature).
 */
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { createAnalysisBuiltins } from "../../../src/analysis/builtins";
import { valueSummary } from "../../../src/components/authoring/value-summary";
import { nodeHost, nodeScope } from "../notebooks/headless-survey";

describe("valueSummary", () => {
  it("says what scalars, arrays and tables are", () => {
    expect(valueSummary(42)).toBe("42");
    expect(valueSummary("Rogaland")).toBe('"Rogaland"');
    expect(valueSummary([1, 2, 3, 4, 5, 6, 7])).toBe("Array(7) [1, 2, 3, 4, 5, …]");
    expect(valueSummary(aq.table({ a: [1, 2, 3], b: [4, 5, 6] }))).toBe("table: 3 rows × 2 columns");
    // In norsk, the editor's hover says it in norsk.
    expect(valueSummary(aq.table({ a: [1, 2, 3], b: [4, 5, 6] }), "nb")).toBe("tabell: 3 rader × 2 kolonner");
    expect(valueSummary({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8 }, "nb")).toBe("{a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, … 2 til}");
    expect(valueSummary(new Map([["a", 1]]))).toBe("Map(1)");
  });

  it("keeps a crosstab result and a long string to one short line, and shows a selection by its N", async () => {
    const host = nodeHost();
    const scope = nodeScope(host);
    const ct = createAnalysisBuiltins(host).stats.crosstab(await scope.survey(), "size_class", "q20");
    const line = valueSummary(ct);
    expect(line.length).toBeLessThanOrEqual(160);
    expect(line).toMatch(/^\{rowVariable: "size_class", columnVariable: "q20", rowLabel/);
    expect(valueSummary("x".repeat(500))).toHaveLength(160);
    // The scope starts in norsk: the selection summarises itself in it.
    expect(valueSummary(await scope.selection())).toBe("N = 267 av 267");
  }, 60_000);
});

/**
 * What a cell shows when it evaluates to a builtin or a statistic (the findings: `stats`
 * inspected as bare `ƒ crosstab()`, a crosstab cut at "… (3241 more characters)").
 */
import { describe, expect, it } from "vitest";
import { createAllAnalysisBuiltins } from "../../../src/analysis/all-builtins";
import { statsBuiltin } from "../../../src/analysis/stats-builtin";
import { formatValue } from "../../../src/components/render-output";
import { toJsonValue } from "../../../src/runtime/headless";
import { nodeHost, nodeScope, respondentRecords } from "../notebooks/headless-survey";

const host = nodeHost();
const names = createAllAnalysisBuiltins(host);
const stats: unknown = Reflect.get(names, "stats");

describe("inspecting builtins and results", () => {
  it("shows every stats function with its signature", () => {
    const text = formatValue(stats);
    expect(text).toContain('"crosstab": "ƒ stats.crosstab(data, rowVariable, columnVariable, options?)"');
    expect(text).toContain('"frequencies": "ƒ stats.frequencies(data, variable, options?)"');
    expect(text).not.toMatch(/ƒ \w+\(\)"/);
    const crosstab = typeof stats === "object" && stats !== null ? Reflect.get(stats, "crosstab") : undefined;
    expect(typeof crosstab === "function" && formatValue(crosstab)).toBe("ƒ stats.crosstab(data, rowVariable, columnVariable, options?)");
    expect(toJsonValue(stats)).toMatchObject({ sizeClassRates: "ƒ stats.sizeClassRates(data, variable, success, options?)" });
  });

  it("shows a crosstab whole and short: its counts row by row, test, warning and fields", async () => {
    const selection = await nodeScope(host).selection();
    const ct = statsBuiltin.crosstab(selection, "size_class", "q20");
    const text = formatValue(ct);
    expect(text).not.toContain("more characters");
    expect(text.length).toBeLessThan(2500);
    // The first row's counts, from respondents.csv read independently.
    const records = respondentRecords().filter((r) => r.size_class === "1");
    const counts = ["1", "2", "3", "4"].map((code) => records.filter((r) => r.q20 === code).length);
    expect(text).toContain(`"1 0-999 innbyggere": "${counts.join(" · ")} | ${counts.reduce((a, b) => a + b, 0)}"`);
    expect(text).toMatch(/"test": "Pearson χ²\(15\) = [\d,]+, p/);
    expect(text).toContain('"fields": "rows, columns, cells[i][j]');
    // Code still reads it as the plain result.
    expect(ct.cells[0]?.[0]?.count).toBe(counts[0]);
    expect(Object.keys(ct)).not.toContain("toJSON");
  });
});

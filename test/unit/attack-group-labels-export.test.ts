/**
 * Attack: hostile value labels of the group variable (a user's .sav carries its own) in
 * `tables.groups` and its CSV export: a label that is a spreadsheet formula or HTML. Held on main:
 * the row label leads with the group's code, the CSV guard prefixes any formula-like text, and the
 * label reaches the table as text, never as an element.
 */
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { createTables } from "../../src/analysis/tables/tables";
import { tableToCsv } from "../../src/analysis/export-table";
import { htmlTableData } from "../../src/app/html-table-rows";
import type { Codebook, CodebookVariable } from "../../src/data/codebook";
import { compareGroups } from "../../src/stats/compare-groups";

const { document } = parseHTML("<!doctype html><html><body></body></html>");

const HOSTILE = ["=cmd|' /C calc'!A0", "<img src=x onerror=alert(1)>", "+SUM(A1:A9)", "@HYPERLINK(\"http://x\")"];

function codebook(): Codebook {
  const group: CodebookVariable = {
    name: "g", question: "=Group", no: "=Gruppe", en: "=Group", kind: "categorical",
    codes: HOSTILE.map((text, i) => ({ code: i + 1, no: text, en: text })), missing: [], columns: { start: 1, end: 1 },
  };
  const item: CodebookVariable = { name: "q", question: "q", no: "q", en: "q", kind: "numeric", codes: [], missing: [], columns: { start: 2, end: 2 } };
  return { title: "hostile", source: "test", recordLength: 2, variables: [group, item], skipRules: [], sets: [] };
}

describe("attack: hostile group labels in tables.groups and its CSV", () => {
  it("shows them as text and exports no cell a spreadsheet would run", () => {
    const g = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4];
    const q = [1, 2, 3, 2, 3, 4, 1, 1, 2, 4, 4, 3];
    const result = compareGroups({ g, q }, "g", "q", { codebook: codebook() });
    const el = createTables({ document: () => document, shared: false, locale: "en" }).groups(result);
    expect(el.querySelector("img")).toBeNull();
    expect(el.textContent).toContain("<img src=x onerror=alert(1)>");
    const csv = tableToCsv(htmlTableData(el.querySelector("table") ?? el));
    const fields = csv.split("\r\n").flatMap((line) => line.split(","));
    const running = fields.map((f) => f.replace(/^"/, "")).filter((f) => /^[=+\-@\t\r]/.test(f) && !/^[+-]?\d+(?:[.,]\d+)?$/.test(f));
    expect(running).toEqual([]);
    expect(csv).toContain("=cmd|");
  });
});

/**
 * Our table renderers keep the CSV fields of a table's cells in one JSON on the `<table>`
 * (`data-export-rows`), not in a `data-export` attribute per cell (issue 12: an attribute and a JSON
 * text per cell, 150–270 per comparison, on every redraw). Pinned here: no cell of a comparison
 * (rows and grid) or plain table carries its own attribute; the export reads from the table the
 * numbers of the comparison itself (an independent reading: the comparison's figures, the guard's
 * hidden counts in a shared view); a cell's fields are found from the cell alone
 * (`cellExportFields`); and the table's JSON is read as untrusted, like a cell's.
 */
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { createAnalysisBuiltins } from "../../../src/analysis/builtins";
import { cellExportFields } from "../../../src/analysis/export-fields";
import { isPrintedComparison, type PrintedComparison } from "../../../src/analysis/printed-comparison";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { comparisonCounts } from "../../../src/analysis/tables/comparison-counts";
import { htmlTableData } from "../../../src/app/html-table-rows";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

function call(target: unknown, name: string, ...args: unknown[]): unknown {
  const fn: unknown = typeof target === "object" && target !== null ? Reflect.get(target, name) : undefined;
  if (typeof fn !== "function") throw new Error(`${name} is not a function`);
  return Reflect.apply(fn, target, args);
}

function isElement(value: unknown): value is Element {
  return typeof value === "object" && value !== null && "outerHTML" in value && "querySelector" in value;
}

function tableOf(figure: unknown): Element {
  const table = isElement(figure) ? figure.querySelector("table") : null;
  if (!table) throw new Error("no table drawn");
  return table;
}

/** Every record of the table's CSV, as name → value. */
function records(table: Element): Map<string, unknown>[] {
  const data = htmlTableData(table);
  const names = data.columnNames();
  return Array.from({ length: data.numRows() }, (_, r) => new Map(names.map((n) => [n, data.get(n, r)])));
}

describe("export fields of our tables", () => {
  it("are one JSON on the table, and the CSV reads the comparison's own figures from it (live and shared, rows and grid)", async () => {
    const host = nodeHost();
    const survey = await loadSurvey(host);
    let masked = 0;
    for (const view of ["live", "shared"] as const) {
      const nb = createAnalysisBuiltins({ ...host, view });
      for (const fylke of [[], [11], [19]]) {
        const selection = call(nb, "applyFilter", survey, { ...EMPTY_FILTER, fylke });
        for (const id of ["2.1", "2.7", "3.4"]) {
          const cmp = call(nb, "comparePrinted", selection, id);
          if (!isPrintedComparison(cmp)) throw new Error(`comparePrinted(${id}) gave no comparison`);
          const table = tableOf(call(nb, "renderComparison", cmp));
          expect(table.querySelectorAll("[data-export]"), `${id} ${view} ${fylke.join(",")}`).toHaveLength(0);
          expect(table.getAttribute("data-export-rows")).not.toBeNull();
          masked += expectFigures(table, cmp, view === "shared" && cmp.disclosureSensitive);
        }
        // Tabell 2.6 as the report printed it: areas down, models across, one figure per cell.
        const grid = call(nb, "comparePrinted", selection, "2.6");
        if (!isPrintedComparison(grid)) throw new Error("comparePrinted(2.6) gave no comparison");
        const table = tableOf(call(nb, "renderComparison", grid, { layout: "grid" }));
        expect(table.querySelectorAll("[data-export]")).toHaveLength(0);
        // (Its CSV keeps one record per area, so each cell's own fields are read here.)
        const shown = [...table.querySelectorAll("tbody td")].flatMap((td) => cellExportFields(td)?.filter(([name]) => name === "recomputed_count").map(([, v]) => v) ?? []);
        const counts = comparisonCounts(grid, view === "shared" && grid.disclosureSensitive);
        expect(shown.sort()).toEqual(grid.rows.map((row, i) => (counts.shown.hidden(counts.cell(i, 0)) ? null : row.cells[0]?.count)).sort());
      }
    }
    // The shared view under a county hid counts, and the CSV left them blank.
    expect(masked).toBeGreaterThan(0);
  });

  it("of a plain table: one JSON on the table, each cell's value under its column", async () => {
    const host = nodeHost();
    const nb = createAnalysisBuiltins(host);
    const table = tableOf(call(nb, "renderTable", { caption: "T", columns: [{ key: "k", label: "Kommune" }, { key: "n", label: "N", count: true }], rows: [{ k: "Stavanger", n: 12 }, { k: "Sola", n: 7.5 }], audit: "N = 2" }));
    expect(table.querySelectorAll("[data-export]")).toHaveLength(0);
    expect(records(table).map((r) => [...r.entries()])).toEqual([[["k", "Stavanger"], ["n", 12]], [["k", "Sola"], ["n", 7.5]]]);
    const cell = table.querySelector("tbody tr:nth-child(2) td:nth-child(2)");
    expect(cell ? cellExportFields(cell) : undefined).toEqual([["n", 7.5]]);
  });

  it("reads a table's JSON as untrusted: a malformed one or a malformed entry falls back to the cell's own fields or its text", () => {
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const holder = document.createElement("div");
    const build = (rows: string | null, ownSecond?: string): Element => {
      holder.innerHTML = "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>x</td><td>y</td></tr></tbody></table>";
      const table = holder.querySelector("table");
      if (!table) throw new Error("no table");
      if (rows !== null) table.setAttribute("data-export-rows", rows);
      if (ownSecond) table.querySelector("td:nth-child(2)")?.setAttribute("data-export", ownSecond);
      return table;
    };
    const read = (table: Element): [string, unknown][][] => records(table).map((r) => [...r.entries()]);
    expect(read(build(JSON.stringify([[[["a", 1]], [["b", "two"]]]])))).toEqual([[["a", 1], ["b", "two"]]]);
    // Not an array of rows: every cell is its text under its header.
    expect(read(build('{"__proto__": {"polluted": 1}}'))).toEqual([[["A", "x"], ["B", "y"]]]);
    expect(read(build("not json"))).toEqual([[["A", "x"], ["B", "y"]]]);
    // One malformed entry (an object, a non-finite number as text): that cell alone falls back.
    expect(read(build(JSON.stringify([[{ a: 1 }, [["b", 2]]]])))).toEqual([[["A", "x"], ["b", 2]]]);
    expect(read(build(JSON.stringify([[[["a", [1]]], null]])))).toEqual([[["A", "x"], ["B", "y"]]]);
    // A cell's own attribute comes first.
    expect(read(build(JSON.stringify([[null, [["b", 2]]]]), JSON.stringify([["own", 3]])))).toEqual([[["A", "x"], ["own", 3]]]);
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});

/**
 * The table's CSV against the comparison: per printed figure its answer, code, printed and
 * recomputed count (blank where the guard hides it) and agreement flag. Returns the hidden counts.
 */
function expectFigures(table: Element, cmp: PrintedComparison, mask: boolean): number {
  const counts = comparisonCounts(cmp, mask);
  const expected: [string, unknown][][] = [];
  let hidden = 0;
  cmp.rows.forEach((row, r) => {
    row.cells.forEach((cell, i) => {
      const hides = counts.shown.hidden(counts.cell(r, i));
      if (hides) hidden++;
      expected.push([["answer", cell.label], ["code", cell.code], ["printed_count", cell.printedCount], ["recomputed_count", hides ? null : cell.count], ["agrees", cell.matches === null ? null : cell.matches ? 1 : 0]]);
    });
    if (row.printedTotal !== null || row.targetTotal !== null) {
      const hides = counts.shown.hidden(counts.total(r));
      expected.push([["answer", "N"], ["code", null], ["printed_count", row.printedTotal], ["recomputed_count", hides ? null : row.total], ["agrees", row.totalMatches === null ? null : row.totalMatches ? 1 : 0]]);
    }
  });
  const got = records(table).map((record) => expected[0]?.map(([name]): [string, unknown] => [name, record.get(name)]) ?? []);
  expect(got, `${cmp.id}`).toEqual(expected);
  // Every cell finds its own fields: the recomputed cell of the first row names its count.
  const first = table.querySelector("tbody tr td:nth-child(4)");
  const fields = first ? cellExportFields(first) : undefined;
  expect(fields?.find(([name]) => name === "recomputed_count")?.[1]).toBe(expected[0]?.[3]?.[1]);
  return hidden;
}

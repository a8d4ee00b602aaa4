/**
 * The CSV of a rendered analysis table has numbers, not display strings: the printed-vs-recomputed
 * comparison gives printed_percent, printed_count, recomputed_percent, recomputed_count and a 1/0
 * agreement flag under real column names (the screen shows "50 % (2)" and "✓"), on hand-worked
 * data; masked counts stay masked; and the CSV loads back through loadFile with the same numbers.
 */
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { table } from "arquero";
import type { Codebook } from "../../../src/data/codebook";
import type { PrintedTable } from "../../../src/data/printed-tables";
import { comparePrinted } from "../../../src/analysis/printed-comparison";
import { renderComparison, renderTable } from "../../../src/analysis/render-table";
import { tableToCsv, type ColumnTable } from "../../../src/analysis/export-table";
import { htmlTableData } from "../../../src/app/html-table-rows";
import { loadFile } from "../../../src/data/loaders/load-file";
import { filterView } from "../../../src/stats/index";

const codebook: Codebook = {
  title: "t", source: "s", recordLength: 2, skipRules: [], sets: [],
  variables: [
    { name: "q1", question: "q1", no: "Aktivitet", en: "Activity", kind: "categorical", columns: { start: 1, end: 1 }, missing: [9],
      codes: [{ code: 1, no: "Svært aktiv", en: "" }, { code: 2, no: "Aktiv", en: "" }, { code: 9, no: "Vet ikke", en: "" }] },
    { name: "fylke", question: "fylke", no: "Fylke", en: "County", kind: "categorical", columns: { start: 2, end: 2 }, missing: [], codes: [] },
  ],
};
// q1 valid: 1, 1, 2, 2 → 2 of 4 = 50 % each; 9 and blank are left out.
const data = table({ q1: [1, 1, 2, 9, null, 2], fylke: [1, 1, 2, 2, 2, 2] });
const printed: PrintedTable = {
  id: "2.9", caption: "Aktivitet", lines: [1, 2], questions: ["q1"], kind: "frequency",
  rows: [{ label: "Aktivitet", variable: "q1", percentBase: "valid", total: 4, cells: [{ code: 1, label: "Svært aktiv", count: 2, percent: 50 }, { code: 2, label: "Aktiv", count: 3, percent: 50 }] }],
};
const doc = (): Document => parseHTML("<!DOCTYPE html><html><body></body></html>").document;

function records(t: ColumnTable): unknown[][] {
  return Array.from({ length: t.numRows() }, (_, i) => t.columnNames().map((n) => t.get(n, i)));
}

function tableIn(figure: Element): Element {
  const el = figure.querySelector("table");
  if (!el) throw new Error("no <table> rendered");
  return el;
}

describe("CSV of a rendered comparison", () => {
  it("has numeric columns with real names, not '50 % (2)' under 'column 1'", () => {
    const figure = renderComparison(doc(), comparePrinted(data, printed, { codebook }));
    expect(figure.textContent).toContain("50 % (2)");
    const t = htmlTableData(tableIn(figure));
    expect(t.columnNames()).toEqual(["table", "question", "variable", "answer", "code", "printed_percent", "printed_count", "recomputed_percent", "recomputed_count", "agrees", "resolution"]);
    expect(records(t)).toEqual([
      ["2.9", "Aktivitet", "q1", "Svært aktiv", 1, 50, 2, 50, 2, 1, null],
      // The report prints 3 where the data have 2: the flag says so.
      ["2.9", "Aktivitet", "q1", "Aktiv", 2, 50, 3, 50, 2, 0, null],
      ["2.9", "Aktivitet", "q1", "N", null, null, 4, null, 4, 1, null],
    ]);
    expect(tableToCsv(t).split("\r\n")[1]).toBe("2.9,Aktivitet,q1,Svært aktiv,1,50,2,50,2,1,");
  });

  it("keeps masked counts masked: blank, flagged, and no percentage that would give them back", () => {
    // Fylke 2 has four respondents, two of them "Aktiv": 2 is below the threshold of 3.
    const figure = renderComparison(doc(), comparePrinted(filterView(data, [{ variable: "fylke", codes: [2] }]), printed, { codebook }), { mask: true });
    expect(figure.textContent).toContain("< 3");
    const t = htmlTableData(tableIn(figure));
    const second = Object.fromEntries(t.columnNames().map((n) => [n, t.get(n, 1)]));
    expect(second).toMatchObject({ answer: "Aktiv", recomputed_count: null, recomputed_percent: null, recomputed_masked: 1 });
    expect(t.get("recomputed_count", 0)).toBe(0);
    expect(t.get("recomputed_masked", 0)).toBe(0);
  });

  it("withholds a shared comparison of 1–2 respondents: every reader knows its answers add up to less than 3", () => {
    // Fylke 1 has two respondents, both "Svært aktiv".
    const figure = renderComparison(doc(), comparePrinted(filterView(data, [{ variable: "fylke", codes: [1] }]), printed, { codebook }), { mask: true });
    expect(figure.querySelector("table")).toBeNull();
    expect(figure.textContent).toContain("holdt tilbake");
    expect(renderComparison(doc(), comparePrinted(filterView(data, [{ variable: "fylke", codes: [1] }]), printed, { codebook }), { mask: true, locale: "en" }).textContent).toContain("withheld");
  });

  it("loads back through loadFile with the same numbers", async () => {
    const t = htmlTableData(tableIn(renderComparison(doc(), comparePrinted(data, printed, { codebook }))));
    // A result table, not the survey: read as a table (the survey's variables are not required).
    const loaded = await loadFile(new TextEncoder().encode(tableToCsv(t)), { name: "tabell-2-9.csv", codebook, readAs: "table" });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const back = loaded.value;
    for (const name of ["printed_percent", "printed_count", "recomputed_percent", "recomputed_count", "agrees"]) {
      expect(back.table.array(name), name).toEqual(Array.from({ length: t.numRows() }, (_, i) => t.get(name, i)));
    }
  });
});

describe("CSV of a rendered plain table", () => {
  it("writes values by column key, masked counts blank with a flag", () => {
    const figure = renderTable(doc(), { caption: "c", columns: [{ key: "model", label: "Modell" }, { key: "n", label: "n", count: true }, { key: "r", label: "r" }], rows: [{ model: "=HYPERLINK(1)", n: 2, r: -0.125 }, { model: "Brukerundersøkelser", n: 7, r: null }], audit: "a" }, { mask: true });
    const t = htmlTableData(tableIn(figure));
    expect(t.columnNames()).toEqual(["model", "n", "n_masked", "r"]);
    expect(records(t)).toEqual([["=HYPERLINK(1)", null, 1, -0.125], ["Brukerundersøkelser", 7, 0, null]]);
    expect(tableToCsv(t)).toBe("model,n,n_masked,r\r\n'=HYPERLINK(1),,1,-0.125\r\nBrukerundersøkelser,7,0,\r\n");
  });

  it("falls back to cell text under header names for tables without export fields", () => {
    const d = doc();
    const el = d.createElement("table");
    el.innerHTML = "<thead><tr><th>Kommune</th><th></th><th>Kommune</th></tr></thead><tbody><tr><td>Ås</td><td>x</td><td>y</td></tr></tbody>";
    const t = htmlTableData(el);
    expect(t.columnNames()).toEqual(["Kommune", "column 2", "Kommune (2)"]);
    expect(records(t)).toEqual([["Ås", "x", "y"]]);
  });
});

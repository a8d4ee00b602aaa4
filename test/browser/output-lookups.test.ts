/**
 * A filter change on notebook 02 reaches each cell it reruns, and gives each output its export
 * buttons, without searching the page (issue 12): the notebook finds a cell's element from its own
 * list, not by a selector query over every output drawn above it, and a builtin's chart or table is
 * handed to its export menu as the output itself (`drawnOutput`), not found by searching every output
 * for an `<svg>` and a `<table>`, nor searched by the a11y repairs (output-a11y.ts). In Chromium
 * against the built app: every cell's current value is on the page after the change, every chart's
 * menu holds that chart and every table's menu that table's rows, every chart's labelled groups
 * have their role, and no such search ran.
 */
import { describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import { notebookFrame, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1360, height: 900 } }, page: true });

/** What one filter change did: the searches made, and what the page shows after it. */
interface AfterChange {
  /** Selector queries made on `<nb-notebook>` itself. */
  notebookQueries: string[];
  /** `querySelector("svg")` / `querySelector("table")` calls on elements inside the notebook. */
  outputSearches: string[];
  /** Cells whose current displayed values are not all on the page. */
  stale: string[];
  charts: { menuHoldsChart: boolean; name: string; title: string }[];
  tables: { comparison: boolean; rows: number; exportedRows: number; columns: string[]; name: string; caption: string }[];
  /** Outputs with export buttons. */
  exportable: number;
  /** Plot's labelled `<g>` left without `role="group"` (output-a11y.ts). */
  unlabelledGroups: number;
}

function change(frame: Frame, county: number): Promise<AfterChange> {
  return frame.evaluate(async (county) => {
    const notebook = document.querySelector("nb-notebook");
    const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
    if (!notebook || !window.tverrsnitt || boxes.length === 0) throw new Error("no notebook, test hooks or filter bar in the frame");
    const notebookQueries: string[] = [];
    const outputSearches: string[] = [];
    // The notebook's own queries (instance properties shadow the prototype's) …
    const own = { one: notebook.querySelector.bind(notebook), all: notebook.querySelectorAll.bind(notebook) };
    Object.defineProperty(notebook, "querySelector", { configurable: true, value: (s: string) => (notebookQueries.push(s), own.one(s)) });
    Object.defineProperty(notebook, "querySelectorAll", { configurable: true, value: (s: string) => (notebookQueries.push(s), own.all(s)) });
    // … and any element's search for an <svg> or a <table> inside the notebook.
    const proto = Element.prototype.querySelector;
    Element.prototype.querySelector = function (this: Element, selector: string) {
      if ((selector === "svg" || selector === "table") && notebook.contains(this)) outputSearches.push(`${this.localName}.${this.getAttribute("class") ?? ""} ${selector}`);
      return proto.call(this, selector);
    } as typeof proto;
    // … and the a11y repairs' searches (for Plot's groups and for tables) over a builtin's table,
    // which holds neither a chart nor another table.
    const protoAll = Element.prototype.querySelectorAll;
    Element.prototype.querySelectorAll = function (this: Element, selector: string) {
      const repair = selector.includes("aria-label") || selector.includes(".tv-table");
      if (repair && notebook.contains(this) && (this.matches("figure.tv-table") || proto.call(this, "figure.tv-table") !== null)) {
        outputSearches.push(`${this.localName}.${this.getAttribute("class") ?? ""} all ${selector}`);
      }
      return protoAll.call(this, selector);
    } as typeof protoAll;
    try {
      for (const box of boxes) box.checked = Number(box.value) === county;
      boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
      await window.tverrsnitt.idle();
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      Element.prototype.querySelector = proto;
      Element.prototype.querySelectorAll = protoAll;
      Reflect.deleteProperty(notebook, "querySelector");
      Reflect.deleteProperty(notebook, "querySelectorAll");
    }
    const stale: string[] = [];
    for (const cell of document.querySelectorAll("nb-cell")) {
      const state: unknown = Reflect.get(cell, "cellState");
      const displays: unknown = state && typeof state === "object" ? Reflect.get(state, "displays") : undefined;
      const out = cell.querySelector(".nb-output");
      const nodes = Array.isArray(displays) ? displays.filter((d): d is Node => d instanceof Node) : [];
      if (!out || nodes.some((d) => !out.contains(d))) stale.push(cell.getAttribute("data-id") ?? "?");
    }
    const charts: AfterChange["charts"] = [];
    const tables: AfterChange["tables"] = [];
    const wrappers = [...notebook.querySelectorAll(".nb-exportable")];
    for (const wrap of wrappers) {
      const output = wrap.firstElementChild;
      const menu = wrap.lastElementChild;
      if (!output || !menu) continue;
      const name = String(Reflect.get(menu, "name"));
      if (output.localName === "svg" && output.classList.contains("tv-chart")) {
        charts.push({ menuHoldsChart: Reflect.get(menu, "chart") === output, name, title: output.getAttribute("aria-label") ?? "" });
      }
      const table = output.classList.contains("tv-table") ? output.querySelector(":scope > table") : null;
      const data: unknown = Reflect.get(menu, "table");
      if (table && data && typeof data === "object") {
        const numRows: unknown = Reflect.get(data, "numRows");
        const columnNames: unknown = Reflect.get(data, "columnNames");
        tables.push({
          comparison: output.classList.contains("tv-comparison"),
          rows: table.querySelectorAll(":scope > tbody > tr").length,
          exportedRows: typeof numRows === "function" ? Number(numRows.call(data)) : -1,
          columns: typeof columnNames === "function" ? (columnNames.call(data) as string[]) : [],
          name,
          caption: table.querySelector(":scope > caption")?.textContent?.trim() ?? "",
        });
      }
    }
    // The a11y repair still reached every chart: no labelled group without a role.
    const unlabelledGroups = notebook.querySelectorAll("svg g[aria-label]:not([role])").length;
    return { notebookQueries, outputSearches, stale, charts, tables, exportable: wrappers.length, unlabelledGroups };
  }, county);
}

describe("a filter change on 02 finds cells and outputs without searching the page", () => {
  it("reaches every cell and hands each chart and table to its export buttons", async () => {
    const page = wb.page;
    await openApp(page, wb.server.url, "#/nb/02-six-models");
    const frame = await notebookFrame(page, 30_000);
    await frame.evaluate(async () => {
      await window.tverrsnitt?.ready;
      await window.tverrsnitt?.idle();
    });
    // A county never seen, back to all (kept drawings: copies), a county again.
    for (const county of [11, 0, 18]) {
      const after = await change(frame, county);
      expect(after.notebookQueries, `county ${county}`).toEqual([]);
      expect(after.outputSearches, `county ${county}`).toEqual([]);
      expect(after.stale, `county ${county}`).toEqual([]);
      expect(after.unlabelledGroups, `county ${county}`).toBe(0);
      // 02 draws eight survey charts and fourteen tables (thirteen printed comparisons), nothing else to save.
      expect(after.charts.length, `county ${county}`).toBe(8);
      expect(after.tables.length, `county ${county}`).toBe(14);
      expect(after.exportable, `county ${county}`).toBe(22);
      for (const chart of after.charts) {
        expect(chart.menuHoldsChart, chart.title).toBe(true);
        expect(chart.name.startsWith(chart.title.trim()), chart.title).toBe(true);
      }
      expect(after.tables.filter((t) => t.comparison).length, `county ${county}`).toBe(13);
      for (const table of after.tables) {
        expect(table.exportedRows, table.caption).toBe(table.rows);
        // A comparison's CSV has its named numeric columns (export-fields.ts), not the cells' text.
        if (table.comparison) expect(table.columns, table.caption).toEqual(expect.arrayContaining(["table", "question", "printed_count", "recomputed_count", "agrees"]));
        else expect(table.columns.length, table.caption).toBeGreaterThan(1);
        expect(table.name.startsWith(table.caption), table.caption).toBe(true);
      }
    }
  }, 120_000);
});

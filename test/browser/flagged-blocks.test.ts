/**
 * 04's flagged table ("Figures that differ") in blocks (render-reconciliation.ts,
 * FLAGGED_BLOCK_ROWS; issue 12: a mid-page filter change laid out all 25–28 rows, some 2,000 px,
 * in the frame that showed them). In Chromium against the built app, scrolled to the middle of the
 * page as the bench's mid-page changes are, after a county and then a clear: every block is a
 * `content-visibility: auto` box, the blocks in view are laid out and those below it are not, yet
 * every listed figure is a row in the DOM, find reaches a row in a block not laid out, and the CSV
 * export is one file with every row, in the listed order.
 */
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import { nb, notebookFrame, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1360, height: 900 }, acceptDownloads: true }, page: true });

/** What the flagged cell shows after a change. */
interface Shown {
  blocks: { caption: string; contentVisibility: string; rows: number; laidOut: boolean; top: number; bottom: number }[];
  /** Each row's table id and row label, in the DOM's order. */
  rows: string[][];
}

function choose(frame: Frame, county: number): Promise<Shown> {
  return frame.evaluate(async (county) => {
    const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
    for (const box of boxes) box.checked = Number(box.value) === county;
    boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
    await window.tverrsnitt?.idle();
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    const figure = document.querySelector("#cell-flagged")?.closest("nb-cell")?.querySelector("figure.tv-reconciliation-flagged");
    if (!figure) throw new Error("no flagged table");
    return {
      blocks: [...figure.querySelectorAll(":scope > .tv-block")].map((block) => ({
        caption: block.querySelector("caption")?.textContent ?? "",
        contentVisibility: getComputedStyle(block).contentVisibility,
        rows: block.querySelectorAll("tbody > tr").length,
        // Inside a skipped content-visibility box, an element is not rendered.
        laidOut: block.querySelector("table")?.checkVisibility({ contentVisibilityAuto: true }) ?? false,
        top: block.getBoundingClientRect().top,
        bottom: block.getBoundingClientRect().bottom,
      })),
      rows: [...figure.querySelectorAll("tbody > tr")].map((tr) => [tr.children[0]?.textContent ?? "", tr.children[1]?.textContent ?? ""]),
    };
  }, county);
}

describe("04's flagged table in blocks", () => {
  it("mid-page: lays out the blocks in view and not those below, keeps every row in the DOM and one export", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/04-reconciliation");
    const frame = await notebookFrame(wb.page, 30_000);
    await frame.evaluate(async () => {
      await window.tverrsnitt?.ready;
      await window.tverrsnitt?.idle();
      scrollTo(0, Math.max(0, (document.documentElement.scrollHeight - innerHeight) / 2));
      await new Promise((r) => setTimeout(r, 300));
    });
    for (const county of [11, 0]) {
      const shown = await choose(frame, county);
      const where = county === 0 ? "no filter" : `county ${county}`;
      expect(shown.blocks.length, where).toBeGreaterThanOrEqual(3);
      for (const [i, block] of shown.blocks.entries()) {
        expect(block.contentVisibility, where).toBe("auto");
        expect(block.caption, where).toMatch(new RegExp(`^Listed ${i * 8 + 1}(–${i * 8 + block.rows})? of ${shown.rows.length}$`));
      }
      // What the reader sees is laid out; a block wholly below the view and its margin is not.
      const inView = shown.blocks.filter((b) => b.bottom > 0 && b.top < 900);
      expect(inView.length, where).toBeGreaterThan(0);
      for (const block of inView) expect(block.laidOut, `${where}: ${block.caption}`).toBe(true);
      const below = shown.blocks.filter((b) => b.top > 900 * 1.5);
      expect(below.length, where).toBeGreaterThan(0);
      for (const block of below) expect(block.laidOut, `${where}: ${block.caption}`).toBe(false);
      // Every listed figure is a row: 25 under a county, every flagged one unfiltered.
      expect(shown.rows.length, where).toBe(shown.blocks.reduce((n, b) => n + b.rows, 0));
      if (county !== 0) expect(shown.rows.length).toBe(25);
    }
    const unfiltered = await choose(frame, 0);
    // Find (the browser's find-in-page machinery) reaches a row in a block not laid out.
    const found = await frame.evaluate(() => {
      const last = [...document.querySelectorAll("figure.tv-reconciliation-flagged > .tv-block")].at(-1);
      const label = last?.querySelector("tbody > tr:last-child > td:nth-child(2)")?.textContent ?? "";
      const skipped = last?.querySelector("table")?.checkVisibility({ contentVisibilityAuto: true }) === false;
      getSelection()?.removeAllRanges();
      // `window.find` (non-standard, not in TypeScript's DOM types): the text search the browser's find bar uses.
      const find: unknown = Reflect.get(window, "find");
      const hit: unknown = typeof find === "function" ? Reflect.apply(find, window, [label]) : undefined;
      return { skipped, found: hit === true, selected: String(getSelection()) === label && label !== "" };
    });
    expect(found).toEqual({ skipped: true, found: true, selected: true });
    // The CSV export: one file, every row in the listed order, blocks not laid out too.
    const csv = nb(wb.page).locator("#cell-flagged .nb-export-csv").first();
    await csv.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([wb.page.waitForEvent("download"), csv.click()]);
    const rows = Papa.parse<string[]>((await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual(unfiltered.rows);
  });
});

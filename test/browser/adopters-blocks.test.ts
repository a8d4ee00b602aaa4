/**
 * 05's adopters list is drawn in blocks, one per county, with fixed column widths (renderTable's
 * `groupBy` and `widths`, analysis/tables/plain-layout.ts; issue 12: a filter cleared with the list
 * in view laid out all its rows in one frame, a task over 50 ms). In Chromium against the built
 * app, scrolled to the middle of the page as the bench's mid-page changes are, after a county and
 * then a clear: every block is a `content-visibility: auto` box and the blocks far below the view
 * are not laid out, yet every listed municipality is a row in the DOM, find reaches a row in a
 * block not laid out, and the CSV export holds every one; a county's columns are as wide under
 * that county as in the whole list; each block's table is captioned with its county. Printing the
 * shell prints every row: the print view's blocks are all laid out (none is skipped in print).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import { nb, notebookFrame, openApp, printUntilShown } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1360, height: 900 }, acceptDownloads: true }, page: true });

/** Rogaland: its block is in the list unfiltered and alone under its filter. */
const ROGALAND = 11;

/** What the table cell shows after a change. */
interface Shown {
  /** The blocks in view in the first frame that showed the new list, and how many were laid out in it (no blank box shown first). */
  shownFirst: { inView: number; laidOut: number };
  blocks: { caption: string; contentVisibility: string; rows: number; laidOut: boolean; top: number }[];
  knrs: string[];
  /** Rogaland's block's column widths (its head cells), px. */
  rogalandWidths: number[];
}

/** The appendix's named municipalities (adopters.csv), each with its county. */
async function appendix(): Promise<Record<string, string>[]> {
  const text = await readFile(path.join(process.cwd(), "data/survey-1999/adopters.csv"), "utf8");
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

function choose(frame: Frame, county: number): Promise<Shown> {
  return frame.evaluate(async (county) => {
    const cell = document.querySelector("#cell-table")?.closest("nb-cell");
    const before = cell?.querySelector("figure.tv-table");
    // The blocks in view in the first frame that shows the new list, looked at once it is drawn.
    const firstFrame = new Promise<{ inView: number; laidOut: number }>((resolve) => {
      const observer = new MutationObserver(() => {
        const drawn = cell?.querySelector("figure.tv-table");
        if (!drawn || drawn === before) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => {
          const inView = [...drawn.querySelectorAll(":scope > .tv-block")].filter((b) => b.getBoundingClientRect().bottom > 0 && b.getBoundingClientRect().top < innerHeight);
          resolve({ inView: inView.length, laidOut: inView.filter((b) => b.querySelector("table")?.checkVisibility({ contentVisibilityAuto: true })).length });
        }, 0));
      });
      if (cell) observer.observe(cell, { childList: true, subtree: true });
    });
    const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
    for (const box of boxes) box.checked = Number(box.value) === county;
    boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
    const shownFirst = await firstFrame;
    await window.tverrsnitt?.idle();
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    const figure = cell?.querySelector("figure.tv-table");
    if (!figure) throw new Error("no table figure in cell table");
    const blocks = [...figure.querySelectorAll(":scope > .tv-block")].map((block) => ({
      caption: block.querySelector("caption")?.textContent ?? "",
      contentVisibility: getComputedStyle(block).contentVisibility,
      rows: block.querySelectorAll("tbody > tr").length,
      // Inside a skipped content-visibility box, an element is not rendered.
      laidOut: block.querySelector("table")?.checkVisibility({ contentVisibilityAuto: true }) ?? false,
      top: block.getBoundingClientRect().top,
    }));
    const rogaland = [...figure.querySelectorAll(":scope > .tv-block")].find((b) => b.querySelector("caption")?.textContent?.startsWith("Rogaland"));
    return {
      shownFirst,
      blocks,
      knrs: [...figure.querySelectorAll("tbody > tr > td:first-child")].map((td) => td.textContent ?? ""),
      rogalandWidths: [...(rogaland?.querySelectorAll("thead th") ?? [])].map((th) => th.getBoundingClientRect().width),
    };
  }, county);
}

describe("05's adopters list in blocks", () => {
  it("keeps every row in the DOM and the export, lays out only blocks near the view, and keeps its columns", async () => {
    const csv = await appendix();
    const named = new Set(csv.map((r) => r.knr));
    const inRogaland = new Set(csv.filter((r) => r.fylke === String(ROGALAND)).map((r) => r.knr));
    await openApp(wb.page, wb.server.url, "#/nb/05-adopters");
    const frame = await notebookFrame(wb.page, 30_000);
    await frame.evaluate(async () => {
      await window.tverrsnitt?.ready;
      await window.tverrsnitt?.idle();
      const frames = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const list = document.querySelector("#cell-table figure.tv-table");
      const cell = list?.closest(".nb-cell");
      if (!list || !cell) throw new Error("no list in cell table");
      // The list's cell brought into view and laid out first: a cell far off screen is skipped
      // (workbench.css, `content-visibility: auto`, 360 px until it is first laid out), and the list's
      // top read inside a skipped cell is where it would be, not where the page shows it (the cells
      // above 05's list 100 px taller left it skipped at load, and the scroll below then landed on the
      // chart: the list's block "in view" was never shown at all).
      cell.scrollIntoView({ block: "start" });
      for (let i = 0; i < 600 && !list.checkVisibility({ contentVisibilityAuto: true }); i++) await frames();
      // The list's top a quarter down the view: the county chosen next is the list's first block, so it
      // is in view in the frame that shows it, whatever the rows' heights (reading it from mid-page
      // made the check depend on how tall the whole list is).
      scrollTo(0, Math.max(0, scrollY + list.getBoundingClientRect().top - innerHeight / 4));
      await frames();
      if (!list.checkVisibility({ contentVisibilityAuto: true })) throw new Error("the list's cell is not laid out in view");
    });
    const county = await choose(frame, ROGALAND);
    expect(county.blocks.map((b) => b.caption)).toEqual([`Rogaland (${inRogaland.size})`]);
    expect(new Set(county.knrs)).toEqual(inRogaland);

    expect(county.shownFirst).toEqual({ inView: 1, laidOut: 1 });

    const all = await choose(frame, 0);
    expect(all.shownFirst.inView).toBeGreaterThan(0);
    expect(all.shownFirst.laidOut).toBe(all.shownFirst.inView);
    // Every named municipality, once, in the DOM.
    expect(all.knrs).toHaveLength(named.size);
    expect(new Set(all.knrs)).toEqual(named);
    // One block per county, each a content-visibility box captioned with its county and row count.
    expect(all.blocks.length).toBeGreaterThanOrEqual(15);
    for (const block of all.blocks) {
      expect(block.contentVisibility).toBe("auto");
      expect(block.caption).toMatch(new RegExp(`^\\S.* \\(${block.rows}\\)$`));
    }
    // The blocks far below the view are not laid out; the one in view is.
    const far = all.blocks.filter((b) => b.top > 900 * 3);
    expect(far.length).toBeGreaterThan(5);
    for (const block of far) expect(block.laidOut, block.caption).toBe(false);
    expect(all.blocks.filter((b) => b.top < 900 && b.laidOut).length).toBeGreaterThan(0);
    // Find (the browser's find-in-page machinery) reaches a row in a block not laid out.
    const found = await frame.evaluate(() => {
      const blocks = [...document.querySelectorAll("#cell-table figure.tv-blocks > .tv-block")];
      const last = blocks.at(-1);
      const name = last?.querySelector("tbody > tr:last-child > td:nth-child(2)")?.textContent ?? "";
      const skipped = last?.querySelector("table")?.checkVisibility({ contentVisibilityAuto: true }) === false;
      // `window.find` (non-standard, not in TypeScript's DOM types): the text search the browser's find bar uses.
      const find: unknown = Reflect.get(window, "find");
      const hit: unknown = typeof find === "function" ? Reflect.apply(find, window, [name]) : undefined;
      return { skipped, found: hit === true, selected: String(getSelection()) === name && name !== "" };
    });
    expect(found).toEqual({ skipped: true, found: true, selected: true });
    // Rogaland's columns are as wide in the whole list as under its own filter.
    expect(all.rogalandWidths).toHaveLength(8);
    all.rogalandWidths.forEach((width, i) => expect(width).toBeCloseTo(county.rogalandWidths[i] ?? 0, 1));

    // The CSV export holds every row, skipped blocks too.
    await nb(wb.page).locator("#cell-table .nb-export-csv").first().waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([wb.page.waitForEvent("download"), nb(wb.page).locator("#cell-table .nb-export-csv").first().click()]);
    expect(download.suggestedFilename()).toMatch(/^named-municipalities.*\.csv$/);
    const rows = Papa.parse<Record<string, string>>((await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(named.size);
    expect(new Set(rows.map((r) => r.knr))).toEqual(named);
    expect(Object.keys(rows[0] ?? {})).toEqual(["knr", "name", "fylkeName", "sizeClass", "type", "six", "other", "tableList"]);
  });

  it("prints every row: the shell's print view holds the list's blocks, all laid out", async () => {
    const csv = await appendix();
    const named = new Set(csv.map((r) => r.knr));
    const page = await wb.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openApp(page, wb.server.url, "#/nb/05-adopters");
    const frame = await notebookFrame(page, 30_000);
    await frame.evaluate(() => window.tverrsnitt?.idle());
    // Print again, as a reader would, until the list is in the print view (a fixed 2.5 s wait
    // printed nothing now and then under load).
    await printUntilShown(page, "figure.tv-blocks > .tv-block");
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(() => {
      const root = document.querySelector("nb-print-report")?.shadowRoot;
      const blocks = [...(root?.querySelectorAll("figure.tv-blocks > .tv-block") ?? [])];
      return {
        blocks: blocks.length,
        laidOut: blocks.filter((b) => b.querySelector("table")?.checkVisibility({ contentVisibilityAuto: true }) === true).length,
        knrs: [...(root?.querySelectorAll("figure.tv-blocks tbody > tr > td:first-child") ?? [])].map((td) => td.textContent ?? ""),
      };
    });
    expect(printed.blocks).toBeGreaterThanOrEqual(15);
    expect(printed.laidOut).toBe(printed.blocks);
    expect(new Set(printed.knrs)).toEqual(named);
    expect(printed.knrs).toHaveLength(named.size);
    await page.close();
  });

  it("keeps each block's county and the list's caption in view on a phone while the table scrolls sideways", async () => {
    // At 360 px the list is wider than its box and scrolls sideways; a block read at its last
    // columns still says which county it is (wide-tables.css: the captions are held at the left).
    const page = await wb.browser.newPage({ viewport: { width: 360, height: 900 } });
    await openApp(page, wb.server.url, "#/nb/05-adopters");
    const frame = await notebookFrame(page, 30_000);
    const seen = await frame.evaluate(async () => {
      await window.tverrsnitt?.ready;
      await window.tverrsnitt?.idle();
      const style = document.createElement("style");
      style.textContent = "* { content-visibility: visible !important; }";
      document.head.append(style);
      const figure = document.querySelector("#cell-table")?.closest("nb-cell")?.querySelector("figure.tv-blocks");
      if (!figure) throw new Error("no grouped list in cell table");
      const frames = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const captions = [...figure.querySelectorAll(":scope > figcaption, :scope > .tv-block caption")];
      const range = document.createRange();
      // Each caption's words, measured against the part of the list the box shows.
      const outside = (): string[] => {
        const box = figure.getBoundingClientRect();
        return captions.filter((caption) => {
          range.selectNodeContents(caption);
          const words = range.getBoundingClientRect();
          return words.width === 0 || words.left < box.left - 1 || words.right > box.right + 1;
        }).map((caption) => caption.textContent ?? "");
      };
      await frames();
      const atStart = outside();
      figure.scrollLeft = figure.scrollWidth;
      await frames();
      return { captions: captions.map((c) => c.textContent ?? ""), scrolled: figure.scrollLeft, hidden: figure.scrollWidth - figure.clientWidth, atStart, atEnd: outside() };
    });
    expect(seen.captions.length).toBeGreaterThanOrEqual(16);
    expect(seen.captions).toContain(`Rogaland (${seen.captions.find((c) => c.startsWith("Rogaland"))?.match(/\((\d+)\)$/)?.[1] ?? "?"})`);
    // The list did scroll sideways, by more than half a screen.
    expect(seen.hidden).toBeGreaterThan(200);
    expect(seen.scrolled).toBe(seen.hidden);
    expect(seen.atStart).toEqual([]);
    expect(seen.atEnd).toEqual([]);
    await page.close();
  });
});

/**
 * A table with fixed column widths that is wider than its box scrolls sideways, and its caption
 * stays readable: it wraps within the box and is held at the box's left edge (wide-tables.css).
 * 04's printed tables are 76 em wide (988 px), wider than the notebook's 894 px at 1400 px: their
 * captions, as wide as the table, ran under the box's right edge, and a reader scrolled to the last
 * columns saw none of the caption. (05's county captions: adopters-blocks.test.ts.) The table
 * itself keeps its width: the box it is measured against takes its width from the page, not from
 * the table, and must not shrink it.
 */
import { describe, expect, it } from "vitest";
import { unwrap } from "../../src/base/result";
import { encodeShare } from "../../src/notebook/share-codec";
import { nb, notebookFrame, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

describe("the caption of a fixed table wider than its box", () => {
  for (const [width, locale] of [[1400, "nb-NO"], [800, "en-US"]] as const) {
    it(`stays within the box and in view while 04's tables scroll sideways, at ${width} px in ${locale}`, async () => {
      const page = await (await wb.browser.newContext({ viewport: { width, height: 900 }, locale })).newPage();
      await openApp(page, wb.server.url, "#/nb/04-reconciliation");
      const frame = await notebookFrame(page, 30_000);
      const seen = await frame.evaluate(async () => {
        await window.tverrsnitt?.ready;
        await window.tverrsnitt?.idle();
        const style = document.createElement("style");
        style.textContent = "* { content-visibility: visible !important; }";
        document.head.append(style);
        const frames = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
        await frames();
        const boxes = [...document.querySelectorAll<HTMLElement>('nb-cell[data-id="flagged"] figure.tv-table, nb-cell[data-id="tables"] figure.tv-table')].filter((box) => box.querySelector(":scope > table.tv-fixed > caption"));
        const range = document.createRange();
        // The caption's words against the part of the table its box shows.
        const outside = (box: HTMLElement): boolean => {
          const caption = box.querySelector(":scope > table > caption");
          if (!caption) return true;
          range.selectNodeContents(caption);
          const words = range.getBoundingClientRect();
          const shown = box.getBoundingClientRect();
          return words.width === 0 || words.left < shown.left - 1 || words.right > shown.right + 1;
        };
        const atStart = boxes.filter(outside).map((box) => box.querySelector("caption")?.textContent ?? "");
        for (const box of boxes) box.scrollLeft = box.scrollWidth;
        await frames();
        const atEnd = boxes.filter(outside).map((box) => box.querySelector("caption")?.textContent ?? "");
        return {
          boxes: boxes.length,
          scrolling: boxes.filter((box) => box.scrollLeft > 20).length,
          narrowest: Math.min(...boxes.map((box) => box.querySelector("table")?.getBoundingClientRect().width ?? 0)),
          atStart,
          atEnd,
        };
      });
      expect(seen.boxes).toBeGreaterThan(30);
      // They do scroll sideways (else this checks nothing), and keep their width (76 em of 13 px).
      expect(seen.scrolling).toBe(seen.boxes);
      expect(seen.narrowest).toBeGreaterThanOrEqual(900);
      expect(seen.atStart).toEqual([]);
      expect(seen.atEnd).toEqual([]);
      await page.context().close();
    });
  }

  it("keeps its width where a notebook lays it out itself: two fixed tables side by side in a flex row", async () => {
    // The box the caption is measured against takes no width from its content (a query container);
    // in a row of the notebook's own, sized from content, it must not shrink to nothing.
    const page = await (await wb.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const table = 'renderTable({caption: "Fixed widths", columns: [{key: "a", label: "Name"}, {key: "b", label: "N", count: true}], rows: [{a: "Rogaland", b: 12}], audit: selection.summary}, {widths: {a: "10em", b: "5em"}})';
    const doc = { title: "Side by side", cells: [{ id: "1", kind: "js" as const, source: `html\`<div style="display: flex; gap: 1em">\${${table}}\${${table}}</div>\`` }] };
    await page.goto(`${wb.server.url}#share=${unwrap(await encodeShare({ doc, inputs: {} }))}`);
    await page.locator(".nb-consent").click();
    await nb(page).locator("#cell-1 figure.tv-table table.tv-fixed").first().waitFor({ timeout: 30_000 });
    const frame = await notebookFrame(page);
    const boxes = await frame.evaluate(() =>
      [...document.querySelectorAll("#cell-1 figure.tv-table")].map((box) => ({
        box: Math.round(box.getBoundingClientRect().width),
        table: Math.round(box.querySelector("table")?.getBoundingClientRect().width ?? 0),
      })),
    );
    expect(boxes).toHaveLength(2);
    // 15 em of columns at least, and the whole table shown in its box.
    for (const seen of boxes) {
      expect(seen.table).toBeGreaterThan(150);
      expect(seen.box, JSON.stringify(seen)).toBeGreaterThanOrEqual(seen.table);
    }
    await page.context().close();
  });
});

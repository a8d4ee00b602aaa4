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
import { notebookFrame, openApp } from "./browser-helpers";
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
});

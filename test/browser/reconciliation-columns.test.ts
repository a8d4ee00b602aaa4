/**
 * 04's comparison tables keep their columns under every filter (issue 12): the widths are set once
 * (`table-layout: fixed` and a `<colgroup>`, render-reconciliation.ts), so a new filter — other rows
 * in "Figures that differ", other numbers and ranges in every table — neither moves a column nor
 * makes the browser measure every cell again. A table laid out from its cells fails: between
 * counties its table column went 10.3 → 7.8 em and its recomputed column 8.6 → 11.1 em. In both
 * languages, and in a narrow window (where the table scrolls sideways), no header and no cell is
 * wider than its column: nothing is cut off or runs into the next column.
 */
import { describe, expect, it } from "vitest";
import type { Frame, Page } from "playwright-core";
import { messages, type Locale } from "../../src/base/locale/locale";
import { notebookFrame, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

/** One table's columns after a change: header widths (px), and the cells wider than their column. */
interface Columns {
  table: string;
  widths: number[];
  overflowing: string[];
  fixed: boolean;
}

/** Choose `county` (0: none), then read the flagged table's and the first printed table's columns. */
async function columnsAfter(frame: Frame, county: number): Promise<Columns[]> {
  return frame.evaluate(async (county) => {
    const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
    for (const box of boxes) box.checked = Number(box.value) === county;
    boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
    await window.tverrsnitt?.idle();
    const out: Columns[] = [];
    for (const selector of ['nb-cell[data-id="flagged"] table', 'nb-cell[data-id="tables"] table']) {
      const table = document.querySelector<HTMLTableElement>(selector);
      if (!table) continue;
      // Laid out where a reader would see it (cells far off screen are skipped by the browser).
      table.scrollIntoView({ block: "start" });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      out.push({
        table: selector,
        widths: [...table.querySelectorAll("thead th")].map((th) => th.getBoundingClientRect().width),
        overflowing: [...table.querySelectorAll("th, td")].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent ?? ""),
        fixed: getComputedStyle(table).tableLayout === "fixed",
      });
    }
    return out;
  }, county);
}

async function follow(locale: Locale, width: number, counties: readonly number[]): Promise<Columns[][]> {
  const page: Page = await (await wb.browser.newContext({ viewport: { width, height: 900 } })).newPage();
  await openApp(page, wb.server.url, "#/nb/04-reconciliation");
  await page.locator(`nb-locale-switch button:text-is("${messages[locale].languageName}")`).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
  const frame = await notebookFrame(page, 30_000);
  await frame.evaluate(async () => {
    await window.tverrsnitt?.ready;
    await window.tverrsnitt?.idle();
  });
  const steps: Columns[][] = [];
  for (const county of counties) steps.push(await columnsAfter(frame, county));
  await page.context().close();
  return steps;
}

describe("04's comparison tables keep their columns where they are under every filter, and cut off no text", () => {
  // One test per language and width: the three in one test took 68 s of its 90 s at a load of 25 on
  // 2 cores (each opens 04 and recounts it five times).
  for (const [locale, width] of [["en", 1360], ["nb", 1360], ["en", 800]] as const) {
    it(`in ${locale} at ${width} px`, async () => {
      const steps = await follow(locale, width, [0, 11, 3, 0, 18]);
      const first = steps[0] ?? [];
      // The flagged table (with the table's id) and a printed table (without).
      expect(first.map((c) => c.widths.length), `${locale} at ${width} px`).toEqual([11, 10]);
      for (const [i, step] of steps.entries()) {
        for (const [k, columns] of step.entries()) expect(columns.widths, `${columns.table}, ${locale} at ${width} px, step ${i}`).toEqual(first[k]?.widths);
      }
      for (const [i, step] of steps.entries()) {
        for (const columns of step) expect(columns, `${columns.table}, ${locale} at ${width} px, step ${i}`).toMatchObject({ fixed: true, overflowing: [] });
      }
    });
  }
});

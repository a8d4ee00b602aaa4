/**
 * A crosswalk table drawn again is updated in place on the page (components/update-in-place.ts,
 * issue 12), in Chromium against the built app: 06's crosswalk table and its what-if table under a
 * sequence of county filters. After each change the table shown has exactly the markup of the
 * cell's new value — the renderer's fresh drawing, which the page keeps whole — and it is not that
 * value but the table shown before, whose rows are the same elements. A rebuilt table fails (the
 * rows would be new elements). 05's adopters table, whose rows come and go with the filter, is
 * replaced as before: the page shows the cell's value itself.
 *
 * 06's tables keep their columns: the widths are set once (`table-layout: fixed`), so a change of
 * filter neither moves a column nor makes the browser measure every cell again; a table laid out
 * from its cells fails (its columns move with the numbers). No cell's text is cut off by its column.
 * And a crosswalk row's words that follow the filter are laid out only near the viewport
 * (`content-visibility: auto`): after a change, rows far off screen are skipped (a table laid out
 * whole fails), yet hold the new words, which are laid out in full when the row is scrolled to.
 */
import { describe, expect, it } from "vitest";
import type { Frame, Page } from "playwright-core";
import { notebookFrame, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

interface Step {
  county: number;
  /** The shown table is the one shown before the change (same element). */
  sameTable: boolean;
  /** The shown table is not the cell's value (it was updated, not replaced). */
  notTheValue: boolean;
  /** Its markup equals the cell's value's (a fresh drawing for the same inputs). */
  sameMarkup: boolean;
  rowsBefore: number;
  rowsAfter: number;
  /** Rows (by key) before and after, and of those the ones that are the same element. */
  shared: number;
  kept: number;
  /** The header cells' widths (px) before and after. */
  columnsBefore: number[];
  columnsAfter: number[];
  /** The table is no wider than the box it scrolls in (nothing to scroll sideways for). */
  fits: boolean;
  /** Cells whose content is wider than the cell after the change (text cut off or overflowing). */
  overflowing: string[];
}

/** Choose `county` (0: none) and compare the table of cell `id` with the cell's new value. */
function change(frame: Frame, id: string, county: number): Promise<Step> {
  return frame.evaluate(
    async ({ id, county }) => {
      const cell = document.querySelector(`#cell-${id}`)?.closest("nb-cell");
      const shownTable = (): Element | null | undefined => cell?.querySelector(".nb-output .nb-exportable")?.firstElementChild;
      const key = (tr: Element): string => tr.getAttribute("data-id") ?? tr.firstElementChild?.textContent ?? "";
      const before = shownTable();
      const widths = (): number[] => [...(shownTable()?.querySelectorAll("thead th") ?? [])].map((th) => th.getBoundingClientRect().width);
      const columnsBefore = widths();
      const rows = new Map([...(before?.querySelectorAll("tbody > tr") ?? [])].map((tr) => [key(tr), tr]));
      const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
      for (const box of boxes) box.checked = Number(box.value) === county;
      boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
      await window.tverrsnitt?.idle();
      await new Promise((r) => setTimeout(r, 100));
      const shown = shownTable();
      const state: unknown = cell ? Reflect.get(cell, "cellState") : undefined;
      const displays: unknown = state && typeof state === "object" ? Reflect.get(state, "displays") : undefined;
      const value: unknown = Array.isArray(displays) ? displays[0] : undefined;
      if (!shown || !(value instanceof Element)) throw new Error(`no table shown or no table value in cell ${id}`);
      // The output's accessibility marks (output-a11y.ts: a table that scrolls sideways is a named region) are the page's, not the drawing's.
      const copy = shown.cloneNode(true);
      if (copy instanceof Element) for (const name of ["tabindex", "role", "aria-label"]) if (!value.hasAttribute(name)) copy.removeAttribute(name);
      const after = [...shown.querySelectorAll("tbody > tr")];
      const shared = after.filter((tr) => rows.has(key(tr)));
      return {
        county,
        sameTable: shown === before,
        notTheValue: shown !== value,
        sameMarkup: copy instanceof Element && copy.outerHTML === value.outerHTML,
        rowsBefore: rows.size,
        rowsAfter: after.length,
        shared: shared.length,
        kept: shared.filter((tr) => rows.get(key(tr)) === tr).length,
        columnsBefore,
        columnsAfter: widths(),
        fits: (shown.querySelector("table")?.getBoundingClientRect().width ?? Infinity) <= shown.clientWidth + 1,
        overflowing: [...shown.querySelectorAll("th, td, td *")].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => `${c.closest("tr")?.getAttribute("data-id") ?? "head"}: ${c.getAttribute("data-label") ?? c.textContent}`),
      };
    },
    { id, county },
  );
}

/** How a page is opened: its width, its language, and whether every box is laid out (none skipped off screen). */
interface Opening {
  width?: number;
  locale?: string;
  allLaidOut?: boolean;
}

async function follow(name: string, id: string, counties: readonly number[], { width = 1360, locale = "en-US", allLaidOut = false }: Opening = {}): Promise<Step[]> {
  const page: Page = await (await wb.browser.newContext({ viewport: { width, height: 900 }, locale })).newPage();
  await openApp(page, wb.server.url, `#/nb/${name}`);
  const frame = await notebookFrame(page, 30_000);
  await frame.evaluate(async (allLaidOut) => {
    await window.tverrsnitt?.ready;
    await window.tverrsnitt?.idle();
    if (!allLaidOut) return;
    const style = document.createElement("style");
    style.textContent = "* { content-visibility: visible !important; }";
    document.head.append(style);
  }, allLaidOut);
  const steps: Step[] = [];
  for (const county of counties) steps.push(await change(frame, id, county));
  await page.context().close();
  return steps;
}

describe("a crosswalk table drawn again is updated in place", () => {
  it("keeps 06's crosswalk table and every row, with the markup of the cell's new value", async () => {
    const steps = await follow("06-thesis-crosswalk", "table", [11, 0, 12, 3, 0]);
    for (const step of steps) {
      expect(step, `county ${step.county}`).toMatchObject({ sameTable: true, notTheValue: true, sameMarkup: true });
      expect(step.rowsAfter).toBeGreaterThan(20);
      expect(step.kept).toBe(step.rowsAfter);
    }
  });

  it("keeps 06's what-if table and every row, with the markup of the cell's new value", async () => {
    const steps = await follow("06-thesis-crosswalk", "whatif", [11, 0, 12, 3, 0]);
    for (const step of steps) {
      expect(step, `county ${step.county}`).toMatchObject({ sameTable: true, notTheValue: true, sameMarkup: true });
      expect(step.rowsAfter).toBeGreaterThan(20);
      expect(step.kept).toBe(step.rowsAfter);
    }
  });

  it("keeps the columns of 06's tables where they are under every filter, and cuts off no text", async () => {
    // 1360 px: the page's widest notebook column; 1250 px: the narrowest page beside the sidebar
    // where the rows are columns, and in norsk the longest words are nearly as wide as a column.
    // Every box laid out, so that what a box holds is measured in every row, not only near the
    // viewport. 800 px: rows are stacked cards, and nothing of theirs may reach past the card either
    // (crosswalk-word-breaks.test.ts: and no word is broken, at these widths and between).
    for (const [width, locale] of [[1360, "en-US"], [1250, "nb-NO"], [800, "en-US"]] as const) {
      for (const id of ["table", "whatif"]) {
        const steps = await follow("06-thesis-crosswalk", id, [11, 0, 3, 18], { width, locale, allLaidOut: true });
        for (const step of steps) {
          expect(step, `${id} at ${width} px, county ${step.county}`).toMatchObject({ sameMarkup: true, fits: true, overflowing: [] });
          if (width === 800) continue; // no columns: the header is hidden and each cell carries its label
          expect(step.columnsBefore).toHaveLength(5);
          for (const column of step.columnsBefore) expect(column, `${id} at ${width} px: a column is shown`).toBeGreaterThan(40);
          expect(step.columnsAfter, `${id} at ${width} px, county ${step.county}`).toEqual(step.columnsBefore);
        }
      }
    }
  });

  it("lays out a crosswalk row's new words when the row is near the viewport, and holds them when it is not", async () => {
    const page: Page = await (await wb.browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
    await openApp(page, wb.server.url, "#/nb/06-thesis-crosswalk");
    const frame = await notebookFrame(page, 30_000);
    await frame.evaluate(async () => {
      await window.tverrsnitt?.ready;
      await window.tverrsnitt?.idle();
    });
    // Mid-page, in the table, as a reader comparing counties there: a county, then back.
    for (const county of [11, 0]) {
      const seen = await frame.evaluate(async (county) => {
        const frames = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
        document.querySelector('#cell-table tr[data-id="politicians"]')?.scrollIntoView({ block: "start" });
        await frames();
        const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
        for (const box of boxes) box.checked = Number(box.value) === county;
        boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
        await window.tverrsnitt?.idle();
        await frames();
        const cell = document.querySelector("#cell-table")?.closest("nb-cell");
        const state: unknown = cell ? Reflect.get(cell, "cellState") : undefined;
        const displays: unknown = state && typeof state === "object" ? Reflect.get(state, "displays") : undefined;
        const value: unknown = Array.isArray(displays) ? displays[0] : undefined;
        if (!(value instanceof Element)) throw new Error("no table value in cell table");
        const rows = [...document.querySelectorAll("#cell-table tbody > tr")];
        const row = (tr: Element) => {
          const live = [...tr.querySelectorAll(".cw-live")];
          const rect = tr.getBoundingClientRect();
          const id = tr.getAttribute("data-id") ?? "";
          return {
            id,
            // In view by more than a sliver (a row ending at the viewport's top edge is not).
            near: rect.bottom > 10 && rect.top < innerHeight - 10,
            far: rect.bottom < -2 * innerHeight || rect.top > 3 * innerHeight,
            boxes: live.length,
            // What a box holds is skipped, not the box: its first child tells.
            laidOut: live.filter((box) => box.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })).length,
            current: tr.textContent === value.querySelector(`tbody > tr[data-id="${CSS.escape(id)}"]`)?.textContent,
          };
        };
        const before = rows.map(row);
        // The last row, far below, scrolled to: laid out, at its full height, nothing cut off.
        const last = rows.at(-1);
        last?.scrollIntoView({ block: "center" });
        await frames();
        const lastBoxes = [...(last?.querySelectorAll(".cw-live") ?? [])];
        return {
          before,
          last: { ...(last ? row(last) : {}), clipped: lastBoxes.filter((box) => box.scrollHeight > box.clientHeight + 1 || box.clientHeight === 0).length },
        };
      }, county);
      const near = seen.before.filter((r) => r.near);
      const far = seen.before.filter((r) => r.far);
      expect(near.length, `county ${county}`).toBeGreaterThan(0);
      expect(far.length, `county ${county}`).toBeGreaterThan(5);
      for (const r of seen.before) expect(r, `county ${county}, ${r.id}`).toMatchObject({ boxes: 2, current: true });
      for (const r of near) expect(r.laidOut, `county ${county}, ${r.id} in view`).toBe(2);
      for (const r of far) expect(r.laidOut, `county ${county}, ${r.id} far off screen`).toBe(0);
      expect(seen.last, `county ${county}`).toMatchObject({ boxes: 2, laidOut: 2, current: true, clipped: 0 });
    }
    await page.context().close();
  });

  it("replaces 05's adopters table: the page shows the cell's new value itself", async () => {
    const steps = await follow("05-adopters", "table", [11, 0, 12]);
    for (const step of steps) {
      expect(step, `county ${step.county}`).toMatchObject({ sameTable: false, notTheValue: false, sameMarkup: true });
      expect(step.kept).toBe(0);
    }
    const [toCounty, cleared] = steps;
    expect(toCounty?.rowsAfter).toBeLessThan(toCounty?.rowsBefore ?? 0);
    expect(cleared?.rowsAfter).toBeGreaterThan(cleared?.rowsBefore ?? 0);
  });
});

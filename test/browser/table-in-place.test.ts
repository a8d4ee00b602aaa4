/**
 * A crosswalk table drawn again is updated in place on the page (components/update-in-place.ts,
 * issue 12), in Chromium against the built app: 06's crosswalk table and its what-if table under a
 * sequence of county filters. After each change the table shown has exactly the markup of the
 * cell's new value — the renderer's fresh drawing, which the page keeps whole — and it is not that
 * value but the table shown before, whose rows are the same elements. A rebuilt table fails (the
 * rows would be new elements). 05's adopters table, whose rows come and go with the filter, is
 * replaced as before: the page shows the cell's value itself.
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
}

/** Choose `county` (0: none) and compare the table of cell `id` with the cell's new value. */
function change(frame: Frame, id: string, county: number): Promise<Step> {
  return frame.evaluate(
    async ({ id, county }) => {
      const cell = document.querySelector(`#cell-${id}`)?.closest("nb-cell");
      const shownTable = (): Element | null | undefined => cell?.querySelector(".nb-output .nb-exportable")?.firstElementChild;
      const key = (tr: Element): string => tr.getAttribute("data-id") ?? tr.firstElementChild?.textContent ?? "";
      const before = shownTable();
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
      };
    },
    { id, county },
  );
}

async function follow(name: string, id: string, counties: readonly number[]): Promise<Step[]> {
  const page: Page = await (await wb.browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
  await openApp(page, wb.server.url, `#/nb/${name}`);
  const frame = await notebookFrame(page, 30_000);
  await frame.evaluate(async () => {
    await window.tverrsnitt?.ready;
    await window.tverrsnitt?.idle();
  });
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

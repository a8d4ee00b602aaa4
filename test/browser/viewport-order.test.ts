/**
 * After a filter change the cells the reader sees run and are painted first, then the cells in the
 * 300 px margin around the viewport, then those further off (issue 12; app/cell-viewport.ts), in
 * Chromium against the built app. Notebook 01 is scrolled so that Tabell 2.1's chart (t21) is in view
 * and its table (t21-table) lies just below the viewport, inside the margin; Tabell 2.2 and
 * everything after it are far below. t21 reads only builtins (`selection`, `survey`), so it has no
 * cell upstream that would have to run with it. A cell has run when its status bar reads "N ms" again
 * (pending and running read "running…").
 *
 * The cells out of view draw nothing before that first paint either: a pending cell below the fold
 * waits for it to show "running…" (nb-cell.ts, `refresh`). At the top of 01 that frame holds no
 * table: each printed table's comparison is a cell of its own after its chart (t21-table …), and
 * Tabell 2.1's lies below the fold.
 *
 * Before stop 25 the margin did not exist in the sandboxed frame (an observer with the implicit root
 * ignores rootMargin across origins) and the cells out of view ran bottom-up: t22 ran last.
 */
import { describe, expect, it } from "vitest";
import type { Frame, Page } from "playwright-core";
import { notebookFrame, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

/** The cells of 01 a filter change reruns. */
const RERUN = ["t21", "t21-table", "t22", "t25", "t25-table", "t26", "t27", "t28", "t29", "t29-table", "summary", "summary-table", "pspp"];

/** One filter change: when each cell's run ended and when each animation frame began (ms after the input). */
interface ChangeOrder {
  ended: Record<string, number>;
  frames: number[];
}

/** Choose `county` (0: clear) in the frame's filter bar and note run ends and frames until idle. */
function change(frame: Frame, county: number): Promise<ChangeOrder> {
  return frame.evaluate(async (county) => {
    const hooks = window.tverrsnitt;
    const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
    if (!hooks || boxes.length === 0) throw new Error("no filter bar or test hooks in the notebook frame");
    const ended: Record<string, number> = {};
    const frames: number[] = [];
    let t0 = 0;
    let counting = true;
    const status = new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target instanceof Element ? r.target : r.target.parentElement;
        const bar = el?.closest(".nb-status");
        const id = el?.closest("nb-cell")?.getAttribute("data-id");
        if (bar && id && /\d\s*ms$/.test(bar.textContent?.trim() ?? "")) ended[id] ??= performance.now() - t0;
      }
    });
    status.observe(document.body, { subtree: true, childList: true, characterData: true });
    // (In an object: page code may hold no named function.)
    const tick: { next?: () => void } = {};
    tick.next = () => {
      if (!counting) return;
      frames.push(performance.now() - t0);
      if (tick.next) requestAnimationFrame(tick.next);
    };
    t0 = performance.now();
    requestAnimationFrame(tick.next);
    for (const box of boxes) box.checked = Number(box.value) === county;
    boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
    await hooks.idle();
    await new Promise((r) => setTimeout(r, 100));
    counting = false;
    status.disconnect();
    return { ended, frames };
  }, county);
}

describe("filter change: in view, then the margin, then the rest", () => {
  it("runs only the cells in view before the first paint, then the cell in the margin before every cell further off", async () => {
    const page: Page = await (await wb.browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
    await openApp(page, wb.server.url, "#/nb/01-overview");
    const frame = await notebookFrame(page, 30_000);
    await frame.evaluate(async () => {
      await window.tverrsnitt?.ready;
      await window.tverrsnitt?.idle();
    });
    // t21-table's top 150 px below the viewport: t21 in view, t21-table in the margin, the rest further off.
    const places = await frame.evaluate(async (ids) => {
      const below = document.querySelector("#cell-t21-table")?.closest("nb-cell");
      if (!below) throw new Error("no t21-table");
      scrollTo(0, scrollY + below.getBoundingClientRect().top - innerHeight - 150);
      // Two frames: the observers report the new positions.
      for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      return ids.map((id) => {
        const box = document.querySelector(`#cell-${id}`)?.closest("nb-cell")?.getBoundingClientRect();
        if (!box) throw new Error(`no cell ${id}`);
        const place = box.bottom > 0 && box.top < innerHeight ? "view" : box.bottom > -300 && box.top < innerHeight + 300 ? "margin" : "far";
        return [id, place] as const;
      });
    }, RERUN);
    const inView = places.filter(([, p]) => p === "view").map(([id]) => id);
    const margin = places.filter(([, p]) => p === "margin").map(([id]) => id);
    const far = places.filter(([, p]) => p === "far").map(([id]) => id);
    expect(inView).toEqual(["t21"]);
    expect(margin).toEqual(["t21-table"]);
    for (const county of [11, 0, 18, 0]) {
      const { ended, frames } = await change(frame, county);
      const when = `choosing ${county}`;
      // Every value is current: each cell ran.
      for (const id of RERUN) expect(ended[id], `${id} ran, ${when}`).toBeGreaterThan(0);
      // The first frame after the cells in view ran: only they ran before it.
      const viewDone = Math.max(...inView.map((id) => ended[id] ?? Infinity));
      const firstPaint = frames.find((f) => f > viewDone);
      expect(firstPaint, `a frame after the cells in view, ${when}`).toBeDefined();
      const before = RERUN.filter((id) => (ended[id] ?? Infinity) < (firstPaint ?? 0));
      expect(before, `ran before the first paint that shows the cells in view, ${when}`).toEqual(inView);
      // Then the margin, before every cell further off.
      const marginDone = Math.max(...margin.map((id) => ended[id] ?? Infinity));
      for (const id of far) expect(ended[id] ?? 0, `${id} (far) ran after the margin's t21-table, ${when}`).toBeGreaterThan(marginDone);
    }
    await page.context().close();
  });

  it("draws nothing in the cells out of view before the first paint, and every cell's run once idle", async () => {
    const page: Page = await (await wb.browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
    await openApp(page, wb.server.url, "#/nb/01-overview");
    const frame = await notebookFrame(page, 30_000);
    await frame.evaluate(async () => {
      await window.tverrsnitt?.ready;
      await window.tverrsnitt?.idle();
      // Two frames: the observers have reported every cell's place.
      for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    });
    // At the top: t21 (the chart of Tabell 2.1) is in view, every other cell a change reruns is below it.
    for (const county of [11, 0, 3, 0]) {
      const seen = await frame.evaluate(async ({ county, ids }) => {
        const hooks = window.tverrsnitt;
        const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
        if (!hooks || boxes.length === 0) throw new Error("no filter bar or test hooks in the notebook frame");
        const inView = ids.filter((id) => {
          const box = document.querySelector(`nb-cell[data-id="${id}"]`)?.getBoundingClientRect();
          return box !== undefined && box.bottom > 0 && box.top < innerHeight;
        });
        // Which cells' DOM changed before the first animation frame after the input.
        const early = new Set<string>();
        // Whether a table (a comparison's, or any) was drawn or changed before that frame.
        let tableEarly = false;
        let framed = false;
        const watch = new MutationObserver((records) => {
          if (framed) return;
          for (const r of records) {
            const el = r.target instanceof Element ? r.target : r.target.parentElement;
            const id = el?.closest("nb-cell")?.getAttribute("data-id");
            if (id) early.add(id);
            for (const node of [el, ...r.addedNodes, ...r.removedNodes]) {
              if (node instanceof Element && (node.closest("table") !== null || node.querySelector("table") !== null)) tableEarly = true;
            }
          }
        });
        watch.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        requestAnimationFrame(() => (framed = true));
        for (const box of boxes) box.checked = Number(box.value) === county;
        boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
        await hooks.idle();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        watch.disconnect();
        const status = Object.fromEntries(ids.map((id) => [id, document.querySelector(`nb-cell[data-id="${id}"] .nb-status`)?.textContent?.trim() ?? ""]));
        return { inView, early: [...early].sort(), tableEarly, status };
      }, { county, ids: RERUN });
      const when = `choosing ${county}`;
      expect(seen.inView, when).toEqual(["t21"]);
      // Only the cell in view changed before its paint (not the "running…" of the twelve below it).
      expect(seen.early, `cells drawn before the first paint, ${when}`).toEqual(["t21"]);
      // t21 draws Tabell 2.1's chart; its table, below the fold, is a cell of its own (t21-table)
      // drawn after that paint: no table is styled and laid out in the frame that shows the chart.
      expect(seen.tableEarly, `a table drawn before the first paint, ${when}`).toBe(false);
      // Once idle, every cell shows its new run, not a pending status held back.
      for (const id of RERUN) expect(seen.status[id], `${id}'s status, ${when}`).toMatch(/^\d+\s*ms$/);
    }
    await page.context().close();
  });
});

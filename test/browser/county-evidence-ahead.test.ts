/**
 * Each county's evidence made ahead in the open notebook's frame (issue 12; analysis/evidence/
 * warm-counties.ts through app/sandbox/county-evidence-ahead.ts), in Chromium against the built app:
 * on 01, once the notebook has settled, every county alone and every printed table its cells
 * compared are classified, a step each (its `tv-evidence-ahead` measures), none before the notebook
 * has settled; then a county chosen is drawn with the same figures as in a frame that could not
 * work ahead. The frame's idle callbacks are not what runs it: Chromium gave that frame none
 * while it sat still (idle-steps.ts).
 */
import { describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import { notebookFrame, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

/** 01's comparisons with evidence: Tabell 2.1, 2.2, 2.5–2.9. */
const TABLES = 7;
/** Counties of 1999 (the filter bar's list). */
const COUNTIES = 19;

/** Open 01 in a page of its own; `before` runs in the frame before any of its scripts. */
async function open01(before?: string): Promise<Frame> {
  const context = await wb.browser.newContext({ viewport: { width: 1360, height: 900 } });
  if (before) await context.addInitScript(before);
  const page = await context.newPage();
  await openApp(page, wb.server.url, "#/nb/01-overview");
  const frame = await notebookFrame(page, 30_000);
  await frame.evaluate(async () => {
    for (let w = 0; !window.tverrsnitt && w < 30_000; w += 10) await new Promise((r) => setTimeout(r, 10));
    await window.tverrsnitt?.ready;
    await window.tverrsnitt?.idle();
  });
  return frame;
}

/** The steps worked ahead so far, and the earliest one's start (ms, the frame's clock). */
function aheadSteps(frame: Frame): Promise<{ count: number; first: number }> {
  return frame.evaluate(() => {
    const steps = performance.getEntriesByName("tv-evidence-ahead");
    return { count: steps.length, first: Math.min(...steps.map((s) => s.startTime)) };
  });
}

/** Choose `county` and read Tabell 2.1's table as shown once every value is current. */
function tableUnder(frame: Frame, county: number): Promise<string> {
  return frame.evaluate(async (county) => {
    const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
    for (const box of boxes) box.checked = Number(box.value) === county;
    boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
    await window.tverrsnitt?.idle();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return document.querySelector("#cell-t21-table")?.closest("nb-cell")?.querySelector(".nb-output table")?.outerHTML ?? "";
  }, county);
}

describe("each county's evidence made ahead in 01's frame", () => {
  it("classifies every county's tables once the notebook has settled, and a county then shows what a frame without it shows", async () => {
    const frame = await open01();
    let steps = await aheadSteps(frame);
    for (let waited = 0; steps.count < COUNTIES * TABLES && waited < 20_000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      steps = await aheadSteps(frame);
    }
    expect(steps.count).toBe(COUNTIES * TABLES);
    // Not before the notebook's own comparisons were made (its first run came first).
    const firstRun = await frame.evaluate(() => Math.max(...performance.getEntriesByName("tv-evidence").map((e) => e.startTime + e.duration)));
    expect(steps.first).toBeGreaterThanOrEqual(firstRun);

    // The same figures, classes and ranges as a frame whose background tasks and idle callbacks never run.
    const plain = await open01("Object.defineProperty(window, 'scheduler', { value: undefined }); window.requestIdleCallback = undefined;");
    await new Promise((r) => setTimeout(r, 500));
    expect((await aheadSteps(plain)).count).toBe(0);
    for (const county of [11, 3, 18]) {
      const warm = await tableUnder(frame, county);
      expect(warm).toContain("tv-ev-range");
      expect(warm, `county ${county}`).toBe(await tableUnder(plain, county));
    }
  }, 90_000);
});

/**
 * A notebook opened from the sidebar while the spare frame is still working ahead (idle28: its
 * parsing, masks, printed tables, recounts and crosswalk in background steps) shows the values a
 * cold open shows: 04 and 06 opened at several moments of the spare's steps, their cells' text
 * compared with each opened alone. The spare is made 1.5 s after the open notebook is quiet
 * (QUIET_BEFORE_SPARE_MS) and works ahead for some 2–3 s after: the openings land before, in and
 * after its steps.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { nb, notebookFrame, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

/** Every output's text of the open notebook, once it is idle. */
async function texts(page: Page): Promise<string[]> {
  const frame = await notebookFrame(page, 60_000);
  return frame.evaluate(async () => {
    await window.tverrsnitt?.ready;
    await window.tverrsnitt?.idle();
    await new Promise((r) => setTimeout(r, 300));
    await window.tverrsnitt?.idle();
    return [...document.querySelectorAll("nb-cell")].map((c) => `${c.getAttribute("data-id") ?? ""}: ${(c.querySelector(".nb-output")?.textContent ?? "").replace(/\s+/g, " ").replace(/\d+(\.\d+)?\s*ms\b/g, "")}`);
  });
}

describe("a notebook opened while the spare works ahead", () => {
  // Each target with a cell it has and 01 has not: its frame, not 01's, is the one on screen.
  for (const [target, ownCell] of [["04-reconciliation", "rec"], ["06-thesis-crosswalk", "findings"]] as const) {
    it(`${target} shows what a cold open shows`, async () => {
      const cold = await wb.browser.newPage({ viewport: { width: 1360, height: 900 } });
      await openApp(cold, wb.server.url, `#/nb/${target}`);
      const expected = await texts(cold);
      await cold.close();
      expect(expected.length).toBeGreaterThan(3);
      for (const delay of [0, 1800, 2500, 3000, 3500, 4500]) {
        const page = await wb.browser.newPage({ viewport: { width: 1360, height: 900 } });
        await openApp(page, wb.server.url, "#/nb/01-overview");
        const first = await notebookFrame(page, 60_000);
        await first.evaluate(async () => {
          await window.tverrsnitt?.ready;
          await window.tverrsnitt?.idle();
        });
        await page.waitForTimeout(delay);
        await page.evaluate((hash) => (location.hash = hash), `#/nb/${target}`);
        // The address changes first; 01's frame stays on screen until the target is loaded.
        await nb(page).locator(`#cell-${ownCell}`).waitFor({ state: "attached", timeout: 60_000 });
        expect(await texts(page), `${target} after ${delay} ms`).toEqual(expected);
        await page.close();
      }
    }, 400_000);
  }
});

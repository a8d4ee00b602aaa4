/**
 * Plot's chunk loaded ahead in a spare frame (issue 12: notebook 05 from the sidebar; app/sandbox/
 * plot-ahead.ts): the first notebook's frame never asks for it, the spare asks for it once it has
 * parsed the survey, and 05 — whose own cell calls `Plot` — opened from the sidebar in that spare draws
 * its chart without asking for it again. Chromium against the built app.
 */
import { describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import { openApp } from "./browser-helpers";
import { plotChunkFile } from "./plot-chunk-file";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

describe("Plot ahead in a spare frame", () => {
  it("a spare frame loads Plot once it has parsed the survey; 01's frame does not, and 05 opened in the spare asks for nothing of Plot's", async () => {
    const plot = plotChunkFile();
    const context = await wb.browser.newContext({ viewport: { width: 1360, height: 900 } });
    try {
      const page = await context.newPage();
      // Every request for Plot's chunk: which frame asked, and whether 05 had been clicked yet.
      const asked: { frame: Frame; afterClick: boolean }[] = [];
      let clicked = false;
      page.on("request", (request) => {
        if (new URL(request.url()).pathname.endsWith(`/assets/${plot}`)) asked.push({ frame: request.frame(), afterClick: clicked });
      });
      await openApp(page, wb.server.url, "#/nb/01-overview");
      const first = await (await page.waitForSelector("iframe.nb-frame:not([hidden])")).contentFrame();
      if (!first) throw new Error("no frame for 01");
      await first.waitForFunction(() => window.tverrsnitt !== undefined);
      await first.evaluate(() => window.tverrsnitt?.idle());
      // The spare is made once 01 has been quiet (spare-timing.ts), primed; once it has parsed the survey it loads Plot.
      const spareHandle = await page.waitForSelector("iframe.nb-frame[hidden]", { state: "attached", timeout: 30_000 });
      const spare = await spareHandle.contentFrame();
      if (!spare) throw new Error("no spare frame");
      // Polled by time: a hidden frame gets no animation frames (the default polling).
      await spare.waitForFunction((name) => performance.getEntriesByType("resource").some((e) => e.name.endsWith(`/assets/${name}`) && e instanceof PerformanceResourceTiming && e.responseEnd > 0), plot, { timeout: 30_000, polling: 100 });
      expect(asked.map((a) => a.frame === spare), "only the spare asked for Plot, once").toEqual([true]);
      expect(await first.evaluate(() => document.querySelectorAll("nb-cell").length)).toBeGreaterThan(0);

      clicked = true;
      await page.click('.nb-list a[data-name="05-adopters"]');
      // 05 opens in the spare and its own Plot cell draws its bars.
      await spare.locator('nb-cell[data-id="chart"] svg rect').first().waitFor({ timeout: 30_000 });
      expect(await spare.locator('nb-cell[data-id="chart"] svg rect').count()).toBeGreaterThan(5);
      await spare.evaluate(() => window.tverrsnitt?.idle());
      expect(asked.filter((a) => a.afterClick), "05's open asked for Plot's chunk").toEqual([]);
    } finally {
      await context.close();
    }
  });
});

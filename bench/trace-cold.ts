/**
 * One cold start of notebook 01 (fresh profile) under a Chromium trace, for reading the critical
 * path (issue 11): `npx tsx bench/trace-cold.ts <dist> <out.json> [notebook]`.
 */
import { writeFileSync } from "node:fs";
import { launchChromium, notebookFrame } from "../test/browser/browser-helpers";
import { renderedAt } from "./notebooks";
import { serveDistApart } from "./workbench";

const [dist = "dist", out = "/tmp/trace.json", name = "01-overview"] = process.argv.slice(2);
const server = await serveDistApart(dist);
const browser = await launchChromium();
try {
  // A warm-up start, so the trace is not the browser's own first start.
  for (const traced of [false, true]) {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    if (traced) {
      await browser.startTracing(page, {
        categories: (process.env.TRACE_CATS ?? "devtools.timeline,v8.execute,blink.user_timing,loading,disabled-by-default-v8.cpu_profiler").split(","),
      });
    }
    await page.goto(`${server.url}#/nb/${name}`);
    const frame = await notebookFrame(page, 30_000);
    const at = await renderedAt(frame);
    await frame.evaluate(() => performance.mark("tv-idle-painted"));
    const origin = await page.evaluate(() => performance.timeOrigin);
    console.log(`${traced ? "traced" : "warm-up"}: ${Math.round(at - origin)} ms`);
    if (traced) writeFileSync(out, await browser.stopTracing());
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

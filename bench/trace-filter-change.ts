/**
 * A trace of filter changes on one shipped notebook (issue 12), for finding what runs between the
 * input and the viewport's paint: Chromium's timeline trace (every process) around `changes`
 * filter changes, written to a JSON file that chrome://tracing or DevTools opens, and a CPU profile
 * of the notebook's frame (self time by function). Not a benchmark: tracing slows what it traces,
 * but what it counts (style and layout passes, layout objects, where a pass was forced from script)
 * does not depend on the machine's load.
 *
 *   npx tsx bench/trace-filter-change.ts 01-overview [dist] [out-prefix] [changes]
 *
 * NOPROFILE=1 leaves the sampling profiler off (it slows JavaScript down); PROBE=1 installs the
 * bench's probe (bench/notebooks.ts) first; SCROLL=middle scrolls to the notebook's middle first, as
 * the bench does for half its changes (other cells are in view there); SCROLL=<CSS selector> puts
 * that element at the top instead (the same place on every build, whatever the page's height). Each change is marked in the trace (`change-N`, and
 * `idle-N` when every value is current).
 */
import { writeFileSync } from "node:fs";
import { launchChromium, notebookFrame } from "../test/browser/browser-helpers";
import { serveDistApart } from "./workbench";
import { installProbe } from "./filter-change-probe";

const [name = "01-overview", dist = "dist", out = "/tmp/trace", changesArg = "6"] = process.argv.slice(2);
const COUNTIES = [11, 12, 3, 18, 1, 19, 15, 6];

async function main(): Promise<void> {
  const server = await serveDistApart(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}#/nb/${name}`);
    const frame = await notebookFrame(page, 30_000);
    await frame.evaluate(async () => {
      await window.tverrsnitt?.ready;
      await window.tverrsnitt?.idle();
      await new Promise((r) => setTimeout(r, 500));
    });
    if (process.env.SCROLL) {
      await frame.evaluate(async (where) => {
        const target = where === "middle" ? null : document.querySelector(where);
        if (target) target.scrollIntoView({ block: "start" });
        else scrollTo(0, Math.max(0, (document.documentElement.scrollHeight - innerHeight) / 2));
        await new Promise((r) => setTimeout(r, 300));
      }, process.env.SCROLL);
    }
    // PROBE=1: with the bench's probe installed, to see what it adds to the work traced.
    if (process.env.PROBE === "1") await installProbe(frame);
    const cdp = await browser.newBrowserCDPSession();
    const frameCdp = await context.newCDPSession(frame);
    await frameCdp.send("Profiler.enable");
    await frameCdp.send("Profiler.setSamplingInterval", { interval: 100 });
    const events: unknown[] = [];
    cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
    const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
    await cdp.send("Tracing.start", {
      traceConfig: {
        includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "disabled-by-default-devtools.timeline.frame", "v8.execute", "blink.user_timing", "toplevel", "blink", "cc", "viz", "gpu", "benchmark", "latencyInfo", "input", ...(process.env.INVALIDATIONS ? ["disabled-by-default-devtools.timeline.invalidationTracking"] : [])],
      },
      transferMode: "ReportEvents",
    });
    // NOPROFILE=1: the timeline alone (the sampling profiler slows JavaScript down).
    const profiling = !process.env.NOPROFILE;
    if (profiling) await frameCdp.send("Profiler.start");
    const n = Number(changesArg);
    for (let i = 0; i < n; i++) {
      const county = i % 2 === 0 ? (COUNTIES[(i / 2) % COUNTIES.length] ?? 11) : 0;
      await frame.evaluate(async (county) => {
        performance.mark(`change-${county}`);
        Reflect.set(Reflect.get(window, "__nbProbe") ?? {}, "t0", performance.now());
        const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
        for (const box of boxes) box.checked = Number(box.value) === county;
        boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
        await window.tverrsnitt?.idle();
        performance.mark(`idle-${county}`);
        Reflect.set(Reflect.get(window, "__nbProbe") ?? {}, "t0", 0);
        await new Promise((r) => setTimeout(r, 400));
      }, county);
    }
    const profile = profiling ? (await frameCdp.send("Profiler.stop")).profile : { nodes: [], startTime: 0, endTime: 0, samples: [], timeDeltas: [] };
    await cdp.send("Tracing.end");
    await done;
    writeFileSync(`${out}.trace.json`, JSON.stringify({ traceEvents: events }));
    writeFileSync(`${out}.cpuprofile`, JSON.stringify(profile));
    console.log(`wrote ${out}.trace.json (${events.length} events) and ${out}.cpuprofile`);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

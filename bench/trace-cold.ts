/**
 * One cold start of notebook 01 (fresh profile) under a Chromium trace, for reading the critical
 * path (issue 11): `npx tsx bench/trace-cold.ts <dist> <out.json> [notebook]`. `TRACE_CATS` sets the
 * categories (add `disabled-by-default-v8.cpu_profiler` for a JavaScript profile).
 *
 * It also prints the CPU time of each renderer's main thread up to "idle and painted", the notebook
 * frame's split at the moment the shell's `open` reached it (a `tv-open` mark, set from outside the
 * app). Wall-clock times are not usable on a loaded machine; thread CPU time mostly is, so two
 * builds' work can be compared from a few traces each. And the frame's waits before and after `open`
 * (time with no task on its main thread): what is left of serial waits on the critical path.
 */
import { writeFileSync } from "node:fs";
import { launchChromium, notebookFrame } from "../test/browser/browser-helpers";
import { renderedAt } from "./notebook-frame";
import { serveDistApart } from "./workbench";
import { traceEvents, type TraceEvent } from "./trace-event";

const [dist = "dist", out = "/tmp/trace.json", name = "01-overview"] = process.argv.slice(2);

/** Main-thread CPU ms per renderer up to the `tv-idle-painted` mark; the frame's before and after `tv-open`. */
function cpuSummary(json: string): string[] {
  const events = traceEvents(json);
  const idle = events.find((e) => e.name === "tv-idle-painted");
  const open = events.find((e) => e.name === "tv-open" && e.pid === idle?.pid);
  if (!idle) return ["no tv-idle-painted mark in the trace"];
  const names = new Map(events.filter((e) => e.ph === "M" && e.name === "process_name").map((e) => [e.pid, e.args?.name ?? ""]));
  const lines: string[] = [];
  for (const [pid, label] of names) {
    if (!label.includes("Renderer") || label.startsWith("WebUI")) continue;
    // Top-level slices of the main thread (nested ones are inside their parent's CPU time).
    const slices = events.filter((e) => e.pid === pid && e.tid === pid && e.ph === "X" && e.tdur !== undefined && e.ts <= idle.ts).sort((x, y) => x.ts - y.ts || (y.dur ?? 0) - (x.dur ?? 0));
    let end = 0;
    let before = 0;
    let after = 0;
    for (const e of slices) {
      if (e.ts < end) continue;
      end = e.ts + (e.dur ?? 0);
      if (open && e.ts >= open.ts) after += e.tdur ?? 0;
      else before += e.tdur ?? 0;
    }
    const frame = pid === idle.pid;
    lines.push(`${frame ? "frame" : "page "} main thread CPU ${((before + after) / 1000).toFixed(0)} ms${frame && open ? ` (before open ${(before / 1000).toFixed(0)}, after ${(after / 1000).toFixed(0)})` : ""}`);
    if (frame && open) {
      // From the frame document's first task (its commit) to `open`: waiting there is mostly for its scripts.
      lines.push(waits("frame before open", slices, slices[0]?.ts ?? open.ts, open.ts));
      lines.push(waits("frame after open", slices, open.ts, idle.ts));
    }
  }
  return lines;
}

/**
 * The frame's main thread from `from` to `to` (before `open`: from its document's commit; after: to
 * idle and painted): time in top-level tasks and time with no task at all, the longest waits first.
 * A wait is the frame waiting on something outside its thread (its scripts, a file from the shell, a
 * timer, a frame to paint in): a serial wait on the critical path when it is long. Under load a
 * task's wall time grows (the thread is descheduled inside it) but a wait does not, so the waits
 * read much the same at any load.
 */
function waits(label: string, slices: readonly TraceEvent[], from: number, to: number): string {
  let end = from;
  let busy = 0;
  const gaps: { ms: number; at: number }[] = [];
  for (const e of slices) {
    if (e.ts < from || e.ts >= to) continue;
    if (e.ts > end) gaps.push({ ms: (e.ts - end) / 1000, at: (end - from) / 1000 });
    const stop = e.ts + (e.dur ?? 0);
    if (stop > end) {
      busy += (stop - Math.max(end, e.ts)) / 1000;
      end = stop;
    }
  }
  if (to > end) gaps.push({ ms: (to - end) / 1000, at: (end - from) / 1000 });
  const waiting = gaps.reduce((sum, w) => sum + w.ms, 0);
  const longest = [...gaps].sort((x, y) => y.ms - x.ms).slice(0, 5).map((w) => `${w.ms.toFixed(1)} at +${w.at.toFixed(0)}`);
  return `${label}: ${((to - from) / 1000).toFixed(0)} ms wall, in tasks ${busy.toFixed(0)}, waiting ${waiting.toFixed(0)} (longest: ${longest.join(", ")})`;
}

const server = await serveDistApart(dist);
const browser = await launchChromium();
try {
  // A warm-up start, so the trace is not the browser's own first start.
  for (const traced of [false, true]) {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    await context.addInitScript(() => {
      addEventListener(
        "message",
        (event: MessageEvent) => {
          const data: unknown = event.data;
          if (typeof data === "object" && data !== null && "type" in data && data.type === "open") performance.mark("tv-open");
        },
        true,
      );
    });
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
    if (traced) {
      const json = (await browser.stopTracing()).toString("utf8");
      writeFileSync(out, json);
      for (const line of cpuSummary(json)) console.log(line);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * One notebook opened from the sidebar under a Chromium trace, as bench/notebooks.ts times it (issue
 * 12): 01 opened, then each shipped notebook in the sidebar's order up to `name`, 3.5 s apart (the
 * spare frame is made after 1.5 s of quiet), the last click traced until the notebook is idle and
 * painted. `npx tsx bench/trace-open.ts 03-size-and-correlations [dist] [out-prefix]`.
 *
 * Prints, per renderer, the main thread's time from the click in top-level tasks and by kind of work
 * (script, style, layout, paint, parse), and the frame's JavaScript self time by function from a CPU
 * profile (build with `--minify false` to read the names). Not a benchmark: the counts and the split
 * are what to read (they hold under load), not the wall clock.
 */
import { writeFileSync } from "node:fs";
import { launchChromium } from "../test/browser/browser-helpers";
import { renderedAt, visibleNotebookFrame } from "./notebook-frame";
import { SHIPPED } from "./notebooks";
import { serveDistApart } from "./workbench";
import { traceEvents, type TraceEvent } from "./trace-event";

const [name = "03-size-and-correlations", dist = "dist", out = "/tmp/trace-open"] = process.argv.slice(2);

/** Kinds of main-thread work, by the trace's event names (the innermost named slice wins). */
const KINDS: Record<string, string> = {
  FunctionCall: "script", EvaluateScript: "script", "v8.compile": "compile", "v8.compileModule": "compile", V8Compile: "compile", "v8.evaluateModule": "script",
  TimerFire: "script", FireAnimationFrame: "script", EventDispatch: "script", RunMicrotasks: "script", "v8.run": "script",
  UpdateLayoutTree: "style", RecalculateStyles: "style", ParseAuthorStyleSheet: "style", Layout: "layout", UpdateLayerTree: "layer", PrePaint: "paint", Paint: "paint", Layerize: "paint", CompositeLayers: "paint", Commit: "paint",
  ParseHTML: "parse", "v8.parseOnBackground": "parse", MajorGC: "gc", MinorGC: "gc", "V8.GC_SCAVENGER": "gc", "BlinkGC.AtomicPhase": "gc",
};

function summary(events: TraceEvent[], from: number, to: number): string[] {
  const names = new Map(events.filter((e) => e.ph === "M" && e.name === "process_name").map((e) => [e.pid, e.args?.name ?? ""]));
  const lines: string[] = [];
  for (const [pid, label] of names) {
    if (!label.includes("Renderer")) continue;
    const slices = events.filter((e) => e.pid === pid && e.tid === pid && e.ph === "X" && e.ts >= from && e.ts <= to).sort((x, y) => x.ts - y.ts || (y.dur ?? 0) - (x.dur ?? 0));
    // Top-level tasks, and self time per kind: each slice's duration minus its named children's.
    let end = 0;
    let busy = 0;
    let cpu = 0;
    const tasks: number[] = [];
    const kinds = new Map<string, number>();
    const stack: TraceEvent[] = [];
    for (const e of slices) {
      while (stack.length > 0 && (stack.at(-1)?.ts ?? 0) + (stack.at(-1)?.dur ?? 0) <= e.ts) stack.pop();
      const kind = KINDS[e.name];
      if (kind) {
        const parent = stack.findLast((s) => KINDS[s.name] !== undefined);
        if (parent) kinds.set(KINDS[parent.name] ?? "", (kinds.get(KINDS[parent.name] ?? "") ?? 0) - (e.dur ?? 0));
        kinds.set(kind, (kinds.get(kind) ?? 0) + (e.dur ?? 0));
      }
      stack.push(e);
      if (e.ts < end) continue;
      end = e.ts + (e.dur ?? 0);
      busy += e.dur ?? 0;
      cpu += e.tdur ?? 0;
      tasks.push(e.dur ?? 0);
    }
    if (busy < 1000) continue;
    const top = [...tasks].sort((a, b) => b - a).slice(0, 6).map((d) => (d / 1000).toFixed(0));
    lines.push(`${label} pid ${pid}: busy ${(busy / 1000).toFixed(0)} ms (thread CPU ${(cpu / 1000).toFixed(0)}) in ${tasks.length} tasks (longest ${top.join(", ")})`);
    lines.push(`   ${[...kinds].filter(([, v]) => v > 500).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(" · ")}`);
    const layouts = slices.filter((e) => e.name === "Layout" || e.name === "UpdateLayoutTree");
    lines.push(`   ${layouts.length} style/layout passes: ${layouts.map((e) => `${e.name === "Layout" ? "L" : "S"}${((e.dur ?? 0) / 1000).toFixed(1)}@${((e.ts - from) / 1000).toFixed(0)}`).join(" ")}`);
  }
  return lines;
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }

/** Self time by function (ms), top 30. */
function selfTimes(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i] ?? -1);
    if (!node) continue;
    const f = node.callFrame;
    const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop() ?? ""}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(1).padStart(7)}  ${k}`);
}

const server = await serveDistApart(dist);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  // Marks the moment the shell's `open` reaches a frame (set from outside the app, as trace-cold does).
  await context.addInitScript(() => {
    addEventListener("message", (event: MessageEvent) => {
      const data: unknown = event.data;
      if (typeof data === "object" && data !== null && "type" in data && data.type === "open") performance.mark("tv-open");
    }, true);
  });
  const page = await context.newPage();
  await page.goto(`${server.url}#/nb/01-overview`);
  let frame = await visibleNotebookFrame(page, undefined);
  await renderedAt(frame);
  const order = [...SHIPPED.slice(1), SHIPPED[0]];
  for (const nb of order.slice(0, order.indexOf(name as (typeof order)[number]) + 1)) {
    await page.waitForTimeout(3500);
    const traced = nb === name;
    const sessions = [];
    if (traced) {
      // The spare frame(s) the click will use: profile each (NOPROFILE=1: not).
      for (const handle of process.env.NOPROFILE ? [] : await page.$$("iframe.nb-frame[hidden]")) {
        const f = await handle.contentFrame();
        if (!f) continue;
        const s = await context.newCDPSession(f);
        await s.send("Profiler.enable");
        await s.send("Profiler.setSamplingInterval", { interval: 100 });
        await s.send("Profiler.start");
        sessions.push(s);
      }
      // NOTRACE=1: the CPU profile alone (tracing makes each User Timing mark and measure slow).
      if (!process.env.NOTRACE) await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing", "loading", "toplevel", "v8"] });
    }
    const t0 = await page.evaluate((n) => {
      performance.mark("tv-click");
      const t = performance.timeOrigin + performance.now();
      document.querySelector<HTMLAnchorElement>(`.nb-list a[data-name="${n}"]`)?.click();
      return t;
    }, nb);
    frame = await visibleNotebookFrame(page, frame);
    const at = await renderedAt(frame);
    console.log(`${nb}: ${Math.round(at - t0)} ms${traced ? " (traced)" : ""}`);
    if (traced) {
      await frame.evaluate(() => performance.mark("tv-idle-painted"));
      const profiles = [];
      for (const s of sessions) profiles.push((await s.send("Profiler.stop")).profile);
      if (!process.env.NOTRACE) {
        const json = (await browser.stopTracing()).toString("utf8");
        writeFileSync(`${out}.trace.json`, json);
        const events = traceEvents(json);
        const click = events.find((e) => e.name === "tv-click")?.ts ?? 0;
        const idle = events.find((e) => e.name === "tv-idle-painted")?.ts ?? Infinity;
        for (const line of summary(events, click, idle)) console.log(line);
      }
      for (const [i, p] of profiles.entries()) {
        writeFileSync(`${out}.${i}.cpuprofile`, JSON.stringify(p));
        const lines = selfTimes(p);
        if (lines.length > 0) console.log(`frame ${i}: JavaScript self time (ms)\n${lines.join("\n")}`);
      }
    }
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

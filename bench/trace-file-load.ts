/**
 * A trace of one file load (issue 12), for finding where its time goes: Chromium's timeline trace
 * (every process and thread, with the V8 sampling profiler's samples) from the file input's change to
 * the review panel, summarised as CPU time per thread (the shell's main thread, each load worker, the
 * notebook frame) and the shell's main-thread tasks over 16 ms with what ran in them (the functions
 * with the most self time). Thread CPU time does not depend on the machine's load the way wall time
 * does, so a before/after under load is still evidence. Not a benchmark: tracing slows what it traces.
 *
 *   npx tsx bench/trace-file-load.ts <file> [dist] [out-prefix]
 *
 * The trace is written to `<out-prefix>.trace.json` (chrome://tracing or DevTools opens it).
 */
import { writeFileSync } from "node:fs";
import { launchChromium, notebookFrame } from "../test/browser/browser-helpers";
import { serveDistApart } from "./workbench";

const [path, dist = "dist", out = "/tmp/file-load"] = process.argv.slice(2);

/** The trace events this summary reads. */
interface TraceEvent {
  ph: string;
  name: string;
  cat?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number };
}

/** Self time (µs) per function from the sampling profiler's chunks, per thread, within [from, to]. */
function selfTimes(events: readonly TraceEvent[], from: number, to: number): Map<string, Map<string, number>> {
  const nodes = new Map<string, Map<number, string>>();
  const byThread = new Map<string, Map<string, number>>();
  const clocks = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${String(e.id ?? "")}`;
    if (e.name === "Profile") clocks.set(key, Number((e.args?.["data"] as { startTime?: number } | undefined)?.startTime ?? e.ts));
    if (e.name !== "ProfileChunk") continue;
    const data = e.args?.["data"] as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    const names = nodes.get(key) ?? new Map<number, string>();
    nodes.set(key, names);
    for (const node of data?.cpuProfile?.nodes ?? []) {
      const file = (node.callFrame.url ?? "").split("/").pop() ?? "";
      names.set(node.id, `${node.callFrame.functionName || "(anonymous)"} ${file}:${(node.callFrame.lineNumber ?? 0) + 1}`);
    }
    const thread = `${e.pid}:${e.tid}`;
    const selfs = byThread.get(thread) ?? new Map<string, number>();
    byThread.set(thread, selfs);
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    let clock = clocks.get(key) ?? e.ts;
    for (let i = 0; i < samples.length; i++) {
      const delta = deltas[i] ?? 0;
      clock += delta;
      if (clock < from || clock > to) continue;
      const name = names.get(samples[i] ?? 0) ?? "?";
      selfs.set(name, (selfs.get(name) ?? 0) + Math.max(0, deltas[i + 1] ?? delta));
    }
    clocks.set(key, clock);
  }
  return byThread;
}

async function main(): Promise<void> {
  if (!path) throw new Error("usage: npx tsx bench/trace-file-load.ts <file> [dist] [out-prefix]");
  const server = await serveDistApart(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}#/nb/01-overview`);
    const frame = await notebookFrame(page, 30_000);
    await frame.evaluate(async () => {
      await window.tverrsnitt?.ready;
      await window.tverrsnitt?.idle();
    });
    await page.waitForTimeout(500);
    const cdp = await browser.newBrowserCDPSession();
    const events: TraceEvent[] = [];
    cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as TraceEvent[])));
    const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
    await cdp.send("Tracing.start", {
      traceConfig: { includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8.execute", "blink.user_timing", "disabled-by-default-v8.cpu_profiler", "__metadata"] },
      transferMode: "ReportEvents",
    });
    await page.evaluate(() => {
      const input = document.querySelector(".nb-data-file");
      input?.addEventListener("change", () => performance.mark("file-chosen"), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (document.querySelector(".nb-data-use, .nb-data-error") === null) return;
        performance.mark("review-shown");
        observer.disconnect();
      });
      observer.observe(document.body, { subtree: true, childList: true });
    });
    await page.setInputFiles(".nb-data-file", path);
    await page.waitForSelector(".nb-data-use, .nb-data-error", { timeout: 600_000 });
    await page.waitForTimeout(300);
    await cdp.send("Tracing.end");
    await done;
    writeFileSync(`${out}.trace.json`, JSON.stringify({ traceEvents: events }));
    const names = new Map<string, string>();
    for (const e of events) if (e.ph === "M" && e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, String(e.args?.["name"] ?? ""));
    const mark = (name: string): number => events.find((e) => e.name === name && e.cat?.includes("user_timing"))?.ts ?? 0;
    const from = mark("file-chosen");
    const to = mark("review-shown");
    console.log(`file chosen → review: ${((to - from) / 1000).toFixed(0)} ms wall (traced; slower than untraced)`);
    // CPU time per thread: the top-level tasks' thread time, within the load.
    const cpu = new Map<string, number>();
    const tasks: TraceEvent[] = [];
    for (const e of events) {
      if (e.ph !== "X" || e.ts < from || e.ts > to) continue;
      if (e.name !== "ThreadControllerImpl::RunTask" && e.name !== "RunTask") continue;
      const thread = `${e.pid}:${e.tid}`;
      cpu.set(thread, (cpu.get(thread) ?? 0) + (e.tdur ?? 0));
      tasks.push(e);
    }
    const shellMain = events.find((e) => e.name === "file-chosen")?.pid;
    const rows = [...cpu].filter(([, us]) => us > 5000).sort((a, b) => b[1] - a[1]);
    for (const [thread, us] of rows) console.log(`  ${(names.get(thread) ?? thread).padEnd(28)} ${thread.padEnd(16)} ${(us / 1000).toFixed(0).padStart(6)} ms CPU`);
    const mainThread = [...names].find(([k, v]) => v === "CrRendererMain" && k.startsWith(`${shellMain}:`))?.[0];
    const long = tasks.filter((t) => `${t.pid}:${t.tid}` === mainThread && (t.dur ?? 0) > 16_000).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
    console.log(`shell main-thread tasks over 16 ms: ${long.length}`);
    const selfs = selfTimes(events, from, to);
    for (const t of long.slice(0, 8)) {
      const inTask = selfTimes(events, t.ts, t.ts + (t.dur ?? 0)).get(mainThread ?? "") ?? new Map<string, number>();
      const top = [...inTask].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join("; ");
      console.log(`  at +${((t.ts - from) / 1000).toFixed(0)} ms: ${((t.dur ?? 0) / 1000).toFixed(0)} ms (${((t.tdur ?? 0) / 1000).toFixed(0)} CPU) — ${top}`);
    }
    for (const [thread, s] of selfs) {
      const total = [...s.values()].reduce((a, b) => a + b, 0);
      if (total < 20_000) continue;
      console.log(`self time, ${names.get(thread) ?? thread} (${(total / 1000).toFixed(0)} ms sampled):`);
      for (const [n, us] of [...s].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${(us / 1000).toFixed(1).padStart(7)} ms  ${n}`);
    }
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

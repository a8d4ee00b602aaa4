/**
 * A trace of one file load (issue 12), for finding where its time goes: Chromium's timeline trace
 * (every process and thread) from the file input's change to the review panel, summarised per
 * thread — the shell's main thread, each load worker, the notebook frames — as CPU time and as the
 * tasks of 2 ms of CPU or more (start, wall and CPU ms), which shows the phases: the workers
 * starting, reading their parts, the join and the validation in the first worker, the page taking
 * the columns. Thread CPU time is far less bent by the machine's load than wall time, so a
 * before/after under load is still evidence. Not a benchmark: tracing slows what it traces.
 *
 *   npx tsx bench/trace-file-load.ts <file> [dist] [out-prefix]
 *
 * The trace is written to `<out-prefix>.trace.json` (chrome://tracing or DevTools opens it).
 */
import { writeFileSync } from "node:fs";
import { isRecord } from "../src/base/guards";
import { launchChromium, notebookFrame } from "../test/browser/browser-helpers";
import { serveDistApart } from "./workbench";

const [path, dist = "dist", out = "/tmp/file-load"] = process.argv.slice(2);

/** The fields of a trace event this summary reads. */
interface TraceEvent {
  ph: string;
  name: string;
  cat: string;
  thread: string;
  ts: number;
  dur: number;
  tdur: number;
  threadName?: string;
}

function readEvent(raw: unknown): TraceEvent | undefined {
  if (!isRecord(raw)) return undefined;
  const { ph, name, cat, pid, tid, ts, dur, tdur, args } = raw;
  if (typeof ph !== "string" || typeof name !== "string" || typeof pid !== "number" || typeof tid !== "number") return undefined;
  const threadName = isRecord(args) && typeof args["name"] === "string" ? args["name"] : undefined;
  return {
    ph, name, cat: typeof cat === "string" ? cat : "", thread: `${pid}:${tid}`,
    ts: typeof ts === "number" ? ts : 0, dur: typeof dur === "number" ? dur : 0, tdur: typeof tdur === "number" ? tdur : 0,
    ...(threadName === undefined ? {} : { threadName }),
  };
}

const ms = (us: number): string => (us / 1000).toFixed(0);

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
    const raw: unknown[] = [];
    cdp.on("Tracing.dataCollected", (e) => raw.push(...e.value));
    const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
    await cdp.send("Tracing.start", {
      traceConfig: { includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8.execute", "blink.user_timing", "__metadata"] },
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
    writeFileSync(`${out}.trace.json`, JSON.stringify({ traceEvents: raw }));
    const events = raw.map(readEvent).filter((e): e is TraceEvent => e !== undefined);
    const names = new Map<string, string>();
    for (const e of events) if (e.ph === "M" && e.name === "thread_name" && e.threadName !== undefined) names.set(e.thread, e.threadName);
    const mark = (name: string): TraceEvent | undefined => events.find((e) => e.name === name && e.cat.includes("user_timing"));
    const from = mark("file-chosen")?.ts ?? 0;
    const to = mark("review-shown")?.ts ?? 0;
    const shell = mark("file-chosen")?.thread;
    console.log(`file chosen → review: ${ms(to - from)} ms wall (traced)`);
    // Top-level tasks only: Chromium nests a RunTask inside ThreadControllerImpl::RunTask, counted once.
    const tasks = new Map<string, TraceEvent[]>();
    const ends = new Map<string, number>();
    for (const e of [...events].sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
      if (e.ph !== "X" || e.ts < from || e.ts > to || (e.name !== "ThreadControllerImpl::RunTask" && e.name !== "RunTask")) continue;
      if (e.ts < (ends.get(e.thread) ?? 0)) continue;
      ends.set(e.thread, e.ts + e.dur);
      tasks.set(e.thread, [...(tasks.get(e.thread) ?? []), e]);
    }
    const rows = [...tasks].map(([thread, list]) => ({ thread, list, cpu: list.reduce((n, t) => n + t.tdur, 0) })).filter((r) => r.cpu > 20_000).sort((a, b) => b.cpu - a.cpu);
    for (const { thread, list, cpu } of rows) {
      const label = `${names.get(thread) ?? "?"}${thread === shell ? " (shell)" : ""}`;
      console.log(`${label.padEnd(36)} ${thread.padEnd(14)} ${ms(cpu).padStart(6)} ms CPU`);
      const big = list.filter((t) => t.tdur >= 2000).map((t) => `+${ms(t.ts - from)}:${ms(t.dur)}/${ms(t.tdur)}`);
      console.log(`    tasks (+start: wall/CPU ms): ${big.join(" ")}`);
    }
    const long = (tasks.get(shell ?? "") ?? []).filter((t) => t.dur > 50_000);
    console.log(`shell main-thread tasks over 50 ms: ${long.length === 0 ? "none" : long.map((t) => `+${ms(t.ts - from)}: ${ms(t.dur)} ms (${ms(t.tdur)} CPU)`).join(", ")}`);
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

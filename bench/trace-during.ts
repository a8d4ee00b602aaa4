/**
 * The change made during a notebook's work ahead (bench/notebook-changes.ts, "during work ahead":
 * 0.1–1.2 s after it settled), opened `opens` times, each under a Chromium trace (issue 12: on main
 * at stop 30, 04's change at ~1.15 s painted its viewport in 52 ms with no long task and 0 ms
 * waited, its others 9–17 ms). For each open: the bench's figures of that change (the probe,
 * bench/filter-change-probe.ts), and what the notebook frame's main thread did from the input to
 * the viewport's paint — each top-level task (wall, thread CPU) with its largest inner slices, the
 * background steps it ran (User Timing measures `tv-*`), and the time by kind (script, style,
 * layout, paint, GC) — then the distribution over the opens.
 *
 *   npx tsx bench/trace-during.ts [04-reconciliation] [dist] [--at 1150] [--opens 10] [--county 17] [--out /tmp/trace-during]
 *
 * `--at` may list several times (`--at 100,450,800,1150`), taken in turn by the opens, as the bench
 * does. Not a benchmark: tracing slows what it traces; what to read is which work runs between
 * the input and the paint, and how that changes from open to open.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { launchChromium } from "../test/browser/browser-helpers";
import { frameClock, installProbe, timedFilterChange } from "./filter-change-probe";
import { renderedAt, visibleNotebookFrame } from "./notebook-frame";
import { percentile } from "./percentile";
import { traceEvents, type TraceEvent } from "./trace-event";
import { serveDistApart } from "./workbench";
import { isRecord } from "../src/base/guards";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    at: { type: "string", default: "1150" },
    opens: { type: "string", default: "10" },
    county: { type: "string", default: "17" },
    out: { type: "string", default: "/tmp/trace-during" },
    verbose: { type: "boolean", default: false },
  },
});
const [name = "04-reconciliation", dist = "dist"] = positionals;
const ats = (values.at ?? "1150").split(",").map(Number);

/** Kinds of main-thread work by the trace's slice names (self time: a slice less its named children). */
const KINDS: Record<string, string> = {
  FunctionCall: "script", EvaluateScript: "script", TimerFire: "script", FireAnimationFrame: "script", EventDispatch: "script", RunMicrotasks: "script", "v8.run": "script", "v8.callFunction": "script",
  "v8.compile": "compile", "v8.compileModule": "compile", V8Compile: "compile",
  UpdateLayoutTree: "style", RecalculateStyles: "style", ParseAuthorStyleSheet: "style", Layout: "layout", UpdateLayerTree: "layer", PrePaint: "paint", Paint: "paint", Layerize: "paint", CompositeLayers: "paint", Commit: "paint",
  ParseHTML: "parse", MajorGC: "gc", MinorGC: "gc", "V8.GC_SCAVENGER": "gc", "BlinkGC.AtomicPhase": "gc", "V8.GCFinalizeMC": "gc", "V8.GCIncrementalMarking": "gc",
};

/** The `args.data` of an event, when it has one. */
function dataOf(e: TraceEvent): Record<string, unknown> | undefined {
  const args: unknown = Reflect.get(e, "args");
  return isRecord(args) && isRecord(args["data"]) ? args["data"] : undefined;
}

/** What one open saw of its change. */
interface Seen {
  at: number;
  viewportPainted: number;
  valuesSettled: number;
  inputDelay: number;
  longestTask: number;
  /** Top-level tasks of the frame's thread from the input to the paint. */
  tasks: number;
  /** Their thread CPU, ms (load inflates wall time far more than this). */
  cpu: number;
  /** ms by kind of work in that window. */
  kinds: Map<string, number>;
  /** The frame thread's longest top-level task from the input until every value was current, in thread CPU (ms): what load inflates least. */
  longestCpu: number;
  /** The thread CPU of every top-level task from the input until every value was current (ms). */
  settleCpu: number;
  /** ms inside background steps (tv-* measures) in that window, by measure. */
  steps: Map<string, number>;
  lines: string[];
}

/** Reads the window [input, input + painted] of the frame's renderer from a trace. */
function readTrace(events: TraceEvent[], painted: number, settledMs: number): Omit<Seen, "at" | "viewportPainted" | "valuesSettled" | "inputDelay" | "longestTask"> {
  // The input: the filter bar's `input` event, dispatched in the notebook frame's renderer.
  const input = events.find((e) => e.name === "EventDispatch" && dataOf(e)?.["type"] === "input");
  if (!input) return { tasks: 0, cpu: 0, kinds: new Map(), steps: new Map(), longestCpu: 0, settleCpu: 0, lines: ["no input event in the trace"] };
  const pid = input.pid;
  const tid = input.tid;
  const from = input.ts;
  const to = from + painted * 1000;
  const settledAt = from + settledMs * 1000;
  const all = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.ts + (e.dur ?? 0) >= from && e.ts <= settledAt);
  const slices = all.filter((e) => e.ts <= to).sort((x, y) => x.ts - y.ts || (y.dur ?? 0) - (x.dur ?? 0));
  const kinds = new Map<string, number>();
  const stack: TraceEvent[] = [];
  const top: TraceEvent[] = [];
  let end = 0;
  for (const e of slices) {
    while (stack.length > 0 && (stack.at(-1)?.ts ?? 0) + (stack.at(-1)?.dur ?? 0) <= e.ts) stack.pop();
    const kind = KINDS[e.name];
    if (kind) {
      const parent = stack.findLast((s) => KINDS[s.name] !== undefined);
      const d = Math.min(e.ts + (e.dur ?? 0), to) - Math.max(e.ts, from);
      if (parent) kinds.set(KINDS[parent.name] ?? "", (kinds.get(KINDS[parent.name] ?? "") ?? 0) - d);
      kinds.set(kind, (kinds.get(kind) ?? 0) + d);
    }
    stack.push(e);
    if ((e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && e.ts >= end) {
      top.push(e);
      end = e.ts + (e.dur ?? 0);
    }
  }
  // Background steps (and any other `tv-*` measure) of the frame's process in the window.
  const steps = new Map<string, number>();
  const begins = events.filter((e) => e.pid === pid && e.ph === "b" && e.name.startsWith("tv-"));
  // A measure is a pair of async events, begin and end, with one id (`id` or `id2`, by Chromium's version).
  const idOf = (e: TraceEvent): string => JSON.stringify([Reflect.get(e, "id"), Reflect.get(e, "id2")]);
  for (const b of begins) {
    const ending = events.find((e) => e.pid === pid && e.ph === "e" && e.name === b.name && idOf(e) === idOf(b));
    const bEnd = ending?.ts ?? b.ts;
    const d = Math.min(bEnd, to) - Math.max(b.ts, from);
    if (d > 0) steps.set(b.name, (steps.get(b.name) ?? 0) + d);
  }
  // Every top-level task from the input until every value was current: the longest in CPU, and the sum.
  let topEnd = 0;
  const settling = all.filter((e) => {
    if ((e.name !== "RunTask" && e.name !== "ThreadControllerImpl::RunTask") || e.ts < topEnd || e.ts < from - 50_000) return false;
    topEnd = e.ts + (e.dur ?? 0);
    return true;
  }).map((e) => (e.tdur ?? 0) / 1000);
  const longestCpu = Math.max(0, ...settling);
  const settleCpu = settling.reduce((sum, c) => sum + c, 0);
  // The long tasks (> LONG_MS) from the input until every value was current, past the paint too.
  let lastEnd = 0;
  const long = all.filter((e) => {
    if ((e.name !== "RunTask" && e.name !== "ThreadControllerImpl::RunTask") || e.ts < lastEnd) return false;
    lastEnd = e.ts + (e.dur ?? 0);
    return (e.dur ?? 0) > LONG_MS * 1000 && e.ts > to;
  });
  const lines = [...top, ...long].map((t) => {
    const inner = all
      .filter((x) => x !== t && x.ts >= t.ts && x.ts < t.ts + (t.dur ?? 0) && (x.dur ?? 0) > 1000 && x.name !== "ThreadControllerImpl::RunTask" && x.name !== "RunTask")
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 8)
      .map((x) => {
        const d = dataOf(x);
        const what = d ? (d["functionName"] ?? d["type"] ?? "") : "";
        return `${x.name}${what ? `(${String(what)})` : ""} ${((x.dur ?? 0) / 1000).toFixed(1)}`;
      });
    const ran = begins.filter((b) => b.ts >= t.ts && b.ts < t.ts + (t.dur ?? 0)).map((b) => b.name);
    return `  +${((t.ts - from) / 1000).toFixed(1)} ms: wall ${((t.dur ?? 0) / 1000).toFixed(1)}, cpu ${((t.tdur ?? 0) / 1000).toFixed(1)}${ran.length > 0 ? `, steps ${ran.length}× ${[...new Set(ran)].join(",")}` : ""}  [${inner.join(" | ")}]`;
  });
  // The other threads of every process in the same window: what the frame's thread shared the CPU with.
  const procs = new Map(events.filter((e) => e.ph === "M" && e.name === "process_name").map((e) => [e.pid, e.args?.name ?? ""]));
  const threads = new Map(events.filter((e) => e.ph === "M" && e.name === "thread_name").map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? ""]));
  const cpu = new Map<string, number>();
  const tops = new Map<string, number>();
  for (const e of events.filter((x) => x.ph === "X" && x.ts + (x.dur ?? 0) >= from && x.ts <= to).sort((x, y) => x.ts - y.ts)) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ts < (tops.get(key) ?? 0)) continue;
    tops.set(key, e.ts + (e.dur ?? 0));
    const share = (e.dur ?? 0) > 0 ? (Math.min(e.ts + (e.dur ?? 0), to) - Math.max(e.ts, from)) / (e.dur ?? 1) : 0;
    const label = `${procs.get(e.pid) ?? e.pid}${e.pid === pid ? "*" : ""}/${threads.get(key) ?? e.tid}`;
    cpu.set(label, (cpu.get(label) ?? 0) + share * (e.tdur ?? e.dur ?? 0));
  }
  lines.push(`  CPU by thread in the window: ${[...cpu].filter(([, v]) => v >= 500).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(" · ")}`);
  // The frame's tasks in the 150 ms before the input: what it waited behind.
  let beforeEnd = 0;
  for (const e of events.filter((x) => x.pid === pid && x.tid === tid && x.ph === "X" && (x.name === "RunTask" || x.name === "ThreadControllerImpl::RunTask") && x.ts >= from - 150_000 && x.ts < from).sort((x, y) => x.ts - y.ts)) {
    if (e.ts < beforeEnd) continue;
    beforeEnd = e.ts + (e.dur ?? 0);
    if ((e.tdur ?? 0) < 1000) continue;
    const inner = events.filter((x) => x.pid === pid && x.tid === tid && x.ph === "X" && x !== e && x.ts >= e.ts && x.ts < beforeEnd && (x.dur ?? 0) > 500 && x.name !== "RunTask" && x.name !== "ThreadControllerImpl::RunTask").sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 5).map((x) => {
      const d = dataOf(x);
      const what = d ? (d["functionName"] ?? d["type"] ?? "") : "";
      return `${x.name}${what ? `(${String(what)})` : ""} ${((x.dur ?? 0) / 1000).toFixed(1)}`;
    });
    const ran = begins.filter((b) => b.ts >= e.ts && b.ts < beforeEnd).map((b) => b.name);
    lines.push(`  before ${((from - e.ts) / 1000).toFixed(1)} ms: wall ${((e.dur ?? 0) / 1000).toFixed(1)}, cpu ${((e.tdur ?? 0) / 1000).toFixed(1)}${ran.length > 0 ? `, steps ${ran.length}× ${[...new Set(ran)].join(",")}` : ""}  [${inner.join(" | ")}]`);
  }
  return { tasks: top.length, cpu: top.reduce((sum, t) => sum + (t.tdur ?? 0), 0) / 1000, longestCpu, settleCpu, kinds: new Map([...kinds].map(([k, v]) => [k, v / 1000])), steps: new Map([...steps].map(([k, v]) => [k, v / 1000])), lines };
}

/** Tasks past the paint listed when longer than this (ms). */
const LONG_MS = 30;

const f0 = (x: number): string => x.toFixed(0);
const dist5 = (xs: number[]): string => (xs.length === 0 ? "–" : `p50 ${f0(percentile(xs, 50))}, p90 ${f0(percentile(xs, 90))}, max ${f0(Math.max(...xs))} (${xs.map(f0).join(" ")})`);

const server = await serveDistApart(dist);
const browser = await launchChromium();
const seen: Seen[] = [];
try {
  for (let i = 0; i < Number(values.opens); i++) {
    const at = ats[i % ats.length] ?? 1150;
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}#/nb/${name}`);
      const frame = await visibleNotebookFrame(page, undefined);
      const clock = await frameClock(frame);
      await browser.startTracing(page, { categories: ["toplevel", "devtools.timeline", "v8.execute", "v8", "blink.user_timing", "disabled-by-default-devtools.timeline"] });
      const settled = await renderedAt(frame);
      await installProbe(frame);
      const wait = settled + at - Date.now();
      if (wait > 0) await page.waitForTimeout(wait);
      const afterMs = Date.now() - settled;
      const { change, inputDelay } = await timedFilterChange(frame, Number(values.county), clock);
      const json = (await browser.stopTracing()).toString("utf8");
      if (values.verbose) writeFileSync(`${values.out}-${i}.json`, json);
      const read = readTrace(traceEvents(json), change.viewportPainted, change.valuesSettled);
      seen.push({ at: afterMs, viewportPainted: change.viewportPainted, valuesSettled: change.valuesSettled, inputDelay, longestTask: change.longestTask, ...read });
      console.log(`open ${i}: change at ${f0(afterMs)} ms after settling: viewport ${f0(change.viewportPainted)} ms, values ${f0(change.valuesSettled)} ms, waited ${f0(inputDelay)} ms, longest task ${f0(change.longestTask)} ms; ${read.tasks} tasks to the paint, ${read.cpu.toFixed(1)} ms CPU; ${[...read.kinds].filter(([, v]) => v >= 0.5).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(" · ")}; steps ${[...read.steps].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ") || "none"}`);
      for (const line of read.lines) console.log(line);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\n${name}, change during work ahead (${seen.length} opens, at ${ats.join("/")} ms after settling; traced):`);
console.log(`  viewport painted: ${dist5(seen.map((s) => s.viewportPainted))}`);
console.log(`  frame's main-thread CPU to the paint: ${dist5(seen.map((s) => s.cpu))}`);
console.log(`  values settled:   ${dist5(seen.map((s) => s.valuesSettled))}`);
console.log(`  waited to start:  ${dist5(seen.map((s) => s.inputDelay))}`);
console.log(`  longest task:     ${dist5(seen.map((s) => s.longestTask))}`);
console.log(`  longest task's CPU, input to values settled: ${dist5(seen.map((s) => s.longestCpu))}`);
console.log(`  CPU of the tasks, input to values settled:   ${dist5(seen.map((s) => s.settleCpu))}`);
for (const kind of ["script", "style", "layout", "paint", "gc", "compile"]) console.log(`  ${kind.padEnd(8)} to the paint: ${dist5(seen.map((s) => s.kinds.get(kind) ?? 0))}`);
const measures = [...new Set(seen.flatMap((s) => [...s.steps.keys()]))];
for (const m of measures) console.log(`  ${m} to the paint: ${dist5(seen.map((s) => s.steps.get(m) ?? 0))}`);

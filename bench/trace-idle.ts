/**
 * A reader sitting still after a notebook settled, under a Chromium trace (issue 12: the work that
 * runs while a reader pauses must never make a click wait). Opens `name`, waits until it is idle,
 * optionally chooses a county first (`--county 11`: the report snapshot's copy of the changed
 * outputs), then traces `seconds` of nothing and lists every main-thread task of a renderer over
 * `over` ms, wall and thread CPU, with the JavaScript functions that took its time (from the trace's
 * CPU profile; build with `--minify false` to read the names).
 * `npx tsx bench/trace-idle.ts 01-overview [dist] [--seconds 6] [--over 8] [--county 11] [--out /tmp/trace-idle.json]`.
 * Not a benchmark: which work runs in a task and how long a task is are what to read.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { launchChromium, notebookFrame } from "../test/browser/browser-helpers";
import { serveDistApart } from "./workbench";
import { traceEvents, type TraceEvent } from "./trace-event";
import { isRecord } from "../src/base/guards";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: "string" }, cpu: { type: "boolean", default: false }, verbose: { type: "boolean", default: false }, noprofile: { type: "boolean", default: false }, seconds: { type: "string", default: "6" }, over: { type: "string", default: "8" }, county: { type: "string" }, out: { type: "string", default: "/tmp/trace-idle.json" } },
});
const [name = "01-overview", dist = "dist"] = positionals;
const seconds = Number(values.seconds);
const over = Number(values.over) * 1000;

/** A sample of the trace's CPU profile: when, which thread, and the stack's frames (leaf first). */
interface Sample { pid: number; ts: number; stack: string[] }

/** The CPU profile samples in a trace's `Profile`/`ProfileChunk` events. */
function profileSamples(raw: unknown[]): Sample[] {
  const starts = new Map<string, { pid: number; ts: number }>();
  const nodes = new Map<string, Map<number, { name: string; parent: number | undefined }>>();
  const samples: Sample[] = [];
  const clock = new Map<string, number>();
  for (const e of raw) {
    if (!isRecord(e) || (e["name"] !== "Profile" && e["name"] !== "ProfileChunk")) continue;
    const key = `${String(e["pid"])}:${String(e["id"])}`;
    const data = isRecord(e["args"]) && isRecord(e["args"]["data"]) ? e["args"]["data"] : undefined;
    if (!data) continue;
    if (e["name"] === "Profile") {
      starts.set(key, { pid: Number(e["pid"]), ts: Number(data["startTime"]) });
      clock.set(key, Number(data["startTime"]));
      continue;
    }
    const profile = isRecord(data["cpuProfile"]) ? data["cpuProfile"] : {};
    const table = nodes.get(key) ?? new Map();
    nodes.set(key, table);
    for (const n of Array.isArray(profile["nodes"]) ? profile["nodes"] : []) {
      if (!isRecord(n) || !isRecord(n["callFrame"])) continue;
      const f = n["callFrame"];
      const url = String(f["url"] ?? "").split("/").pop() ?? "";
      table.set(Number(n["id"]), { name: `${String(f["functionName"]) || "(anon)"}${url ? ` ${url}:${Number(f["lineNumber"]) + 1}` : ""}`, parent: n["parent"] === undefined ? undefined : Number(n["parent"]) });
    }
    const ids = Array.isArray(profile["samples"]) ? profile["samples"] : [];
    const deltas = Array.isArray(data["timeDeltas"]) ? data["timeDeltas"] : [];
    const start = starts.get(key);
    if (!start) continue;
    let t = clock.get(key) ?? start.ts;
    for (let i = 0; i < ids.length; i++) {
      t += Number(deltas[i] ?? 0);
      const stack: string[] = [];
      for (let id: number | undefined = Number(ids[i]); id !== undefined; id = table.get(id)?.parent) {
        const node = table.get(id);
        if (!node) break;
        stack.push(node.name);
      }
      samples.push({ pid: start.pid, ts: t, stack });
    }
    clock.set(key, t);
  }
  return samples;
}

/** Who runs a task, from the app's functions on its samples' stacks (first rule that matches wins). */
const WHO: [string, RegExp][] = [
  ["report snapshot", /ReportSnapshots|sectionOf|styleText|sendReport|takeNow/],
  ["county evidence ahead (open notebook)", /classifyAhead|countyWarmSteps|countyEvidenceAhead/],
  ["spare: crosswalk ahead", /warm-crosswalk|crosswalkWarmSteps/],
  ["spare: 04's recounts ahead", /recountDraw/],
  ["spare: 03's kernels ahead", /withEvidence|kernelWarmSteps/],
  ["spare: printed tables ahead", /comparisonWithEvidence/],
  ["spare: masks ahead", /drawnMask/],
  ["spare: parsing the survey", /loadSurvey|loadReportFacts|primeBundledSurvey|decodeEnsemble|parseCodebook|parseRespondents/],
  ["Plot's chunk", /plot-|loadPlotAhead/],
];

/** The name in WHO of the work on the most samples in [from, to) on `pid`; "GC" or "other" else. */
function who(samples: Sample[], pid: number, from: number, to: number): string {
  const count = new Map<string, number>();
  let gc = 0;
  let n = 0;
  for (const s of samples) {
    if (s.pid !== pid || s.ts < from || s.ts >= to) continue;
    n++;
    if (s.stack[0] === "(garbage collector)") gc++;
    const joined = s.stack.join(" ");
    const rule = WHO.find(([, re]) => re.test(joined));
    if (rule) count.set(rule[0], (count.get(rule[0]) ?? 0) + 1);
  }
  const best = [...count].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : n > 0 && gc * 2 >= n ? "GC" : "other";
}

/** The functions with the most samples in [from, to) on `pid`: self time, and the app's frames on the stack (inclusive). */
function attribute(samples: Sample[], pid: number, from: number, to: number): string {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let n = 0;
  for (const s of samples) {
    if (s.pid !== pid || s.ts < from || s.ts >= to) continue;
    n++;
    const leaf = s.stack[0] ?? "?";
    self.set(leaf, (self.get(leaf) ?? 0) + 1);
    for (const f of new Set(s.stack)) if (/\.js:/.test(f) && !/^\(anon\)/.test(f)) inclusive.set(f, (inclusive.get(f) ?? 0) + 1);
  }
  if (n === 0) return "   (no samples)";
  const top = (m: Map<string, number>, k: number): string => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, c]) => `${f} ${Math.round((100 * c) / n)}%`).join(" · ");
  return `   self: ${top(self, 5)}\n   incl: ${top(inclusive, 10)}`;
}

/** Print the tasks over `over` ms after the `tv-settled` mark in a trace's text. */
function report(json: string, label: string): void {
  const parsed: unknown = JSON.parse(json);
  const raw: unknown[] = Array.isArray(parsed) ? parsed : isRecord(parsed) && Array.isArray(parsed["traceEvents"]) ? parsed["traceEvents"] : [];
  const events = traceEvents(json);
  const samples = profileSamples(raw);
  const names = new Map(events.filter((e) => e.ph === "M" && e.name === "process_name").map((e) => [e.pid, e.args?.name ?? ""]));
  const settled = events.find((e) => e.name === "tv-settled")?.ts ?? 0;
  // Top-level tasks only: the first of two nested task slices that start after the mark.
  const all = events.filter((e: TraceEvent) => e.ph === "X" && (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && e.tid === e.pid && e.ts >= settled && (names.get(e.pid) ?? "").includes("Renderer")).sort((a, b) => a.ts - b.ts);
  const ends = new Map<number, number>();
  const tasks = all.filter((e) => {
    if (e.ts < (ends.get(e.pid) ?? 0)) return false;
    ends.set(e.pid, e.ts + (e.dur ?? 0));
    return (values.cpu ? (e.tdur ?? 0) : (e.dur ?? 0)) > over;
  });
  console.log(`${label}: ${tasks.length} renderer main-thread tasks over ${over / 1000} ms ${values.cpu ? "CPU" : "wall"} after settling`);
  const byWho = new Map<string, { n: number; wall: number; cpu: number }>();
  for (const e of tasks) {
    const inner = events
      .filter((x) => x.pid === e.pid && x.tid === e.tid && x.ts >= e.ts && x.ts < e.ts + (e.dur ?? 0) && x.ph === "X" && x !== e && (x.dur ?? 0) > 1000 && x.name !== "ThreadControllerImpl::RunTask")
      .slice(0, 5)
      .map((x) => `${x.name} ${((x.dur ?? 0) / 1000).toFixed(1)}`);
    const by = who(samples, e.pid, e.ts, e.ts + (e.dur ?? 0));
    const worst = byWho.get(by) ?? { n: 0, wall: 0, cpu: 0 };
    byWho.set(by, { n: worst.n + 1, wall: Math.max(worst.wall, e.dur ?? 0), cpu: Math.max(worst.cpu, e.tdur ?? 0) });
    if (!values.verbose) continue;
    console.log(`pid ${e.pid} +${((e.ts - settled) / 1000).toFixed(0)} ms: wall ${((e.dur ?? 0) / 1000).toFixed(1)} ms, cpu ${((e.tdur ?? 0) / 1000).toFixed(1)} ms, ${by}  [${inner.join(" | ")}]`);
    console.log(attribute(samples, e.pid, e.ts, e.ts + (e.dur ?? 0)));
  }
  for (const [by, w] of [...byWho].sort((a, b) => b[1].cpu - a[1].cpu)) console.log(`  ${by}: ${w.n} tasks, longest ${(w.cpu / 1000).toFixed(1)} ms CPU, ${(w.wall / 1000).toFixed(1)} ms wall`);
}

if (values.from) report(readFileSync(values.from, "utf8"), values.from);
else {
  const server = await serveDistApart(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}#/nb/${name}`);
    const frame = await notebookFrame(page, 30_000);
    await frame.evaluate(async () => {
      const h = window.tverrsnitt;
      if (h) {
        await h.ready;
        await h.idle();
      }
    });
    if (values.county) {
      await page.waitForTimeout(6000); // past the spare's work ahead
    }
    await browser.startTracing(page, { categories: ["toplevel", "devtools.timeline", "v8.execute", "blink.user_timing", ...(values.noprofile ? [] : ["disabled-by-default-v8.cpu_profiler"])] });
    if (values.county) {
      await frame.evaluate((county) => {
        const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
        for (const box of boxes) box.checked = box.value === county;
        boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
      }, values.county);
      await frame.evaluate(async () => window.tverrsnitt?.idle());
      await frame.evaluate(() => performance.mark("tv-settled"));
    } else {
      await frame.evaluate(() => performance.mark("tv-settled"));
    }
    await page.waitForTimeout(seconds * 1000);
    const json = (await browser.stopTracing()).toString("utf8");
    writeFileSync(values.out, json);
    report(json, `${name}${values.county ? ` county ${values.county}` : ""}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

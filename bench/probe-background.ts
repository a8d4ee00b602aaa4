/**
 * The work ahead of the reader after a notebook settled, and what a click meets meanwhile (issue 12:
 * "the page answers input within a frame the whole time"). Opens each notebook `opens` times; from
 * 50 ms after it settled until `seconds` after, clicks a spot of the notebook's frame that does
 * nothing (the filter bar's own background) every ~100 ms with a real mouse (Playwright's input, as
 * a reader's: the event waits behind the task under way), and notes each click's input delay — the
 * handler's start less the event's time stamp — and how many background steps began while it
 * waited (a count, which load moves less than the delay: input-pending.ts ends a turn after the
 * step under way when a click waits). Then reads every background step each frame measured
 * (User Timing: the open notebook's `tv-evidence-ahead`, app/sandbox/county-evidence-ahead.ts; a
 * spare frame's `tv-spare-ahead`, app/sandbox/idle-steps.ts): how many, their total (the CPU the
 * work ahead cost the open, as wall time inside steps), p95 and longest. Under a Chromium trace of
 * the same seconds, the tasks that ran those steps (background turns: a turn runs steps for up to
 * 8 ms, idle-steps.ts) with their thread CPU, which machine load inflates less than wall time.
 *
 *   npx tsx bench/probe-background.ts [dist] [--only 01,04] [--opens 3] [--seconds 8]
 *
 * Not a benchmark: the figures are per open, under whatever load the machine has (print `uptime`).
 * The click delays are split by when they came: before the spare was made (the open notebook's own
 * work ahead: < 1.5 s after settling, spare-timing.ts) and after.
 */
import { parseArgs } from "node:util";
import type { Browser, Frame, Page } from "playwright-core";
import { launchChromium } from "../test/browser/browser-helpers";
import { renderedAt, visibleNotebookFrame } from "./notebook-frame";
import { SHIPPED } from "./notebooks";
import { percentile } from "./percentile";
import { serveDistApart } from "./workbench";
import { traceEvents } from "./trace-event";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { only: { type: "string" }, opens: { type: "string", default: "3" }, seconds: { type: "string", default: "8" } },
});
const [dist = "dist"] = positionals;
const only = values.only?.split(",") ?? ["01", "03", "04", "06"];
const notebooks = SHIPPED.filter((n) => only.some((start) => n.startsWith(start)));
const seconds = Number(values.seconds);

/** The measures of background steps, by name. */
const MEASURES = ["tv-evidence-ahead", "tv-spare-ahead"] as const;

/** One click: when (ms after settling) and its input delay (ms). */
interface Click {
  at: number;
  delay: number;
  /** Background steps of the notebook's frame begun after the click came in and before its handler ran (the turn under way going on). */
  stepsWhileWaiting: number;
}

/** What one open saw. */
interface OpenSeen {
  clicks: Click[];
  /** Step durations (ms) per measure, over every frame of the page. */
  steps: Map<string, number[]>;
  /** The tasks (turns) that ran a step of each measure: wall and thread CPU, ms. */
  turns: Map<string, { wall: number; cpu: number }[]>;
}

/** The top-level renderer main-thread tasks in `json` that ran a step of each of MEASURES, with wall and CPU. */
function turnsOf(json: string): Map<string, { wall: number; cpu: number }[]> {
  const events = traceEvents(json);
  const tasks = events.filter((e) => e.ph === "X" && (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && e.tid === e.pid).sort((a, b) => a.ts - b.ts);
  // Top-level only: a task nested in one already kept is part of it.
  const ends = new Map<number, number>();
  const top = tasks.filter((e) => {
    if (e.ts < (ends.get(e.pid) ?? 0)) return false;
    ends.set(e.pid, e.ts + (e.dur ?? 0));
    return true;
  });
  const out = new Map<string, { wall: number; cpu: number }[]>(MEASURES.map((m) => [m, []]));
  const starts = events.filter((e) => e.ph === "b" && MEASURES.some((m) => m === e.name));
  for (const task of top) {
    const end = task.ts + (task.dur ?? 0);
    const ran = starts.find((s) => s.pid === task.pid && s.ts >= task.ts && s.ts < end);
    if (ran) out.get(ran.name)?.push({ wall: (task.dur ?? 0) / 1000, cpu: (task.tdur ?? 0) / 1000 });
  }
  return out;
}

/** A point of the frame's filter bar (page coordinates) whose element is no control: a click there does nothing. */
async function neutralPoint(page: Page, frame: Frame): Promise<{ x: number; y: number }> {
  const inFrame = await frame.evaluate(() => {
    const bar = document.querySelector("nb-filter-bar");
    if (!bar) throw new Error("no filter bar");
    const r = bar.getBoundingClientRect();
    for (let x = r.right - 4; x > r.left; x -= 8) {
      for (let y = r.top + 2; y < r.bottom; y += 4) {
        const el = document.elementFromPoint(x, y);
        if (el && bar.contains(el) && !el.closest("input, label, button, a, select, summary, details, [tabindex]")) return { x, y };
      }
    }
    throw new Error("no spot of the filter bar is free of controls");
  });
  const box = await (await frame.frameElement()).boundingBox();
  if (!box) throw new Error("the notebook frame has no box");
  return { x: box.x + inFrame.x, y: box.y + inFrame.y };
}

/** One open of `name`: the clicks from 50 ms after settling to `seconds`, then the steps measured. */
async function oneOpen(browser: Browser, page: Page, url: string, name: string): Promise<OpenSeen> {
  await page.goto(`${url}#/nb/${name}`);
  const frame = await visibleNotebookFrame(page, undefined);
  const settled = await renderedAt(frame);
  const point = await neutralPoint(page, frame);
  await frame.evaluate((settledAt) => {
    const delays: number[][] = [];
    Reflect.set(window, "__nbDelays", delays);
    addEventListener("pointerdown", (e) => delays.push([performance.timeOrigin + e.timeStamp - settledAt, performance.now() - e.timeStamp, e.timeStamp, performance.now()]), { capture: true });
  }, settled);
  await browser.startTracing(page, { categories: ["toplevel", "blink.user_timing"] });
  const until = settled + seconds * 1000;
  let next = settled + 50;
  while (next < until) {
    const wait = next - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    await page.mouse.click(point.x, point.y);
    next += 80 + Math.random() * 40;
  }
  const turns = turnsOf((await browser.stopTracing()).toString("utf8"));
  // Per click, the frame's background steps begun between its coming in and its handler: a turn
  // that ends when input waits begins none (only the step under way runs on), one that does not
  // goes on to its budget. A count, so machine load moves it less than the delay.
  const clicks: unknown = await frame.evaluate((names): unknown => {
    const raw: unknown = Reflect.get(window, "__nbDelays");
    const begun = names.flatMap((n) => performance.getEntriesByName(n).map((e) => e.startTime));
    return Array.isArray(raw) ? raw.map((c: unknown) => (Array.isArray(c) ? [c[0], c[1], begun.filter((t) => t > Number(c[2]) && t < Number(c[3])).length] : c)) : raw;
  }, [...MEASURES]);
  const steps = new Map<string, number[]>(MEASURES.map((m) => [m, []]));
  for (const f of page.frames()) {
    const got = await f.evaluate((names) => names.map((n) => performance.getEntriesByName(n).map((e) => e.duration)), [...MEASURES]).catch(() => []);
    got.forEach((durations, i) => steps.get(MEASURES[i] ?? "")?.push(...durations));
  }
  return { clicks: Array.isArray(clicks) ? clicks.map((c: unknown) => (Array.isArray(c) ? { at: Number(c[0]), delay: Number(c[1]), stepsWhileWaiting: Number(c[2]) } : { at: 0, delay: 0, stepsWhileWaiting: 0 })) : [], steps, turns };
}

const f1 = (x: number): string => x.toFixed(1);

/** "n, total, p95, max" of durations. */
function summary(durations: readonly number[]): string {
  if (durations.length === 0) return "none";
  const total = durations.reduce((s, d) => s + d, 0);
  return `${durations.length} steps, total ${total.toFixed(0)} ms, p95 ${f1(percentile(durations, 95))} ms, max ${f1(Math.max(...durations))} ms, over 8 ms: ${durations.filter((d) => d > 8).length}`;
}

/** "n, p50, p95, max, over 16 ms" of click delays. */
function delays(clicks: readonly Click[]): string {
  const d = clicks.map((c) => c.delay);
  if (d.length === 0) return "no clicks";
  const w = clicks.map((c) => c.stepsWhileWaiting);
  return `${d.length} clicks, p50 ${f1(percentile(d, 50))} ms, p95 ${f1(percentile(d, 95))} ms, max ${f1(Math.max(...d))} ms, over 16 ms: ${d.filter((x) => x > 16).length}; steps begun while a click waited: ${w.reduce((s, x) => s + x, 0)} (max ${Math.max(...w)} for one, clicks that met any: ${w.filter((x) => x > 0).length})`;
}

const server = await serveDistApart(dist);
const browser = await launchChromium();
try {
  for (const name of notebooks) {
    const opens: OpenSeen[] = [];
    for (let i = 0; i < Number(values.opens); i++) {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
      try {
        opens.push(await oneOpen(browser, await context.newPage(), server.url, name));
      } finally {
        await context.close();
      }
    }
    console.log(`${name} (${opens.length} opens, ${seconds} s after settling each):`);
    for (const m of MEASURES) {
      const per = opens.map((o) => o.steps.get(m) ?? []);
      console.log(`  ${m}: ${summary(per.flat())}; per open: ${per.map((p) => `${p.length} steps ${p.reduce((s, d) => s + d, 0).toFixed(0)} ms`).join(", ")}`);
      const turns = opens.flatMap((o) => o.turns.get(m) ?? []);
      if (turns.length > 0) console.log(`    its turns (tasks): ${turns.length}, CPU total ${turns.reduce((s, t) => s + t.cpu, 0).toFixed(0)} ms, p95 ${f1(percentile(turns.map((t) => t.cpu), 95))} ms, max ${f1(Math.max(...turns.map((t) => t.cpu)))} ms; wall p95 ${f1(percentile(turns.map((t) => t.wall), 95))} ms, max ${f1(Math.max(...turns.map((t) => t.wall)))} ms`);
    }
    const clicks = opens.flatMap((o) => o.clicks);
    console.log(`  clicks 50–1500 ms after settling: ${delays(clicks.filter((c) => c.at < 1500))}`);
    console.log(`  clicks 1.5–${seconds} s after settling: ${delays(clicks.filter((c) => c.at >= 1500))}`);
  }
} finally {
  await browser.close();
  await server.close();
}

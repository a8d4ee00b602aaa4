/**
 * Crosswalk benchmark (issue 10, item 5): the thesis crosswalk is evaluated on every reconstruction
 * of the ensemble, so a filter change on notebook 06 evaluates 23 comparisons × 50 draws, twice more
 * for the small/large what-if. Medians of:
 *
 * 1. Node, CPU time: `evaluateCrosswalk` on one selection over its 50 draws, against the canonical
 *    draw alone (the ratio is the ensemble's cost), and the what-if `diffCrosswalk` (both sides, 50
 *    draws each, nothing kept), unfiltered and under size classes 4–6;
 * 2. Chromium, built app: one filter change on notebook 06 until the page is quiet — a new county
 *    (the current selection and both what-if sides measured on their 50 reconstructions), and a
 *    size class ticked or cleared (the current selection only: the what-if sides replace the size
 *    classes and are kept) — thread time on the renderer's main thread from a Chromium trace
 *    (JavaScript entered from the event loop, style/layout/paint, all tasks; thread time, so other
 *    processes on a shared machine do not count), and the wall time to the last DOM change.
 *
 * Run alone with `npx tsx bench/crosswalk.ts` after `npm run build`; bench/run.ts calls it.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Frame } from "playwright-core";
import { applyFilter } from "../src/analysis/apply-filter";
import { diffCrosswalk, SMALL_VS_LARGE } from "../src/analysis/crosswalk/crosswalk-diff";
import { evaluateCrosswalk } from "../src/analysis/crosswalk/evaluate-crosswalk";
import { loadSurvey } from "../src/analysis/survey-source";
import { parseThesis } from "../src/data/thesis";
import { EMPTY_FILTER, type SurveyFilter } from "../src/data/survey-filter";
import { launchChromium, notebookFrame } from "../test/browser/browser-helpers";
import { serveDist } from "../test/browser/static-server";
import { median } from "./median";
import { traceEvents, type TraceEvent } from "./trace-event";

const RUNS = 15;
const WARMUP = 3;
const root = fileURLToPath(new URL("..", import.meta.url));


/** CPU milliseconds of `f` (user + system, this process): on a shared machine, wall time measures the neighbours. */
function timed(f: () => void): number {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

async function nodeBench(): Promise<void> {
  const host = { readText: (p: string) => readFile(join(root, p), "utf8"), readBytes: async (p: string) => new Uint8Array(await readFile(join(root, p))) };
  const survey = await loadSurvey(host);
  const thesis = parseThesis(JSON.parse(await readFile(join(root, "data/thesis-2016/thesis.json"), "utf8")));
  const options = { codebook: survey.codebook, thesis };
  const states: [string, SurveyFilter][] = [["unfiltered", EMPTY_FILTER], ["size classes 4–6", { ...EMPTY_FILTER, sizeClass: [4, 5, 6] }]];
  console.log(`Crosswalk in Node (CPU time, median of ${RUNS} runs, ${WARMUP} warm-up):`);
  for (const [label, filter] of states) {
    const ensemble: number[] = [];
    const canonical: number[] = [];
    const diff: number[] = [];
    let draws = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      // A new selection each run, as a filter change makes one (the draws' views included).
      const selection = applyFilter(survey, filter);
      const views = selection.draws()?.map((d) => d.view) ?? [];
      draws = views.length;
      const e = timed(() => evaluateCrosswalk(selection.view, { ...options, draws: views }));
      const c = timed(() => evaluateCrosswalk(selection.view, options));
      const d = timed(() => {
        const [a, b] = SMALL_VS_LARGE.map((state) => {
          const side = applyFilter(survey, { ...filter, sizeClass: state.filter.sizeClass });
          return { label: state.label ?? "", data: side.view, draws: side.draws()?.map((x) => x.view) ?? [] };
        });
        if (a && b) diffCrosswalk(a, b, options);
      });
      if (i >= WARMUP) {
        ensemble.push(e);
        canonical.push(c);
        diff.push(d);
      }
    }
    const me = median(ensemble);
    const mc = median(canonical);
    console.log(`  ${label.padEnd(18)} evaluate over ${draws} draws ${me.toFixed(1).padStart(6)} ms · canonical draw only ${mc.toFixed(1).padStart(5)} ms (×${(me / mc).toFixed(1)}) · what-if small/large ${median(diff).toFixed(1).padStart(6)} ms`);
  }
}

/** Main-thread thread time (ms) of one traced window: all tasks, JavaScript, and style/layout/paint. */
interface MainThreadTimes {
  tasks: number;
  script: number;
  rendering: number;
}

/** JavaScript entered from the event loop (cells run in microtasks and callbacks), not nested in another. */
const SCRIPT = new Set(["RunMicrotasks", "FunctionCall", "EvaluateScript", "v8.callFunction", "V8.Execute"]);
const RENDERING = new Set(["UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit"]);

/** Thread time per kind on the renderer's main thread (the thread that ran the page's tasks). */
function mainThreadTimes(trace: Buffer): MainThreadTimes {
  const events = traceEvents(trace.toString()).filter((e) => e.ph === "X");
  const busiest = new Map<string, number>();
  for (const e of events) if (e.name === "RunMicrotasks") busiest.set(`${e.pid}:${e.tid}`, (busiest.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = [...busiest].sort((x, y) => y[1] - x[1])[0]?.[0];
  const on = events.filter((e) => `${e.pid}:${e.tid}` === main).sort((x, y) => x.ts - y.ts);
  const time = (e: TraceEvent): number => (e.tdur ?? e.dur ?? 0) / 1000;
  let script = 0;
  let end = -1;
  for (const e of on) {
    if (!SCRIPT.has(e.name) || e.ts < end) continue;
    script += time(e);
    end = e.ts + (e.dur ?? 0);
  }
  const tasks = on.filter((e) => e.name === "RunTask").reduce((sum, e) => sum + time(e), 0);
  const rendering = on.filter((e) => RENDERING.has(e.name)).reduce((sum, e) => sum + time(e), 0);
  return { tasks, script, rendering };
}

/** One filter change in the notebook's frame, then wait until no DOM change for `quiet` ms; wall ms to the last change. */
function changeAndSettle(page: Frame, change: { fylke?: string; size?: string }, quiet: number): Promise<number> {
  return page.evaluate(
    ({ change, quiet }) =>
      new Promise<number>((resolve, reject) => {
        const bar = document.querySelector("nb-filter-bar");
        const counties = [...(bar?.querySelectorAll<HTMLInputElement>('input[name="fylke"]') ?? [])];
        const box = change.size ? bar?.querySelector<HTMLInputElement>(`input[name="size"][value="${change.size}"]`) : null;
        if (counties.length === 0 || (change.size && !box)) return reject(new Error("the filter bar is not on screen"));
        const t0 = performance.now();
        // No named inner functions here: tsx would wrap them in a __name helper the page lacks.
        const state = { last: t0, timer: 0 };
        const observer = new MutationObserver(() => {
          state.last = performance.now();
          clearTimeout(state.timer);
          state.timer = window.setTimeout(() => {
            observer.disconnect();
            resolve(state.last - t0);
          }, quiet);
        });
        state.timer = window.setTimeout(() => {
          observer.disconnect();
          resolve(state.last - t0);
        }, quiet * 4);
        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
        if (box) box.click();
        else {
          // One county at a time, as the old single-choice list did.
          for (const county of counties) county.checked = county.value === change.fylke;
          counties[0]?.dispatchEvent(new Event("input", { bubbles: true }));
        }
      }),
    { change, quiet },
  );
}

interface Scenario {
  label: string;
  changes: { fylke?: string; size?: string }[];
}

async function browserBench(): Promise<void> {
  const server = await serveDist();
  const browser = await launchChromium();
  // Every county once (a new current selection and two new what-if sides each time), and the six
  // size classes ticked then cleared one by one (a new current selection each time, the what-if
  // sides unchanged because they replace the size classes).
  const counties = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "14", "15", "16", "17", "18", "19"];
  const sizes = ["1", "2", "3", "4", "5", "6", "1", "2", "3", "4", "5", "6"];
  const scenarios: Scenario[] = [
    { label: "a new county (3 selections × 50 reconstructions)", changes: counties.map((fylke) => ({ fylke })) },
    { label: "a size class ticked or cleared (1 × 50; what-if kept)", changes: sizes.map((size) => ({ size })) },
  ];
  try {
    console.log(`Notebook 06 in Chromium, one filter change until the page is quiet (renderer main thread, thread time from a trace; median after ${WARMUP} warm-up):`);
    for (const scenario of scenarios) {
      const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
      await page.goto(`${server.url}#/nb/06-thesis-crosswalk`);
      // The notebook runs in its sandboxed frame (a renderer of its own; the trace covers it too).
      const frame = await notebookFrame(page, 60_000);
      await frame.waitForSelector('#cell-table tr[data-id="adaptation"]', { timeout: 60_000 });
      await frame.waitForSelector("#cell-whatif tr[data-id]", { timeout: 60_000 });
      const times: MainThreadTimes[] = [];
      const wall: number[] = [];
      for (const [i, change] of scenario.changes.entries()) {
        await browser.startTracing(page, { categories: ["devtools.timeline", "v8.execute", "disabled-by-default-devtools.timeline"] });
        const w = await changeAndSettle(frame, change, 300);
        const trace = await browser.stopTracing();
        if (i >= WARMUP) {
          times.push(mainThreadTimes(trace));
          wall.push(w);
        }
      }
      const m = (k: keyof MainThreadTimes): number => median(times.map((t) => t[k]));
      console.log(`  ${scenario.label.padEnd(56)} JavaScript ${m("script").toFixed(1).padStart(5)} ms · style/layout/paint ${m("rendering").toFixed(1).padStart(5)} ms · all tasks ${m("tasks").toFixed(1).padStart(5)} ms · wall to last DOM change ${median(wall).toFixed(0).padStart(4)} ms   JavaScript target well under 100 ms ${m("script") < 100 ? "✓" : "✗"} (n = ${times.length})`);
      await page.context().close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Both parts; dist/ must be built for the browser part. */
export async function runCrosswalkBench(): Promise<void> {
  await nodeBench();
  console.log("");
  await browserBench();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runCrosswalkBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

/**
 * The CPU of each step of the work ahead of the reader, in Node, one step after another (issue 12: a
 * click waits behind the step under way, so no step may be long). Thread CPU per step
 * (`process.cpuUsage`), which the machine's load does not inflate as it does the browser's wall
 * times (bench/probe-background.ts measures those, and the clicks):
 *  - a spare frame's work ahead (survey-source.ts, `primeBundledSurvey`: the draws' tables, the
 *    masks, the printed tables and 03's kernels and 04's recounts on every draw, 06's crosswalk), by phase;
 *  - the open notebook's, for 01, 03 and 06 (evidence/warm-counties.ts, `countyWarmSteps`) after
 *    the notebook has run in a live runtime.
 *
 *   npx tsx bench/step-cpu.ts [--only spare,01,03,06]
 *
 * Node's V8 is Chromium's engine; the figures are a guide to which steps are long, not the browser's.
 */
import { parseArgs } from "node:util";
import { countyWarmSteps } from "../src/analysis/evidence/warm-counties";
import { primeBundledSurvey } from "../src/analysis/survey-source";
import type { RunSteps } from "../src/analysis/work-ahead";
import { SURVEY_PATHS, THESIS_PATH } from "../src/data/bundled-survey";
import { liveRuntime, nodeHost } from "../test/unit/notebooks/headless-survey";
import { percentile } from "./percentile";

const { values } = parseArgs({ options: { only: { type: "string", default: "spare,01,03,06" } } });
const only = (values.only ?? "").split(",");

/** Garbage collections seen (start, end; ms on performance.now's clock). */
const collections: [number, number][] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) collections.push([e.startTime, e.startTime + e.duration]);
}).observe({ entryTypes: ["gc"] });
/** Each step timed so far: start and end (performance.now). */
const spans: [number, number][] = [];

/** CPU ms of `step` (user + system of the process: the step's own thread, and GC's helpers). */
function cpuOf(step: () => void): number {
  const before = process.cpuUsage();
  const start = performance.now();
  step();
  spans.push([start, performance.now()]);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** How many of the steps over 8 ms of CPU (by their index among `spans` from `from`) overlapped a garbage collection. */
async function withCollections(ms: readonly number[], from: number): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const long = ms.flatMap((x, i) => (x > 8 ? [spans[from + i]] : []));
  const hit = long.filter((span) => span && collections.some(([a, b]) => a < span[1] && b > span[0])).length;
  return `    (${hit} of the ${long.length} over 8 ms overlapped a garbage collection)`;
}

/** "n steps, total, p95, max, over 8 ms" of CPU ms. */
function line(label: string, ms: readonly number[]): string {
  if (ms.length === 0) return `  ${label}: none`;
  const total = ms.reduce((s, x) => s + x, 0);
  const worst = [...ms.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([i, x]) => `#${i} ${x.toFixed(1)}`);
  return `  ${label}: ${ms.length} steps, CPU total ${total.toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms, over 8 ms: ${ms.filter((x) => x > 8).length} (longest: ${worst.join(", ")})`;
}

/** A spare frame's work ahead, every step timed, by the phase (each call of `run` is one). */
async function spare(): Promise<void> {
  const host = nodeHost();
  const paths = [...Object.values(SURVEY_PATHS), THESIS_PATH];
  const files = new Map(await Promise.all(paths.map(async (p): Promise<[string, Uint8Array]> => [p, await host.readBytes(p)])));
  const phases: number[][] = [];
  const run: RunSteps = async (steps, wanted) => {
    const ms: number[] = [];
    phases.push(ms);
    for (const step of steps) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (!wanted()) return;
      ms.push(cpuOf(step));
    }
  };
  const from = spans.length;
  const primed = primeBundledSurvey(files, run);
  await primed.warmed;
  console.log("spare frame's work ahead (primeBundledSurvey), per phase:");
  // The turns of parsing (nextTurn: one empty step each) are left out.
  const names = ["draws' tables", "masks", "printed tables, 03's kernels, 04's recounts", "06's crosswalk"];
  const real = phases.filter((p) => p.length > 1);
  real.forEach((ms, i) => console.log(line(names[i] ?? `phase ${i}`, ms)));
  console.log(line("all", real.flat()));
  console.log(await withCollections(phases.flat(), from));
}

/** The open notebook `name`'s work ahead after it has run. */
async function county(name: string): Promise<void> {
  const live = await liveRuntime(name);
  const survey = await live.scope.survey();
  const ms: number[] = [];
  const from = spans.length;
  // One at a time: each step must run before the next is asked for (stepFunctions).
  for (const step of countyWarmSteps(survey)) ms.push(cpuOf(step));
  console.log(`${name}: the open notebook's work ahead (countyWarmSteps)`);
  console.log(line("all", ms));
  console.log(await withCollections(ms, from));
  live.runtime.dispose();
}

if (only.includes("spare")) await spare();
const names: Record<string, string> = { "01": "01-overview.html", "03": "03-size-and-correlations.html", "06": "06-thesis-crosswalk.html" };
for (const [key, file] of Object.entries(names)) if (only.includes(key)) await county(file);

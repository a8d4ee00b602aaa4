/**
 * The shipped notebooks under a filter change (issue 12), in Chromium against the built app:
 *  - filter change → every cell *in the viewport* settled and painted, p50 and p95 (targets 16 / 33 ms),
 *    with each class of change's median beside them (top/middle × county/cleared);
 *  - filter change → every cell of the notebook settled (the runtime idle: every value current),
 *    and the last DOM change anywhere in the notebook (target ≤ 100 ms);
 *  - the longest task on the main thread from the change until then (target ≤ 50 ms);
 *  - a change made 0.1–1.2 s after the notebook settled, during its work ahead on each county, with
 *    how long it waited to start; then one 2–4 s after that was quiet, when the app's own work after
 *    quiet (report snapshot, next notebook's frame) may be running (bench/notebook-changes.ts);
 *  - cold start in a fresh profile → notebook 01 fully rendered (≤ 1 s), and each notebook opened
 *    from the sidebar → fully rendered (≤ 300 ms), 3.5 s after the previous one settled (the app
 *    prepares the next notebook's frame after 1.5 s of quiet: spare-timing.ts, QUIET_BEFORE_SPARE_MS).
 *
 * The changes: bench/notebook-changes.ts; the probe that times them: bench/filter-change-probe.ts;
 * the printing: bench/print-changes.ts.
 *
 * With TVERRSNITT_BENCH_BASELINE=<another build's dist>, both builds are measured in one run (same
 * machine load) and the ratios printed: cold start and opening from the sidebar, alternating, then
 * filter changes side by side. BENCH_ONLY=opening (running this file directly) measures only the opening.
 */
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { launchChromium, notebookFrame } from "../test/browser/browser-helpers";
import { median } from "./median";
import { changesSideBySide, DURING_MS, PAUSES_MS, type OpenChanges } from "./notebook-changes";
import { renderedAt, visibleNotebookFrame } from "./notebook-frame";
import { comparisonLines, notebookLines, type NotebookFigures, type NotebookPairs } from "./print-changes";
import { serveDistApart } from "./workbench";

/** The shipped notebooks, by their route names. */
export const SHIPPED = ["01-overview", "02-six-models", "03-size-and-correlations", "04-reconciliation", "05-adopters", "06-thesis-crosswalk"] as const;

/** How long the reader stays on a notebook before clicking the next one in the sidebar. */
const SIDEBAR_PAUSE_MS = 3500;

/** Cold start in a fresh profile → notebook 01 open, idle and painted, ms from navigation start. */
export async function coldStart01(browser: Browser, base: string, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}#/nb/01-overview`);
    const frame = await notebookFrame(page, 30_000);
    const at = await renderedAt(frame);
    out.push(at - (await page.evaluate(() => performance.timeOrigin)));
    await context.close();
  }
  return out;
}

/** Opens each notebook from the sidebar, round after round, in one page; ms per notebook. */
export async function fromSidebar(browser: Browser, base: string, rounds: number): Promise<Map<string, number[]>> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const times = new Map<string, number[]>(SHIPPED.map((n) => [n, []]));
  try {
    await page.goto(`${base}#/nb/01-overview`);
    let frame = await visibleNotebookFrame(page, undefined);
    await renderedAt(frame);
    for (let round = 0; round < rounds; round++) {
      for (const name of [...SHIPPED.slice(1), SHIPPED[0]]) {
        // A reader reads a notebook before opening the next: the app makes the next notebook's frame
        // once the page has been quiet for a while (FrameSession, QUIET_BEFORE_SPARE_MS: 1.5 s; 3 s
        // until stop 19), so wait past that. Kept at 3.5 s so figures compare across stops.
        await page.waitForTimeout(SIDEBAR_PAUSE_MS);
        const t0 = await page.evaluate((n) => {
          const link = document.querySelector<HTMLAnchorElement>(`.nb-list a[data-name="${n}"]`);
          if (!link) throw new Error(`no sidebar link for ${n}`);
          const t = performance.timeOrigin + performance.now();
          link.click();
          return t;
        }, name);
        frame = await visibleNotebookFrame(page, frame);
        times.get(name)?.push((await renderedAt(frame)) - t0);
      }
    }
  } finally {
    await context.close();
  }
  return times;
}

const ms = (x: number): string => `${x.toFixed(0)} ms`;

/** The pause before open number `open`'s paused change. */
function pauseOf(open: number): number {
  return PAUSES_MS[open % PAUSES_MS.length] ?? 3000;
}

/** When open number `open`'s change during work ahead is made after settling. */
function duringOf(open: number): number {
  return DURING_MS[open % DURING_MS.length] ?? 450;
}

/** Measures every shipped notebook on one build. */
export async function measureNotebooks(browser: Browser, base: string, runs: number): Promise<{ notebooks: NotebookFigures[]; cold: number[] }> {
  const cold = await coldStart01(browser, base, runs);
  const sidebar = await fromSidebar(browser, base, Math.min(runs, 3));
  const notebooks: NotebookFigures[] = [];
  for (const [i, name] of SHIPPED.entries()) {
    const opens = await changesSideBySide(browser, [base], name, { runs: runs * 2, pauseMs: pauseOf(i), duringMs: duringOf(i), round: 0 });
    notebooks.push({ name, opens, fromSidebar: sidebar.get(name) ?? [] });
  }
  return { notebooks, cold };
}

/** Prints the figures of one build against the targets. */
export function printNotebooks(result: { notebooks: NotebookFigures[]; cold: number[] }): void {
  for (const line of notebookLines(result.notebooks, result.cold)) console.log(line);
}

/**
 * Cold start → 01 rendered and each notebook opened from the sidebar, both builds alternating round
 * by round (same machine load), medians with ratios.
 */
export async function compareOpening(browser: Browser, before: string, rounds: number, after = "dist"): Promise<void> {
  const servers = [await serveDistApart(before), await serveDistApart(after)];
  const cold: number[][] = [[], []];
  const sidebar = [new Map<string, number[]>(), new Map<string, number[]>()];
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [b, server] of servers.entries()) {
        cold[b]?.push(...(await coldStart01(browser, server.url, 2)));
        for (const [name, times] of await fromSidebar(browser, server.url, 1)) sidebar[b]?.set(name, [...(sidebar[b]?.get(name) ?? []), ...times]);
      }
    }
  } finally {
    for (const server of servers) await server.close();
  }
  const line = (label: string, a: number[], b: number[]): string =>
    `  ${label.padEnd(40)} ${ms(median(a)).padStart(8)} → ${ms(median(b)).padStart(8)}  ×${(median(b) / median(a)).toFixed(2)}  (${a.length} + ${b.length} runs)`;
  console.log(`\nOpening notebooks before/after, alternating (${before} → ${after}), medians:`);
  console.log(line("cold start → 01 fully rendered", cold[0] ?? [], cold[1] ?? []));
  for (const name of SHIPPED) console.log(line(`${name} from the sidebar`, sidebar[0]?.get(name) ?? [], sidebar[1]?.get(name) ?? []));
}

/**
 * Filter changes side by side on both builds (bench/notebook-changes.ts), two opens of each
 * notebook, the build that goes first turning from one to the next: viewport p50 and p95, each
 * class's median, values settled, last DOM change, long tasks and the paused change, with ratios and
 * their intervals (bench/print-changes.ts).
 */
export async function compareNotebooks(browser: Browser, before: string, runs: number, after = "dist", only: readonly string[] = SHIPPED): Promise<void> {
  const servers = [await serveDistApart(before), await serveDistApart(after)];
  const notebooks: NotebookPairs[] = SHIPPED.filter((n) => only.includes(n)).map((name) => ({ name, opens: [] }));
  const started = Date.now();
  try {
    for (let round = 0; round < 2; round++) {
      for (const [i, nb] of notebooks.entries()) {
        const opens: OpenChanges[] = await changesSideBySide(browser, servers.map((s) => s.url), nb.name, { runs, pauseMs: pauseOf(i * 2 + round), duringMs: duringOf(i * 2 + round), round });
        nb.opens.push(opens);
      }
    }
  } finally {
    for (const server of servers) await server.close();
  }
  if (process.env.BENCH_DUMP) (await import("node:fs")).writeFileSync(process.env.BENCH_DUMP, JSON.stringify(notebooks));
  for (const line of comparisonLines(before, after, notebooks)) console.log(line);
  console.log(`  (filter changes side by side took ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${loadavg()[0]?.toFixed(1)} at the end)`);
}

/** Runs the notebook benchmarks on dist/ (and the baseline comparison when asked). */
export async function runNotebookBench(runs = 5): Promise<void> {
  const server = await serveDistApart();
  const browser = await launchChromium();
  try {
    printNotebooks(await measureNotebooks(browser, server.url, runs));
    const baseline = process.env.TVERRSNITT_BENCH_BASELINE;
    if (baseline) {
      await compareOpening(browser, baseline, Math.max(2, Math.ceil(runs / 2)));
      await compareNotebooks(browser, baseline, runs * 2);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Only the before/after opening figures (BENCH_ONLY=opening with TVERRSNITT_BENCH_BASELINE). */
async function runOpeningComparison(baseline: string, rounds: number): Promise<void> {
  const browser = await launchChromium();
  try {
    await compareOpening(browser, baseline, rounds);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const baseline = process.env.TVERRSNITT_BENCH_BASELINE;
  const runs = Number(process.env["BENCH_RUNS"] ?? 5);
  (process.env["BENCH_ONLY"] === "opening" && baseline ? runOpeningComparison(baseline, runs) : runNotebookBench(runs)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
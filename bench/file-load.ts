/**
 * File-load benchmarks (issue 12), in Chromium against the built app: a user picks a big file in the
 * "Load your own file…" panel of notebook 01 and waits for the review ("Use this data").
 *
 * Inputs are generated at bench time from the bundled respondents (never committed): 50 MB and
 * 150 MB CSV, a 50 MB card image, a 1,000,000-row CSV and a 500 MB CSV. For each load:
 *  - MB/s from the file input's `change` event to the review panel on screen (target ≥ 50);
 *  - the longest task on the page's main thread while loading (PerformanceObserver "longtask"),
 *    and the longest gap of a 10 ms heartbeat timer (target: never blocked > 50 ms);
 *  - peak memory: the largest rise of the resident memory of all of Chromium's processes over the
 *    level just before the file was chosen, sampled every 25 ms from /proc (target ≤ 3 × file size).
 * Run through `npm run bench` (which builds first), alone through `npm run bench -- --only files`
 * (also builds; `--vs <dist>` compares with another build), or `npx tsx bench/file-load.ts` after
 * `npm run build`.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { inNotebook } from "../test/browser/browser-helpers";
import { serveDist } from "../test/browser/static-server";
import { median } from "./median";

const MB = 1_048_576;
const workDir = "test-output/bench-files";

/** What the page records while a file loads (see startProbe). */
interface LoadProbe {
  tasks: number[];
  gap: number;
  start: number;
  end: number;
  last: number;
  timer: number;
  observer?: PerformanceObserver;
}

declare global {
  interface Window {
    __loadProbe?: LoadProbe;
  }
}

/** One generated input. */
interface BenchFile {
  label: string;
  path: string;
  bytes: number;
  rows: number;
}

/** Writes `header` and then `rows(i)` blocks until the file reaches `bytes` (or `maxRows` rows). */
function writeRepeated(path: string, header: string, lines: string[], target: { bytes?: number; rows?: number }, line: (i: number, base: string) => string): BenchFile {
  const fd = openSync(path, "w");
  let bytes = 0;
  let rows = 0;
  const put = (text: string): void => {
    writeSync(fd, text);
    bytes += Buffer.byteLength(text);
  };
  if (header !== "") put(header);
  const wantBytes = target.bytes ?? Infinity;
  const wantRows = target.rows ?? Infinity;
  let block: string[] = [];
  while (bytes < wantBytes && rows < wantRows) {
    block.push(line(rows, lines[rows % lines.length] ?? ""));
    rows++;
    if (block.length === 4096) {
      put(block.join(""));
      block = [];
    }
  }
  if (block.length > 0) put(block.join(""));
  closeSync(fd);
  return { label: "", path, bytes: statSync(path).size, rows };
}

/** The bench inputs: the bundled respondents repeated, each CSV row with a fresh resp_id. */
function generateInputs(): BenchFile[] {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const [header = "", ...csvRows] = readFileSync("data/survey-1999/respondents.csv", "utf8").trimEnd().split("\n");
  const cardRows = readFileSync("data/survey-1999/respondents.dat", "utf8").trimEnd().split("\n");
  // resp_id is the first CSV field: renumber so ids stay unique however often the rows repeat.
  const csvLine = (i: number, base: string): string => `${i + 1}${base.slice(base.indexOf(","))}\n`;
  const cardLine = (_i: number, base: string): string => `${base}\n`;
  const files: [string, string, () => BenchFile][] = [
    ["CSV 50 MB", "csv-50mb.csv", () => writeRepeated(join(workDir, "csv-50mb.csv"), `${header}\n`, csvRows, { bytes: 50 * MB }, csvLine)],
    ["CSV 150 MB", "csv-150mb.csv", () => writeRepeated(join(workDir, "csv-150mb.csv"), `${header}\n`, csvRows, { bytes: 150 * MB }, csvLine)],
    ["card image 50 MB", "card-50mb.dat", () => writeRepeated(join(workDir, "card-50mb.dat"), "", cardRows, { bytes: 50 * MB }, cardLine)],
    ["CSV 1,000,000 rows", "csv-1m-rows.csv", () => writeRepeated(join(workDir, "csv-1m-rows.csv"), `${header}\n`, csvRows, { rows: 1_000_000 }, csvLine)],
    ["CSV 500 MB", "csv-500mb.csv", () => writeRepeated(join(workDir, "csv-500mb.csv"), `${header}\n`, csvRows, { bytes: 500 * MB }, csvLine)],
  ];
  // BENCH_FILES=csv-50mb,card (a comma-separated list of file-name parts) runs only those inputs
  // ("csv-50" would also match csv-500mb).
  const only = process.env["BENCH_FILES"]?.split(",");
  return files.filter(([, name]) => only === undefined || only.some((part) => name.includes(part))).map(([label, , make]) => ({ ...make(), label }));
}

/** Pids of a process and all its descendants (Chromium's zygote, renderers, GPU and utility processes). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the name (field 2) may contain spaces, so split after ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() ?? 0;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Resident memory of the process tree, bytes. */
function residentBytes(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

/** The pid of the Chromium browser process launched with `tag` on its command line. */
function findBrowserPid(tag: string): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmd.includes(tag) && !cmd.includes("--type=")) return Number(entry);
    } catch {
      // gone
    }
  }
  throw new Error(`no Chromium process carries ${tag}`);
}

/** What one load measured. */
export interface FileLoadRun {
  outcome: "review" | "failed";
  message: string;
  seconds: number;
  longestTaskMs: number;
  longestGapMs: number;
  peakBytes: number;
  /** "Use this data" → filter bar shows the new N (only measured when asked). */
  useMs?: number;
  /** "Use this data" → every cell of the notebook recomputed on the new data (idle). */
  useIdleMs?: number;
}

/** Installs the long-task observer and the heartbeat before a load; both read back by `finishProbe`. */
async function startProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe: LoadProbe = { tasks: [], gap: 0, start: 0, end: 0, last: performance.now(), timer: 0 };
    probe.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.tasks.push(entry.duration);
    });
    probe.observer.observe({ type: "longtask" });
    probe.timer = window.setInterval(() => {
      const now = performance.now();
      probe.gap = Math.max(probe.gap, now - probe.last - 10);
      probe.last = now;
    }, 10);
    const input = document.querySelector(".nb-data-file");
    input?.addEventListener("change", () => (probe.start = performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (document.querySelector(".nb-data-use, .nb-data-error") === null || probe.end > 0) return;
      probe.end = performance.now();
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true });
    window.__loadProbe = probe;
  });
}

async function finishProbe(page: Page): Promise<{ seconds: number; longestTaskMs: number; longestGapMs: number }> {
  return page.evaluate(() => {
    const p = window.__loadProbe;
    if (!p) throw new Error("probe missing");
    window.clearInterval(p.timer);
    p.observer?.disconnect();
    return { seconds: (p.end - p.start) / 1000, longestTaskMs: Math.max(0, ...p.tasks), longestGapMs: p.gap };
  });
}

/** Wait until notebook 01's filter bar (in the notebook's sandboxed frame) shows N = n of n. */
async function waitForN(page: Page, n: number, timeout = 120_000): Promise<void> {
  await inNotebook(page, (frame, left) => frame.waitForFunction((expected) => {
    const text = (document.querySelector("nb-filter-bar .tv-filter-n")?.textContent ?? "").replace(/[\s\u00a0\u202f,]+/g, ""); // digit groups: spaces (norsk), commas (English)
    return text.startsWith(`N=${expected}of${expected}`);
  }, n, { timeout: left, polling: 50 }), timeout);
}

/** Loads one file in a fresh page of notebook 01 and measures it. */
async function measureLoad(browser: Browser, base: string, pids: () => number[], file: BenchFile, use: boolean): Promise<FileLoadRun> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${base}#/nb/01-overview`);
    await waitForN(page, 267);
    // Start from a settled page: the notebook's own first computation is not the load's.
    await page.evaluate(() => window.tverrsnitt?.idle());
    await startProbe(page);
    await new Promise((r) => setTimeout(r, 300));
    const tree = pids();
    const baseline = residentBytes(tree);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(tree))), 25);
    try {
      await page.setInputFiles(".nb-data-file", file.path);
      await page.waitForSelector(".nb-data-use, .nb-data-error", { timeout: 600_000 });
    } finally {
      clearInterval(sampler);
    }
    const probe = await finishProbe(page);
    const failed = await page.locator(".nb-data-error").count() > 0;
    const message = failed ? (await page.locator(".nb-data-error").textContent()) ?? "" : `${(await page.locator(".nb-data-rows").textContent()) ?? "?"} rows`;
    const run: FileLoadRun = { outcome: failed ? "failed" : "review", message: message.replace(/\s+/g, " ").trim(), ...probe, peakBytes: peak - baseline };
    if (use && !failed) {
      const t0 = Date.now();
      await page.click(".nb-data-use");
      await waitForN(page, file.rows);
      run.useMs = Date.now() - t0;
      await inNotebook(page, (frame) => frame.evaluate(() => window.tverrsnitt?.idle()), 120_000);
      run.useIdleMs = Date.now() - t0;
    }
    return run;
  } finally {
    await context.close();
  }
}


/** A build under measurement: its name in the printout and its server. */
interface Build {
  name: string;
  url: string;
}

type Row = (label: string, value: string, target: string, ok: boolean | undefined) => string;

/** Prints one file's runs on one build against the targets; returns its MB/s (undefined when refused). */
function printRuns(file: BenchFile, results: readonly FileLoadRun[], row: Row, prefix: string): number | undefined {
  const mb = file.bytes / MB;
  const name = `${prefix}${file.label} (${mb.toFixed(0)} MB, ${file.rows.toLocaleString("en")} rows)`;
  const first = results[0];
  let speed: number | undefined;
  if (first?.outcome === "failed") {
    console.log(row(`${name}: refused`, `${median(results.map((r) => r.seconds)).toFixed(2)} s`, "loads, or refused up front", true));
    console.log(`    "${first.message.slice(0, 220)}"`);
  } else {
    speed = mb / median(results.map((r) => r.seconds));
    console.log(row(`${name}: speed`, `${speed.toFixed(1)} MB/s`, "≥ 50 MB/s", speed >= 50));
  }
  const task = median(results.map((r) => r.longestTaskMs));
  const gap = median(results.map((r) => r.longestGapMs));
  const peak = median(results.map((r) => r.peakBytes)) / MB;
  console.log(row("    longest main-thread task (long tasks)", `${task.toFixed(0)} ms`, "≤ 50 ms", task <= 50));
  console.log(row("    longest heartbeat gap (10 ms timer)", `${gap.toFixed(0)} ms`, "≤ 50 ms", gap <= 50));
  console.log(row("    peak memory over the page's level", `${peak.toFixed(0)} MB`, `≤ ${(3 * mb).toFixed(0)} MB (3×)`, peak <= 3 * mb));
  const use = results.map((r) => r.useMs).filter((x): x is number => x !== undefined);
  if (use.length > 0) console.log(row("    \"Use this data\" → filter bar shows the new N", `${median(use).toFixed(0)} ms`, "≤ 300 ms", median(use) <= 300));
  const idle = results.map((r) => r.useIdleMs).filter((x): x is number => x !== undefined);
  if (idle.length > 0) console.log(row("    \"Use this data\" → every cell recomputed", `${median(idle).toFixed(0)} ms`, "—", undefined));
  return speed;
}

/**
 * Runs every file load (`runs` times each for the 50/150 MB files) and prints them against the
 * targets. With a baseline (another build's dist folder: `npm run bench -- --only files --vs <dist>`,
 * or TVERRSNITT_BENCH_BASELINE=<dist>) both builds load each file, alternately in one run, and the
 * ratios are printed (before/after comparisons on a busy machine).
 */
export async function runFileLoadBench(runs = Number(process.env["BENCH_FILE_RUNS"] ?? 3), baselineDir = process.env["TVERRSNITT_BENCH_BASELINE"]): Promise<void> {
  console.log("\nFile loads: generating inputs from the bundled respondents…");
  const files = generateInputs();
  const servers = [await serveDist(), ...(baselineDir ? [await serveDist(baselineDir)] : [])];
  const builds: Build[] = [{ name: "this build", url: servers[0]?.url ?? "" }, ...(baselineDir ? [{ name: `baseline ${baselineDir}`, url: servers[1]?.url ?? "" }] : [])];
  const tag = `--tverrsnitt-bench=${process.pid}`;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", tag],
  });
  const root = findBrowserPid(tag);
  const pids = (): number[] => processTree(root);
  const row: Row = (label, value, target, ok) =>
    `  ${label.padEnd(52)} ${value.padStart(12)}   target ${target} ${ok === undefined ? "" : ok ? "✓" : "✗"}`;
  try {
    console.log(`File loads in Chromium, file chosen → review on screen (median of ${runs} for 50/150 MB; one run otherwise)${builds.length > 1 ? `; ${builds.map((b) => b.name).join(" and ")}, alternately` : ""}`);
    for (const file of files) {
      const n = file.bytes > 200 * MB ? 1 : runs;
      const results: FileLoadRun[][] = builds.map(() => []);
      for (let i = 0; i < n; i++) {
        // Alternate which build goes first, so neither always meets the other's leftovers.
        const order = builds.map((_, b) => b);
        if (i % 2 === 1) order.reverse();
        for (const b of order) results[b]?.push(await measureLoad(browser, builds[b]?.url ?? "", pids, file, file.rows === 1_000_000));
      }
      const speeds = builds.map((build, b) => printRuns(file, results[b] ?? [], row, builds.length > 1 ? `[${build.name}] ` : ""));
      const [now, before] = speeds;
      if (now !== undefined && before !== undefined) console.log(`    ratio this build / baseline, MB/s: ×${(now / before).toFixed(2)}`);
      const useNow = median((results[0] ?? []).map((r) => r.useMs).filter((x): x is number => x !== undefined));
      const useBefore = median((results[1] ?? []).map((r) => r.useMs).filter((x): x is number => x !== undefined));
      if (builds.length > 1 && useNow > 0 && useBefore > 0) console.log(`    ratio this build / baseline, "Use this data" ms: ×${(useNow / useBefore).toFixed(2)}`);
    }
  } finally {
    await browser.close();
    for (const server of servers) await server.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runFileLoadBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

/**
 * `npm run bench -- --vs <dist>`: this build (dist/, built first) against another build, in one run,
 * alternating so both see the same machine load, medians and ratios after/before:
 *  - cold start in a fresh profile → notebook 01 open, idle and painted (`--cold N`: N runs of each,
 *    default 8, in rounds of two);
 *  - a filter change on each shipped notebook, the two builds open side by side and each change made
 *    on one then the other (bench/notebook-changes.ts): the viewport painted (p50, p95, and each
 *    class of change's median), every value settled, the last DOM change, the long tasks — how many
 *    changes had one, and the longest — a change made 0.1–1.2 s after the notebook settled, during
 *    its work ahead on each county (how long it waited to start: a click answered within a frame),
 *    and one made 2–4 s after that; ratios
 *    with a seeded bootstrap interval (bench/print-changes.ts, bench/paired-ratios.ts; `--runs N`
 *    changes per notebook open, default 6, two opens; `--only 01,03` for some of them).
 *
 * The other build may be one from before the notebook frame (issue 11: "no more than 10 % slower than
 * before the sandbox", e.g. cf2813c built into its own worktree): bench/notebooks.ts finds the notebook
 * in the page as well as in the frame, and the county list as a multiple select as well as boxes.
 */
import type { Browser } from "playwright-core";
import { launchChromium } from "../test/browser/browser-helpers";
import { median } from "./median";
import { coldStart01, compareNotebooks, SHIPPED } from "./notebooks";
import { serveDistApart } from "./workbench";

/** What `--vs` was asked for. */
export interface VersusOptions {
  /** The other build's dist folder (the "before"). */
  before: string;
  /** Cold starts of each build. */
  cold: number;
  /** Filter changes per notebook open (half at the top, half mid-page). */
  runs: number;
  /** The shipped notebooks whose filter change is compared (`--only 01,03`: by the start of their names; default all). */
  only: readonly string[];
}

/** Reads `--vs <dist> [--cold N] [--runs N]` from the command line; undefined without `--vs`. */
export function versusOptions(argv: readonly string[]): VersusOptions | undefined {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at < 0 ? undefined : argv[at + 1];
  };
  const before = value("--vs");
  if (before === undefined) return undefined;
  const count = (flag: string, fallback: number): number => {
    const n = Number(value(flag) ?? fallback);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a whole number of runs ≥ 1, not "${value(flag)}"`);
    return n;
  };
  const only = value("--only")?.split(",").filter((start) => start !== "");
  return { before, cold: count("--cold", 8), runs: count("--runs", 6), only: only ? SHIPPED.filter((name) => only.some((start) => name.startsWith(start))) : SHIPPED };
}

/** Cold start → 01 rendered on both builds, two of each per round, alternating; medians and the ratio. */
async function compareCold(browser: Browser, before: string, after: string, runs: number): Promise<void> {
  const servers = [await serveDistApart(before), await serveDistApart(after)];
  const cold: number[][] = [[], []];
  try {
    for (let done = 0; done < runs; done += 2) {
      for (const [b, server] of servers.entries()) cold[b]?.push(...(await coldStart01(browser, server.url, Math.min(2, runs - done))));
    }
  } finally {
    for (const server of servers) await server.close();
  }
  const [a = [], b = []] = cold;
  console.log(`\nCold start (fresh profile) → 01 open, idle and painted, alternating (${before} → ${after}), medians:`);
  console.log(`  ${median(a).toFixed(0)} ms → ${median(b).toFixed(0)} ms  ×${(median(b) / median(a)).toFixed(2)}  (${a.length} + ${b.length} runs; each: ${a.map((x) => x.toFixed(0)).join(" ")} | ${b.map((x) => x.toFixed(0)).join(" ")})`);
}

/** Runs the comparison on dist/ against `options.before`. */
export async function runVersus(options: VersusOptions, after = "dist"): Promise<void> {
  // As every test and bench launches it (browser-helpers.ts: without the address bar's WebUI popups,
  // which headless Chromium builds in every fresh profile, and with Playwright's own switches kept).
  const browser = await launchChromium();
  try {
    await compareCold(browser, options.before, after, options.cold);
    if (options.only.length > 0) await compareNotebooks(browser, options.before, options.runs, after, options.only);
  } finally {
    await browser.close();
  }
}

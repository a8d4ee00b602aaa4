/**
 * Filter changes on one shipped notebook (issue 12), made on one build, or on two side by side for
 * `npm run bench -- --vs`. A change is what the issue timed: one county ticked in the filter bar's
 * county list, then the list cleared again (also a change, also timed; each county once, see
 * COUNTIES), half of them with the notebook at the top, half scrolled to its middle (the bar is
 * sticky: people change the filter while reading a table). Each change is kept with its class
 * (top/middle × county/cleared): their times differ several-fold (bench/paired-ratios.ts).
 *
 * Side by side (stop 28): each build's notebook is open in a page of its own (a browser context of
 * its own, so a renderer process of its own), and each change is made on one build and then the
 * same change on the other, which goes first alternating within every class, so a pair of changes
 * sees the same machine load. Until stop 27 each build had opens of its own, about a minute apart:
 * in an A/A run at load 6–9 (one build against a copy of itself) one side's two opens of 04 read
 * ×1.6–2.3 in all four classes. The page not changing waits, quiet, in between.
 *
 * Each open starts with a change during work ahead (stop 29): the notebook opened and settled, and
 * 0.1–1.2 s later (DURING_MS; both builds' pages at once, each on its own clock), while its frame
 * works ahead on each county in background turns (app/sandbox/county-evidence-ahead.ts), a county;
 * the change first waits for the turn under way,
 * which it reports apart (`inputDelay`: the call into the frame made then, against the frame's
 * clock taken before, filter-change-probe.ts `frameClock`). Then a paused change: nothing for 2–4 s
 * after that change was quiet (a reader who looks before choosing), then a county. In that pause
 * the app takes the report snapshot (1 s after quiet: frame-controller.ts) and makes the next
 * notebook's frame (after 1.5 s of quiet: spare-timing.ts), which then works ahead in the same
 * renderer thread; the change can wait behind their tasks. Until stop 29 the pause was counted from
 * the notebook's settling, there being no change before it. The other changes come every ~0.4 s
 * and never meet them.
 */
import type { Browser, Frame, Page } from "playwright-core";
import { filterChange, frameClock, installProbe, timedFilterChange, type FilterChange, type FrameClock } from "./filter-change-probe";
import { renderedAt, visibleNotebookFrame } from "./notebook-frame";

/**
 * Counties chosen one at a time, each once per notebook (a county never seen before is computed
 * from scratch: no selection or count kept from an earlier change helps it); the changes between
 * them clear the list, back to the unfiltered selection, which the app does keep. The paused change
 * takes one from the end of the list.
 */
export const COUNTIES = [11, 12, 3, 18, 1, 19, 15, 6, 14, 16, 10, 8, 2, 4, 5, 7, 9, 17, 20];

/**
 * The pauses before the paused change (ms after the notebook settled), taken in turn by successive
 * opens; with two builds the second's comes out ~0.5 s longer (it waits for the first's change), so
 * the longest stays near 4 s.
 */
export const PAUSES_MS = [2000, 2750, 3500] as const;

/**
 * When the change during work ahead is made (ms after the notebook settled), taken in turn by
 * successive opens: inside the open notebook's work ahead on each county, which starts at once
 * (issue 12 asks for the page to answer input the whole time; the task: 50–1500 ms after settling).
 */
export const DURING_MS = [100, 450, 800, 1150] as const;

/** Where the notebook is scrolled for a change. */
export type Scroll = "top" | "middle";

/** One change with its class. */
export interface ClassedChange extends FilterChange {
  where: Scroll;
  /** The list cleared (else one county chosen). */
  cleared: boolean;
}

/** The change made after a pause; `pauseMs` is the time from settled to the input, as it came out. */
export interface PausedChange extends FilterChange {
  pauseMs: number;
}

/** The change made during work ahead: `afterMs` from settled to the input as it came out, `inputDelay` how long it waited to start. */
export interface DuringChange extends FilterChange {
  afterMs: number;
  inputDelay: number;
}

/** One open of a notebook on one build. */
export interface OpenChanges {
  /** Absent from figures dumped before stop 29. */
  during?: DuringChange;
  paused: PausedChange;
  /** In the order made; on every build of one side-by-side open the same changes in the same order. */
  changes: ClassedChange[];
}

/** How one side-by-side open is made. */
export interface OpenPlan {
  /** Changes measured (half at the top, half mid-page), after two warm-ups at each. */
  runs: number;
  /** The pause before the paused change (PAUSES_MS). */
  pauseMs: number;
  /** When the change during work ahead is made after settling (DURING_MS). */
  duringMs: number;
  /** Which round this is: the build that goes first in the classed changes (and the paused county) turns with it. */
  round: number;
}

/** One build's page in a side-by-side open. */
interface Side {
  page: Page;
  frame: Frame;
  /** Epoch ms at which the notebook had settled and painted. */
  settled: number;
  clock: FrameClock;
  during?: DuringChange;
  /** Epoch ms at which the change during work ahead was quiet: the pause before the paused change counts from it. */
  quiet: number;
  paused?: PausedChange;
  changes: ClassedChange[];
}

/** The four figures the bench keeps of a change (the probe also returns the cells it touched). */
function figures(c: FilterChange): FilterChange {
  return { viewportPainted: c.viewportPainted, valuesSettled: c.valuesSettled, lastDomChange: c.lastDomChange, longestTask: c.longestTask };
}

/** `sides` turned by `shift`: who goes first. */
function turned<T>(sides: readonly T[], shift: number): T[] {
  const s = shift % sides.length;
  return [...sides.slice(s), ...sides.slice(0, s)];
}

/**
 * The order in which `builds` builds make change `i` of an open in round `round`. Counties are the
 * even changes and clears the odd ones: i + ⌊i/2⌋ turns the first build within each of them
 * (0, 1, 0, 1 …), not only from one change to the next, and the round turns it again.
 */
export function changeOrder(round: number, i: number, builds: number): number[] {
  return turned([...Array(builds).keys()], round + i + (i >> 1));
}

/**
 * Opens notebook `name` on each build (one URL per build; one URL: the bench on its own) at once,
 * makes the paused change and then the classed changes on every build in turn, and returns each
 * build's changes in the order of `urls`.
 */
export async function changesSideBySide(browser: Browser, urls: readonly string[], name: string, plan: OpenPlan): Promise<OpenChanges[]> {
  const contexts = await Promise.all(urls.map(() => browser.newContext({ viewport: { width: 1360, height: 900 } })));
  try {
    const sides = await Promise.all(
      contexts.map(async (context, b): Promise<Side> => {
        const page = await context.newPage();
        await page.goto(`${urls[b]}#/nb/${name}`);
        const frame = await visibleNotebookFrame(page, undefined);
        // The frame's clock for the change during work ahead: the quickest of a few calls made while
        // it loads (one may wait behind a cell's run; the least did not), not after it settled, when
        // its work ahead starts.
        const loading = await frameClock(frame);
        const settled = await renderedAt(frame);
        await installProbe(frame);
        return { page, frame, settled, clock: loading, quiet: settled, changes: [] };
      }),
    );
    const pausedCounty = COUNTIES[COUNTIES.length - 1 - (plan.round % 2)] ?? 20;
    // Neither a county of the classed changes nor the paused one: each is new to the notebook.
    const duringCounty = COUNTIES[COUNTIES.length - 3 - (plan.round % 2)] ?? 17;
    // Each on its own clock, at once: one after the other, the second came seconds late under load
    // (6–8 on two cores), when its work ahead had ended.
    await Promise.all(sides.map(async (side) => {
      const wait = side.settled + plan.duringMs - Date.now();
      if (wait > 0) await side.page.waitForTimeout(wait);
      const afterMs = Date.now() - side.settled;
      const { change, inputDelay } = await timedFilterChange(side.frame, duringCounty, side.clock);
      side.during = { ...figures(change), afterMs, inputDelay };
      side.quiet = Date.now();
    }));
    // In the order their pauses end, as above.
    for (const side of [...sides].sort((x, y) => x.quiet - y.quiet)) {
      const wait = side.quiet + plan.pauseMs - Date.now();
      if (wait > 0) await side.page.waitForTimeout(wait);
      const pauseMs = Date.now() - side.quiet;
      side.paused = { ...figures(await filterChange(side.frame, pausedCounty)), pauseMs };
    }
    let k = 0;
    for (const where of ["top", "middle"] as const) {
      await Promise.all(sides.map((s) => s.frame.evaluate((at) => scrollTo(0, at === "top" ? 0 : Math.max(0, (document.documentElement.scrollHeight - innerHeight) / 2)), where)));
      await sides[0]?.page.waitForTimeout(100);
      const n = Math.ceil(plan.runs / 2);
      for (let i = 0; i < n + 2; i++) {
        const county = i % 2 === 0 ? (COUNTIES[k++ % COUNTIES.length] ?? 11) : 0;
        for (const b of changeOrder(plan.round, i, sides.length)) {
          const side = sides[b];
          if (!side) continue;
          const change = await filterChange(side.frame, county);
          if (i >= 2) side.changes.push({ ...figures(change), where, cleared: county === 0 });
        }
      }
    }
    return sides.map((s) => {
      if (!s.paused) throw new Error("a side made no paused change");
      return { ...(s.during ? { during: s.during } : {}), paused: s.paused, changes: s.changes };
    });
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}

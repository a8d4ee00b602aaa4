/**
 * Each county's evidence made ahead in the open notebook's frame (issue 12; analysis/evidence/
 * warm-counties.ts through app/sandbox/county-evidence-ahead.ts), in Chromium against the built app:
 * on 01, once the notebook has settled, every county alone and every printed table its cells
 * compared are classified, a step each (its `tv-evidence-ahead` measures), none before the notebook
 * has settled; then a county chosen is drawn with the same figures as in a frame that could not
 * work ahead. The frame's idle callbacks are not what runs it: Chromium gave that frame none
 * while it sat still (idle-steps.ts). On 03, each statistic whose evidence a cell read is computed
 * under every county (kernel-evidence-ahead.ts): a county then computes none of them over the
 * reconstructions in its change, and r1's table is the one a frame that could not work ahead draws.
 */
import { describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import { notebookFrame, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";
import { DRAWS_AHEAD_PER_STEP } from "../../src/analysis/work-ahead";

const wb = useWorkbench();

/** 01's comparisons with evidence: Tabell 2.1, 2.2, 2.5–2.9. */
const TABLES = 7;
/** Counties of 1999 (the filter bar's list). */
const COUNTIES = 19;

/** 03's calls with evidence read: the rates and r of six models, q30_5 × six expectations and their matrix, r and rates of q9. */
const CALLS_03 = 21;

/** 06's crosswalk: each county's reconstructions filtered, then measured on fifty, one a step. */
const CROSSWALK_STEPS = 51;

/**
 * Steps per table or statistic of a county: the selection's own figures, then `DRAWS_AHEAD_PER_STEP`
 * of the other 49 reconstructions a step (analysis/work-ahead.ts); a county filters its
 * reconstructions in one step more.
 */
const STEPS_EACH = 1 + Math.ceil(49 / DRAWS_AHEAD_PER_STEP);
/** Steps per county for `n` tables or statistics. */
const perCounty = (n: number): number => 1 + n * STEPS_EACH;

/** A frame whose background tasks and idle callbacks never run: it cannot work ahead. */
const NO_BACKGROUND = "Object.defineProperty(window, 'scheduler', { value: undefined }); window.requestIdleCallback = undefined;";

/** Open 01 in a page of its own; `before` runs in the frame before any of its scripts. */
async function open01(before?: string): Promise<Frame> {
  return openNotebook("01-overview", before);
}

/** Open notebook `name` in a page of its own, settled; `before` runs in the frame before any of its scripts. */
async function openNotebook(name: string, before?: string): Promise<Frame> {
  const context = await wb.browser.newContext({ viewport: { width: 1360, height: 900 } });
  if (before) await context.addInitScript(before);
  const page = await context.newPage();
  await openApp(page, wb.server.url, `#/nb/${name}`);
  const frame = await notebookFrame(page, 30_000);
  await frame.evaluate(async () => {
    for (let w = 0; !window.tverrsnitt && w < 30_000; w += 10) await new Promise((r) => setTimeout(r, 10));
    await window.tverrsnitt?.ready;
    await window.tverrsnitt?.idle();
  });
  return frame;
}

/** The steps worked ahead so far, and the earliest one's start (ms, the frame's clock). */
function aheadSteps(frame: Frame): Promise<{ count: number; first: number }> {
  return frame.evaluate(() => {
    const steps = performance.getEntriesByName("tv-evidence-ahead");
    return { count: steps.length, first: Math.min(...steps.map((s) => s.startTime)) };
  });
}

/** Choose `county` and read Tabell 2.1's table as shown once every value is current. */
function tableUnder(frame: Frame, county: number): Promise<string> {
  return outputUnder(frame, county, "t21-table");
}

/** Choose `county` and read the table in cell `cell`'s output as shown once every value is current. */
function outputUnder(frame: Frame, county: number, cell: string): Promise<string> {
  return frame.evaluate(async ([county, cell]) => {
    const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
    for (const box of boxes) box.checked = Number(box.value) === county;
    boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
    await window.tverrsnitt?.idle();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return document.querySelector(`#cell-${cell}`)?.closest("nb-cell")?.querySelector(".nb-output table")?.outerHTML ?? "";
  }, [county, cell] as const);
}

/** Wait until `want` steps were worked ahead in `frame` (or 20 s), and read them. */
async function stepsReaching(frame: Frame, want: number): Promise<{ count: number; first: number }> {
  let steps = await aheadSteps(frame);
  for (let waited = 0; steps.count < want && waited < 20_000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    steps = await aheadSteps(frame);
  }
  return steps;
}

/** The evidence computations (`tv-evidence` measures) the frame made so far. */
function evidenceMeasures(frame: Frame): Promise<number> {
  return frame.evaluate(() => performance.getEntriesByName("tv-evidence").length);
}

describe("each county's evidence made ahead in 01's frame", () => {
  it("classifies every county's tables once the notebook has settled, and a county then shows what a frame without it shows", async () => {
    const frame = await open01();
    const steps = await stepsReaching(frame, COUNTIES * perCounty(TABLES));
    expect(steps.count).toBe(COUNTIES * perCounty(TABLES));
    // Not before the notebook's own comparisons were made (its first run came first).
    const firstRun = await frame.evaluate(() => Math.max(...performance.getEntriesByName("tv-evidence").map((e) => e.startTime + e.duration)));
    expect(steps.first).toBeGreaterThanOrEqual(firstRun);

    // The same figures, classes and ranges as a frame whose background tasks and idle callbacks never run.
    const plain = await open01(NO_BACKGROUND);
    await new Promise((r) => setTimeout(r, 500));
    expect((await aheadSteps(plain)).count).toBe(0);
    for (const county of [11, 3, 18]) {
      const warm = await tableUnder(frame, county);
      expect(warm).toContain("tv-ev-range");
      expect(warm, `county ${county}`).toBe(await tableUnder(plain, county));
    }
  }, 90_000);

  it("measures 06's crosswalk under every county once it has settled, and a county then shows the verdicts a frame without it shows", async () => {
    const frame = await openNotebook("06-thesis-crosswalk");
    // 06 compares no printed table: its steps are the crosswalk's, fifty-one per county.
    expect((await stepsReaching(frame, COUNTIES * CROSSWALK_STEPS)).count).toBe(COUNTIES * CROSSWALK_STEPS);
    const plain = await openNotebook("06-thesis-crosswalk", NO_BACKGROUND);
    await new Promise((r) => setTimeout(r, 500));
    expect((await aheadSteps(plain)).count).toBe(0);
    for (const county of [11, 3, 18]) {
      const warm = await outputUnder(frame, county, "table");
      expect(warm).toContain('data-verdict="');
      expect(warm, `county ${county}`).toBe(await outputUnder(plain, county, "table"));
    }
  }, 90_000);

  it("computes 03's statistics under every county, so a county computes none of them in its change and shows what a frame without it shows", async () => {
    const frame = await openNotebook("03-size-and-correlations");
    expect((await stepsReaching(frame, COUNTIES * perCounty(CALLS_03))).count).toBe(COUNTIES * perCounty(CALLS_03));
    const plain = await openNotebook("03-size-and-correlations", NO_BACKGROUND);
    for (const county of [11, 3]) {
      const [warmBefore, plainBefore] = [await evidenceMeasures(frame), await evidenceMeasures(plain)];
      const warm = await outputUnder(frame, county, "r1");
      expect(warm).toContain("reconstructions");
      expect(warm, `county ${county}`).toBe(await outputUnder(plain, county, "r1"));
      // Without the work ahead each call's evidence is computed in the change; with it, none of
      // them (the size-class table's drawn-values lines, not a statistic's call, are in both).
      const [warmMade, plainMade] = [(await evidenceMeasures(frame)) - warmBefore, (await evidenceMeasures(plain)) - plainBefore];
      expect(plainMade - warmMade, `county ${county}: ${plainMade} → ${warmMade}`).toBe(CALLS_03);
    }
  }, 90_000);
});

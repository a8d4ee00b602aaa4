/**
 * Screenshots compared with stored snapshots (issue 14): notebook 01 in report view at 360 px
 * (light) and at 1400 px (dark), notebook 04's first screen at 800 px in edit view, and the demo's
 * inputs and table at 360 px dark, each compared pixel by pixel with a PNG in
 * test/browser/snapshots/ that a person has looked at.
 *
 * Taken with the app settled: every cell run (`tverrsnitt.idle()` in the frame), fonts loaded, two
 * frames painted, animations off, the caret hidden, the clock fixed (the page shows no time today;
 * a clock or an autosave time would otherwise change it between runs) and each cell's run time
 * ("20 ms", edit view) masked with a grey box. Norwegian browser, Debian's Chromium, the machine's
 * fonts — as in CI.
 *
 * The tolerance (`TOLERANCE`, compare-screenshots.ts) was set by measuring: five runs on an idle
 * and on a loaded machine differed by at most the figures in the constant's comment, while a 1 px
 * margin above the header, or a header colour 24 levels off, differs by far more; the second test
 * below makes both changes on every run and fails if the comparison does not notice them.
 *
 * On a failure the actual screenshot and a diff (differing pixels magenta) are written to
 * test-output/snapshots/. After a change you meant, look at the actual PNGs, then store them:
 *
 *   npm run build && UPDATE_SNAPSHOTS=1 npx vitest run --project browser test/browser/screenshot-snapshots.test.ts
 *
 * and open the new files in test/browser/snapshots/ before committing them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { inNotebook, nb, openApp } from "./browser-helpers";
import { compareScreenshots, type Tolerance } from "./compare-screenshots";
import { useWorkbench } from "./use-workbench";

const SNAPSHOTS = "test/browser/snapshots";
const OUT = "test-output/snapshots";
const UPDATE = process.env.UPDATE_SNAPSHOTS === "1";

/**
 * A pixel differs when a channel moves by more than 16 of 255; a view differs when more than 0.1 %
 * of its pixels do (266 pixels at 360 × 740, 1,260 at 1400 × 900). Measured at stop 20 on this
 * machine at load 13–21: in 5 runs of the 3 views no pixel moved by more than 2 levels (0 pixels
 * over 16); a 1 px margin above the header moved 37,062 pixels (13.9 %) of the 360 px view, and a
 * header background 24 levels off 21,164 (7.9 %).
 */
const TOLERANCE: Tolerance = { channel: 16, share: 0.001 };

/** A view to compare: which notebook, how wide, which theme, report or edit view. */
interface View {
  name: string;
  hash: string;
  width: number;
  height: number;
  dark: boolean;
  report: boolean;
}

const VIEWS: readonly View[] = [
  { name: "01-report-360-light", hash: "#/nb/01-overview", width: 360, height: 740, dark: false, report: true },
  { name: "01-report-1400-dark", hash: "#/nb/01-overview", width: 1400, height: 900, dark: true, report: true },
  { name: "04-edit-800-light", hash: "#/nb/04-reconciliation", width: 800, height: 1000, dark: false, report: false },
  // Inputs (a select, a range) and an Inputs.table in the dark theme, in report view.
  { name: "demo-report-360-dark", hash: "#/nb/demo", width: 360, height: 1400, dark: true, report: true },
];

const wb = useWorkbench();

beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

/** Wait until the notebook has run every cell and both documents have painted with their fonts. */
async function settle(page: Page): Promise<void> {
  await inNotebook(page, (frame) => frame.evaluate(async () => {
    await window.tverrsnitt?.idle();
    await document.fonts.ready;
  }), 60_000);
  await page.evaluate(() => document.fonts.ready);
  for (let i = 0; i < 2; i++) await inNotebook(page, (frame) => frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
}

/** Open `view` in a fresh context and return its page, settled and scrolled to the top. */
async function open(view: View): Promise<Page> {
  const context = await wb.browser.newContext({ viewport: { width: view.width, height: view.height }, locale: "nb-NO", colorScheme: view.dark ? "dark" : "light", reducedMotion: "reduce" });
  // The clock of every frame, fixed: timers still run, Date says the same time on every run.
  await context.clock.setFixedTime(new Date("2026-06-01T10:00:00Z"));
  const page = await context.newPage();
  await openApp(page, wb.server.url, view.hash);
  await nb(page).locator("nb-notebook").waitFor({ timeout: 30_000 });
  await settle(page);
  if (view.report && (await nb(page).locator("nb-notebook[report]").count()) === 0) {
    await nb(page).locator("nb-report-nav .nb-view-report").click();
    await nb(page).locator("nb-notebook[report]").waitFor();
  }
  // Nothing focused (a focus ring is no part of the view), at the top.
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  await inNotebook(page, (frame) => frame.evaluate(() => window.scrollTo(0, 0)));
  await settle(page);
  return page;
}

/** What changes between runs and is masked: a cell's run time ("20 ms") in edit view. */
const MASKED = ".nb-status";

function shoot(page: Page): Promise<Buffer> {
  return page.screenshot({ animations: "disabled", caret: "hide", scale: "css", mask: [nb(page).locator(MASKED)], maskColor: "#808080" });
}

describe("screenshots against stored snapshots", () => {
  for (const view of VIEWS) {
    it(`${view.name}: matches ${SNAPSHOTS}/${view.name}.png`, async () => {
      const page = await open(view);
      const actual = await shoot(page);
      await page.context().close();
      const stored = `${SNAPSHOTS}/${view.name}.png`;
      if (UPDATE) {
        mkdirSync(SNAPSHOTS, { recursive: true });
        writeFileSync(stored, actual);
        return;
      }
      if (!existsSync(stored)) {
        writeFileSync(`${OUT}/${view.name}.actual.png`, actual);
        throw new Error(`No snapshot ${stored}. Look at ${OUT}/${view.name}.actual.png, then store it: UPDATE_SNAPSHOTS=1 npx vitest run --project browser test/browser/screenshot-snapshots.test.ts`);
      }
      const diff = await compareScreenshots(wb.browser, readFileSync(stored), actual, TOLERANCE);
      console.log(`${view.name}: ${diff.differing} pixels differ (${(100 * diff.share).toFixed(4)} %), largest channel change ${diff.maxChannel}`);
      if (!diff.same) {
        writeFileSync(`${OUT}/${view.name}.actual.png`, actual);
        if (diff.diffPng) writeFileSync(`${OUT}/${view.name}.diff.png`, diff.diffPng);
      }
      expect(diff.same, `${view.name} differs from ${stored}: ${diff.sizeMismatch ? "another size; " : ""}${diff.differing} pixels (${(100 * diff.share).toFixed(3)} %, over ${(100 * TOLERANCE.share).toFixed(2)} %). See ${OUT}/${view.name}.actual.png and .diff.png; if the change is meant, store it with UPDATE_SNAPSHOTS=1 (this file's header).`).toBe(true);
    }, 120_000);
  }

  // The comparison must notice a real layout change: a 1 px margin above the header, and the
  // header's background 24 levels off (lighter, or darker where it is near white). Both fail against the stored snapshot on every run.
  it.skipIf(UPDATE)("fails on a 1 px margin above the header and on a header colour 24 levels off", async () => {
    const view = VIEWS[0];
    if (!view) throw new Error("no view");
    const stored = readFileSync(`${SNAPSHOTS}/${view.name}.png`);
    const page = await open(view);
    const clean = await compareScreenshots(wb.browser, stored, await shoot(page), TOLERANCE);
    expect(clean.same).toBe(true);
    await page.addStyleTag({ content: ".nb-header { margin-top: 1px !important; }" });
    const moved = await compareScreenshots(wb.browser, stored, await shoot(page), TOLERANCE);
    await page.addStyleTag({ content: ".nb-header { margin-top: 0 !important; }" });
    await page.evaluate(() => {
      const header = document.querySelector<HTMLElement>(".nb-header");
      if (!header) throw new Error("no header");
      const [r = 0, g = 0, b = 0] = (getComputedStyle(header).backgroundColor.match(/\d+/g) ?? []).map(Number);
      const lighter = (c: number): number => (c + 24 <= 255 ? c + 24 : c - 24);
      header.style.setProperty("background-color", `rgb(${lighter(r)}, ${lighter(g)}, ${lighter(b)})`, "important");
    });
    const recoloured = await compareScreenshots(wb.browser, stored, await shoot(page), TOLERANCE);
    await page.context().close();
    // What a failure leaves behind, for a person to look at.
    if (moved.diffPng) writeFileSync(`${OUT}/check-1px-margin.diff.png`, moved.diffPng);
    if (recoloured.diffPng) writeFileSync(`${OUT}/check-header-colour.diff.png`, recoloured.diffPng);
    console.log(`1 px margin: ${moved.differing} pixels (${(100 * moved.share).toFixed(3)} %); header colour: ${recoloured.differing} pixels (${(100 * recoloured.share).toFixed(3)} %)`);
    expect(moved.same).toBe(false);
    expect(recoloured.same).toBe(false);
  }, 120_000);
});

/**
 * Open a shipped notebook with every box laid out (`content-visibility` off, so words far off screen
 * are measured too), under one county or none, then resize the page in place and measure the same
 * drawing at each width. The word-break tests of 04 and 06 read their tables through it.
 */
import type { Frame } from "playwright-core";
import { notebookFrame, openApp } from "./browser-helpers";
import type { Workbench } from "./use-workbench";

/** What to open, and how to read it at each width. */
export interface LaidOutAtWidths<T> {
  /** The notebook's route name, e.g. "04-reconciliation". */
  notebook: string;
  /** The page's locale (the app's language follows it). */
  locale: string;
  /** A county of 1999 chosen in the filter bar; 0 for none. */
  county: number;
  widths: readonly number[];
  /** Reads the frame at one width. */
  measure: (frame: Frame, width: number) => Promise<T>;
}

/** Each width's reading of the notebook, in the order of `widths`. */
export async function laidOutAtWidths<T>(wb: Workbench, { notebook, locale, county, widths, measure }: LaidOutAtWidths<T>): Promise<T[]> {
  const page = await (await wb.browser.newContext({ viewport: { width: 1400, height: 900 }, locale })).newPage();
  await openApp(page, wb.server.url, `#/nb/${notebook}`);
  const frame = await notebookFrame(page, 30_000);
  await frame.evaluate(async (county) => {
    await window.tverrsnitt?.ready;
    await window.tverrsnitt?.idle();
    const style = document.createElement("style");
    style.textContent = "* { content-visibility: visible !important; }";
    document.head.append(style);
    if (county === 0) return;
    const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
    for (const box of boxes) box.checked = Number(box.value) === county;
    boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
    await window.tverrsnitt?.idle();
  }, county);
  const seen: T[] = [];
  const frameElement = await frame.frameElement();
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    // The frame learns its new size after the page lays out: measure once it has.
    const frameWidth = await frameElement.evaluate((el) => (el instanceof HTMLElement ? el.clientWidth : 0));
    await frame.waitForFunction((w) => window.innerWidth === w, frameWidth);
    seen.push(await measure(frame, width));
  }
  await page.context().close();
  return seen;
}

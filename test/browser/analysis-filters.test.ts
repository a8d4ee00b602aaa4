/**
 * The survey filter in Chromium, against the built app: picking a county and a size class in the
 * filter bar of 01-overview changes N, the tables and the charts, and writes the filter into the
 * URL hash; a reload and a share link opened in a fresh profile reproduce the same numbers; a
 * hostile filter in the URL shows a banner and applies nothing. The filter bar and the cells are in
 * the notebook's sandboxed frame (`nb`), the URL and banners belong to the shell page. Set
 * TVERRSNITT_DIST to test a build made elsewhere (so a dist/ another process is serving is left alone).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { distRoot } from "./static-server";
import { inNotebook, nb, norm, openApp, outputText, screenshotDir, tickFilter } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const VIEWPORT = { width: 1360, height: 900 };
const wb = useWorkbench({ context: { viewport: VIEWPORT }, page: true });

/**
 * Nordland (18), size class 2, counted here in the respondents.csv the app is served. How many
 * respondents that is depends on the reconstruction (10–23 across the ensemble: anonymous kommuner
 * get their county by draw), so it is counted, not written down.
 */
const served = Papa.parse<Record<string, string>>(readFileSync(join(distRoot(), "data/survey-1999/respondents.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;
const FILTERED_N = `N = ${served.filter((r) => r.fylke === "18" && r.size_class === "2").length} of 267`;
const FILTER_HASH = "#/nb/01-overview?filter=fylke%3D18%26size%3D2";

/** The N the filter bar shows. */
async function shownN(p: Page): Promise<string> {
  return norm(await nb(p).locator("nb-filter-bar .tv-filter-n").textContent());
}

/** Wait until the filter bar shows `n` and every cell has settled. */
async function waitForN(p: Page, n: string): Promise<void> {
  await inNotebook(p, (frame, timeout) => frame.waitForFunction((want) => (document.querySelector("nb-filter-bar .tv-filter-n")?.textContent ?? "").replace(/\s+/g, " ").startsWith(want), n, { timeout }), 30_000);
  await p.evaluate(() => window.tverrsnitt?.idle());
}

/** The figures a reader compares: the N, Tabell 2.1 and 2.2 as text, the 2.1 chart as SVG. */
async function figures(p: Page): Promise<{ n: string; t21: string; t22: string; chart: string }> {
  return {
    n: await shownN(p),
    t21: norm(await nb(p).locator("#cell-t21-table .nb-output table").first().textContent()),
    t22: await outputText(p, "t22"),
    chart: (await nb(p).locator("#cell-t21 .nb-output svg").first().evaluate((svg) => svg.outerHTML)).replace(/\s+/g, " "),
  };
}

/** Text of every body cell of a cell's first table, in order. */
function cellTexts(p: Page, cellId: string): Promise<string[]> {
  return nb(p).locator(`#cell-${cellId} .nb-output table`).first().locator("tbody td").evaluateAll((tds) => tds.map((td) => (td.textContent ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim()));
}

/**
 * True when a notebook element's box lies inside the part of the notebook frame the window shows
 * (seen without scrolling). Boxes are in the page's coordinates, the frame's own included.
 */
async function inViewport(p: Page, selector: string): Promise<boolean> {
  const frame = await p.locator("iframe.nb-frame:not([hidden])").boundingBox();
  const box = await nb(p).locator(selector).boundingBox();
  if (!frame || !box) return false;
  const top = Math.max(0, frame.y);
  const bottom = Math.min(VIEWPORT.height, frame.y + frame.height);
  const left = Math.max(0, frame.x);
  const right = Math.min(VIEWPORT.width, frame.x + frame.width);
  return box.y >= top && box.y + box.height <= bottom && box.x >= left && box.x + box.width <= right;
}

let unfiltered: Awaited<ReturnType<typeof figures>>;
let filtered: Awaited<ReturnType<typeof figures>>;

describe("survey filter in the URL", () => {
  it("opens 01-overview unfiltered with N visible without scrolling", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/01-overview");
    await waitForN(wb.page, "N = 267 of 267");
    unfiltered = await figures(wb.page);
    expect(unfiltered.t21).not.toBe("");
    expect(await inViewport(wb.page, "nb-filter-bar .tv-filter-n")).toBe(true);
    await wb.page.screenshot({ path: `${screenshotDir}/filters-unfiltered.png` });
  });

  it("choosing a county and a size class changes N, the tables, the chart and the URL", async () => {
    await tickFilter(wb.page, "fylke", "18");
    await tickFilter(wb.page, "size", "2");
    await waitForN(wb.page, FILTERED_N);
    filtered = await figures(wb.page);
    expect(filtered.n).not.toBe(unfiltered.n);
    expect(filtered.t21).not.toBe(unfiltered.t21);
    expect(filtered.t22).not.toBe(unfiltered.t22);
    expect(filtered.chart).not.toBe(unfiltered.chart);
    // The frame tells the shell after the paint of the cells on screen (frame-controller.ts).
    await expect.poll(() => new URL(wb.page.url()).hash).toBe(FILTER_HASH);
    expect(await inViewport(wb.page, "nb-filter-bar .tv-filter-n")).toBe(true);
    await wb.page.screenshot({ path: `${screenshotDir}/filters-nordland-size2.png` });
    // Scrolled down to the tables, the bar (sticky) and its N are still on screen.
    await nb(wb.page).locator("#cell-t22").scrollIntoViewIfNeeded();
    expect(await inViewport(wb.page, "nb-filter-bar")).toBe(true);
    expect(await inViewport(wb.page, "nb-filter-bar .tv-filter-n")).toBe(true);
    await wb.page.screenshot({ path: `${screenshotDir}/filters-scrolled-to-tables.png` });
  });

  it("a reload reproduces the filter and the same numbers", async () => {
    await wb.page.reload();
    await wb.page.waitForSelector("nb-app .nb-header");
    await waitForN(wb.page, FILTERED_N);
    expect(await figures(wb.page)).toEqual(filtered);
    expect(await nb(wb.page).locator('nb-filter-bar input[name="fylke"]:checked').evaluateAll((bs) => bs.map((b) => (b instanceof HTMLInputElement ? b.value : "")))).toEqual(["18"]);
    expect(await nb(wb.page).locator('nb-filter-bar input[name="size"][value="2"]').isChecked()).toBe(true);
    expect(new URL(wb.page.url()).hash).toBe(FILTER_HASH);
  });

  it("a share link opened in a fresh profile gives the same numbers", async () => {
    await wb.page.click(".nb-share");
    const link = await wb.page.locator(".nb-share-link").inputValue();
    expect(link).toMatch(/#share=v1\./);
    await wb.page.click(".nb-dialog .nb-button:not(.nb-primary)");
    const fresh = await wb.browser.newContext({ viewport: VIEWPORT });
    try {
      const other = await fresh.newPage();
      await other.goto(link);
      await other.waitForSelector(".nb-preview-bar");
      await other.click(".nb-consent");
      await waitForN(other, FILTERED_N);
      // N is identical.
      expect(await shownN(other)).toBe(filtered.n);
      // The Tabell 2.1 chart has groups of 1–2 under this filter: bar lengths would reveal them, so
      // the shared view withholds it (disclosure guard) where the live view draws it.
      expect(await nb(other).locator("#cell-t21 .nb-output svg").count()).toBe(0);
      expect(norm(await nb(other).locator("#cell-t21 .nb-output .tv-warning").first().textContent())).toMatch(/^Chart withheld in this shared view/);
      expect(filtered.chart).toContain("<svg");
      // The table too, except that the shared view prints counts of 1–2 under a county filter as
      // "< 3" (the disclosure guard), which this filter triggers in every reconstruction: Nordland's
      // size class 2 has one named adopter each of ESN, EP and BMS (adopters.csv); counts that would
      // give them back as "·", and a row that hides a count shows no percentages. Every other
      // figure is the live one. (A hidden count shows no evidence marker either: its range would bound it.)
      const live = await cellTexts(wb.page, "t21-table");
      const shared = await cellTexts(other, "t21-table");
      expect(shared).toHaveLength(live.length);
      const countOf = (text: string): number | undefined => {
        // "13% (2)" in English (the browser's language), "13 % (2)" in norsk.
        const m = /^(?:[-−]?[\d,.]+ ?% \((\d+)\)|(\d+))(?:[PDRY][\d–\s%]*)?$/.exec(text);
        return m ? Number(m[1] ?? m[2]) : undefined;
      };
      const kinds = live.map((text, i) => {
        const seen = shared[i] ?? "";
        if (seen === text) return "same";
        const k = countOf(text);
        if (seen === "< 3") return k === 1 || k === 2 ? "masked" : `wrong: ${text} → ${seen}`;
        if (seen === "·") return k !== undefined && k > 0 ? "protecting" : `wrong: ${text} → ${seen}`;
        return k !== undefined && countOf(seen) === k && !seen.includes("%") ? "percentage left out" : `wrong: ${text} → ${seen}`;
      });
      expect(kinds.filter((k) => k.startsWith("wrong"))).toEqual([]);
      expect(kinds).toContain("masked");
      expect(new URL(other.url()).hash).toMatch(/^#\/local\/shared%3A[^?]+\?filter=fylke%3D18%26size%3D2$/);
      await other.screenshot({ path: `${screenshotDir}/filters-shared.png` });
    } finally {
      await fresh.close();
    }
  });

  it("a hostile filter in the URL shows a banner, applies nothing and leaves the notebook usable", async () => {
    const fresh = await wb.browser.newContext({ viewport: VIEWPORT });
    try {
      const other = await fresh.newPage();
      await openApp(other, wb.server.url, `#/nb/01-overview?filter=${"fylke%3D99%26".repeat(770)}`);
      await other.waitForSelector(".nb-banner.is-error");
      expect(norm(await other.locator(".nb-banner.is-error").textContent())).toContain("The filter in this link was not applied");
      await waitForN(other, "N = 267 of 267");
      expect(await figures(other)).toEqual(unfiltered);
      expect(new URL(other.url()).hash).toBe("#/nb/01-overview");
      await other.screenshot({ path: `${screenshotDir}/filters-hostile.png` });
      // Still usable: the filter bar works.
      await tickFilter(other, "size", "2");
      await waitForN(other, "N = ");
      expect(await shownN(other)).not.toContain("267 of 267");
      // An unknown key and an out-of-range county: the banner names the fix, nothing is applied.
      for (const [bad, says] of [["colour%3Dred", 'Unknown filter "colour"'], ["fylke%3D21", '"21", which is not a county number of 1999'], ["fylke%3D13", "13 Bergen had merged into Hordaland"]]) {
        const tab = await fresh.newPage();
        await openApp(tab, wb.server.url, `#/nb/01-overview?filter=${bad}`);
        await tab.waitForSelector(".nb-banner.is-error");
        expect(norm(await tab.locator(".nb-banner.is-error").textContent())).toContain(says);
        await waitForN(tab, "N = 267 of 267");
        expect(new URL(tab.url()).hash).toBe("#/nb/01-overview");
        await tab.close();
      }
    } finally {
      await fresh.close();
    }
  });
});

/**
 * "New survey analysis" in Chromium against the built app: the template opens with the filter bar
 * and N, its crosstab table (with χ² and the expected-count warning) and chart render, the title
 * follows the edited first heading, and the table follows the filter bar. Screenshots narrow, wide
 * and dark go to test-output/. The notebook is in the sandboxed frame (`nb`), the title and the list
 * are the shell's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { serveDist, type RunningServer } from "./static-server";
import { launchChromium, nb, openApp, outputText, screenshotDir, tickFilter, typeIntoCell, waitForOutput } from "./browser-helpers";

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serveDist();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("a new survey analysis", () => {
  it("opens with the filtered respondents, N, a crosstab with χ² and its chart", async () => {
    await openApp(page, server.url, "#/nb/demo");
    await page.click(".nb-list .nb-new-survey");
    await page.waitForSelector(".nb-list li.is-current >> text=Survey analysis");
    await waitForOutput(page, "2", /N = 267 of 267 respondents/, 30_000);
    await nb(page).locator("nb-filter-bar .tv-filter-n").waitFor();
    await waitForOutput(page, "4", /Pearson χ²\(15\)/, 30_000);
    const table = await outputText(page, "4");
    // The browser is English: the codebook's English labels.
    expect(table).toMatch(/^Size class \(Statistics Norway, 1 Jan 1999\) × Balanced scorecard.*Total0–999 inhabitantsCount/);
    expect(table).toMatch(/Cramér's V = 0\.\d{3}/);
    expect(table).toMatch(/Warning: \d+ cells \([\d.]+%\) have expected count less than 5/);
    expect(await nb(page).locator("#cell-5 .nb-output svg[role=img]").getAttribute("aria-label")).toBe("Size class (Statistics Norway, 1 Jan 1999) × Balanced scorecard");
    await waitForOutput(page, "7", /Valid Percent/);
    await page.screenshot({ path: `${screenshotDir}/new-survey-wide.png`, fullPage: true });
    await nb(page).locator("#cell-4").screenshot({ path: `${screenshotDir}/new-survey-crosstab.png` });
  }, 90_000);

  it("takes its title from the first heading as it is edited", async () => {
    await nb(page).locator("#cell-1 .nb-cell-actions button:text('Edit')").click();
    await typeIntoCell(page, "1", "# Målstyring og størrelse\n\nMy question.");
    await page.keyboard.press("Shift+Enter");
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>("input.nb-title")?.value ?? "") === "Målstyring og størrelse");
    // Saved with its new title: the list of local notebooks shows it once the autosave ran.
    await page.waitForSelector(".nb-list li.is-current >> text=Målstyring og størrelse", { timeout: 10_000 });
  });

  it("follows the filter bar", async () => {
    const before = await outputText(page, "4");
    await tickFilter(page, "fylke", "12");
    await waitForOutput(page, "4", /filters: county 12 Hordaland/);
    expect(await outputText(page, "4")).not.toBe(before);
  });

  it("reads well narrow and dark", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${screenshotDir}/new-survey-narrow.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `${screenshotDir}/new-survey-dark.png`, fullPage: true });
    await nb(page).locator("#cell-7").screenshot({ path: `${screenshotDir}/new-survey-frequencies-dark.png` });
    expect(await nb(page).locator("#cell-4 .nb-output table").count()).toBe(1);
  });
});

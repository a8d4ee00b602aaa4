/**
 * "New survey analysis" in Chromium against the built app: the template opens with the filter bar
 * and N, its crosstab table (with χ² and the expected-count warning) and chart render, the title
 * follows the edited first heading, and the table follows the filter bar. Screenshots narrow, wide
 * and dark go to test-output/. The notebook is in the sandboxed frame (`nb`), the title and the list
 * are the shell's.
 */
import { describe, expect, it } from "vitest";
import { nb, openApp, outputText, screenshotDir, tickFilter, typeIntoCell, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1440, height: 900 } }, page: true });

describe("a new survey analysis", () => {
  it("opens with the filtered respondents, N, a crosstab with χ² and its chart", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/demo");
    await wb.page.click(".nb-list .nb-new-survey");
    await wb.page.waitForSelector(".nb-list li.is-current >> text=Survey analysis");
    await waitForOutput(wb.page, "2", /N = 267 of 267 respondents/, 30_000);
    await nb(wb.page).locator("nb-filter-bar .tv-filter-n").waitFor();
    await waitForOutput(wb.page, "4", /Pearson χ²\(15\)/, 30_000);
    const table = await outputText(wb.page, "4");
    // The browser is English: the codebook's English labels.
    expect(table).toMatch(/^Size class \(Statistics Norway, 1 Jan 1999\) × Balanced scorecard.*Total0–999 inhabitantsCount/);
    expect(table).toMatch(/Cramér's V = 0\.\d{3}/);
    expect(table).toMatch(/Warning: \d+ cells \([\d.]+%\) have expected count less than 5/);
    expect(await nb(wb.page).locator("#cell-5 .nb-output svg[role=img]").getAttribute("aria-label")).toBe("Size class (Statistics Norway, 1 Jan 1999) × Balanced scorecard");
    await waitForOutput(wb.page, "7", /Valid Percent/);
    await wb.page.screenshot({ path: `${screenshotDir}/new-survey-wide.png`, fullPage: true });
    await nb(wb.page).locator("#cell-4").screenshot({ path: `${screenshotDir}/new-survey-crosstab.png` });
  }, 90_000);

  it("takes its title from the first heading as it is edited", async () => {
    await nb(wb.page).locator("#cell-1 .nb-cell-actions button:text('Edit')").click();
    await typeIntoCell(wb.page, "1", "# Målstyring og størrelse\n\nMy question.");
    await wb.page.keyboard.press("Shift+Enter");
    await wb.page.waitForFunction(() => (document.querySelector<HTMLInputElement>("input.nb-title")?.value ?? "") === "Målstyring og størrelse");
    // Saved with its new title: the list of local notebooks shows it once the autosave ran.
    await wb.page.waitForSelector(".nb-list li.is-current >> text=Målstyring og størrelse", { timeout: 10_000 });
  });

  it("follows the filter bar", async () => {
    const before = await outputText(wb.page, "4");
    await tickFilter(wb.page, "fylke", "12");
    await waitForOutput(wb.page, "4", /filters: county 12 Hordaland/);
    expect(await outputText(wb.page, "4")).not.toBe(before);
  });

  it("reads well narrow and dark", async () => {
    await wb.page.setViewportSize({ width: 390, height: 844 });
    await wb.page.screenshot({ path: `${screenshotDir}/new-survey-narrow.png`, fullPage: true });
    await wb.page.emulateMedia({ colorScheme: "dark" });
    await wb.page.setViewportSize({ width: 1440, height: 900 });
    await wb.page.screenshot({ path: `${screenshotDir}/new-survey-dark.png`, fullPage: true });
    await nb(wb.page).locator("#cell-7").screenshot({ path: `${screenshotDir}/new-survey-frequencies-dark.png` });
    expect(await nb(wb.page).locator("#cell-4 .nb-output table").count()).toBe(1);
  });
});

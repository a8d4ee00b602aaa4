/**
 * Report view in Chromium: notebook 01 read as a report (no code, no cell toolbars, the setup folded
 * to one line, a table of contents from its markdown headings whose entries scroll to the heading),
 * code foldable per cell, a shared link that opens in report view once run; screenshots at 1400 and
 * 360 px and dark.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { unwrap } from "../../src/base/result";
import { notebookHeadings } from "../../src/notebook/headings";
import { isLocale } from "../../src/base/locale/locale";
import { parseNotebook } from "../../src/notebook/format";
import { encodeShare } from "../../src/notebook/share-codec";
import { readFileSync } from "node:fs";
import { inNotebook, nb, openApp, screenshotDir, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

const overview = unwrap(parseNotebook(readFileSync("notebooks/01-overview.html", "utf8"))).doc;

async function openReport(page: Page): Promise<void> {
  await openApp(page, wb.server.url, "#/nb/01-overview");
  await waitForOutput(page, "t21", "Innføring", 30_000);
  // Cells off screen run after the ones on screen: read the report once every cell has run.
  await inNotebook(page, (f) => f.evaluate(() => window.tverrsnitt?.idle()));
  await nb(page).locator("nb-report-nav .nb-view-report").click();
  await nb(page).locator("nb-notebook[report]").waitFor();
}

describe("report view", () => {
  it("shows outputs only, folds setup, and its contents jump to each heading", async () => {
    const page = await wb.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openReport(page);
    const frame = nb(page);
    // No code and no cell toolbars anywhere; every output still there.
    expect(await frame.locator(".nb-code, .nb-cm, .nb-cell-bar, .nb-deps, .nb-add-row").count()).toBe(0);
    expect(await frame.locator("#cell-t21 .nb-output svg").count()).toBeGreaterThan(0);
    expect(await frame.locator("#cell-t21-table .nb-output table").count()).toBeGreaterThan(0);
    // Contents: the headings of the markdown cells, computed here from the file.
    // In the page's language: a markdown cell with a bokmål text shows its headings in norsk.
    const lang = await page.evaluate(() => document.documentElement.lang);
    const locale = isLocale(lang) ? lang : undefined;
    const expected = notebookHeadings(overview, 3, locale).map((h) => h.text);
    expect(expected.length).toBeGreaterThan(3);
    expect(await frame.locator(".nb-toc a").allInnerTexts()).toEqual(expected);
    // Jump to a heading far down: it ends at the top of the frame's viewport, below the filter bar.
    const last = notebookHeadings(overview, 3, locale).at(-1);
    if (!last) throw new Error("no heading");
    await frame.locator(".nb-toc a").last().click();
    // Cells skipped by content-visibility take their real height as the page scrolls past them;
    // the jump holds its heading in place while they do: poll until the page has settled.
    const measure = () =>
      inNotebook(page, (f) =>
        f.evaluate(({ id }) => {
          const heading = document.querySelector(`#cell-${id} .nb-output`)?.querySelector("h1, h2, h3");
          const bar = Math.max(0, document.querySelector(".nb-sticky-filter")?.getBoundingClientRect().bottom ?? 0);
          const top = heading?.getBoundingClientRect().top ?? -1;
          return { top, bar, offset: top - bar, scrolled: window.scrollY, focused: document.activeElement === heading, text: heading?.textContent ?? "" };
        }, { id: last.cellId }),
      );
    await expect.poll(async () => (await measure()).offset, { timeout: 3000 }).toBeLessThan(60);
    const placed = await measure();
    expect(placed.text).toContain(last.text);
    expect(placed.scrolled).toBeGreaterThan(1000);
    expect(placed.offset).toBeGreaterThanOrEqual(0);
    expect(placed.focused).toBe(true);
    // Code is foldable per cell: one cell's code opens, the others stay folded.
    await frame.locator("#cell-t21 .nb-fold").click();
    expect(await frame.locator("#cell-t21 .nb-code").innerText()).toContain('comparePrinted(selection, "2.1")');
    expect(await frame.locator(".nb-code").count()).toBe(1);
    await page.screenshot({ path: `${screenshotDir}/report-01-1400.png` });
    // Back to edit view: the code is there again.
    await frame.locator("nb-report-nav .nb-view-edit").click();
    await expect.poll(() => frame.locator(".nb-cell-bar").count()).toBeGreaterThan(5);
    expect(await frame.locator("#cell-t22 .nb-code").count()).toBe(1);
    await page.close();
  });

  it("keeps each cell's Code switch clear of its export buttons", async () => {
    const page = await wb.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openReport(page);
    // The switch is placed (invisible until hover) in every cell with code; export buttons sit
    // beside each table and chart. Every pair in the notebook that would overlap is listed.
    const overlaps = await inNotebook(page, (f) =>
      f.evaluate(() => {
        const found: string[] = [];
        for (const article of document.querySelectorAll("article.is-report")) {
          const fold = article.querySelector(".nb-fold")?.getBoundingClientRect();
          if (!fold) continue;
          for (const menu of article.querySelectorAll("nb-export-menu")) {
            const m = menu.getBoundingClientRect();
            if (fold.left < m.right && m.left < fold.right && fold.top < m.bottom && m.top < fold.bottom) found.push(article.id);
          }
        }
        return found;
      }),
    );
    expect(overlaps).toEqual([]);
    // And a wide output whose buttons sit at the right edge does have one (else this checks nothing).
    const rightEdge = await inNotebook(page, (f) =>
      f.evaluate(() => [...document.querySelectorAll("article.is-report")].filter((a) => {
        const fold = a.querySelector(".nb-fold")?.getBoundingClientRect();
        const menu = a.querySelector("nb-export-menu")?.getBoundingClientRect();
        return fold && menu && menu.right > fold.left;
      }).length),
    );
    expect(rightEdge).toBeGreaterThan(0);
    await page.close();
  });

  it("folds a setup cell to one line that names what it defines", async () => {
    const page = await wb.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const doc = {
      title: "Setup",
      cells: [
        { id: "1", kind: "md" as const, source: "# Report\n\n## First" },
        { id: "2", kind: "js" as const, source: "const helper = (x) => x * 2;" },
        { id: "3", kind: "js" as const, source: "display(html`<p class=shown>${helper(21)}</p>`)" },
      ],
    };
    const link = `${wb.server.url}#share=${unwrap(await encodeShare({ doc, inputs: {} }))}`;
    await page.goto(link);
    await page.locator(".nb-consent").click();
    // A shared link opens in report view once it runs.
    await nb(page).locator("nb-notebook[report]").waitFor();
    await nb(page).locator("#cell-3 .shown").waitFor();
    expect(await nb(page).locator("#cell-3 .shown").innerText()).toBe("42");
    expect(await nb(page).locator("#cell-2.is-setup .nb-fold").innerText()).toContain("helper");
    expect(await nb(page).locator(".nb-code").count()).toBe(0);
    await page.close();
  });

  it("scrolls a wide table with its row labels held, wraps its headers, and offers full width on a wide screen", async () => {
    const page = await wb.browser.newPage({ viewport: { width: 800, height: 900 } });
    await openApp(page, wb.server.url, "#/nb/01-overview");
    await waitForOutput(page, "t26", "2.6", 30_000);
    const measured = await inNotebook(page, (f) =>
      f.evaluate(() => {
        const box = document.querySelector<HTMLElement>("#cell-t26 .tv-table");
        const firstCell = box?.querySelector<HTMLElement>("tbody tr > :first-child");
        if (!box || !firstCell) return undefined;
        const before = firstCell.getBoundingClientRect().left - box.getBoundingClientRect().left;
        box.scrollLeft = box.scrollWidth;
        const after = firstCell.getBoundingClientRect().left - box.getBoundingClientRect().left;
        const cut = [...document.querySelectorAll<HTMLElement>(".nb-output thead th")].filter((th) => th.scrollWidth > th.clientWidth + 1).map((th) => th.textContent);
        return { wider: box.scrollWidth > box.clientWidth, scrolled: box.scrollLeft, before, after, cut };
      }),
    );
    expect(measured?.wider).toBe(true);
    expect(measured?.scrolled).toBeGreaterThan(50);
    expect(Math.abs((measured?.after ?? 99) - (measured?.before ?? 0))).toBeLessThan(1);
    expect(measured?.cut).toEqual([]);
    await inNotebook(page, (f) => f.evaluate(() => document.querySelector("#cell-t26")?.scrollIntoView({ block: "start" })));
    await page.screenshot({ path: `${screenshotDir}/wide-table-800.png` });
    await page.setViewportSize({ width: 1920, height: 1000 });
    const width = () => inNotebook(page, (f) => f.evaluate(() => document.querySelector("nb-notebook")?.getBoundingClientRect().width ?? 0));
    expect(await width()).toBeLessThan(1000);
    await nb(page).locator(".nb-width-switch").click();
    expect(await width()).toBeGreaterThan(1400);
    await page.close();
  });

  it("reads at 360 px and in a dark theme", async () => {
    const narrow = await wb.browser.newPage({ viewport: { width: 360, height: 780 } });
    await openReport(narrow);
    const overflow = await inNotebook(narrow, (f) => f.evaluate(() => document.documentElement.scrollWidth - window.innerWidth));
    expect(overflow).toBeLessThanOrEqual(0);
    await narrow.screenshot({ path: `${screenshotDir}/report-01-360.png` });
    await narrow.close();
    const dark = await wb.browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: "dark" });
    await openReport(dark);
    await dark.screenshot({ path: `${screenshotDir}/report-01-dark.png` });
    await dark.close();
  });
});

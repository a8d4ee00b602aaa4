/**
 * Exports in Chromium against the built app: every chart of a multi-chart cell has its own export
 * buttons beside it (notebook 03's size-class cell shows six charts), each download is named after
 * its chart's title with æ ø å spelled out, 03's correlation heatmap is saved whole (cells, hatching, turned
 * labels, no <style>), and an analysis table's CSV has numeric columns. In the
 * dark theme a survey chart is drawn on the page's dark paper, and saved in the light theme.
 * The notebook and its buttons are in the sandboxed frame (`nb`); downloads start there. Screenshots
 * go to test-output/screenshots/exports-*.png.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { inNotebook, nb, notebookFrame, screenshotDir, tickFilter } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

/** The width a saved SVG file has when the browser opens it again as an image (rejects if it does not open). */
async function reopenedWidth(page: Page, svg: string): Promise<number> {
  return page.evaluate(async (text) => {
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
    await img.decode();
    return img.naturalWidth;
  }, svg);
}

const wb = useWorkbench({ context: { viewport: { width: 1400, height: 900 }, acceptDownloads: true }, page: true });

describe("export buttons in Chromium", () => {
  it("gives each of the six size-class charts of notebook 03 its own SVG/PNG buttons, beside it", async () => {
    await wb.page.goto(`${wb.server.url}#/nb/03-size-and-correlations`);
    const cell = nb(wb.page).locator("#cell-rates");
    await inNotebook(wb.page, (frame, timeout) => frame.waitForFunction(() => document.querySelectorAll("#cell-rates .nb-exportable nb-export-menu .nb-export-svg").length === 6, undefined, { timeout }), 60_000);
    // Each menu sits in the same wrapper as its chart, to the chart's right.
    const layout = await cell.locator(".nb-exportable").evaluateAll((wraps) =>
      wraps.map((w) => {
        const chart = w.firstElementChild?.getBoundingClientRect();
        const menu = w.querySelector("nb-export-menu")?.getBoundingClientRect();
        return { title: w.querySelector("svg")?.getAttribute("aria-label") ?? "", besideRight: !!chart && !!menu && menu.left >= chart.right - 1 && menu.top < chart.bottom };
      }),
    );
    expect(layout).toHaveLength(6);
    expect(layout.every((l) => l.besideRight)).toBe(true);
    expect(new Set(layout.map((l) => l.title)).size).toBe(6);
    await cell.locator(".nb-exportable").nth(1).scrollIntoViewIfNeeded();
    await wb.page.screenshot({ path: `${screenshotDir}/exports-03-rates-1400.png` });

    // The third chart's SVG button saves the third chart, named after its own title.
    const third = cell.locator(".nb-exportable").nth(2);
    const title = layout[2]?.title ?? "";
    const [download] = await Promise.all([wb.page.waitForEvent("download"), third.locator(".nb-export-svg").click()]);
    const svg = await readFile(await download.path(), "utf8");
    expect(svg).toContain(title);
    // No <style> of the chart's own (drawn on svg-parts.ts); its labels' white-space is written onto them.
    expect(svg).not.toContain("<style");
    expect(svg).toMatch(/<text[^>]*style="[^"]*white-space:\s*pre/);
    // The file opens again as an image, at the chart's size.
    expect(await reopenedWidth(wb.page, svg)).toBe(Number(/<svg[^>]*\swidth="(\d+)"/.exec(svg)?.[1]));
    expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+-har-innfort-etter-kommunestorrelse\.svg$/);
    const [png] = await Promise.all([wb.page.waitForEvent("download"), cell.locator(".nb-exportable").nth(5).locator(".nb-export-png").click()]);
    expect(png.suggestedFilename()).toMatch(/etter-kommunestorrelse\.png$/);
    expect((await readFile(await png.path())).subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("saves 03's correlation heatmap (drawn on svg-parts) as an SVG that holds its cells, hatching and labels, and as a PNG", async () => {
    const wrap = nb(wb.page).locator("#cell-r2 .nb-exportable").first();
    await wrap.scrollIntoViewIfNeeded();
    await inNotebook(wb.page, (frame, timeout) => frame.waitForFunction(() => document.querySelector("#cell-r2 .nb-exportable svg.tv-chart g[aria-label='cell'] rect") !== null, undefined, { timeout }), 60_000);
    const shown = await wrap.locator("svg.tv-chart").first().evaluate((svg) => ({
      coloured: [...svg.querySelectorAll("g[aria-label='cell'] rect")].filter((r) => (r.getAttribute("fill") ?? "").startsWith("rgb(")).length,
      labels: [...svg.querySelectorAll("g[aria-label='x-axis tick label'] text")].map((t) => t.textContent ?? ""),
    }));
    expect(shown.coloured).toBeGreaterThan(5);
    const [download] = await Promise.all([wb.page.waitForEvent("download"), wrap.locator(".nb-export-svg").click()]);
    const svg = await readFile(await download.path(), "utf8");
    expect(svg).not.toContain("<style");
    // Every coloured cell as drawn, the column labels turned as on the page, and the hatching's pattern in the file.
    expect(svg.match(/<rect[^>]*fill="rgb\(/g)?.length).toBe(shown.coloured + 40); // the cells and the ramp's 40 steps
    for (const label of shown.labels) expect(svg).toContain(`>${label}</text>`);
    expect(svg).toContain("rotate(-45)");
    const hatch = /<path[^>]*fill="url\(#([^)]+)\)"/.exec(svg)?.[1];
    expect(hatch).toBeTruthy();
    expect(svg).toContain(`<pattern id="${hatch}"`);
    expect(await reopenedWidth(wb.page, svg)).toBe(Number(/<svg[^>]*\swidth="(\d+)"/.exec(svg)?.[1]));
    const [png] = await Promise.all([wb.page.waitForEvent("download"), wrap.locator(".nb-export-png").click()]);
    expect((await readFile(await png.path())).subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("keeps the buttons beside their chart at 800 and 360 px", async () => {
    for (const width of [800, 360]) {
      await wb.page.setViewportSize({ width, height: 900 });
      const wrap = nb(wb.page).locator("#cell-rates .nb-exportable").first();
      await wrap.scrollIntoViewIfNeeded();
      const box = await wrap.evaluate((w) => {
        const chart = w.firstElementChild?.getBoundingClientRect();
        const menu = w.querySelector("nb-export-menu")?.getBoundingClientRect();
        return { chartRight: chart?.right ?? 0, menuLeft: menu?.left ?? 0, menuRight: menu?.right ?? 0, pageWidth: document.documentElement.clientWidth };
      });
      expect(box.menuLeft).toBeGreaterThanOrEqual(box.chartRight - 1);
      expect(box.menuRight).toBeLessThanOrEqual(box.pageWidth);
      await wb.page.screenshot({ path: `${screenshotDir}/exports-03-rates-${width}.png` });
    }
    await wb.page.setViewportSize({ width: 1400, height: 900 });
    await wb.page.emulateMedia({ colorScheme: "dark" });
    await nb(wb.page).locator("#cell-rates .nb-exportable").first().scrollIntoViewIfNeeded();
    await wb.page.screenshot({ path: `${screenshotDir}/exports-03-rates-1400-dark.png` });
    await wb.page.emulateMedia({ colorScheme: "light" });
  });

  it("exports the printed-vs-recomputed Tabell 2.1 with numeric columns", async () => {
    await wb.page.goto("about:blank");
    await wb.page.goto(`${wb.server.url}#/nb/01-overview`);
    await nb(wb.page).locator("#cell-t21-table nb-export-menu .nb-export-csv").first().waitFor({ timeout: 60_000 });
    await nb(wb.page).locator("#cell-t21 .nb-exportable").first().scrollIntoViewIfNeeded();
    await wb.page.screenshot({ path: `${screenshotDir}/exports-01-t21-1400.png` });
    const [download] = await Promise.all([wb.page.waitForEvent("download"), nb(wb.page).locator("#cell-t21-table .nb-export-csv").first().click()]);
    expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+\.csv$/);
    const text = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(Object.keys(rows[0] ?? {})).toEqual(["table", "question", "variable", "answer", "code", "printed_percent", "printed_count", "recomputed_percent", "recomputed_count", "recomputed_evidence", "recomputed_min", "recomputed_max", "agrees", "resolution"]);
    // The report prints "6 % (16)" for Serviceerklæringer, Har allerede innført.
    const first = rows.find((r) => r.variable === "q3" && r.code === "1");
    expect(first).toMatchObject({ printed_percent: "6", printed_count: "16", recomputed_count: "16", recomputed_evidence: "printed", agrees: "1" });
    expect(Number(first?.recomputed_percent)).toBeCloseTo((100 * 16) / 253, 10);
    expect(text).not.toMatch(/ % \(/);
  });

  it("keeps Tabell 2.1's buttons through a filter change, pointed at the new chart and table: the CSV is a fresh open's", async () => {
    // Follows the test above: 01 is open, unfiltered, idle.
    const frame = await notebookFrame(wb.page, 30_000);
    const before = await frame.evaluate(() => {
      const wraps = [...document.querySelectorAll("#cell-t21 .nb-exportable, #cell-t21-table .nb-exportable")];
      wraps.forEach((w, i) => Reflect.set(w, "__kept", i));
      return { wraps: wraps.length, shown: wraps.map((w) => w.firstElementChild?.outerHTML.length ?? 0) };
    });
    expect(before.wraps).toBe(2);
    await tickFilter(wb.page, "fylke", "11");
    await frame.evaluate(() => window.tverrsnitt?.idle());
    const after = await frame.evaluate(() =>
      [...document.querySelectorAll("#cell-t21 .nb-exportable, #cell-t21-table .nb-exportable")].map((w) => {
        const menu = w.querySelector("nb-export-menu");
        const svg = w.firstElementChild?.querySelector("svg") ?? (w.firstElementChild?.localName === "svg" ? w.firstElementChild : null);
        return {
          kept: Reflect.get(w, "__kept"),
          children: w.children.length,
          // The menu saves what is shown now: its chart is the chart in this wrapper.
          chartIsShown: menu?.chart !== undefined && (menu.chart === w.firstElementChild || menu.chart.contains(svg)),
          hasTable: menu?.table !== undefined,
          subtitle: w.textContent?.includes("Rogaland") ?? false,
        };
      }),
    );
    expect(after.map((a) => a.kept)).toEqual([0, 1]);
    expect(after.every((a) => a.children === 2)).toBe(true);
    expect(after[0]).toMatchObject({ chartIsShown: true });
    expect(after[1]).toMatchObject({ hasTable: true });
    const [download] = await Promise.all([wb.page.waitForEvent("download"), nb(wb.page).locator("#cell-t21-table .nb-export-csv").first().click()]);
    const kept = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
    // The same filter opened afresh (the URL carries it): a new page draws new buttons.
    const url = wb.page.url();
    expect(url).toContain("11");
    const fresh = await wb.context.newPage();
    await fresh.goto(url);
    await nb(fresh).locator("#cell-t21-table nb-export-menu .nb-export-csv").first().waitFor({ timeout: 60_000 });
    await (await notebookFrame(fresh, 30_000)).evaluate(() => window.tverrsnitt?.idle());
    const [again] = await Promise.all([fresh.waitForEvent("download"), nb(fresh).locator("#cell-t21-table .nb-export-csv").first().click()]);
    const reopened = (await readFile(await again.path(), "utf8")).replace(/^\uFEFF/, "");
    await fresh.close();
    expect(kept).toBe(reopened);
    // And it is the filtered table, not the one the buttons were first made for.
    const first = Papa.parse<Record<string, string>>(kept, { header: true, skipEmptyLines: true }).data.find((r) => r.variable === "q3" && r.code === "1");
    expect(first?.recomputed_count).not.toBe("16");
  });

  it("draws a survey chart on the dark page's paper in the dark theme, and saves it light", async () => {
    await wb.page.goto("about:blank");
    await wb.page.emulateMedia({ colorScheme: "dark" });
    try {
      await wb.page.goto(`${wb.server.url}#/nb/01-overview`);
      const wrap = nb(wb.page).locator("#cell-t21 .nb-exportable").first();
      const chart = wrap.locator(":scope > svg").first();
      await chart.waitFor({ timeout: 60_000 });
      await wrap.scrollIntoViewIfNeeded();
      const luminance = (rgb: string): number => {
        const [r = 0, g = 0, b = 0] = rgb.match(/\d+(\.\d+)?/g)?.map(Number) ?? [];
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      };
      // The chart's paper is its first child (chart-theme.ts, frameChart).
      const onPage = await chart.evaluate((svg) => ({
        paper: getComputedStyle(svg.querySelector(":scope > rect") ?? svg).fill,
        title: getComputedStyle(svg.querySelector(":scope > text") ?? svg).fill,
      }));
      expect(luminance(onPage.paper)).toBeLessThan(0.15);
      expect(luminance(onPage.title)).toBeGreaterThan(0.75);
      await wb.page.screenshot({ path: `${screenshotDir}/exports-01-t21-dark.png` });
      // Saved alone, the chart is read on white: the light theme's paper and ink.
      const [download] = await Promise.all([wb.page.waitForEvent("download"), wrap.locator(".nb-export-svg").click()]);
      const file = await readFile(await download.path(), "utf8");
      // The chart carries no <style> of its own (svg-parts.ts): what the page's style sheet gives its
      // labels (white-space: pre) is written onto them in the file.
      expect(file).not.toContain("<style");
      expect(file).toMatch(/<text[^>]*style="[^"]*white-space:\s*pre/);
      const saved = await wb.page.evaluate((text) => {
        const svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
        const host = document.createElement("div");
        document.body.append(host);
        host.append(svg);
        const paper = svg.querySelector(":scope > rect");
        const title = svg.querySelector(":scope > text");
        return { paper: paper ? getComputedStyle(paper).fill : "", title: title ? getComputedStyle(title).fill : "", axis: getComputedStyle(svg.querySelector("svg text") ?? svg).fill };
      }, file);
      expect(luminance(saved.paper)).toBeGreaterThan(0.95);
      expect(luminance(saved.title)).toBeLessThan(0.25);
      expect(luminance(saved.axis)).toBeLessThan(0.25);
    } finally {
      await wb.page.emulateMedia({ colorScheme: "light" });
    }
  });
});

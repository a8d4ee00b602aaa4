/**
 * One language at a time, in Chromium against the built app. A browser whose language is Norwegian
 * opens 01-overview in norsk: the filter bar, the comparison tables' headers and the charts' axes
 * are Norwegian and no header is English. The header's switch turns all of them English without a
 * reload (only the cells whose output is in the language rerun), and back. The demo shows its
 * thousands as "4 445 329" / "4,445,329" in markdown (`fmt`), Inputs.table and Arquero tables,
 * and the choice is remembered across a reload.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { inNotebook, nb, norm, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

// navigator.languages starts with nb-NO: the app's first language is norsk.
const wb = useWorkbench({ context: { viewport: { width: 1400, height: 900 }, locale: "nb-NO" }, page: true });

/** Words the builtins write in each language: none of the other language's may appear in a header. */
const WORDS = {
  nb: ["Svar", "Trykt", "Beregnet", "Stemmer", "Totalt", "Antall", "Tabell", "Avviker", "Merknad", "Prosent", "Vet ikke"],
  en: ["Answer", "Printed", "Recomputed", "Agrees", "Total", "Count", "Table", "Differing", "Note", "Percent", "Don't know"],
} as const;

/** Wait until the notebook has settled after a change. */
async function settle(p: Page): Promise<void> {
  await p.evaluate(() => window.tverrsnitt?.idle());
}

/** Every table header cell, caption, filter summary and chart text of the open notebook, trimmed. */
function headers(p: Page): Promise<string[]> {
  return nb(p).locator("thead th, nb-filter-bar summary, .nb-output svg text").evaluateAll((els) => els.map((el) => (el.textContent ?? "").replace(/[\s\u00a0]+/g, " ").trim()).filter((t) => t !== ""));
}

/** The header texts of cell `id`'s first table. */
function tableHeader(p: Page, id: string): Promise<string[]> {
  return nb(p).locator(`#cell-${id} .nb-output table`).first().locator("thead th").evaluateAll((ths) => ths.map((th) => (th.textContent ?? "").trim()));
}

/** The chart texts (axis labels, legend) of cell `id`. */
function chartTexts(p: Page, id: string): Promise<string[]> {
  return nb(p).locator(`#cell-${id} .nb-output svg text`).evaluateAll((ts) => ts.map((t) => (t.textContent ?? "").trim()));
}

async function switchTo(p: Page, name: "norsk" | "English"): Promise<void> {
  await p.locator(`nb-locale-switch button:text-is("${name}")`).click();
  await expect.poll(async () => p.locator(`nb-locale-switch button:text-is("${name}")`).getAttribute("aria-pressed")).toBe("true");
}

describe("one language at a time", () => {
  it("opens in norsk for a Norwegian browser, switches 01 to English without a reload, and back", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/01-overview");
    await inNotebook(wb.page, (frame, timeout) => frame.waitForSelector("#cell-t21-table .nb-output table", { timeout }), 30_000);
    await settle(wb.page);
    expect(await wb.page.evaluate(() => document.documentElement.lang)).toBe("nb");
    expect(await wb.page.locator('nb-locale-switch button[aria-pressed="true"]').textContent()).toBe("norsk");
    expect(norm(await nb(wb.page).locator('nb-filter-bar details[data-group="fylke"] summary').textContent())).toBe("Fylke: alle");
    expect(await tableHeader(wb.page, "t21-table")).toEqual(["", "Svar", "Trykt", "Beregnet", "Stemmer"]);
    expect(await chartTexts(wb.page, "t21")).toContain("Prosent av gyldige svar");
    const nbHeaders = await headers(wb.page);
    expect(nbHeaders.filter((t) => (WORDS.en as readonly string[]).includes(t))).toEqual([]);
    const frameBefore = await nb(wb.page).locator("body").evaluate(() => window.name + String(performance.timeOrigin));

    await switchTo(wb.page, "English");
    await expect.poll(() => tableHeader(wb.page, "t21-table"), { timeout: 20_000 }).toEqual(["", "Answer", "Printed", "Recomputed", "Agrees"]);
    await settle(wb.page);
    expect(norm(await nb(wb.page).locator('nb-filter-bar details[data-group="fylke"] summary').textContent())).toBe("County: all");
    expect(norm(await nb(wb.page).locator('nb-filter-bar details[data-group="adopted"] summary').textContent())).toBe("Has adopted: all");
    expect(await chartTexts(wb.page, "t21")).toContain("Percent of valid answers");
    expect(await tableHeader(wb.page, "summary-table")).toEqual(["Table", "Figures compared", "Differing", "Note"]);
    const enHeaders = await headers(wb.page);
    expect(enHeaders.filter((t) => (WORDS.nb as readonly string[]).includes(t))).toEqual([]);
    // The same frame: the language switch reruns cells, it does not reload the notebook.
    expect(await nb(wb.page).locator("body").evaluate(() => window.name + String(performance.timeOrigin))).toBe(frameBefore);
    expect(await wb.page.evaluate(() => document.documentElement.lang)).toBe("en");

    await switchTo(wb.page, "norsk");
    await expect.poll(() => tableHeader(wb.page, "t21-table"), { timeout: 20_000 }).toEqual(["", "Svar", "Trykt", "Beregnet", "Stemmer"]);
    await settle(wb.page);
    expect(norm(await nb(wb.page).locator('nb-filter-bar details[data-group="fylke"] summary').textContent())).toBe("Fylke: alle");
    expect((await headers(wb.page)).filter((t) => (WORDS.en as readonly string[]).includes(t))).toEqual([]);
  }, 90_000);

  it("writes the demo's thousands in the language: markdown, Arquero and Inputs.table, and remembers the choice", async () => {
    await switchTo(wb.page, "English");
    await openApp(wb.page, wb.server.url, "#/nb/demo");
    await inNotebook(wb.page, (frame, timeout) => frame.waitForSelector("#cell-12 .nb-output table td", { timeout }), 30_000);
    await settle(wb.page);
    // 4,445,329 inhabitants in 435 municipalities on 1 January 1999 (SSB); Oslo 502,867; Østlandet 2,188,257.
    await expect.poll(async () => norm(await nb(wb.page).locator("#cell-9 .nb-output").textContent())).toContain("4,445,329");
    expect(norm(await nb(wb.page).locator("#cell-12 .nb-output").textContent())).toContain("502,867");
    expect(norm(await nb(wb.page).locator("#cell-11 .nb-output").textContent())).toContain("2,188,257");

    // Remembered: a reload opens in English; then norsk again, live.
    await wb.page.reload();
    await wb.page.waitForSelector("nb-app .nb-header");
    await inNotebook(wb.page, (frame, timeout) => frame.waitForSelector("#cell-12 .nb-output table td", { timeout }), 30_000);
    expect(await wb.page.locator('nb-locale-switch button[aria-pressed="true"]').textContent()).toBe("English");
    await switchTo(wb.page, "norsk");
    await expect.poll(async () => (await nb(wb.page).locator("#cell-9 .nb-output").textContent()) ?? "").toContain("4\u00a0445\u00a0329");
    // The Arquero table and Inputs.table follow the switch at once, drawn again without a rerun of their cells.
    await expect.poll(async () => norm(await nb(wb.page).locator("#cell-11 .nb-output").textContent())).toContain("2 188 257");
    await expect.poll(async () => norm(await nb(wb.page).locator("#cell-12 .nb-output").textContent())).toContain("502 867");
    expect(norm(await nb(wb.page).locator("#cell-11 .nb-output .nb-table-caption").textContent())).toMatch(/^\d+ rader × \d+ kolonner/);
    await switchTo(wb.page, "English");
    await expect.poll(async () => norm(await nb(wb.page).locator("#cell-12 .nb-output").textContent())).toContain("502,867");
    expect(norm(await nb(wb.page).locator("#cell-11 .nb-output").textContent())).toContain("2,188,257");
  }, 90_000);
});

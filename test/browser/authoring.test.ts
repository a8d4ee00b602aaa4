/**
 * Writing an analysis without reading the source, in Chromium against the built app:
 * - the BMS-by-size-class crosstab (row %, χ²) made through the codebook browser and the
 *   Insert-analysis dialog only — no code typed — and the produced table's counts and row
 *   percentages are `stats.crosstab`'s, computed here in Node over the same bundled survey;
 * - the editor offers `crosstab` with its signature after `stats.`, `q20` with its label inside a
 *   string argument, and hovering a name shows its current value;
 * - screenshots of every panel narrow, wide and dark (test-output/screenshots/authoring-*).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createAnalysisBuiltins } from "../../src/analysis/builtins";
import { serveDist, type RunningServer } from "./static-server";
import { launchChromium, nb, openApp, screenshotDir, waitForOutput } from "./browser-helpers";
import { nodeHost, nodeScope } from "../unit/notebooks/headless-survey";

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serveDist();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The body rows of the table in a cell's output, as cell texts. */
async function tableRows(p: Page, cellId: string): Promise<string[][]> {
  return nb(p)
    .locator(`#cell-${cellId} .nb-output table tbody tr`)
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? "").trim())));
}

describe("authoring without code", () => {
  it("makes the BMS × size-class crosstab (row %, χ²) through the codebook and the dialog; its numbers are stats.crosstab's", async () => {
    await openApp(page, server.url, "#/nb/demo");
    // 1. A blank notebook (shell toolbar).
    await page.click("nb-toolbar button:text('New')");
    await nb(page).locator("#cell-2").waitFor();
    // 2. Codebook.
    await nb(page).locator("nb-authoring-bar .nb-authoring-codebook").click();
    // 3. Search the codebook by label (words, not code).
    await nb(page).locator("nb-codebook-panel .nb-panel-search").fill("målstyring");
    // 4. Pick q20.
    await nb(page).locator("nb-codebook-panel li[data-variable=q20]").click();
    await expect.poll(() => nb(page).locator("nb-codebook-panel .nb-cb-details h3").innerText()).toContain("Balansert målstyring");
    await nb(page).locator("nb-codebook-panel .nb-cb-drawn").filter({ hasNotText: "…" }).waitFor();
    // 5. Crosstab… opens the dialog with q20 across the top.
    await nb(page).locator("nb-codebook-panel .nb-cb-crosstab").click();
    const dialog = nb(page).locator("nb-analysis-dialog");
    expect(await dialog.locator("select[name=column]").inputValue()).toBe("q20");
    // 6. Rows: size class. 7. Row percentages (checked by default; say so).
    await dialog.locator("select[name=row]").selectOption("size_class");
    await dialog.locator("input[name=percent-row]").check();
    await expect.poll(() => dialog.locator(".nb-dlg-preview").innerText()).toContain('tables.crosstab(selection, "size_class", "q20", {percent: "row"})');
    await page.screenshot({ path: `${screenshotDir}/authoring-dialog-wide.png` });
    // 8. Insert.
    await dialog.locator(".nb-dlg-insert").click();
    // The heading is cell 3, the table cell 4, the chart cell 5.
    await waitForOutput(page, "4", /Pearson χ²\(15\)/, 30_000);
    const rows = await tableRows(page, "4");

    const host = nodeHost();
    const survey = await nodeScope(host).survey();
    const ct = createAnalysisBuiltins(host).stats.crosstab(survey, "size_class", "q20");
    let compared = 0;
    ct.rows.forEach((category, i) => {
      const at = rows.findIndex((r) => r[0] === category.label && r[1] === "Count");
      expect(at, category.label).toBeGreaterThanOrEqual(0);
      expect(rows[at + 1]?.[1]).toBe("Row %");
      ct.columns.forEach((_, j) => {
        const cell = ct.cells[i]?.[j];
        expect(rows[at]?.[2 + j], `${category.label} count ${j}`).toBe(String(cell?.count));
        expect(rows[at + 1]?.[2 + j], `${category.label} row % ${j}`).toBe(`${(cell?.rowPercent ?? Number.NaN).toFixed(1).replace(".", ",")} %`);
        compared += 2;
      });
    });
    expect(compared).toBe(ct.rows.length * ct.columns.length * 2);
    const output = await nb(page).locator("#cell-4 .nb-output").innerText();
    expect(output).toContain(`Pearson χ²(${ct.tests.pearson.df}) = ${ct.tests.pearson.value?.toFixed(2)}`);
    expect(output).toContain(`Cramér's V = ${ct.measures.cramersV?.toFixed(3)}`);
    await nb(page).locator("#cell-5 .nb-output svg").first().waitFor();
  }, 120_000);

  it("offers stats.crosstab with its signature, q20 with its label inside a string, and a name's value on hover", async () => {
    const editor = nb(page).locator("#cell-2 .nb-editor");
    await editor.click();
    await nb(page).locator("#cell-2 .cm-content:focus").waitFor();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("stats.");
    const list = nb(page).locator(".cm-tooltip-autocomplete");
    const crosstab = list.locator("li", { has: page.locator(".cm-completionLabel", { hasText: /^crosstab$/ }) });
    await crosstab.waitFor({ timeout: 10_000 });
    expect(await crosstab.locator(".cm-completionDetail").innerText()).toBe("(data, rowVariable, columnVariable, options?)");
    await page.keyboard.type('crosstab(selection, "size_class", "q2');
    const q20 = list.locator("li", { has: page.locator(".cm-completionLabel", { hasText: /^q20$/ }) });
    await q20.waitFor({ timeout: 10_000 });
    expect(await q20.innerText()).toMatch(/q20\s*— Balansert målstyring/);
    await nb(page).locator("#cell-2").screenshot({ path: `${screenshotDir}/authoring-completions.png` });
    await page.keyboard.press("Escape");

    // Hover: a name the notebook defines shows its current value.
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("const answer = 6 * 7");
    await page.keyboard.press("Shift+Enter");
    await nb(page).locator("#cell-2 .nb-cell-actions button[title='Add JavaScript cell below']").click();
    const added = nb(page).locator("nb-cell article").nth(2);
    const id = await added.getAttribute("data-cell-id");
    await nb(page).locator(`#cell-${id} .cm-content:focus`).waitFor();
    await page.keyboard.type("answer + 1");
    const word = nb(page).locator(`#cell-${id} .cm-line`);
    const box = await word.boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.move((box?.x ?? 0) + 12, (box?.y ?? 0) + (box?.height ?? 0) / 2);
    const hover = nb(page).locator(".cm-tooltip .nb-hover");
    await hover.waitFor({ timeout: 10_000 });
    expect(await hover.innerText()).toMatch(/answer\s*42/);
  }, 60_000);

  it("shows every panel narrow, wide and dark", async () => {
    for (const [name, width, dark] of [["wide", 1400, false], ["narrow", 400, false], ["dark", 1400, true]] as const) {
      await page.emulateMedia({ colorScheme: dark ? "dark" : "light" });
      await page.setViewportSize({ width, height: 900 });
      for (const tab of ["insert", "codebook", "data", "reference"] as const) {
        await nb(page).locator(`nb-authoring-panel .nb-authoring-tab[data-tab=${tab}]`).click();
        if (tab === "reference") await nb(page).locator("nb-reference-panel .nb-ref-entry").first().waitFor();
        if (tab === "data") await nb(page).locator("nb-data-viewer .nb-dv-table tbody tr").first().waitFor();
        await page.screenshot({ path: `${screenshotDir}/authoring-${tab}-${name}.png` });
      }
    }
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1400, height: 900 });
  }, 60_000);
});

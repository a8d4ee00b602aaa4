/**
 * Writing an analysis without reading the source, in Chromium against the built app:
 * - the BMS-by-size-class crosstab (row %, χ²) made through the codebook browser and the
 *   Insert-analysis dialog only — no code typed — and the produced table's counts and row
 *   percentages are `stats.crosstab`'s, computed here in Node over the same bundled survey;
 * - the editor offers `crosstab` with its signature after `stats.`, `q20` with its label inside a
 *   string argument, and hovering a name shows its current value;
 * - screenshots of every panel narrow, wide and dark (test-output/screenshots/authoring-*).
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createAnalysisBuiltins } from "../../src/analysis/builtins";
import { nb, openApp, screenshotDir, typeIntoCell, waitForOutput } from "./browser-helpers";
import { nodeHost, nodeScope } from "../unit/notebooks/headless-survey";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1400, height: 900 } }, page: true });

/** The body rows of the table in a cell's output, as the figures they print. */
async function tableRows(p: Page, cellId: string): Promise<string[][]> {
  return nb(p)
    .locator(`#cell-${cellId} .nb-output table tbody tr`)
    // Each figure without its evidence marker (the P/D/R/Y letter and range beside it, evidence-marker.ts).
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => [...c.childNodes].filter((n) => !(n instanceof Element && n.classList.contains("tv-ev"))).map((n) => n.textContent ?? "").join("").trim())));
}

describe("authoring without code", () => {
  it("makes the BMS × size-class crosstab (row %, χ²) through the codebook and the dialog; its numbers are stats.crosstab's", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/demo");
    // Each user action is one step: a click, a selection, words typed into a search box (never code).
    let steps = 0;
    const step = async (action: Promise<unknown>): Promise<void> => {
      await action;
      steps++;
    };
    const started = Date.now();
    await step(wb.page.click("nb-toolbar button:text('New')")); // a blank notebook (shell toolbar)
    await nb(wb.page).locator("#cell-2").waitFor();
    await step(nb(wb.page).locator("nb-authoring-bar .nb-authoring-codebook").click());
    await step(nb(wb.page).locator("nb-codebook-panel .nb-panel-search").fill("målstyring")); // search by label
    await step(nb(wb.page).locator("nb-codebook-panel li[data-variable=q20]").click());
    await expect.poll(() => nb(wb.page).locator("nb-codebook-panel .nb-cb-details h3").innerText()).toContain("Balansert målstyring");
    await nb(wb.page).locator("nb-codebook-panel .nb-cb-drawn").filter({ hasNotText: "…" }).waitFor();
    await step(nb(wb.page).locator("nb-codebook-panel .nb-cb-crosstab").click()); // the dialog, q20 across the top
    const dialog = nb(wb.page).locator("nb-analysis-dialog");
    expect(await dialog.locator("select[name=column]").inputValue()).toBe("q20");
    await step(dialog.locator("select[name=row]").selectOption("size_class")); // rows: size class
    await dialog.locator("input[name=percent-row]").check(); // row % is ticked by default: no step
    await step(dialog.locator("input[name=liveLine]").check()); // χ² and V as live numbers in a text line
    await expect.poll(() => dialog.locator(".nb-dlg-preview").innerText()).toContain('tables.crosstab(selection, "size_class", "q20", {percent: "row"})');
    await wb.page.screenshot({ path: `${screenshotDir}/authoring-dialog-wide.png` });
    await step(dialog.locator(".nb-dlg-insert").click());
    // Cells: heading 3, table 4, chart 5, the named result 6, the live line 7.
    await waitForOutput(wb.page, "4", /Pearson χ²\(15\)/, 30_000);
    await waitForOutput(wb.page, "7", /Cramér.s V = 0\.\d{3}/, 30_000);
    await nb(wb.page).locator("#cell-5 .nb-output svg").first().waitFor();
    // The filter bar (with its county select) comes with the first cell that reads the selection.
    await nb(wb.page).locator("nb-filter-bar input[name=fylke]").first().waitFor({ state: "attached" });
    console.log(`crosstab task through the UI: ${steps} steps, ${Date.now() - started} ms scripted (table, chart, live line, filter bar on screen)`);
    expect(steps).toBeLessThanOrEqual(8);
    const rows = await tableRows(wb.page, "4");

    const host = nodeHost();
    const survey = await nodeScope(host).survey();
    // The browser is English: labels and numbers as the English tables write them.
    const ct = createAnalysisBuiltins(host).stats.crosstab(survey, "size_class", "q20", { language: "en" });
    let compared = 0;
    ct.rows.forEach((category, i) => {
      const at = rows.findIndex((r) => r[0] === category.label && r[1] === "Count");
      expect(at, category.label).toBeGreaterThanOrEqual(0);
      expect(rows[at + 1]?.[1]).toBe("Row %");
      ct.columns.forEach((_, j) => {
        const cell = ct.cells[i]?.[j];
        expect(rows[at]?.[2 + j], `${category.label} count ${j}`).toBe(String(cell?.count));
        expect(rows[at + 1]?.[2 + j], `${category.label} row % ${j}`).toBe(`${(cell?.rowPercent ?? Number.NaN).toFixed(1)}%`);
        compared += 2;
      });
    });
    expect(compared).toBe(ct.rows.length * ct.columns.length * 2);
    // Off screen a cell's rendering is skipped (content-visibility), and innerText reads rendered text.
    await nb(wb.page).locator("#cell-4").scrollIntoViewIfNeeded();
    await expect.poll(() => nb(wb.page).locator("#cell-4 .nb-output").innerText()).toContain("Pearson χ²");
    const output = await nb(wb.page).locator("#cell-4 .nb-output").innerText();
    expect(output).toContain(`Pearson χ²(${ct.tests.pearson.df}) = ${ct.tests.pearson.value?.toFixed(2)}`);
    expect(output).toContain(`Cramér's V = ${ct.measures.cramersV?.toFixed(3)}`);
    await nb(wb.page).locator("#cell-7").scrollIntoViewIfNeeded();
    // Rendering resumes at the next frame after the scroll: wait for it.
    await expect.poll(() => nb(wb.page).locator("#cell-7 .nb-output").innerText()).toContain(`Pearson χ²(${ct.tests.pearson.df}) = ${ct.tests.pearson.value?.toFixed(2)}`);
  }, 120_000);

  it("offers stats.crosstab with its signature, q20 with its label inside a string, and a name's value on hover", async () => {
    const editor = nb(wb.page).locator("#cell-2 .nb-editor");
    await editor.click();
    await nb(wb.page).locator("#cell-2 .cm-content:focus").waitFor();
    await wb.page.keyboard.press("Control+A");
    await wb.page.keyboard.press("Backspace");
    await wb.page.keyboard.type("stats.");
    const list = nb(wb.page).locator(".cm-tooltip-autocomplete");
    const crosstab = list.locator("li", { has: wb.page.locator(".cm-completionLabel", { hasText: /^crosstab$/ }) });
    await crosstab.waitFor({ timeout: 10_000 });
    expect(await crosstab.locator(".cm-completionDetail").innerText()).toBe("(data, rowVariable, columnVariable, options?)");
    await wb.page.keyboard.type('crosstab(selection, "size_class", "q2');
    const q20 = list.locator("li", { has: wb.page.locator(".cm-completionLabel", { hasText: /^q20$/ }) });
    await q20.waitFor({ timeout: 10_000 });
    // The codebook's label in the app's language (the browser's: English here, norsk in a Norwegian one).
    const english = (await wb.page.evaluate(() => document.documentElement.lang)) === "en";
    expect(await q20.innerText()).toMatch(english ? /q20\s*— Balanced scorecard/ : /q20\s*— Balansert målstyring/);
    await wb.page.screenshot({ path: `${screenshotDir}/authoring-completions.png` });
    // Escape closes the list and leaves the editor in edit mode (command mode's Escape waits for it).
    await wb.page.keyboard.press("Escape");
    await list.waitFor({ state: "detached" });
    await nb(wb.page).locator("#cell-2 .cm-content:focus").waitFor();

    // Hover: a name the notebook defines shows its current value.
    await wb.page.keyboard.press("Control+A");
    await wb.page.keyboard.insertText("const answer = 6 * 7");
    await wb.page.keyboard.press("Shift+Enter");
    await nb(wb.page).locator("#cell-2 .nb-cell-actions button[title='Add JavaScript cell below']").click();
    const added = nb(wb.page).locator("nb-cell article").nth(2);
    const id = await added.getAttribute("data-cell-id");
    await nb(wb.page).locator(`#cell-${id} .cm-content:focus`).waitFor();
    await wb.page.keyboard.type("answer + 1");
    const word = nb(wb.page).locator(`#cell-${id} .cm-line`);
    const hover = nb(wb.page).locator(".cm-tooltip .nb-hover");
    // The value is there once cell 2 has run, and the line moves down when the outputs above it are
    // drawn: hover again, as a reader would, until it shows (one hover under load showed nothing in
    // 10 s: it came before the value, or where the word no longer was).
    await expect
      .poll(
        async () => {
          const box = await word.boundingBox();
          if (!box) return false;
          await wb.page.mouse.move(box.x + box.width - 4, box.y + box.height / 2); // past the line's end: no word
          await wb.page.mouse.move(box.x + 12, box.y + box.height / 2);
          return hover.waitFor({ timeout: 2_000 }).then(
            () => true,
            () => false,
          );
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(await hover.innerText()).toMatch(/answer\s*42/);
  }, 60_000);

  it("opens the reference at the builtin a wrong call names", async () => {
    const id = await nb(wb.page).locator("nb-cell article").nth(2).getAttribute("data-cell-id");
    await nb(wb.page).locator(`#cell-${id} .nb-editor`).click();
    await wb.page.keyboard.press("Control+A");
    await wb.page.keyboard.insertText('stats.crosstab(selection, "size_class")');
    await wb.page.keyboard.press("Shift+Enter");
    await nb(wb.page).locator(`#cell-${id} .nb-error .nb-ref-link`).click();
    const entry = nb(wb.page).locator("nb-reference-panel article[data-name='stats.crosstab']");
    await entry.locator(".nb-ref-example").waitFor();
    expect(await entry.locator(".nb-ref-signature").innerText()).toBe("stats.crosstab(data, rowVariable, columnVariable, options?)");
    expect(await entry.locator(".nb-ref-options").first().innerText()).toContain("allCodes");
    // Its example inserts as a cell that runs.
    const before = await nb(wb.page).locator("nb-cell article").count();
    await entry.locator(".nb-ref-example button").click();
    const inserted = nb(wb.page).locator("nb-cell article").nth(before);
    const insertedId = await inserted.getAttribute("data-cell-id");
    await waitForOutput(wb.page, insertedId ?? "", /Pearson χ²\(15\)/, 30_000);
  }, 60_000);

  it("inserts a variable's name from the codebook at the cursor of the cell being edited", async () => {
    const id = await nb(wb.page).locator("nb-cell article").nth(2).getAttribute("data-cell-id");
    // Typed once the click has opened and focused the cell's editor: keys sent before went elsewhere,
    // and the name was inserted into the cell's old text (1 of 3 suite runs under load).
    await typeIntoCell(wb.page, id ?? "", "stats.frequencies(selection, ");
    await nb(wb.page).locator("nb-authoring-panel .nb-authoring-tab[data-tab=codebook]").click();
    await nb(wb.page).locator("nb-codebook-panel .nb-panel-search").fill("Rogaland");
    await nb(wb.page).locator("nb-codebook-panel li[data-variable=fylke]").click();
    await nb(wb.page).locator("nb-codebook-panel button:text('Insert name')").click();
    await expect.poll(() => nb(wb.page).locator(`#cell-${id} .cm-content`).innerText()).toBe('stats.frequencies(selection, "fylke"');
  }, 60_000);

  it("shows every panel narrow, wide and dark", async () => {
    for (const [name, width, dark] of [["wide", 1400, false], ["narrow", 400, false], ["dark", 1400, true]] as const) {
      await wb.page.emulateMedia({ colorScheme: dark ? "dark" : "light" });
      await wb.page.setViewportSize({ width, height: 900 });
      for (const tab of ["insert", "codebook", "data", "reference"] as const) {
        await nb(wb.page).locator(`nb-authoring-panel .nb-authoring-tab[data-tab=${tab}]`).click();
        if (tab === "reference") await nb(wb.page).locator("nb-reference-panel .nb-ref-entry").first().waitFor();
        if (tab === "data") await nb(wb.page).locator("nb-data-viewer .nb-dv-table tbody tr").first().waitFor();
        await wb.page.screenshot({ path: `${screenshotDir}/authoring-${tab}-${name}.png` });
      }
    }
    await wb.page.emulateMedia({ colorScheme: "light" });
    await wb.page.setViewportSize({ width: 1400, height: 900 });
  }, 60_000);
});

/**
 * Notebook editing in Chromium against the built app: adding, running, moving and deleting cells,
 * the uses/used-by display, revert to the shipped version, export and import, and the
 * reconstructed-data notice.
 */
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { unwrap } from "../../src/base/result";
import { encodeShare } from "../../src/notebook/share-codec";
import { inNotebook, nb, openApp, outputText, screenshotDir, toolbarAction, typeIntoCell, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1280, height: 860 }, acceptDownloads: true }, page: true });

beforeAll(async () => {
  wb.page.on("dialog", (dialog) => void dialog.accept());
});

/** Ids of the cells on screen, in order. */
async function cellIds(p: Page): Promise<string[]> {
  return nb(p).locator("nb-cell article").evaluateAll((els) => els.map((el) => el.getAttribute("data-cell-id") ?? ""));
}

describe("editing notebooks in Chromium", () => {
  it("a new notebook: add cells, run them, see uses/used by, move and delete", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/demo");
    await wb.page.click("nb-toolbar button:text('New')");
    await wb.page.waitForSelector(".nb-list li.is-current >> text=Untitled notebook");
    await waitForOutput(wb.page, "2", "2");
    expect(await cellIds(wb.page)).toEqual(["1", "2"]);

    await typeIntoCell(wb.page, "2", "const a = 2");
    await wb.page.keyboard.press("Shift+Enter");
    await nb(wb.page).locator(".nb-add-row button:text('+ JavaScript cell')").click();
    await nb(wb.page).locator("#cell-3 .cm-content").waitFor();
    await typeIntoCell(wb.page, "3", "a * 3");
    await wb.page.keyboard.press("Shift+Enter");
    await waitForOutput(wb.page, "3", "6");
    expect(await nb(wb.page).locator("#cell-3 .nb-deps").textContent()).toMatch(/uses\s*a/);
    expect(await nb(wb.page).locator("#cell-2 .nb-deps").textContent()).toMatch(/used by\s*cell 3/);

    await nb(wb.page).locator("#cell-3").hover();
    await nb(wb.page).locator("#cell-3 button[title='Move up']").click();
    expect(await cellIds(wb.page)).toEqual(["1", "3", "2"]);
    expect(await outputText(wb.page, "3")).toBe("6");

    await nb(wb.page).locator("#cell-2").hover();
    await nb(wb.page).locator("#cell-2 button[title='Delete cell']").click();
    expect(await cellIds(wb.page)).toEqual(["1", "3"]);
    await nb(wb.page).locator("#cell-3 .nb-error").waitFor();
    expect(await nb(wb.page).locator("#cell-3 .nb-error").textContent()).toMatch(/\ba\b.*not defined/);
    expect(await nb(wb.page).locator("#cell-3 .nb-value").count()).toBe(0);
    await wb.page.screenshot({ path: `${screenshotDir}/new-notebook-error.png` });
  });

  it("revert to shipped version discards local edits of a bundled notebook", async () => {
    await wb.page.goto(`${wb.server.url}#/nb/demo`);
    await waitForOutput(wb.page, "9", "189 of them");
    await typeIntoCell(wb.page, "5", "const grense = 1");
    await wb.page.keyboard.press("Shift+Enter");
    await waitForOutput(wb.page, "9", "435 of them");
    await toolbarAction(wb.page, "nb-revert");
    await waitForOutput(wb.page, "9", "189 of them");
    expect(await nb(wb.page).locator("#cell-5 .nb-editor").textContent()).toContain("5000");
    await wb.page.reload();
    await waitForOutput(wb.page, "9", "189 of them");
  });

  it("exports the notebook file and imports it back as a local copy, in preview until run", async () => {
    await wb.page.goto(`${wb.server.url}#/nb/demo`);
    await waitForOutput(wb.page, "9", "municipalities");
    const [download] = await Promise.all([wb.page.waitForEvent("download"), toolbarAction(wb.page, "nb-export")]);
    expect(download.suggestedFilename()).toBe("kommuner-i-1999-demo.html");
    const path = await download.path();
    const text = await readFile(path, "utf8");
    expect(text).toContain("<notebook");
    // JavaScript cells are written pinned, as Notebook Kit writes them (so Kit shows their code).
    expect(text).toContain('<script id="6" type="module" pinned="">');

    const [chooser] = await Promise.all([wb.page.waitForEvent("filechooser"), toolbarAction(wb.page, "nb-import")]);
    await chooser.setFiles(path);
    // A notebook file may be anybody's code: it opens in preview, like a link, and runs on consent.
    await wb.page.waitForSelector(".nb-preview-bar >> text=Preview of the notebook file");
    expect(await nb(wb.page).locator("#cell-9 .nb-status").textContent()).toBe("not run");
    await wb.page.click(".nb-consent");
    await wb.page.waitForSelector(".nb-list li.is-current .nb-list-origin:text('imported')");
    await waitForOutput(wb.page, "9", "435 municipalities");
  });

  it("offers CSV for a table output and SVG/PNG for a chart output", async () => {
    // A hash-only navigation would keep the previous test's notebook (same cells) on screen while
    // the demo renders; start from a blank page so every element waited for is the demo's own.
    await wb.page.goto("about:blank");
    await wb.page.goto(`${wb.server.url}#/nb/demo`);
    await waitForOutput(wb.page, "9", "municipalities");
    await nb(wb.page).locator("#cell-10 nb-export-menu .nb-export-svg").waitFor();
    expect(await nb(wb.page).locator("#cell-10 nb-export-menu button").allTextContents()).toEqual(["SVG", "PNG"]);
    // Downloads start inside the sandboxed frame (allow-downloads).
    const [svgDownload] = await Promise.all([wb.page.waitForEvent("download"), nb(wb.page).locator("#cell-10 .nb-export-svg").click()]);
    expect(await readFile(await svgDownload.path(), "utf8")).toMatch(/^<\?xml|<svg/);
    const [pngDownload] = await Promise.all([wb.page.waitForEvent("download"), nb(wb.page).locator("#cell-10 .nb-export-png").click()]);
    expect((await readFile(await pngDownload.path())).subarray(1, 4).toString("latin1")).toBe("PNG");
    const [csvDownload] = await Promise.all([wb.page.waitForEvent("download"), nb(wb.page).locator("#cell-11 .nb-export-csv").click()]);
    const csv = (await readFile(await csvDownload.path(), "utf8")).replace(/^\uFEFF/, "");
    expect(csv.split(/\r?\n/)[0]).toBe("landsdel,kommuner,innbyggere");
    expect(csv).toContain("Nord-Norge,89,462808");
  });

  it("exports a rendered HTML table (printed vs recomputed Tabell 2.1) as CSV, with numbers", async () => {
    await wb.page.goto("about:blank");
    await wb.page.goto(`${wb.server.url}#/nb/01-overview`);
    await nb(wb.page).locator("#cell-t21-table nb-export-menu .nb-export-csv").waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([wb.page.waitForEvent("download"), nb(wb.page).locator("#cell-t21-table .nb-export-csv").click()]);
    const lines = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "").split(/\r?\n/);
    // Named numeric columns (test/browser/exports.test.ts checks them in full); the first figure of
    // Tabell 2.1 as printed: 6 % (16 of 253).
    expect(lines[0]).toContain("printed_percent,printed_count");
    expect(lines.some((line) => line.includes("Serviceerklæringer") && line.includes("Har allerede innført,1,6,16,"))).toBe(true);
  });

  it("sanitizes markdown output: no script, no event handler attributes reach the page", async () => {
    const payload = unwrap(await encodeShare({
      doc: {
        title: "Markdown",
        cells: [{ id: "1", kind: "md", source: '# Hei\n\n<img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 2</script><a href="javascript:alert(1)">lenke</a>' }],
      },
      inputs: {},
    }));
    await wb.page.goto(`${wb.server.url}#share=${payload}`);
    await wb.page.click(".nb-consent");
    await waitForOutput(wb.page, "1", "Hei");
    expect(await nb(wb.page).locator("#cell-1 .nb-output script").count()).toBe(0);
    expect(await nb(wb.page).locator("#cell-1 .nb-output [onerror]").count()).toBe(0);
    expect(await nb(wb.page).locator("#cell-1 .nb-output a").getAttribute("href")).toBeNull();
    expect(await inNotebook(wb.page, (frame) => frame.evaluate(() => Reflect.get(window, "__pwned")))).toBeUndefined();
    expect(await wb.page.evaluate(() => Reflect.get(window, "__pwned"))).toBeUndefined();
  });

  it("shows the reconstructed-data notice for notebooks that use the 1999 survey", async () => {
    const demoNotice = wb.page.locator(".nb-notice");
    expect(await demoNotice.isVisible()).toBe(false);
    const payload = unwrap(await encodeShare({
      doc: { title: "Survey", cells: [{ id: "1", kind: "js", source: 'const rows = await FileAttachment("survey-1999/respondents.csv").csv()' }] },
      inputs: {},
    }));
    await wb.page.goto(`${wb.server.url}#share=${payload}`);
    // Naming the file is not reading it: the notice follows what the notebook reads once it runs.
    await wb.page.waitForSelector(".nb-preview-bar");
    expect(await wb.page.locator(".nb-notice").isVisible()).toBe(false);
    await wb.page.click(".nb-consent");
    await wb.page.waitForSelector(".nb-notice:visible");
    expect(await wb.page.locator(".nb-notice").textContent()).toContain("reconstruction from published aggregates");
  });
  it("a rerun shows its outputs as they come, keeps the last run's others until then, and ends with only its own", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/demo");
    await wb.page.click("nb-toolbar button:text('New')");
    await wb.page.waitForSelector(".nb-list li.is-current >> text=Untitled notebook");
    await waitForOutput(wb.page, "2", "2");
    await typeIntoCell(wb.page, "2", "display(html`<p class=o>a1</p>`); display(html`<p class=o>b1</p>`); display(html`<p class=o>c1</p>`)");
    await wb.page.keyboard.press("Shift+Enter");
    await waitForOutput(wb.page, "2", "a1b1c1");
    // The next run shows its first output, waits, then its second: meanwhile the rest of the last run stays.
    await typeIntoCell(wb.page, "2", "display(html`<p class=o>a2</p>`); await new Promise((r) => setTimeout(r, 1500)); display(html`<p class=o>b2</p>`)");
    await wb.page.keyboard.press("Shift+Enter");
    await waitForOutput(wb.page, "2", "a2b1c1");
    // Its end leaves only what it displayed (c1 was not redrawn).
    await waitForOutput(wb.page, "2", /^a2b2$/);
    expect(await nb(wb.page).locator("#cell-2 .nb-output p.o").count()).toBe(2);
  });
});

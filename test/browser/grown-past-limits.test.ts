/**
 * A notebook the user grows past what the app keeps edits of (`NOTEBOOK_LIMITS`) in the app: a
 * giant text pasted into a cell and run. Import refuses such a file, but an edit that grows an open
 * notebook past the limits was reported by the frame in a message the shell's caps dropped: the
 * status kept saying "Saved in this browser", nothing was stored, and a reload lost the edit
 * without a word (stop 32). Now the user is told what limit, how far over and what to do; the
 * status says the notebook is not saved; the version stored before stays.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { NOTEBOOK_LIMITS } from "../../src/notebook/notebook-size";
import { nb, norm, openApp, storedNotebooks, typeIntoCell, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1400, height: 900 }, locale: "en-GB" }, page: true });

/** Comment lines of 64 characters (with the line break): a cell text of `chars` characters that runs. */
const LINE = `// ${"x".repeat(60)}\n`;

/** Paste `lines` of {@link LINE} into cell `cellId`'s editor, as a user's Ctrl-V does (CodeMirror reads the paste event). */
async function pasteInto(page: Page, cellId: string, lines: number): Promise<void> {
  await nb(page).locator(`#cell-${cellId} .nb-editor`).click();
  const content = nb(page).locator(`#cell-${cellId} .cm-content:focus`);
  await content.waitFor();
  await page.keyboard.press("Control+A");
  await content.evaluate(
    (el, { line, count }) => {
      const data = new DataTransfer();
      data.setData("text/plain", line.repeat(count));
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { line: LINE, count: lines },
  );
}

/** The save status's class and words. */
async function saveStatus(page: Page): Promise<{ state: string; words: string }> {
  const status = page.locator(".nb-save-status").first();
  const state = /is-([a-z-]+)/.exec((await status.getAttribute("class")) ?? "")?.[1] ?? "";
  return { state, words: norm(await status.textContent()) };
}

describe("a notebook grown past the limits in the app", () => {
  it("says what limit, how far over and the fix; never says Saved; the version stored before stays and a reload shows it", async () => {
    const page = wb.page;
    await openApp(page, wb.server.url, "#/nb/demo");
    await waitForOutput(page, "9", "435");
    await typeIntoCell(page, "5", "const grense = 100000");
    await page.keyboard.press("Shift+Enter");
    await expect.poll(() => storedNotebooks(page), { timeout: 20_000 }).toContain("const grense = 100000");
    await expect.poll(async () => (await saveStatus(page)).state, { timeout: 20_000 }).toBe("saved");

    // 160,000 lines: 10,240,000 characters in one cell, past the 10 million a notebook may hold.
    const lines = 160_000;
    await pasteInto(page, "8", lines);
    await page.keyboard.press("Shift+Enter");
    // Not "Saved" (main's build kept saying "Saved in this browser" here, and stored nothing).
    await expect.poll(async () => (await saveStatus(page)).state, { timeout: 60_000 }).toBe("too-large");
    expect((await saveStatus(page)).words).toContain("Not saved — notebook too large");
    // Marked as a warning, as "Not saved — kept in memory" is.
    expect(await page.locator(".nb-save-status").first().evaluate((el) => getComputedStyle(el).fontWeight)).toBe("600");
    const banner = page.locator(".nb-banner.is-error");
    const said = norm(await banner.first().textContent());
    expect(said).toMatch(/grown past what this browser can save/);
    expect(said).toContain("10,000,000 characters");
    expect(said).toContain("5,000 cells");
    // How far over: the pasted text less the cell's old source, plus the notebook's other text.
    expect(said).toMatch(/[\d,]+ characters too many/);
    expect(said).toMatch(/Export/);
    // Still so once every save under way has answered: a save that lands later does not say "Saved".
    await page.evaluate(() => window.tverrsnitt?.idle());
    expect((await saveStatus(page)).state).toBe("too-large");

    // Nothing stored is lost: the version before the paste is what the browser keeps, and a reload shows it.
    const stored = await storedNotebooks(page);
    expect(stored).toContain("const grense = 100000");
    expect(stored).not.toContain(LINE.trim());
    await page.reload();
    await waitForOutput(page, "9", "435");
    expect(norm(await nb(page).locator("#cell-5 .nb-editor").textContent())).toContain("const grense = 100000");
    expect(NOTEBOOK_LIMITS.chars).toBeLessThan(lines * LINE.length);
  }, 180_000);
});

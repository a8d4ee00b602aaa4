/**
 * Attacks on local storage as a careless user meets them: the saved working copy of a bundled
 * notebook that this version cannot read (written by another version, or damaged), and the same
 * notebook edited in two tabs. What was typed must not vanish without a word.
 */
import { describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { openApp, storedNotebooks, typeIntoCell, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

/** Put one record into the app's store under `key`, as the app writes it. */
function seed(page: Page, key: string, record: unknown): Promise<void> {
  return page.evaluate(
    ([k, r]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("tverrsnitt");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("notebooks", "readwrite");
          tx.objectStore("notebooks").put(r, k);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, record] as const,
  );
}

describe("a saved working copy this version cannot read", () => {
  it("is not overwritten by the first edit of the shipped notebook, and the user is told", async () => {
    const context = await wb.browser.newContext();
    const page = await context.newPage();
    await openApp(page, wb.server.url, "#/nb/demo");
    await waitForOutput(page, "9", "435 municipalities");
    // Hours of work in the working copy, and one cell of a kind this version does not know.
    const mark = "MY-AFTERNOON-OF-WORK";
    await seed(page, "bundled:demo", {
      key: "bundled:demo", origin: { kind: "bundled", name: "demo" }, drafts: {}, inputs: {}, updatedAt: Date.now(),
      doc: { title: "Kommuner i 1999 — demo", cells: [{ id: "1", kind: "md", source: `# ${mark}` }, { id: "2", kind: "future-kind", source: "x" }] },
    });
    await page.reload();
    await waitForOutput(page, "9", "435 municipalities");
    // The user is told that the saved copy could not be opened.
    await page.locator(".nb-banner").filter({ hasText: /saved|lagr/i }).first().waitFor({ timeout: 10_000 });
    // One edit later (autosaved), the work is still in storage.
    await typeIntoCell(page, "5", "const grense = 100000");
    await page.keyboard.press("Shift+Enter");
    await waitForOutput(page, "9", "5 of them have at least");
    await expect.poll(() => storedNotebooks(page), { timeout: 10_000 }).toContain("const grense = 100000");
    expect(await storedNotebooks(page)).toContain(mark);
    await context.close();
  });
});

describe("one notebook edited in two tabs", () => {
  /**
   * Two tabs of one browser open the shipped demo; the first tab's edit is saved, then the second
   * tab, which still shows the notebook as it opened, edits another cell.
   */
  async function twoTabsEditing(): Promise<{ context: BrowserContext; first: Page; second: Page }> {
    const context = await wb.browser.newContext();
    const first = await context.newPage();
    const second = await context.newPage();
    for (const page of [first, second]) {
      await openApp(page, wb.server.url, "#/nb/demo");
      await waitForOutput(page, "9", "435 municipalities");
    }
    await typeIntoCell(first, "5", "const grense = 100000");
    await first.keyboard.press("Shift+Enter");
    await waitForOutput(first, "9", "5 of them have at least");
    await expect.poll(() => storedNotebooks(first), { timeout: 10_000 }).toContain("const grense = 100000");
    await typeIntoCell(second, "8", "const store = 77");
    await second.keyboard.press("Shift+Enter");
    await waitForOutput(second, "9", "77 of them");
    return { context, first, second };
  }

  it("keeps both tabs' edits: the second save does not silently overwrite the first", async () => {
    const { context, first, second } = await twoTabsEditing();
    await expect.poll(() => storedNotebooks(second), { timeout: 10_000 }).toContain("const store = 77");
    // Both edits are still in storage, and the second tab's user was told where theirs went.
    expect(await storedNotebooks(second)).toContain("const grense = 100000");
    await second.locator(".nb-banner").filter({ hasText: /tab|fane/i }).first().waitFor({ timeout: 10_000 });
    // Each tab goes on saving where its work is: the first into the notebook, the second into its copy.
    await typeIntoCell(first, "5", "const grense = 200000");
    await first.keyboard.press("Shift+Enter");
    await waitForOutput(first, "9", "of them have at least 200");
    await typeIntoCell(second, "8", "const store = 78");
    await second.keyboard.press("Shift+Enter");
    await waitForOutput(second, "9", "78 of them");
    await expect.poll(() => storedNotebooks(first), { timeout: 10_000 }).toContain("const grense = 200000");
    await expect.poll(() => storedNotebooks(second), { timeout: 10_000 }).toContain("const store = 78");
    expect(await first.locator(".nb-banner").filter({ hasText: /tab|fane/i }).count()).toBe(0);
    await context.close();
  });

  it("opens the copy in the tab whose edits went there: its address names the copy, and a reload shows that tab's work", async () => {
    const { context, first, second } = await twoTabsEditing();
    await second.locator(".nb-banner").filter({ hasText: /tab|fane/i }).first().waitFor({ timeout: 10_000 });
    // The second tab now has the copy open: its address is the copy's, not the shipped notebook's.
    await expect.poll(() => second.evaluate(() => location.hash), { timeout: 10_000 }).toMatch(/^#\/local\//);
    await second.reload();
    await waitForOutput(second, "9", "77 of them");
    // Editing on after the reload saves into the copy; the first tab's version stays as it was.
    await typeIntoCell(second, "8", "const store = 78");
    await second.keyboard.press("Shift+Enter");
    await waitForOutput(second, "9", "78 of them");
    await expect.poll(() => storedNotebooks(second), { timeout: 10_000 }).toContain("const store = 78");
    expect(await storedNotebooks(second)).toContain("const grense = 100000");
    // The first tab keeps the shipped notebook's address.
    expect(await first.evaluate(() => location.hash)).toMatch(/^#\/nb\/demo/);
    await context.close();
  });
});

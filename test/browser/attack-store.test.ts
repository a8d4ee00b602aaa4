/**
 * Attacks on local storage as a careless user meets them: the saved working copy of a bundled
 * notebook that this version cannot read (written by another version, or damaged), and the same
 * notebook edited in two tabs. What was typed must not vanish without a word.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openApp, typeIntoCell, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

/** Every record in the app's IndexedDB store, as JSON text (the page's own origin). */
function storedText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((done) => {
        const open = indexedDB.open("tverrsnitt");
        open.onsuccess = () => {
          const read = open.result.transaction("notebooks").objectStore("notebooks").getAll();
          read.onsuccess = () => done(JSON.stringify(read.result));
          read.onerror = () => done("unreadable");
        };
        open.onerror = () => done("no database");
      }),
  );
}

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
    await waitForOutput(page, "9", "435 kommuner");
    // Hours of work in the working copy, and one cell of a kind this version does not know.
    const mark = "MY-AFTERNOON-OF-WORK";
    await seed(page, "bundled:demo", {
      key: "bundled:demo", origin: { kind: "bundled", name: "demo" }, drafts: {}, inputs: {}, updatedAt: Date.now(),
      doc: { title: "Kommuner i 1999 — demo", cells: [{ id: "1", kind: "md", source: `# ${mark}` }, { id: "2", kind: "future-kind", source: "x" }] },
    });
    await page.reload();
    await waitForOutput(page, "9", "435 kommuner");
    // The user is told that the saved copy could not be opened.
    await page.locator(".nb-banner").filter({ hasText: /saved|lagr/i }).first().waitFor({ timeout: 10_000 });
    // One edit later (autosaved), the work is still in storage.
    await typeIntoCell(page, "5", "const grense = 100000");
    await page.keyboard.press("Shift+Enter");
    await waitForOutput(page, "9", "5 av dem har minst");
    await expect.poll(() => storedText(page), { timeout: 10_000 }).toContain("const grense = 100000");
    expect(await storedText(page)).toContain(mark);
    await context.close();
  });
});

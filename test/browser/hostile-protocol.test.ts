/**
 * A shared notebook, once run, can take the frame's end of the channel to the shell (it runs in the
 * same realm as the frame's own code: wrapping MessagePort.prototype.postMessage hands it the port
 * at the next heartbeat answer) and post whatever it likes. Every message is checked
 * (protocol.ts); these tests are about how many: a flood must not take the shell down, and one
 * click in the notebook must not buy it a folder of downloads.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DOWNLOAD_EVERY_MS } from "../../src/app/sandbox/download-gate";
import { PAUSE_FLOODED } from "../../src/app/sandbox/message-budget";
import { messages, say } from "../../src/base/locale/locale";
import { pauseSelfEdited } from "../../src/app/sandbox/self-edit-gate";
import { shellEn } from "../../src/base/locale/shell-messages";
import { unwrap } from "../../src/base/result";
import type { NotebookDoc } from "../../src/notebook/document";
import { encodeShare } from "../../src/notebook/share-codec";
import { inNotebook, nb, norm, openApp, screenshotDir, typeIntoCell, waitWithoutGesture } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ popupBlocker: true });

/** A cell that resolves with the frame's port to the shell, taken the next time the frame posts on it. */
const TAKE_PORT = `const port = await new Promise((resolve) => {
  const post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (...args) { MessagePort.prototype.postMessage = post; resolve(this); return post.apply(this, args); };
})`;

function hostile(attack: string): NotebookDoc {
  return { title: "Invoice", cells: [{ id: "take", kind: "js", source: TAKE_PORT }, { id: "attack", kind: "js", source: attack }] };
}

/** Open the demo, then the hostile link in the same page, and run it. */
async function runShared(page: Page, doc: NotebookDoc): Promise<void> {
  await openApp(page, wb.server.url, "#/nb/demo");
  await page.goto(`${wb.server.url}#share=${unwrap(await encodeShare({ doc, inputs: {} }))}`);
  await page.waitForSelector(".nb-preview-bar");
  await page.click(".nb-consent");
}

/** Ticks of a 10 ms timer in the shell page over `ms`: ~ms/10 when it is responsive. */
function shellTicks(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (span) =>
      new Promise<number>((resolve) => {
        let ticks = 0;
        const timer = setInterval(() => ticks++, 10);
        setTimeout(() => {
          clearInterval(timer);
          resolve(ticks);
        }, span);
      }),
    ms,
  );
}

describe("a hostile notebook that takes the frame's channel", () => {
  it("is stopped when it floods the page with messages, and the page stays responsive", async () => {
    const context = await wb.browser.newContext();
    const page = await context.newPage();
    // 6,000 messages per task, every task: the shell had 1 timer tick in 3 s, then the tab crashed.
    const flood = `(() => { const p = port; setInterval(() => { for (let i = 0; i < 3000; i++) { p.postMessage({type: "status", running: [{id: "x", names: ["a"]}], busy: i % 2 === 0, current: null}); p.postMessage({type: "reads", names: ["survey"]}); } }, 0); return "flooding"; })()`;
    await runShared(page, hostile(flood));
    const paused = page.locator(".nb-paused-bar");
    await paused.waitFor({ timeout: 20_000 });
    expect(norm(await paused.textContent())).toContain(norm(say(PAUSE_FLOODED, messages.en)));
    expect(await shellTicks(page, 2000)).toBeGreaterThan(100);
    // The notebook reopened without running: its attack cell has not run again.
    // Reopened without running: the attack cell shows no output (it said "armed" when it ran).
    expect(norm(await nb(page).locator("#cell-attack .nb-output").textContent())).toBe("");
    await page.evaluate(() => (location.hash = "#/nb/demo"));
    // Another notebook opens at once.
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>("input.nb-title")?.value.includes("demo") ?? false, undefined, { timeout: 15_000 });
    expect(await page.locator(".nb-paused-bar").count()).toBe(0);
    await context.close();
  });

  it("gets at most one file per two seconds out of one click, whatever it asks for", async () => {
    const context = await wb.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const downloads: string[] = [];
    page.on("download", (download) => downloads.push(download.suggestedFilename()));
    // After any click in the notebook the page has user activation for ~5 s: ask for a file every 50 ms.
    // Once it has asked 100 times (past the click's activation) it says so on the console: heard,
    // not looked for in the page, whose every look through Playwright would activate it again.
    const saves = `(() => { const p = port; let n = 0; document.addEventListener("pointerdown", () => { const t = setInterval(() => { p.postMessage({type: "save"}); p.postMessage({type: "exportReport"}); if (++n > 100) { clearInterval(t); console.log("asked 100 times"); } }, 50); }, {capture: true}); return "armed"; })()`;
    await runShared(page, hostile(saves));
    await nb(page).locator("#cell-attack .nb-output", { hasText: "armed" }).waitFor({ timeout: 20_000 });
    const askedAll = page.waitForEvent("console", { predicate: (message) => message.text() === "asked 100 times", timeout: 30_000 });
    await nb(page).locator("#cell-attack").click();
    await askedAll;
    // A wish let through waits at most DOWNLOAD_EVERY_MS for its turn: a bounded wait, on purpose,
    // for a file that must not come (a report takes a moment more to write).
    await page.waitForTimeout(DOWNLOAD_EVERY_MS + 500);
    // Before: 50 downloads of the notebook and 3 reports in those seconds.
    expect(downloads.length).toBeGreaterThanOrEqual(1);
    expect(downloads.length).toBeLessThanOrEqual(4);
    await context.close();
  });

  it("cannot make a click on the notebook land on a shell control under the frame by saying a file is dragged", async () => {
    const context = await wb.browser.newContext({ viewport: { width: 1200, height: 800 } });
    const page = await context.newPage();
    // Before: each "drag" let pointer events through the frame for 1.5 s, so this click went to the shell.
    // It counts its drags on the page, so each click below comes after a fresh one.
    const drag = `(() => { const p = port; let n = 0; setInterval(() => { p.postMessage({type: "drag"}); document.body.dataset.drags = String(++n); }, 100); return "dragging"; })()`;
    await runShared(page, hostile(drag));
    await nb(page).locator("#cell-attack .nb-output", { hasText: "dragging" }).waitFor({ timeout: 20_000 });
    // A shell control placed under the frame (a layout could put one there).
    await page.evaluate(() => {
      const frame = document.querySelector<HTMLElement>("iframe.nb-frame:not([hidden])");
      const slot = frame?.parentElement;
      if (!frame || !slot) throw new Error("no frame");
      Object.assign(frame.style, { position: "relative", zIndex: "1" });
      const button = document.createElement("button");
      button.id = "under-frame";
      button.textContent = "Delete all notebooks";
      Object.assign(button.style, { position: "absolute", inset: "0", zIndex: "0" });
      button.addEventListener("click", () => (button.dataset.clicks = String(Number(button.dataset.clicks ?? 0) + 1)));
      slot.append(button);
    });
    const box = await page.locator("iframe.nb-frame:not([hidden])").boundingBox();
    if (!box) throw new Error("no frame box");
    let drags = 0;
    for (let i = 0; i < 5; i++) {
      await inNotebook(page, (f, timeout) => f.waitForFunction((seen) => Number(document.body.dataset.drags ?? 0) > seen, drags, { timeout }));
      drags = await inNotebook(page, (f) => f.evaluate(() => Number(document.body.dataset.drags ?? 0)));
      await page.mouse.click(box.x + box.width / 2, box.y + box.height - 40);
    }
    expect(await page.locator("#under-frame").getAttribute("data-clicks")).toBeNull();
    await context.close();
  });

  it("cannot rewrite its own cells once run: the code agreed to is kept and shown again, paused", async () => {
    const context = await wb.browser.newContext();
    const page = await context.newPage();
    // Wait out the transient activation of the "Run this notebook" click (5 s in Chromium), then
    // replace its cells with harmless-looking ones.
    const rewrite = `(() => { const p = port; setTimeout(() => p.postMessage({type: "cells", cells: [{id: "take", kind: "md", source: "# Invoice"}], history: null}), 8000); return "armed"; })()`;
    await runShared(page, hostile(rewrite));
    await nb(page).locator("#cell-attack .nb-output", { hasText: "armed" }).waitFor({ timeout: 20_000 });
    // Look without touching: Playwright evaluates with a user gesture, which would activate the page.
    await waitWithoutGesture(page, `document.querySelector(".nb-paused-bar") !== null`, 30_000);
    const paused = page.locator(".nb-paused-bar");
    expect(norm(await paused.textContent())).toContain(norm(say(pauseSelfEdited(2), messages.en)));
    await page.screenshot({ path: `${screenshotDir}/self-edit-paused.png` });
    // The notebook shows the code the reader agreed to run, and that is what is kept.
    await nb(page).locator("#cell-attack").waitFor({ timeout: 20_000 });
    expect(await nb(page).locator("#cell-take").count()).toBe(1);
    // Reopened without running: the attack cell shows no output (it said "armed" when it ran).
    expect(norm(await nb(page).locator("#cell-attack .nb-output").textContent())).toBe("");
    await context.close();
  });

  it("cannot rewrite its own cells on the reader's next click: the change waits for Keep in the shell, and Undo restores the code agreed to", async () => {
    const context = await wb.browser.newContext();
    const page = await context.newPage();
    // Wait for the reader's next click anywhere in the notebook, then rewrite itself within the
    // ~5 s of user activation that click gives the shell's page. Before: the shell took it as the
    // reader's edit and saved it; reopened, the notebook showed only "# Invoice".
    const rewrite = `(() => { const p = port; document.addEventListener("pointerdown", () => setTimeout(() => p.postMessage({type: "cells", cells: [{id: "take", kind: "md", source: "# Invoice"}], history: null}), 200), {capture: true, once: true}); return "armed"; })()`;
    await runShared(page, hostile(rewrite));
    await nb(page).locator("#cell-attack .nb-output", { hasText: "armed" }).waitFor({ timeout: 20_000 });
    // No need to wait out the activation "Run this notebook" gave: the click below gives the page
    // activation anyway, and it is the click the notebook waits for.
    await nb(page).locator("#cell-attack .nb-output").click();
    const held = page.locator(".nb-held-bar");
    await held.waitFor({ timeout: 10_000 });
    // Cell 1 changed (the code that took the port is now "# Invoice") and cell 2 is gone.
    expect(norm(await held.textContent())).toContain(norm(shellEn.heldChange(false, [1], 1)));
    await page.screenshot({ path: `${screenshotDir}/self-edit-held.png` });
    // What is kept is still the code agreed to: reopened (the route names the kept copy), both cells are there.
    const route = page.url();
    await page.goto("about:blank");
    await page.goto(route);
    await nb(page).locator("#cell-attack").waitFor({ timeout: 20_000 });
    expect(await nb(page).locator("#cell-take h1").count()).toBe(0);
    expect(await page.locator(".nb-held-bar").count()).toBe(0);
    // Held again on the next click; "Undo changes" reopens the notebook from the code agreed to.
    await nb(page).locator("#cell-attack .nb-output", { hasText: "armed" }).waitFor({ timeout: 20_000 });
    await nb(page).locator("#cell-attack .nb-output").click();
    await held.waitFor({ timeout: 10_000 });
    await page.click(".nb-undo-changes");
    await nb(page).locator("#cell-attack .nb-output", { hasText: "armed" }).waitFor({ timeout: 20_000 });
    expect(await nb(page).locator("#cell-take h1").count()).toBe(0);
    expect(await page.locator(".nb-held-bar").count()).toBe(0);
    await context.close();
  });

  it("keeps the reader's own edit of a shared notebook once the reader chooses Keep changes in the shell", async () => {
    const context = await wb.browser.newContext();
    const page = await context.newPage();
    await runShared(page, { title: "Plain", cells: [{ id: "a", kind: "js", source: "const a = 20" }, { id: "b", kind: "js", source: "a + 1" }] });
    await nb(page).locator("#cell-b .nb-output", { hasText: "21" }).waitFor({ timeout: 20_000 });
    await typeIntoCell(page, "b", "a * 2");
    await page.keyboard.press("Shift+Enter");
    await nb(page).locator("#cell-b .nb-output", { hasText: "40" }).waitFor({ timeout: 20_000 });
    const held = page.locator(".nb-held-bar");
    await held.waitFor({ timeout: 10_000 });
    expect(norm(await held.textContent())).toContain(norm(shellEn.heldChange(false, [2], 0)));
    await page.click(".nb-keep-changes");
    await expect.poll(() => held.count()).toBe(0);
    const route = page.url();
    // Keep scheduled a save (the bar shows it pending): reopen once it is written.
    await page.locator(".nb-save-status.is-saved").waitFor();
    await page.goto("about:blank");
    await page.goto(route);
    await nb(page).locator("#cell-b .nb-output", { hasText: "40" }).waitFor({ timeout: 20_000 });
    await context.close();
  });
});

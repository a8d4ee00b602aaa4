/**
 * A shared notebook, once run, can take the frame's end of the channel to the shell (it runs in the
 * same realm as the frame's own code: wrapping MessagePort.prototype.postMessage hands it the port
 * at the next heartbeat answer) and post whatever it likes. Every message is checked
 * (protocol.ts); these tests are about how many: a flood must not take the shell down, and one
 * click in the notebook must not buy it a folder of downloads.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { PAUSE_FLOODED } from "../../src/app/sandbox/message-budget";
import { unwrap } from "../../src/base/result";
import type { NotebookDoc } from "../../src/notebook/document";
import { encodeShare } from "../../src/notebook/share-codec";
import { serveDist, type RunningServer } from "./static-server";
import { launchChromium, nb, norm, openApp } from "./browser-helpers";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDist();
  browser = await launchChromium({ popupBlocker: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

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
  await openApp(page, server.url, "#/nb/demo");
  await page.goto(`${server.url}#share=${unwrap(await encodeShare({ doc, inputs: {} }))}`);
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
    const context = await browser.newContext();
    const page = await context.newPage();
    // 6,000 messages per task, every task: the shell had 1 timer tick in 3 s, then the tab crashed.
    const flood = `(() => { const p = port; setInterval(() => { for (let i = 0; i < 3000; i++) { p.postMessage({type: "status", running: [{id: "x", names: ["a"]}], busy: i % 2 === 0, current: null}); p.postMessage({type: "reads", names: ["survey"]}); } }, 0); return "flooding"; })()`;
    await runShared(page, hostile(flood));
    const paused = page.locator(".nb-paused-bar");
    await paused.waitFor({ timeout: 20_000 });
    expect(norm(await paused.textContent())).toContain(norm(PAUSE_FLOODED));
    expect(await shellTicks(page, 2000)).toBeGreaterThan(100);
    // The notebook reopened without running: its attack cell has not run again.
    expect(norm(await nb(page).locator("#cell-attack .nb-status").textContent())).not.toMatch(/ms|running/);
    await page.evaluate(() => (location.hash = "#/nb/demo"));
    // Another notebook opens at once.
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>("input.nb-title")?.value.includes("demo") ?? false, undefined, { timeout: 15_000 });
    expect(await page.locator(".nb-paused-bar").count()).toBe(0);
    await context.close();
  });

  it("gets at most one file per two seconds out of one click, whatever it asks for", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const downloads: string[] = [];
    page.on("download", (download) => downloads.push(download.suggestedFilename()));
    // After any click in the notebook the page has user activation for ~5 s: ask for a file every 50 ms.
    const saves = `(() => { const p = port; let n = 0; document.addEventListener("pointerdown", () => { const t = setInterval(() => { p.postMessage({type: "save"}); p.postMessage({type: "exportReport"}); if (++n > 100) clearInterval(t); }, 50); }, {capture: true}); return "armed"; })()`;
    await runShared(page, hostile(saves));
    await nb(page).locator("#cell-attack .nb-output", { hasText: "armed" }).waitFor({ timeout: 20_000 });
    await nb(page).locator("#cell-attack").click();
    await page.waitForTimeout(6500);
    // Before: 50 downloads of the notebook and 3 reports in those seconds.
    expect(downloads.length).toBeGreaterThanOrEqual(1);
    expect(downloads.length).toBeLessThanOrEqual(4);
    await context.close();
  });
});

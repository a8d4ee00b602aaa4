/**
 * A shipped notebook opens from the build's compiled cells (scripts/precompile/), without the cell
 * compiler; editing one of its cells loads the compiler then, and the edited cell runs — or shows
 * its syntax error with the message that says where. Chromium against the built app.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { serveDist, type RunningServer } from "./static-server";
import { launchChromium, nb, openApp, screenshotDir, typeIntoCell, waitForOutput } from "./browser-helpers";

let server: RunningServer;
let browser: Browser;
let page: Page;
const scripts: string[] = [];

beforeAll(async () => {
  server = await serveDist();
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  page.on("request", (request) => {
    const name = /\/assets\/([^/]+\.js)$/.exec(request.url())?.[1];
    if (name) scripts.push(name);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const loaded = (prefix: string): boolean => scripts.some((name) => name.startsWith(prefix));

describe("shipped notebooks open from the build's compiled cells", () => {
  it("opens 01 without the cell compiler; an edited cell loads it, shows its syntax error, then runs", async () => {
    await openApp(page, server.url, "#/nb/01-overview");
    await waitForOutput(page, "t22", /\d/, 30_000);
    await nb(page).locator("nb-notebook").evaluate(() => window.tverrsnitt?.idle());
    expect(loaded("_virtual_shipped-cells-")).toBe(true);
    expect(loaded("compile-source-")).toBe(false);

    await typeIntoCell(page, "t22", "const t22 = (6 *\ndisplay(t22)");
    await page.keyboard.press("Shift+Enter");
    const error = nb(page).locator("#cell-t22 .nb-error");
    await error.waitFor({ timeout: 15_000 });
    expect(await error.textContent()).toMatch(/Syntax error at line 2, column \d+: Unexpected token/);
    expect(loaded("compile-source-")).toBe(true);

    await typeIntoCell(page, "t22", "const t22 = 6 * 7;\ndisplay(t22)");
    await page.keyboard.press("Shift+Enter");
    await waitForOutput(page, "t22", "42");
    expect(await nb(page).locator("#cell-t22 .nb-error").count()).toBe(0);
    await page.screenshot({ path: `${screenshotDir}/precompiled-edited-cell.png` });
  });
});

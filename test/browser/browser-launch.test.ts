/**
 * How every test and benchmark launches Chromium (browser-helpers.ts, `launchChromium`): without the
 * address bar's WebUI popups, which headless Chromium otherwise builds in every fresh profile while
 * the page under test loads (issue 12: a few hundred ms inside each timed cold start), and without
 * losing a feature Playwright turns off (Chromium keeps only the last `--disable-features`).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { launchChromium } from "./browser-helpers";

/** The WebUI popup targets of the address bar the browser has made so far. */
async function omniboxPopups(browser: Browser): Promise<string[]> {
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send("Target.getTargets");
  await session.detach();
  return targetInfos.map((t) => t.url).filter((url) => url.startsWith("chrome://omnibox-popup"));
}

/** Waits up to `ms` for the browser to make an address-bar popup; the popups seen. */
async function popupsWithin(browser: Browser, ms: number): Promise<string[]> {
  const until = Date.now() + ms;
  for (;;) {
    const popups = await omniboxPopups(browser);
    if (popups.length > 0 || Date.now() > until) return popups;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("launchChromium", () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("keeps every feature Playwright turns off, and turns off the address bar's popups", async () => {
    if (!browser) throw new Error("no browser");
    // chrome://version shows the browser's command line (CDP's Browser.getBrowserCommandLine needs --enable-automation).
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("chrome://version");
    const commandLine = ((await page.textContent("#command_line")) ?? "").split(/\s+/);
    await context.close();
    const lists = commandLine.filter((arg) => arg.startsWith("--disable-features=")).map((arg) => arg.slice("--disable-features=".length).split(","));
    // Playwright's own list comes first; Chromium reads only the last one.
    expect(lists.length).toBeGreaterThanOrEqual(2);
    const effective = new Set(lists.at(-1));
    for (const feature of lists.slice(0, -1).flat()) expect(effective, feature).toContain(feature);
    for (const feature of ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup", "PaintHolding"]) expect(effective, feature).toContain(feature);
  });

  it("a fresh profile's first page makes no address-bar popup (a browser launched with Playwright's switches alone does)", async () => {
    if (!browser) throw new Error("no browser");
    // The check can see a popup: the same Chromium with Playwright's defaults makes one.
    const plain = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    let seenAfter: number;
    try {
      const started = Date.now();
      const page = await (await plain.newContext()).newPage();
      await page.goto("data:text/html,<p>a page</p>");
      expect(await popupsWithin(plain, 10_000)).not.toEqual([]);
      seenAfter = Date.now() - started;
    } finally {
      await plain.close();
    }
    const page = await (await browser.newContext()).newPage();
    await page.goto("data:text/html,<p>a page</p>");
    // Twice as long as the plain browser took, and at least a second.
    expect(await popupsWithin(browser, Math.max(1000, 2 * seenAfter))).toEqual([]);
  });
});

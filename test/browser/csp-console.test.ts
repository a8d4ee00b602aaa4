/**
 * Issue 11 §1: `@observablehq/inputs` writes inline `on*` handlers into its templates, which the
 * CSP refuses, logging an error each time (8 on opening the demo, one per slider step), which would
 * hide a real violation. The handlers are admitted by their exact hashes (`'unsafe-hashes'`, never
 * `'unsafe-inline'` for scripts): opening the demo and moving its slider 20 steps logs no CSP error,
 * in the shell or in the notebook's frame.
 */
import { describe, expect, it } from "vitest";
import { openApp, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

describe("the console while the demo's inputs are used", () => {
  it("logs no Content Security Policy error on opening the demo and moving its slider 20 steps", async () => {
    const context = await wb.browser.newContext();
    const page = await context.newPage();
    const csp: string[] = [];
    // Console messages of the page and of every frame in it (the notebook's frame included).
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|apply|load)/i.test(m.text())) csp.push(m.text());
    });
    await openApp(page, wb.server.url, "#/nb/demo");
    await waitForOutput(page, "9", "municipalities");
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes("frame"));
    const slider = (frame ?? page.mainFrame()).locator('#cell-4 input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
    await waitForOutput(page, "9", "municipalities");
    await page.waitForTimeout(300);
    expect(await slider.inputValue()).toBe("2000");
    expect(csp).toEqual([]);
    await context.close();
  });
});

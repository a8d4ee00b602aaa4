/**
 * Notebook Kit's other cell modes in Chromium (issue 14, item 16): an html cell from a shared link
 * is rendered sanitised — its markup shown, its script, event handlers and javascript: links
 * dropped, nothing run in the frame or the shell — and a cell of a mode this app does not run (tex)
 * says so instead of failing with a syntax error. The unit tests (test/unit/runtime/cell-modes.test.ts)
 * hold the byte-for-byte round trip.
 */
import { describe, expect, it } from "vitest";
import { messages } from "../../src/base/locale/locale";
import { unwrap } from "../../src/base/result";
import { encodeShare } from "../../src/notebook/share-codec";
import { inNotebook, nb, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

describe("Notebook Kit's other cell modes", () => {
  it("renders an html cell sanitised and names a tex cell as not run here", async () => {
    const page = await wb.browser.newPage();
    const payload = unwrap(await encodeShare({
      doc: {
        title: "Kit modes",
        cells: [
          { id: "1", kind: "html", source: '<h2>Hei fra html</h2><img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 2</script><a href="javascript:window.__pwned = 3">lenke</a><p style="color: rgb(200, 0, 0)">farget</p>' },
          { id: "2", kind: "tex", source: "E = mc^2" },
        ],
      },
      inputs: {},
    }));
    await page.goto(`${wb.server.url}#share=${payload}`);
    await page.click(".nb-consent");
    await waitForOutput(page, "1", "Hei fra html");
    const out = nb(page).locator("#cell-1 .nb-output");
    expect(await out.locator("h2").textContent()).toBe("Hei fra html");
    expect(await out.locator("script").count()).toBe(0);
    expect(await out.locator("[onerror]").count()).toBe(0);
    expect(await out.locator("a").getAttribute("href")).toBeNull();
    await out.locator("a").click();
    expect(await inNotebook(page, (frame) => frame.evaluate(() => Reflect.get(window, "__pwned")))).toBeUndefined();
    expect(await page.evaluate(() => Reflect.get(window, "__pwned"))).toBeUndefined();
    // The tex cell: a plain note, no error box, its source kept.
    await waitForOutput(page, "2", "not supported here");
    expect(await nb(page).locator("#cell-2 .nb-output .nb-unsupported").count()).toBe(1);
    expect(await nb(page).locator("#cell-2 .nb-error").count()).toBe(0);
    // The note is in the app's language and follows the switch (issue 14, item 7).
    await page.locator(`nb-locale-switch button:text-is("${messages.nb.languageName}")`).click();
    await waitForOutput(page, "2", "støttes ikke her");
    expect(await nb(page).locator("#cell-2 .nb-unsupported").textContent()).toBe(messages.nb.unsupportedCell("TeX", "application/x-tex"));
    await page.close();
  }, 60_000);
});

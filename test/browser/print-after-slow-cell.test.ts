/**
 * Print after a cell that settles slowly (stop 30: 05's print view said "not finished running" in
 * 1 of 3 runs under load). The frame sends its report for Print once the notebook has been quiet
 * for a second, and hears that it is quiet from run-reporter.ts's `idle`; a cell whose run took
 * longer than a quick one's has its end told to the shell at once, and when such a cell was the
 * last to settle, `idle` never came, so no report was sent until something else ran. Here the last
 * cell to run is one whose value takes 300 ms to settle: nothing else runs after it.
 */
import { describe, expect, it } from "vitest";
import { openApp, typeIntoCell, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1400, height: 900 } }, page: true });

const SLOW_CELL = 'new Promise((resolve) => setTimeout(() => resolve("slow cell settled"), 300))';

/** Print, as a reader would (`beforeprint`), and read the print view's text. */
function printed(): Promise<string> {
  return wb.page.evaluate(() => {
    window.dispatchEvent(new Event("beforeprint"));
    return document.querySelector("nb-print-report")?.shadowRoot?.textContent ?? "";
  });
}

describe("Print after a slow cell", () => {
  it("shows the slow cell's value, the report sent once the notebook is quiet", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/demo");
    await wb.page.click(".nb-list .nb-new-survey");
    await waitForOutput(wb.page, "7", /Valid Percent/, 30_000);
    // The template's own quiet report first: its timer has fired, so only the edit's quiet sends the next.
    await expect.poll(() => printed(), { timeout: 30_000, interval: 200 }).toContain("Valid Percent");
    await typeIntoCell(wb.page, "7", SLOW_CELL);
    await wb.page.keyboard.press("Shift+Enter");
    await waitForOutput(wb.page, "7", "slow cell settled");
    // Print as a reader would, a few times (the report comes a second after the notebook is quiet).
    await expect.poll(() => printed(), { timeout: 10_000, interval: 200 }).toContain("slow cell settled");
  }, 90_000);
});

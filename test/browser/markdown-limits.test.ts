/**
 * A stranger's markdown nested past the limits (stop 30's attack: 800 list levels rendered for 21 s
 * with the page frozen, 5,000 block quotes overflowed marked's stack): once the reader agrees to
 * run it, each such cell says why it is not rendered, and the cell after them runs; in the
 * reader's language, following a switch.
 */
import { describe, expect, it } from "vitest";
import { unwrap } from "../../src/base/result";
import type { CellDoc } from "../../src/notebook/document";
import { encodeShare } from "../../src/notebook/share-codec";
import { nb, notebookFrame, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1400, height: 900 }, locale: "en-US" }, page: true });

/** A list nested `levels` deep, an item per line, each two spaces further in. */
const indentedList = (levels: number) => Array.from({ length: levels }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n");

describe("markdown nested past the limits in a shared notebook", () => {
  it("shows why each deep cell is not rendered, and the next cell runs", async () => {
    const cells: CellDoc[] = [
      { id: "1", kind: "md", source: indentedList(800) },
      { id: "2", kind: "md", source: ">".repeat(5000) + " deep" },
      { id: "3", kind: "md", source: "- ".repeat(800) + "x" },
      { id: "4", kind: "js", source: "`after ${6 * 7}`" },
    ];
    await wb.page.goto(`${wb.server.url}#share=${unwrap(await encodeShare({ doc: { title: "Deep", cells }, inputs: {} }))}`);
    await wb.page.waitForSelector(".nb-consent");
    await notebookFrame(wb.page);
    await wb.page.click(".nb-consent");
    await waitForOutput(wb.page, "4", "after 42", 60_000);
    await waitForOutput(wb.page, "1", "647,889 characters long", 30_000);
    await waitForOutput(wb.page, "2", "nests 5,000 levels of block quotes", 30_000);
    await waitForOutput(wb.page, "3", "nests 800 levels of lists at line 1; at most 32 levels are rendered. Flatten the list.", 30_000);
    // The message is the cell's error, drawn as one, not text rendered from the markdown.
    expect(await nb(wb.page).locator("#cell-2 .nb-error").count()).toBe(1);
    expect(await nb(wb.page).locator("#cell-2 blockquote").count()).toBe(0);
    expect(await nb(wb.page).locator("#cell-2 .nb-error strong").textContent()).toBe("Error");

    // In norsk the same errors read in norsk, reworded by the switch without a rerun.
    await wb.page.locator('nb-locale-switch button:text-is("norsk")').click();
    await waitForOutput(wb.page, "3", "Ikke vist: denne markdown-teksten har 800 nivåer lister inni hverandre på linje 1; høyst 32 nivåer vises. Gjør listen flatere.", 30_000);
    await waitForOutput(wb.page, "2", /har 5\s000 nivåer sitatblokker inni hverandre/u, 30_000);
    await waitForOutput(wb.page, "1", /er 647\s889 tegn lang; høyst 100\s000 vises i én celle/u, 30_000);
    expect(await nb(wb.page).locator("#cell-2 .nb-error strong").textContent()).toBe("Feil");
    expect(await nb(wb.page).locator("#cell-2 .nb-error").textContent()).not.toMatch(/Not rendered|levels|Error/);
  }, 120_000);
});

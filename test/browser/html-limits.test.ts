/**
 * A stranger's HTML nested past the limits (stop 32: an html cell of 19,000 nested divs held the
 * notebook's page for 5.8–7.2 s in DOMPurify's parse and layout): once the reader agrees to run it,
 * each such cell says why it is not rendered — an html cell, HTML written in markdown, and a code
 * cell's own `{kind: "markdown", html}` value, which only the page's drawing sees — and the cell
 * after them runs.
 */
import { describe, expect, it } from "vitest";
import { unwrap } from "../../src/base/result";
import type { CellDoc } from "../../src/notebook/document";
import { encodeShare } from "../../src/notebook/share-codec";
import { nb, notebookFrame, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1400, height: 900 }, locale: "en-US" }, page: true });

const divs = (n: number) => `${"<div>".repeat(n)}x${"</div>".repeat(n)}`;

describe("HTML nested past the limits in a shared notebook", () => {
  it("shows why each deep cell is not rendered, and the next cell runs", async () => {
    const cells: CellDoc[] = [
      { id: "1", kind: "html", source: divs(19_000) },
      { id: "2", kind: "html", source: `<p>Intro</p>\n${"<span>".repeat(2_000)}x` },
      { id: "3", kind: "md", source: `Some text.\n\n${Array.from({ length: 2_000 }, (_, k) => `<div><b class=c${k}></div>x`).join("")}` },
      { id: "4", kind: "js", source: `({ kind: "markdown", html: "<div>".repeat(8000) })` },
      { id: "5", kind: "html", source: `${divs(40)}<p>\${6 * 7} fits</p>` },
      { id: "6", kind: "js", source: "`after ${6 * 7}`" },
    ];
    await wb.page.goto(`${wb.server.url}#share=${unwrap(await encodeShare({ doc: { title: "Deep HTML", cells }, inputs: {} }))}`);
    await wb.page.waitForSelector(".nb-consent");
    await notebookFrame(wb.page);
    await wb.page.click(".nb-consent");
    await waitForOutput(wb.page, "6", "after 42", 60_000);
    await waitForOutput(wb.page, "1", "this HTML is 209,001 characters long; at most 100,000 are rendered in one cell", 30_000);
    await waitForOutput(wb.page, "2", "this HTML nests elements more than 256 levels deep at line 2; at most 256 levels are rendered", 30_000);
    await waitForOutput(wb.page, "3", "this markdown nests HTML elements more than 256 levels deep at line 3", 30_000);
    await waitForOutput(wb.page, "4", "this output nests elements more than 256 levels deep at line 1", 30_000);
    await waitForOutput(wb.page, "5", "42 fits", 30_000);
    // The cells' messages are their errors, drawn as such, and nothing of the deep HTML was drawn.
    expect(await nb(wb.page).locator("#cell-2 .nb-error").count()).toBe(1);
    expect(await nb(wb.page).locator("#cell-1 .nb-output div div").count()).toBe(0);
    expect(await nb(wb.page).locator("#cell-4 .nb-output .nb-markdown").count()).toBe(0);
    expect(await nb(wb.page).locator("#cell-5 .nb-markdown div").count()).toBe(40);
    // In norsk the html cells' messages are worded from their limits, without a rerun: the cell after them keeps its output.
    await wb.page.locator('nb-locale-switch button:text-is("norsk")').click();
    await waitForOutput(wb.page, "1", "denne HTML-teksten er 209 001 tegn lang; høyst 100 000 vises i én celle", 30_000);
    await waitForOutput(wb.page, "2", "denne HTML-teksten har elementer mer enn 256 nivåer inni hverandre på linje 2", 30_000);
    await waitForOutput(wb.page, "3", "denne markdown-teksten har HTML-elementer mer enn 256 nivåer", 30_000);
    expect(await nb(wb.page).locator("#cell-2 .nb-error").count()).toBe(1);
  }, 120_000);
});

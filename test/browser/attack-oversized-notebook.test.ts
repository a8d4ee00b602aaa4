/**
 * A notebook file past what the app keeps edits of (`NOTEBOOK_LIMITS`): the frame reports each
 * edit as the whole document and the shell refuses reports past the limits, so such a notebook ran,
 * said "Saved in this browser" after an edit, and a reload showed the file as imported (seen on
 * main's build in stop 31 with 5,001 cells). The way a file gets there without anyone writing 5,000
 * cells: bokmål texts (`<script lang="nb" for="…">`) beyond the first for a cell are ordinary cells,
 * so 10,000 of them are 10,000 cells. Import now refuses it, saying why and what to do.
 */
import { describe, expect, it } from "vitest";
import { messages } from "../../src/base/locale/locale";
import { unwrap } from "../../src/base/result";
import { parseNotebook } from "../../src/notebook/format";
import { NOTEBOOK_LIMITS, overNotebookLimits } from "../../src/notebook/notebook-size";
import { norm, openApp, toolbarAction } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1400, height: 900 }, locale: "en-GB" }, page: true });

/** One markdown cell followed by `count` bokmål texts for it. */
function manyVariants(count: number): string {
  const variant = `  <script type="text/markdown" lang="nb" for="intro">\n    Hei\n  </script>\n`;
  return `<!doctype html>\n<notebook>\n  <title>Mange</title>\n  <script id="intro" type="text/markdown">\n    Hello\n  </script>\n${variant.repeat(count)}</notebook>\n`;
}

describe("a notebook file with 10,000 bokmål texts for one cell", () => {
  it("is refused at import with its size and the fix, and the open notebook stays", async () => {
    const page = wb.page;
    const text = manyVariants(10_000);
    const over = overNotebookLimits(unwrap(parseNotebook(text)).doc.cells);
    expect(over?.cells).toBe(10_000);
    await openApp(page, wb.server.url, "#/nb/demo");
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>("input.nb-title")?.value.includes("demo") ?? false, undefined, { timeout: 15_000 });
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), toolbarAction(page, "nb-import")]);
    await chooser.setFiles({ name: "mange.html", mimeType: "text/html", buffer: Buffer.from(text) });
    // Either outcome shows at once: the refusal, or (before) the file's preview.
    await page.locator(".nb-banner.is-error, .nb-preview-bar").first().waitFor({ timeout: 30_000 });
    expect(await page.locator(".nb-preview-bar").count()).toBe(0);
    const said = messages.en.notebookTooLarge("mange.html", over?.cells ?? 0, over?.chars ?? 0, NOTEBOOK_LIMITS.cells, NOTEBOOK_LIMITS.chars);
    expect(norm(await page.locator(".nb-banner.is-error").textContent())).toContain(norm(said));
    expect(await page.locator("input.nb-title").inputValue()).toContain("demo");
  }, 90_000);
});

/**
 * A markdown cell's text in bokmål (CellDoc.variants), in Chromium against the built app: 02 in
 * norsk shows its bokmål intro, in English the English one, switched without a reload; 06's
 * interpolated headline is in the language too. A notebook without variants (the demo) shows its
 * one text in both languages. The editor shows the bokmål text under the source, an edit there shows
 * at once and survives a reload (autosave). A stranger's notebook whose bokmål text carries markup
 * gets it sanitised like any markdown: no handler, no script.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { unwrap } from "../../src/base/result";
import { encodeShare } from "../../src/notebook/share-codec";
import { inNotebook, nb, notebookFrame, openApp, outputText, storedNotebooks, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1400, height: 900 }, locale: "nb-NO" }, page: true });

/** The header's switch, then the shell's page in that language. */
async function switchTo(p: Page, name: "norsk" | "English"): Promise<void> {
  await p.locator(`nb-locale-switch button:text-is("${name}")`).click();
  await expect.poll(() => p.evaluate(() => document.documentElement.lang)).toBe(name === "norsk" ? "nb" : "en");
}

describe("markdown in the reader's language", () => {
  it("02 shows its bokmål intro in norsk and its English intro in English, no ids in either", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/02-six-models");
    await waitForOutput(wb.page, "intro", "For hver av de seks modellene", 30_000);
    const norsk = await outputText(wb.page, "intro");
    expect(norsk).toContain("Rapportens inkonsistenser");
    expect(norsk).not.toContain("For each of the six models");
    expect(norsk).not.toMatch(/results-base-exceeds-adopters|t24-totals-exceed-adopters/);
    await waitForOutput(wb.page, "h-exp", "forventninger innfridd");

    await switchTo(wb.page, "English");
    await waitForOutput(wb.page, "intro", "For each of the six models", 20_000);
    const english = await outputText(wb.page, "intro");
    expect(english).toContain("The report's inconsistencies");
    expect(english).not.toContain("For hver");
    expect(english).not.toMatch(/results-base-exceeds-adopters|t24-totals-exceed-adopters/);
    await switchTo(wb.page, "norsk");
    await waitForOutput(wb.page, "intro", "For hver av de seks modellene", 20_000);
  }, 90_000);

  it("06's interpolated headline runs in bokmål", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/06-thesis-crosswalk");
    await waitForOutput(wb.page, "h-table", /sammenligninger stemmer med oppgaven/, 90_000);
    expect(await outputText(wb.page, "intro")).toContain("Masteroppgaven fra 2016");
    expect(await outputText(wb.page, "h-table")).not.toContain("comparisons agree");
  }, 120_000);

  it("a notebook without variants shows its one text in both languages", async () => {
    const doc = { title: "One text", cells: [{ id: "1", kind: "md" as const, source: "# A tour\n\nA small tour of the workbench, in one language." }] };
    await wb.page.goto(`${wb.server.url}#share=${unwrap(await encodeShare({ doc, inputs: {} }))}`);
    await wb.page.click(".nb-consent");
    await waitForOutput(wb.page, "1", "A small tour of the workbench", 30_000);
    await switchTo(wb.page, "English");
    await waitForOutput(wb.page, "1", "A small tour of the workbench", 20_000);
    await switchTo(wb.page, "norsk");
    expect(await outputText(wb.page, "1")).toContain("A small tour of the workbench");
  }, 60_000);

  it("the editor shows the bokmål text under the source; an edit shows at once and survives a reload", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/02-six-models");
    await waitForOutput(wb.page, "intro", "For hver av de seks modellene", 30_000);
    await nb(wb.page).locator("#cell-intro .nb-cell-actions button").first().click();
    const field = nb(wb.page).locator('#cell-intro textarea.nb-variant-text[data-lang="nb"]');
    await expect.poll(() => field.inputValue()).toContain("For hver av de seks modellene");
    await field.fill("# De seks modellene\n\nEndret tekst på bokmål.");
    await field.blur();
    await waitForOutput(wb.page, "intro", "Endret tekst på bokmål.", 15_000);
    // Autosave: the working copy keeps the edited bokmål text (read in the store, not a fixed wait).
    await expect.poll(() => storedNotebooks(wb.page)).toContain("Endret tekst på bokmål.");
    await wb.page.reload();
    await wb.page.waitForSelector("nb-app .nb-header");
    await waitForOutput(wb.page, "intro", "Endret tekst på bokmål.", 30_000);
  }, 90_000);

  it("text typed in the bokmål field is kept after a pause in typing, without leaving the field", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/02-six-models");
    // The test before may have left its own bokmål text in the working copy: both begin with the heading.
    await waitForOutput(wb.page, "intro", "De seks modellene", 30_000);
    await nb(wb.page).locator("#cell-intro .nb-cell-actions button").first().click();
    const field = nb(wb.page).locator('#cell-intro textarea.nb-variant-text[data-lang="nb"]');
    await expect.poll(() => field.inputValue()).toContain("De seks modellene");
    await field.press("Control+End");
    await field.pressSequentially(" Skrevet uten å forlate feltet.");
    // Focus stays in the field: the pause alone commits the text, the cell shows it, autosave keeps it.
    await waitForOutput(wb.page, "intro", "Skrevet uten å forlate feltet.", 15_000);
    expect(await field.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    // In the store, not the status word: "saved" may still be the word from before the edit while
    // the frame's message of it is on its way to the shell.
    await expect.poll(() => storedNotebooks(wb.page)).toContain("Skrevet uten å forlate feltet.");
    await wb.page.reload();
    await wb.page.waitForSelector("nb-app .nb-header");
    await waitForOutput(wb.page, "intro", "Skrevet uten å forlate feltet.", 30_000);
  }, 90_000);

  it("a stranger's bokmål text with markup is sanitised like any markdown", async () => {
    const doc = {
      title: "Fremmed",
      cells: [
        { id: "1", kind: "md" as const, source: "# Stranger\n\nEnglish text.", variants: { nb: '# Fremmed\n\nNorsk tekst. <img src="x" onerror="document.title=\'PWNED\'"><script>document.title="PWNED"</script>' } },
      ],
    };
    await wb.page.goto(`${wb.server.url}#share=${unwrap(await encodeShare({ doc, inputs: {} }))}`);
    await wb.page.waitForSelector(".nb-preview-bar");
    await wb.page.click(".nb-consent");
    await notebookFrame(wb.page);
    await waitForOutput(wb.page, "1", "Norsk tekst.", 30_000);
    const html = await inNotebook(wb.page, (frame) => frame.evaluate(() => document.querySelector("#cell-1 .nb-output")?.innerHTML ?? ""));
    // The markup reached the sanitiser (the image is there) and left it without its handler or script.
    expect(html).toMatch(/<img/i);
    expect(html).not.toMatch(/onerror|<script/i);
    const title = await inNotebook(wb.page, (frame) => frame.evaluate(() => document.title));
    expect(title).not.toBe("PWNED");
  }, 60_000);
});

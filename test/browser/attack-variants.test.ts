/**
 * A stranger's markdown cell whose bokmål text holds code: the preview must show that text, because
 * it is what runs for a reader in norsk once they agree (atk30 found it ran unseen). The test is
 * atk30's, with the preview's text read off the cell.
 */
import { describe, expect, it } from "vitest";
import { unwrap } from "../../src/base/result";
import { encodeShare } from "../../src/notebook/share-codec";
import { inNotebook, notebookFrame, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1400, height: 900 }, locale: "nb-NO" }, page: true });

describe("a stranger's markdown cell whose bokmål text holds code", () => {
  it("shows that code in the preview before the reader agrees to run it", async () => {
    const doc = {
      title: "Fremmed",
      cells: [{ id: "1", kind: "md" as const, source: "# Hello\n\nEnglish text.", variants: { nb: "# Hei\n\n${'SKJULT-' + 'KODE'}" } }],
    };
    await wb.page.goto(`${wb.server.url}#share=${unwrap(await encodeShare({ doc, inputs: {} }))}`);
    await wb.page.waitForSelector(".nb-preview-bar");
    await notebookFrame(wb.page);
    const preview = await inNotebook(wb.page, async (frame) => {
      await frame.waitForSelector("#cell-1 pre.nb-variant-text");
      return frame.evaluate(() => document.querySelector("#cell-1")?.textContent ?? "");
    });
    expect(preview).toContain("English text.");
    // What runs for this reader once they agree: its code was on screen.
    expect(preview).toContain("'SKJULT-' + 'KODE'");
    await wb.page.click(".nb-consent");
    await waitForOutput(wb.page, "1", "SKJULT-KODE", 30_000);
  }, 60_000);
});

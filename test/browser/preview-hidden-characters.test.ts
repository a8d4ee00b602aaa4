/**
 * "Preview shows X, runs Y": a shared notebook is read in its preview before it is trusted, so the
 * preview must show the code as JavaScript reads it. Trojan Source (CVE-2021-42574) characters —
 * bidirectional controls that reorder what is drawn — and a lone CR or U+2028 (a line end to
 * JavaScript, not to the page) would otherwise make `leak()` look like part of a string or comment.
 */
import { describe, expect, it } from "vitest";
import { unwrap } from "../../src/base/result";
import type { NotebookDoc } from "../../src/notebook/document";
import { encodeShare } from "../../src/notebook/share-codec";
import { nb, screenshotDir } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const trojan: NotebookDoc = {
  title: "Budsjett 2024",
  cells: [
    // Drawn with the controls applied, the second line reads `if (access != "user") { // admins only` — leak() hidden in the string.
    { id: "1", kind: "js", source: 'const access = "user";\nif (access != "user\u202e \u2066// admins only\u2069 \u2066") leak();' },
    // One line to the page, two to JavaScript: leak2() would be drawn as part of the comment.
    { id: "2", kind: "js", source: "1 // note\rleak2()\u2028leak3()" },
    // Invisible but not reordering: marked, no warning.
    { id: "3", kind: "md", source: "# Hei\u200b" },
  ],
};

describe("a shared notebook's preview shows its code as it runs", () => {
  it("marks reordering and invisible characters, splits lines where JavaScript does, and warns before consent", async () => {
    const context = await wb.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${wb.server.url}#share=${unwrap(await encodeShare({ doc: trojan, inputs: {} }))}`);
    await page.waitForSelector(".nb-preview-bar");
    const code = nb(page).locator("#cell-1 pre.nb-code");
    await code.waitFor();
    const shown = (await code.textContent()) ?? "";
    expect(shown).not.toMatch(BIDI);
    expect(shown).toContain("U+202E");
    expect(shown).toContain("U+2066");
    expect(shown).toContain("leak();");
    expect(await nb(page).locator("#cell-2 pre.nb-code .nb-line").allTextContents()).toEqual(["1 // note", "leak2()", "leak3()"]);
    // Coloured and marked as plain DOM built once per source (highlight.ts), not a Lit template per
    // line and token: no template markers inside a line, the marks inside the string token they belong to.
    expect(await code.evaluate((pre) => {
      let comments = 0;
      for (const line of pre.querySelectorAll(".nb-line")) {
        const walker = pre.ownerDocument.createTreeWalker(line, NodeFilter.SHOW_COMMENT);
        while (walker.nextNode()) comments++;
      }
      return comments;
    })).toBe(0);
    expect(await nb(page).locator("#cell-1 pre.nb-code .tok-keyword").allTextContents()).toEqual(["const", "if"]);
    expect(await nb(page).locator("#cell-1 pre.nb-code .tok-string .nb-hidden-char").allTextContents()).toEqual(["U+202E", "U+2066", "U+2069", "U+2066"]);
    expect(await nb(page).locator("#cell-2 pre.nb-code .tok-comment").allTextContents()).toEqual(["// note"]);
    expect(await nb(page).locator("#cell-3 pre.nb-code").textContent()).toBe("# HeiU+200B");
    const warning = (await page.locator(".nb-preview-bar .nb-hidden-warning").textContent()) ?? "";
    expect(warning).toMatch(/^Warning: Cell 1 holds characters that reorder text on screen \(U\+202E right-to-left override, U\+2066 left-to-right isolate, U\+2069 pop directional isolate\)/);
    expect(warning).not.toMatch(BIDI);
    await page.screenshot({ path: `${screenshotDir}/preview-hidden-characters.png` });
    await context.close();
  });
});

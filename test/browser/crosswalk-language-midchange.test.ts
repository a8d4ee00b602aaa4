/**
 * Attack on stop 29's 06 in bokmål (nb06b: the crosswalk's words laid over the spec, one measured
 * store for both languages): the language switched while a county filter is being applied, in
 * either direction, must end on what a fresh frame in that language and under that county draws —
 * every output's text and each verdict — with no word of the other language's crosswalk in it.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { messages, type Locale } from "../../src/base/locale/locale";
import { notebookFrame, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();

/** Every output's text and verdicts of the open notebook once current, read after `county` is ticked (0: none) and, at once, `switchTo` clicked. */
async function readAfter(page: Page, county: number, switchTo?: Locale): Promise<string[]> {
  const frame = await notebookFrame(page, 30_000);
  await frame.evaluate(async (county) => {
    for (let w = 0; !window.tverrsnitt && w < 30_000; w += 10) await new Promise((r) => setTimeout(r, 10));
    await window.tverrsnitt?.ready;
    const boxes = [...document.querySelectorAll<HTMLInputElement>('nb-filter-bar input[name="fylke"]')];
    for (const box of boxes) box.checked = Number(box.value) === county;
    boxes[0]?.dispatchEvent(new Event("input", { bubbles: true }));
  }, county);
  if (switchTo) await page.locator(`nb-locale-switch button:text-is("${messages[switchTo].languageName}")`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, switchTo ?? (await page.evaluate(() => document.documentElement.lang)));
  const current = await notebookFrame(page, 30_000);
  await current.waitForFunction((l) => document.documentElement.lang === l, await page.evaluate(() => document.documentElement.lang));
  return current.evaluate(async () => {
    for (let i = 0; i < 3; i++) {
      await window.tverrsnitt?.idle();
      await new Promise((r) => setTimeout(r, 300));
    }
    return [...document.querySelectorAll("nb-cell")].map((c) => {
      const out = c.querySelector(".nb-output");
      const verdicts = [...(out?.querySelectorAll("[data-verdict]") ?? [])].map((v) => v.getAttribute("data-verdict")).join(",");
      return `${c.getAttribute("data-id") ?? ""}: ${(out?.textContent ?? "").replace(/\s+/g, " ")} | ${verdicts}`;
    });
  });
}

async function opened(locale: string): Promise<Page> {
  const page = await (await wb.browser.newContext({ viewport: { width: 1360, height: 900 }, locale })).newPage();
  await openApp(page, wb.server.url, "#/nb/06-thesis-crosswalk");
  return page;
}

describe("06 with the language switched while a county is applied", () => {
  for (const [from, to] of [["nb-NO", "en"], ["en-US", "nb"]] as const) {
    it(`${from} → ${to} under county 14: what a fresh frame in ${to} draws`, async () => {
      const page = await opened(from);
      const seen = await readAfter(page, 14, to);
      const fresh = await readAfter(await opened(to === "en" ? "en-US" : "nb-NO"), 14);
      expect(seen.join("\n")).toContain("|");
      expect(seen.some((s) => /\| .*(agrees|contrasts|open|depends|not comparable)/.test(s))).toBe(true);
      expect(seen).toEqual(fresh);
      await page.context().close();
    }, 180_000);
  }
});

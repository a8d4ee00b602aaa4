/**
 * The reference panel found by an SPSS user's words: a search reads each entry's details, not only
 * its first sentence, so "anova" and "weight by" find the `stats` entry that maps SPSS procedures to
 * builtins (and says what is not here). Before, "anova" listed nothing and "weight by" nothing.
 */
import { describe, expect, it } from "vitest";
import { nb, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1400, height: 900 } }, page: true });

describe("the reference searched with SPSS's words", () => {
  it("finds the stats entry for 'anova' and 'weight by', and opening it shows the mapping", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/demo");
    await wb.page.click("nb-toolbar button:text('New')");
    await nb(wb.page).locator("#cell-2").waitFor();
    await nb(wb.page).locator("nb-authoring-bar .nb-authoring-reference").click();
    const panel = nb(wb.page).locator("nb-reference-panel");
    const search = panel.locator(".nb-panel-search");
    await search.waitFor();
    const shown = panel.locator("article.nb-ref-entry");
    await search.fill("anova");
    await expect.poll(() => shown.evaluateAll((as) => as.map((a) => a.getAttribute("data-name")))).toEqual(expect.arrayContaining(["stats", "stats.sizeClassMeans"]));
    await search.fill("weight by");
    await expect.poll(() => shown.evaluateAll((as) => as.map((a) => a.getAttribute("data-name")))).toContain("stats");
    await panel.locator("article[data-name=stats] .nb-ref-head").click();
    await expect.poll(() => panel.locator("article[data-name=stats] .nb-ref-details").innerText()).toContain("WEIGHT BY → option weight");
  }, 60_000);
});

/**
 * Charts say what their figures rest on, in Chromium against the built app (issue 10): notebook
 * 01's Tabell 2.1 chart under a county filter (anonymous kommuner get their county by draw, so its
 * shares differ between the reconstructions) carries the tables' legend line, and the filter bar's
 * "Dim reconstructed" toggle greys out its reconstruction-dependent marks (computed opacity) and
 * leaves the others alone.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { inNotebook, nb, openApp, screenshotDir } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1360, height: 900 } }, page: true });

/** The computed opacity of every reconstruction-dependent mark group and of every other classed one in 01's 2.1 chart. */
async function opacities(p: Page): Promise<{ dependent: number[]; others: number[] }> {
  return nb(p).locator("#cell-t21 .nb-output svg[role=img]").first().evaluate((svg) => {
    const of = (sel: string): number[] => [...svg.querySelectorAll(sel)].map((g) => Number(getComputedStyle(g).opacity));
    return { dependent: of("g.tv-fig-reconstruction"), others: of("g.tv-fig-printed, g.tv-fig-determined") };
  });
}

describe("chart evidence in the browser", () => {
  it("01's Tabell 2.1 chart has the evidence legend; Dim reconstructed dims its dependent marks only", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/01-overview?filter=fylke%3D11");
    await inNotebook(wb.page, (frame, timeout) => frame.waitForSelector("#cell-t21 .nb-output svg[role=img] g.tv-ev-legend", { timeout }), 30_000);
    await wb.page.evaluate(() => window.tverrsnitt?.idle());
    const chart = nb(wb.page).locator("#cell-t21 .nb-output svg[role=img]").first();
    const legend = await chart.locator("g.tv-ev-legend > g").evaluateAll((gs) => gs.map((g) => g.getAttribute("aria-label") ?? ""));
    expect(legend.join(" · ")).toContain("R = differs between the 50 reconstructions: the build drew it, the report does not say it");
    // The tooltip of a dependent bar names its class and its range.
    const tip = await chart.locator("g.tv-fig-reconstruction title").first().textContent();
    // The browser tests run in English (browser-helpers): the range is written 12.3–19.0.
    expect(tip).toMatch(/Rests on the reconstruction: .* \(\d+\.\d–\d+\.\d ?% across them\)\./);

    const before = await opacities(wb.page);
    expect(before.dependent.length).toBeGreaterThan(0);
    expect(before.dependent.every((o) => o === 1)).toBe(true);
    await nb(wb.page).locator(".nb-dim-toggle input").check();
    const after = await opacities(wb.page);
    expect(after.dependent.length).toBe(before.dependent.length);
    expect(after.dependent.every((o) => o < 0.5)).toBe(true);
    expect(after.others).toEqual(before.others);
    await chart.screenshot({ path: `${screenshotDir}/chart-evidence-dimmed.png` });
    await nb(wb.page).locator(".nb-dim-toggle input").uncheck();
    expect((await opacities(wb.page)).dependent.every((o) => o === 1)).toBe(true);
  });
});

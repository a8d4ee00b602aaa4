/**
 * A shipped notebook opens from the build's compiled cells (scripts/precompile/), without the cell
 * compiler; editing one of its cells loads the compiler then, and the edited cell runs — or shows
 * its syntax error with the message that says where. Chromium against the built app.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { nb, openApp, screenshotDir, typeIntoCell, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1280, height: 860 } }, page: true });
const scripts: string[] = [];

beforeAll(async () => {
  wb.page.on("request", (request) => {
    const name = /\/assets\/([^/]+\.js)$/.exec(request.url())?.[1];
    if (name) scripts.push(name);
  });
});

const loaded = (prefix: string): boolean => scripts.some((name) => name.startsWith(prefix));

describe("shipped notebooks open from the build's compiled cells", () => {
  it("opens 01 without the cell compiler; an edited cell loads it, shows its syntax error, then runs", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/01-overview");
    await waitForOutput(wb.page, "t22", /\d/, 30_000);
    await nb(wb.page).locator("nb-notebook").evaluate(() => window.tverrsnitt?.idle());
    expect(loaded("_virtual_shipped-cells-")).toBe(true);
    expect(loaded("compile-source-")).toBe(false);

    await typeIntoCell(wb.page, "t22", "const t22 = (6 *\ndisplay(t22)");
    await wb.page.keyboard.press("Shift+Enter");
    const error = nb(wb.page).locator("#cell-t22 .nb-error");
    await error.waitFor({ timeout: 15_000 });
    expect(await error.textContent()).toMatch(/Syntax error at line 2, column \d+: Unexpected token/);
    expect(loaded("compile-source-")).toBe(true);

    await typeIntoCell(wb.page, "t22", "const t22 = 6 * 7;\ndisplay(t22)");
    await wb.page.keyboard.press("Shift+Enter");
    await waitForOutput(wb.page, "t22", "42");
    expect(await nb(wb.page).locator("#cell-t22 .nb-error").count()).toBe(0);
    await wb.page.screenshot({ path: `${screenshotDir}/precompiled-edited-cell.png` });
  });
});

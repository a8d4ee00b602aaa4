/**
 * The exported report right after a change (attack on the report taken in background steps and on
 * 01's comparison tables in cells of their own): a filter ticked, several in quick succession, a
 * language switch, or a change while the quiet report's slices are under way, each followed at
 * once by "Export report". The file must show what the page shows once it has finished running:
 * every table's text and every chart's labels, none from the filter or language before.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { inNotebook, nb, norm, openApp, printUntilShown, tickFilter } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench({ context: { viewport: { width: 1400, height: 900 }, acceptDownloads: true }, page: true });
const outDir = "test-output/report-races";

/** The page's tables and chart labels, in document order, once the notebook is idle. */
async function pageTexts(page: Page): Promise<{ tables: string[]; charts: string[] }> {
  await inNotebook(page, (f) => f.evaluate(() => window.tverrsnitt?.idle()), 60_000);
  return inNotebook(page, (f) =>
    f.evaluate(() => ({
      tables: [...document.querySelectorAll("nb-cell .nb-output table")].map((t) => t.textContent ?? ""),
      charts: [...document.querySelectorAll("nb-cell .nb-output svg")].map((s) => [...s.querySelectorAll("text")].map((t) => t.textContent ?? "").join("|")),
    })),
  );
}

/** Press "Export report" and read the file's tables and chart labels. */
async function exported(page: Page, name: string): Promise<{ tables: string[]; charts: string[] }> {
  mkdirSync(outDir, { recursive: true });
  const download = page.waitForEvent("download", { timeout: 60_000 });
  await nb(page).locator(".nb-export-report").click();
  const file = resolve(outDir, name);
  await (await download).saveAs(file);
  const html = readFileSync(file, "utf8");
  const doc = await page.context().newPage();
  await doc.setContent(html);
  const seen = await doc.evaluate(() => ({
    tables: [...document.querySelectorAll("main table")].map((t) => t.textContent ?? ""),
    charts: [...document.querySelectorAll("main svg")].map((s) => [...s.querySelectorAll("text")].map((t) => t.textContent ?? "").join("|")),
  }));
  await doc.close();
  return seen;
}

/**
 * Tick (or untick) `group`'s `value` from inside the frame while the quiet report is being taken:
 * between two of its steps, right after it read the frame's style sheets (only the report reads
 * them, report-snapshot.ts), so the report under way is of the filter before. Resolves once the
 * change is made; call it once a change has the notebook running (its next quiet sends a report).
 */
async function changeWhileReportIsTaken(page: Page, group: string, value: string): Promise<void> {
  await inNotebook(
    page,
    (f) =>
      f.evaluate(
        ({ group, value }) =>
          new Promise<void>((resolve) => {
            const read = Object.getOwnPropertyDescriptor(Document.prototype, "styleSheets")?.get;
            Object.defineProperty(document, "styleSheets", {
              configurable: true,
              get(this: Document) {
                Reflect.deleteProperty(document, "styleSheets");
                // The next task: the report's next step is a background task, after it.
                setTimeout(() => {
                  const box = document.querySelector<HTMLInputElement>(`nb-filter-bar input[name="${group}"][value="${value}"]`);
                  if (!box) throw new Error(`no ${group} ${value} in the filter bar`);
                  box.checked = !box.checked;
                  box.dispatchEvent(new Event("input", { bubbles: true }));
                  resolve();
                });
                return read?.call(this);
              },
            });
          }),
        { group, value },
      ),
    60_000,
  );
}

/** Print until the shell has the frame's quiet report (its tables in the print view), then close the print view. */
async function quietReportTaken(page: Page): Promise<void> {
  await printUntilShown(page, "table");
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
}

async function same(page: Page, name: string): Promise<string[]> {
  const file = await exported(page, name);
  const shown = await pageTexts(page);
  expect(file.tables.length).toBe(shown.tables.length);
  expect(file.tables.map(norm)).toEqual(shown.tables.map(norm));
  expect(file.charts.map(norm)).toEqual(shown.charts.map(norm));
  return file.tables;
}

describe("report right after a change", () => {
  it("shows the new filter's and language's values, not the old ones, in 01", async () => {
    const page = wb.page;
    await openApp(page, wb.server.url, "#/nb/01-overview");
    await inNotebook(page, (f, timeout) => f.waitForSelector("#cell-t21-table .nb-output table", { timeout }), 60_000);
    await pageTexts(page);
    await quietReportTaken(page); // and its copies kept
    // One filter, export at once.
    const unfiltered = (await pageTexts(page)).tables;
    await tickFilter(page, "fylke", "11");
    expect(await same(page, "one.html")).not.toEqual(unfiltered);
    // Quick succession.
    await tickFilter(page, "size", "2");
    await tickFilter(page, "size", "3");
    await tickFilter(page, "fylke", "11", false);
    await same(page, "quick.html");
    // A change while the quiet report is taken in slices (it starts after 1 s of quiet).
    await tickFilter(page, "size", "2", false);
    await changeWhileReportIsTaken(page, "type", "1");
    await same(page, "mid-slices.html");
    // Scrolled to the bottom, then a change: cells above now out of view.
    await nb(page).locator("#cell-pspp").scrollIntoViewIfNeeded();
    await tickFilter(page, "type", "1", false);
    await same(page, "scrolled.html");
    // The language (this context opens in English): norsk, exported at once.
    const before = await same(page, "before-language.html");
    expect(before.join(" ")).toContain("Recomputed");
    await page.locator('nb-locale-switch button:text-is("norsk")').click();
    const after = await same(page, "norsk.html");
    expect(after.join(" ")).toContain("Beregnet");
    expect(after.join(" ")).not.toContain("Recomputed");
  }, 300_000);

  it("prints the values its head's filter names: Print right after a filter change shows no earlier filter's tables", async () => {
    const page = await wb.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openApp(page, wb.server.url, "#/nb/01-overview");
    await inNotebook(page, (f, timeout) => f.waitForSelector("#cell-t21-table .nb-output table", { timeout }), 60_000);
    await pageTexts(page);
    await quietReportTaken(page); // and the print code loaded
    await tickFilter(page, "fylke", "11");
    const shown = await pageTexts(page); // every cell has run under county 11
    const print = (): Promise<{ head: string; tables: string[]; text: string }> =>
      page.evaluate(() => {
        window.dispatchEvent(new Event("beforeprint"));
        const root = document.querySelector("nb-print-report")?.shadowRoot;
        const seen = {
          head: root?.querySelector(".nb-report-filter")?.textContent ?? "",
          tables: [...(root?.querySelectorAll("table") ?? [])].map((t) => t.textContent ?? ""),
          text: root?.textContent ?? "",
        };
        window.dispatchEvent(new Event("afterprint"));
        return seen;
      });
    // At once: the tables the page shows under the filter the head names, or none (not finished).
    const first = await print();
    if (first.tables.length > 0) {
      expect(norm(first.head)).toContain("11");
      expect(first.tables.map(norm)).toEqual(shown.tables.map(norm));
    } else expect(first.text).toContain("not finished running");
    // Once the frame's next quiet report has come: the new filter's tables.
    await expect.poll(async () => (await print()).tables.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const later = await print();
    expect(norm(later.head)).toContain("11");
    expect(later.tables.map(norm)).toEqual(shown.tables.map(norm));
    // A language switch forgets the report too, and the line that says so is in the new language
    // (the frame sends its next report only after a second of quiet).
    await page.locator('nb-locale-switch button:text-is("norsk")').click();
    expect((await print()).text).toContain("notatboken er ikke ferdig med å kjøre ennå");
    await expect.poll(async () => (await print()).tables.join(" "), { timeout: 20_000 }).toContain("Beregnet");
    await page.close();
  }, 120_000);
});

/**
 * The report outside the app: "Export report" (pressed in the notebook's frame, written by the
 * shell from a sanitised copy of the outputs) writes one HTML file that opens offline in a fresh
 * browser profile with JavaScript off and shows the outputs, the audit lines, the filter and the
 * data notice, fetching nothing; what a hostile notebook puts in its outputs does not survive into
 * the file; and printing the shell (page.pdf(), which fires `beforeprint` as the browser's Print
 * does) prints the report over several pages, with no code, sidebar or toolbar.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { unwrap } from "../../src/base/result";
import { RECONSTRUCTION_NOTICE } from "../../src/data/bundled-survey";
import type { NotebookDoc } from "../../src/notebook/document";
import { encodeShare } from "../../src/notebook/share-codec";
import { inNotebook, nb, openApp, printUntilShown, screenshotDir, waitForOutput, WRITTEN_WITHIN_MS } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

const wb = useWorkbench();
const outDir = "test-output/report";

/** What the hostile notebook below logs once it has asked for its own export. */
const ASKED = "hostile notebook: export asked";

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
});

/** Click "Export report" (in the notebook's report bar; the shell writes the file) and keep the file. */
async function exportReport(page: Page, name: string): Promise<string> {
  const download = page.waitForEvent("download", { timeout: 30_000 });
  await nb(page).locator(".nb-export-report").click();
  const file = resolve(outDir, name);
  await (await download).saveAs(file);
  return file;
}

/** Open a file in a fresh profile, offline, with JavaScript off; every request it makes is counted. */
async function openOffline(file: string): Promise<{ page: Page; requests: string[]; close: () => Promise<void> }> {
  const context = await wb.browser.newContext({ javaScriptEnabled: false, offline: true, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  return { page, requests, close: () => context.close() };
}

/** Open a shared notebook (a `#share=` link) and agree to run it. */
async function openShared(page: Page, doc: NotebookDoc): Promise<void> {
  await page.goto(`${wb.server.url}#share=${unwrap(await encodeShare({ doc, inputs: {} }))}`);
  await page.locator(".nb-consent").click();
}

/**
 * A shared notebook titled `title` whose last cell adds `css` to the frame's document, as a style
 * sheet of its own, and displays an element made by `element` (statements that leave it in
 * `shown`); once `drawn` (a selector in that cell) is on the page, its report is exported and the
 * file opened offline. `close` closes the file's context and the notebook's page.
 */
async function exportWithNotebookCss(title: string, css: readonly string[], element: readonly string[], drawn: string): ReturnType<typeof openOffline> {
  const page = await wb.browser.newPage({ viewport: { width: 1200, height: 900 } });
  const source = [`const sheet = document.createElement("style"); sheet.textContent = ${JSON.stringify(css.join("\n"))}; document.head.append(sheet);`, ...element, "display(shown);"].join("\n");
  await openShared(page, { title, cells: [{ id: "1", kind: "md", source: `# ${title}` }, { id: "2", kind: "js", source: "const kind = typeof survey" }, { id: "3", kind: "js", source }] });
  await nb(page).locator(`#cell-3 ${drawn}`).waitFor();
  const offline = await openOffline(await exportReport(page, `${title.toLowerCase()}-css-report.html`));
  return {
    ...offline,
    close: async () => {
      await offline.close();
      await page.close();
    },
  };
}

describe("report export", () => {
  it("writes one file that reads offline without the app: outputs, audit lines, filter, data notice", async () => {
    const page = await wb.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openApp(page, wb.server.url, "#/nb/01-overview?filter=size%3D5,6");
    await waitForOutput(page, "t21", "Innføring", 30_000);
    // Cells off screen run after the ones on screen: count once every cell has run.
    await inNotebook(page, (f) => f.evaluate(() => window.tverrsnitt?.idle()));
    const inApp = await inNotebook(page, (f) =>
      f.evaluate(() => ({
        charts: document.querySelectorAll("nb-cell .nb-output svg[aria-label], nb-cell .nb-output figure svg").length,
        tables: document.querySelectorAll("nb-cell .nb-output table").length,
        audit: [...document.querySelectorAll("nb-cell .nb-output .tv-audit-line")].map((e) => (e.textContent ?? "").replace(/\s+/g, " ").trim()),
      })),
    );
    expect(inApp.tables).toBeGreaterThan(5);
    expect(inApp.audit.length).toBeGreaterThan(3);
    const file = await exportReport(page, "01-overview-report.html");
    const text = readFileSync(file, "utf8");
    expect(text).not.toMatch(/<script|\son\w+\s*=|javascript:/i);
    expect(text).toContain("Content-Security-Policy");

    const { page: offline, requests, close } = await openOffline(file);
    const seen = await offline.evaluate(() => ({
      title: document.title,
      filter: document.querySelector(".nb-report-filter")?.textContent ?? "",
      notice: document.querySelector(".nb-report-notice")?.textContent ?? "",
      tables: document.querySelectorAll("main table").length,
      charts: document.querySelectorAll("main svg[aria-label], main figure svg").length,
      audit: [...document.querySelectorAll("main .tv-audit-line")].map((e) => (e.textContent ?? "").replace(/\s+/g, " ").trim()),
      code: document.querySelectorAll(".nb-code, .cm-editor, nb-cell, .nb-cell-bar, button").length,
      toc: [...document.querySelectorAll(".nb-report-toc a")].map((a) => a.getAttribute("href") ?? ""),
      heading: document.querySelector("main h2")?.getBoundingClientRect().height ?? 0,
    }));
    expect(seen.title).toBe("1 · Oversikt — kapittel 2");
    expect(seen.filter).toContain("size class 5, 6");
    expect(seen.notice).toBe(RECONSTRUCTION_NOTICE);
    expect(seen.tables).toBe(inApp.tables);
    expect(seen.charts).toBe(inApp.charts);
    expect(seen.audit).toEqual(inApp.audit);
    expect(seen.code).toBe(0);
    expect(seen.toc.length).toBeGreaterThan(5);
    // Every contents entry points at a heading of the file.
    for (const href of seen.toc) expect(await offline.locator(href).count(), href).toBe(1);
    expect(seen.heading).toBeGreaterThan(0);
    // Nothing but the file itself was requested (no script, style, font or picture from anywhere).
    expect(requests).toEqual([pathToFileURL(file).href]);
    await offline.screenshot({ path: `${screenshotDir}/report-file-01.png` });
    await offline.emulateMedia({ media: "print" });
    await offline.screenshot({ path: `${screenshotDir}/report-file-01-print.png` });
    await close();
    await page.close();
  });

  it("keeps 06's crosswalk reading by its width in the file: rows stacked when narrow, columns when wide", async () => {
    // The crosswalk stacks its rows by its own box's width (a container query, crosswalk-table.ts);
    // the file's style sheet is rebuilt from the frame's rules, which must keep that query. In norsk
    // its long compounds break at their joints with a hyphen the style sheet draws: the file keeps
    // that rule, and no soft hyphen is in its text.
    const page = await (await wb.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "nb-NO", acceptDownloads: true })).newPage();
    await openApp(page, wb.server.url, "#/nb/06-thesis-crosswalk");
    await inNotebook(page, (f) => f.evaluate(async () => {
      await window.tverrsnitt?.ready;
      await window.tverrsnitt?.idle();
    }), 30_000);
    const file = await exportReport(page, "06-thesis-crosswalk-report.html");
    expect(/@container \(max-width: 55em\)/.test(readFileSync(file, "utf8")), "the container query in the file's style sheet").toBe(true);
    const { page: offline, close } = await openOffline(file);
    const rows = (): Promise<{ tables: number; display: string[] }> =>
      offline.evaluate(() => {
        const tables = [...document.querySelectorAll("main table.cw-table")];
        return { tables: tables.length, display: tables.map((t) => getComputedStyle(t.querySelector("tbody td") ?? t).display) };
      });
    for (const [width, display] of [[600, "block"], [1400, "table-cell"]] as const) {
      await offline.setViewportSize({ width, height: 900 });
      const seen = await rows();
      expect(seen.tables, `${width} px`).toBe(2);
      expect(seen.display, `${width} px`).toEqual([display, display]);
    }
    const joints = await offline.evaluate(() => {
      const joint = document.querySelector("main table.cw-table .tv-joint");
      return { count: document.querySelectorAll("main table.cw-table .tv-joint").length, hyphen: joint ? getComputedStyle(joint, "::after").content : "" };
    });
    expect(joints.count).toBeGreaterThan(20);
    // The soft hyphen, with an empty alternative text (no U+00AD in a screen reader's names).
    expect(joints.hyphen).toBe('"\u00AD" / ""');
    // Not in the file's text, nor its style sheet (written there as the escape "\AD ").
    expect(readFileSync(file, "utf8").split("\u00AD").length - 1).toBe(0);
    await close();
    await page.context().close();
  });

  it("keeps a hostile notebook's markup, handlers, styles and links out of the file", async () => {
    const page = await wb.browser.newPage({ viewport: { width: 1200, height: 900 } });
    const hostile = [
      "const box = document.createElement('div');",
      "box.innerHTML = `<p class=kept>kept text</p><img src=x onerror=\"document.title='pwned'\"><a href=\"javascript:alert(1)\">link</a>` +",
      "  `<svg><style>:host{display:block!important} .kept{color:red} body{background:url(https://example.invalid/leak)} @container style(--x: url(https://example.invalid/leak2)) { .kept { outline: 1px solid } } @media (min-width: 1px) { .kept { border-bottom: 1px solid } }</style><circle r=5 onclick=\"alert(1)\"></circle></svg>` +",
      "  `<iframe srcdoc=\"<script>alert(1)<\\/script>\"></iframe><form action=https://example.invalid><input name=q value=secret></form>`;",
      "display(box);",
    ].join("\n");
    // Asks for its own export once the consent click's activation has lapsed (Chromium: 5 s), then
    // says so on the console: the shell must not write a file without a click or key press just before.
    const selfExport = `setTimeout(() => { window.dispatchEvent(new CustomEvent('nb-export-report')); console.log(${JSON.stringify(ASKED)}); }, 6000); 'asked'`;
    const doc = { title: "Hostile <b>title</b>", cells: [{ id: "1", kind: "md" as const, source: "# Hostile" }, { id: "2", kind: "js" as const, source: hostile }, { id: "3", kind: "js" as const, source: selfExport }] };
    const downloads: string[] = [];
    page.on("download", (d) => downloads.push(d.suggestedFilename()));
    // Heard on the console, not looked for in the page: whatever Playwright evaluates in a page runs
    // as a user gesture (waitWithoutGesture), which would give the page the activation it must lack.
    const asked = page.waitForEvent("console", { predicate: (message) => message.text() === ASKED, timeout: 30_000 });
    await openShared(page, doc);
    await asked;
    // A refused file shows no sign: wait (a bounded wait, on purpose) as long as a file let through
    // takes to come after it was asked for, then look.
    await page.waitForTimeout(WRITTEN_WITHIN_MS);
    expect(downloads).toEqual([]);
    const file = await exportReport(page, "hostile-report.html");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("kept text");
    expect(text).not.toMatch(/onerror|onclick|javascript:|<iframe|srcdoc|<form|example\.invalid|:host|<script/i);
    // A media query that only styles is kept; a condition holding a url() is not written at all.
    expect(text).toMatch(/@media \(min-width: 1px\) \{[^}]*border-bottom: 1px solid/);
    expect(text).toContain("<title>Hostile &lt;b&gt;title&lt;/b&gt;</title>");
    const { page: offline, requests, close } = await openOffline(file);
    expect(await offline.locator("main .kept").innerText()).toBe("kept text");
    expect(await offline.title()).toBe("Hostile <b>title</b>");
    expect(requests).toEqual([pathToFileURL(file).href]);
    await close();
    await page.close();
  });

  it("keeps the head a notebook's CSS cannot reach: the filter and the data notice stay shown and uncovered", async () => {
    const css = [
      ".nb-report-notice, .nb-report-filter, .nb-report-head { display: none !important; }",
      "html, body, :root { --x: 1; } p { visibility: hidden !important; }",
      ".cover { position: fixed; inset: 0 0 auto 0; height: 400px; background: #fff; z-index: 2147483647; }",
    ];
    const cover = [`const shown = document.createElement("div"); shown.className = "cover"; shown.textContent = "Findings from real respondents";`];
    const { page: offline, close } = await exportWithNotebookCss("Styled", css, cover, ".cover");
    for (const selector of [".nb-report-notice", ".nb-report-filter"]) {
      const box = await offline.locator(selector).boundingBox();
      expect(box, selector).not.toBeNull();
      // What a reader sees at the middle of the line is the line itself, not something laid over it.
      const top = await offline.evaluate(([sel, x, y]) => document.elementFromPoint(Number(x), Number(y))?.closest(String(sel)) !== null, [selector, (box?.x ?? 0) + 20, (box?.y ?? 0) + (box?.height ?? 0) / 2]);
      expect(top, selector).toBe(true);
    }
    expect(await offline.locator(".nb-report-notice").innerText()).toBe(RECONSTRUCTION_NOTICE);
    // The notebook still styles its own outputs.
    expect(await offline.locator("main .cover").evaluate((e) => getComputedStyle(e).position)).toBe("fixed");
    await offline.screenshot({ path: `${screenshotDir}/report-file-styled.png` });
    await close();
  });

  it("keeps the head out of reach of rules nested in a notebook's CSS too, and keeps nesting that stays inside", async () => {
    // A nested rule whose selector holds `&` anywhere but at its start is not read from the rule it
    // sits in: `:has(&) .nb-report-notice` is any notice with the notebook's element below it.
    const css = [
      ".probe { :has(&) .nb-report-notice, :has(&) .nb-report-filter { display: none !important; } }",
      "@container (min-width: 0px) { .probe { :not(&) > .nb-report-notice { visibility: hidden !important; } } }",
      ".probe { & .inner { color: rgb(1, 2, 3); } }",
    ];
    const probe = [`const shown = document.createElement("div"); shown.className = "probe"; shown.innerHTML = "<p class=inner>nested</p>";`];
    const { page: offline, close } = await exportWithNotebookCss("Nested", css, probe, ".probe .inner");
    for (const selector of [".nb-report-notice", ".nb-report-filter"]) {
      const seen = await offline.locator(selector).evaluate((e) => ({ display: getComputedStyle(e).display, visibility: getComputedStyle(e).visibility }));
      expect(seen, selector).toEqual({ display: "block", visibility: "visible" });
    }
    expect(await offline.locator(".nb-report-notice").innerText()).toBe(RECONSTRUCTION_NOTICE);
    expect(await offline.locator("main .probe .inner").evaluate((e) => getComputedStyle(e).color)).toBe("rgb(1, 2, 3)");
    await close();
  });

  it("printing the shell prints the report: several pages, no code, sidebar or toolbar; light in a dark theme", async () => {
    const page = await wb.browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: "dark" });
    await openApp(page, wb.server.url, "#/nb/01-overview");
    await waitForOutput(page, "t21", "Innføring", 30_000);
    // Printed too early the view says the notebook has not finished running (one page): print until
    // its tables are there (a fixed 2.5 s wait printed nothing now and then under load).
    await printUntilShown(page, "table");
    const pdf = await page.pdf({ format: "A4" });
    writeFileSync(resolve(outDir, "01-overview-print.pdf"), pdf);
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(4);
    // What the PDF was made from: the print view of the shell.
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(() => {
      const shown = (selector: string) => [...document.querySelectorAll(selector)].some((e) => e instanceof HTMLElement && e.offsetParent !== null);
      const root = document.querySelector("nb-print-report")?.shadowRoot;
      return {
        sidebar: shown(".nb-sidebar"),
        toolbar: shown(".nb-toolbar"),
        frame: shown("iframe.nb-frame"),
        report: shown("nb-print-report"),
        code: root?.querySelectorAll(".nb-code, .cm-editor, button").length ?? -1,
        tables: root?.querySelectorAll("table").length ?? 0,
        title: root?.querySelector(".nb-report-head h1")?.textContent ?? "",
        // Dark ink on a white page although the app is dark.
        markdownInk: root ? getComputedStyle(root.querySelector(".nb-markdown p") ?? root.host).color : "",
        tableInk: root ? getComputedStyle(root.querySelector("table td") ?? root.host).color : "",
      };
    });
    expect(printed).toMatchObject({ sidebar: false, toolbar: false, frame: false, report: true, code: 0, title: "1 · Oversikt — kapittel 2" });
    expect(printed.tables).toBeGreaterThan(5);
    const dark = (rgb: string): boolean => (rgb.match(/\d+/g) ?? []).slice(0, 3).every((v) => Number(v) < 100);
    expect(dark(printed.markdownInk), printed.markdownInk).toBe(true);
    expect(dark(printed.tableInk), printed.tableInk).toBe(true);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: `${screenshotDir}/report-print-01.png` });
    await page.close();
  });
});

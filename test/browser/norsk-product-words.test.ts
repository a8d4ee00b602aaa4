/**
 * The product's own words in norsk, in Chromium against the built app: where the app (not a
 * notebook's markdown prose) writes text around the figures, a Norwegian browser reads bokmål, and
 * the header's switch turns the same places English. 05's audit line (fmt.audit), table and axis;
 * the comparison notes of 01 and 02 (comparePrinted) and 02's summary table; 06's caption, its
 * p-values ("p = 1,000", not "1.000") and the case cards' size; the notice over the tables when the
 * reader's own file is in use, with its rows counted in the language ("1 068 rader").
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { inNotebook, nb, norm, openApp } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

// navigator.languages starts with nb-NO: the app's first language is norsk.
const wb = useWorkbench({ context: { viewport: { width: 1400, height: 900 }, locale: "nb-NO" }, page: true });

const workDir = "test-output/norsk-product-words";
const fourTimesPath = `${workDir}/respondenter-fire-ganger.csv`;
let fourTimesRows = 0;

beforeAll(() => {
  mkdirSync(workDir, { recursive: true });
  const [header = "", ...rows] = readFileSync("data/survey-1999/respondents.csv", "utf8").trimEnd().split("\n");
  // The bundled respondents four times over: over a thousand rows, so the notice's count needs a separator.
  const many = [...rows, ...rows, ...rows, ...rows];
  fourTimesRows = many.length;
  writeFileSync(fourTimesPath, [header, ...many].join("\n") + "\n");
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** Wait until the open notebook has settled. */
async function settle(p: Page): Promise<void> {
  await p.evaluate(() => window.tverrsnitt?.idle());
}

async function switchTo(p: Page, name: "norsk" | "English"): Promise<void> {
  await p.locator(`nb-locale-switch button:text-is("${name}")`).click();
  await expect.poll(async () => p.locator(`nb-locale-switch button:text-is("${name}")`).getAttribute("aria-pressed")).toBe("true");
}

/** The audit lines under cell `id`'s table, each normalised. */
async function auditLines(p: Page, id: string): Promise<string[]> {
  return (await nb(p).locator(`#cell-${id} .tv-audit-line`).allTextContents()).map(norm);
}

/** The header texts of cell `id`'s first table. */
async function tableHeader(p: Page, id: string): Promise<string[]> {
  return (await nb(p).locator(`#cell-${id} .nb-output table`).first().locator("thead th").allTextContents()).map(norm);
}

/** Text of cell `id`'s output, normalised. */
async function output(p: Page, id: string): Promise<string> {
  return norm(await nb(p).locator(`#cell-${id} .nb-output`).first().textContent());
}

/** Wait for a selector inside the notebook's frame. */
async function waitInFrame(p: Page, selector: string, timeout = 30_000): Promise<void> {
  await inNotebook(p, (frame, left) => frame.waitForSelector(selector, { timeout: left, state: "attached" }), timeout);
}

/** English words an audit line or note of the product wrote before (stop 29) in norsk. */
const ENGLISH = /\b(of|named|source|filters|missing excluded|none|base|printed figures|reproduced|Figures compared|Differing)\b/;

describe("the product's words in norsk", () => {
  it("05: the audit line, table and axis are bokmål, and English after the switch", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/05-adopters");
    await waitInFrame(wb.page, "#cell-table .tv-audit-line");
    await settle(wb.page);
    const [nbLine = ""] = await auditLines(wb.page, "table");
    expect(nbLine).toMatch(/^N = \d+ av \d+ · grunnlag: kommuner og fylkeskommuner navngitt i rapportens vedlegg · kilde: data\/survey-1999\/adopters\.csv · filtre: ingen filter · utelatt som manglende: ingen · test: ingen$/);
    expect(nbLine).not.toMatch(ENGLISH);
    expect(await tableHeader(wb.page, "table")).toContain("Navn");
    expect(norm(await nb(wb.page).locator("#cell-chart svg").first().textContent())).toContain("Navngitte kommuner i utvalget");

    await switchTo(wb.page, "English");
    await expect.poll(async () => (await auditLines(wb.page, "table"))[0] ?? "", { timeout: 20_000 }).toMatch(/^N = \d+ of \d+ · base: municipalities and county authorities named in the report's appendix · source: data\/survey-1999\/adopters\.csv · filters: no filter · missing excluded: none · test: none$/);
    expect(await tableHeader(wb.page, "table")).toContain("Name");
    await switchTo(wb.page, "norsk");
    await expect.poll(async () => (await auditLines(wb.page, "table"))[0] ?? "", { timeout: 20_000 }).toMatch(/^N = \d+ av \d+ · grunnlag: /);
  }, 90_000);

  it("01 and 02: the comparison notes and 02's summary table are bokmål, and English after the switch", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/02-six-models");
    await waitInFrame(wb.page, "#cell-summary-table .tv-audit-line", 60_000);
    await settle(wb.page);
    expect(await tableHeader(wb.page, "summary-table")).toEqual(["Tabell", "Tall sammenlignet", "Avviker", "Merknad"]);
    const [line = ""] = await auditLines(wb.page, "summary-table");
    expect(line).toMatch(/^N = \d+ av \d+ · grunnlag: per tabell, som trykt · test: ingen$/);
    const notes = await nb(wb.page).locator("#cell-summary-table tbody tr td:last-child").allTextContents();
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes.map(norm)) expect(note).toMatch(/trykte tall (gjenskapes|avviker)/);
    expect(await output(wb.page, "summary-table")).not.toMatch(ENGLISH);

    await switchTo(wb.page, "English");
    await expect.poll(() => tableHeader(wb.page, "summary-table"), { timeout: 20_000 }).toEqual(["Table", "Figures compared", "Differing", "Note"]);
    await expect.poll(async () => (await auditLines(wb.page, "summary-table"))[0] ?? "", { timeout: 20_000 }).toMatch(/^N = \d+ of \d+ · base: per table, as printed · test: none$/);
    await expect.poll(async () => norm((await nb(wb.page).locator("#cell-summary-table tbody tr td:last-child").allTextContents()).join(" | ")), { timeout: 20_000 }).toMatch(/printed figures (are reproduced|differ)/);
    await switchTo(wb.page, "norsk");

    // 01: the note over each comparison (Tabell 2.2 here) in the reader's language.
    await openApp(wb.page, wb.server.url, "#/nb/01-overview");
    await waitInFrame(wb.page, "#cell-t22 .nb-output table", 60_000);
    await settle(wb.page);
    expect(await output(wb.page, "t22")).toMatch(/trykte tall (gjenskapes|avviker)/);
    expect(await output(wb.page, "t22")).not.toMatch(/printed figures|Percent base|values drawn|Test: none/);
    expect(await auditLines(wb.page, "t22")).toContainEqual(expect.stringMatching(/^Prosentgrunnlag per rad som trykt: .+\. Test: ingen \(beskrivende; trykt mot beregnet\)\.$/));
  }, 150_000);

  it("06: the crosswalk's caption, p-values and case cards are bokmål", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/06-thesis-crosswalk");
    await waitInFrame(wb.page, "#cell-table .nb-output table", 60_000);
    await waitInFrame(wb.page, "#cell-whatif .nb-output table", 60_000);
    await waitInFrame(wb.page, "#cell-cases .case-card", 60_000);
    await settle(wb.page);
    expect(norm(await nb(wb.page).locator("#cell-table .nb-output caption").first().textContent())).toMatch(/^Funnene i oppgaven mot undersøkelsen fra 1999 — N = \d+ av \d+/);
    const whatIf = await output(wb.page, "whatif");
    // Every p the what-if writes has a decimal comma (one that rounds to 1 was "p = 1.000").
    const ps = whatIf.match(/p = \d[.,]\d+/g) ?? [];
    expect(ps.length).toBeGreaterThan(0);
    expect(ps.filter((p) => p.includes("."))).toEqual([]);
    const subs = (await nb(wb.page).locator("#cell-cases .case-card > p").allTextContents()).map(norm);
    expect(subs.length).toBe(4);
    for (const sub of subs) expect(sub).toMatch(/^(liten|stor) · BMS fra \d{4} · /);
  }, 120_000);

  it("a reader's own file: the notice over the tables and in the header is bokmål, its rows with a space", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/01-overview");
    await waitInFrame(wb.page, "#cell-t21 .nb-output svg", 60_000);
    await wb.page.setInputFiles(".nb-data-file", fourTimesPath);
    await wb.page.waitForSelector(".nb-data-use", { timeout: 60_000 });
    await wb.page.click(".nb-data-use");
    const rows = fourTimesRows.toLocaleString("nb-NO").replace(/\s/g, " ");
    const name = "respondenter-fire-ganger.csv";
    await expect.poll(async () => norm(await wb.page.locator(".nb-notice").first().textContent()), { timeout: 60_000 }).toContain(`Din fil: ${name} (${rows} rader)`);
    // Tabell 2.1's chart note names the file (duplicated ids are validation findings, counted in the language).
    await expect.poll(() => output(wb.page, "t21"), { timeout: 60_000 }).toMatch(new RegExp(`Respondenter fra ${name.replace(/\./g, "\\.")} \\(${rows} rader(, \\d+ avvik funnet i valideringen)?\\)\\.`));
    expect(await output(wb.page, "t21")).not.toContain("Respondents from");
    await switchTo(wb.page, "English");
    await expect.poll(() => output(wb.page, "t21"), { timeout: 30_000 }).toContain(`Respondents from ${name} (${fourTimesRows.toLocaleString("en-US")} rows`);
    await switchTo(wb.page, "norsk");
  }, 150_000);
});

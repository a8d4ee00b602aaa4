/**
 * The English left in norsk after stop 30, in Chromium against the built app with a Norwegian
 * browser: 04's toggle and 05's listing (Observable inputs, labelled in each language and relabelled
 * in place by a switch, so the reader's choice and the input's element stay), 02's status
 * sentences, 04's inconsistencies, the "new survey analysis" template and the notebook titles in the
 * sidebar. Each place is read in norsk and must hold none of a list of English words; after the
 * header's switch, the inputs and sentences must hold none of a list of norsk words.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { unwrap } from "../../src/base/result";
import type { NotebookDoc } from "../../src/notebook/document";
import { encodeShare } from "../../src/notebook/share-codec";
import { inNotebook, nb, norm, openApp, outputText, waitForOutput } from "./browser-helpers";
import { useWorkbench } from "./use-workbench";

// navigator.languages starts with nb-NO: the app's first language is norsk.
const wb = useWorkbench({ context: { viewport: { width: 1400, height: 900 }, locale: "nb-NO" }, page: true });

// Whole words, any case: a word's edges are letters in Unicode's sense (\b would end "Andøy" at "And").
/** English words that gave the leftovers away. */
const ENGLISH = /(?<!\p{L})(only|differing|figures?|documented|conflicts?|listings?|all|hidden|introduced|introducing|planning|plans|no respondent|survey analysis|write|your|question|the|of|and|is|are|municipality|county|authority|thesis|crosswalk|printed|which)(?!\p{L})/iu;
/** Norsk words the same places wrote in norsk. */
const NORSK = /(?<!\p{L})(bare|avvikende|tall|dokumenterte|konflikter|liste|lister|alle|skjult|har innført|holder på|planlegger|ingen planer|respondent i utvalget|og|av)(?!\p{L})/iu;

async function switchTo(p: Page, name: "norsk" | "English"): Promise<void> {
  await p.locator(`nb-locale-switch button:text-is("${name}")`).click();
  await expect.poll(async () => p.locator(`nb-locale-switch button:text-is("${name}")`).getAttribute("aria-pressed")).toBe("true");
  await expect.poll(() => nb(p).locator("html").getAttribute("lang")).toBe(name === "norsk" ? "nb" : "en");
}

/** Wait for a selector inside the notebook's frame. */
async function waitInFrame(p: Page, selector: string, timeout = 30_000): Promise<void> {
  await inNotebook(p, (frame, left) => frame.waitForSelector(selector, { timeout: left, state: "attached" }), timeout);
}

/** An input's label, and the text of its chosen option (a select) or its checked state (a toggle). */
async function inputState(p: Page, cell: string): Promise<{ label: string; chosen: string; marked: boolean }> {
  return nb(p).locator(`#cell-${cell} .nb-output form`).first().evaluate((form) => {
    const select = form.querySelector("select");
    const box = form.querySelector<HTMLInputElement>("input[type=checkbox]");
    return {
      label: (form.querySelector(":scope > label")?.textContent ?? "").trim(),
      chosen: select ? (select.selectedOptions[0]?.textContent ?? "").trim() : String(box?.checked),
      // Set before the switch: still there only if the switch kept the input's element.
      marked: form.hasAttribute("data-lang31-mark"),
    };
  });
}

async function mark(p: Page, cell: string): Promise<void> {
  await nb(p).locator(`#cell-${cell} .nb-output form`).first().evaluate((form) => form.setAttribute("data-lang31-mark", ""));
}

/** A radio and a checkbox whose option texts are given in each language, and what they chose. */
const choosers: NotebookDoc = {
  title: "Valg på to språk",
  cells: [
    { id: "data", kind: "js", source: 'const sizes = [{nb: "Små kommuner", en: "Small municipalities"}, {nb: "Store kommuner", en: "Large municipalities"}, {nb: "Fylkeskommuner", en: "County authorities"}]' },
    { id: "radio", kind: "js", source: "const one = view(Inputs.radio(sizes, {label: {nb: \"Én gruppe\", en: \"One group\"}, format: (d) => d}))" },
    { id: "boxes", kind: "js", source: "const some = view(Inputs.checkbox(sizes, {label: {nb: \"Grupper\", en: \"Groups\"}, format: (d) => d}))" },
    { id: "out", kind: "js", source: '`${sizes.indexOf(one)} | ${some.map((d) => sizes.indexOf(d)).join("+")}`' },
  ],
};

/** A radio's or checkbox's label, its option texts, which are ticked, and whether its marked boxes are the same elements. */
async function chooserState(p: Page, cell: string): Promise<{ label: string; options: string[]; ticked: number[]; marked: boolean }> {
  return nb(p).locator(`#cell-${cell} .nb-output form`).first().evaluate((form) => {
    const boxes = [...form.querySelectorAll<HTMLInputElement>("input[name=input]")];
    return {
      label: (form.querySelector(":scope > label")?.textContent ?? "").trim(),
      options: boxes.map((box) => (box.closest("label")?.textContent ?? "").trim()),
      ticked: boxes.flatMap((box, i) => (box.checked ? [i] : [])),
      marked: boxes.length > 0 && boxes.every((box) => box.hasAttribute("data-lang32-mark")),
    };
  });
}

describe("English left in norsk", () => {
  it("the demo: prose, input labels and chart in norsk, in English after a switch, the same numbers", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/demo");
    await waitForOutput(wb.page, "9", "av dem har minst 5 000 innbyggere", 30_000);
    await waitForOutput(wb.page, "1", "En liten omvisning i arbeidsbenken", 30_000);
    await waitInFrame(wb.page, "#cell-10 svg");
    const shown = async (): Promise<string> => norm(await nb(wb.page).locator("#cell-1, #cell-3, #cell-4, #cell-9, #cell-10").locator(".nb-output").allTextContents().then((t) => t.join(" ")));
    const norsk = await shown();
    for (const words of ["Landsdel", "Minst innbyggere", "SSB-klasse", "Kommuner"]) expect(norsk).toContain(words);
    expect(norsk.match(ENGLISH)).toBeNull();
    const figures = (text: string): string => (text.replace(/[\s,]/g, "").match(/\d+/g) ?? []).join(" ");
    const count = figures(await outputText(wb.page, "9"));
    await switchTo(wb.page, "English");
    await waitForOutput(wb.page, "9", "of them have at least 5,000 inhabitants", 30_000);
    await expect.poll(shown, { timeout: 20_000 }).toContain("Minimum population");
    const english = await shown();
    for (const words of ["Region", "A small tour", "SSB class", "Municipalities"]) expect(english).toContain(words);
    expect(figures(await outputText(wb.page, "9"))).toBe(count);
    await switchTo(wb.page, "norsk");
  }, 120_000);

  it("a radio's and a checkbox's option texts follow a switch in place, and what was ticked stays", async () => {
    const page = await wb.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: "nb-NO" });
    await page.goto(`${wb.server.url}#share=${unwrap(await encodeShare({ doc: choosers, inputs: {} }))}`);
    await page.click(".nb-consent");
    await waitForOutput(page, "out", "-1 | ", 30_000);
    expect(await chooserState(page, "radio")).toEqual({ label: "Én gruppe", options: ["Små kommuner", "Store kommuner", "Fylkeskommuner"], ticked: [], marked: false });
    await nb(page).locator("#cell-radio label", { hasText: "Store kommuner" }).click();
    await nb(page).locator("#cell-boxes label", { hasText: "Små kommuner" }).click();
    await nb(page).locator("#cell-boxes label", { hasText: "Fylkeskommuner" }).click();
    await waitForOutput(page, "out", "1 | 0+2", 30_000);
    await nb(page).locator("#cell-radio input[name=input], #cell-boxes input[name=input]").evaluateAll((boxes) => boxes.forEach((box) => box.setAttribute("data-lang32-mark", "")));

    await switchTo(page, "English");
    await expect.poll(() => chooserState(page, "radio"), { timeout: 20_000 }).toEqual({ label: "One group", options: ["Small municipalities", "Large municipalities", "County authorities"], ticked: [1], marked: true });
    expect(await chooserState(page, "boxes")).toEqual({ label: "Groups", options: ["Small municipalities", "Large municipalities", "County authorities"], ticked: [0, 2], marked: true });
    expect(await outputText(page, "out")).toContain("1 | 0+2");

    await switchTo(page, "norsk");
    await expect.poll(() => chooserState(page, "boxes"), { timeout: 20_000 }).toEqual({ label: "Grupper", options: ["Små kommuner", "Store kommuner", "Fylkeskommuner"], ticked: [0, 2], marked: true });
    await page.close();
  }, 120_000);

  it("05: the listing is labelled in norsk, keeps its choice through a switch, and relabels in place", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/05-adopters");
    await waitInFrame(wb.page, "#cell-listing .nb-output select");
    expect(await inputState(wb.page, "listing")).toEqual({ label: "Liste", chosen: "Alle lister", marked: false });
    const options = (await nb(wb.page).locator("#cell-listing select option").allTextContents()).map(norm);
    expect(options).toContain("q20 Balansert målstyring");
    expect(options.filter((o) => ENGLISH.test(o))).toEqual([]);
    await nb(wb.page).locator("#cell-listing select").selectOption({ label: "q20 Balansert målstyring" });
    await waitForOutput(wb.page, "count", "; liste q20 Balansert målstyring", 30_000);
    await waitInFrame(wb.page, "#cell-table .tv-audit-line");
    await mark(wb.page, "listing");

    await switchTo(wb.page, "English");
    await expect.poll(() => inputState(wb.page, "listing"), { timeout: 20_000 }).toEqual({ label: "Listing", chosen: "q20 Balanced scorecard", marked: true });
    const english = (await nb(wb.page).locator("#cell-listing select option").allTextContents()).map(norm);
    expect(english).toContain("All listings");
    expect(english.filter((o) => NORSK.test(o))).toEqual([]);
    // The choice is still the reader's: the count reads it in the English text.
    await waitForOutput(wb.page, "count", "; listing q20 Balanced scorecard", 30_000);

    await switchTo(wb.page, "norsk");
    await expect.poll(() => inputState(wb.page, "listing"), { timeout: 20_000 }).toEqual({ label: "Liste", chosen: "q20 Balansert målstyring", marked: true });
    await waitForOutput(wb.page, "count", "; liste q20 Balansert målstyring", 30_000);
  }, 120_000);

  it("04: the toggle is labelled in norsk and stays on through a switch; the inconsistencies are bokmål", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/04-reconciliation");
    await waitInFrame(wb.page, "#cell-only .nb-output input[type=checkbox]", 60_000);
    expect(await inputState(wb.page, "only")).toEqual({ label: "Bare avvikende tall og dokumenterte konflikter", chosen: "false", marked: false });
    await nb(wb.page).locator("#cell-only input[type=checkbox]").check();
    await mark(wb.page, "only");
    await waitInFrame(wb.page, "#cell-inconsistencies .nb-output dd", 60_000);
    const said = (await nb(wb.page).locator("#cell-inconsistencies dd").allTextContents()).map(norm);
    expect(said.length).toBeGreaterThan(24 * 3 - 1);
    expect(said).toContain("Tabell 2.5, raden «Konseptet total kvalitetsledelse (TQM)»: totalen er trykt «100 % (21)», men antallene summerer seg til 214.");
    expect(said.filter((t) => ENGLISH.test(t))).toEqual([]);

    await switchTo(wb.page, "English");
    await expect.poll(() => inputState(wb.page, "only"), { timeout: 20_000 }).toEqual({ label: "Only differing figures and documented conflicts", chosen: "true", marked: true });
    await expect.poll(async () => (await nb(wb.page).locator("#cell-inconsistencies dd").first().textContent()) ?? "", { timeout: 60_000 }).toContain("the total is printed");
    await switchTo(wb.page, "norsk");
    await expect.poll(() => inputState(wb.page, "only"), { timeout: 20_000 }).toEqual({ label: "Bare avvikende tall og dokumenterte konflikter", chosen: "true", marked: true });
  }, 150_000);

  it("02: each model's status sentence is bokmål, and English after the switch", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/02-six-models");
    const ids = ["h-q3", "h-q7", "h-q12", "h-q16", "h-q20", "h-q24"];
    await waitForOutput(wb.page, "h-q3", /Status \(q3, N = \d+\): har innført /, 60_000);
    for (const id of ids) {
      await waitForOutput(wb.page, id, /Status \(q\d+, N = \d+\): har innført \d+ % \(\d+\), holder på \d+ % \(\d+\), planlegger \d+ % \(\d+\), ingen planer \d+ % \(\d+\)\./, 60_000);
      expect(ENGLISH.test(await outputText(wb.page, id))).toBe(false);
    }
    await switchTo(wb.page, "English");
    await waitForOutput(wb.page, "h-q20", /Status \(q20, N = \d+\): introduced \d+% \(\d+\), introducing \d+% \(\d+\), planning \d+% \(\d+\), no plans \d+% \(\d+\)\./, 30_000);
    for (const id of ids) await expect.poll(async () => NORSK.test(await outputText(wb.page, id)), { timeout: 30_000 }).toBe(false);
    await switchTo(wb.page, "norsk");
  }, 150_000);

  it("the sidebar's titles and a new survey analysis are bokmål", async () => {
    await openApp(wb.page, wb.server.url, "#/nb/demo");
    const titles = (await wb.page.locator(".nb-list a[data-name]").allTextContents()).map(norm);
    expect(titles.length).toBeGreaterThan(6);
    expect(titles.filter((t) => ENGLISH.test(t))).toEqual([]);
    await wb.page.click(".nb-list .nb-new-survey");
    await wb.page.waitForSelector(".nb-list li.is-current >> text=Analyse av undersøkelsen");
    await waitForOutput(wb.page, "2", /N = 267 av 267 respondenter/, 60_000);
    for (const id of ["1", "3", "6"]) expect(ENGLISH.test(await outputText(wb.page, id)), id).toBe(false);
    expect(await outputText(wb.page, "2")).not.toMatch(/Respondents|respondents/);
  }, 120_000);
});

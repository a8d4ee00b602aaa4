import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { surveyFilterInput } from "../../../src/analysis/survey-filter-input";
import type { Locale } from "../../../src/base/locale/locale";
import { meetsConditions } from "../../../src/data/filter-condition";
import { surveyFilterConditions, type SurveyFilter } from "../../../src/data/survey-filter";

const rows = [
  { fylke: 11, size_class: 5, resp_type: 1, q20: 1 },
  { fylke: 11, size_class: 2, resp_type: 1, q20: 3 },
  { fylke: 12, size_class: 6, resp_type: 2, q20: 1 },
];

function setup(value?: SurveyFilter, locale?: Locale) {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const el = surveyFilterInput(document, { value, count: (f) => rows.filter((row) => meetsConditions(surveyFilterConditions(f, "nb"), (v) => Reflect.get(row, v))).length, total: rows.length, ...(locale ? { locale } : {}) });
  document.body.append(el);
  return { document, el };
}

describe("surveyFilterInput", () => {
  it("starts from the given filter and shows the live N", () => {
    const { el } = setup({ fylke: [11], sizeClass: [], respType: [], adopted: [] });
    expect(el.value).toEqual({ fylke: [11], sizeClass: [], respType: [], adopted: [] });
    expect(el.querySelector("output")?.textContent).toBe("N = 2 av 3 — for få for pålitelige prosenter");
  });

  it("speaks one language at a time: Norwegian by default, English when asked", () => {
    const summaries = (el: HTMLElement): string[] => [...el.querySelectorAll("summary")].map((s) => s.textContent ?? "");
    const nb = setup({ fylke: [11], sizeClass: [], respType: [], adopted: [] }).el;
    expect(summaries(nb)).toEqual(["Fylke: Rogaland", "Størrelse: alle", "Type: alle", "Har innført: alle"]);
    expect(nb.querySelector("button")?.textContent).toBe("Nullstill filter");
    const en = setup({ fylke: [11], sizeClass: [], respType: [], adopted: [] }, "en").el;
    expect(summaries(en)).toEqual(["County: Rogaland", "Size class: all", "Type: all", "Has adopted: all"]);
    expect(en.querySelector("output")?.textContent).toBe("N = 2 of 3 — too few for reliable percentages");
    expect(en.querySelector("button")?.textContent).toBe("Clear filter");
    expect([...en.querySelectorAll('input[name="type"]')].map((b) => b.parentElement?.textContent?.trim())).toEqual(["municipality", "county authority"]);
  });

  it("names the models by the codebook's labels in place: the same form, what is ticked and an open drop-down stay", () => {
    const { document, el } = setup({ fylke: [11], sizeClass: [], respType: [], adopted: ["q20"] }, "en");
    const adopted = el.querySelector<HTMLDetailsElement>('details[data-group="adopted"]');
    if (!adopted) throw new Error("no adopted drop-down");
    adopted.open = true;
    const boxes = [...el.querySelectorAll<HTMLInputElement>('input[name="adopted"]')];
    expect(boxes.map((b) => b.parentElement?.textContent?.trim())).toEqual(boxes.map((b) => b.value));
    el.labelModels((variable) => `model ${variable.toUpperCase()}`);
    expect(document.querySelector("form")).toBe(el);
    expect([...el.querySelectorAll<HTMLInputElement>('input[name="adopted"]')]).toEqual(boxes);
    expect(boxes.map((b) => b.parentElement?.textContent?.trim())).toEqual(boxes.map((b) => `model ${b.value.toUpperCase()}`));
    expect(adopted.open).toBe(true);
    expect(el.value.adopted).toEqual(["q20"]);
    expect(adopted.querySelector("summary")?.textContent).toBe("Has adopted: model Q20");
  });

  it("updates its value and N when a box is ticked and an input event fires", () => {
    const { document, el } = setup();
    const seen: SurveyFilter[] = [];
    el.addEventListener("input", () => seen.push(el.value));
    const box = el.querySelector<HTMLInputElement>('input[name="adopted"][value="q20"]');
    if (!box) throw new Error("no q20 box");
    box.checked = true;
    box.dispatchEvent(new (document.defaultView?.Event ?? Event)("input", { bubbles: true }));
    expect(seen.at(-1)?.adopted).toEqual(["q20"]);
    expect(el.querySelector("output")?.textContent).toContain("N = 2 av 3");
  });

  it("rewrites only the summaries whose words change: a county ticked leaves the other three as they are", () => {
    const { document, el } = setup();
    const summaries = [...el.querySelectorAll("summary")];
    const texts = summaries.map((s) => s.firstChild);
    expect(texts.every((t) => t !== null)).toBe(true);
    const box = el.querySelector<HTMLInputElement>('input[name="fylke"][value="11"]');
    if (!box) throw new Error("no Rogaland box");
    box.checked = true;
    box.dispatchEvent(new (document.defaultView?.Event ?? Event)("input", { bubbles: true }));
    expect(summaries.map((s) => s.textContent)).toEqual(["Fylke: Rogaland", "Størrelse: alle", "Type: alle", "Har innført: alle"]);
    expect(summaries[0]?.firstChild, "the county summary is written").not.toBe(texts[0]);
    for (const [i, s] of summaries.slice(1).entries()) expect(s.firstChild, "the others keep their text").toBe(texts[i + 1]);
    // Cleared again: the county summary reads "alle" once more, the others still untouched.
    box.checked = false;
    box.dispatchEvent(new (document.defaultView?.Event ?? Event)("input", { bubbles: true }));
    expect(summaries[0]?.textContent).toBe("Fylke: alle");
    for (const [i, s] of summaries.slice(1).entries()) expect(s.firstChild).toBe(texts[i + 1]);
  });

  it("can be set programmatically (share links, URL) and cleared", () => {
    const { el } = setup();
    el.value = { fylke: [12], sizeClass: [6], respType: [2], adopted: [] };
    expect(el.value).toEqual({ fylke: [12], sizeClass: [6], respType: [2], adopted: [] });
    expect(el.querySelector("output")?.textContent).toContain("N = 1 av 3");
    const reset = el.querySelector("button");
    reset?.dispatchEvent(new (el.ownerDocument.defaultView?.Event ?? Event)("click"));
    expect(el.value).toEqual({ fylke: [], sizeClass: [], respType: [], adopted: [] });
  });

  it("ticks a whole landsdel at once, and its box shows a partial choice as indeterminate", () => {
    const { document, el } = setup();
    const fire = (target: Element): void => void target.dispatchEvent(new (document.defaultView?.Event ?? Event)("input", { bubbles: true }));
    const vest = el.querySelector<HTMLInputElement>('input[name="landsdel"][value="Vestlandet"]');
    if (!vest) throw new Error("no Vestlandet box");
    vest.checked = true;
    fire(vest);
    // SSB's Vestlandet: Rogaland, Hordaland, Sogn og Fjordane, Møre og Romsdal (11, 12, 14, 15).
    expect(el.value.fylke).toEqual([11, 12, 14, 15]);
    expect(el.querySelector('details[data-group="fylke"] summary')?.textContent).toBe("Fylke: Rogaland, Hordaland, Sogn og Fjordane, Møre og Romsdal");
    el.value = { fylke: [11], sizeClass: [], respType: [], adopted: [] };
    expect(vest.checked).toBe(false);
    expect(vest.indeterminate).toBe(true);
  });

  it("searching the counties hides the others and is no filter change", () => {
    const { document, el } = setup();
    const seen: unknown[] = [];
    el.addEventListener("input", () => seen.push(el.value));
    const search = el.querySelector<HTMLInputElement>('input[type="search"]');
    if (!search) throw new Error("no search box");
    search.value = "trønd";
    search.dispatchEvent(new (document.defaultView?.Event ?? Event)("input", { bubbles: true }));
    const shown = [...el.querySelectorAll<HTMLElement>("label.tv-chip")].filter((l) => !l.hidden && l.querySelector('input[name="fylke"]')).map((l) => (l.textContent ?? "").trim());
    expect(shown).toEqual(["Sør-Trøndelag", "Nord-Trøndelag"]);
    expect(seen).toEqual([]);
  });
});

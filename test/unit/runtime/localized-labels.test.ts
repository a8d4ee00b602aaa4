/**
 * An input's label and a select's option texts given in each language ({nb, en}): made in the
 * language of the moment, and set in place by a switch — the same elements, so the reader's choice
 * stays. Headless, the label is the host's language. Observable Inputs itself is exercised in the
 * browser (test/browser/norsk-leftovers.test.ts); here a stand-in draws the same structure.
 */
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { isLanguageTexts, localizedInput, relabelInput, textIn } from "../../../src/runtime/localized-labels";
import { headlessInputsIn } from "../../../src/runtime/headless-inputs";

const { document } = parseHTML("<!doctype html><html><body></body></html>");

/** Inputs.select's structure: a form, its label first, options valued by index, text from format(value, i, data); the forms made, kept. */
function fakeSelect(data: string[]): { make: (options: unknown) => HTMLFormElement; forms: HTMLFormElement[] } {
  const forms: HTMLFormElement[] = [];
  const make = (options: unknown): HTMLFormElement => {
    const label: unknown = Reflect.get(Object(options), "label");
    const format: unknown = Reflect.get(Object(options), "format");
    const form = document.createElement("form");
    if (typeof label === "string") form.append(Object.assign(document.createElement("label"), { textContent: label }));
    const select = document.createElement("select");
    data.forEach((v, i) => {
      const option = document.createElement("option");
      option.value = String(i);
      option.textContent = typeof format === "function" ? String(format(v, i, data)) : v;
      select.append(option);
    });
    form.append(select);
    forms.push(form);
    return form;
  };
  return { make, forms };
}

/** Inputs.radio's and checkbox's structure: the label first, then `<label><input name=input value=i>text</label>` per option. */
function fakeRadio(data: string[]): { make: (options: unknown) => HTMLFormElement; forms: HTMLFormElement[] } {
  const forms: HTMLFormElement[] = [];
  const make = (options: unknown): HTMLFormElement => {
    const label: unknown = Reflect.get(Object(options), "label");
    const format: unknown = Reflect.get(Object(options), "format");
    const form = document.createElement("form");
    if (typeof label === "string") form.append(Object.assign(document.createElement("label"), { textContent: label }));
    const list = document.createElement("div");
    data.forEach((v, i) => {
      const option = document.createElement("label");
      const box = Object.assign(document.createElement("input"), { type: "radio", name: "input", value: String(i) });
      option.append(box, document.createTextNode(typeof format === "function" ? String(format(v, i, data)) : v));
      list.append(option);
    });
    form.append(list);
    forms.push(form);
    return form;
  };
  return { make, forms };
}

const words = (form: HTMLFormElement): (string | null)[] => [form.querySelector("label")?.textContent ?? null, ...[...form.querySelectorAll("option")].map((o) => o.textContent)];

describe("labels in each language", () => {
  it("knows a text in each language from anything else", () => {
    expect(isLanguageTexts({ nb: "Liste", en: "Listing" })).toBe(true);
    expect(isLanguageTexts({ nb: "Liste" })).toBe(false);
    expect(isLanguageTexts({ nb: "Liste", en: "Listing", de: "Liste" })).toBe(false);
    expect(isLanguageTexts("Listing")).toBe(false);
    expect(textIn({ nb: "Liste", en: "Listing" }, "nb")).toBe("Liste");
    expect(textIn("Listing", "nb")).toBe("Listing");
  });

  it("makes the input in the language, and a switch sets the same elements' words", () => {
    const data = ["Alle", "q20"];
    const format = (m: string) => (m === "Alle" ? { nb: "Alle lister", en: "All listings" } : { nb: `${m} Balansert målstyring`, en: `${m} Balanced scorecard` });
    const select = fakeSelect(data);
    const made = localizedInput(select.make, { label: { nb: "Liste", en: "Listing" }, format }, "nb");
    const [form] = select.forms;
    if (!form) throw new Error("no form");
    expect(made).toBe(form);
    const label = form.querySelector("label");
    const chosen = form.querySelector('option[value="1"]');
    chosen?.setAttribute("selected", "");
    expect(words(form)).toEqual(["Liste", "Alle lister", "q20 Balansert målstyring"]);
    relabelInput(form, "en");
    expect(words(form)).toEqual(["Listing", "All listings", "q20 Balanced scorecard"]);
    // The same elements, the choice with them.
    expect(form.querySelector("label")).toBe(label);
    expect(form.querySelector('option[value="1"]')).toBe(chosen);
    expect(chosen?.hasAttribute("selected")).toBe(true);
    relabelInput(form, "nb");
    expect(words(form)).toEqual(["Liste", "Alle lister", "q20 Balansert målstyring"]);
  });

  it("sets a radio's option texts beside its boxes, which stay with what was ticked", () => {
    const radio = fakeRadio(["small", "large"]);
    const format = (m: string) => (m === "small" ? { nb: "Små", en: "Small" } : { nb: "Store", en: "Large" });
    localizedInput(radio.make, { label: { nb: "Gruppe", en: "Group" }, format }, "nb");
    const [form] = radio.forms;
    if (!form) throw new Error("no form");
    const texts = (): string[] => [...form.querySelectorAll("div > label")].map((l) => l.textContent ?? "");
    const boxes = [...form.querySelectorAll("input")];
    boxes[1]?.setAttribute("checked", "");
    expect(texts()).toEqual(["Små", "Store"]);
    relabelInput(form, "en");
    expect([form.querySelector(":scope > label")?.textContent, ...texts()]).toEqual(["Group", "Small", "Large"]);
    expect([...form.querySelectorAll("input")]).toEqual(boxes);
    expect(boxes[1]?.hasAttribute("checked")).toBe(true);
    relabelInput(form, "nb");
    expect(texts()).toEqual(["Små", "Store"]);
  });

  it("passes options without such texts, and an input's data, on untouched", () => {
    const seen: unknown[] = [];
    const make = (o: unknown): unknown => (seen.push(o), {});
    const plain = { label: "Listing", value: 2 };
    const data = new Map([["a", 1]]);
    localizedInput(make, plain, "nb");
    localizedInput(make, data, "nb");
    expect(seen[0]).toBe(plain);
    expect(seen[1]).toBe(data);
  });

  it("headless, the label is the host's language", () => {
    expect(headlessInputsIn(() => "nb").toggle({ label: { nb: "Bare avvikende", en: "Only differing" } }).label).toBe("Bare avvikende");
    expect(headlessInputsIn(() => "en").select(["a"], { label: { nb: "Liste", en: "Listing" } }).label).toBe("Listing");
  });
});

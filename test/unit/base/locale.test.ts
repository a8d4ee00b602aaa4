import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent, formatPValue, localeFromLanguages, LOCALES, messages, pickLabel, asLocale, type Messages } from "../../../src/base/locale/locale";
import { parseCodebook } from "../../../src/data/parse-codebook";

const NBSP = "\u00a0";
const MINUS = "\u2212";

describe("formatNumber", () => {
  it("groups thousands with a no-break space in Norwegian and a comma in English", () => {
    expect(formatNumber("nb", 502867)).toBe(`502${NBSP}867`);
    expect(formatNumber("en", 502867)).toBe("502,867");
    expect(formatNumber("nb", 4445329)).toBe(`4${NBSP}445${NBSP}329`);
    expect(formatNumber("en", 2188257)).toBe("2,188,257");
    // Small numbers are not grouped; 1234 is (one rule for every count).
    expect(formatNumber("nb", 267)).toBe("267");
    expect(formatNumber("en", 1234)).toBe("1,234");
  });

  it("writes a decimal comma in Norwegian and a point in English, rounded to the decimals asked", () => {
    expect(formatNumber("nb", 1234.56, 1)).toBe(`1${NBSP}234,6`);
    expect(formatNumber("en", 1234.56, 1)).toBe("1,234.6");
    expect(formatNumber("nb", 0.5, 2)).toBe("0,50");
    expect(formatNumber("en", 3.14159)).toBe("3.14159");
  });

  it("writes negatives with the minus sign (U+2212) in both languages, and no sign on a rounded zero", () => {
    expect(formatNumber("nb", -1234.5, 1)).toBe(`${MINUS}1${NBSP}234,5`);
    expect(formatNumber("en", -1234.5, 1)).toBe(`${MINUS}1,234.5`);
    expect(formatNumber("en", -0.04, 1)).toBe("0.0");
    expect(formatNumber("nb", Number.NaN)).toBe("–");
  });
});

describe("formatPercent and formatPValue", () => {
  it("writes 45.67 % as '45,7 %' and '45.7%'", () => {
    expect(formatPercent("nb", 45.67)).toBe("45,7 %");
    expect(formatPercent("en", 45.67)).toBe("45.7%");
    expect(formatPercent("en", 100, 0)).toBe("100%");
  });

  it("writes p as APA in English and with leading zero and comma in Norwegian", () => {
    expect(formatPValue("en", 0.0341)).toBe(".034");
    expect(formatPValue("nb", 0.0341)).toBe("0,034");
    expect(formatPValue("en", 0.0004)).toBe("< .001");
    expect(formatPValue("nb", 0.0004)).toBe("< 0,001");
    expect(formatPValue("nb", null)).toBe("–");
  });
});

describe("the language to start in", () => {
  it("is Norwegian for nb, nn, no (with regions) first, English for any other first language", () => {
    expect(localeFromLanguages(["nb-NO", "en"])).toBe("nb");
    expect(localeFromLanguages(["nn"])).toBe("nb");
    expect(localeFromLanguages(["no"])).toBe("nb");
    expect(localeFromLanguages(["en-US", "nb"])).toBe("en");
    expect(localeFromLanguages(["de"])).toBe("en");
    expect(localeFromLanguages([])).toBe("nb");
  });

  it("refuses a stored value that is not a language, naming the two there are", () => {
    expect(asLocale("en")).toEqual({ ok: true, value: "en" });
    const bad = asLocale("<script>");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/"nb".*"en"/);
  });
});

describe("the message catalogues", () => {
  it("have the same keys, none empty, and functions where the other has functions", () => {
    const keys = (m: Messages): string[] => Object.keys(m).sort();
    const [nb, en] = [messages.nb, messages.en];
    expect(keys(nb)).toEqual(keys(en));
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(messages[locale])) {
        expect(typeof value, `${locale}.${key}`).toBe(typeof Reflect.get(messages.nb, key));
        if (typeof value === "string") expect(value.trim(), `${locale}.${key}`).not.toBe("");
      }
    }
    // The two differ where a reader would notice: they are not one catalogue copied.
    expect(nb.printed).not.toBe(en.printed);
    expect(nb.agreementScale).toHaveLength(en.agreementScale.length);
  });
});

describe("codebook labels in English", () => {
  const codebook = parseCodebook(JSON.parse(readFileSync("data/survey-1999/codebook.json", "utf8")), "codebook.json");
  const all = [...codebook.variables, ...(codebook.derived ?? [])];

  it("every variable and every code of the bundled codebook has an English label", () => {
    // Counted from data/survey-1999/codebook.json: 135 variables (129 questionnaire items + 6 derived),
    // 129 of them with a short label; 557 value labels.
    expect(all).toHaveLength(135);
    expect(all.filter((v) => v.en.trim() !== "")).toHaveLength(135);
    expect(all.filter((v) => v.label?.en.trim())).toHaveLength(129);
    expect(all.flatMap((v) => v.codes).filter((c) => c.en.trim() !== "")).toHaveLength(557);
  });

  it("falls back to Norwegian without error where the English label is missing", () => {
    expect(pickLabel({ no: "Skole", en: "School" }, "en")).toBe("School");
    expect(pickLabel({ no: "Skole", en: "" }, "en")).toBe("Skole");
    expect(pickLabel({ no: "Skole" }, "en")).toBe("Skole");
    expect(pickLabel({ no: "Skole", en: "School" }, "nb")).toBe("Skole");
  });
});

/**
 * The report tables (`tables.*`) against PSPP 1.6 on the fixture data (test/fixtures/pspp): every
 * count and percentage a crosstab, frequency or correlation table prints is PSPP's figure rounded as
 * shown; the size-class table's Wilson intervals are Newcombe's published ones and its trend z is
 * PSPP's linear-by-linear M² scaled by N/(N − 1). The expected-count warning counts the cells whose
 * PSPP expected count is below 5.
 */
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { createAnalysisBuiltins } from "../../../src/analysis/builtins";
import { messages } from "../../../src/base/locale/locale";
import type { CodedData } from "../../../src/stats/kernel-input";
import { num, psppCrosstabCells, psppTables, sampleCodebook, sampleCsv } from "../stats/pspp-fixtures";
import { nodeHost } from "../notebooks/headless-survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import type { Locale } from "../../../src/base/locale/locale";

const names = createAnalysisBuiltins(nodeHost());
const data: CodedData = { view: aq.fromCSV(sampleCsv()), codebook: sampleCodebook() };

/** The tables' Norwegian words (the default language) as PSPP prints them in English. */
const m = messages.nb;
const PSPP_WORDS = new Map([[m.count, "Count"], [m.rowPercent, "Row %"], [m.columnPercent, "Column %"], [m.totalPercent, "Total %"], [m.expected, "Expected"], [m.total, "Total"], [m.sig2Tailed, "Sig. (2-tailed)"]]);

/** The text of every body row's cells, the table's words in PSPP's. */
function bodyRows(el: HTMLElement): string[][] {
  return [...el.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent ?? "").map((text) => PSPP_WORDS.get(text) ?? text));
}

function auditLines(el: HTMLElement): string[] {
  return [...el.querySelectorAll(".tv-audit-line")].map((p) => p.textContent ?? "");
}

/** A PSPP number as the tables print it: decimal comma, minus sign (U+2212), `decimals` places, " %" for percentages. */
function shown(cell: string | undefined, decimals: number, percent: boolean): string {
  const text = num(cell).toFixed(decimals).replace(".", ",").replace("-", "\u2212");
  return percent ? `${text} %` : text;
}

describe("tables.crosstab agrees with PSPP CROSSTABS", () => {
  const tables = psppTables("crosstabs");
  const cases: [string, string, number][] = [["size_class", "q20", 0], ["q3", "q7", 1], ["resp_type", "q20", 2]];
  it.each(cases)("%s × %s: counts, row, column and total percentages and expected counts as printed", (row, column, k) => {
    const el = names.tables.crosstab(data, row, column, { percent: ["row", "column", "total"], expected: true });
    const pspp = psppCrosstabCells(tables[k * 4 + 1] ?? { title: "", rows: [] });
    const rows = bodyRows(el);
    let label = "";
    let checked = 0;
    for (const r of rows) {
      if (r[0]) label = r[0];
      const stat = r[1] ?? "";
      const expected = pspp.get(`${label}|${stat}`);
      expect(expected, `${label} ${stat}`).toBeDefined();
      const cells = r.slice(2);
      // PSPP's margins of the Expected line are shares of N, not expected counts (the tables print the
      // margin count there, as SPSS does): expected counts are compared in the body only.
      const upto = stat === "Expected" ? (label === "Total" ? 0 : cells.length - 1) : cells.length;
      for (let j = 0; j < upto; j++) {
        const want = stat === "Count" ? String(num(expected?.[j])) : shown(expected?.[j], 1, stat !== "Expected");
        expect(cells[j], `${label} ${stat} [${j}]`).toBe(want);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("prints χ², df, p and Cramér's V as PSPP computes them, and the expected-count warning", () => {
    const el = names.tables.crosstab(data, "size_class", "q20");
    const chi = tables[2]?.rows.find((r) => r[0] === "Pearson Chi-Square") ?? [];
    const v = tables[3]?.rows.find((r) => r[1] === "Cramer's V")?.[2];
    const [testLine, warning] = auditLines(el);
    // Norsk (the tables' default): decimal comma, p with its leading zero.
    expect(testLine).toBe(`Pearson χ²(${num(chi[2])}) = ${shown(chi[1], 2, false)}, p < 0,001 · Cramér's V = ${shown(v, 3, false)} · N = 89`);
    // PSPP's expected counts of the 6 × 4 body: how many are below 5, and the smallest.
    const expected = psppCrosstabCells(tables[1] ?? { title: "", rows: [] });
    const values = ["1", "2", "3", "4", "5", "6"].flatMap((r) => (expected.get(`${r}|Expected`) ?? []).slice(0, 4).map(num));
    const small = values.filter((e) => e < 5);
    expect(warning).toContain(`${small.length} celler (${((100 * small.length) / values.length).toFixed(1).replace(".", ",")} %) har forventet antall under 5. Minste forventede antall er ${Math.min(...values).toFixed(2).replace(".", ",")}.`);
    expect(el.querySelectorAll(".tv-audit-line.tv-warning")).toHaveLength(1);
  });

  it("takes a crosstab result as well as the data, with the same figures", () => {
    const fromData = names.tables.crosstab(data, "q3", "q7");
    const fromResult = names.tables.crosstab(names.stats.crosstab(data, "q3", "q7"));
    expect(fromResult.outerHTML).toBe(fromData.outerHTML);
  });
});

describe("tables.frequencies agrees with PSPP FREQUENCIES", () => {
  const tables = psppTables("frequencies");
  it.each(["q3", "q7", "q20"])("%s: frequency, percent, valid and cumulative percent, missing rows and N", (variable) => {
    const pspp = tables.find((t) => t.title === variable);
    expect(pspp).toBeDefined();
    const el = names.tables.frequencies(data, variable);
    const rows = bodyRows(el);
    const byLabel = new Map(rows.map((r) => [r[1]?.replace(/^\d+ /, "") ?? "", r]));
    for (const r of pspp?.rows.slice(1) ?? []) {
      const psppLabel = r[0] === "Total" && r[1] === "" ? "" : r[1] === "." ? "System (blank)" : r[1] ?? "";
      if (r[0] === "Total" || psppLabel === "") {
        const total = rows.find((x) => x[0] === "Total");
        expect(total?.[2]).toBe(String(num(r[2])));
        continue;
      }
      const mine = byLabel.get(psppLabel);
      expect(mine, psppLabel).toBeDefined();
      expect(mine?.[2]).toBe(String(num(r[2])));
      expect(mine?.[3]).toBe(shown(r[3], 1, true));
      if (r[4]) expect(mine?.[4]).toBe(shown(r[4], 1, true));
      if (r[5]) expect(mine?.[5]).toBe(shown(r[5], 1, true));
    }
    const stats = tables.find((t) => t.title === "Statistics")?.rows;
    const col = stats?.[0]?.indexOf(variable) ?? -1;
    expect(auditLines(el)[0]).toBe(`N = 96 · gyldige ${num(stats?.[1]?.[col])} · manglende ${num(stats?.[2]?.[col])}`);
  });
});

describe("tables.correlations agrees with PSPP CORRELATIONS", () => {
  const tables = psppTables("correlations");
  const variables = ["size_class", "q3", "q7", "q20", "q33", "score"];
  it.each([["pairwise", 0], ["listwise", 1]] as const)("%s: r, p and N of every pair", (deletion, k) => {
    const pspp = tables.filter((t) => t.title === "Correlations")[k];
    const el = names.tables.correlations(data, variables, { deletion });
    const rows = bodyRows(el);
    let checked = 0;
    const psppRows = pspp?.rows.slice(1) ?? [];
    // Listwise PSPP prints N once, in a footnote row; its rows are r and p per variable.
    const statsPerVariable = deletion === "pairwise" ? 3 : 2;
    variables.forEach((v, a) => {
      const block = rows.slice(a * 3, a * 3 + 3);
      const theirs = psppRows.slice(a * statsPerVariable, a * statsPerVariable + statsPerVariable);
      variables.forEach((_, b) => {
        const r = num(theirs[0]?.[b + 2]);
        expect(block[0]?.[b + 2]?.replace(/\*+$/, ""), `${v} r [${b}]`).toBe(a === b ? "1" : r.toFixed(3).replace(".", ",").replace("-", "\u2212"));
        if (a !== b) {
          const p = num(theirs[1]?.[b + 2]);
          expect(block[1]?.[b + 2], `${v} p [${b}]`).toBe(p < 0.001 ? "< 0,001" : p.toFixed(3).replace(".", ","));
        }
        if (deletion === "pairwise") expect(block[2]?.[b + 2], `${v} n [${b}]`).toBe(String(num(theirs[2]?.[b + 2])));
        checked++;
      });
    });
    expect(checked).toBe(36);
  });
});

describe("tables.sizeClass", () => {
  it("prints the Wilson intervals Newcombe (1998) published for 81/263, 15/148, 0/20 and 1/29", () => {
    // Newcombe, Statistics in Medicine 17:857–872, Table II, method 3 (Wilson score, no correction).
    const classes = [[1, 81, 263], [2, 15, 148], [3, 0, 20], [4, 1, 29]] as const;
    const columns = { size_class: [] as number[], q20: [] as number[] };
    for (const [c, x, n] of classes) for (let i = 0; i < n; i++) { columns.size_class.push(c); columns.q20.push(i < x ? 1 : 2); }
    const el = names.tables.sizeClass(columns, "q20", [1], { classes: [1, 2, 3, 4], decimals: 2 });
    expect(bodyRows(el).slice(0, 4).map((r) => r[4])).toEqual(["25,53 – 36,62 %", "6,24 – 16,05 %", "0,00 – 16,11 %", "0,61 – 17,18 %"]);
  });

  it("gives the Cochran–Armitage z that PSPP's linear-by-linear association implies (z² = N/(N − 1) · M²)", () => {
    const chi = psppTables("size-class").find((t) => t.title === "Chi-Square Tests")?.rows.find((r) => r[0] === "Linear-by-Linear Association");
    const n = 89;
    const z = Math.sqrt((n / (n - 1)) * num(chi?.[1]));
    const el = names.tables.sizeClass(data, "q20", [1]);
    // Larger classes adopt more in the fixture: the trend is positive.
    expect(auditLines(el)[0]).toMatch(new RegExp(`: z = ${z.toFixed(2)}, p`));
    // The counts per class are PSPP's (adopted20 = 1 of the class's valid answers).
    const pspp = psppTables("size-class").find((t) => t.title === "size_class × adopted20")?.rows ?? [];
    const rows = bodyRows(el);
    for (const c of [1, 2, 3, 4, 5, 6]) {
      const count = pspp.find((r) => r[1] === String(c) && r[2] === "Count");
      expect(rows[c - 1]?.[1], `class ${c} n`).toBe(String(num(count?.[5])));
      expect(rows[c - 1]?.[2], `class ${c} adopted`).toBe(String(num(count?.[4])));
    }
  });
});

describe("tables.correlations with hidden counts", () => {
  // q6 × q23: 1 respondent answers both (the bundled survey), so r has no value and the matrix's note
  // says "only 1 case …": with counts hidden that note would give the hidden n away, in either language.
  it.each(["nb", "en"] as const)("%s: says some pairs have no r, not their n", async (locale: Locale) => {
    const host = { ...nodeHost(), locale };
    const survey = await loadSurvey(host);
    const el = createAnalysisBuiltins(host).tables.correlations(survey, ["q6", "q23"], { mask: true });
    const notice = el.querySelector(".tv-notice")?.textContent ?? "";
    expect(notice).toContain(messages[locale].pairsWithoutRMasked);
    expect(notice).not.toMatch(/\b1\b/);
    const open = createAnalysisBuiltins(host).tables.correlations(survey, ["q6", "q23"], { mask: false });
    expect(open.querySelector(".tv-notice")?.textContent ?? "").toMatch(/\b1\b/);
  });
});

describe("tables.correlations in the table's language", () => {
  // Its caption, method line and marks line were English with decimal points in norsk.
  const words: Record<Locale, { caption: RegExp; deletion: RegExp; marks: string; fdr: string }> = {
    nb: { caption: /^Korrelasjoner \(Pearson r\): q3, q7, q20$/, deletion: /^Pearson r, listevis utelatelse \(n = \d+ fullstendige tilfeller\) · /, marks: "* p < 0,05, ** p < 0,01 (tosidig)", fdr: "* q < 0,05, ** q < 0,01" },
    en: { caption: /^Correlations \(Pearson r\): q3, q7, q20$/, deletion: /^Pearson r, listwise deletion \(n = \d+ complete cases\) · /, marks: "* p < .05, ** p < .01 (two-sided)", fdr: "* q < .05, ** q < .01" },
  };
  it.each(["nb", "en"] as const)("%s: caption, deletion and what the stars mean", (locale: Locale) => {
    const tables = createAnalysisBuiltins({ ...nodeHost(), locale }).tables;
    const listwise = tables.correlations(data, ["q3", "q7", "q20"], { deletion: "listwise" });
    expect(listwise.querySelector("caption")?.textContent).toMatch(words[locale].caption);
    const line = auditLines(listwise)[0] ?? "";
    expect(line).toMatch(words[locale].deletion);
    expect(line.endsWith(words[locale].marks)).toBe(true);
    const pairwise = auditLines(tables.correlations(data, ["q3", "q7", "q20"], { fdr: true }))[0] ?? "";
    expect(pairwise.startsWith(`Pearson r, ${locale === "nb" ? "parvis utelatelse" : "pairwise deletion"} · ${words[locale].fdr}`)).toBe(true);
  });
});

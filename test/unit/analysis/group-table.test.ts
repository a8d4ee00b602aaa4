/**
 * `tables.groups`: a group comparison as a report table in both languages, with PSPP's figures for
 * q1 by size class (ONEWAY: means 2.27 … 2.44, F(5, 244) = 0.37, p = .867; NPAR TESTS /K-W:
 * χ²(5) = 2.29, p = .807), every figure marked with what it rests on (computed on the
 * reconstruction: R), and in a shared view the small groups' counts hidden with their means.
 */
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { createTables } from "../../../src/analysis/tables/tables";
import { statsBuiltin } from "../../../src/analysis/stats-builtin";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

const { document } = parseHTML("<!doctype html><html><body></body></html>");
let survey: Survey;
beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
}, 60_000);

function rows(el: HTMLElement): string[][] {
  return [...el.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => (c.firstChild?.textContent ?? "").trim()));
}

describe("tables.groups", () => {
  it("shows q1 by size class as PSPP prints it, in English", () => {
    const tables = createTables({ document: () => document, shared: false, locale: "en" });
    const el = tables.groups(applyFilter(survey, EMPTY_FILTER), "size_class", "q1");
    const body = rows(el);
    expect(body.slice(0, 6).map((r) => r.slice(1, 3))).toEqual([["11", "2.27"], ["121", "2.34"], ["73", "2.36"], ["16", "2.13"], ["13", "2.38"], ["16", "2.44"]]);
    expect(body[6]?.slice(0, 3)).toEqual(["All groups", "250", "2.34"]);
    expect(body.find((r) => r[0] === "One-way ANOVA")?.slice(1, 4)).toEqual(["0.37", "5, 244", ".867"]);
    expect(body.find((r) => r[0] === "Kruskal–Wallis (ranks)")?.slice(1, 4)).toEqual(["2.29", "5", ".807"]);
    expect(el.querySelector("caption")?.textContent).toMatch(/ by .*size_class/);
  });

  it("writes the same table in norsk", () => {
    const tables = createTables({ document: () => document, shared: false, locale: "nb" });
    const el = tables.groups(statsBuiltin.compareGroups(applyFilter(survey, EMPTY_FILTER, { locale: "nb" }), "size_class", "q1"));
    const body = rows(el);
    expect(body[0]?.slice(1, 3)).toEqual(["11", "2,27"]);
    expect(body.find((r) => r[0] === "Enveis variansanalyse (ANOVA)")?.slice(1, 4)).toEqual(["0,37", "5, 244", "0,867"]);
    expect(el.querySelector("thead")?.textContent).toContain("Gjennomsnitt");
    expect([...el.querySelectorAll(".tv-audit-line")].map((p) => p.textContent).join(" ")).toContain("gyldige q1 med gruppe i size_class");
  });

  it("marks the figures computed on the reconstruction (R), F and H included", () => {
    const tables = createTables({ document: () => document, shared: false, locale: "en" });
    const el = tables.groups(applyFilter(survey, EMPTY_FILTER), "size_class", "q1");
    const anova = [...el.querySelectorAll("tbody tr")].find((tr) => tr.firstChild?.textContent === "One-way ANOVA");
    expect(anova?.children[1]?.classList.contains("tv-fig-reconstruction")).toBe(true);
    expect(el.querySelectorAll("td.tv-fig-reconstruction").length).toBeGreaterThan(20);
    // Welch's df2 differs by draw (its df cell is marked R); the ANOVA's N − k does not (D).
    const welch = [...el.querySelectorAll("tbody tr")].find((tr) => tr.firstChild?.textContent === "Welch's F (unequal variances)");
    expect(welch?.children[2]?.classList.contains("tv-fig-reconstruction")).toBe(true);
    expect(anova?.children[2]?.classList.contains("tv-fig-determined")).toBe(true);
  });

  it("in a shared view hides a county's count under 3 and its mean", () => {
    const tables = createTables({ document: () => document, shared: true, locale: "en" });
    const el = tables.groups(applyFilter(survey, EMPTY_FILTER), "fylke", "q1");
    const small = rows(el).filter((r) => r[1] === "< 3");
    expect(small.length).toBeGreaterThan(0);
    for (const r of small) expect(r.slice(2, 6)).toEqual(["–", "–", "–", "–"]);
    // The notes would name the counties with one answer: left out, as the counts are.
    const audit = [...el.querySelectorAll(".tv-audit-line")].map((p) => p.textContent ?? "");
    expect(audit.join(" ")).not.toMatch(/single valid answer|Fewer than 5/);
    const open = createTables({ document: () => document, shared: false, locale: "en" }).groups(applyFilter(survey, EMPTY_FILTER), "fylke", "q1");
    expect([...open.querySelectorAll(".tv-audit-line")].map((p) => p.textContent ?? "").join(" ")).toMatch(/single valid answer in group/);
  });
});

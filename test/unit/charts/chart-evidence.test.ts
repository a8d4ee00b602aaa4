/**
 * Issue 10 on charts: every figure a chart plots says what it rests on, as the tables do. Expected
 * values come from outside the code under test: the printed Tabell 2.1 (printed-tables.json) for a
 * printed percentage, and Pearson's r of two barrier items computed here by hand on every draw of
 * ensemble.bin for a reconstruction-dependent one (its class and range).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { createCharts } from "../../../src/analysis/charts/charts";
import { DEFAULT_LOCALE, messages } from "../../../src/base/locale/locale";
import { DISCLOSURE_THRESHOLD } from "../../../src/stats/disclosure";
import { comparePrintedWithEvidence } from "../../../src/analysis/evidence/compare-evidence";
import { statsBuiltin } from "../../../src/analysis/stats-builtin";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { decodeEnsemble, type Ensemble } from "../../../src/data/ensemble";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { nodeHost, repo } from "../notebooks/headless-survey";

let survey: Survey;
let ensemble: Ensemble;
const { document } = parseHTML("<!doctype html><html><body></body></html>");
const charts = createCharts({ document: () => document, shared: false });

interface PrintedCell { code: number; count?: number; percent?: number; conflict?: string }
interface PrintedRow { label: string; variable: string; cells: PrintedCell[]; total?: number }
const printed: { tables: { id: string; rows: PrintedRow[] }[] } = JSON.parse(readFileSync(path.join(repo, "data/survey-1999/printed-tables.json"), "utf8"));

beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
  const decoded = decodeEnsemble(new Uint8Array(readFileSync(path.join(repo, "data/survey-1999/ensemble.bin"))));
  if (!decoded.ok) throw new Error(decoded.error.message);
  ensemble = decoded.value;
});

/** Pearson's r of x and y in draw k over the pairs where both are answered (not blank, not code 9). */
function drawR(k: number, x: string, y: string): number {
  const a = ensemble.column(x, k) ?? new Float64Array();
  const b = ensemble.column(y, k) ?? new Float64Array();
  const pairs: [number, number][] = [];
  for (let i = 0; i < ensemble.rows; i++) {
    const u = a[i] ?? Number.NaN;
    const v = b[i] ?? Number.NaN;
    if (!Number.isNaN(u) && !Number.isNaN(v) && u !== 9 && v !== 9) pairs.push([u, v]);
  }
  const n = pairs.length;
  const mx = pairs.reduce((s, p) => s + p[0], 0) / n;
  const my = pairs.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [u, v] of pairs) {
    sxy += (u - mx) * (v - my);
    sxx += (u - mx) ** 2;
    syy += (v - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** The tooltip text of every mark in `svg` whose group has class `cls`. */
function titlesIn(svg: Element, cls: string): string[] {
  return [...svg.querySelectorAll(`g.${cls} title`)].map((t) => t.textContent ?? "");
}

/** The evidence legend's lines, whole (the drawn text is wrapped). */
const legendOf = (svg: Element): string => [...svg.querySelectorAll("g.tv-ev-legend > g")].map((g) => g.getAttribute("aria-label") ?? "").join(" · ");

const comma2 = (r: number): string => r.toFixed(2).replace(".", ",").replace("-", "−");

// Charts made without a language speak the default one (norsk): numbers and evidence words alike.
describe("charts mark what each plotted figure rests on", () => {
  it("Tabell 2.1 unfiltered: every bar is a printed figure (its count and percentage as printed), drawn solid, none hatched", () => {
    const cmp = comparePrintedWithEvidence(applyFilter(survey, EMPTY_FILTER), survey.printed?.tables.find((t) => t.id === "2.1") ?? expect.fail("no 2.1"));
    const svg = charts.statusBars(cmp, { mode: "printed-vs-recomputed", title: "2.1" });
    const printedTitles = titlesIn(svg, "tv-fig-printed");
    // Hand-check against the print: a row and code without a documented conflict, its bar's count and share.
    const table = printed.tables.find((t) => t.id === "2.1");
    let checked = 0;
    for (const row of table?.rows ?? []) {
      for (const cell of row.cells) {
        if (cell.conflict || cell.count === undefined || cell.percent === undefined || row.total === undefined) continue;
        const title = printedTitles.find((t) => t.startsWith(`${row.label}: `) && t.includes(`(${cell.count} av ${row.total})`));
        expect(title, `${row.label} code ${cell.code}`).toBeDefined();
        const shown = Number(/ (\d+,\d) %/.exec(title ?? "")?.[1]?.replace(",", "."));
        expect(Math.abs(shown - cell.percent)).toBeLessThanOrEqual(0.5 + 0.05);
        expect(title).toContain("Trykt: trykt i rapporten fra 1999.");
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
    expect(svg.querySelectorAll("g.tv-fig-reconstruction").length).toBe(0);
    expect(svg.querySelector("[fill^='url(#tv-ev-hatch']")).toBeNull();
    expect(legendOf(svg)).toContain("P = trykt i rapporten fra 1999");
  });

  it("a correlation that varies across the draws: hatched, its class and range (counted by hand on every draw) in its tooltip and under it; the legend line as the tables'", () => {
    const rs = Array.from({ length: ensemble.draws }, (_, k) => drawR(k, "q29_1", "q29_2"));
    const min = Math.min(...rs);
    const max = Math.max(...rs);
    expect(max - min).toBeGreaterThan(0.01);
    const matrix = statsBuiltin.correlationMatrix(applyFilter(survey, EMPTY_FILTER), ["q29_1", "q29_2"]);
    // As notebook 03 passes it: a new object holding the matrix's cells.
    for (const input of [matrix, { labels: ["a", "b"], cells: matrix.cells, method: "pearson" as const }]) {
      const svg = charts.correlationHeatmap(input, {});
      const dependent = titlesIn(svg, "tv-fig-reconstruction");
      expect(dependent.length).toBe(2);
      for (const title of dependent) {
        expect(title).toContain("Avhenger av rekonstruksjonen: varierer mellom de 50 rekonstruksjonene");
        expect(title).toContain(`(${comma2(min)}–${comma2(max)} mellom dem)`);
      }
      // Hatched (one path, a box per dependent pair), and the range printed under n.
      const hatching = svg.querySelectorAll("path.tv-fig-reconstruction[fill^='url(#tv-ev-hatch']");
      expect(hatching).toHaveLength(1);
      expect(hatching[0]?.getAttribute("d")?.match(/M/g)).toHaveLength(2);
      expect(svg.textContent).toContain(`${comma2(min)}…${comma2(max)}`);
      expect(legendOf(svg)).toContain("R = varierer mellom de 50 rekonstruksjonene: byggingen trakk det, rapporten sier det ikke");
      expect(titlesIn(svg, "tv-fig-printed")).toEqual([]);
    }
  });

  it("a size-class rate from the kernel is marked; a plain array draws no evidence at all", () => {
    const selection = applyFilter(survey, EMPTY_FILTER);
    const rates = statsBuiltin.sizeClassRates(selection, "q29_1", [1]);
    const svg = charts.sizeClassRates(rates, {});
    const marked = svg.querySelectorAll("g.tv-fig-printed, g.tv-fig-determined, g.tv-fig-reconstruction");
    expect(marked.length).toBeGreaterThan(0);
    // Under a county, some rates differ between the draws: each gets a whisker in the saved chart's
    // ink (#8a4b00, what an SVG or PNG shows) with the role class the page's dark theme repaints.
    const county = statsBuiltin.sizeClassRates(applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] }), "q9", [1]);
    const countyChart = charts.sizeClassRates(county, {});
    // The whiskers are one path (a segment per rate) and the legend's sample line.
    const whiskers = [...countyChart.querySelectorAll(".tv-fig-reconstruction[stroke], line[stroke='#8a4b00']")];
    expect(whiskers.length).toBeGreaterThan(1);
    expect(countyChart.querySelector("path.tv-chart-whisker")?.getAttribute("d")?.match(/M/g)?.length ?? 0).toBeGreaterThan(1);
    for (const w of whiskers) {
      expect(w.getAttribute("stroke")).toBe("#8a4b00");
      expect(w.classList.contains("tv-chart-whisker")).toBe(true);
    }
    const plain = charts.sizeClassRates([{ sizeClass: 1, n: 20, rate: 40 }], {});
    expect(plain.querySelector("[class^='tv-fig-'], g.tv-ev-legend")).toBeNull();
  });

  it("a shared view under a county filter with a group of 1–2: the chart is withheld and no range is drawn", () => {
    const shared = createCharts({ document: () => document, shared: true });
    const selection = applyFilter(survey, { ...EMPTY_FILTER, fylke: [9] }, { shared: true });
    const cmp = comparePrintedWithEvidence(selection, survey.printed?.tables.find((t) => t.id === "2.1") ?? expect.fail("no 2.1"));
    const counts = cmp.rows.flatMap((r) => r.cells.map((c) => c.count));
    expect(counts.some((k) => k === 1 || k === 2)).toBe(true);
    const out = shared.statusBars(cmp, { mode: "printed-vs-recomputed" });
    // Charts made without a language speak the default one (norsk).
    expect(out.textContent).toContain(messages[DEFAULT_LOCALE].chartWithheld(DISCLOSURE_THRESHOLD));
    expect(out.textContent).not.toMatch(/mellom dem|across them|\d–\d/);
  });
});

/**
 * What a figure rests on: the classification rule on hand-made values, the ensemble's counter held to
 * the statistics kernels' counts on every printed table, and the classification of real figures —
 * every printed figure unfiltered is "printed", figures that follow from named facts are
 * "determined" in all draws, and a relation the build does not impose is "reconstruction-dependent"
 * with its range. Expected values come from respondents.csv and ensemble.bin read here, not from
 * the code under test.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { acrossDraws } from "../../../src/analysis/evidence/across-draws";
import { comparePrintedWithEvidence } from "../../../src/analysis/evidence/compare-evidence";
import { classifyFigure } from "../../../src/analysis/evidence/evidence";
import { frameCounter } from "../../../src/analysis/evidence/frame-counter";
import { comparisonPlan, drawNumbers } from "../../../src/analysis/evidence/comparison-plan";
import { compareRows, kernelCounter, percentOf } from "../../../src/analysis/printed-comparison";
import { renderComparison } from "../../../src/analysis/render-table";
import { cellExportFields } from "../../../src/analysis/export-fields";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { decodeEnsemble } from "../../../src/data/ensemble";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { frameOf, frequencies, pearson } from "../../../src/stats/index";
import { nodeHost, repo } from "../notebooks/headless-survey";

let survey: Survey;
beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
});

describe("classifyFigure", () => {
  it("says printed, determined, reconstruction (with its range) or your data", () => {
    expect(classifyFigure(undefined)).toEqual({ kind: "your-data", draws: 0 });
    expect(classifyFigure([5, 5, 5], true)).toEqual({ kind: "printed", draws: 3 });
    expect(classifyFigure([5, 5, 5 + 1e-12])).toEqual({ kind: "determined", draws: 3 });
    expect(classifyFigure([0.2, -0.1, 0.35, 0.2])).toEqual({ kind: "reconstruction", draws: 4, range: { min: -0.1, max: 0.35 } });
    // Undefined in every draw is one answer; undefined in some draws and a number in others is not.
    expect(classifyFigure([null, Number.NaN])).toEqual({ kind: "determined", draws: 2 });
    expect(classifyFigure([0.4, null])).toEqual({ kind: "reconstruction", draws: 2, range: { min: 0.4, max: 0.4 } });
  });
});

describe("the ensemble's counters", () => {
  it("counts exactly what the statistics kernels count, on every printed table, filtered or not", () => {
    const filters = [EMPTY_FILTER, { ...EMPTY_FILTER, fylke: [11] }, { ...EMPTY_FILTER, sizeClass: [5, 6], respType: [1] }, { ...EMPTY_FILTER, adopted: ["q20" as const] }];
    for (const filter of filters) {
      const selection = applyFilter(survey, filter);
      const columns = new Set(survey.table.columnNames());
      for (const table of survey.printed?.tables ?? []) {
        if (table.kind === "list") continue;
        const strip = (rows: ReturnType<typeof compareRows>) => rows.map((r) => ({ total: r.total, cells: r.cells.map((c) => [c.count, c.percent]) }));
        const byKernels = compareRows(table, kernelCounter(selection.view, survey.codebook, []), columns, true);
        const byFrame = compareRows(table, frameCounter(selection.view), columns, true);
        expect(strip(byFrame), `${table.id} under ${JSON.stringify(filter)}`).toEqual(strip(byKernels));
        // The draws' plan (numbers only, typed arrays) gives the same figures as the full comparison,
        // on the canonical survey and on two reconstructions.
        const plan = comparisonPlan(table, survey.table, columns);
        const planned = (numbers: Float64Array) => plan.rows.map((r) => {
          const base = numbers[r.at + r.cells] ?? Number.NaN;
          const counts = Array.from(numbers.subarray(r.at, r.at + r.cells));
          return { total: numbers[r.at + r.cells + 1], cells: counts.map((k) => [k, percentOf(k, Number.isNaN(base) ? null : base)]) };
        });
        expect(planned(drawNumbers(plan, selection)), `${table.id} numbers under ${JSON.stringify(filter)}`).toEqual(strip(byKernels));
        for (const k of [7, 31]) {
          const draw = selection.draws()?.[k];
          if (!draw) throw new Error(`no draw ${k}`);
          const onDraw = compareRows(table, kernelCounter(draw.view, survey.codebook, []), columns, true);
          expect(planned(drawNumbers(plan, draw)), `${table.id} draw ${k} under ${JSON.stringify(filter)}`).toEqual(strip(onDraw));
        }
      }
    }
  });
});

describe("figures classified over the ensemble", () => {
  it("has 50 reconstructions, draw 0 being respondents.csv", () => {
    const bytes = new Uint8Array(readFileSync(path.join(repo, "data/survey-1999/ensemble.bin")));
    const ensemble = decodeEnsemble(bytes);
    expect(ensemble.ok).toBe(true);
    if (!ensemble.ok) return;
    expect(survey.draws).toHaveLength(ensemble.value.draws);
    expect(ensemble.value.draws).toBeGreaterThanOrEqual(50);
    expect(survey.draws?.[0]).toBe(survey);
    // Draw 7's q3 column is the file's, row for row: as the statistics read it (NaN for blank), and
    // as cell code reads it (null for blank, like the survey: docs/decisions.md, "Blanks are null").
    const file = Array.from(ensemble.value.column("q3", 7) ?? []);
    const draw7 = survey.draws?.[7]?.table;
    expect(file.some((v) => Number.isNaN(v))).toBe(true);
    expect(draw7 ? Array.from(frameOf(draw7).column("q3")) : []).toEqual(file);
    expect(Array.from(draw7?.array("q3") ?? [])).toEqual(file.map((v) => (Number.isNaN(v) ? null : v)));
  });

  it("marks every printed figure of chapter 2 and 3 printed when unfiltered", () => {
    const selection = applyFilter(survey, EMPTY_FILTER);
    for (const table of survey.printed?.tables ?? []) {
      if (table.kind === "list" || table.kind === "text") continue;
      const cmp = comparePrintedWithEvidence(selection, table);
      for (const row of cmp.rows) for (const cell of row.cells) {
        if (cell.matches !== true) continue;
        expect(cell.evidence?.count.kind, `${table.id} ${row.variable} ${String(cell.code)}`).toBe("printed");
      }
    }
  });

  it("finds the named BMS adopters' size classes the same in every draw (a named fact)", () => {
    // Every adopter of balanced scorecard is named in the appendix, with its SSB size class.
    const adopters = applyFilter(survey, { ...EMPTY_FILTER, adopted: ["q20"] });
    const sizes = acrossDraws(adopters, (s) => frequencies(s.view, "size_class").valid.map((v) => v.count));
    expect(sizes.draws).toBe(survey.draws?.length);
    expect(sizes.counts.reconstruction).toBe(0);
    expect(sizes.counts.determined).toBeGreaterThan(0);
    expect(acrossDraws(adopters, (s) => s.n).evidence("")).toMatchObject({ kind: "determined" });
  });

  it("shows a relation the build does not impose (size × competence lacking) as reconstruction-dependent, with a range around 0", () => {
    const all = applyFilter(survey, EMPTY_FILTER);
    const r = acrossDraws(all, (s) => pearson(s.view, "size_class", "q29_1", { codebook: survey.codebook }).r);
    const e = r.evidence("");
    expect(e.kind).toBe("reconstruction");
    expect(e.range?.min).toBeLessThan(0);
    expect(e.range?.max).toBeGreaterThan(0);
  });

  it("names which variables the reconstruction drew for the selected respondents, counted from the ensemble file", () => {
    const bytes = new Uint8Array(readFileSync(path.join(repo, "data/survey-1999/ensemble.bin")));
    const ensemble = decodeEnsemble(bytes);
    if (!ensemble.ok) throw new Error(ensemble.error.message);
    // Independently, from provenance.json's rule: a named respondent's size class is SSB's (a fact);
    // an anonymous kommune's is dealt by the build (drawn); an anonymous fylkeskommune is class 6 in
    // every draw (forced). Rows are not respondents across draws, so draw 0 only gives the counts.
    const knr = ensemble.value.column("knr", 0) ?? new Float64Array();
    const type = ensemble.value.column("resp_type", 0) ?? new Float64Array();
    const sizes = Array.from({ length: ensemble.value.draws }, (_, k) => ensemble.value.column("size_class", k) ?? new Float64Array());
    const anonymous = (k: number, t: number): number[] =>
      Array.from({ length: ensemble.value.rows }, (_, i) => i).filter((i) => Number.isNaN((ensemble.value.column("knr", k) ?? knr)[i]) && (ensemble.value.column("resp_type", k) ?? type)[i] === t);
    const anonymousFylkeskommuner = sizes.flatMap((c, k) => anonymous(k, 2).map((i) => c[i]));
    expect(new Set(anonymousFylkeskommuner)).toEqual(new Set([6]));
    const expected = anonymous(0, 1).length;
    expect(expected).toBeGreaterThan(0);
    const table = survey.printed?.tables.find((t) => t.id === "2.1");
    if (!table) throw new Error("no Tabell 2.1");
    const allSizes = { ...EMPTY_FILTER, sizeClass: [1, 2, 3, 4, 5, 6] };
    const cmp = comparePrintedWithEvidence(applyFilter(survey, allSizes, { locale: "en" }), table);
    expect(cmp.drawn).toContain(`values drawn by the reconstruction: size_class for ${expected} of 267`);
    // In the selection's language, as the audit block it goes into (was English in norsk).
    expect(comparePrintedWithEvidence(applyFilter(survey, allSizes, { locale: "nb" }), table).drawn).toContain(`verdier trukket av rekonstruksjonen: size_class for ${expected} av 267`);
  });

  it("puts a marker, the range, a legend and the audit summary on the page, and the evidence in the CSV fields", () => {
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const table = survey.printed?.tables.find((t) => t.id === "2.1");
    if (!table) throw new Error("no Tabell 2.1");
    const filtered = renderComparison(document, comparePrintedWithEvidence(applyFilter(survey, { ...EMPTY_FILTER, fylke: [12] }, { locale: "en" }), table), { locale: "en" });
    expect(filtered.querySelectorAll("td.tv-fig-reconstruction").length).toBeGreaterThan(0);
    expect(filtered.querySelector(".tv-ev-reconstruction .tv-ev-range")?.textContent).toMatch(/^\d+–\d+%?$/); // English: "12–19%"
    expect(filtered.querySelector(".tv-ev-legend")?.textContent).toContain("R = differs between the 50 reconstructions");
    expect([...filtered.querySelectorAll(".tv-audit-line")].map((p) => p.textContent).join("\n")).toMatch(/evidence: .*rests on the reconstruction \(over 50 reconstructions\)/);
    const marked = filtered.querySelector("td.tv-fig-reconstruction");
    expect(marked ? cellExportFields(marked) : undefined).toContainEqual(["recomputed_evidence", "reconstruction"]);
    const whole = renderComparison(document, comparePrintedWithEvidence(applyFilter(survey, EMPTY_FILTER, { locale: "en" }), table), { locale: "en" });
    expect(whole.querySelectorAll("td.tv-fig-reconstruction")).toHaveLength(0);
    expect(whole.querySelector(".tv-ev-legend")?.textContent).toBe("P = printed in the 1999 report");
  });
});

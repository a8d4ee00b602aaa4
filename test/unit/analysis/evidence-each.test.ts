/**
 * The kernels' one-call forms on every reconstruction (`sizeClassRatesEach`, `sizeClassMeansEach`,
 * `pearsonEach`, `correlationMatrixEach`: arguments checked once) give, draw by draw, exactly the
 * result the kernel gives on that draw alone — every field, compared with Object.is — under filters
 * with empty size classes, an empty selection, a filter whose rows differ per draw, and variables with
 * blanks and missing codes. The comparison is only worth something if the draws differ: each case
 * also checks that the draws' results are not interchangeable (reversed, or all computed on one
 * draw's rows, they no longer match). The evidence a table shows is the same through the one-call path
 * as through a call per draw, and a filtered draw's table (rows picked, not copied) reads the values
 * its survey has at the selected rows.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter, type FilteredSurvey } from "../../../src/analysis/apply-filter";
import { acrossDraws } from "../../../src/analysis/evidence/across-draws";
import { classifyFigure } from "../../../src/analysis/evidence/evidence";
import * as evidenced from "../../../src/analysis/evidence/evidenced-kernels";
import { evidenceOfResult } from "../../../src/analysis/evidence/result-evidence";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import {
  correlationMatrix, correlationMatrixEach, pearson, pearsonEach, sizeClassMeans, sizeClassMeansEach, sizeClassRates, sizeClassRatesEach,
} from "../../../src/stats/index";
import { nodeHost } from "../notebooks/headless-survey";
import { figureAt, figurePaths } from "./figure-paths";

let survey: Survey;
beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
});

/** The filters: none; a county; large classes only (classes 1–4 empty); an adoption filter (rows differ per draw); an empty selection. */
function filters(): { name: string; filter: SurveyFilter }[] {
  const list = [
    { name: "no filter", filter: EMPTY_FILTER },
    { name: "Rogaland", filter: { ...EMPTY_FILTER, fylke: [11] } },
    { name: "size classes 5–6", filter: { ...EMPTY_FILTER, sizeClass: [5, 6] } },
    { name: "adopted q20", filter: { ...EMPTY_FILTER, adopted: ["q20" as const] } },
  ];
  // An empty selection: the first county with no fylkeskommune of size class 1 (there is none anywhere).
  const empty = { ...EMPTY_FILTER, fylke: [11], sizeClass: [1], respType: [2] };
  return [...list, { name: "empty", filter: empty }];
}

/** The draws of `filter` (draw 0 the survey itself). */
function drawsOf(filter: SurveyFilter): readonly FilteredSurvey[] {
  const draws = applyFilter(survey, filter).draws();
  if (!draws) throw new Error("the bundled survey has no ensemble");
  return draws;
}

/** How many different results the draws give (by their figures). */
function distinct(results: readonly unknown[]): number {
  return new Set(results.map((r) => JSON.stringify(figurePaths(r).map((p) => [p, figureAt(r, p)])))).size;
}

/**
 * `each` equals the kernel draw by draw. Where the draws' results differ, they are also not
 * interchangeable: reversed, or each from draw 0's selection, they no longer match (so a path that
 * mixed up draws, or applied one draw's filter to all, would fail here). Returns how many differ.
 */
function expectSameDrawByDraw<R>(draws: readonly FilteredSurvey[], each: readonly R[], single: (d: FilteredSurvey) => R): number {
  const alone = draws.map(single);
  expect(each).toHaveLength(draws.length);
  for (const [k, result] of each.entries()) expect(result, `draw ${k}`).toStrictEqual(alone[k]);
  const kinds = distinct(alone);
  if (kinds > 1) {
    expect([...each].reverse()).not.toStrictEqual(alone);
    const first = draws[0];
    if (first) expect(draws.map(() => single(first))).not.toStrictEqual(alone);
  }
  return kinds;
}

describe("the kernels on every reconstruction in one call", () => {
  it("has draws whose rows differ under an adoption filter, and results that differ by draw (so the checks below can fail)", () => {
    const draws = drawsOf({ ...EMPTY_FILTER, adopted: ["q20"] });
    expect(new Set(draws.map((d) => Array.from(d.view.indices()).join(","))).size).toBeGreaterThan(1);
    expect(distinct(draws.map((d) => sizeClassRates(d, "q9", [1])))).toBeGreaterThan(1);
    expect(distinct(draws.map((d) => sizeClassMeans(d, "q30_5")))).toBeGreaterThan(1);
    expect(distinct(draws.map((d) => pearson(d, "q30_5", "q6")))).toBeGreaterThan(1);
    expect(distinct(draws.map((d) => correlationMatrix(d, ["q30_5", "q6", "q11"])))).toBeGreaterThan(1);
    const empty = drawsOf(filters().find((f) => f.name === "empty")?.filter ?? EMPTY_FILTER);
    expect(empty.every((d) => d.n === 0)).toBe(true);
  });

  for (const { name, filter } of filters()) {
    describe(name, () => {
      it("sizeClassRates: the same result on each draw as alone", () => {
        const draws = drawsOf(filter);
        for (const variable of ["q20", "q9", "q7"]) {
          if (!survey.table.columnNames().includes(variable)) throw new Error(`no ${variable} in the survey`);
          expectSameDrawByDraw(draws, sizeClassRatesEach(draws, variable, [1]), (d) => sizeClassRates(d, variable, [1]));
        }
      });

      it("sizeClassMeans: the same result on each draw as alone (blanks and the missing code left out)", () => {
        const draws = drawsOf(filter);
        expectSameDrawByDraw(draws, sizeClassMeansEach(draws, "q30_5"), (d) => sizeClassMeans(d, "q30_5"));
      });

      it("pearson: the same r, n, p and audit on each draw as alone", () => {
        const draws = drawsOf(filter);
        for (const [x, y] of [["q30_5", "q6"], ["size_class", "q9"], ["q30_5", "q27"]] as const) {
          expectSameDrawByDraw(draws, pearsonEach(draws, x, y), (d) => pearson(d, x, y));
        }
      });

      it("correlationMatrix: the same matrix on each draw as alone, pairwise and listwise, Pearson and Spearman", () => {
        const draws = drawsOf(filter);
        const variables = ["q30_5", "q6", "q11", "q15", "q19", "q23", "q27"];
        expectSameDrawByDraw(draws, correlationMatrixEach(draws, variables), (d) => correlationMatrix(d, variables));
        const options = { method: "spearman" as const, deletion: "listwise" as const, fdr: true };
        expectSameDrawByDraw(draws, correlationMatrixEach(draws, variables, options), (d) => correlationMatrix(d, variables, options));
      });
    });
  }

  it("refuses a wrong argument as the kernel does", () => {
    const draws = drawsOf(EMPTY_FILTER);
    expect(() => sizeClassRatesEach(draws, "q2O", [1])).toThrow(/no variable "q2O"/);
    expect(() => pearsonEach(draws, "q30_5", "nope")).toThrow(/no variable "nope"/);
    expect(() => correlationMatrixEach(draws, ["q6"])).toThrow(/at least 2/);
  });

  it("computes data of another codebook one by one (plain columns), as the kernel does", () => {
    const columns = [{ x: [1, 2, 3, 4], y: [2, 1, 4, 3] }, { x: [1, 2, 3, 4], y: [4, 3, 2, 1] }];
    expect(pearsonEach(columns, "x", "y")).toStrictEqual(columns.map((c) => pearson(c, "x", "y")));
    expect(pearsonEach(columns, "x", "y").map((c) => c.r)).toEqual([0.6, -1]);
  });
});

describe("the evidence through the one-call path", () => {
  it("classifies every figure of a size-class table and a correlation matrix as the per-draw path does", () => {
    for (const { filter } of filters()) {
      const selection = applyFilter(survey, filter);
      const variables = ["q30_5", "q6", "q11", "q15"];
      const cases: [unknown, (s: FilteredSurvey) => unknown][] = [
        [evidenced.sizeClassRates(selection, "q20", [1]), (s) => sizeClassRates(s, "q20", [1])],
        [evidenced.correlationMatrix(selection, variables), (s) => correlationMatrix(s, variables)],
        [evidenced.pearson(selection, "size_class", "q9"), (s) => pearson(s, "size_class", "q9")],
      ];
      for (const [result, compute] of cases) {
        const batched = evidenceOfResult(result)?.figures;
        const perDraw = acrossDraws(selection, (s) => (s === selection ? result : compute(s)));
        expect(batched?.counts).toStrictEqual(perDraw.counts);
        const draws = selection.draws() ?? [];
        const results = draws.map((s, k) => (k === 0 ? result : compute(s)));
        for (const path of figurePaths(result)) {
          expect(batched?.evidence(path), path).toStrictEqual(perDraw.evidence(path));
          // Each draw's figure read here by its path, independently of the evidence's walk.
          const values = results.map((r) => {
            const v = figureAt(r, path);
            return typeof v === "number" ? v : null;
          });
          expect(batched?.evidence(path), path).toStrictEqual(classifyFigure(values));
        }
      }
    }
  });
});

describe("a result computed on one reconstruction", () => {
  it("keeps no evidence (no ensemble of its own: its table shows no markers, not 'your data')", () => {
    const selection = applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] });
    const draw = selection.draws()?.[3];
    if (!draw) throw new Error("no draw 3");
    expect(evidenceOfResult(evidenced.sizeClassRates(draw, "q20", [1]))).toBeUndefined();
    expect(evidenceOfResult(evidenced.pearson(draw, "q30_5", "q6"))).toBeUndefined();
    // On the selection itself (draw 0) the evidence is kept, over all 50 draws.
    expect(evidenceOfResult(evidenced.pearson(selection, "q30_5", "q6"))?.figures.draws).toBe(50);
  });
});

describe("a filtered draw's table", () => {
  it("reads the draw's values at the selected rows, column by column and as rows", () => {
    const draws = drawsOf({ ...EMPTY_FILTER, adopted: ["q20"], fylke: [11, 12, 14] });
    let blanks = 0;
    for (const d of draws.slice(1)) {
      const rows = Array.from(d.view.indices());
      expect(d.table.numRows()).toBe(d.n);
      expect(d.table.columnNames()).toEqual(d.survey.table.columnNames());
      for (const name of ["q9", "q20", "size_class", "resp_id"]) {
        const column = d.survey.table.column(name);
        expect(d.table.array(name), name).toEqual(rows.map((r) => column?.at(r)));
      }
      expect(d.rows.map((r) => r.q9)).toEqual(rows.map((r) => d.survey.table.get("q9", r)));
      // Blanks read null, as on the survey's own table.
      blanks += d.table.array("q9").filter((v) => v === null).length;
      // A table made from it (filtered, ordered, picked again) reads the same values.
      const picked = d.table.reify([2, 0]);
      expect(picked.array("q9")).toEqual([d.table.get("q9", 2), d.table.get("q9", 0)]);
      expect(d.table.orderby("resp_id").reify().numRows()).toBe(d.n);
    }
    expect(blanks).toBeGreaterThan(0);
  });
});

describe("a figure's evidence, read on demand", () => {
  it("reads a draw's figure only when its evidence is first asked for, and classifies it as the values say", () => {
    const selection = applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] });
    const draws = selection.draws() ?? [];
    expect(draws.length).toBeGreaterThan(2);
    const reads = { r: 0, p: 0, n: 0 };
    // Each draw's result counts the reads of its figures; its values differ by draw (r) or not (n).
    const compute = (s: FilteredSurvey) => {
      const k = draws.indexOf(s);
      const result = {
        get r() { reads.r++; return k / 100; },
        get p() { reads.p++; return k === 3 ? null : 0.5; },
        audit: { get n() { reads.n++; return 7; } },
      };
      return s === selection ? { r: 0, p: 0.5, audit: { n: 7 } } : result;
    };
    const e = acrossDraws(selection, compute);
    expect(reads).toEqual({ r: 0, p: 0, n: 0 });
    expect(e.evidence("r")).toStrictEqual(classifyFigure(draws.map((_, k) => k / 100)));
    expect(e.evidence("r")).toMatchObject({ kind: "reconstruction", range: { min: 0, max: (draws.length - 1) / 100 } });
    expect(reads).toEqual({ r: draws.length - 1, p: 0, n: 0 });
    // Asked again: classified once.
    e.evidence("r");
    expect(reads.r).toBe(draws.length - 1);
    expect(e.evidence("audit.n")).toStrictEqual({ kind: "determined", draws: draws.length });
    expect(e.evidence("no.such.path")).toStrictEqual({ kind: "determined", draws: draws.length });
    // The counts classify every figure: p is undefined in draw 3 only, so it rests on the draw.
    expect(e.counts).toStrictEqual({ printed: 0, determined: 1, reconstruction: 2, "your-data": 0 });
    expect(reads).toEqual({ r: draws.length - 1, p: draws.length - 1, n: draws.length - 1 });
    expect(e.evidence("p")).toStrictEqual(classifyFigure(draws.map((_, k) => (k === 3 ? null : 0.5))));
  });
});

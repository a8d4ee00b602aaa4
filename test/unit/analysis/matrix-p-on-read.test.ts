/**
 * `correlationMatrixEach` (the evidence's one call on every reconstruction) computes a Pearson pair's
 * p — the t tail — only when it is read. The evidence of r (03's heatmap) reads no p on any draw;
 * the evidence of p, q and the marks, read later, are those of the full computation on each draw.
 * The canonical matrix keeps its p and marks computed. The same holds for `pearsonEach`.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { applyFilter } from "../../../src/analysis/apply-filter";
import { createAnalysisBuiltins } from "../../../src/analysis/builtins";
import { acrossDraws } from "../../../src/analysis/evidence/across-draws";
import * as evidenced from "../../../src/analysis/evidence/evidenced-kernels";
import { evidenceOfResult } from "../../../src/analysis/evidence/result-evidence";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import * as distributions from "../../../src/stats/distributions";
import { correlationMatrix, correlationMatrixEach, pearson } from "../../../src/stats/index";
import { nodeHost } from "../notebooks/headless-survey";

// The t tail counted: every p of a Pearson correlation goes through it.
vi.mock("../../../src/stats/distributions", async (original) => {
  const actual = await original<typeof import("../../../src/stats/distributions")>();
  return { ...actual, tTwoSided: vi.fn(actual.tTwoSided) };
});
const tTail = vi.mocked(distributions.tTwoSided);

let survey: Survey;
beforeAll(async () => {
  survey = await loadSurvey(nodeHost());
});

// 03's matrix (q30_5 × the models' expectations, sparse under a filter) and size class, which every row has.
const VARIABLES = ["size_class", "q30_5", "q6", "q11", "q15", "q19", "q23", "q27"];

/** The cells of `matrices` whose p is not computed yet (an accessor, not a value). */
function pendingCells(matrices: readonly { cells: object[][] }[]): number {
  return matrices.reduce((sum, m) => sum + m.cells.flat().filter((c) => typeof Object.getOwnPropertyDescriptor(c, "p")?.get === "function").length, 0);
}
const FILTERS = [
  EMPTY_FILTER,
  { ...EMPTY_FILTER, fylke: [11] },
  { ...EMPTY_FILTER, sizeClass: [5, 6] },
  { ...EMPTY_FILTER, adopted: ["q20" as const] },
];

/** Every off-diagonal cell path of the matrix, for one statistic. */
function paths(k: number, stat: string): string[] {
  const out: string[] = [];
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) if (a !== b) out.push(`cells.${a}.${b}.${stat}`);
  return out;
}

describe("a Pearson matrix on every reconstruction", () => {
  it("computes no p on the draws when only r's evidence is read, and the same evidence as the full computation", () => {
    for (const filter of FILTERS) {
      const selection = applyFilter(survey, filter);
      const draws = selection.draws()?.length ?? 0;
      expect(draws).toBeGreaterThan(1);
      tTail.mockClear();
      const matrix = evidenced.correlationMatrix(selection, VARIABLES);
      const canonicalTails = tTail.mock.calls.length;
      // The canonical matrix computed its p's at once (one per defined pair, up to 10).
      expect(canonicalTails).toBeGreaterThan(0);
      expect(matrix.cells.flat().filter((c) => c.p !== null).length).toBe(2 * canonicalTails);
      const full = acrossDraws(selection, (s) => (s === selection ? matrix : correlationMatrix(s, VARIABLES)));
      tTail.mockClear();
      // The draws' matrices are computed here (correlationMatrixEach) and their r and n read: no t tail.
      const figures = evidenceOfResult(matrix)?.figures;
      if (!figures) throw new Error("no evidence");
      for (const path of paths(VARIABLES.length, "r")) expect(figures.evidence(path), path).toStrictEqual(full.evidence(path));
      for (const path of paths(VARIABLES.length, "n")) expect(figures.evidence(path), path).toStrictEqual(full.evidence(path));
      expect(tTail).not.toHaveBeenCalled();
      // p read later: computed then, once per pair with an r on each draw, the same classes as the full computation's.
      const pending = pendingCells(correlationMatrixEach((selection.draws() ?? []).slice(1), VARIABLES));
      expect(pending).toBeGreaterThan(draws);
      for (const path of paths(VARIABLES.length, "p")) expect(figures.evidence(path), path).toStrictEqual(full.evidence(path));
      expect(tTail).toHaveBeenCalledTimes(pending / 2);
      expect(figures.counts).toStrictEqual(full.counts);
    }
  });

  it("pearson on every reconstruction computes no p when only r's evidence is read (03's 'what it rests on')", () => {
    for (const filter of FILTERS) {
      const selection = applyFilter(survey, filter);
      for (const [x, y] of [["size_class", "q9"], ["q30_5", "q6"]] as const) {
        const result = evidenced.pearson(selection, x, y);
        const full = acrossDraws(selection, (s) => (s === selection ? result : pearson(s, x, y)));
        tTail.mockClear();
        const figures = evidenceOfResult(result)?.figures;
        if (!figures) throw new Error("no evidence");
        expect(figures.evidence("r")).toStrictEqual(full.evidence("r"));
        expect(figures.evidence("n")).toStrictEqual(full.evidence("n"));
        expect(tTail).not.toHaveBeenCalled();
        expect(figures.evidence("p")).toStrictEqual(full.evidence("p"));
        expect(figures.counts).toStrictEqual(full.counts);
      }
    }
  });

  it("the builtin evidenceOf classifies nothing until asked: r read as 03's cells read it, no draw's p", () => {
    const { evidenceOf } = createAnalysisBuiltins({});
    const selection = applyFilter(survey, { ...EMPTY_FILTER, fylke: [11] });
    const result = evidenced.pearson(selection, "size_class", "q9");
    const full = acrossDraws(selection, (s) => (s === selection ? result : pearson(s, "size_class", "q9")));
    tTail.mockClear();
    const across = evidenceOf(result);
    expect(across.evidence("r")).toStrictEqual(full.evidence("r"));
    expect(tTail).not.toHaveBeenCalled();
    expect(across.counts).toStrictEqual(full.counts);
    expect(tTail).toHaveBeenCalled();
  });

  it("gives each draw the matrix the kernel gives alone once read: p, q and marks; fdr and Spearman computed at once", () => {
    const draws = applyFilter(survey, { ...EMPTY_FILTER, fylke: [11, 12] }).draws() ?? [];
    const each = correlationMatrixEach(draws, VARIABLES);
    expect(pendingCells(each)).toBeGreaterThan(draws.length);
    expect(each).toStrictEqual(draws.map((d) => correlationMatrix(d, VARIABLES)));
    expect(each.flatMap((m) => m.cells.flat().map((c) => c.mark)).filter((m) => m !== "").length).toBeGreaterThan(0);
    for (const options of [{ fdr: true }, { method: "spearman" as const }]) {
      const eager = correlationMatrixEach(draws, VARIABLES, options);
      expect(pendingCells(eager)).toBe(0);
      expect(eager).toStrictEqual(draws.map((d) => correlationMatrix(d, VARIABLES, options)));
    }
  });
});

/**
 * `stats.compareGroups` on the reconstructions: the one-call form gives, draw by draw, the kernel's
 * result on that draw with the selection's groups (so rows[i] is one group in every draw, even when a
 * draw has a group the selection lacks or lacks one it has), and the evidence a table reads classifies
 * every figure — means, F, H, p, η² — as the per-draw path does. A figure computed on the
 * reconstruction must be marked as such: the F of q1 by size class is not the same in every draw.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter, type FilteredSurvey } from "../../../src/analysis/apply-filter";
import { classifyFigure } from "../../../src/analysis/evidence/evidence";
import * as evidenced from "../../../src/analysis/evidence/evidenced-kernels";
import { evidenceOfResult } from "../../../src/analysis/evidence/result-evidence";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { EMPTY_FILTER, type SurveyFilter } from "../../../src/data/survey-filter";
import { compareGroups, compareGroupsEach } from "../../../src/stats/index";
import { nodeHost } from "../notebooks/headless-survey";
import { figureAt, figurePaths } from "./figure-paths";

/** The filters, with one whose rows differ per draw (an adoption filter). */
const FILTERS: [string, SurveyFilter][] = [
  ["no filter", EMPTY_FILTER],
  ["Rogaland", { ...EMPTY_FILTER, fylke: [11] }],
  ["adopted q20 (rows differ per draw)", { ...EMPTY_FILTER, adopted: ["q20"] }],
];

let survey: Survey;
beforeAll(async () => (survey = await loadSurvey(nodeHost())), 60_000);

function drawsOf(filter: SurveyFilter): readonly FilteredSurvey[] {
  const draws = applyFilter(survey, filter).draws();
  if (!draws) throw new Error("the bundled survey has no ensemble");
  return draws;
}

describe("compareGroups on every reconstruction", () => {
  for (const [name, filter] of FILTERS) {
    it(`${name}: each draw's result is the kernel's on that draw with the selection's groups`, () => {
      const draws = drawsOf(filter);
      for (const [group, item] of [["size_class", "q1"], ["size_class", "q30_5"]] as const) {
        const each = compareGroupsEach(draws, group, item);
        const groups = each[0]?.rows.map((r) => r.group ?? 0) ?? [];
        expect(each[0]).toStrictEqual(compareGroups(draws[0] ?? survey, group, item));
        for (const [k, d] of draws.entries()) {
          expect(each[k]?.rows.map((r) => r.group), `draw ${k}`).toEqual(groups);
          if (k === 0) continue;
          const compared = each[k]?.rows.filter((r) => r.n > 0).length ?? 0;
          // A draw with fewer than 2 groups is computed (tests null), where the kernel refuses the call.
          if (compared < 2) {
            expect(each[k]?.anova.f).toBeNull();
            expect(() => compareGroups(d, group, item, { groups })).toThrow(/fewer than 2 groups/);
          } else {
            expect(each[k], `draw ${k}`).toStrictEqual(compareGroups(d, group, item, { groups }));
          }
        }
      }
    });
  }

  it("marks the figures computed on the reconstruction: F, H, p and the group means vary across the draws", () => {
    const selection = applyFilter(survey, EMPTY_FILTER);
    const result = evidenced.compareGroups(selection, "size_class", "q1");
    const figures = evidenceOfResult(result)?.figures;
    expect(figures?.draws).toBe(50);
    const draws = selection.draws() ?? [];
    const results = draws.map((d, k) => (k === 0 ? result : compareGroups(d, "size_class", "q1", { groups: result.rows.map((r) => r.group ?? 0) })));
    for (const path of figurePaths(result)) {
      const values = results.map((r) => {
        const v = figureAt(r, path);
        return typeof v === "number" ? v : null;
      });
      expect(figures?.evidence(path), path).toStrictEqual(classifyFigure(values));
    }
    for (const path of ["anova.f", "anova.p", "kruskalWallis.h", "welch.f", "rows.1.mean"]) {
      expect(figures?.evidence(path)?.kind, path).toBe("reconstruction");
    }
  });
});

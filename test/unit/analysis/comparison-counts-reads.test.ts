/**
 * `comparisonCounts` reads each row's audit line back once (issue 12: reading a line back — its
 * pattern, then the line written again to check it — was the dearest step of a comparison's counts,
 * and it was done twice for every row with a base), and decides once per row whether the row hides
 * a count. The counts themselves are pinned by the disclosure tests; this pins the reads and that
 * `rowHides` says what the guard hid, in a shared view under county filters where rows hide counts.
 */
import { describe, expect, it, vi } from "vitest";
import { createAnalysisBuiltins } from "../../../src/analysis/builtins";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { comparisonCounts } from "../../../src/analysis/tables/comparison-counts";
import { isPrintedComparison } from "../../../src/analysis/printed-comparison";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

const reads = vi.hoisted(() => ({ lines: [] as string[] }));
vi.mock("../../../src/stats/audit", async (original) => {
  const audit = await original<typeof import("../../../src/stats/audit")>();
  return {
    ...audit,
    readAuditLine: (text: string) => {
      reads.lines.push(text);
      return audit.readAuditLine(text);
    },
  };
});

function call(target: unknown, name: string, ...args: unknown[]): unknown {
  const fn: unknown = typeof target === "object" && target !== null ? Reflect.get(target, name) : undefined;
  if (typeof fn !== "function") throw new Error(`${name} is not a function`);
  return Reflect.apply(fn, target, args);
}

describe("comparisonCounts", () => {
  it("reads each row's audit line once, and rowHides is what the guard hid in the row", async () => {
    const host = nodeHost();
    const survey = await loadSurvey(host);
    const nb = createAnalysisBuiltins({ ...host, view: "shared" });
    let hidingRows = 0;
    for (const fylke of [[], [3], [19], [20]]) {
      const selection = call(nb, "applyFilter", survey, { ...EMPTY_FILTER, fylke });
      for (const id of ["2.1", "2.4", "3.1", "3.2", "3.10"]) {
        const cmp = call(nb, "comparePrinted", selection, id);
        if (!isPrintedComparison(cmp)) throw new Error(`comparePrinted(${id}) gave no comparison`);
        reads.lines = [];
        const counts = comparisonCounts(cmp, true);
        expect(reads.lines, `${id} under ${fylke.join(",")}`).toEqual(cmp.rows.map((r) => r.audit));
        cmp.rows.forEach((row, i) => {
          const ids = [...row.cells.map((_, j) => counts.cell(i, j)), counts.total(i), counts.audit(i).n, counts.audit(i).base];
          const hides = ids.some((c) => counts.shown.hidden(c)) || (cmp.kind === "multiple-response" && counts.shown.hiddenCount > 0);
          expect(counts.rowHides(i), `${id} row ${i} under ${fylke.join(",")}`).toBe(hides);
          if (hides) hidingRows++;
        });
      }
    }
    // The filters were chosen so that some rows do hide counts.
    expect(hidingRows).toBeGreaterThan(0);
  });
});

/**
 * Work ahead of the reader in short steps (issue 12: a click waits behind the step under way). A
 * statistic over the ensemble in steps (`acrossDrawsSteps`) computes at most `DRAWS_AHEAD_PER_STEP`
 * reconstructions a step, its `…Each` called on each step's part, and gives every figure's evidence
 * exactly as `acrossDraws` at once; a printed table classified ahead in steps
 * (`classifyingAhead`) and a kernel's evidence made in steps (`evidenceSteps`) give what a fresh
 * survey computes at once. `stepFunctions` turns such a computation into one function per step, and
 * refuses to hand out a step before the one before it ran.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyFilter, type FilteredSurvey } from "../../../src/analysis/apply-filter";
import { acrossDraws, acrossDrawsSteps } from "../../../src/analysis/evidence/across-draws";
import { classifyingAhead, comparePrintedWithEvidence } from "../../../src/analysis/evidence/compare-evidence";
import * as evidenced from "../../../src/analysis/evidence/evidenced-kernels";
import { evidenceOfResult, evidenceSteps } from "../../../src/analysis/evidence/result-evidence";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey } from "../../../src/analysis/survey-source";
import { DRAWS_AHEAD_PER_STEP } from "../../../src/analysis/work-ahead";
import { runSteps, stepFunctions, type Steps } from "../../../src/base/run-steps";
import type { PrintedTable } from "../../../src/data/printed-tables";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { pearson } from "../../../src/stats/index";
import { nodeHost } from "../notebooks/headless-survey";

let survey: Survey;
let fresh: Survey;
beforeAll(async () => {
  [survey, fresh] = await Promise.all([loadSurvey(nodeHost()), loadSurvey(nodeHost())]);
}, 60_000);

const rogaland = (s: Survey): FilteredSurvey => applyFilter(s, { ...EMPTY_FILTER, fylke: [11] });

function printedTable(s: Survey, id: string): PrintedTable {
  const table = s.printed?.tables.find((t) => t.id === id);
  if (!table) throw new Error(`no Tabell ${id}`);
  return table;
}

/** Runs `steps` one `next()` at a time; returns the result and what `during()` read after each step. */
function stepped<T>(steps: Steps<T>, during: () => number): { value: T; each: number[] } {
  const each: number[] = [];
  for (;;) {
    const next = steps.next();
    each.push(during());
    if (next.done) return { value: next.value, each };
  }
}

describe("acrossDrawsSteps", () => {
  it("computes at most DRAWS_AHEAD_PER_STEP reconstructions a step, and every figure's evidence as acrossDraws does", () => {
    const selection = rogaland(survey);
    const draws = selection.draws()?.length ?? 0;
    expect(draws).toBe(50);
    let computed = 0;
    let eachCalls = 0;
    const compute = (s: FilteredSurvey): ReturnType<typeof pearson> => pearson(s.view, "size_class", "q30_5");
    const each = (part: readonly FilteredSurvey[]): unknown[] => {
      eachCalls++;
      computed += part.length;
      return part.map(compute);
    };
    let before = 0;
    const { value, each: perStep } = stepped(acrossDrawsSteps(selection, compute, each, DRAWS_AHEAD_PER_STEP), () => {
      const now = computed - before;
      before = computed;
      return now;
    });
    // The selection's own result first, then the 49 others a few at a time.
    expect(perStep[0]).toBe(0);
    expect(Math.max(...perStep)).toBe(DRAWS_AHEAD_PER_STEP);
    expect(perStep.reduce((a, b) => a + b, 0)).toBe(draws - 1);
    expect(perStep).toHaveLength(1 + Math.ceil((draws - 1) / DRAWS_AHEAD_PER_STEP));
    expect(eachCalls).toBe(Math.ceil((draws - 1) / DRAWS_AHEAD_PER_STEP));
    const atOnce = acrossDraws(selection, compute);
    for (const path of ["r", "n", "p", "t"]) expect(value.evidence(path), path).toEqual(atOnce.evidence(path));
    expect(value.counts).toEqual(atOnce.counts);
    expect(value.draws).toBe(atOnce.draws);
  });
});

describe("work ahead in steps gives what a fresh survey computes at once", () => {
  it("a printed table classified ahead under a county (classifyingAhead)", () => {
    const table = printedTable(survey, "2.6");
    const made = stepped(classifyingAhead(rogaland(survey), table), () => 0);
    expect(made.value).toBe(true);
    expect(made.each.length).toBe(1 + Math.ceil(49 / DRAWS_AHEAD_PER_STEP));
    const got = comparePrintedWithEvidence(rogaland(survey), table);
    const want = comparePrintedWithEvidence(rogaland(fresh), printedTable(fresh, "2.6"));
    expect(got.rows.map((r) => r.cells.map((c) => c.evidence))).toEqual(want.rows.map((r) => r.cells.map((c) => c.evidence)));
    expect(got.rows.map((r) => r.totalEvidence)).toEqual(want.rows.map((r) => r.totalEvidence));
  });

  it("a kernel's evidence made in steps (evidenceSteps), then read as a table reads it", () => {
    const selection = rogaland(survey);
    const result = evidenced.pearson(selection, "size_class", "q3", { recode: { q3: (code: number) => (code === 1 ? 1 : 0) } });
    const steps = evidenceSteps(result);
    if (!steps) throw new Error("no steps for a wrapped kernel's result");
    expect(stepped(steps, () => 0).each.length).toBe(1 + Math.ceil(49 / DRAWS_AHEAD_PER_STEP));
    // Made and kept: asked again, nothing is left to compute.
    const again = evidenceSteps(result);
    expect(again && stepped(again, () => 0).each.length).toBe(1);
    const other = rogaland(fresh);
    const want = evidenceOfResult(evidenced.pearson(other, "size_class", "q3", { recode: { q3: (code: number) => (code === 1 ? 1 : 0) } }))?.figures;
    const got = evidenceOfResult(result)?.figures;
    for (const path of ["r", "n", "p"]) expect(got?.evidence(path), path).toEqual(want?.evidence(path));
  });
});

describe("stepFunctions", () => {
  function* three(log: string[]): Steps<string> {
    log.push("a");
    yield;
    log.push("b");
    yield;
    log.push("c");
    return "done";
  }

  it("is one function per step, made when the first runs, and ends with the computation", () => {
    const log: string[] = [];
    let made = 0;
    const fns = stepFunctions(() => (made++, three(log)));
    const ran: number[] = [];
    let i = 0;
    for (const fn of fns) {
      expect(made).toBe(i === 0 ? 0 : 1);
      fn();
      ran.push(log.length);
      i++;
    }
    expect(ran).toEqual([1, 2, 3]);
    expect(runSteps(three([]))).toBe("done");
  });

  it("refuses to hand out a step before the one before it ran (a spread would never end)", () => {
    expect(() => [...stepFunctions(() => three([]))]).toThrow(/before the one before it ran/);
  });
});

/**
 * A spare notebook frame's work ahead runs in small steps that its host schedules (issue 12: a
 * spare shares the open notebook's thread, and a click there waits for the step under way):
 * survey-source.ts hands every piece of it to the `RunSteps` it is given (work-ahead.ts). These
 * tests count the heavy calls — a reconstruction's table built, its numbers for a printed table, its recount of the
 * print (one compiled pass, `recountWithPlan`), a variable's drawn mask — and hold that each happens
 * inside a step the host runs, a few per step at most (`DRAWS_AHEAD_PER_STEP` reconstructions of a
 * table); and that a table compared in steps gives what it gives at once.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";

/** Calls of the counted functions, whether a step of the host's runner is under way, and a wrapper that counts. */
const calls = vi.hoisted(() => {
  const state = { inStep: false, outside: [] as string[], perStep: new Map<string, number>(), total: new Map<string, number>() };
  const counted =
    <A extends unknown[], R>(name: string, f: (...args: A) => R) =>
    (...args: A): R => {
      if (!state.inStep) state.outside.push(name);
      state.perStep.set(name, (state.perStep.get(name) ?? 0) + 1);
      state.total.set(name, (state.total.get(name) ?? 0) + 1);
      return f(...args);
    };
  return Object.assign(state, { counted });
});
vi.mock("../../../src/analysis/evidence/comparison-plan", async (original) => {
  const m = await original<typeof import("../../../src/analysis/evidence/comparison-plan")>();
  return { ...m, drawNumbers: calls.counted("drawNumbers", m.drawNumbers) };
});
vi.mock("../../../src/analysis/reconciliation/recount-plan", async (original) => {
  const m = await original<typeof import("../../../src/analysis/reconciliation/recount-plan")>();
  return { ...m, recountWithPlan: calls.counted("recountWithPlan", m.recountWithPlan), compileRecountPlan: calls.counted("compileRecountPlan", m.compileRecountPlan) };
});
vi.mock("../../../src/data/ensemble-text-column", async (original) => {
  const m = await original<typeof import("../../../src/data/ensemble-text-column")>();
  return { ...m, ensembleTextColumn: calls.counted("ensembleTextColumn", m.ensembleTextColumn) };
});
vi.mock("../../../src/analysis/evidence/drawn-values", async (original) => {
  const m = await original<typeof import("../../../src/analysis/evidence/drawn-values")>();
  return { ...m, drawnMask: calls.counted("drawnMask", m.drawnMask) };
});

import { applyFilter } from "../../../src/analysis/apply-filter";
import { comparisonWithEvidence, comparisonWithEvidenceSteps } from "../../../src/analysis/evidence/compare-evidence";
import type { Survey } from "../../../src/analysis/survey";
import { loadSurvey, primeBundledSurvey } from "../../../src/analysis/survey-source";
import { DRAWS_AHEAD_PER_STEP, type RunSteps } from "../../../src/analysis/work-ahead";
import { SURVEY_PATHS, THESIS_PATH } from "../../../src/data/bundled-survey";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import { nodeHost } from "../notebooks/headless-survey";

let files: Map<string, Uint8Array>;
beforeAll(async () => {
  const host = nodeHost();
  const paths = [...Object.values(SURVEY_PATHS), THESIS_PATH];
  files = new Map(await Promise.all(paths.map(async (path) => [path, await host.readBytes(path)] as const)));
});

/** The most calls of each counted function in one step, over the steps `run` ran, and each step's calls by name. */
function recordingRunner(): { run: RunSteps; most: Map<string, number>; steps: () => number; each: Map<string, number>[] } {
  const most = new Map<string, number>();
  const each: Map<string, number>[] = [];
  let steps = 0;
  const run: RunSteps = async (list, wanted) => {
    for (const step of list) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (!wanted()) return;
      calls.perStep.clear();
      calls.inStep = true;
      try {
        step();
      } finally {
        calls.inStep = false;
      }
      steps++;
      each.push(new Map(calls.perStep));
      for (const [name, n] of calls.perStep) most.set(name, Math.max(most.get(name) ?? 0, n));
    }
  };
  return { run, most, steps: () => steps, each };
}

describe("a spare frame's work ahead, in steps", () => {
  it("does every heavy piece inside a step its host runs: a reconstruction's table, a variable's mask, five reconstructions of a table, one draw's recount a step", async () => {
    calls.outside.length = 0;
    calls.total.clear();
    const runner = recordingRunner();
    const primed = primeBundledSurvey(files, runner.run);
    await primed.warmed;
    const survey = await primed.survey;
    // Every piece ran, and none outside a step.
    expect(calls.outside).toEqual([]);
    const tables = (survey.printed?.tables ?? []).filter((t) => t.kind !== "list").length;
    const draws = survey.draws?.length ?? 0;
    expect(draws).toBe(50);
    expect(calls.total.get("drawnMask")).toBeGreaterThanOrEqual(survey.table.columnNames().length);
    expect(calls.total.get("drawNumbers")).toBe(tables * (draws - 1));
    expect(calls.total.get("recountWithPlan")).toBe(draws);
    // Each reconstruction's table built in a step of its own (its text columns: the knr).
    const texts = calls.total.get("ensembleTextColumn") ?? 0;
    expect(texts).toBeGreaterThan(0);
    expect(texts % (draws - 1)).toBe(0);
    expect(runner.most.get("ensembleTextColumn")).toBe(texts / (draws - 1));
    // A few per step at most.
    expect(runner.most.get("drawnMask")).toBe(1);
    expect(runner.most.get("drawNumbers")).toBe(DRAWS_AHEAD_PER_STEP);
    expect(runner.most.get("recountWithPlan")).toBe(1);
    // The print's recount plan is compiled in a step of its own, before the first draw's recount:
    // no draw's step costs more than the others.
    const compiles = runner.each.flatMap((step, i) => ((step.get("compileRecountPlan") ?? 0) > 0 ? [i] : []));
    const recounts = runner.each.flatMap((step, i) => ((step.get("recountWithPlan") ?? 0) > 0 ? [i] : []));
    expect(compiles.length).toBeGreaterThan(0);
    expect(compiles.filter((i) => recounts.includes(i))).toEqual([]);
    expect(Math.max(...compiles)).toBeLessThan(Math.min(...recounts));
  });

  it("compares a table in steps, none counting more than five reconstructions, to what it gives at once", async () => {
    const fresh = async (): Promise<Survey> => loadSurvey(nodeHost());
    const [stepped, once] = await Promise.all([fresh(), fresh()]);
    const table = stepped.printed?.tables.find((t) => t.id === "2.1");
    const same = once.printed?.tables.find((t) => t.id === "2.1");
    if (!table || !same) throw new Error("no Tabell 2.1");
    const selection = applyFilter(stepped, EMPTY_FILTER);
    const steps = comparisonWithEvidenceSteps(selection, table);
    expect(steps).toHaveLength(2 + 10);
    const perStep: number[] = [];
    for (const step of steps) {
      const before = calls.total.get("drawNumbers") ?? 0;
      step();
      perStep.push((calls.total.get("drawNumbers") ?? 0) - before);
    }
    // The comparison, then the plan, then 49 reconstructions five at a time.
    expect(perStep).toEqual([0, 0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4]);
    // Kept: asked again, nothing is counted; and the same as the comparison made at once elsewhere.
    const before = calls.total.get("drawNumbers");
    const result = comparisonWithEvidence(selection, table);
    expect(calls.total.get("drawNumbers")).toBe(before);
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(JSON.stringify(comparisonWithEvidence(applyFilter(once, EMPTY_FILTER), same))));
  });
});

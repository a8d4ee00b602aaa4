/**
 * Attacks on 04's reconciliation views as a shared notebook can call them: the kept views (a view
 * drawn again for a filter that came back is a copy of the one kept) and the draw of every table in
 * steps that a newer run of its cell stops (NotebookRuntime.callerRun). A view must show what its
 * call asked for, and a cell rerun many times while it draws must neither pile up work nor end
 * without its tables.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createAllAnalysisBuiltins } from "../../src/analysis/all-builtins";
import type { RunSteps } from "../../src/analysis/work-ahead";
import { mergeLazy } from "../../src/base/merge-lazy";
import { EMPTY_FILTER } from "../../src/data/survey-filter";
import type { CellDoc } from "../../src/notebook/document";
import { NotebookRuntime } from "../../src/runtime/notebook-runtime";
import { createStdlib } from "../../src/runtime/stdlib";
import { nodeHost, nodeScope } from "./notebooks/headless-survey";

const js = (id: string, source: string): CellDoc => ({ id, kind: "js", source });

let runtime: NotebookRuntime | undefined;
afterEach(() => runtime?.dispose());

/** A runtime over the bundled survey under a county filter, with `steps` as the host's runner. */
function start(steps?: RunSteps): NotebookRuntime {
  const host = { ...nodeHost(), ...(steps ? { steps } : {}), callerRun: () => runtime?.callerRun() };
  const scope = nodeScope(host, { ...EMPTY_FILTER, fylke: [11] });
  const rt = scope.attached(new NotebookRuntime({ builtins: mergeLazy(createStdlib(host), createAllAnalysisBuiltins(host), scope.builtins()), timeoutMs: 60_000 }));
  runtime = rt;
  return rt;
}

/** A runner of one step per task that honours `wanted`, as the host's, counting each draw's steps into `draws`. */
function countingSteps(draws: number[]): RunSteps {
  return async (work, wanted) => {
    const index = draws.push(0) - 1;
    for (const step of work) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (!wanted()) return;
      step();
      draws[index] = (draws[index] ?? 0) + 1;
    }
  };
}

describe("reconciliation views kept for a filter that comes back", () => {
  it("show the number of flagged figures each call asked for, not a kept view of another number", async () => {
    const rt = start();
    rt.load({
      title: "04",
      cells: [
        js("rec", "const rec = reconciliation.build(selection)"),
        js("rows", "const rows = [2, 12, 12, 2].map((limit) => reconciliation.flaggedTable(rec, {flaggedLimit: limit}).querySelectorAll('tbody tr').length)"),
      ],
    });
    await rt.idle();
    const rows = rt.namedValues().rows;
    if (!Array.isArray(rows)) throw new Error(`no row counts: ${String(rt.state("rows")?.error)}`);
    const [few, many, manyAgain, fewAgain] = rows;
    expect(many).toBeGreaterThan(few);
    expect(manyAgain).toBe(many);
    expect(fewAgain).toBe(few);
  }, 120_000);
});

describe("reconciliation.tables under a cell that reruns 100 times while it draws", () => {
  it("stops each superseded draw, and the last run shows every table", async () => {
    /** Steps run by each draw the builtin asked for. */
    const draws: number[] = [];
    const rt = start(countingSteps(draws));
    rt.load({
      title: "04",
      cells: [
        js("rec", "const rec = reconciliation.build(selection)"),
        // A value that changes 100 times, one task apart: each change reruns the drawing cell.
        js("tick", "const tick = (async function* () { for (let i = 0; i < 100; i++) { yield i; await new Promise((r) => setTimeout(r, 0)); } })()"),
        js("tables", "const tables = (tick, reconciliation.tables(rec))"),
      ],
    });
    const settled = async (): Promise<void> => {
      for (let i = 0; i < 400 && rt.namedValues().tick !== 99; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      await rt.idle();
    };
    await settled();
    expect(rt.namedValues().tick).toBe(99);
    const state = rt.state("tables");
    expect(state?.status).toBe("fulfilled");
    const rec = rt.namedValues().rec;
    if (typeof rec !== "object" || rec === null || !("tables" in rec) || !Array.isArray(rec.tables)) throw new Error("no reconciliation built");
    const shown = rt.namedValues().tables;
    if (typeof shown !== "object" || shown === null || !("outerHTML" in shown)) throw new Error(`the cell shows no element: ${String(shown)} ${JSON.stringify(draws)}`);
    // Every table drawn by the last run, and the work of all runs bounded: not 100 whole draws.
    expect(draws.at(-1)).toBe(rec.tables.length);
    expect(String(shown.outerHTML).match(/<table/g)?.length).toBe(rec.tables.length);
    const total = draws.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(rec.tables.length * 4);
  }, 120_000);
});

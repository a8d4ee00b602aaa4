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

/**
 * Notebook 04's every figure by table (`reconciliation.tables`) draws a printed table per step of
 * the host's runner. A newer filter while it draws reruns the cell: the older draw must stop at its
 * next step (stop 30: it ran all of its 37 steps beside the newer work, and the cell's newer run,
 * which Observable starts only once the older one has settled, waited for them), and the cell must
 * show the newer filter's tables, the same as those drawn at once.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createAllAnalysisBuiltins } from "../../../src/analysis/all-builtins";
import { renderReconciledTable } from "../../../src/analysis/reconciliation/render-reconciliation";
import type { Reconciliation } from "../../../src/analysis/reconciliation/reconcile";
import type { RunSteps } from "../../../src/analysis/work-ahead";
import { mergeLazy } from "../../../src/base/merge-lazy";
import { DEFAULT_LOCALE } from "../../../src/base/locale/locale";
import { EMPTY_FILTER } from "../../../src/data/survey-filter";
import type { CellDoc } from "../../../src/notebook/document";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";
import { createStdlib } from "../../../src/runtime/stdlib";
import { nodeHost, nodeScope } from "../notebooks/headless-survey";

const js = (id: string, source: string): CellDoc => ({ id, kind: "js", source });

let runtime: NotebookRuntime | undefined;
afterEach(() => runtime?.dispose());

function isReconciliation(value: unknown): value is Reconciliation {
  return typeof value === "object" && value !== null && "tables" in value && Array.isArray(value.tables);
}

describe("reconciliation.tables: a draw superseded by a newer filter", () => {
  it("stops at its next step, and the cell shows the newer filter's tables as drawn at once", async () => {
    const first = { ...EMPTY_FILTER, fylke: [11] };
    const second = { ...EMPTY_FILTER, fylke: [18] };
    /** Each draw the builtin asked the runner for: the steps it ran. */
    const draws: { ran: number }[] = [];
    /** Told after each step of a draw (its index, steps run so far). */
    let afterStep = (_draw: number, _ran: number): void => undefined;
    // One step per task, as the runner without a host (stepPerTask), honouring `wanted`.
    const steps: RunSteps = async (work, wanted) => {
      const draw = { ran: 0 };
      const index = draws.push(draw) - 1;
      for (const step of work) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (!wanted()) return;
        step();
        draw.ran++;
        afterStep(index, draw.ran);
      }
    };
    const host = { ...nodeHost(), steps, callerRun: () => runtime?.callerRun() };
    const scope = nodeScope(host, first);
    const rt = scope.attached(new NotebookRuntime({ builtins: mergeLazy(createStdlib(host), createAllAnalysisBuiltins(host), scope.builtins()), timeoutMs: 10_000 }));
    runtime = rt;
    // The second filter comes while the first filter's draw is at its third table.
    let firstRec: unknown;
    afterStep = (draw, ran) => {
      if (draw !== 0 || ran !== 3) return;
      firstRec = rt.namedValues().rec;
      scope.setFilter(second);
    };
    rt.load({ title: "04", cells: [js("rec", "const rec = reconciliation.build(selection)"), js("tables", "reconciliation.tables(rec)")] });
    await rt.idle();

    const rec = rt.namedValues().rec;
    if (!isReconciliation(rec) || !isReconciliation(firstRec)) throw new Error("no reconciliation built");
    const atOnce = (r: Reconciliation): string => {
      const whole = host.document.createElement("section");
      for (const t of r.tables) whole.append(renderReconciledTable(host.document, r, t, { locale: DEFAULT_LOCALE, mask: false }));
      return whole.outerHTML;
    };
    expect(draws).toHaveLength(2);
    // At most one more step after the newer filter came (none: `wanted` is asked before each).
    expect(draws[0]?.ran).toBeLessThanOrEqual(4);
    expect(draws[1]?.ran).toBe(rec.tables.length);
    expect(rec.tables.length).toBeGreaterThan(10);
    const state = rt.state("tables");
    expect(state?.status).toBe("fulfilled");
    const shown = state?.value;
    if (typeof shown !== "object" || shown === null || !("outerHTML" in shown)) throw new Error("the cell shows no element");
    expect(shown.outerHTML).toBe(atOnce(rec));
    expect(shown.outerHTML).not.toBe(atOnce(firstRec));
  }, 120_000);
});

/**
 * What a cell displays while its body runs without a break reaches the page once (nb-cell redraws
 * an output on each state change: a cell of a chart and a table was drawn for the chart alone, then
 * again for both); what it displays after an `await` still shows at once. And the builtins it calls
 * are offered what it showed on its last run (base/earlier-outputs.ts), only while its body runs.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { takeEarlierOutput } from "../../../src/base/earlier-outputs";
import type { CellDoc } from "../../../src/notebook/document";
import { loadCellCompiler } from "../../../src/runtime/cell-compiler";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";

const js = (id: string, source: string): CellDoc => ({ id, kind: "js", source });

let runtime: NotebookRuntime | undefined;
beforeAll(loadCellCompiler);
afterEach(() => runtime?.dispose());

/** The display counts each state change of `id` reported. */
function watch(rt: NotebookRuntime, id: string): number[] {
  const seen: number[] = [];
  rt.subscribe((cell, state) => {
    if (cell === id) seen.push(state.displays.length);
  });
  return seen;
}

describe("displays while a cell's body runs", () => {
  it("a body that displays two values without a break is reported with one, then both — never with the first alone", async () => {
    const rt = new NotebookRuntime({ builtins: {} });
    runtime = rt;
    const seen = watch(rt, "two");
    rt.load({ title: "t", cells: [js("two", "display('a'); display('b');")] });
    await rt.idle();
    expect(rt.state("two")?.displays).toEqual(["a", "b"]);
    expect(seen).not.toContain(1);
    expect(seen.at(-1)).toBe(2);
  });

  it("a body that waits shows what it displayed before the wait, and each display after it, at once", async () => {
    const rt = new NotebookRuntime({ builtins: {} });
    runtime = rt;
    const seen = watch(rt, "slow");
    rt.load({ title: "t", cells: [js("slow", "display('a'); await new Promise((r) => setTimeout(r, 30)); display('b'); await new Promise((r) => setTimeout(r, 30)); display('c');")] });
    await new Promise((r) => setTimeout(r, 15));
    expect(seen).toContain(1);
    await rt.idle();
    expect(seen).toContain(2);
    expect(rt.state("slow")?.displays).toEqual(["a", "b", "c"]);
  });

  it("offers the builtins called by a rerun body what that cell showed last, and nothing outside a body", async () => {
    const offered: unknown[][] = [];
    const rt = new NotebookRuntime({
      builtins: {
        grab: () => {
          const got: unknown[] = [];
          for (let found = takeEarlierOutput((o) => o); found !== undefined; found = takeEarlierOutput((o) => o)) got.push(found);
          offered.push(got);
          return { made: offered.length };
        },
      },
    });
    runtime = rt;
    rt.load({ title: "t", cells: [js("shows", "display(grab()); display(grab());")] });
    await rt.idle();
    expect(offered).toEqual([[], []]);
    const first = rt.state("shows")?.displays ?? [];
    expect(first).toHaveLength(2);
    rt.updateCell({ id: "shows", kind: "js", source: "display(grab()); display(grab()); 1" });
    await rt.idle();
    // The first call of the rerun is offered both of the last run's outputs (and takes them); the second, none.
    expect(offered.slice(2)).toEqual([first, []]);
    expect(takeEarlierOutput((o) => o)).toBeUndefined();
  });
});

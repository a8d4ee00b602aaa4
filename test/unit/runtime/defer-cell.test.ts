import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CellDoc } from "../../../src/notebook/document";
import { loadCellCompiler } from "../../../src/runtime/cell-compiler";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";

const js = (id: string, source: string): CellDoc => ({ id, kind: "js", source });

let runtime: NotebookRuntime | undefined;
// The order asserted below is the runtime's, not the compiler's first load (cell-compiler.ts).
beforeAll(loadCellCompiler);
afterEach(() => runtime?.dispose());

describe("NotebookRuntime deferCell (cells off screen run after the ones on screen)", () => {
  it("runs a deferred cell only once its promise resolves, after the cells that are not deferred, and idle() waits for it", async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    let released = false;
    const gate = new Promise<void>((resolve) => (release = resolve)).then(() => {
      released = true;
    });
    const rt = new NotebookRuntime({
      builtins: { log: (s: string) => order.push(s) },
      // Asked again once the gate opens: then it runs.
      deferCell: (id) => (id === "far" && !released ? gate : undefined),
    });
    runtime = rt;
    // "far" comes first in the document and in the dependency order, yet waits for its gate.
    rt.load({ title: "t", cells: [js("far", "const x = 2; log('far');"), js("near", "const y = 3; log('near');"), js("after", "const z = x * y; log('after');")] });
    let idle = false;
    const waiting = rt.idle().then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(["near"]);
    expect(idle).toBe(false);
    expect(rt.state("far")?.runs).toBe(0);
    release();
    await waiting;
    expect(order).toEqual(["near", "far", "after"]);
    // Values are current: the deferred cell and its dependent have their values.
    expect(rt.namedValues()).toMatchObject({ x: 2, y: 3, z: 6 });
  });

  it("keeps a deferred cell's errors and generators as if it had run at once", async () => {
    const waited = new Set<string>();
    const rt = new NotebookRuntime({ deferCell: (id) => (waited.has(id) ? undefined : (waited.add(id), Promise.resolve())) });
    runtime = rt;
    rt.load({ title: "t", cells: [js("a", "throw new Error('boom')"), js("b", "const g = (function* () { yield 1; yield 2; })()")] });
    await rt.idle();
    expect(rt.state("a")?.error?.kind).toBe("thrown");
    expect(rt.state("a")?.error?.message).toMatch(/boom/);
    expect(rt.namedValues().g).toBe(2);
  });

  it("asks again after each wait and runs the cell once the answer is 'now'", async () => {
    const order: string[] = [];
    const asked: string[] = [];
    let turns = 0;
    const rt = new NotebookRuntime({
      builtins: { log: (s: string) => order.push(s) },
      // "a" waits twice, then runs: asked three times in all; "b" is never held.
      deferCell: (id) => {
        asked.push(id);
        if (id !== "a" || turns === 2) return undefined;
        turns++;
        return Promise.resolve();
      },
    });
    runtime = rt;
    rt.load({ title: "t", cells: [js("a", "log('a'); const x = 1;"), js("b", "log('b'); const y = 2;")] });
    await rt.idle();
    expect(asked.filter((id) => id === "a")).toHaveLength(3);
    expect(order).toEqual(["b", "a"]);
    expect(rt.namedValues()).toMatchObject({ x: 1, y: 2 });
  });

  it("tells the host which cells wait for a cell, directly or through others, and how long its last run took", async () => {
    const told = new Map<string, { lastRunMs: number | undefined; dependents: readonly string[] }>();
    const rt = new NotebookRuntime({
      deferCell: (id, info) => {
        told.set(id, { lastRunMs: info.lastRunMs, dependents: [...info.dependents].sort() });
        return undefined;
      },
    });
    runtime = rt;
    rt.load({ title: "t", cells: [js("a", "const x = 1;"), js("b", "const y = x + 1;"), js("c", "const z = y + 1;"), js("d", "const w = 5;")] });
    await rt.idle();
    expect(told.get("a")?.dependents).toEqual(["b", "c"]);
    expect(told.get("b")?.dependents).toEqual(["c"]);
    expect(told.get("c")?.dependents).toEqual([]);
    expect(told.get("d")?.dependents).toEqual([]);
    expect(told.get("a")?.lastRunMs).toBeUndefined();
    // A rerun is told its previous run's time.
    rt.updateCell(js("a", "const x = 2;"));
    await rt.idle();
    expect(told.get("a")?.lastRunMs).toBeTypeOf("number");
    expect(rt.namedValues()).toMatchObject({ z: 4 });
  });
});

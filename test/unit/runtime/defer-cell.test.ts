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
    const gate = new Promise<void>((resolve) => (release = resolve));
    const rt = new NotebookRuntime({
      builtins: { log: (s: string) => order.push(s) },
      deferCell: (id) => (id === "far" ? gate : undefined),
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
    const rt = new NotebookRuntime({ deferCell: () => Promise.resolve() });
    runtime = rt;
    rt.load({ title: "t", cells: [js("a", "throw new Error('boom')"), js("b", "const g = (function* () { yield 1; yield 2; })()")] });
    await rt.idle();
    expect(rt.state("a")?.error?.kind).toBe("thrown");
    expect(rt.state("a")?.error?.message).toMatch(/boom/);
    expect(rt.namedValues().g).toBe(2);
  });
});

/**
 * NotebookRuntime.callerRun: a builtin called from a cell's code learns whether that run is still
 * the cell's current one — true until the cell reruns (an input changed), is removed or the runtime
 * is disposed; undefined when no cell's code is running (a timer a cell set).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { CellDoc, NotebookDoc } from "../../../src/notebook/document";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";

const js = (id: string, source: string): CellDoc => ({ id, kind: "js", source });
const doc = (...cells: CellDoc[]): NotebookDoc => ({ title: "test", cells });

let runtime: NotebookRuntime | undefined;
afterEach(() => runtime?.dispose());

/** A runtime whose cells can call `probe(tag)` (records the caller's run under `tag`) and `later(tag)` (the same from a timer). */
function withProbe(): { rt: NotebookRuntime; runs: Map<string, (() => boolean) | undefined> } {
  const runs = new Map<string, (() => boolean) | undefined>();
  const rt = new NotebookRuntime({
    builtins: {
      probe: (tag: string) => runs.set(tag, rt.callerRun()),
      later: (tag: string) => setTimeout(() => runs.set(tag, rt.callerRun()), 0),
    },
  });
  runtime = rt;
  return { rt, runs };
}

describe("NotebookRuntime.callerRun", () => {
  it("is current until the calling cell reruns; a cell that did not rerun keeps its run", async () => {
    const { rt, runs } = withProbe();
    rt.load(doc(js("n", "const n = 1"), js("a", "probe('a' + n)"), js("b", "probe('b')")));
    await rt.idle();
    const a1 = runs.get("a1");
    const b = runs.get("b");
    expect(a1?.()).toBe(true);
    expect(b?.()).toBe(true);
    // Superseded as soon as the cell goes pending, before its new run starts.
    const atPending: (boolean | undefined)[] = [];
    rt.subscribe((id, state) => {
      if (id === "a" && state.status === "pending") atPending.push(a1?.());
    });
    rt.updateCell(js("n", "const n = 2"));
    await rt.idle();
    expect(atPending).toEqual([false]);
    expect(a1?.()).toBe(false);
    expect(runs.get("a2")?.()).toBe(true);
    expect(b?.()).toBe(true);
  });

  it("after an await in the cell, and not from a timer the cell set", async () => {
    const { rt, runs } = withProbe();
    rt.load(doc(js("a", "await Promise.resolve(); probe('after'); later('timer'); 1")));
    await rt.idle();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(runs.get("after")?.()).toBe(true);
    expect(runs.has("timer")).toBe(true);
    expect(runs.get("timer")).toBeUndefined();
  });

  it("is no longer current once the cell is removed or the runtime disposed", async () => {
    const { rt, runs } = withProbe();
    rt.load(doc(js("a", "probe('a')"), js("b", "probe('b')")));
    await rt.idle();
    rt.removeCell("a");
    expect(runs.get("a")?.()).toBe(false);
    expect(runs.get("b")?.()).toBe(true);
    rt.dispose();
    expect(runs.get("b")?.()).toBe(false);
  });
});

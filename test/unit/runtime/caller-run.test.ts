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
      // A promise a timer resolves, and right after resolving it queues a microtask that records
      // under `tag`: that microtask is queued before the awaiting cell resumes, and runs after it.
      gate: (tag: string) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            resolve();
            queueMicrotask(() => runs.set(tag, rt.callerRun()));
          }, 0),
        ),
      // An async iterable of `turns` values, each next() resolved by a timer that then queues a
      // microtask recording under `tag` + the turn (as gate, for the implicit awaits of for await).
      turns: (tag: string, turns: number) => ({
        [Symbol.asyncIterator]: () => {
          let turn = 0;
          return {
            next: () =>
              new Promise<IteratorResult<number>>((resolve) => {
                const at = ++turn;
                setTimeout(() => {
                  resolve(at > turns ? { done: true, value: undefined } : { done: false, value: at });
                  queueMicrotask(() => runs.set(`${tag}${at}`, rt.callerRun()));
                }, 0);
              }),
          };
        },
      }),
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

  it("not in a microtask queued before the cell resumed after await, which runs after its stretch", async () => {
    const { rt, runs } = withProbe();
    rt.load(doc(js("a", "await gate('first'); probe('middle'); await gate('last'); probe('end'); 1")));
    await rt.idle();
    expect(runs.get("middle")?.()).toBe(true);
    expect(runs.get("end")?.()).toBe(true);
    // Both ran after a stretch of the cell's code that started after they were queued.
    expect(runs.has("first")).toBe(true);
    expect(runs.get("first")).toBeUndefined();
    expect(runs.has("last")).toBe(true);
    expect(runs.get("last")).toBeUndefined();
  });

  it("not in a microtask queued before a for await loop's turn, or the code after it, resumed", async () => {
    const { rt, runs } = withProbe();
    rt.load(doc(js("a", "for await (const i of turns('turn', 2)) probe('in' + i);\nprobe('after');\nconst a = 1")));
    await rt.idle();
    for (const tag of ["in1", "in2", "after"]) expect([tag, runs.get(tag)?.()]).toEqual([tag, true]);
    for (const tag of ["turn1", "turn2", "turn3"]) expect([tag, runs.has(tag), runs.get(tag)]).toEqual([tag, true, undefined]);
  });

  it("not after an await in a function the cell defined (an event handler), nor in a sync generator it steps", async () => {
    const { rt, runs } = withProbe();
    rt.load(doc(js("a", "const handler = async () => { await null; probe('handler') };\nhandler();\nfunction* steps() { yield 1; yield 2 }\nfor (const s of steps()) probe('step' + s);\nconst n = 1")));
    await rt.idle();
    expect(runs.has("handler")).toBe(true);
    expect(runs.get("handler")).toBeUndefined();
    // The cell's own code, around a generator it drives in the same stretch.
    expect(runs.get("step1")?.()).toBe(true);
    expect(runs.get("step2")?.()).toBe(true);
  });

  it("in a generator cell's code from its first pull on, after a rejected await, and after a for await loop", async () => {
    const { rt, runs } = withProbe();
    rt.load(
      doc(
        js("g", "probe('pull1'); yield 1"),
        js("c", "try { await Promise.reject(new Error('no')) } catch { probe('caught') }\nfor await (const x of [1, 2]) probe('loop' + x);\nprobe('after loop');\nfor await (const x of [1, 2]) break;\nprobe('after break');\nconst c = 1"),
      ),
    );
    await rt.idle();
    for (const tag of ["pull1", "caught", "loop1", "loop2", "after loop", "after break"]) expect([tag, runs.get(tag)?.()]).toEqual([tag, true]);
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

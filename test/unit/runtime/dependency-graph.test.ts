/**
 * The "uses" and "used by" lists the notebook draws under every cell (NotebookRuntime.uses/usedBy)
 * come from one graph made once per change of the cells or their plans (issue 12: asked cell by
 * cell, "used by" read every other cell's uses, n² sets a render). These tests hold each list to the
 * plans read by hand after loads, edits, moves and removals, and pin that the lists are not made
 * again between changes (the same array back) while a change gives new ones.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { CellDoc, NotebookDoc } from "../../../src/notebook/document";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";

const js = (id: string, source: string): CellDoc => ({ id, kind: "js", source });
const doc = (...cells: CellDoc[]): NotebookDoc => ({ title: "test", cells });

let runtime: NotebookRuntime | undefined;
afterEach(() => runtime?.dispose());

/** Every cell's lists, as [uses, usedBy] by id. */
function lists(rt: NotebookRuntime, ids: readonly string[]): Record<string, [readonly string[], readonly string[]]> {
  return Object.fromEntries(ids.map((id) => [id, [rt.uses(id), rt.usedBy(id)]]));
}

describe("NotebookRuntime dependency lists", () => {
  it("lists each cell's direct uses and users, in cell order, through edits, moves and removals", async () => {
    const rt = new NotebookRuntime({ timeoutMs: 200 });
    runtime = rt;
    const cells = [js("d", "const d = b + c + a"), js("a", "const a = 1"), js("b", "const b = a * 2"), js("c", "const c = a + b"), js("e", "d")];
    rt.load(doc(...cells));
    await rt.idle();
    expect(lists(rt, ["d", "a", "b", "c", "e"])).toEqual({
      d: [["b", "c", "a"], ["e"]], // in the order its code names them
      a: [[], ["d", "b", "c"]],
      b: [["a"], ["d", "c"]],
      c: [["a", "b"], ["d"]],
      e: [["d"], []],
    });
    // An edit: c no longer reads b; a new cell f reads c.
    rt.updateCell(js("c", "const c = a + 10"));
    rt.updateCell(js("f", "c * 3"));
    await rt.idle();
    expect(rt.uses("c")).toEqual(["a"]);
    expect(rt.usedBy("b")).toEqual(["d"]);
    expect(rt.usedBy("c")).toEqual(["d", "f"]);
    expect(rt.uses("f")).toEqual(["c"]);
    // Moved: the "used by" lists follow the new cell order.
    rt.load(doc(js("a", "const a = 1"), js("c", "const c = a + 10"), js("b", "const b = a * 2"), js("d", "const d = b + c + a"), js("e", "d")));
    await rt.idle();
    expect(rt.usedBy("a")).toEqual(["c", "b", "d"]);
    // Removed: f is gone from c's users, and asks for a removed cell give nothing.
    expect(rt.usedBy("c")).toEqual(["d"]);
    expect(rt.uses("f")).toEqual([]);
    expect(rt.usedBy("f")).toEqual([]);
  });

  it("makes the lists once per change of the cells, not per ask", async () => {
    const rt = new NotebookRuntime({ timeoutMs: 200 });
    runtime = rt;
    rt.load(doc(js("a", "const a = 1"), js("b", "const b = a + 1"), js("c", "b")));
    await rt.idle();
    const usedBy = rt.usedBy("a");
    const uses = rt.uses("c");
    expect(rt.usedBy("a")).toBe(usedBy);
    expect(rt.uses("c")).toBe(uses);
    // A value change is no change of the plans: the same lists.
    rt.updateCell(js("a", "const a = 2"));
    await rt.idle();
    expect(rt.usedBy("b")).toEqual(["c"]);
    // A change of the cells makes them anew, and they say so.
    rt.updateCell(js("c", "a + b"));
    await rt.idle();
    expect(rt.usedBy("a")).not.toBe(usedBy);
    expect(rt.usedBy("a")).toEqual(["b", "c"]);
    expect(rt.uses("c")).toEqual(["a", "b"]);
  });
});

/**
 * RuntimeOptions.onRunSettled: the host hears of each run that settled — fulfilled or rejected — with
 * the time the cell's state records for it (the scheduler counts a finished run at that time).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { CellDoc, NotebookDoc } from "../../../src/notebook/document";
import { NotebookRuntime } from "../../../src/runtime/notebook-runtime";

const js = (id: string, source: string): CellDoc => ({ id, kind: "js", source });
const doc = (...cells: CellDoc[]): NotebookDoc => ({ title: "test", cells });

let runtime: NotebookRuntime | undefined;
afterEach(() => runtime?.dispose());

describe("NotebookRuntime onRunSettled", () => {
  it("is told each run that settled, fulfilled or failed, with the run time the cell's state has", async () => {
    const told: [string, number | undefined][] = [];
    const rt = new NotebookRuntime({ onRunSettled: (id, ms) => told.push([id, ms]) });
    runtime = rt;
    rt.load(doc(js("n", "const n = 2"), js("ok", "n * 2"), js("bad", "n.nope.deeper")));
    await rt.idle();
    expect(told.map(([id]) => id).sort()).toEqual(["bad", "n", "ok"]);
    for (const [id, ms] of told) {
      expect(ms).toBe(rt.state(id)?.lastRunMs);
      expect(ms).toBeGreaterThanOrEqual(0);
    }
    expect(rt.state("bad")?.status).toBe("rejected");
    told.length = 0;
    rt.load(doc(js("n", "const n = 3"), js("ok", "n * 2"), js("bad", "n.nope.deeper")));
    await rt.idle();
    expect(told.map(([id]) => id).sort()).toEqual(["bad", "n", "ok"]);
  });
});

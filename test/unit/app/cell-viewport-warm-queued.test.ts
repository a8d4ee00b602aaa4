/**
 * Issue 12 on notebook 06 after a filter change: work a builtin hands over (CellViewport.warm) holds
 * back the cells that read the builtin even when they were queued before it was handed over. The
 * change queues every cell off screen at once; the evaluation, let run first, hands over the
 * what-if's sides (crosswalk/what-if-ahead.ts), and the what-if, queued with it, must find them
 * measured rather than measure them in its own task. A cell that reads none of the builtin's names
 * runs meanwhile. Frames and the observers are driven by hand.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CellViewport } from "../../../src/app/cell-viewport";
import { cellElement, FarOffScreenObserver, frame, holdFrames, tasks } from "./viewport-frames";

beforeEach(() => {
  holdFrames();
  vi.stubGlobal("IntersectionObserver", FarOffScreenObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

type Info = { lastRunMs: number | undefined; dependents: string[]; inputs: string[] };

/** Ask for `id` as the runtime does: again after each wait, until it may run; then `run` it. */
function ask(viewport: CellViewport, id: string, info: Info, run: () => void): void {
  const wait = viewport.defer(id, info);
  if (wait === undefined) run();
  else void wait.then(() => ask(viewport, id, info, run));
}

describe("CellViewport.warm and the cells queued before it", () => {
  it("a queued cell that reads the builtin waits for the work handed over after it was queued; one that does not runs meanwhile", async () => {
    const viewport = new CellViewport();
    for (const id of ["far-evaluation", "far-whatif", "far-other"]) viewport.watch(cellElement(id), id);
    let stepsRun = 0;
    let done = false;
    function* work(): Generator<void, void, undefined> {
      for (let i = 0; i < 5; i++) {
        stepsRun++;
        yield;
      }
      done = true;
    }
    const ran: [string, boolean][] = [];
    const note = (id: string) => (): void => void ran.push([id, done]);
    // The change reaches every cell at once, in this order; the evaluation hands the work over as it runs.
    ask(viewport, "far-evaluation", { lastRunMs: 1, dependents: [], inputs: ["w"] }, () => {
      note("far-evaluation")();
      viewport.warm("w", work());
    });
    ask(viewport, "far-whatif", { lastRunMs: 1, dependents: [], inputs: ["w"] }, note("far-whatif"));
    ask(viewport, "far-other", { lastRunMs: 1, dependents: [], inputs: ["x"] }, note("far-other"));
    await frame();
    await tasks(20);
    expect(stepsRun).toBe(5);
    expect(ran).toEqual([
      ["far-evaluation", false],
      ["far-other", false],
      ["far-whatif", true],
    ]);
  });
});

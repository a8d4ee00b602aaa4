/**
 * Issue 12 on notebook 04 mid-page: a cell in the viewport that waits for work a builtin handed
 * over (the flagged table waiting for the recount on every reconstruction) holds the cells out of
 * view back until it has run and been painted. They used to run one per task after the first frame
 * (the filter bar's), and the work's slices, which yield to any cell's task, waited behind them, so
 * the cell the reader looks at was drawn last (the second test fails without it; under Node the
 * work's slices all run before the first frame's timer, so the first holds either way). Frames
 * and the IntersectionObservers are driven by hand: ids starting with "view" are in the viewport,
 * anything else far off screen.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CellViewport } from "../../../src/app/cell-viewport";
import { cellElement, frame, holdFrames, tasks } from "./viewport-frames";

class StubObserver {
  constructor(private readonly report: (entries: { target: Element; isIntersecting: boolean }[]) => void) {}
  observe(target: Element): void {
    this.report([{ target, isIntersecting: target.id.startsWith("view") }]);
  }
  unobserve(): void {}
  disconnect(): void {}
}

beforeEach(() => {
  holdFrames();
  vi.stubGlobal("IntersectionObserver", StubObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Work of about 150 ms in 1 ms steps (slices of 20 ms, one per task); `done` once it ended. */
function work(progress: { done: boolean }): Generator<void, void, undefined> {
  return (function* steps() {
    for (let i = 0; i < 150; i++) {
      const until = performance.now() + 1;
      while (performance.now() < until) {
        // busy: a step of real work
      }
      yield;
    }
    progress.done = true;
  })();
}

/** A cell reading the builtin "w" whose runs are too long to go without the work (over 20 ms). */
const readsWork = { lastRunMs: 30, dependents: [], inputs: ["w"] };
/** A cell that does not read it. */
const plain = { lastRunMs: 5, dependents: [], inputs: [] };

describe("CellViewport: a cell in view waiting for handed-over work", () => {
  it("cells out of view run only after it ran and a frame showed it", async () => {
    const viewport = new CellViewport();
    viewport.watch(cellElement("view"), "view");
    viewport.watch(cellElement("far-a"), "far-a");
    viewport.watch(cellElement("far-b"), "far-b");
    const progress = { done: false };
    viewport.warm("w", work(progress));
    const events: string[] = [];
    const waits = viewport.defer("view", readsWork);
    expect(waits).toBeDefined();
    void waits?.then(() => {
      // The runtime asks again after the wait: it runs now.
      expect(viewport.defer("view", readsWork)).toBeUndefined();
      events.push(`view ran, work ${progress.done ? "done" : "not done"}`);
    });
    for (const id of ["far-a", "far-b"]) void viewport.defer(id, plain)?.then(() => events.push(`${id} ran`));
    for (let i = 0; i < 30 && events.filter((e) => e !== "frame").length < 3; i++) {
      await frame();
      events.push("frame");
      await tasks(3);
    }
    expect(events.filter((e) => e !== "frame")).toEqual(["view ran, work done", "far-a ran", "far-b ran"]);
    // A frame between the cell in view and the first cell out of view: its paint came first.
    expect(events.indexOf("frame", events.indexOf("view ran, work done"))).toBeLessThan(events.indexOf("far-a ran"));
  });

  it("a drain under way stops while it waits, and goes on after its paint", async () => {
    const viewport = new CellViewport();
    viewport.watch(cellElement("view"), "view");
    for (const id of ["far-1", "far-2", "far-3", "far-4"]) viewport.watch(cellElement(id), id);
    const events: string[] = [];
    // A first burst: a cell in view runs, the far cells queue and start draining after a frame.
    expect(viewport.defer("view", plain)).toBeUndefined();
    for (const id of ["far-1", "far-2", "far-3", "far-4"]) {
      void viewport.defer(id, plain)?.then(() => {
        events.push(`${id} ran`);
        // The first far cell's run hands work over and the cell in view, reading it, waits.
        if (id === "far-1") {
          const progress = { done: false };
          viewport.warm("w", work(progress));
          void viewport.defer("view", readsWork)?.then(() => events.push(`view ran, work ${progress.done ? "done" : "not done"}`));
        }
      });
    }
    for (let i = 0; i < 30 && events.length < 5; i++) {
      await frame();
      await tasks(3);
    }
    expect(events).toEqual(["far-1 ran", "view ran, work done", "far-2 ran", "far-3 ran", "far-4 ran"]);
  });
});

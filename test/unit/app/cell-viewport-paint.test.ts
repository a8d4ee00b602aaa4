/**
 * Issue 12: cells far off screen wait for the paint that shows the cells on screen. A frame drawn
 * before a cell on screen ran (the filter bar's own frame, when the cells run a task after the
 * input) does not count: the far cells wait for the next one, so they do not hold back the paint of
 * what the reader looks at. Frames and the IntersectionObserver are driven by hand here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CellViewport } from "../../../src/app/cell-viewport";
import { cellElement, FarOffScreenObserver, frame, holdFrames, tasks } from "./viewport-frames";

/** Busy for `ms` (a cell running). */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy
  }
}

beforeEach(() => {
  holdFrames();
  vi.stubGlobal("IntersectionObserver", FarOffScreenObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const slow = { lastRunMs: 100, dependents: [], inputs: [] };

describe("CellViewport: far cells after the paint of the cells on screen", () => {
  it("a frame drawn while a cell on screen waits for its own task does not let the far cell run", async () => {
    const viewport = new CellViewport();
    viewport.watch(cellElement("near-a"), "near-a");
    viewport.watch(cellElement("near-b"), "near-b");
    viewport.watch(cellElement("far"), "far");
    // The input's task: a cell on screen runs (10 ms); the next one (its last run took 60 ms)
    // waits for a task of its own (TASK_MS), and is asked again then, as the runtime does.
    expect(viewport.defer("near-a", { lastRunMs: 10, dependents: [], inputs: [] })).toBeUndefined();
    busy(10);
    const b = { lastRunMs: 60, dependents: [], inputs: [] };
    const bWaits = viewport.defer("near-b", b);
    expect(bWaits).toBeDefined();
    let bRan = false;
    void bWaits?.then(() => {
      bRan = viewport.defer("near-b", b) === undefined;
    });
    // The far cell's last run does not fit the task's slice: it waits for a paint.
    let farRan = false;
    void viewport.defer("far", slow)?.then(() => (farRan = true));
    // A frame (the filter bar's) comes before the task that runs the waiting cell on screen.
    await frame();
    await tasks(5);
    expect(bRan).toBe(true);
    expect(farRan).toBe(false);
    // The frame that draws it: then the far cell runs.
    await frame();
    await tasks(5);
    expect(farRan).toBe(true);
  });

  it("with the cells on screen run before the frame, the far cell runs after that one frame", async () => {
    const viewport = new CellViewport();
    viewport.watch(cellElement("near"), "near");
    viewport.watch(cellElement("far"), "far");
    expect(viewport.defer("near", { lastRunMs: 5, dependents: [], inputs: [] })).toBeUndefined();
    let farRan = false;
    void viewport.defer("far", slow)?.then(() => (farRan = true));
    await tasks(5);
    expect(farRan).toBe(false);
    await frame();
    await tasks(5);
    expect(farRan).toBe(true);
  });

  it("a cell on screen that runs on every frame holds the far cells back a few frames at most", async () => {
    const viewport = new CellViewport();
    viewport.watch(cellElement("near"), "near");
    viewport.watch(cellElement("far"), "far");
    let farRan = false;
    void viewport.defer("far", slow)?.then(() => (farRan = true));
    for (let i = 0; i < 6 && !farRan; i++) {
      await frame();
      // The generator's cell on screen reruns after every frame began.
      viewport.defer("near", { lastRunMs: 1, dependents: [], inputs: [] });
      await tasks(5);
    }
    expect(farRan).toBe(true);
  });

  it("cells out of view waiting for the next paint share one frame callback and one timer; one asking once the frame began waits for the next", async () => {
    const viewport = new CellViewport();
    const held = globalThis.requestAnimationFrame;
    let frames = 0;
    vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => {
      frames++;
      return held(callback);
    });
    const timeout = vi.spyOn(globalThis, "setTimeout");
    // 01's cells made pending out of view by a change: each asks for the paint in the change's first task.
    const drawn: number[] = [];
    for (let i = 0; i < 19; i++) void viewport.nextPaint().then(() => drawn.push(i));
    expect(frames).toBe(1);
    expect(timeout.mock.calls.filter(([, ms]) => typeof ms === "number" && ms > 0)).toHaveLength(1);
    await tasks(5);
    expect(drawn).toEqual([]);
    // One asking as the frame begins (from a frame callback after the viewport's) waits for the next frame.
    let late = false;
    held(() => void viewport.nextPaint().then(() => (late = true)));
    await frame();
    expect(drawn).toHaveLength(19);
    expect(late).toBe(false);
    await frame();
    expect(late).toBe(true);
    timeout.mockRestore();
  });
});

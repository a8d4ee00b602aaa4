/**
 * Issue 12: cells far off screen wait for the paint that shows the cells on screen. A frame drawn
 * before a cell on screen ran (the filter bar's own frame, when the cells run a task after the
 * input) does not count: the far cells wait for the next one, so they do not hold back the paint of
 * what the reader looks at. Frames and the IntersectionObserver are driven by hand here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseHTML } from "linkedom";
import { CellViewport } from "../../../src/app/cell-viewport";

const page = parseHTML("<!DOCTYPE html><html><body></body></html>").document;

/** A cell's element; the stub observer reads its id. */
function cellElement(id: string): Element {
  const el = page.createElement("nb-cell");
  el.id = id;
  return el;
}

/** Animation-frame callbacks waiting for the next frame. */
let frameCallbacks: (() => void)[] = [];

/** Draw a frame: run the waiting animation-frame callbacks, then let the tasks they queue run. */
async function frame(): Promise<void> {
  const run = frameCallbacks;
  frameCallbacks = [];
  for (const callback of run) callback();
  await new Promise((r) => setTimeout(r, 1));
}

/** Busy for `ms` (a cell running). */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy
  }
}

/** Tasks (message and timer turns) pass without a frame. */
async function tasks(n = 5): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
}

/** Elements the stub observer reports: the ones named "far…" are off screen. */
class StubObserver {
  constructor(private readonly report: (entries: { target: Element; isIntersecting: boolean }[]) => void) {}
  observe(target: Element): void {
    this.report([{ target, isIntersecting: !target.id.startsWith("far") }]);
  }
  unobserve(): void {}
  disconnect(): void {}
}

beforeEach(() => {
  frameCallbacks = [];
  vi.stubGlobal("requestAnimationFrame", (callback: () => void) => frameCallbacks.push(callback));
  vi.stubGlobal("IntersectionObserver", StubObserver);
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
    // The input's task: a quick cell on screen runs; the next one (its last run took 60 ms) waits
    // for a task of its own (TASK_MS), and is asked again then, as the runtime does.
    expect(viewport.defer("near-a", { lastRunMs: 1, dependents: [], inputs: [] })).toBeUndefined();
    busy(2);
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
    await tasks();
    expect(bRan).toBe(true);
    expect(farRan).toBe(false);
    // The frame that draws it: then the far cell runs.
    await frame();
    await tasks();
    expect(farRan).toBe(true);
  });

  it("with the cells on screen run before the frame, the far cell runs after that one frame", async () => {
    const viewport = new CellViewport();
    viewport.watch(cellElement("near"), "near");
    viewport.watch(cellElement("far"), "far");
    expect(viewport.defer("near", { lastRunMs: 5, dependents: [], inputs: [] })).toBeUndefined();
    let farRan = false;
    void viewport.defer("far", slow)?.then(() => (farRan = true));
    await tasks();
    expect(farRan).toBe(false);
    await frame();
    await tasks();
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
      await tasks();
    }
    expect(farRan).toBe(true);
  });
});

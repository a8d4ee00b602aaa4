/**
 * Issue 12: after a change the cells in view run at once, the others after the paint that shows
 * them — those in the 300 px margin first, then those far off, one per task, whatever order the
 * runtime asks in. The margin observer measures against the frame's own document (`root`): in a
 * cross-origin frame the implicit root ignores rootMargin. Frames and the observers are driven by
 * hand here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CellViewport } from "../../../src/app/cell-viewport";
import { cellElement, frame, holdFrames, page, tasks } from "./viewport-frames";

/** The options each observer was made with. */
const made: { root?: unknown; rootMargin?: string }[] = [];

/** "view…" is in the viewport; "edge…" only within a margin measured against a given root; anything else far. */
class StubObserver {
  constructor(
    private readonly report: (entries: { target: Element; isIntersecting: boolean }[]) => void,
    private readonly options: { root?: unknown; rootMargin?: string } = {},
  ) {
    made.push(options);
  }
  observe(target: Element): void {
    // As in a cross-origin frame: without a root, the margin is ignored.
    const margin = this.options.rootMargin !== undefined && this.options.root !== undefined;
    this.report([{ target, isIntersecting: target.id.startsWith("view") || (margin && target.id.startsWith("edge")) }]);
  }
  unobserve(): void {}
  disconnect(): void {}
}

beforeEach(() => {
  made.length = 0;
  holdFrames();
  vi.stubGlobal("IntersectionObserver", StubObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const quick = { lastRunMs: 1, dependents: [], inputs: [] };

/** Ask for `id` as the runtime does: again after each wait, until it may run; then note it. */
function ask(viewport: CellViewport, id: string, ran: string[], info: { lastRunMs: number | undefined; dependents: string[]; inputs: string[] } = quick): void {
  const wait = viewport.defer(id, info);
  if (wait === undefined) ran.push(id);
  else void wait.then(() => ask(viewport, id, ran, info));
}

describe("CellViewport: in view, then the margin, then the rest", () => {
  it("runs the cell in view at once and the others after the paint, the margin first, one per task", async () => {
    const viewport = new CellViewport();
    for (const id of ["far-b", "far-a", "edge", "view"]) viewport.watch(cellElement(id), id);
    expect(made.some((o) => o.rootMargin !== undefined && o.root === page)).toBe(true);
    const ran: string[] = [];
    // The runtime asks bottom-up: the far cells first.
    for (const id of ["far-b", "far-a", "edge", "view"]) ask(viewport, id, ran);
    await tasks(20);
    // Quick as they are, only the cell in view ran before the paint.
    expect(ran).toEqual(["view"]);
    await frame();
    await tasks(20);
    expect(ran).toEqual(["view", "edge", "far-b", "far-a"]);
  });

  it("a cell far off that a cell in the margin reads runs with the margin", async () => {
    const viewport = new CellViewport();
    for (const id of ["far-a", "far-source", "edge", "view"]) viewport.watch(cellElement(id), id);
    const ran: string[] = [];
    ask(viewport, "far-a", ran);
    ask(viewport, "far-source", ran, { lastRunMs: 1, dependents: ["edge"], inputs: [] });
    ask(viewport, "view", ran);
    await frame();
    await tasks(20);
    expect(ran).toEqual(["view", "far-source", "far-a"]);
  });

  it("the first cell in view let run in a task runs even when its last run was long", () => {
    const viewport = new CellViewport();
    for (const id of ["far", "view-a", "view-b"]) viewport.watch(cellElement(id), id);
    // A far cell asked first does not start the task's 40 ms budget.
    expect(viewport.defer("far", quick)).toBeDefined();
    const until = performance.now() + 2;
    while (performance.now() < until) {
      // busy: the runtime between two asks
    }
    expect(viewport.defer("view-a", { lastRunMs: 60, dependents: [], inputs: [] })).toBeUndefined();
    // The next one would take the task past 40 ms: a task of its own.
    expect(viewport.defer("view-b", { lastRunMs: 60, dependents: [], inputs: [] })).toBeDefined();
  });
});

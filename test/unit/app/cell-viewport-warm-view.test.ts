/**
 * Issue 12 on notebook 04 mid-page: work a builtin hands over (CellViewport.warm: the recount on
 * every reconstruction) holds back the cells that read the builtin — except a cell in the viewport
 * itself whose runs fit in a task short of a long one (the flagged table, which classifies only its own figures). A cell
 * only near the viewport (in the margin), one off screen, and one in view whose runs are long still
 * wait for the work. The IntersectionObservers are stubbed: the margin observer (rootMargin set) and
 * the viewport's own (none) report what the element's id says.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseHTML } from "linkedom";
import { CellViewport } from "../../../src/app/cell-viewport";

const page = parseHTML("<!DOCTYPE html><html><body></body></html>").document;

function cellElement(id: string): Element {
  const el = page.createElement("nb-cell");
  el.id = id;
  return el;
}

/** "view…" is in the viewport; "edge…" only within the margin; anything else off screen. */
class StubObserver {
  constructor(
    private readonly report: (entries: { target: Element; isIntersecting: boolean }[]) => void,
    private readonly options: { rootMargin?: string } = {},
  ) {}
  observe(target: Element): void {
    const margin = this.options.rootMargin !== undefined;
    this.report([{ target, isIntersecting: target.id.startsWith("view") || (margin && target.id.startsWith("edge")) }]);
  }
  unobserve(): void {}
  disconnect(): void {}
}

beforeEach(() => {
  vi.stubGlobal("requestAnimationFrame", (callback: () => void) => setTimeout(callback, 1));
  vi.stubGlobal("IntersectionObserver", StubObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Work of about 150 ms in 1 ms steps (slices of 20 ms across tasks). */
function* work(): Generator<void, void, undefined> {
  for (let i = 0; i < 150; i++) {
    const until = performance.now() + 1;
    while (performance.now() < until) {
      // busy: a step of real work
    }
    yield;
  }
}

const reads = (lastRunMs: number | undefined): { lastRunMs: number | undefined; dependents: never[]; inputs: string[] } => ({ lastRunMs, dependents: [], inputs: ["w"] });

describe("CellViewport.warm and the cells in the viewport", () => {
  it("a cell in the viewport with short runs runs at once; near, far and long-running ones wait", async () => {
    const viewport = new CellViewport();
    for (const id of ["view-short", "view-long", "edge", "far"]) viewport.watch(cellElement(id), id);
    let done = false;
    function* tracked(): Generator<void, void, undefined> {
      yield* work();
      done = true;
    }
    viewport.warm("w", tracked());
    expect(viewport.defer("view-short", reads(8))).toBeUndefined();
    // Never run yet: nothing says it is long.
    expect(viewport.defer("view-first", reads(undefined))).toBeDefined();
    const ranBeforeDone: boolean[] = [];
    const waits = (["view-long", "edge", "far"] as const).map((id) => {
      const wait = viewport.defer(id, reads(id === "view-long" ? 60 : 8));
      expect(wait, id).toBeDefined();
      return wait?.then(() => ranBeforeDone.push(!done));
    });
    await Promise.all(waits);
    // Each was let go only once the work had ended.
    expect(ranBeforeDone).toEqual([false, false, false]);
  });

  it("a cell in the viewport whose last run was long waits", () => {
    const viewport = new CellViewport();
    viewport.watch(cellElement("view"), "view");
    viewport.warm("w", work());
    expect(viewport.defer("view", reads(60))).toBeDefined();
  });

  it("a cell in the viewport whose runs are 20–50 ms still runs at once (04's flagged table under load)", async () => {
    // Its own recount of its ~20 rows per draw takes 15–25 ms idle, twice that under load: waiting
    // for all 50 draws' recount made the table in view late by 70–150 ms (2× CPU throttling).
    const viewport = new CellViewport();
    viewport.watch(cellElement("view"), "view");
    for (const last of [30, 45, 38, 48, 25]) {
      // Each change in a task of its own (in one task, TASK_MS would split them apart).
      await new Promise((resolve) => setTimeout(resolve, 1));
      viewport.warm("w", work());
      expect(viewport.defer("view", reads(last)), `last run ${last} ms`).toBeUndefined();
    }
  });
});

/**
 * Cell "view" asked to run after each of `runs` (its last run time then), each change in a task of
 * its own (in one task, TASK_MS would split them apart) with the work handed over anew: whether it waited.
 */
async function asked(viewport: CellViewport, runs: readonly number[]): Promise<boolean[]> {
  const waited: boolean[] = [];
  for (const last of runs) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    // Under way while the cell is asked (it ends in a background task after): nothing need be busy.
    viewport.warm("w", [undefined].values());
    waited.push(viewport.defer("view", reads(last)) !== undefined);
  }
  return waited;
}

describe("CellViewport.warm: a cell in view that needed the work", () => {
  it("waits once a run it was let go for took longer than a long task's 50 ms, and runs at once again after short runs", async () => {
    const viewport = new CellViewport();
    viewport.watch(cellElement("view"), "view");
    viewport.warm("w", work());
    // Its runs were short: it goes without waiting.
    expect(viewport.defer("view", reads(5))).toBeUndefined();
    // That run took 60 ms (a load spike, or it did the work itself): it waits for it and the next 7
    // runs (hold-rule.ts), then is let go again; that run is short, and outvotes the one slow run.
    const waited = await asked(viewport, [60, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(waited).toEqual([true, true, true, true, true, true, true, true, false, false, false, false]);
  });

  it("a cell whose runs let go are all long keeps waiting, let go again only after 8, then 16 runs", async () => {
    const viewport = new CellViewport();
    viewport.watch(cellElement("view"), "view");
    viewport.warm("w", work());
    expect(viewport.defer("view", reads(5))).toBeUndefined();
    // Runs let go take 60 ms (the whole work), held ones 6–20 ms.
    const held = (n: number): number[] => Array.from({ length: n }, (_, i) => 6 + i);
    // Each entry is the run that ended before the ask: the 60 ms ones are the runs let go.
    const waited = await asked(viewport, [60, ...held(8), 60, ...held(16), 60]);
    const waits = (n: number): boolean[] => Array<boolean>(n).fill(true);
    expect(waited).toEqual([...waits(8), false, ...waits(16), false, true]);
  });

  it("a run let go that stayed short keeps it going", () => {
    const viewport = new CellViewport();
    viewport.watch(cellElement("view"), "view");
    for (const last of [5, 12, 9, 14]) {
      viewport.warm("w", work());
      expect(viewport.defer("view", reads(last)), `last run ${last} ms`).toBeUndefined();
    }
  });
});

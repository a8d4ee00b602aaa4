/**
 * A cell's expected run time remembers a longer run, halved at each run after it (run-costs.ts),
 * and the scheduler uses it: a cell on screen whose last run was cheap but whose run before was
 * long still waits for a task of its own when the task at hand is already busy.
 */
import { describe, expect, it } from "vitest";
import { RunCosts } from "../../../src/app/run-costs";
import { CellViewport } from "../../../src/app/cell-viewport";
import { afterTask } from "./viewport-frames";

describe("RunCosts", () => {
  it("is the last run when runs only get longer, and halves a longer run at each cheaper one (hand-worked)", () => {
    const costs = new RunCosts();
    expect(costs.expected("a", undefined)).toBe(0);
    expect(costs.expected("a", 4)).toBe(4);
    expect(costs.expected("a", 32)).toBe(32);
    // A filter cleared back to a kept result: 0.5 ms, but the cell is not cheap.
    expect(costs.expected("a", 0.5)).toBe(16);
    // Asked again for the same run (after a wait): the same answer, not halved again.
    expect(costs.expected("a", 0.5)).toBe(16);
    expect(costs.expected("a", 0.25)).toBe(8);
    expect(costs.expected("a", 0.75)).toBe(4);
    expect(costs.expected("a", 10)).toBe(10);
    // Cells are apart.
    expect(costs.expected("b", 1)).toBe(1);
  });
});

describe("CellViewport with RunCosts", () => {
  it("a cell on screen that ran 60 ms and then 1 ms waits for its own task after 15 ms of this one", async () => {
    const viewport = new CellViewport();
    const info = (lastRunMs: number | undefined) => ({ lastRunMs, dependents: [], inputs: [] });
    // Its earlier runs, each in a fresh task (the first cell of a task always runs).
    expect(viewport.defer("x", info(60))).toBeUndefined();
    await afterTask();
    expect(viewport.defer("x", info(1))).toBeUndefined();
    await afterTask();
    // A new task: another cell starts it and runs 15 ms.
    expect(viewport.defer("first", info(0))).toBeUndefined();
    const until = performance.now() + 15;
    while (performance.now() < until) {
      // busy: the first cell's run
    }
    // x's last run was 1 ms, but it is expected to take 30: 15 + 30 > 40, so it waits.
    const wait = viewport.defer("x", info(1));
    expect(wait).toBeDefined();
    await wait;
  });
});

describe("CellViewport: a run that settled counts at its real time (onRunSettled)", () => {
  const info = (lastRunMs: number | undefined) => ({ lastRunMs, dependents: [], inputs: [] });

  it("a cell reading one whose long run is still expected but took 3 ms runs in the same task", async () => {
    const viewport = new CellViewport();
    // `rec`'s open run was 60 ms; a filter change lets it run again as the task's first cell.
    expect(viewport.defer("rec", info(60))).toBeUndefined();
    await afterTask();
    expect(viewport.defer("rec", info(60))).toBeUndefined();
    viewport.settled("rec", 3);
    // The summary (10 ms) reads it: 3 + 10 ms fit the task, so it is drawn with it.
    expect(viewport.defer("summary", info(10))).toBeUndefined();
  });

  it("while that run has not settled, its expected 60 ms still fill the task", async () => {
    const viewport = new CellViewport();
    expect(viewport.defer("rec", info(60))).toBeUndefined();
    await afterTask();
    expect(viewport.defer("rec", info(60))).toBeUndefined();
    const wait = viewport.defer("summary", info(10));
    expect(wait).toBeDefined();
    await wait;
  });

  it("a settled run of a cell let run in an earlier task changes nothing in this one", async () => {
    const viewport = new CellViewport();
    expect(viewport.defer("rec", info(60))).toBeUndefined();
    await afterTask();
    expect(viewport.defer("other", info(60))).toBeUndefined();
    viewport.settled("rec", 1);
    expect(viewport.defer("summary", info(10))).toBeDefined();
  });
});

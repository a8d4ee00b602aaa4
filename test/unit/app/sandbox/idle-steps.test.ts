import { describe, expect, it } from "vitest";
import { runInIdle, STEP_MARGIN_MS, type IdleStepsWindow } from "../../../../src/app/sandbox/idle-steps";

/**
 * A window whose idle periods the test hands out: each `idle(ms)` runs the callbacks waiting then
 * with a deadline of `ms`, which each step uses up by what it says (`steps`).
 */
function idleWindow(): IdleStepsWindow & { idle(ms: number): void; waiting(): number; clock: { left: number } } {
  let waiting: ((deadline: { timeRemaining(): number }) => void)[] = [];
  const clock = { left: 0 };
  return {
    clock,
    requestIdleCallback: (callback) => {
      waiting.push(callback);
      return waiting.length;
    },
    idle: (ms) => {
      const now = waiting;
      waiting = [];
      for (const callback of now) {
        clock.left = ms;
        callback({ timeRemaining: () => Math.max(0, clock.left) });
      }
    },
    waiting: () => waiting.length,
  };
}

/** `n` steps that each record their index and use `ms` of the idle period. */
function steps(n: number, win: { clock: { left: number } }, ms: number, ran: number[]): (() => void)[] {
  return Array.from({ length: n }, (_, i) => () => {
    ran.push(i);
    win.clock.left -= ms;
  });
}

describe("runInIdle", () => {
  it("runs nothing until the page is idle, then steps while the period has time left, over as many periods as it takes", async () => {
    const win = idleWindow();
    const ran: number[] = [];
    const done = runInIdle(win, steps(10, win, 3, ran), () => true);
    expect(ran).toEqual([]);
    // A 13 ms period: steps start at 13, 10 and 7 ms left; at 4 ms (not over the margin) it waits.
    win.idle(13);
    expect(ran).toEqual([0, 1, 2]);
    expect(win.waiting()).toBe(1);
    // A period too short for a step runs none and asks for the next.
    win.idle(STEP_MARGIN_MS);
    expect(ran).toEqual([0, 1, 2]);
    win.idle(50);
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await done).toBe(10);
    expect(win.waiting()).toBe(0);
  });

  it("stops when the work is not wanted any more", async () => {
    const win = idleWindow();
    const ran: number[] = [];
    let wanted = true;
    const done = runInIdle(win, steps(10, win, 1, ran), () => wanted);
    win.idle(7);
    expect(ran).toEqual([0, 1, 2]);
    wanted = false;
    win.idle(50);
    expect(await done).toBe(3);
    expect(ran).toEqual([0, 1, 2]);
    expect(win.waiting()).toBe(0);
  });

  it("runs nothing without requestIdleCallback (optional work, no timer instead)", async () => {
    let ran = 0;
    expect(await runInIdle({}, [() => void ran++], () => true)).toBe(0);
    expect(ran).toBe(0);
  });

  it("rejects with a step's error and runs no step after it", async () => {
    const win = idleWindow();
    const ran: number[] = [];
    const failing = [() => void ran.push(0), () => { throw new Error("step 1 broke"); }, () => void ran.push(2)];
    const done = runInIdle(win, failing, () => true);
    win.idle(50);
    await expect(done).rejects.toThrow("step 1 broke");
    expect(ran).toEqual([0]);
    expect(win.waiting()).toBe(0);
  });
});

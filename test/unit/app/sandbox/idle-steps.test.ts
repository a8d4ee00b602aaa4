import { describe, expect, it } from "vitest";
import { backgroundTurns, CALLBACK_BUDGET_MS, runInIdle, STEP_MARGIN_MS, type BackgroundTurn } from "../../../../src/app/sandbox/idle-steps";

/**
 * Turns the test hands out: each `give(ms)` runs the turn waiting then with `ms` to use, which each
 * step uses up by what it says (`steps`).
 */
function turns(): { turn: BackgroundTurn; give(ms: number): void; waiting(): number; clock: { left: number } } {
  let waiting: ((timeLeft: () => number) => void)[] = [];
  const clock = { left: 0 };
  return {
    clock,
    turn: (run) => void waiting.push(run),
    give: (ms) => {
      const now = waiting;
      waiting = [];
      for (const run of now) {
        clock.left = ms;
        run(() => clock.left);
      }
    },
    waiting: () => waiting.length,
  };
}

/** `n` steps that each record their index and use `ms` of the turn. */
function steps(n: number, clock: { left: number }, ms: number, ran: number[]): (() => void)[] {
  return Array.from({ length: n }, (_, i) => () => {
    ran.push(i);
    clock.left -= ms;
  });
}

describe("runInIdle", () => {
  it("runs nothing until a turn comes, then steps while the turn has time left, over as many turns as it takes", async () => {
    const t = turns();
    const ran: number[] = [];
    const done = runInIdle(t.turn, steps(10, t.clock, 3, ran), () => true);
    expect(ran).toEqual([]);
    // 8 ms: steps start at 8 and 5 ms left; at 2 ms left the next (3 ms, as the last) would end
    // past the turn's budget, so it waits for the next turn.
    t.give(8);
    expect(ran).toEqual([0, 1]);
    expect(t.waiting()).toBe(1);
    // A turn too short for a step runs none and asks for the next.
    t.give(STEP_MARGIN_MS);
    expect(ran).toEqual([0, 1]);
    // Two steps a turn; the fifth turn finds the end.
    for (let turn = 0; turn < 5; turn++) t.give(8);
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await done).toBe(10);
    expect(t.waiting()).toBe(0);
  });

  it("stops when the work is not wanted any more", async () => {
    const t = turns();
    const ran: number[] = [];
    let wanted = true;
    const done = runInIdle(t.turn, steps(10, t.clock, 1, ran), () => wanted);
    t.give(3.5);
    expect(ran).toEqual([0, 1, 2]);
    wanted = false;
    t.give(50);
    expect(await done).toBe(3);
    expect(ran).toEqual([0, 1, 2]);
    expect(t.waiting()).toBe(0);
  });

  it("ends a turn after its step when input waits, not at the turn's budget, and goes on in the next turn", async () => {
    let inputWaits = false;
    let waiting: ((timeLeft: () => number, inputWaits?: () => boolean) => void)[] = [];
    const clock = { left: 0 };
    const turn: BackgroundTurn = (run) => void waiting.push(run);
    const give = (ms: number): void => {
      const now = waiting;
      waiting = [];
      for (const run of now) {
        clock.left = ms;
        run(() => clock.left, () => inputWaits);
      }
    };
    const ran: number[] = [];
    const done = runInIdle(turn, steps(10, clock, 1, ran).map((step, i) => () => {
      step();
      // A click comes in during the third step.
      if (i === 2) inputWaits = true;
    }), () => true);
    // 8 ms would take seven 1-ms steps; the click ends the turn after the step under way.
    give(8);
    expect(ran).toEqual([0, 1, 2]);
    expect(waiting).toHaveLength(1);
    // A turn that starts with input waiting still runs its first step (the work always gets on).
    give(8);
    expect(ran).toEqual([0, 1, 2, 3]);
    // The click has been handled: the next turn runs to its budget again.
    inputWaits = false;
    give(8);
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    give(8);
    expect(await done).toBe(10);
  });

  it("runs nothing without turns (optional work, no timer instead)", async () => {
    let ran = 0;
    expect(await runInIdle(undefined, [() => void ran++], () => true)).toBe(0);
    expect(ran).toBe(0);
  });

  it("rejects with a step's error and runs no step after it", async () => {
    const t = turns();
    const ran: number[] = [];
    const failing = [() => void ran.push(0), () => { throw new Error("step 1 broke"); }, () => void ran.push(2)];
    const done = runInIdle(t.turn, failing, () => true);
    t.give(50);
    await expect(done).rejects.toThrow("step 1 broke");
    expect(ran).toEqual([0]);
    expect(t.waiting()).toBe(0);
  });
});

describe("backgroundTurns", () => {
  /** A window with a clock the steps move, and the tasks and idle callbacks it was asked for. */
  function fakeWindow(kinds: { postTask?: boolean; idle?: boolean }) {
    const clock = { now: 0 };
    const tasks: { run: () => void; priority: string }[] = [];
    const idle: ((deadline: { timeRemaining(): number }) => void)[] = [];
    return {
      clock,
      tasks,
      idle,
      win: {
        performance: { now: () => clock.now },
        ...(kinds.postTask ? { scheduler: { postTask: (run: () => void, options: { priority: "background" }) => (tasks.push({ run, priority: options.priority }), Promise.resolve()) } } : {}),
        ...(kinds.idle ? { requestIdleCallback: (cb: (deadline: { timeRemaining(): number }) => void) => idle.push(cb) } : {}),
      },
    };
  }

  it("takes background-priority tasks where the browser has them, each used for CALLBACK_BUDGET_MS at most", async () => {
    const w = fakeWindow({ postTask: true, idle: true });
    const ran: number[] = [];
    const done = runInIdle(backgroundTurns(w.win), Array.from({ length: 40 }, (_, i) => () => {
      ran.push(i);
      w.clock.now += 0.5;
    }), () => true);
    expect(w.idle).toHaveLength(0);
    let turnsTaken = 0;
    while (w.tasks.length > 0) {
      const task = w.tasks.shift();
      expect(task?.priority).toBe("background");
      const before = ran.length;
      task?.run();
      turnsTaken++;
      expect((ran.length - before) * 0.5).toBeLessThanOrEqual(CALLBACK_BUDGET_MS);
    }
    expect(await done).toBe(40);
    expect(turnsTaken).toBeGreaterThan(2);
  });

  it("ends a background task after its step when the browser says input waits (navigator.scheduling.isInputPending)", async () => {
    const w = fakeWindow({ postTask: true });
    let pending = false;
    const win = { ...w.win, navigator: { scheduling: { isInputPending: () => pending } } };
    const ran: number[] = [];
    const done = runInIdle(backgroundTurns(win), Array.from({ length: 12 }, (_, i) => () => {
      ran.push(i);
      w.clock.now += 0.5;
      if (i === 1) pending = true;
    }), () => true);
    w.tasks.shift()?.run();
    // Without the check, a task runs 0.5-ms steps for its whole 8 ms: all 12 here.
    expect(ran).toEqual([0, 1]);
    pending = false;
    while (w.tasks.length > 0) w.tasks.shift()?.run();
    expect(await done).toBe(12);
  });

  it("falls back to idle callbacks, within the idle period and the budget, and to nothing", async () => {
    const w = fakeWindow({ idle: true });
    const ran: number[] = [];
    const done = runInIdle(backgroundTurns(w.win), Array.from({ length: 6 }, (_, i) => () => {
      ran.push(i);
      w.clock.now += 2;
    }), () => true);
    // A 5 ms idle period: steps start at 5 and 3 ms left, not at 1.
    const start = w.clock.now;
    w.idle.shift()?.({ timeRemaining: () => 5 - (w.clock.now - start) });
    expect(ran).toEqual([0, 1]);
    const again = w.clock.now;
    w.idle.shift()?.({ timeRemaining: () => 50 - (w.clock.now - again) });
    expect(ran).toEqual([0, 1, 2, 3, 4, 5]);
    // (The steps' end is found in the next turn.)
    w.idle.shift()?.({ timeRemaining: () => 50 });
    expect(await done).toBe(6);
    expect(backgroundTurns(fakeWindow({}).win)).toBeUndefined();
  });
});

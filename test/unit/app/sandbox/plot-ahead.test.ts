import { describe, expect, it } from "vitest";
import { loadPlotAhead, type IdleWindow } from "../../../../src/app/sandbox/plot-ahead";

/** A window whose idle callbacks run when the test says so; records what each asked for. */
function idleWindow(): IdleWindow & { idle(): void; timeouts: number[] } {
  const waiting: (() => void)[] = [];
  const timeouts: number[] = [];
  return {
    timeouts,
    requestIdleCallback: (callback, options) => {
      waiting.push(callback);
      timeouts.push(options?.timeout ?? Infinity);
      return waiting.length;
    },
    setTimeout: () => {
      throw new Error("a window with idle callbacks waits for one");
    },
    idle: () => {
      for (const callback of waiting.splice(0)) callback();
    },
  };
}

describe("loadPlotAhead", () => {
  it("loads nothing before the frame is idle, then loads once and says so", async () => {
    const win = idleWindow();
    let loads = 0;
    const done = loadPlotAhead(win, () => true, async () => void loads++);
    await Promise.resolve();
    expect(loads).toBe(0);
    // A busy page still gets Plot, later: the idle callback has a deadline.
    expect(win.timeouts).toHaveLength(1);
    expect(win.timeouts[0]).toBeLessThan(Infinity);
    win.idle();
    expect(await done).toBe(true);
    expect(loads).toBe(1);
  });

  it("loads nothing when a notebook opened in the frame before it was idle", async () => {
    const win = idleWindow();
    let opened = false;
    let loads = 0;
    const done = loadPlotAhead(win, () => !opened, async () => void loads++);
    opened = true;
    win.idle();
    expect(await done).toBe(false);
    expect(loads).toBe(0);
  });

  it("a failed load resolves false (the notebook that names Plot loads it itself and shows the error)", async () => {
    const win = idleWindow();
    const done = loadPlotAhead(win, () => true, () => Promise.reject(new Error("offline")));
    win.idle();
    expect(await done).toBe(false);
  });

  it("without idle callbacks, waits for the next task", async () => {
    let later: (() => void) | undefined;
    const win: IdleWindow = { setTimeout: (callback) => (later = callback) };
    let loads = 0;
    const done = loadPlotAhead(win, () => true, async () => void loads++);
    await Promise.resolve();
    expect(loads).toBe(0);
    later?.();
    expect(await done).toBe(true);
    expect(loads).toBe(1);
  });

  it("with background-priority tasks, waits for one and asks for no idle callback (none fires in a frame sitting still)", async () => {
    const tasks: { run: () => void; priority: string }[] = [];
    const win = idleWindow();
    let loads = 0;
    const done = loadPlotAhead({ ...win, scheduler: { postTask: (run, options) => (tasks.push({ run, priority: options.priority }), Promise.resolve()) } }, () => true, async () => void loads++);
    await Promise.resolve();
    expect(loads).toBe(0);
    expect(win.timeouts).toEqual([]);
    expect(tasks.map((t) => t.priority)).toEqual(["background"]);
    tasks[0]?.run();
    expect(await done).toBe(true);
    expect(loads).toBe(1);
  });
});

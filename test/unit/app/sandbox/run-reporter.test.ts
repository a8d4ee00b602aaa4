/**
 * RunReporter's `idle`: the frame's quiet report for Print is scheduled from it
 * (frame-controller.ts), so it must come at the end of the task in which the last busy cell
 * settles, however that cell's end was told to the shell (at once for a cell that may be slow,
 * at the end of the task for a quick one).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RunReporter } from "../../../../src/app/sandbox/run-reporter";
import type { CellRuntimeState } from "../../../../src/runtime/types";

const SOURCE = "slowValue()";

function state(status: CellRuntimeState["status"], lastRunMs?: number): CellRuntimeState {
  return { id: "a", status, displays: [], defines: [], references: [], runs: status === "fulfilled" ? 1 : 0, ...(lastRunMs === undefined ? {} : { lastRunMs }) };
}

/** A reporter, its idle calls counted, and the cell `a` taken from pending to running (a task each). */
async function reporterWithRunningCell(): Promise<{ reporter: RunReporter; idles: () => number; busyPosted: boolean[] }> {
  let idle = 0;
  const busyPosted: boolean[] = [];
  const reporter = new RunReporter(
    (message) => busyPosted.push(message.busy),
    () => idle++,
  );
  reporter.track("a", state("pending"), SOURCE);
  await vi.runAllTimersAsync();
  reporter.track("a", state("running"), SOURCE);
  await vi.runAllTimersAsync();
  return { reporter, idles: () => idle, busyPosted };
}

describe("RunReporter's idle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("is called once the last cell ends, when that cell was slow (its end told at once)", async () => {
    const { reporter, idles, busyPosted } = await reporterWithRunningCell();
    expect(idles()).toBe(0);
    // Its run took longer than a quick cell's: the shell hears its end at once…
    reporter.track("a", state("fulfilled", 200), SOURCE);
    expect(busyPosted.at(-1)).toBe(false);
    // …and the end of the task still says the notebook is quiet.
    await vi.runAllTimersAsync();
    expect(idles()).toBe(1);
    expect(reporter.quiet).toBe(true);
  });

  it("is called once the last cell ends, when that cell was quick", async () => {
    const { reporter, idles } = await reporterWithRunningCell();
    reporter.track("a", state("fulfilled", 1), SOURCE);
    await vi.runAllTimersAsync();
    expect(idles()).toBe(1);
  });

  it("is not called while another cell still runs", async () => {
    const { reporter, idles } = await reporterWithRunningCell();
    reporter.track("b", state("running"), "other()");
    reporter.track("a", state("fulfilled", 200), SOURCE);
    await vi.runAllTimersAsync();
    expect(idles()).toBe(0);
    expect(reporter.quiet).toBe(false);
  });
});

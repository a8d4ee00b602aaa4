/**
 * The hold rule decays (hold-rule.ts): a cell in view let go without waiting for handed-over work
 * whose run once took longer than a long task (a load spike) is held for a few runs, then let go
 * again, and runs at once from then on while its runs stay short; a cell that does need the work
 * (every run let go is long) is held for twice as many runs after each probe.
 */
import { describe, expect, it } from "vitest";
import { HELD_RUNS_FIRST, HELD_RUNS_MAX, HoldRule } from "../../../src/app/hold-rule";

const LIMIT = 50;

/**
 * Drive one cell through runs: each entry is the time of the run that ended before the ask (the
 * runtime's last run time). Returns, per ask, whether it waited; a cell not held is let go (the
 * work is under way in every run here), so its next run time is a sample.
 */
function drive(rule: HoldRule, id: string, runs: readonly number[]): boolean[] {
  return runs.map((last) => {
    const waits = rule.mustWait(id, last);
    // The runtime asks again after the wait: the same run, the same answer.
    expect(rule.mustWait(id, last)).toBe(waits);
    if (!waits) rule.letGo(id);
    return waits;
  });
}

/**
 * Drive one cell through `asks` runs in which the work is always under way: a run let go takes
 * `letGoMs(i)` for the i-th one let go, a held run 5 ms. Returns the held runs between each two
 * runs let go.
 */
function heldBetweenLets(rule: HoldRule, letGoMs: (i: number) => number, asks: number): number[] {
  const lets: number[] = [];
  let last = 0;
  for (let ask = 0; ask < asks; ask++) {
    const waits = rule.mustWait("cell", last);
    if (!waits) {
      rule.letGo("cell");
      lets.push(ask);
    }
    // A different time per run (the rule tells runs apart by their reported time).
    last = (waits ? 5 : letGoMs(lets.length - 1)) + ask / 1000;
  }
  return lets.slice(1).map((at, i) => at - (lets[i] ?? 0) - 1);
}

describe("HoldRule", () => {
  it("one slow run, then short ones: held for a few runs, then runs at once again", () => {
    const rule = new HoldRule(LIMIT);
    // First ask (never measured), then its first run let go took 60 ms under a load spike.
    const short = Array.from({ length: 12 }, (_, i) => 6 + i);
    const waits = drive(rule, "flagged", [0, 60, ...short]);
    // Held for the 60 ms run and the next 7 (each counts one down); the next is let go, short, and
    // outvotes the spike: it runs at once from then on.
    expect(waits).toEqual([false, true, true, true, true, true, true, true, true, false, false, false, false, false]);
    expect(waits.filter(Boolean).length).toBe(HELD_RUNS_FIRST);
  });

  it("a single slow run among short ones let go is a spike: it never holds the cell", () => {
    const rule = new HoldRule(LIMIT);
    // Let go at every ask: 20, 25 ms, then a 70 ms spike; the lower median of (20, 25, 70) is 25.
    const waits = drive(rule, "flagged", [0, 20, 25, 70, 22, 24]);
    expect(waits).toEqual([false, false, false, false, false, false]);
  });

  it("a cell that needs the work is let go again after 8, 16, 32 … held runs, never more than HELD_RUNS_MAX", () => {
    // Every run let go takes 200 ms (it does the whole work itself).
    const gaps = heldBetweenLets(new HoldRule(LIMIT), () => 200, 320);
    expect(gaps.slice(0, 5)).toEqual([8, 16, 32, 64, 64]);
    expect(Math.max(...gaps)).toBe(HELD_RUNS_MAX);
  });

  it("after two slow runs let go, two short ones clear it (the lower median of the last three)", () => {
    const probes = [90, 95, 10, 12];
    const gaps = heldBetweenLets(new HoldRule(LIMIT), (i) => probes[i] ?? 14, 80);
    // (90) → held 8; (90, 95) → 16; (90, 95, 10) → 90: 32; (95, 10, 12) → 12: runs at once from then on.
    expect(gaps.slice(0, 3)).toEqual([8, 16, 32]);
    expect(gaps.slice(3).every((gap) => gap === 0)).toBe(true);
  });

  it("runs not let go are no samples: a cell held and never let go keeps no decision of its own", () => {
    const rule = new HoldRule(LIMIT);
    expect(rule.mustWait("out", 0)).toBe(false);
    // Never let go (out of view): its long runs say nothing about the work.
    for (const last of [80, 90, 100]) expect(rule.mustWait("out", last)).toBe(false);
  });
});

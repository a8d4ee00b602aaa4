import { describe, expect, it } from "vitest";
import { createLoopGuard } from "../../../src/runtime/loop-guard";
import { isCellFailure } from "../../../src/runtime/runtime-error";

function catchError(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("createLoopGuard", () => {
  it("throws a timeout CellFailure once a synchronous stretch passes the limit", () => {
    let clock = 0;
    const { guard, reset } = createLoopGuard(1000, () => clock);
    reset();
    clock = 999;
    for (let i = 0; i < 200; i++) guard();
    clock = 1001;
    const error = catchError(() => {
      for (let i = 0; i < 200; i++) guard();
    });
    expect(isCellFailure(error) && error.cellError.kind).toBe("timeout");
    expect(isCellFailure(error) && error.cellError.message).toContain("more than 1 s");
  });

  it("starts a new stretch after await (resumed) and in a fresh task", async () => {
    let clock = 0;
    const { guard, reset, resumed } = createLoopGuard(1000, () => clock);
    reset();
    clock = 5000;
    // An await's code resumes after the microtasks queued before it, the stretch's end among them.
    await Promise.resolve();
    expect(resumed(42)).toBe(42);
    expect(() => {
      for (let i = 0; i < 200; i++) guard();
    }).not.toThrow();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    clock = 9000;
    // First guard call of a new task starts the stretch instead of measuring from the old one.
    expect(() => {
      for (let i = 0; i < 200; i++) guard();
    }).not.toThrow();
  });

  it("keeps counting a stretch through a yield resumed within it (a sync generator pulled by a loop)", () => {
    let clock = 0;
    const { guard, reset, resumed } = createLoopGuard(1000, () => clock);
    reset();
    clock = 999;
    for (let i = 0; i < 200; i++) guard();
    clock = 1001;
    // A sync generator's yield resumes synchronously, in the stretch of the loop that pulls it.
    const error = catchError(() => {
      for (let i = 0; i < 200; i++) {
        resumed(i);
        guard();
      }
    });
    expect(isCellFailure(error) && error.cellError.kind).toBe("timeout");
  });

  it("reports once per stretch when a loop has run long, before it stops it", () => {
    let clock = 0;
    let reports = 0;
    const { guard, reset } = createLoopGuard(1000, () => clock, { afterMs: 500, report: () => reports++ });
    reset();
    clock = 400;
    for (let i = 0; i < 200; i++) guard();
    expect(reports).toBe(0);
    clock = 600;
    for (let i = 0; i < 200; i++) guard();
    clock = 900;
    for (let i = 0; i < 200; i++) guard();
    expect(reports).toBe(1);
    reset();
    clock = 1600;
    for (let i = 0; i < 200; i++) guard();
    expect(reports).toBe(2);
  });
});

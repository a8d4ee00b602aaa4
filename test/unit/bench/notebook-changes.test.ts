import { describe, expect, it } from "vitest";
import { changeOrder, type ClassedChange, type OpenChanges, type PausedChange } from "../../../bench/notebook-changes";
import { classPairs } from "../../../bench/print-changes";

describe("classPairs", () => {
  const change = (where: "top" | "middle", cleared: boolean, viewportPainted: number): ClassedChange => ({ where, cleared, viewportPainted, valuesSettled: 0, lastDomChange: 0, longestTask: 0 });
  const paused: PausedChange = { viewportPainted: 0, valuesSettled: 0, lastDomChange: 0, longestTask: 0, pauseMs: 2000 };

  it("pairs the j-th change of each build within an open, by class, across opens", () => {
    const opens: OpenChanges[][] = [
      [
        { paused, changes: [change("top", false, 10), change("top", true, 11), change("middle", false, 12)] },
        { paused, changes: [change("top", false, 20), change("top", true, 21), change("middle", false, 22)] },
      ],
      [
        { paused, changes: [change("top", false, 30), change("middle", true, 31)] },
        { paused, changes: [change("top", false, 40), change("middle", true, 41)] },
      ],
    ];
    expect(classPairs(opens, (c) => c.viewportPainted)).toEqual([
      { name: "top county", pairs: [{ a: 10, b: 20 }, { a: 30, b: 40 }] },
      { name: "top clear", pairs: [{ a: 11, b: 21 }] },
      { name: "middle county", pairs: [{ a: 12, b: 22 }] },
      { name: "middle clear", pairs: [{ a: 31, b: 41 }] },
    ]);
  });

  it("refuses opens whose changes differ between the builds", () => {
    const opens: OpenChanges[][] = [[{ paused, changes: [change("top", false, 1)] }, { paused, changes: [change("middle", false, 1)] }]];
    expect(() => classPairs(opens, (c) => c.viewportPainted)).toThrow(/differs between the builds/);
  });
});

describe("changeOrder", () => {
  it("turns the first build within each class (counties even, clears odd) and from one round to the next", () => {
    const first = (round: number, kind: 0 | 1): number[] => [0, 1, 2, 3].map((j) => changeOrder(round, 2 * j + kind, 2)[0] ?? -1);
    expect(first(0, 0)).toEqual([0, 1, 0, 1]);
    expect(first(0, 1)).toEqual([1, 0, 1, 0]);
    expect(first(1, 0)).toEqual([1, 0, 1, 0]);
    expect(changeOrder(0, 0, 2)).toEqual([0, 1]);
    expect(changeOrder(0, 3, 1)).toEqual([0]);
  });
});

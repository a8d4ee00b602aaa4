/**
 * frame-counter.ts's counting (the comparison's counts on every reconstruction): each base
 * restriction is tested once per row of a view, however many variables are counted under it (a
 * printed table's rows share their restriction, and the fifty draws each count on their own view:
 * testing it per row and variable was most of a first open's counting, issue 11). The counts are
 * held to the kernels' on every printed table in evidence.test.ts; here, by hand.
 */
import { describe, expect, it } from "vitest";
import { frameCounter } from "../../../src/analysis/evidence/frame-counter";

/** `values` as a Float64Array that counts how often a row of it is read. */
function counted(values: number[]): { column: Float64Array; reads: () => number } {
  let reads = 0;
  const column = new Proxy(Float64Array.from(values), {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value === target ? receiver : value;
    },
  });
  return { column, reads: () => reads };
}

const sorted = (m: Map<number, number>): [number, number][] => [...m].sort((a, b) => a[0] - b[0]);

describe("frameCounter", () => {
  //           row:  0  1  2  3    4  5  6  7    8  9
  const type = [1, 2, 1, 1, 2, 1, 3, 1, 2, 1];
  const a = [1, 2, 2, 1, NaN, 3, 1, 2, 2, 300];
  const b = [5, 5, 6, 6, 5, 6, 5, NaN, 6, 5];

  it("tests a restriction once per row for all the variables counted under it, and counts as by hand", () => {
    const t = counted(type);
    const counter = frameCounter({ type: t.column, a: Float64Array.from(a), b: Float64Array.from(b) });
    const adopters = [{ variable: "type", codes: [1] }];
    // Rows 0, 2, 3, 5, 7, 9 have type 1.
    const ofA = counter.codes("a", adopters);
    expect(ofA.total).toBe(6);
    expect(sorted(ofA.counts)).toEqual([[1, 2], [2, 2], [3, 1], [300, 1]]);
    const ofB = counter.codes("b", adopters);
    expect(ofB.total).toBe(6);
    expect(sorted(ofB.counts)).toEqual([[5, 2], [6, 3]]);
    // Ten rows, read once: not once per variable.
    expect(t.reads()).toBe(10);
    // Another restriction on the same column is its own pass; none at all reads nothing of it.
    const two = counter.codes("a", [{ variable: "type", codes: [2, 3] }]);
    expect(two.total).toBe(4);
    expect(sorted(two.counts)).toEqual([[1, 1], [2, 2]]);
    expect(t.reads()).toBe(20);
    const all = counter.codes("b", []);
    expect(all.total).toBe(10);
    expect(sorted(all.counts)).toEqual([[5, 5], [6, 4]]);
    expect(t.reads()).toBe(20);
  });

  it("keeps restrictions with the same variable and other codes apart, and two restrictions together", () => {
    const counter = frameCounter({ type: Float64Array.from(type), a: Float64Array.from(a), b: Float64Array.from(b) });
    expect(counter.codes("a", [{ variable: "type", codes: [1] }]).total).toBe(6);
    expect(counter.codes("a", [{ variable: "type", codes: [1, 2] }]).total).toBe(9);
    const both = counter.codes("a", [{ variable: "type", codes: [1] }, { variable: "b", codes: [6] }]);
    // Type 1 and b 6: rows 2, 3, 5.
    expect(both.total).toBe(3);
    expect(sorted(both.counts)).toEqual([[1, 1], [2, 1], [3, 1]]);
  });
});

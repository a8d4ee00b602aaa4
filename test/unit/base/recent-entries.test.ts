import { describe, expect, it } from "vitest";
import { keepNewest, keptOrMade } from "../../../src/base/recent-entries";

describe("keptOrMade", () => {
  it("makes a value once per key and gives the kept one after", () => {
    const entries = new Map<string, number>();
    let made = 0;
    const make = (): number => ++made;
    expect(keptOrMade(entries, "a", 2, make)).toBe(1);
    expect(keptOrMade(entries, "a", 2, make)).toBe(1);
    expect(made).toBe(1);
  });

  it("drops the key asked for longest ago, counting a key asked for again as new", () => {
    const entries = new Map<string, string>();
    for (const key of ["a", "b"]) keptOrMade(entries, key, 2, () => key);
    keptOrMade(entries, "a", 2, () => "a again"); // refreshes "a": "b" is now the oldest
    keptOrMade(entries, "c", 2, () => "c");
    expect([...entries.keys()]).toEqual(["a", "c"]);
    expect(entries.get("a")).toBe("a");
  });

  it("makes a value again when the one stored is undefined", () => {
    const entries = new Map<string, number | undefined>([["a", undefined]]);
    expect(keptOrMade(entries, "a", 2, () => 7)).toBe(7);
    expect(entries.get("a")).toBe(7);
  });
});

describe("keepNewest", () => {
  it("keeps the last `max` entries of a map or a set, in order", () => {
    const set = new Set(["a", "b", "c", "d"]);
    keepNewest(set, 2);
    expect([...set]).toEqual(["c", "d"]);
    const map = new Map([[1, "x"], [2, "y"]]);
    keepNewest(map, 5);
    expect([...map.keys()]).toEqual([1, 2]);
  });
});

/**
 * Complementary suppression worked by hand, each checked by brute force as a reader would: every
 * hidden count is given all the values the page leaves open ("< 3" is 1–2, "·" is any count, a
 * shown count is itself), and a count is safe when the lines still allow it two values or more.
 * The checker enumerates, it shares no code with the guard.
 */
import { describe, expect, it } from "vitest";
import { ShownCounts } from "../../../src/analysis/tables/shown-counts";
import { suppression, type CountLine } from "../../../src/stats/disclosure";

/** The values each hidden count can still take, given what is shown and the lines (sums). */
function feasible(counts: ReadonlyMap<string, number>, lines: readonly CountLine[], hidden: ReadonlySet<string>, opaque: ReadonlySet<string>, max = 30): Map<string, Set<number>> {
  const ids = [...hidden];
  const range = (id: string): number[] => {
    const v = counts.get(id) ?? 0;
    const small = v > 0 && v < 3 && !opaque.has(id);
    return small ? [1, 2] : Array.from({ length: max + 1 }, (_, i) => i);
  };
  const values = new Map(ids.map((id) => [id, new Set<number>()]));
  const pick = new Map<string, number>();
  const value = (id: string): number => pick.get(id) ?? counts.get(id) ?? 0;
  const walk = (i: number): void => {
    if (i === ids.length) {
      if (lines.every((l) => l.parts.reduce((s, id) => s + value(id), 0) === value(l.total))) for (const id of ids) values.get(id)?.add(value(id));
      return;
    }
    const id = ids[i] ?? "";
    for (const v of range(id)) {
      pick.set(id, v);
      walk(i + 1);
    }
    pick.delete(id);
  };
  walk(0);
  return values;
}

function pinned(values: Map<string, Set<number>>): string[] {
  return [...values].filter(([, v]) => v.size < 2).map(([id]) => id);
}

const active = { active: true };

describe("complementary suppression, worked by hand", () => {
  it("a row with one masked count gets exactly one more hidden: the smallest other non-zero count", () => {
    // 1 + 0 + 6 + 4 = 11: the 1 is masked; 11 − 6 − 4 would give it back, so the 4 goes too (not the 0).
    const counts = new Map([["a", 1], ["b", 0], ["c", 6], ["d", 4], ["t", 11]]);
    const lines = [{ parts: ["a", "b", "c", "d"], total: "t" }];
    const { hidden, opaque } = suppression(counts, lines, active);
    expect([...hidden].sort()).toEqual(["a", "d"]);
    expect(pinned(feasible(counts, lines, hidden, opaque))).toEqual([]);
  });

  it("a 3 × 3 table with margins and one masked cell hides the rectangle of four, nothing more", () => {
    //        c1  c2  c3 | row
    //  r1     1   5   9 |  15
    //  r2     6   4   8 |  18
    //  r3     7  10  11 |  28
    //  col   14  19  28 |  61
    // Row 1 takes its smallest other (5), column 1 its (6); column 2 then needs one more (4, the
    // smallest left), which is row 2's second too. Every margin shows.
    const grid = [[1, 5, 9], [6, 4, 8], [7, 10, 11]];
    const counts = new Map<string, number>();
    grid.forEach((row, i) => row.forEach((v, j) => counts.set(`${i + 1}${j + 1}`, v)));
    grid.forEach((row, i) => counts.set(`r${i + 1}`, row.reduce((s, v) => s + v, 0)));
    [0, 1, 2].forEach((j) => counts.set(`k${j + 1}`, grid.reduce((s, row) => s + (row[j] ?? 0), 0)));
    counts.set("t", 61);
    const lines: CountLine[] = [
      ...[1, 2, 3].map((i) => ({ parts: [1, 2, 3].map((j) => `${i}${j}`), total: `r${i}` })),
      ...[1, 2, 3].map((j) => ({ parts: [1, 2, 3].map((i) => `${i}${j}`), total: `k${j}` })),
      { parts: ["r1", "r2", "r3"], total: "t" },
      { parts: ["k1", "k2", "k3"], total: "t" },
    ];
    const { hidden, opaque } = suppression(counts, lines, active);
    expect([...hidden].sort()).toEqual(["11", "12", "21", "22"]);
    const values = feasible(counts, lines, hidden, opaque);
    expect(pinned(values)).toEqual([]);
    // The masked 1 stays 1 or 2 for the reader.
    expect([...(values.get("11") ?? [])].sort()).toEqual([1, 2]);
  });

  it("never hides the selection's N (shown by the filter bar and other tables) to cover a count; the line is covered otherwise", () => {
    // q7 under one county and size class: answers 1 and 1 (base 2), one blank, N = 3. Hiding N (as
    // Tabell 2.1 did, "·") protected nothing: Tabell 2.2 beside it printed N = 3.
    const counts = new Map([["a", 1], ["b", 1], ["base", 2], ["blank", 1], ["N", 3]]);
    const lines = [{ parts: ["a", "b"], total: "base" }, { parts: ["base", "blank"], total: "N" }];
    const { hidden, opaque } = suppression(counts, lines, { ...active, known: new Set(["N"]) });
    expect(hidden.has("N")).toBe(false);
    expect(pinned(feasible(counts, lines, hidden, opaque))).toEqual([]);
  });

  it("hides a zero when '·' would otherwise say 'at least 1' and give a count back", () => {
    // Four answers of 1 and a 0 (base 4), one blank, N = 5 known: with the four printed "·" (≥ 1 each)
    // and the 0 shown, base is 4 and the blank is 1. Hiding the 0 too leaves both open.
    const counts = new Map([["a", 1], ["b", 1], ["c", 1], ["d", 1], ["z", 0], ["base", 4], ["blank", 1], ["N", 5]]);
    const lines = [{ parts: ["a", "b", "c", "d", "z"], total: "base" }, { parts: ["base", "blank"], total: "N" }];
    const { hidden, opaque } = suppression(counts, lines, { ...active, known: new Set(["N"]) });
    expect(hidden.has("z")).toBe(true);
    expect(hidden.has("N")).toBe(false);
    expect(pinned(feasible(counts, lines, hidden, opaque, 6))).toEqual([]);
  });
});

describe("the same count across two tables of one view", () => {
  it("prints the selection's N alike in a table that hides counts around it and in one that hides none", () => {
    const audit = (base: number, blank: number) => ({ n: 3, base, excluded: [{ variable: "q7", userMissing: [], systemMissing: blank }] });
    // Tabell 2.1's q7 (answers 1 and 1, one blank) and Tabell 2.2's q1 (all 3 answered) under one filter.
    const q7 = new ShownCounts();
    q7.add("a", 1);
    q7.add("b", 1);
    q7.line(["a", "b"], "base");
    q7.addAudit(audit(2, 1), { n: "N", base: "base" });
    q7.guard(true);
    const q1 = new ShownCounts();
    q1.add("x", 3);
    q1.line(["x"], "base");
    q1.addAudit(audit(3, 0), { n: "N", base: "base" });
    q1.guard(true);
    expect(q1.text("N")).toBe("3");
    expect(q7.text("N")).toBe(q1.text("N"));
    expect(q7.hidden("a") && q7.hidden("b") && q7.hidden("base")).toBe(true);
  });
});

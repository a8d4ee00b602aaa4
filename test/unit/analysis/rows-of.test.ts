import { describe, expect, it } from "vitest";
import * as aq from "arquero";
import { rowsOf } from "../../../src/analysis/survey";
import { tableOf } from "../../../src/data/loaders/column-table";

describe("rowsOf", () => {
  it("gives the rows Arquero's objects() gives, filter and order applied, keys in column order", () => {
    const table = aq
      .table({ b: [3, 1, null, 2, 5], a: ["x", "y", "z", null, "w"], c: [true, false, true, true, false] })
      .filter((d: { c: boolean }) => d.c)
      .orderby("b");
    const rows = rowsOf(table);
    expect(rows).toEqual(table.objects());
    expect(rows.map((r) => Object.keys(r))).toEqual(rows.map(() => ["b", "a", "c"]));
  });

  it("reads the loaders' typed columns with missing values as null", () => {
    const table = tableOf({
      names: ["n", "t"],
      rows: 3,
      columns: [
        { type: "number", values: new Float64Array([1, Number.NaN, 3]) },
        { type: "text", codes: new Int32Array([0, -1, 1]), dictionary: ["ja", "nei"] },
      ],
    });
    expect(rowsOf(table)).toEqual([{ n: 1, t: "ja" }, { n: null, t: null }, { n: 3, t: "nei" }]);
    expect(rowsOf(table)).toEqual(table.objects());
  });

  it("keeps columns named like Object's own members as plain keys of a plain object", () => {
    const table = aq.table(new Map<string, unknown[]>([["constructor", [1, 2]], ["toString", ["a", "b"]]]));
    const rows = rowsOf(table);
    expect(rows).toEqual(table.objects());
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(rows[1], "toString")?.value).toBe("b");
  });
});

import { describe, expect, it } from "vitest";
import { tableOf } from "../../../../src/data/loaders/column-table";
import type { ColumnSet } from "../../../../src/data/loaders/column-builders";
import { frameOf } from "../../../../src/stats/column-cache";

/** Every width the loaders store numbers in, each with its missing marker at rows 1 and 3. */
function columns(): ColumnSet {
  return {
    names: ["i8", "i16", "i32", "f64", "name"],
    rows: 4,
    columns: [
      { type: "number", values: new Int8Array([1, -128, 127, -128]) },
      { type: "number", values: new Int16Array([-5, -32768, 32767, -32768]) },
      { type: "number", values: new Int32Array([70000, -2147483648, -1, -2147483648]) },
      { type: "number", values: new Float64Array([1.5, Number.NaN, -2.25, Number.NaN]) },
      { type: "text", codes: new Int32Array([0, -1, 1, 0]), dictionary: ["Sola", "Time"] },
    ],
  };
}

describe("loaded columns as the statistics read them", () => {
  it("converts every number width to the same Float64Array as reading the table cell by cell (missing → NaN)", () => {
    const table = tableOf(columns());
    for (const name of ["i8", "i16", "i32", "f64"]) {
      // The independent reading: Arquero's own row access, null → NaN.
      const expected = Array.from(table.array(name), (v: unknown) => (typeof v === "number" ? v : Number.NaN));
      expect([...frameOf(table).column(name)]).toEqual(expected);
    }
    expect([...frameOf(table).column("i8")]).toEqual([1, Number.NaN, 127, Number.NaN]);
    expect([...frameOf(table).column("i32")]).toEqual([70000, Number.NaN, -1, Number.NaN]);
  });

  it("reads a text column as system missing, as before", () => {
    expect([...frameOf(tableOf(columns())).column("name")].every(Number.isNaN)).toBe(true);
  });
});

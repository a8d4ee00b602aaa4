/**
 * A drawn knr spelled as the survey spells it (src/data/ensemble-text-column.ts), against values
 * written out by hand from the codebook's rule: four digits with the leading zero, blank kept blank.
 */
import { describe, expect, it } from "vitest";
import { ensembleTextColumn } from "../../../src/data/ensemble-text-column";
import { TextColumnView } from "../../../src/data/loaders/column-table";

describe("ensembleTextColumn", () => {
  it("spells knr with four digits and its leading zero, blanks as null, one dictionary entry per kommune", () => {
    const column = ensembleTextColumn("knr", Float64Array.from([231, Number.NaN, 1401, 231, 700]));
    expect(column).toBeDefined();
    if (!column) return;
    expect(Array.from(new TextColumnView(column))).toEqual(["0231", null, "1401", "0231", "0700"]);
    expect(column.dictionary).toEqual(["0231", "1401", "0700"]);
  });

  it("leaves the coded answers numbers", () => {
    expect(ensembleTextColumn("q3", Float64Array.from([1, 2]))).toBeUndefined();
    expect(ensembleTextColumn("fylke", Float64Array.from([3, 11]))).toBeUndefined();
  });

  it("refuses a knr no kommune can have (a broken ensemble file), naming the rebuild", () => {
    expect(() => ensembleTextColumn("knr", Float64Array.from([12345]))).toThrow(/12345.*npm run data:build/);
    expect(() => ensembleTextColumn("knr", Float64Array.from([2.5]))).toThrow(/2\.5/);
  });
});

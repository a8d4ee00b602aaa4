import { describe, expect, it } from "vitest";
import { formatCardRecord } from "../../../../src/data/card-layout";
import { fixture, loaded, refused, smallCodebook as codebook } from "./helpers";

const CARD_COLUMNS = ["resp_id", "q1", "q3", "q4_1", "q4_2", "q4_3", "q30_1", "q33", "q34"];

describe("the card image reader", () => {
  it("reads the card image through the codebook's columns", async () => {
    const r = await loaded(fixture("small.dat"), { name: "small.dat", codebook, format: "fixed" });
    expect(r.source).toMatchObject({ format: "fixed", rows: 6, encoding: "utf-8" });
    expect(r.table.columnNames()).toEqual(CARD_COLUMNS);
    // line 1 is "0001111 12453": id 0001, q1 1, q3 1, q4_1 1, q4_2 blank, q4_3 1, q30_1 2, q33 45, q34 3
    expect(r.table.object(0)).toEqual({ resp_id: 1, q1: 1, q3: 1, q4_1: 1, q4_2: null, q4_3: 1, q30_1: 2, q33: 45, q34: 3 });
    expect(r.report.total).toBe(0);
  });

  it("loads to the same table as the CSV (card columns)", async () => {
    const csv = await loaded(fixture("small-utf8.csv"), { name: "small-utf8.csv", codebook, format: "csv" });
    const card = await loaded(fixture("small.dat"), { name: "small.dat", codebook, format: "fixed" });
    expect(card.table.objects()).toEqual(csv.table.select(CARD_COLUMNS).objects());
  });

  it("round-trips: formatCardRecord's lines read back to the same table", async () => {
    const csv = await loaded(fixture("small-utf8.csv"), { name: "small-utf8.csv", codebook, format: "csv" });
    const lines = csv.table.objects().map((row) => formatCardRecord(codebook, Object.fromEntries(Object.entries(row))));
    expect(lines[0]).toBe("0001111 12453");
    const back = await loaded(new TextEncoder().encode(lines.join("\r\n")), { name: "written.dat", codebook, format: "fixed" });
    expect(back.table.objects()).toEqual(csv.table.select(CARD_COLUMNS).objects());
    expect(back.report.total).toBe(0);
  });

  it("reports short lines, long lines and non-digits with line and column", async () => {
    const r = await loaded(fixture("bad-card.dat"), { name: "bad-card.dat", codebook, format: "fixed" });
    expect(r.table.numRows()).toBe(4);
    const found = r.report.issues.map((i) => [i.kind, i.row, i.column, i.variable ?? ""]);
    expect(found).toEqual([
      ["short-line", 2, 6, ""],
      ["not-a-number", 3, 5, "q1"],
      ["long-line", 4, 14, ""],
    ]);
    expect(r.table.array("q3")[1]).toBeNull();
    expect(r.report.issues[1]?.message).toMatch(/q1 in columns 5–5 of line 3 is "x"/);
  });

  it("refuses a binary file even when told to read it as a card image, instead of crashing", async () => {
    const e = await refused(fixture("bad-binary.dat"), { name: "bad-binary.dat", codebook, format: "fixed" });
    expect(e).toMatchObject({ kind: "malformed", row: 2, column: 120 });
    expect(e.message).toMatch(/Line 2 has a tab in column 120/);
  });

  it("fails on a line with no end rather than buffering the whole file", async () => {
    const huge = new Uint8Array(3 << 20).fill(0x31);
    expect(await refused(huge, { name: "huge.dat", codebook, format: "fixed" })).toMatchObject({ kind: "malformed", row: 1 });
  });

  it("fails on an empty card image", async () => {
    const e = await refused(new Uint8Array(0), { name: "empty.dat", codebook, format: "fixed" });
    expect(e.kind).toBe("empty");
    expect(e.message).toMatch(/empty\.dat, row 1: The card image has no records/);
  });
});

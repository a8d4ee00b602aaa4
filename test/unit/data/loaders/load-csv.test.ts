import { describe, expect, it } from "vitest";
import { fixture, loaded, refused, smallCodebook as codebook } from "./helpers";

async function load(name: string) {
  return loaded(fixture(name), { name, codebook, format: "csv" });
}

async function loadError(name: string) {
  return refused(fixture(name), { name, codebook, format: "csv" });
}

describe("the CSV reader", () => {
  it("reads UTF-8 with comma delimiter into codebook-named numeric columns", async () => {
    const r = await load("small-utf8.csv");
    expect(r.source).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: ",", rows: 6 });
    expect(r.table.columnNames()).toEqual(["resp_id", "q1", "q3", "q4_1", "q4_2", "q4_3", "q30_1", "q33", "q34", "knr", "name", "fylke"]);
    expect(Array.from(r.table.array("q3"))).toEqual([1, 4, 2, 1, 3, 4]);
    expect(Array.from(r.table.array("q4_2"))).toEqual([null, null, 1, 1, null, null]);
    expect(Array.from(r.table.array("name"))).toEqual(["Bærum", null, null, "Tromsø", null, "Åfjord"]);
    // kommunenummer is text: the leading zero survives
    expect(r.table.array("knr")[0]).toBe("0219");
    expect(r.report.total).toBe(0);
  });

  it("strips a UTF-8 BOM and CRLF line ends", async () => {
    const r = await load("small-utf8-bom.csv");
    expect(r.source.encoding).toBe("utf-8-bom");
    expect(r.table.columnNames()[0]).toBe("resp_id");
    expect(r.table.array("name")[5]).toBe("Åfjord");
    expect(r.table.array("fylke")[5]).toBe(16);
    expect(r.report.total).toBe(0);
  });

  it("decodes Windows-1252 æøå and detects the semicolon", async () => {
    const bytes = fixture("small-cp1252.csv");
    expect(bytes.includes(0xe6)).toBe(true); // æ as one Latin-1 byte
    const r = await loaded(bytes, { name: "small-cp1252.csv", codebook, format: "csv" });
    expect(r.source).toMatchObject({ encoding: "windows-1252", delimiter: ";" });
    expect(Array.from(r.table.array("name"))).toEqual(["Bærum", null, null, "Tromsø", null, "Åfjord"]);
  });

  it("detects a tab delimiter", async () => {
    const r = await load("small-tab.csv");
    expect(r.source.delimiter).toBe("\t");
    expect(Array.from(r.table.array("q33"))).toEqual([45, 52, 38, 61, 99, 47]);
  });

  it("maps header variants to codebook names and reports V12 as unknown, not dropped", async () => {
    const r = await load("small-variant-headers.csv");
    expect(r.table.columnNames()).toEqual(["resp_id", "q1", "q3", "q4_1", "q4_2", "q4_3", "q30_1", "q33", "q34", "knr", "name", "fylke", "V12"]);
    expect(Array.from(r.table.array("V12"))).toEqual(["x", "x", "x", "x", "x", "x"]);
    expect(r.report.counts).toEqual({ "unknown-variable": 1 });
    expect(r.report.issues[0]).toMatchObject({ kind: "unknown-variable", variable: "V12" });
  });

  it("all good encodings and delimiters load to equal tables", async () => {
    const base = (await load("small-utf8.csv")).table.objects();
    for (const f of ["small-utf8-bom.csv", "small-cp1252.csv", "small-tab.csv"]) {
      expect((await load(f)).table.objects()).toEqual(base);
    }
  });

  it("fails on an unclosed quote naming file, row, field and the fix", async () => {
    const e = await loadError("bad-unclosed-quote.csv");
    expect(e.kind).toBe("malformed");
    expect(e).toMatchObject({ file: "bad-unclosed-quote.csv", row: 3, column: 11 });
    expect(e.message).toMatch(/^bad-unclosed-quote\.csv, row 3, column 11: .*never closed.*Fix: Add the closing quote/);
  });

  it("reports ragged rows with row and column and keeps loading", async () => {
    const r = await load("bad-ragged.csv");
    expect(r.table.numRows()).toBe(3);
    expect(r.report.counts["ragged-row"]).toBe(2);
    expect(r.report.issues.filter((i) => i.kind === "ragged-row")).toEqual([
      expect.objectContaining({ row: 3, column: 9, value: 8 }),
      expect.objectContaining({ row: 4, column: 13, value: 13 }),
    ]);
    expect(r.table.array("q34")[1]).toBeNull();
  });

  it("reports an unknown code with row, variable and value", async () => {
    const r = await load("bad-unknown-code.csv");
    expect(r.report.counts).toEqual({ "unknown-code": 1 });
    expect(r.report.issues[0]).toMatchObject({ kind: "unknown-code", row: 3, variable: "q1", value: 7 });
    expect(r.report.issues[0]?.fix).toMatch(/Correct the value/);
  });

  it("reports answers given after a skip instruction", async () => {
    const r = await load("bad-skip-violation.csv");
    expect(r.report.counts).toEqual({ "skip-violation": 2 });
    expect(r.report.issues.map((i) => [i.row, i.variable, i.value])).toEqual([[2, "q4_1", 1], [2, "q4_3", 1]]);
    expect(r.report.issues[0]?.message).toMatch(/q3 = 4 sends the respondent to q7/);
  });

  it("reports duplicate respondent ids with both rows", async () => {
    const r = await load("bad-duplicate-id.csv");
    expect(r.report.counts).toEqual({ "duplicate-id": 1 });
    expect(r.report.issues[0]).toMatchObject({ row: 4, variable: "resp_id", value: 1 });
    expect(r.report.issues[0]?.message).toMatch(/already used on row 2/);
  });

  it("reports text in numeric columns with row and column, reading it as blank", async () => {
    const r = await load("bad-not-a-number.csv");
    expect(r.report.issues.map((i) => [i.kind, i.row, i.column, i.value])).toEqual([
      ["not-a-number", 2, 2, "x"],
      ["not-a-number", 2, 8, "4five"],
    ]);
    expect(r.table.array("q1")[0]).toBeNull();
  });

  it("reports a numeric value outside the range", async () => {
    const r = await load("bad-out-of-range.csv");
    expect(r.report.issues).toEqual([expect.objectContaining({ kind: "out-of-range", row: 2, variable: "q33", value: 120 })]);
  });

  it("reports missing columns", async () => {
    const r = await load("bad-missing-columns.csv");
    expect(r.report.counts).toEqual({ "missing-column": 4 });
    expect(r.report.issues.map((i) => i.variable)).toEqual(["q4_3", "q30_1", "q33", "q34"]);
  });

  it("fails on an empty file with the fix", async () => {
    const e = await loadError("bad-empty.csv");
    expect(e.kind).toBe("empty");
    expect(e.message).toMatch(/bad-empty\.csv, row 1: The file is empty/);
  });

  it("reports a second header naming the same variable", async () => {
    const r = await load("bad-duplicate-column.csv");
    expect(r.report.counts["duplicate-column"]).toBe(1);
    expect(r.table.columnNames()).toEqual(["resp_id", "q1", "q3", "q4_1", "q4_2", "Q1"]);
  });

  it("caps the listing but counts every issue", async () => {
    const lines = ["resp_id,q1,q3,q4_1,q4_2"];
    for (let i = 1; i <= 50; i++) lines.push(`${i},7,,,`);
    const r = await loaded(new TextEncoder().encode(lines.join("\n")), { name: "many.csv", codebook, issueLimit: 10, format: "csv" });
    // 4 missing columns (q4_3 … q34) are reported first, then the 50 unknown codes
    expect(r.report.counts).toEqual({ "missing-column": 4, "unknown-code": 50 });
    expect(r.report.total).toBe(54);
    expect(r.report.issues).toHaveLength(10);
    expect(r.report.issues.filter((i) => i.kind === "unknown-code").map((i) => i.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(r.report.truncated).toBe(true);
  });
});

describe("the CSV reader on hostile input", () => {
  it("warns when a file mixes UTF-8 and Windows-1252", async () => {
    const utf8 = new TextEncoder().encode("resp_id,q1,q3,q4_1,q4_2,name\n1,1,1,1,,Bærum\n");
    const latin = Uint8Array.of(...new TextEncoder().encode("2,1,1,1,,Troms"), 0xf8, 0x0a); // "ø" as one Latin-1 byte
    const r = await loaded(Uint8Array.of(...utf8, ...latin), { name: "mixed.csv", codebook, format: "csv" });
    expect(r.source.encoding).toBe("windows-1252");
    expect(r.report.counts.file).toBe(1);
    expect(Array.from(r.table.array("name"))).toEqual(["Bærum", "Tromsø"]);
    expect(r.report.issues.find((i) => i.kind === "file")?.fix).toMatch(/Save the file again as UTF-8/);
  });

  it("fails on a row with no end rather than buffering the whole file", async () => {
    const bytes = new TextEncoder().encode("resp_id,q1\n" + "1,".repeat(3 << 20));
    expect(await refused(bytes, { name: "long.csv", codebook, format: "csv" })).toMatchObject({ kind: "malformed", row: 2 });
  });

  it("keeps __proto__ (renamed proto_) and constructor as ordinary unknown columns", async () => {
    const text = "resp_id,q1,q3,q4_1,q4_2,__proto__,constructor\n1,1,1,1,,a,b\n";
    const r = await loaded(new TextEncoder().encode(text), { name: "h.csv", codebook, format: "csv" });
    expect(r.table.columnNames()).toEqual(["resp_id", "q1", "q3", "q4_1", "q4_2", "proto_", "constructor"]);
    expect(r.table.array("proto_")[0]).toBe("a");
    expect(r.table.array("constructor")[0]).toBe("b");
    expect(r.report.counts["unknown-variable"]).toBe(2);
  });
});

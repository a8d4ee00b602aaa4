import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import * as aq from "arquero";
import { codebookColumns, csvField, tableToCsv, type CsvColumn } from "../../../src/analysis/export-table";
import { parseCodebook } from "../../../src/data/parse-codebook";

const status = new Map<number | string, string>([
  [1, "Har allerede innført"],
  [2, 'Holder på å "innføre"'],
  [4, "Har ikke planer,\nom å innføre"],
]);
const columns: CsvColumn[] = [
  { name: "name", header: "Kommune" },
  { name: "q3", header: "q3 Serviceerklæringer", valueLabels: status },
  { name: "share", header: "Andel, %" },
];
const rows = [
  { name: "Ås", q3: 1, share: 6.3 },
  { name: 'Bø i "Telemark"', q3: 2, share: null },
  { name: "Sør-Aurdal, Valdres", q3: 4, share: -0.5 },
  { name: "Tromsø", q3: 3, share: Number.NaN },
];

describe("tableToCsv", () => {
  it("writes header, value labels and RFC 4180 quoting with CRLF", () => {
    const expected =
      'Kommune,q3 Serviceerklæringer,"Andel, %"\r\n' +
      "Ås,Har allerede innført,6.3\r\n" +
      '"Bø i ""Telemark""","Holder på å ""innføre""",\r\n' +
      '"Sør-Aurdal, Valdres","Har ikke planer,\nom å innføre",-0.5\r\n' +
      "Tromsø,3,\r\n";
    expect(tableToCsv(rows, { columns })).toBe(expected);
  });

  it("writes codes instead of labels when asked, and a BOM for Excel", () => {
    const csv = tableToCsv(rows.slice(0, 1), { columns, values: "codes", bom: true });
    expect(csv).toBe('\uFEFFKommune,q3 Serviceerklæringer,"Andel, %"\r\nÅs,1,6.3\r\n');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // The BOM is the three bytes EF BB BF in UTF-8.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("writes Norwegian Excel dialect: semicolons and decimal comma", () => {
    const csv = tableToCsv(rows.slice(0, 1), { columns, delimiter: ";", decimal: "," });
    expect(csv).toBe("Kommune;q3 Serviceerklæringer;Andel, %\r\nÅs;Har allerede innført;6,3\r\n");
  });

  it("refuses decimal comma with comma delimiter, saying what to use", () => {
    expect(() => tableToCsv(rows, { decimal: "," })).toThrow(/delimiter ";"/);
  });

  it("takes every key of plain records in first-seen order when no columns are given", () => {
    expect(tableToCsv([{ a: 1 }, { b: "x", a: 2 }])).toBe("a,b\r\n1,\r\n2,x\r\n");
  });

  it("exports an Arquero table by its column names", () => {
    const table = aq.table({ knr: ["0101", "1601"], name: ["Halden", "Trondheim"], n: [3, 12] });
    expect(tableToCsv(table)).toBe("knr,name,n\r\n0101,Halden,3\r\n1601,Trondheim,12\r\n");
  });

  it("guards formula-like text but not negative numbers", () => {
    const csv = tableToCsv([{ label: "=HYPERLINK(1)", v: -2 }], { guardFormulas: true });
    expect(csv).toBe("label,v\r\n'=HYPERLINK(1),-2\r\n");
  });

  it("quotes only fields that need it", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a\rb")).toBe('"a\rb"');
    expect(csvField("a;b", ";")).toBe('"a;b"');
    expect(csvField("a;b", ",")).toBe("a;b");
  });
});

describe("codebookColumns", () => {
  it("labels survey variables from the codebook", () => {
    const codebook = parseCodebook(JSON.parse(readFileSync(resolve(import.meta.dirname, "../../../data/survey-1999/codebook.json"), "utf8")));
    const cols = codebookColumns(codebook, ["q3", "unknown"]);
    expect(cols[0]?.header).toBe("q3 Serviceerklæringer");
    expect(cols[0]?.valueLabels?.get(4)).toBe("Har ikke planer om å innføre serviceerklæringer");
    expect(cols[1]).toEqual({ name: "unknown" });
    const csv = tableToCsv([{ q3: 1 }, { q3: 4 }], { columns: cols.slice(0, 1) });
    expect(csv).toBe("q3 Serviceerklæringer\r\nHar allerede innført serviceerklæringer\r\nHar ikke planer om å innføre serviceerklæringer\r\n");
  });
});

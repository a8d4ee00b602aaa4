import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import * as aq from "arquero";
import { codebookColumns, csvField, plainNumber, tableToCsv, type CsvColumn } from "../../../src/analysis/export-table";
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
  it("writes codes with their labels beside them, RFC 4180 quoting and CRLF", () => {
    const expected =
      'Kommune,q3 Serviceerklæringer,q3 Serviceerklæringer_label,"Andel, %"\r\n' +
      "Ås,1,Har allerede innført,6.3\r\n" +
      '"Bø i ""Telemark""",2,"Holder på å ""innføre""",\r\n' +
      '"Sør-Aurdal, Valdres",4,"Har ikke planer,\nom å innføre",-0.5\r\n' +
      "Tromsø,3,,\r\n";
    expect(tableToCsv(rows, { columns })).toBe(expected);
  });

  it("writes codes only when asked, and a BOM for Excel", () => {
    const csv = tableToCsv(rows.slice(0, 1), { columns, values: "codes", bom: true });
    expect(csv).toBe('\uFEFFKommune,q3 Serviceerklæringer,"Andel, %"\r\nÅs,1,6.3\r\n');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // The BOM is the three bytes EF BB BF in UTF-8.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("writes Norwegian Excel dialect: semicolons and decimal comma", () => {
    const csv = tableToCsv(rows.slice(0, 1), { columns, delimiter: ";", decimal: "," });
    expect(csv).toBe("Kommune;q3 Serviceerklæringer;q3 Serviceerklæringer_label;Andel, %\r\nÅs;1;Har allerede innført;6,3\r\n");
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

  it("guards formula-like text by default — headers and labels too — but not numbers", () => {
    const labels = new Map<number | string, string>([[1, "=HYPERLINK(1)"]]);
    const csv = tableToCsv([{ "@SUM(A1)": "+47-1", v: -2, s: "-2", c: 1 }], { columns: [{ name: "@SUM(A1)" }, { name: "v" }, { name: "s" }, { name: "c", valueLabels: labels }] });
    expect(csv).toBe("'@SUM(A1),v,s,c,c_label\r\n'+47-1,-2,-2,1,'=HYPERLINK(1)\r\n");
    expect(tableToCsv([{ a: "=1+2" }], { guardFormulas: false })).toBe("a\r\n=1+2\r\n");
  });

  it("writes numbers in plain decimal notation that reads back to the same number", () => {
    const samples = [0, -0, 1, -1, 0.1, 1 / 3, -2 / 7, 1e-7, 1.5e-7, 123e-20, 1e21, 2 ** 53 + 2, -9.87654321e25, Number.MIN_VALUE, Number.MAX_VALUE];
    // A fixed linear congruential sequence: many magnitudes and digit patterns, the same every run.
    let seed = 19991203;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 500; i++) samples.push((next() - 0.5) * 10 ** Math.round(next() * 60 - 30));
    for (const x of samples) {
      const text = plainNumber(x);
      expect(text, String(x)).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number(text)).toBe(x === 0 ? 0 : x);
    }
    expect(plainNumber(1.5e-7)).toBe("0.00000015");
    expect(plainNumber(1e21)).toBe("1000000000000000000000");
  });

  it("quotes only fields that need it", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a\rb")).toBe('"a\rb"');
    expect(csvField("a;b", ";")).toBe('"a;b"');
    expect(csvField("a;b", ",")).toBe("a;b");
  });
});

describe("codebookColumns", () => {
  it("heads survey variables by name and carries the codebook's value labels", () => {
    const codebook = parseCodebook(JSON.parse(readFileSync(resolve(import.meta.dirname, "../../../data/survey-1999/codebook.json"), "utf8")));
    const cols = codebookColumns(codebook, ["q3", "unknown"]);
    expect(cols[0]?.header).toBeUndefined();
    expect(cols[0]?.valueLabels?.get(4)).toBe("Har ikke planer om å innføre serviceerklæringer");
    expect(cols[1]).toEqual({ name: "unknown" });
    const csv = tableToCsv([{ q3: 1 }, { q3: 4 }], { columns: cols.slice(0, 1) });
    expect(csv).toBe("q3,q3_label\r\n1,Har allerede innført serviceerklæringer\r\n4,Har ikke planer om å innføre serviceerklæringer\r\n");
    const q3 = codebook.variables.find((v) => v.name === "q3");
    expect(codebookColumns(codebook, ["q3"], "en")[0]?.valueLabels?.get(1)).toBe(q3?.codes.find((c) => c.code === 1)?.en);
  });
});

/**
 * The hostile-string corpus through every text slot of a CSV export — header, cell, value label of a
 * numeric code — split into cells the way a spreadsheet splits them (PapaParse, RFC 4180), must give
 * no cell a spreadsheet would run as a formula (OWASP: a cell must not begin with = + - @ tab CR LF;
 * we also count the full-width forms and a trigger behind leading blanks). Numbers stay numbers.
 */
import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { tableToCsv, type CsvOptions } from "../../../src/analysis/export-table";
import { hostileCorpus } from "../../fixtures/exports/hostile-corpus";

/** OWASP's list of first characters, plus full-width forms; blanks a spreadsheet may trim first. */
const TRIGGER = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;
const runsAsFormula = (cell: string): boolean => TRIGGER.test(cell) || TRIGGER.test(cell.replace(/^[ \u00a0\u3000]+/, ""));
const isNumber = (cell: string): boolean => /^[+-]?\d+(?:[.,]\d+)?$/.test(cell);

function cells(csv: string, delimiter: string): string[] {
  return Papa.parse<string[]>(csv, { delimiter, skipEmptyLines: true }).data.flat();
}

const dialects: [string, CsvOptions][] = [
  ["comma", {}],
  ["semicolon, decimal comma", { delimiter: ";", decimal: "," }],
  ["tab", { delimiter: "\t" }],
];

describe.each(dialects)("CSV formula guard (%s)", (_name, options) => {
  const delimiter = options.delimiter ?? ",";
  it.each(hostileCorpus().map((c) => [c.id, c.text] as const))("%s", (_id, text) => {
    const labels = new Map<number | string, string>([[1, text]]);
    const csv = tableToCsv([{ [text]: text, code: 1, negative: -2.5 }], { ...options, columns: [{ name: text }, { name: "code", valueLabels: labels }, { name: "negative" }] });
    const all = cells(csv, delimiter);
    expect(all.filter((cell) => runsAsFormula(cell) && !isNumber(cell))).toEqual([]);
    // The code and the negative number are still numbers.
    expect(all).toContain("1");
    expect(all).toContain(options.decimal === "," ? "-2,5" : "-2.5");
  });
});

/**
 * Issue 11 §4: Excel's `sep=;` first line, as it comes back from a spreadsheet that showed it as a
 * cell and saved the sheet again (LibreOffice: the row padded with the delimiter to the sheet's
 * width, the cell quoted because it holds the delimiter). It names the delimiter all the same; read
 * as a header instead, the file was refused with "rename its columns to the codebook's names".
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadInParts } from "../../../../src/data/loaders/split-load";
import { loaded, readCodebook } from "./helpers";

const survey = readCodebook("data/survey-1999/codebook.json");
const csv = readFileSync("data/survey-1999/respondents.csv", "utf8").trimEnd().split("\n");

/** The bundled respondents with `delimiter`, fields holding it quoted, CRLF line ends. */
function delimited(delimiter: string): string {
  return csv.map((line) => line.split(",").map((f) => (f.includes(delimiter) ? `"${f}"` : f)).join(delimiter)).join("\r\n") + "\r\n";
}

describe("a sep= line padded with delimiters", () => {
  for (const [label, delimiter, first] of [
    ["semicolons, quoted (LibreOffice)", ";", '"sep=;";;;;;'],
    ["semicolons, unquoted", ";", "sep=;;;;"],
    ["tabs", "\t", "sep=\t\t\t"],
  ] as const) {
    it(`names the delimiter: ${label}`, async () => {
      const r = await loaded(new TextEncoder().encode(`${first}\r\n${delimited(delimiter)}`), { name: "resaved.csv", codebook: survey });
      expect(r.source.delimiter).toBe(delimiter);
      expect(r.report.rows).toBe(267);
      expect(r.report.total).toBe(0);
      expect(Array.from(r.table.array("name"))).toContain("Sør-Varanger");
    });
  }

  it("is skipped in a file read in parts too", async () => {
    const body = delimited(";");
    const rows = body.split("\r\n").slice(1).join("\r\n");
    const bytes = new TextEncoder().encode(`"sep=;";;;\r\n${body}${rows.repeat(8)}`);
    const r = await loadInParts(bytes, { name: "big.csv", codebook: survey }, 4, 1 << 16);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.columns.rows).toBe(267 * 9);
    expect(r.value.columns.names[0]).toBe("resp_id");
  });
});

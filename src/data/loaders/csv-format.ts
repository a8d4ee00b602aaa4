/**
 * Registry entry for delimited text (CSV, semicolon CSV from Norwegian Excel, tab-separated). Its
 * sniff looks at the sample's lines: a header whose fields name codebook variables is certain
 * evidence; consistent field counts are good evidence; one column of text is hardly any.
 */
import { VariableMatcher } from "../variable-names";
import { dataLines, detectDelimiter, fieldCount } from "./csv-delimiter";
import type { FileFormat, Sample } from "./file-format";
import { csvParts, readCsv } from "./read-csv";

/** How much the sample looks like a delimited file of this survey. */
function sniffCsv(sample: Sample): number {
  if (!sample.text) return 0;
  const lines = dataLines(sample.text.lines);
  const first = lines[0];
  if (first === undefined) return 0.05; // an empty text file: the CSV reader says "empty"
  if (/^[\d \t-]+$/.test(first)) return 0.1; // digits and blanks: a card image's line, not a header
  const d = detectDelimiter(sample.text.lines);
  const fields = first.split(d);
  if (fields.length < 2) return 0.1;
  if (sample.codebook) {
    const matcher = new VariableMatcher(sample.codebook);
    if (fields.some((f) => matcher.match(f) !== undefined)) return 0.9;
  }
  const agree = lines.filter((l) => fieldCount(l, d) === fieldCount(first, d)).length;
  return agree >= 0.8 * lines.length ? 0.6 : 0.3;
}

/** Delimited text: CSV, semicolon CSV, tab-separated. */
export const csvFormat: FileFormat = {
  format: "csv",
  label: "CSV",
  extensions: [".csv", ".tsv", ".txt"],
  needsCodebook: true,
  sniff: sniffCsv,
  read: readCsv,
  parts: csvParts,
};

/**
 * The field delimiter of a delimited text file, from its first lines: Excel's `sep=` line when
 * there is one, else whichever of `,`, `;` and tab splits the lines most consistently.
 */

/** The delimiters the loaders accept. */
export type Delimiter = "," | ";" | "\t";

const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

/**
 * Excel's first line naming the delimiter: `sep=;` (sometimes quoted), perhaps padded with that
 * delimiter to a sheet's width (a spreadsheet that showed it as a cell and saved the sheet again).
 */
const SEP_LINE = /^"?sep=([,;\t])"?\1*\s*$/i;

/** The delimiter an Excel `sep=` line names, when the first non-blank line is one. */
export function sepLineDelimiter(lines: readonly string[]): Delimiter | undefined {
  const first = lines.find((l) => l.trim() !== "");
  const d = first === undefined ? undefined : SEP_LINE.exec(first)?.[1];
  return DELIMITERS.find((x) => x === d);
}

/** Fields of a line split on `d`, honouring quotes (a delimiter inside quotes does not split). */
export function fieldCount(line: string, d: string): number {
  let count = 1;
  let inQuote = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') inQuote = !inQuote;
    else if (ch === d && !inQuote) count++;
  }
  return count;
}

/** The data lines of a sample: blank lines and a `sep=` line left out, at most 20. */
export function dataLines(lines: readonly string[]): string[] {
  const nonBlank = lines.filter((l) => l.trim() !== "");
  if (nonBlank[0] !== undefined && SEP_LINE.test(nonBlank[0])) nonBlank.shift();
  return nonBlank.slice(0, 20);
}

/**
 * Picks `,`, `;` or tab: the one that splits the first line into the most fields while giving most
 * lines the same count; `sep=` wins when present. A one-column file gets ",".
 */
export function detectDelimiter(lines: readonly string[]): Delimiter {
  const sep = sepLineDelimiter(lines);
  if (sep) return sep;
  const sample = dataLines(lines);
  let best: { d: Delimiter; agree: number; fields: number } = { d: ",", agree: 0, fields: 1 };
  for (const d of DELIMITERS) {
    const counts = sample.map((l) => fieldCount(l, d));
    const fields = counts[0] ?? 1;
    if (fields < 2) continue;
    const agree = counts.filter((c) => c === fields).length;
    if (agree > best.agree || (agree === best.agree && fields > best.fields)) best = { d, agree, fields };
  }
  return best.d;
}

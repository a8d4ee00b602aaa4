/**
 * The commands that read the data file the way the app read it: GET DATA for a CSV (its delimiter,
 * its encoding, quoted fields), DATA LIST FIXED at the codebook's card columns for a card image, GET
 * FILE for a .sav. Without this a `;` or tab CSV, a card image or a .sav was read as a comma CSV and
 * PSPP found no valid values. Variables are positional in a CSV and a card image, so the PSPP names
 * (renamed where a header is not a valid identifier) are ours to choose.
 */
import type { Codebook } from "../../data/codebook";
import { columnsOf } from "../../data/card-layout";
import { ProblemError } from "../../base/result";
import { findVariable } from "../variable-info";
import type { CheckedDataFile } from "./pspp-data-file";
import { psppComment, psppString, visibleText } from "./pspp-literals";
import type { PsppMessages } from "../../base/locale/pspp-messages";
import type { PsppNames } from "./pspp-names";

/** A column of a CSV file in file order; `format` is a PSPP input format (F8.2, A40 …). */
export interface ExportColumn {
  name: string;
  format?: string;
}

/** Columns of the bundled respondents file that hold text although the codebook does not list them. */
const TEXT_COLUMNS = new Set(["name", "provenance", "fylke_name", "note", "source_table", "model"]);

/** The PSPP input format of a CSV column: given, text, whole-number code, or a general number. */
function inputFormat(col: ExportColumn, codebook: Codebook | undefined): string {
  if (col.format !== undefined) {
    if (!/^[A-Za-z]{1,8}\d{1,5}(\.\d{1,2})?$/.test(col.format)) {
      throw new ProblemError({
        kind: "pspp-bad-option",
        message: `The input format "${visibleText(col.format)}" of column "${visibleText(col.name)}" is not a PSPP format. Fix: write it like F8.0, F10.2 or A40.`,
      });
    }
    return col.format;
  }
  const entry = findVariable(codebook, col.name);
  if (entry?.kind === "text" || (!entry && TEXT_COLUMNS.has(col.name))) return "A255";
  if (entry && (entry.kind === "categorical" || entry.kind === "dichotomy" || entry.kind === "id")) return "F8.0";
  return "F10.2";
}

/** The card fields of the codebook, checked: whole columns, in order, inside a sane record. */
export function cardFields(codebook: Codebook | undefined): { name: string; start: number; end: number }[] {
  const fields = codebook ? columnsOf(codebook) : [];
  if (fields.length === 0) {
    throw new ProblemError({
      kind: "pspp-bad-option",
      message: "A card image is read through the codebook's card columns, and none were given. Fix: pass `codebook: data.codebook` (the survey codebook carries the columns).",
    });
  }
  const bad = fields.find((f) => !Number.isInteger(f.start) || !Number.isInteger(f.end) || f.start < 1 || f.end < f.start || f.end > 32767);
  if (bad) {
    throw new ProblemError({
      kind: "pspp-bad-option",
      message: `The card columns of "${visibleText(bad.name)}" (${String(bad.start)}–${String(bad.end)}) are not whole columns. Fix: correct them in the codebook.`,
    });
  }
  return fields.map((f) => ({ name: f.name, start: f.start, end: f.end }));
}

/** Lines that say which columns were renamed, one comment each. */
function renameComments(names: PsppNames, file: CheckedDataFile, words: PsppMessages): string[] {
  return names.renamed.map((r) =>
    psppComment(file.format === "sav" ? words.psppRenamedSav(r.position, visibleText(r.from), r.to) : words.psppRenamedColumn(r.position, visibleText(r.from), r.to)),
  );
}

/** PSPP's spelling of a CSV delimiter inside DELIMITERS="…". */
function delimiterLiteral(d: CheckedDataFile["delimiter"]): string {
  return d === "\t" ? '"\\t"' : `"${d}"`;
}

/**
 * Commands reading `file` with `columns` (file order) under PSPP names `names`. For a card image the
 * columns are the codebook's card fields.
 */
export function readDataSyntax(file: CheckedDataFile, columns: readonly ExportColumn[], names: PsppNames, codebook: Codebook | undefined, words: PsppMessages): string[] {
  const pspp = (name: string): string => names.get(name) ?? name;
  const out = renameComments(names, file, words);
  const fileLiteral = psppString(file.name);
  if (file.format === "sav") {
    out.push(`GET FILE=${fileLiteral}.`);
    return out;
  }
  if (file.format === "fixed") {
    if (file.bom) {
      out.push(psppComment(words.psppByteOrderMark(visibleText(file.name))));
    }
    const fields = cardFields(codebook);
    out.push(`DATA LIST FILE=${fileLiteral} ENCODING=${psppString(file.encoding)} FIXED RECORDS=1`, "  /1");
    fields.forEach((f, i) => out.push(`  ${pspp(f.name)} ${f.start}-${f.end}${i === fields.length - 1 ? "." : ""}`));
    return out;
  }
  // A header with a line break inside quotes spans several lines, and GET DATA counts lines.
  const headerLines = 1 + columns.reduce((n, c) => n + (c.name.match(/\n/g)?.length ?? 0), 0);
  if (file.delimiter !== ",") {
    out.push(psppComment(words.psppDecimalComma));
  }
  out.push(
    "SET DECIMAL=DOT.",
    `GET DATA /TYPE=TXT /FILE=${fileLiteral} /ENCODING=${psppString(file.encoding)}`,
    `  /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=${headerLines + 1}`,
    `  /DELIMITERS=${delimiterLiteral(file.delimiter)} /QUALIFIER='"'`,
    `  /VARIABLES=${columns.map((c) => `${pspp(c.name)} ${inputFormat(c, codebook)}`).join("\n    ")}.`,
  );
  return out;
}

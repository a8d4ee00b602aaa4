/**
 * SPSS .sav reader: reads the system file (see `sav-reader.ts`), names its variables after the
 * codebook (long names, matched like CSV headers), and takes value labels and user-missing
 * values from the file where it has them: the result's codebook is the given codebook with, for
 * each variable the file labels, the file's codes and missing values (Norwegian label from the
 * file, English kept where the codebook has the same code). Without a codebook, one is built from
 * the file's dictionary. Variables the codebook does not know are reported and kept.
 *
 * A variable the codebook keeps as text (kommunenummer, names) but the file stores as numbers is
 * turned into text at the width of its print format, so knr 700 in an F4.0 variable reads "0700":
 * the leading zero the number lost is put back, and the report says so.
 */
import type { Result } from "../../base/result";
import { fail, ok } from "../../base/result";
import type { CodeLabel, Codebook, CodebookVariable } from "../codebook";
import { VariableMatcher, isNumericVariable, safeColumnName } from "../variable-names";
import { type ByteInput, readAll } from "./byte-chunks";
import { type ColumnData, type NumberColumnData, TextColumnBuilder, missingMarker } from "./column-builders";
import type { ReadOptions, ReadOutput } from "./file-format";
import { type LoadProblem, cancelledProblem, loadFailure } from "./load-result";
import { type SavVariable, readSav } from "./sav-reader";
import type { IssueCollector } from "./validate";

function fileCodes(sv: SavVariable, known?: CodebookVariable): CodeLabel[] {
  const codes: CodeLabel[] = [];
  for (const [value, label] of sv.valueLabels) {
    if (typeof value !== "number") continue;
    const en = known?.codes.find((c) => c.code === value)?.en ?? label;
    codes.push({ code: value, no: label, en });
  }
  return codes.sort((a, b) => a.code - b.code);
}

/** Largest user-missing range spelled out as codes; wider ranges (LO THRU 0 …) are left out. */
const MAX_RANGE_CODES = 100;

/** The file's numeric user-missing values; a small integer range (8 THRU 9) becomes its codes. */
function fileMissing(sv: SavVariable): number[] {
  const codes = sv.missing.filter((m): m is number => typeof m === "number");
  const r = sv.missingRange;
  if (r && Number.isFinite(r.high - r.low) && r.high - r.low <= MAX_RANGE_CODES) {
    for (let x = Math.ceil(r.low); x <= r.high; x++) if (!codes.includes(x)) codes.push(x);
  }
  return codes.sort((a, b) => a - b);
}

/** A codebook variable describing a .sav variable the codebook does not have. */
function variableFromFile(sv: SavVariable, name: string): CodebookVariable {
  const codes = fileCodes(sv);
  return {
    name,
    question: name,
    no: sv.label ?? name,
    en: sv.label ?? name,
    kind: sv.width > 0 ? "text" : codes.length > 0 ? "categorical" : "numeric",
    codes: sv.width > 0 ? [] : codes,
    missing: fileMissing(sv),
    columns: { start: 0, end: 0, note: "From a .sav file: not on the card." },
    note: `Read from the .sav dictionary (short name ${sv.shortName}).`,
  };
}

/** The codebook variable updated with the file's labels and missing values, when it has them. */
function mergeVariable(v: CodebookVariable, sv: SavVariable): CodebookVariable {
  if (sv.width > 0) return v;
  const missing = fileMissing(sv);
  const labelled = fileCodes(sv, v);
  const out: CodebookVariable = { ...v };
  if (missing.length > 0 || sv.missingRange) out.missing = missing;
  if (labelled.length > 0) out.codes = labelled;
  return out;
}

/**
 * A numeric column as the text the codebook wants: whole numbers zero-padded to the print
 * format's width (F4.0: 700 → "0700"), others as JavaScript writes them. Reports the padding.
 */
function numbersAsText(column: NumberColumnData, sv: SavVariable, name: string, issues: IssueCollector): ColumnData {
  const out = new TextColumnBuilder(Math.max(1, column.values.length));
  const marker = missingMarker(column.values);
  const width = sv.format.decimals === 0 ? sv.format.width : 0;
  let padded = 0;
  let example = "";
  for (const v of column.values) {
    if (v === marker || v !== v) {
      out.pushMissing();
      continue;
    }
    const plain = String(v);
    const text = Number.isInteger(v) && v >= 0 && plain.length < width ? plain.padStart(width, "0") : plain;
    if (text !== plain) {
      padded++;
      if (example === "") example = `${plain} → ${text}`;
    }
    out.push(text);
  }
  if (padded > 0) {
    issues.add({
      kind: "file", variable: name,
      message: `${name} is stored as numbers (F${sv.format.width}.0), which drop leading zeros; ${padded} value${padded === 1 ? " was" : "s were"} written back at ${width} digits (${example}).`,
      fix: `Check a few values of ${name} against the source; to keep them exact, store ${name} as a string (A${width}) in SPSS or PSPP.`,
    });
  }
  return out.finish();
}

/** Reads an SPSS system file. */
export async function readSavFile(input: ByteInput, o: ReadOptions): Promise<Result<ReadOutput, LoadProblem>> {
  const file = o.name;
  const bytes = await readAll(input, o);
  if (o.signal?.aborted) return fail(cancelledProblem(file));
  const read = readSav(bytes);
  if (!read.ok) {
    const e = read.error;
    return loadFailure(e.kind, `${e.message} (byte ${e.offset})`, {
      file,
      fix: e.kind === "unsupported"
        ? "Save the file again from SPSS or PSPP with SAVE OUTFILE=… /COMPRESSED (or /UNCOMPRESSED), or export it as CSV."
        : e.kind === "truncated"
          ? "Copy or download the .sav file again in full (compare its size with the original), or save it again from SPSS or PSPP."
          : "Check that this is an SPSS .sav file and that it was copied completely; otherwise export the data as CSV.",
    });
  }
  const sav = read.value;
  const { issues } = o;
  const given = o.codebook;
  const matcher = given ? new VariableMatcher(given) : undefined;
  const names: string[] = [];
  const columns: ColumnData[] = [];
  const merged = new Map<string, CodebookVariable>();
  const extra: CodebookVariable[] = [];
  const taken = new Set<string>();
  sav.variables.forEach((sv, i) => {
    const known = matcher?.match(sv.name);
    let name = known && !taken.has(known.name) ? known.name : safeColumnName(sv.name);
    while (taken.has(name)) name = `${name}_${i + 1}`;
    taken.add(name);
    let column = sav.columns[i] ?? { type: "text", codes: new Int32Array(sav.cases).fill(-1), dictionary: [] };
    if (known && given && name === known.name) {
      merged.set(known.name, mergeVariable(known, sv));
      // A text variable the file stores as numbers is turned into text, as the codebook says.
      if (!isNumericVariable(known, given) && column.type === "number") column = numbersAsText(column, sv, name, issues);
    } else {
      extra.push(variableFromFile(sv, name));
      if (known) {
        issues.add({
          kind: "duplicate-column", variable: known.name, column: i + 1, value: sv.name,
          message: `Variable "${sv.name}" names ${known.name}, which an earlier variable of the file already holds.`,
          fix: `Rename or drop one of the two in SPSS/PSPP; this one is kept as "${name}" and not validated.`,
        });
      } else if (given) {
        issues.add({
          kind: "unknown-variable", variable: name, column: i + 1,
          message: `Variable "${sv.name}"${sv.label ? ` (${sv.label})` : ""} is not in the codebook; it is kept with the file's labels.`,
          fix: "Rename it in SPSS/PSPP (RENAME VARIABLES) to the codebook name if it is a questionnaire item; otherwise ignore this notice.",
        });
      }
    }
    names.push(name);
    columns.push(column);
  });
  const codebook: Codebook = given
    ? {
        ...given,
        variables: given.variables.map((v) => merged.get(v.name) ?? v),
        derived: [...(given.derived ?? []).map((v) => merged.get(v.name) ?? v), ...extra],
      }
    : { title: sav.fileLabel || file, source: file, recordLength: 0, variables: extra, skipRules: [], sets: [] };
  const shown = sav.variables.slice(0, 5).map((v) => v.name).join(", ");
  return ok({
    columns: { names, columns, rows: sav.cases },
    codebook,
    rowNumbers: Int32Array.from({ length: sav.cases }, (_, i) => i + 1),
    shape: `${sav.variables.length} variable${sav.variables.length === 1 ? "" : "s"} (${shown}${sav.variables.length > 5 ? ", …" : ""}) and ${sav.cases} case${sav.cases === 1 ? "" : "s"}`,
    encoding: sav.encoding,
    bytes: bytes.byteLength,
    allowMissingColumns: given === undefined,
  });
}

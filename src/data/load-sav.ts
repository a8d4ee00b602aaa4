/**
 * SPSS .sav loader: reads the system file (see `sav-reader.ts`), names its variables after the
 * codebook (long names, matched like CSV headers), and takes value labels and user-missing
 * values from the file where it has them: the result's codebook is the given codebook with, for
 * each variable the file labels, the file's codes and missing values (Norwegian label from the
 * file, English kept where the codebook has the same code). Without a codebook, one is built from
 * the file's dictionary. Variables the codebook does not know are reported and kept.
 */
import { table } from "arquero";
import type { CodeLabel, Codebook, CodebookVariable } from "./codebook";
import { type ByteInput, readAll } from "./byte-chunks";
import { LoadError, type LoadOptions, type LoadResult } from "./load-result";
import { SavFormatError, type SavFile, type SavVariable, readSav } from "./sav-reader";
import { IssueCollector, validateTable } from "./validate";
import { VariableMatcher, isNumericVariable, safeColumnName } from "./variable-names";

export interface SavLoadOptions extends LoadOptions {
  /** The codebook to read through; when absent, one is built from the file's dictionary. */
  codebook?: Codebook;
  totalBytes?: number;
}

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

/** Loads an SPSS system file. */
export async function loadSav(input: ByteInput, opts: SavLoadOptions): Promise<LoadResult> {
  const file = opts.name;
  const bytes = await readAll(input, { file, signal: opts.signal, onProgress: opts.onProgress, totalBytes: opts.totalBytes });
  let sav: SavFile;
  try {
    sav = readSav(bytes);
  } catch (e) {
    if (!(e instanceof SavFormatError)) throw e;
    throw new LoadError(e.unsupported ? "unsupported" : "malformed", `${e.message} (byte ${e.offset})`, {
      file,
      fix: e.unsupported
        ? "Save the file again from SPSS or PSPP with SAVE OUTFILE=… /COMPRESSED (or /UNCOMPRESSED), or export it as CSV."
        : "Check that this is an SPSS .sav file and that it was copied completely; otherwise export the data as CSV.",
    });
  }
  const issues = new IssueCollector(file, opts.issueLimit);
  const given = opts.codebook;
  const matcher = given ? new VariableMatcher(given) : undefined;
  const columns = new Map<string, (number | string | null)[]>();
  const merged = new Map<string, CodebookVariable>();
  const extra: CodebookVariable[] = [];
  const taken = new Set<string>();
  sav.variables.forEach((sv, i) => {
    const known = matcher?.match(sv.name);
    let name = known && !taken.has(known.name) ? known.name : safeColumnName(sv.name);
    while (taken.has(name)) name = `${name}_${i + 1}`;
    taken.add(name);
    let values = sav.columns[i] ?? [];
    if (known && given && name === known.name) {
      merged.set(known.name, mergeVariable(known, sv));
      // A text variable the file stores as numbers is turned into text, as the codebook says.
      if (!isNumericVariable(known, given)) values = values.map((x) => (x === null ? null : String(x)));
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
    columns.set(name, values);
  });
  const codebook: Codebook = given
    ? {
        ...given,
        variables: given.variables.map((v) => merged.get(v.name) ?? v),
        derived: [...(given.derived ?? []).map((v) => merged.get(v.name) ?? v), ...extra],
      }
    : { title: sav.fileLabel || file, source: file, recordLength: 0, variables: extra, skipRules: [], sets: [] };
  const t = table(columns);
  validateTable(t, codebook, issues, { firstRow: 1, allowMissingColumns: given === undefined });
  const report = issues.report(t.numRows());
  return {
    table: t,
    codebook,
    report,
    source: { name: file, format: "sav", encoding: sav.encoding, rows: t.numRows(), bytes: bytes.byteLength },
  };
}

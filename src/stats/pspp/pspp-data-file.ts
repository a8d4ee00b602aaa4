/**
 * The data file a PSPP export reads, as the app loaded it: its name, format (CSV, card image, .sav),
 * text encoding and CSV delimiter — the shape of `LoadResult["source"]` (src/data/loaders/load-result.ts), or
 * a plain file name for the bundled comma-separated UTF-8 respondents.csv. Checked once here, because
 * it can come from cell code, and because PSPP runs a file name that begins or ends with `|` as a
 * shell command (`FILE='touch x|'` does run `touch x`).
 */
import { ProblemError, type Problem } from "../../base/result";
import type { LoadFormat, LoadSource } from "../../data/loaders/load-result";
import { hasControlCharacters, visibleText } from "./pspp-literals";

/** The formats the export can read back in PSPP: the loaders' formats. */
export type PsppDataFormat = LoadFormat;

/** A loaded file as its loader describes it: `LoadResult["source"]` fits (rows and bytes are not needed). */
export type PsppDataFile = Pick<LoadSource, "name" | "format"> & Partial<Pick<LoadSource, "encoding" | "delimiter">>;

/** A data file after checking: everything PSPP needs, spelled as PSPP wants it. */
export interface CheckedDataFile {
  name: string;
  format: PsppDataFormat;
  /** Encoding name for PSPP's ENCODING subcommand (text files). */
  encoding: string;
  /** True when the file starts with a UTF-8 byte-order mark. */
  bom: boolean;
  delimiter: "," | ";" | "\t";
}

/** Kinds of problem with a data-file description. */
export type DataFileProblemKind = "pspp-unsafe-file-name" | "pspp-unsupported-file" | "pspp-bad-option";

const FORMATS: readonly PsppDataFormat[] = ["csv", "fixed", "sav"];
const DELIMITERS = [",", ";", "\t"] as const;

/** Loader encoding names → PSPP (iconv) names. */
const ENCODINGS: Readonly<Record<string, string>> = {
  "utf-8": "UTF-8",
  "utf8": "UTF-8",
  "utf-8-bom": "UTF-8",
  "windows-1252": "windows-1252",
  "cp1252": "windows-1252",
  "iso-8859-1": "ISO-8859-1",
  "latin1": "ISO-8859-1",
};

function refuse(kind: DataFileProblemKind, message: string): never {
  const problem: Problem<DataFileProblemKind> = { kind, message };
  throw new ProblemError(problem);
}

function isDelimiter(value: string): value is CheckedDataFile["delimiter"] {
  return DELIMITERS.some((d) => d === value);
}

function isFormat(value: unknown): value is PsppDataFormat {
  return FORMATS.some((f) => f === value);
}

/** The format a bare file name implies: .sav and card images by extension, CSV otherwise. */
function formatOfName(name: string): PsppDataFormat {
  if (/\.sav$/i.test(name)) return "sav";
  if (/\.(dat|card)$/i.test(name)) return "fixed";
  return "csv";
}

function checkName(name: unknown): string {
  if (typeof name !== "string" || name.trim() === "") {
    refuse("pspp-bad-option", "The PSPP export needs the data file's name. Fix: pass `dataFile` as the file name or as the loaded file's `source` ({name, format, encoding, delimiter}).");
  }
  if (hasControlCharacters(name)) {
    refuse("pspp-unsafe-file-name", `The data file name "${visibleText(name)}" contains a line break or control character, which cannot be written into PSPP syntax. Fix: rename the file without such characters and load it again.`);
  }
  const trimmed = name.trim();
  if (trimmed.startsWith("|") || trimmed.endsWith("|")) {
    refuse("pspp-unsafe-file-name", `The data file name "${visibleText(name)}" begins or ends with "|", which PSPP runs as a shell command instead of opening a file. Fix: rename the file without the "|" and load it again.`);
  }
  return name;
}

function checkEncoding(encoding: unknown, format: PsppDataFormat, name: string): { encoding: string; bom: boolean } {
  if (encoding === undefined || format === "sav") return { encoding: "UTF-8", bom: false };
  const key = typeof encoding === "string" ? encoding.trim().toLowerCase() : "";
  if (key.startsWith("utf-16") || key.startsWith("utf-32")) {
    refuse("pspp-unsupported-file", `${visibleText(name)} is ${key.toUpperCase()} text, which PSPP 1.6 reads as no cases at all. Fix: save the file as UTF-8 (in Excel: "CSV UTF-8") and load that file.`);
  }
  const known = ENCODINGS[key];
  if (known !== undefined) return { encoding: known, bom: key === "utf-8-bom" };
  // Any other iconv name passes if it cannot carry syntax (letters, digits, - _ . :).
  if (typeof encoding === "string" && /^[A-Za-z0-9][A-Za-z0-9._:-]{0,39}$/.test(encoding)) return { encoding, bom: false };
  return refuse("pspp-bad-option", `The encoding "${visibleText(String(encoding))}" of ${visibleText(name)} is not an encoding name. Fix: pass the loader's \`source.encoding\` ("utf-8", "windows-1252" …).`);
}

/** Checks a data-file description (object or bare name); throws a ProblemError saying the fix. */
export function checkDataFile(dataFile: unknown): CheckedDataFile {
  if (typeof dataFile === "string") {
    const name = checkName(dataFile);
    return { name, format: formatOfName(name), encoding: "UTF-8", bom: false, delimiter: "," };
  }
  if (typeof dataFile !== "object" || dataFile === null) {
    return refuse("pspp-bad-option", "`dataFile` must be the data file's name or the loaded file's `source` ({name, format, encoding, delimiter}). Fix: pass `data.source`.");
  }
  const name = checkName(Reflect.get(dataFile, "name"));
  const format: unknown = Reflect.get(dataFile, "format");
  if (!isFormat(format)) {
    return refuse("pspp-bad-option", `The format "${visibleText(String(format))}" of ${visibleText(name)} is not one PSPP syntax can be written for. Fix: use "csv", "fixed" (card image) or "sav".`);
  }
  const { encoding, bom } = checkEncoding(Reflect.get(dataFile, "encoding"), format, name);
  const rawDelimiter: unknown = Reflect.get(dataFile, "delimiter");
  let delimiter: CheckedDataFile["delimiter"] = ",";
  if (format === "csv" && rawDelimiter !== undefined) {
    if (typeof rawDelimiter !== "string" || !isDelimiter(rawDelimiter)) {
      return refuse("pspp-bad-option", `The delimiter "${visibleText(String(rawDelimiter))}" of ${visibleText(name)} is not one the loaders detect. Fix: use ",", ";" or "\\t".`);
    }
    delimiter = rawDelimiter;
  }
  return { name, format, encoding, bom, delimiter };
}

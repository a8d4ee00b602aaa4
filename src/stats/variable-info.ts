/**
 * What the statistics need to know about a variable from the codebook: its label, value labels
 * and user-missing codes. Variables absent from the codebook (synthetic or derived columns) get
 * no labels and no user-missing codes; only blanks are missing for them.
 */
import type { Codebook, CodebookVariable } from "../data/codebook";
import { codeTable } from "./code-table";

/** Labels and missing codes of one variable, ready for the kernels. */
export interface VariableInfo {
  name: string;
  /** Short label ("Skole"), else the question text, else the name itself; in `MetaOptions.language`. */
  label: string;
  /** code → label, in `MetaOptions.language`. */
  valueLabels: Map<number, string>;
  /** User-missing codes (SPSS MISSING VALUES); blanks/NaN are always system missing. */
  missing: number[];
  /** The codebook entry, when there is one. */
  entry?: CodebookVariable;
}

/** Options every kernel shares for variable metadata. */
export interface MetaOptions {
  codebook?: Codebook;
  /** Extra or replacement user-missing codes per variable; replaces the codebook's list. */
  missing?: Record<string, number[]>;
  /**
   * The language of labels: "no" (default, as printed) or "en" (the codebook's translation; a label
   * without one stays Norwegian). The tables and charts pass the app's language.
   */
  language?: "no" | "en";
}

/** A bilingual codebook text in `language`; Norwegian where the English one is empty. */
function inLanguage(text: { no: string; en: string }, language: "no" | "en" | undefined): string {
  return language === "en" && text.en ? text.en : text.no;
}

/** Find a variable among the codebook's questionnaire items and derived variables. */
export function findVariable(codebook: Codebook | undefined, name: string): CodebookVariable | undefined {
  if (!codebook) return undefined;
  return codebook.variables.find((v) => v.name === name) ?? codebook.derived?.find((v) => v.name === name);
}

/** Resolve labels and missing codes for `name` from the options. */
export function variableInfo(name: string, options: MetaOptions = {}): VariableInfo {
  const entry = findVariable(options.codebook, name);
  const valueLabels = new Map<number, string>();
  for (const c of entry?.codes ?? []) valueLabels.set(c.code, inLanguage(c, options.language));
  const missing = options.missing?.[name] ?? entry?.missing ?? [];
  const label = entry ? inLanguage(entry.label ?? entry, options.language) : name;
  const info: VariableInfo = { name, label, valueLabels, missing: [...missing] };
  if (entry) info.entry = entry;
  return info;
}

/** The label of a code, falling back to the code itself as text (SPSS prints the value). */
export function valueLabel(info: VariableInfo, code: number): string {
  return info.valueLabels.get(code) ?? String(code);
}

/**
 * A fast membership test for user-missing codes. Survey codes are small integers, so a byte table
 * indexed by the code beats a Set in the inner loops; other values fall back to the list.
 */
export interface MissingTest {
  (value: number): boolean;
}

/** Build the test "is this value missing (system or user)?" for a list of user-missing codes. */
export function missingTest(codes: readonly number[]): MissingTest {
  if (codes.length === 0) return (v) => v !== v;
  const { small, other } = codeTable(codes);
  if (other.length === 0) {
    return (v) => v !== v || (v >= 0 && v < 256 && (v | 0) === v && small[v] === 1);
  }
  return (v) => v !== v || (v >= 0 && v < 256 && (v | 0) === v && small[v] === 1) || other.includes(v);
}

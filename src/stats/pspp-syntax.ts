/**
 * Export an analysis as PSPP (and SPSS) syntax that reproduces it from the data file the app loaded:
 * the read commands for that file (src/stats/pspp/pspp-read-data.ts), MISSING VALUES and labels from
 * the codebook, the filter as SELECT IF, WEIGHT BY, then FREQUENCIES, CROSSTABS /STATISTICS=CHISQ
 * PHI, CORRELATIONS, or Spearman.
 *
 * The syntax is a program the user runs, built from their column names and labels, so nothing from
 * the data reaches it raw: names that are not safe identifiers are renamed (pspp-names.ts), labels,
 * file names and filter descriptions go through pspp-literals.ts, numbers must be finite numbers,
 * and a file name PSPP would run as a command is refused. test/unit/stats/pspp-hostile.test.ts runs
 * a corpus of hostile strings through every slot with the real PSPP.
 *
 * PSPP 1.6 answers NONPAR CORR with "not yet implemented", so Spearman is written as RANK
 * /TIES=MEAN on the complete cases followed by CORRELATIONS — the same ρ and p — with the SPSS
 * NONPAR CORR line kept as a comment.
 */
import type { Codebook } from "../data/codebook";
import { ProblemError } from "../base/result";
import type { Locale } from "../base/locale/locale";
import { psppMessages, type PsppMessages } from "../base/locale/pspp-messages";
import type { FilterCondition } from "../data/filter-condition";
import type { Deletion } from "./pair-sums";
import { findVariable } from "./variable-info";
import { statsError } from "./stats-problem";
import { refuseUnknownOptions, type OptionNames } from "./option-names";
import { checkDataFile, type PsppDataFile } from "./pspp/pspp-data-file";
import { psppComment, psppNumber, psppString, visibleText } from "./pspp/pspp-literals";
import { PsppNames } from "./pspp/pspp-names";
import { cardFields, readDataSyntax, type ExportColumn } from "./pspp/pspp-read-data";

export type { ExportColumn } from "./pspp/pspp-read-data";
export type { PsppDataFile } from "./pspp/pspp-data-file";

export type Analysis =
  | { kind: "frequencies"; variables: string[] }
  | { kind: "crosstabs"; row: string; column: string }
  | { kind: "correlations"; variables: string[]; deletion?: Deletion }
  | { kind: "spearman"; variables: string[]; deletion?: Deletion };

export interface PsppExportOptions {
  codebook?: Codebook;
  /**
   * The data file as loaded — `LoadResult["source"]` ({name, format, encoding, delimiter}) — or a
   * bare file name, read as a comma-separated UTF-8 CSV (a `.sav` or `.dat` name as that format).
   */
  dataFile: string | PsppDataFile;
  /** The CSV header (or .sav variables), in file order: names, or names with formats. Card images use the codebook's card columns. */
  columns: (string | ExportColumn)[];
  where?: FilterCondition[];
  /** Weight column name. */
  weight?: string;
  /** Override user-missing codes, as for the kernels. */
  missing?: Record<string, number[]>;
  /** Print statistics with ten decimals (SET FORMAT / OUTPUT MODIFY), for comparisons. */
  precise?: boolean;
  /**
   * What the figures rest on, written as comments at the top (e.g. that the file is one
   * reconstruction of an ensemble and which figures differ between reconstructions).
   */
  evidence?: string[];
  /** The language of the comments (default English; the commands are the same in both). */
  language?: Locale;
}

/** The options of `stats.psppSyntax` (and the `psppExport` builtin), by name. */
const PSPP_OPTIONS: OptionNames<PsppExportOptions> = { codebook: true, dataFile: true, columns: true, where: true, weight: true, missing: true, precise: true, evidence: true, language: true };

/** PSPP's longest variable label and value label, in bytes. */
const VARIABLE_LABEL_BYTES = 255;
const VALUE_LABEL_BYTES = 120;

function badOption(message: string): never {
  throw new ProblemError({ kind: "pspp-bad-option", message });
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

/** The analyses as given by cell code, checked for shape. */
function checkAnalyses(analyses: unknown): Analysis[] {
  const list: unknown[] = Array.isArray(analyses) ? analyses : [analyses];
  return list.map((a, i): Analysis => {
    const kind: unknown = typeof a === "object" && a !== null ? Reflect.get(a, "kind") : undefined;
    const deletion: unknown = typeof a === "object" && a !== null ? Reflect.get(a, "deletion") : undefined;
    if (deletion !== undefined && deletion !== "pairwise" && deletion !== "listwise") badOption(`Analysis ${i + 1} has deletion "${visibleText(String(deletion))}". Fix: use "pairwise" or "listwise".`);
    const variables: unknown = typeof a === "object" && a !== null ? Reflect.get(a, "variables") : undefined;
    if (kind === "crosstabs") {
      const row: unknown = Reflect.get(Object(a), "row");
      const column: unknown = Reflect.get(Object(a), "column");
      if (typeof row === "string" && typeof column === "string") return { kind, row, column };
    } else if ((kind === "frequencies" || kind === "correlations" || kind === "spearman") && isStringList(variables) && variables.length > 0) {
      return kind === "frequencies" ? { kind, variables } : { kind, variables, ...(deletion === undefined ? {} : { deletion }) };
    }
    return badOption(`Analysis ${i + 1} is not one the PSPP export knows. Fix: use {kind: "frequencies" | "correlations" | "spearman", variables: [...]} or {kind: "crosstabs", row, column}.`);
  });
}

function usedVariables(analyses: readonly Analysis[]): string[] {
  const out: string[] = [];
  for (const a of analyses) {
    if (a.kind === "crosstabs") out.push(a.row, a.column);
    else out.push(...a.variables);
  }
  return [...new Set(out)];
}

/** Finite numbers only: a code is written unquoted, so anything else could be syntax. */
function numbers(values: unknown, what: string): string[] {
  if (!Array.isArray(values)) return badOption(`${what} must be a list of numbers. Fix: pass codes such as [1, 2].`);
  return values.map((v) => psppNumber(v) ?? badOption(`${what} has "${visibleText(String(v))}", which is not a number. Fix: pass numeric codes only.`));
}

function pairs(vars: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let a = 0; a < vars.length; a++) for (let b = a + 1; b < vars.length; b++) out.push([vars[a] ?? "", vars[b] ?? ""]);
  return out;
}

function analysisSyntax(a: Analysis, names: PsppNames, words: PsppMessages): string[] {
  const n = (v: string): string => names.get(v) ?? v;
  switch (a.kind) {
    case "frequencies":
      return [`FREQUENCIES /VARIABLES=${a.variables.map(n).join(" ")} /FORMAT=AVALUE.`];
    case "crosstabs":
      return [`CROSSTABS /TABLES=${n(a.row)} BY ${n(a.column)} /STATISTICS=CHISQ PHI /CELLS=COUNT ROW COLUMN TOTAL EXPECTED.`];
    case "correlations":
      return [`CORRELATIONS /VARIABLES=${a.variables.map(n).join(" ")} /PRINT=TWOTAIL NOSIG /MISSING=${(a.deletion ?? "pairwise").toUpperCase()}.`];
    case "spearman": {
      const deletion = a.deletion ?? "pairwise";
      const vars = a.variables.map(n);
      const lines = [
        psppComment(words.psppSpssOnly(`NONPAR CORR /VARIABLES=${vars.join(" ")} /PRINT=SPEARMAN TWOTAIL NOSIG /MISSING=${deletion.toUpperCase()}`)),
        psppComment(words.psppNoNonparCorr),
      ];
      for (const set of deletion === "listwise" ? [vars] : pairs(vars)) {
        const ranks = set.map((v) => names.fresh(`rk_${v}`.slice(0, 60)));
        lines.push(
          "TEMPORARY.",
          `SELECT IF NOT (${set.map((v) => `MISSING(${v})`).join(" OR ")}).`,
          `RANK VARIABLES=${set.join(" ")} /RANK INTO ${ranks.join(" ")} /TIES=MEAN /PRINT=NO.`,
          `CORRELATIONS /VARIABLES=${ranks.join(" ")} /PRINT=TWOTAIL NOSIG.`,
        );
      }
      return lines;
    }
  }
}

/** Missing values and labels of one variable from the codebook (or the `missing` override). */
function dictionarySyntax(v: string, options: PsppExportOptions, names: PsppNames, words: PsppMessages): string[] {
  const name = names.get(v) ?? v;
  const entry = findVariable(options.codebook, v);
  const missing = numbers(options.missing?.[v] ?? entry?.missing ?? [], `The missing codes of ${visibleText(v)}`);
  const out: string[] = [];
  // PSPP takes at most three discrete missing values per variable; say so rather than drop codes silently.
  if (missing.length > 3) out.push(psppComment(words.psppTooManyMissing(name, missing.length)));
  if (missing.length > 0) out.push(`MISSING VALUES ${name} (${missing.slice(0, 3).join(", ")}).`);
  if (!entry) return out;
  const label: unknown = entry.label?.no ?? entry.no;
  if (typeof label === "string") out.push(`VARIABLE LABELS ${name} ${psppString(label, VARIABLE_LABEL_BYTES)}.`);
  const labelled = entry.codes.flatMap((c) => {
    const code = psppNumber(c.code);
    return code !== undefined && typeof c.no === "string" ? [`${code} ${psppString(c.no, VALUE_LABEL_BYTES)}`] : [];
  });
  if (labelled.length < entry.codes.length) out.push(psppComment(words.psppLabelsLeftOut(name, entry.codes.length - labelled.length)));
  if (labelled.length > 0) out.push(`VALUE LABELS ${name} ${labelled.join(" ")}.`);
  return out;
}

function filterSyntax(where: unknown, names: PsppNames, words: PsppMessages): string[] {
  if (where === undefined) return [];
  if (!Array.isArray(where)) return badOption("`where` must be a list of {variable, codes}. Fix: pass `sel.conditions`.");
  if (where.length === 0) return [];
  const out: string[] = [];
  const conditions = where.map((w: unknown) => {
    const variable: unknown = typeof w === "object" && w !== null ? Reflect.get(w, "variable") : undefined;
    const label: unknown = typeof w === "object" && w !== null ? Reflect.get(w, "label") : undefined;
    if (typeof variable !== "string") return badOption("A filter condition has no variable name. Fix: pass `sel.conditions`.");
    const name = names.get(variable) ?? variable;
    const codes = numbers(Reflect.get(Object(w), "codes"), `The filter on ${visibleText(variable)}`);
    if (typeof label === "string") out.push(psppComment(words.psppFilter(visibleText(label, 200))));
    if (codes.length === 0) return "0";
    return `(${codes.map((c) => `${name} = ${c}`).join(" OR ")})`;
  });
  out.push(`SELECT IF ${conditions.join(" AND ")}.`);
  return out;
}

/** PSPP syntax reproducing `analyses` on the data file described by `options`. Throws a ProblemError (with the fix) on input it cannot write safely. */
export function psppSyntax(analyses: Analysis | Analysis[], options: PsppExportOptions): string {
  const list = checkAnalyses(analyses);
  refuseUnknownOptions("stats.psppSyntax", options, PSPP_OPTIONS);
  const file = checkDataFile(options.dataFile);
  if (!Array.isArray(options.columns)) badOption("`columns` must list the file's columns. Fix: pass `data.table.columnNames()`.");
  const given = options.columns.map((c) => (typeof c === "string" ? { name: c } : c));
  if (given.some((c) => typeof c.name !== "string")) badOption("Every entry of `columns` must be a name or {name, format}. Fix: pass `data.table.columnNames()`.");
  const columns: ExportColumn[] = file.format === "fixed" ? cardFields(options.codebook).map((f) => ({ name: f.name })) : given;
  const names = new PsppNames(columns.map((c) => c.name));
  const words = psppMessages[options.language === "nb" ? "nb" : "en"];
  const weight: unknown = options.weight;
  if (weight !== undefined && typeof weight !== "string") badOption("`weight` must be a column name. Fix: pass the weight column's name.");
  const whereVariables = Array.isArray(options.where) ? options.where.map((w: unknown) => (typeof w === "object" && w !== null ? Reflect.get(w, "variable") : undefined)) : [];
  const used = [...usedVariables(list), ...whereVariables.filter((v): v is string => typeof v === "string"), ...(weight ? [weight] : [])];
  const absent = [...new Set(used.filter((v) => names.get(v) === undefined))];
  if (absent.length) {
    const where = file.format === "fixed" ? "on the card image (the codebook's card columns)" : "among the CSV columns";
    throw statsError("unknown-variable", `The export uses ${absent.map((v) => visibleText(v)).join(", ")}, which ${absent.length === 1 ? "is" : "are"} not ${where}; add them to \`columns\` or drop them from the analysis.`, { absent });
  }
  const out: string[] = [
    psppComment(words.psppExported),
    psppComment(words.psppData(visibleText(file.name, 200), file.format === "csv" ? words.psppCsv(file.delimiter === "\t" ? words.psppTab : file.delimiter, file.encoding) : file.format === "fixed" ? words.psppCard(file.encoding) : words.psppSav)),
    ...(Array.isArray(options.evidence) ? options.evidence.filter((line): line is string => typeof line === "string").map((line) => psppComment(visibleText(line, 400))) : []),
    ...readDataSyntax(file, columns, names, options.codebook, words),
  ];
  for (const v of usedVariables(list)) out.push(...dictionarySyntax(v, options, names, words));
  if (options.precise) {
    out.push("SET FORMAT=F40.10.", "OUTPUT MODIFY /SELECT TABLES /TABLECELLS SELECT=[RESIDUAL CORRELATIONS PERCENT SIGNIFICANCE COUNT] FORMAT=F40.10.");
  }
  out.push(...filterSyntax(options.where, names, words));
  if (weight) out.push(`WEIGHT BY ${names.get(weight) ?? weight}.`);
  for (const a of list) out.push(...analysisSyntax(a, names, words));
  return out.join("\n") + "\n";
}

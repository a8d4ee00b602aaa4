/**
 * Export an analysis as PSPP (and SPSS) syntax that reproduces it from the data file: GET DATA,
 * MISSING VALUES and VALUE LABELS from the codebook, the filter as SELECT IF, WEIGHT BY, then
 * FREQUENCIES, CROSSTABS /STATISTICS=CHISQ PHI, CORRELATIONS, or Spearman.
 *
 * PSPP 1.6 answers NONPAR CORR with "not yet implemented", so Spearman is written as RANK
 * /TIES=MEAN on the complete cases followed by CORRELATIONS — the same ρ and p — with the SPSS
 * NONPAR CORR line kept as a comment. test/unit/stats/pspp-syntax.test.ts runs the export through
 * PSPP (when installed) and compares with the TypeScript results.
 */
import type { Codebook } from "../data/codebook";
import type { FilterCondition } from "../data/filter-condition";
import type { Deletion } from "./pair-sums";
import { findVariable } from "./variable-info";
import { statsError } from "./stats-problem";

export type Analysis =
  | { kind: "frequencies"; variables: string[] }
  | { kind: "crosstabs"; row: string; column: string }
  | { kind: "correlations"; variables: string[]; deletion?: Deletion }
  | { kind: "spearman"; variables: string[]; deletion?: Deletion };

/** A column of the CSV file in file order; `format` is a PSPP input format (F8.2, A40 …). */
export interface ExportColumn {
  name: string;
  format?: string;
}

export interface PsppExportOptions {
  codebook?: Codebook;
  /** Path of the CSV file as PSPP should open it. */
  dataFile: string;
  /** The CSV header, in order (names, or names with formats). */
  columns: (string | ExportColumn)[];
  where?: FilterCondition[];
  /** Weight column name. */
  weight?: string;
  /** Override user-missing codes, as for the kernels. */
  missing?: Record<string, number[]>;
  /** Print statistics with ten decimals (SET FORMAT / OUTPUT MODIFY), for comparisons. */
  precise?: boolean;
}

const TEXT_COLUMNS = new Set(["name", "provenance", "fylke_name", "note", "source_table", "model"]);

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function inputFormat(col: ExportColumn, codebook: Codebook | undefined): string {
  if (col.format) return col.format;
  if (TEXT_COLUMNS.has(col.name)) return "A80";
  const entry = findVariable(codebook, col.name);
  if (entry && (entry.kind === "categorical" || entry.kind === "dichotomy" || entry.kind === "id")) return "F8.0";
  return "F10.2";
}

function usedVariables(analyses: readonly Analysis[]): string[] {
  const out: string[] = [];
  for (const a of analyses) {
    if (a.kind === "crosstabs") out.push(a.row, a.column);
    else out.push(...a.variables);
  }
  return [...new Set(out)];
}

function analysisSyntax(a: Analysis, index: number): string[] {
  switch (a.kind) {
    case "frequencies":
      return [`FREQUENCIES /VARIABLES=${a.variables.join(" ")} /FORMAT=AVALUE.`];
    case "crosstabs":
      return [`CROSSTABS /TABLES=${a.row} BY ${a.column} /STATISTICS=CHISQ PHI /CELLS=COUNT ROW COLUMN TOTAL EXPECTED.`];
    case "correlations":
      return [`CORRELATIONS /VARIABLES=${a.variables.join(" ")} /PRINT=TWOTAIL NOSIG /MISSING=${(a.deletion ?? "pairwise").toUpperCase()}.`];
    case "spearman": {
      const deletion = a.deletion ?? "pairwise";
      const lines = [
        `* SPSS: NONPAR CORR /VARIABLES=${a.variables.join(" ")} /PRINT=SPEARMAN TWOTAIL NOSIG /MISSING=${deletion.toUpperCase()}.`,
        "* PSPP 1.6 lacks NONPAR CORR: rank the complete cases (ties get mean ranks) and correlate the ranks.",
      ];
      const sets = deletion === "listwise" ? [a.variables] : pairs(a.variables);
      sets.forEach((vars, s) => {
        const ranks = vars.map((_, j) => `rk${index}_${s}_${j}`);
        lines.push(
          "TEMPORARY.",
          `SELECT IF NOT (${vars.map((v) => `MISSING(${v})`).join(" OR ")}).`,
          `RANK VARIABLES=${vars.join(" ")} /RANK INTO ${ranks.join(" ")} /TIES=MEAN /PRINT=NO.`,
          `CORRELATIONS /VARIABLES=${ranks.join(" ")} /PRINT=TWOTAIL NOSIG.`,
        );
      });
      return lines;
    }
  }
}

function pairs(vars: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let a = 0; a < vars.length; a++) for (let b = a + 1; b < vars.length; b++) out.push([vars[a] ?? "", vars[b] ?? ""]);
  return out;
}

/** PSPP syntax reproducing `analyses` on the CSV file described by `options`. */
export function psppSyntax(analyses: Analysis | Analysis[], options: PsppExportOptions): string {
  const list = Array.isArray(analyses) ? analyses : [analyses];
  const columns = options.columns.map((c) => (typeof c === "string" ? { name: c } : c));
  const known = new Set(columns.map((c) => c.name));
  const used = [...usedVariables(list), ...(options.where ?? []).map((w) => w.variable), ...(options.weight ? [options.weight] : [])];
  const absent = used.filter((v) => !known.has(v));
  if (absent.length) {
    throw statsError("unknown-variable", `The export uses ${absent.join(", ")}, which are not among the CSV columns; add them to \`columns\`.`, { absent });
  }
  const out: string[] = [
    "* Exported by Tverrsnitt: reproduces the analysis in PSPP (pspp file.sps) or SPSS.",
    `GET DATA /TYPE=TXT /FILE=${quote(options.dataFile)} /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2`,
    '  /DELIMITERS=","',
    `  /VARIABLES=${columns.map((c) => `${c.name} ${inputFormat(c, options.codebook)}`).join("\n    ")}.`,
  ];
  for (const v of usedVariables(list)) {
    const entry = findVariable(options.codebook, v);
    const missing = options.missing?.[v] ?? entry?.missing ?? [];
    // PSPP takes at most three discrete missing values per variable; say so rather than drop codes silently.
    if (missing.length > 3) out.push(`* ${v} has ${missing.length} missing codes; only the first three fit MISSING VALUES.`);
    if (missing.length > 0) out.push(`MISSING VALUES ${v} (${missing.slice(0, 3).join(", ")}).`);
    if (entry) out.push(`VARIABLE LABELS ${v} ${quote((entry.label?.no ?? entry.no).slice(0, 250))}.`);
    if (entry && entry.codes.length > 0) {
      out.push(`VALUE LABELS ${v} ${entry.codes.map((c) => `${c.code} ${quote(c.no)}`).join(" ")}.`);
    }
  }
  if (options.precise) {
    out.push("SET FORMAT=F40.10.", "OUTPUT MODIFY /SELECT TABLES /TABLECELLS SELECT=[RESIDUAL CORRELATIONS PERCENT SIGNIFICANCE COUNT] FORMAT=F40.10.");
  }
  if (options.where && options.where.length > 0) {
    const cond = options.where.map((w) => `(${w.codes.map((c) => `${w.variable} = ${c}`).join(" OR ")})`).join(" AND ");
    out.push(`SELECT IF ${cond}.`);
  }
  if (options.weight) out.push(`WEIGHT BY ${options.weight}.`);
  list.forEach((a, i) => out.push(...analysisSyntax(a, i)));
  return out.join("\n") + "\n";
}

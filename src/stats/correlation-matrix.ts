/**
 * A correlation matrix over chosen variables (Pearson or Spearman), pairwise or listwise deletion,
 * each cell with r, n, p and SPSS's significance marks (* p < .05, ** p < .01). With `fdr: true`
 * the marks use Benjamini–Hochberg q-values over the matrix's distinct pairs instead.
 */
import { kernelInput, sourceOf, type StatsData } from "./kernel-input";
import { PAIR_OPTIONS } from "./pair-input";
import type { OptionNames } from "./option-names";
import { onEach } from "./each-data";
import type { ColumnSource } from "./column-cache";
import { rounded, withPicture } from "./result-picture";
import { makeAudit, type Audit } from "./audit";
import { formatNumber, messages, type Locale } from "../base/locale/locale";
import { kernelReasonText } from "../base/locale/reason-messages";
import { benjaminiHochberg, significanceMark } from "./fdr";
import { correlationFromSums, undefinedCorrelation, type Correlation, type CorrelationOptions } from "./pearson";
import { excludedFromSums, missingCodes, pairIndex, pairSums, type Deletion, type MissingCodes } from "./pair-sums";
import { completeCases, spearmanOfArrays } from "./spearman";
import { prepareFrame } from "./select-rows";
import { statsError } from "./stats-problem";
import { variableInfo } from "./variable-info";
import { resolveWeights } from "./weights";

export interface CorrelationCell extends Correlation {
  /** BH-adjusted p when `fdr` is on, else null. */
  q: number | null;
  mark: "" | "*" | "**";
}

export interface CorrelationMatrix {
  method: "pearson" | "spearman";
  deletion: Deletion;
  variables: string[];
  labels: string[];
  /** cells[a][b]; the diagonal has r = 1 with n = valid cases of the variable (null r if constant). */
  cells: CorrelationCell[][];
  fdr: boolean;
  /** Rows complete on every variable (the N under listwise deletion). */
  complete: number;
  notes: string[];
  audit: Audit;
}

export interface CorrelationMatrixOptions extends CorrelationOptions {
  method?: "pearson" | "spearman";
  deletion?: Deletion;
  /** Mark significance by Benjamini–Hochberg q instead of raw p. */
  fdr?: boolean;
}

/** The options of `stats.correlationMatrix`, by name (its weight is refused first, with what to do instead). */
const MATRIX_OPTIONS: OptionNames<CorrelationMatrixOptions> = { ...PAIR_OPTIONS, method: true, deletion: true, fdr: true };

/**
 * Correlation matrix of `variables` (SPSS CORRELATIONS / NONPAR CORR): r (or ρ), n and two-sided p
 * per pair, pairwise or listwise deletion, significance marks (* p < .05, ** p < .01), optionally by
 * Benjamini–Hochberg q-values (`fdr: true`).
 * @param data the rows: `selection`, `survey`, an Arquero table or columns
 * @param variables two or more variable names
 * @example stats.correlationMatrix(selection, ["q30_5", "q6", "q11", "q23"], {method: "spearman", fdr: true})
 */
export function correlationMatrix(data: StatsData, variables: readonly string[], options: CorrelationMatrixOptions = {}): CorrelationMatrix {
  const run = matrixPlan(data, variables, options);
  return run(sourceOf(data));
}

/**
 * `correlationMatrix` on each dataset (the same filter on every reconstruction), the arguments
 * checked once: result i is `correlationMatrix(data[i], …)`. A Pearson matrix without `fdr` computes
 * each p (and its mark) when first read: the evidence of a figure reads one field on every
 * reconstruction, most often r (03's heatmap), and the t tail of every pair was most of the work.
 */
export function correlationMatrixEach(data: readonly StatsData[], variables: readonly string[], options: CorrelationMatrixOptions = {}): CorrelationMatrix[] {
  return onEach(data, (first) => matrixPlan(first, variables, options, true), (d) => correlationMatrix(d, variables, options));
}

/** The arguments checked, the codebook and missing codes read, once: then the matrix of one dataset's rows. */
function matrixPlan(data: StatsData, given: readonly string[], options: CorrelationMatrixOptions, testsOnRead = false): (source: ColumnSource) => CorrelationMatrix {
  // `stats.correlationMatrix(selection, "q3", "q7")` is the likely slip: say so before the options check does.
  if (typeof given === "string") throw statsError("bad-input", `the variables (2nd argument) are a list of names in [ ], e.g. ["q3", "q7"]; it got the text "${given}".`, {}, "stats.correlationMatrix");
  const input = kernelInput("stats.correlationMatrix", data, options, MATRIX_OPTIONS, "For one weighted pair, use stats.pearson(selection, x, y, {weight: w.weights}).");
  const variables = input.variables(given, "the variables (2nd argument)", 2);
  const checked = input.options;
  const method = checked.method ?? "pearson";
  const deletion = checked.deletion ?? "pairwise";
  if (method !== "pearson" && method !== "spearman") throw statsError("bad-input", `method is "pearson" or "spearman", not ${JSON.stringify(method)}.`, { method }, "stats.correlationMatrix");
  if (deletion !== "pairwise" && deletion !== "listwise") throw statsError("bad-input", `deletion is "pairwise" or "listwise", not ${JSON.stringify(deletion)}.`, { deletion }, "stats.correlationMatrix");
  const infos = variables.map((v) => variableInfo(v, checked));
  const ms = infos.map((i) => missingCodes(i.missing));
  // With fdr every q needs every p at once: those stay computed now.
  const pOnRead = testsOnRead && method === "pearson" && checked.fdr !== true;
  const plan: MatrixPlan = { variables, options: checked, method, deletion, labels: infos.map((i) => i.label), ms, locale: input.locale, pOnRead };
  return (source) => matrixOn(plan, source);
}

interface MatrixPlan {
  readonly variables: readonly string[];
  readonly options: CorrelationMatrixOptions;
  readonly method: "pearson" | "spearman";
  readonly deletion: Deletion;
  readonly labels: readonly string[];
  readonly ms: MissingCodes[];
  readonly locale: Locale;
  /** Each pair's p and mark computed when first read (`correlationMatrixEach`'s Pearson matrices without fdr). */
  readonly pOnRead: boolean;
}

function matrixOn(plan: MatrixPlan, source: ColumnSource): CorrelationMatrix {
  const { variables, options, method, deletion, ms, pOnRead } = plan;
  const { frame, filters, disclosureSensitive } = prepareFrame(source, options);
  const cols = variables.map((v) => frame.column(v));
  const { w, name: weightName } = resolveWeights(frame, method === "pearson" ? options.weight : undefined);
  const sums = pairSums(frame, cols, ms, deletion, w);
  const k = variables.length;

  const pair: Correlation[] = [];
  let listwiseCols: Float64Array[] | null = null;
  if (method === "spearman" && deletion === "listwise") listwiseCols = completeCases(frame, cols, ms);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const names: [string, string] = [variables[a] ?? "", variables[b] ?? ""];
      if (method === "pearson") {
        const p = pairIndex(k, a, b);
        pair.push(correlationFromSums(sums.n[p] ?? 0, sums.sx[p] ?? 0, sums.sy[p] ?? 0, sums.sxx[p] ?? 0, sums.syy[p] ?? 0, sums.sxy[p] ?? 0, names, pOnRead));
      } else {
        const [x, y] = listwiseCols ? [listwiseCols[a], listwiseCols[b]] : completeCases(frame, [cols[a] ?? new Float64Array(0), cols[b] ?? new Float64Array(0)], [ms[a] ?? missingCodes([]), ms[b] ?? missingCodes([])]);
        pair.push(spearmanOfArrays(x ?? new Float64Array(0), y ?? new Float64Array(0), names));
      }
    }
  }
  const q = options.fdr ? benjaminiHochberg(pair.map((c) => c.p)) : pair.map(() => null);

  const cells: CorrelationCell[][] = [];
  for (let a = 0; a < k; a++) {
    const row: CorrelationCell[] = [];
    for (let b = 0; b < k; b++) {
      if (a === b) {
        const n = sums.valid[a] ?? 0;
        row.push(n > 0 ? { r: 1, n, p: null, q: null, mark: "" } : matrixCell(undefinedCorrelation(null, n, { kind: "no-valid-cases", variable: variables[a] ?? "" }), null, ""));
        continue;
      }
      const p = pairIndex(k, Math.min(a, b), Math.max(a, b));
      const c = pair[p] ?? { r: null, n: 0, p: null };
      const qv = q[p] ?? null;
      row.push(pOnRead ? cellWithPOnRead(c) : matrixCell(c, qv, significanceMark(options.fdr ? qv : c.p)));
    }
    cells.push(row);
  }

  const locale = plan.locale;
  const words = messages[locale];
  const notes: string[] = [];
  if (method === "spearman" && options.weight !== undefined) notes.push(words.spearmanUnweighted);
  if (frame.n === 0) notes.push(words.noRowsForCorrelations);
  const undefinedPairs = pair.filter((c) => c.r === null);
  if (undefinedPairs.length > 0) notes.push(words.pairsWithoutR(formatNumber(locale, undefinedPairs.length), undefinedPairs.map((c) => kernelReasonText(words, c, words.noData)).join("; ")));
  if (options.fdr) notes.push(words.fdrMarks(formatNumber(locale, pair.filter((c) => c.p !== null).length)));

  const audit = makeAudit({
    locale,
    n: frame.n,
    base: deletion === "listwise" ? sums.complete : Math.min(...pair.map((c) => c.n), frame.n),
    baseLabel: deletion === "listwise" ? messages[locale].baseCompleteCases : messages[locale].baseSmallestPairwise,
    filters,
    excluded: excludedFromSums(variables, sums),
    weight: weightName,
    test: messages[locale].matrixTest(method === "pearson" ? "Pearson r" : "Spearman ρ", deletion, options.fdr === true),
    disclosureSensitive,
  });
  const matrix: CorrelationMatrix = { method, deletion, variables: [...variables], labels: [...plan.labels], cells, fdr: options.fdr === true, complete: sums.complete, notes, audit };
  return withPicture(matrix, matrixPicture);
}

/**
 * A matrix cell: the pair's correlation, then its q and mark. A reason stays unwritten until read:
 * spreading the correlation would write it, in every cell without r on every reconstruction (a
 * county's matrix has many). A plain literal keeps the spread's key order wherever it runs.
 */
function matrixCell(c: Correlation, q: number | null, mark: CorrelationCell["mark"]): CorrelationCell {
  if (!c.why) return { ...c, q, mark };
  const why = c.why;
  return {
    r: c.r, n: c.n, p: c.p,
    get reason() {
      return c.reason;
    },
    why, q, mark,
  };
}

/** A matrix cell (no fdr) whose p and mark are read from the correlation only when asked for. */
function cellWithPOnRead(c: Correlation): CorrelationCell {
  if (c.why) return matrixCell(c, null, "");
  return {
    r: c.r, n: c.n,
    get p() {
      return c.p;
    },
    q: null,
    get mark() {
      return significanceMark(c.p);
    },
  };
}

/** The inspector's picture: r with its mark and n, one line per variable. */
function matrixPicture(m: CorrelationMatrix): Record<string, unknown> {
  const cell = (c: CorrelationCell): string => (c.r === null ? `– (n ${c.n})` : `${rounded(c.r)}${c.mark} (n ${c.n})`);
  return {
    correlationMatrix: `${m.method === "pearson" ? "Pearson r" : "Spearman ρ"}, ${m.deletion}${m.fdr ? ", marks by BH q" : ""}`,
    variables: m.variables.map((v, i) => `${v} ${m.labels[i] ?? ""}`.trim()).join(" · "),
    r: Object.fromEntries(m.variables.map((v, a) => [v, (m.cells[a] ?? []).map(cell).join(" · ")])),
    notes: m.notes,
    audit: m.audit.line,
    fields: "cells[a][b] ({r, n, p, q, mark, reason}), variables, labels, complete · as a table: tables.correlations(result)",
  };
}

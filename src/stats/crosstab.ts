/**
 * CROSSTABS: counts with row, column and total percentages and expected counts, Pearson χ² (with
 * likelihood ratio and linear-by-linear), φ and Cramér's V, value labels on both axes, and the
 * SPSS footnote when expected counts fall below 5. A row is in the table when both variables are
 * valid (user-missing codes and blanks are left out, listed in the audit).
 */
import type { StatsData } from "./kernel-input";
import { PAIR_OPTIONS, pairInput, type PairOptions } from "./pair-input";
import type { OptionNames } from "./option-names";
import { rounded, withPicture } from "./result-picture";
import { makeAudit, pClause, type Audit, type ExcludedMissing } from "./audit";
import { formatNumber, formatPercent, messages } from "../base/locale/locale";
import { kernelReasonText } from "../base/locale/reason-messages";
import { chiSquareTests, type ChiSquareTests } from "./chi-square";
import { cramersV, type AssociationMeasures } from "./cramers-v";
import { countPairs } from "./contingency";
import { missingTest, valueLabel } from "./variable-info";

export interface CrosstabCell {
  count: number;
  expected: number | null;
  rowPercent: number | null;
  columnPercent: number | null;
  totalPercent: number | null;
}

export interface Category {
  code: number;
  label: string;
}

export interface ExpectedWarning {
  /** Cells with expected count < 5. */
  cells: number;
  /** Their share of all cells, 0–1. */
  share: number;
  minExpected: number;
  /** SPSS's footnote wording. */
  message: string;
}

export interface Crosstab {
  rowVariable: string;
  columnVariable: string;
  rowLabel: string;
  columnLabel: string;
  rows: Category[];
  columns: Category[];
  /** cells[i][j] for rows[i] × columns[j]. */
  cells: CrosstabCell[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
  tests: ChiSquareTests;
  measures: AssociationMeasures;
  expectedWarning: ExpectedWarning | null;
  notes: string[];
  audit: Audit;
}

export interface CrosstabOptions extends PairOptions {
  /** Also show codebook codes nobody chose (as empty rows/columns; they do not enter χ²). */
  allCodes?: boolean;
}

/** The options of `stats.crosstab`, by name. */
const CROSSTAB_OPTIONS: OptionNames<CrosstabOptions> = { ...PAIR_OPTIONS, allCodes: true };

/**
 * Crosstabulate `rowVariable` (rows) by `columnVariable` (columns), as SPSS CROSSTABS: counts,
 * row, column and total percentages, expected counts, Pearson χ² (with likelihood ratio and
 * linear-by-linear), φ and Cramér's V, and SPSS's warning when expected counts fall below 5. Labels
 * and missing codes come from the codebook of `data` (the `selection` or `survey`).
 * @param data the rows: `selection`, `survey`, an Arquero table or columns
 * @param rowVariable the variable down the side, e.g. "size_class"
 * @param columnVariable the variable across the top, e.g. "q20"
 * @example stats.crosstab(selection, "size_class", "q20")
 */
export function crosstab(data: StatsData, rowVariable: string, columnVariable: string, options: CrosstabOptions = {}): Crosstab {
  const input = pairInput("stats.crosstab", data, rowVariable, columnVariable, options, CROSSTAB_OPTIONS, ["the row variable (2nd argument)", "the column variable (3rd argument)"]);
  ({ x: rowVariable, y: columnVariable, options } = input);
  const { frame, filters, disclosureSensitive, xi, yi, w, weightName } = input;
  const pairs = countPairs(frame, frame.column(rowVariable), frame.column(columnVariable), w);
  const xMiss = missingTest(xi.missing);
  const yMiss = missingTest(yi.missing);

  const rowSet = new Set(pairs.xValues.filter((v) => !xMiss(v)));
  const colSet = new Set(pairs.yValues.filter((v) => !yMiss(v)));
  if (options.allCodes) {
    for (const c of xi.valueLabels.keys()) if (!xMiss(c)) rowSet.add(c);
    for (const c of yi.valueLabels.keys()) if (!yMiss(c)) colSet.add(c);
  }
  const rowCodes = [...rowSet].sort((a, b) => a - b);
  const colCodes = [...colSet].sort((a, b) => a - b);
  const counts = rowCodes.map((x) => colCodes.map((y) => pairs.get(x, y)));
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const columnTotals = colCodes.map((_, j) => counts.reduce((a, r) => a + (r[j] ?? 0), 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);

  const pct = (k: number, base: number): number | null => (base > 0 ? (100 * k) / base : null);
  const cells = counts.map((r, i) =>
    r.map((count, j) => {
      const rt = rowTotals[i] ?? 0;
      const ct = columnTotals[j] ?? 0;
      return {
        count,
        expected: total > 0 ? (rt * ct) / total : null,
        rowPercent: pct(count, rt),
        columnPercent: pct(count, ct),
        totalPercent: pct(count, total),
      };
    }),
  );

  const tests = chiSquareTests(counts, rowCodes, colCodes);
  const measures = cramersV(tests);

  // SPSS counts cells of the table it tests: rows and columns with a non-zero margin.
  let small = 0;
  let tested = 0;
  let minExpected = Number.POSITIVE_INFINITY;
  cells.forEach((r, i) =>
    r.forEach((c, j) => {
      if ((rowTotals[i] ?? 0) === 0 || (columnTotals[j] ?? 0) === 0 || c.expected === null) return;
      tested++;
      if (c.expected < 5) small++;
      minExpected = Math.min(minExpected, c.expected);
    }),
  );
  const expectedWarning: ExpectedWarning | null =
    small > 0
      ? {
          cells: small,
          share: small / tested,
          minExpected,
          message: messages[input.locale].expectedCountWarning(small, formatPercent(input.locale, (100 * small) / tested, 1), formatNumber(input.locale, minExpected, 2)),
        }
      : null;

  const notes: string[] = [];
  const noteWords = messages[input.locale];
  if (frame.n === 0) notes.push(noteWords.noRowsSelected("crosstab"));
  else if (total === 0) notes.push(noteWords.noValidBoth(rowVariable, columnVariable));
  if (expectedWarning) notes.push(noteWords.chiUnreliable(expectedWarning.message));

  const excluded = (variable: string, values: number[], miss: (v: number) => boolean, isRow: boolean): ExcludedMissing => {
    const userMissing: { code: number; count: number }[] = [];
    let systemMissing = 0;
    for (const v of values) {
      if (!miss(v)) continue;
      let k = 0;
      for (const o of isRow ? pairs.yValues : pairs.xValues) k += isRow ? pairs.get(v, o) : pairs.get(o, v);
      if (Number.isNaN(v)) systemMissing += k;
      else userMissing.push({ code: v, count: k });
    }
    return { variable, userMissing, systemMissing };
  };

  const p = tests.pearson;
  const locale = input.locale;
  const words = messages[locale];
  const audit = makeAudit({
    locale,
    n: frame.n,
    base: total,
    baseLabel: words.baseValidBoth(rowVariable, columnVariable),
    filters,
    excluded: [excluded(rowVariable, pairs.xValues, xMiss, true), excluded(columnVariable, pairs.yValues, yMiss, false)],
    weight: weightName,
    test: p.value === null ? words.notComputed("Pearson χ²", kernelReasonText(words, p, "undefined")) : `Pearson χ²(${p.df}) = ${formatNumber(locale, p.value, 2)}, ${pClause(p.p, locale)}`,
    disclosureSensitive,
  });

  const result: Crosstab = {
    rowVariable,
    columnVariable,
    rowLabel: xi.label,
    columnLabel: yi.label,
    rows: rowCodes.map((code) => ({ code, label: valueLabel(xi, code) })),
    columns: colCodes.map((code) => ({ code, label: valueLabel(yi, code) })),
    cells,
    rowTotals,
    columnTotals,
    total,
    tests,
    measures,
    expectedWarning,
    notes,
    audit,
  };
  return withPicture(result, crosstabPicture);
}

/** The inspector's picture: the counts row by row, the test, the warning and where to read more. */
function crosstabPicture(ct: Crosstab): Record<string, unknown> {
  return {
    crosstab: `${ct.rowVariable} × ${ct.columnVariable} (${ct.rowLabel} × ${ct.columnLabel})`,
    columns: ct.columns.map((c) => `${c.code} ${c.label}`).join(" · "),
    counts: Object.fromEntries(ct.rows.map((r, i) => [`${r.code} ${r.label}`, `${(ct.cells[i] ?? []).map((c) => c.count).join(" · ")} | ${ct.rowTotals[i] ?? 0}`])),
    columnTotals: `${ct.columnTotals.join(" · ")} | ${ct.total}`,
    test: ct.audit.test,
    cramersV: rounded(ct.measures.cramersV),
    expectedWarning: ct.expectedWarning?.message ?? null,
    notes: ct.notes,
    audit: ct.audit.line,
    fields: "rows, columns, cells[i][j] ({count, rowPercent, columnPercent, totalPercent, expected}), rowTotals, columnTotals, tests.pearson, measures.cramersV, expectedWarning · as a table: tables.crosstab(result)",
  };
}

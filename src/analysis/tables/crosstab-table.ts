/**
 * A crosstab as SPSS prints CROSSTABS: one block of rows per row category (count, then the chosen
 * percentages and expected counts), a Total column and row, value labels from the codebook, and
 * under it the tests — Pearson χ², df, p, Cramér's V — with the expected-count warning when χ² may
 * be unreliable. Counts go through the disclosure guard (shown-counts.ts); a hidden count hides its
 * percentages, and a hidden total the percentages computed on it. A table that hides a count shows
 * no test: χ² and V are a function of every cell, and with the margins shown one χ² to two decimals
 * singled out every hidden cell of q1 by size class (test/unit/attack-hidden-cells-tests.test.ts).
 */
import { pClause } from "../../stats/audit";
import type { Crosstab } from "../../stats/crosstab";
import type { WithEvidence } from "../evidence/across-draws";
import { FigureMarks } from "./figure-marks";
import { ShownCounts, type AuditIds } from "./shown-counts";
import { element, formatCount, formatNumber, percentUnit, tableFigure, tableRow } from "./table-dom";
import { DEFAULT_LOCALE, messages, type Locale } from "../../base/locale/locale";
import { kernelReasonText } from "../../base/locale/reason-messages";

/** What a crosstab cell can show besides its count. */
export type CrosstabStatistic = "count" | "row" | "column" | "total" | "expected";

/** The percentages a crosstab can show. */
export const CROSSTAB_PERCENTS = ["row", "column", "total"] as const;

/** How a crosstab table is drawn (normalised by tables.crosstab). */
export interface CrosstabTableOptions {
  /** A line above the table (the selection's message, the data notice). */
  notice?: string;
  /** Statistics per category, in order (count first when shown). */
  statistics: CrosstabStatistic[];
  /** Caption; default "row label × column label". */
  caption?: string;
  /** Decimals of percentages and expected counts (default 1). */
  decimals: number;
  /** Mask counts of 1–2 ("< 3") and what would give them back. */
  mask: boolean;
  /** What each figure of the result rests on (computed on a selection or survey; see evidence/). */
  evidence?: WithEvidence<unknown>;
  /** The audit's line naming the variables the reconstruction drew, and for how many. */
  drawn?: string;
  /** The language of headers and numbers (default "nb"). */
  locale?: Locale;
}

/** The statistics' names in `locale`. */
function statLabels(locale: Locale): Record<CrosstabStatistic, string> {
  const m = messages[locale];
  return { count: m.count, row: m.rowPercent, column: m.columnPercent, total: m.totalPercent, expected: m.expected };
}

/** One figure of the table: the count it is about, the totals its percentages divide by, and the values. */
interface CrosstabFigure {
  /** Id of the count (a cell, a margin or the grand total). */
  count: string;
  /** Ids of the bases of the row, column and total percentages. */
  bases: Record<"row" | "column" | "total", string>;
  values: Record<CrosstabStatistic, number | null>;
  /** Where each value sits in the result (its evidence's path). */
  paths: Record<CrosstabStatistic, string>;
  /** A margin: its percentages are not in the result, and take their count's class, not its range. */
  margin?: true;
}

/**
 * Every number of a crosstab table becomes text here (one place, so each figure can later carry
 * its evidence): counts as the guard shows them, percentages only when neither their count nor
 * their base is hidden.
 */
function figureText(figure: CrosstabFigure, statistic: CrosstabStatistic, shown: ShownCounts, options: CrosstabTableOptions): string {
  if (statistic === "count") return shown.text(figure.count);
  const value = figure.values[statistic];
  // Expected counts are margins' products: hidden with either margin.
  if (statistic === "expected") return value === null || shown.hidden(figure.bases.row) || shown.hidden(figure.bases.column) ? "–" : formatNumber(value, options.decimals, options.locale);
  if (shown.hidden(figure.count) || shown.hidden(figure.bases[statistic])) return "–";
  return value === null ? "–" : `${formatNumber(value, options.decimals, options.locale)}${percentUnit(options.locale)}`;
}

const pct = (k: number, base: number): number | null => (base > 0 ? (100 * k) / base : null);

/** Every figure of the table, by row (the last is the Total row), each row ending with its Total column. */
function figures(ct: Crosstab): CrosstabFigure[][] {
  // A margin's percentages follow from its count and N: they rest on what the count rests on (its
  // class; the count's range is of counts, and was printed as a range of percentages).
  const derived = (path: string): Record<CrosstabStatistic, string> => ({ count: path, row: path, column: path, total: path, expected: path });
  const body = ct.rows.map((_, i) => {
    const rowTotal = ct.rowTotals[i] ?? 0;
    const cells = (ct.cells[i] ?? []).map((c, j): CrosstabFigure => ({
      count: `c:${i}:${j}`,
      bases: { row: `r:${i}`, column: `k:${j}`, total: "total" },
      values: { count: c.count, row: c.rowPercent, column: c.columnPercent, total: c.totalPercent, expected: c.expected },
      paths: { count: `cells.${i}.${j}.count`, row: `cells.${i}.${j}.rowPercent`, column: `cells.${i}.${j}.columnPercent`, total: `cells.${i}.${j}.totalPercent`, expected: `cells.${i}.${j}.expected` },
    }));
    const margin: CrosstabFigure = { count: `r:${i}`, bases: { row: `r:${i}`, column: "total", total: "total" }, values: { count: rowTotal, row: rowTotal > 0 ? 100 : null, column: pct(rowTotal, ct.total), total: pct(rowTotal, ct.total), expected: rowTotal }, paths: derived(`rowTotals.${i}`), margin: true };
    return [...cells, margin];
  });
  const totals = ct.columnTotals.map((k, j): CrosstabFigure => ({ count: `k:${j}`, bases: { row: "total", column: `k:${j}`, total: "total" }, values: { count: k, row: pct(k, ct.total), column: k > 0 ? 100 : null, total: pct(k, ct.total), expected: k }, paths: derived(`columnTotals.${j}`), margin: true }));
  const grand: CrosstabFigure = { count: "total", bases: { row: "total", column: "total", total: "total" }, values: { count: ct.total, row: ct.total > 0 ? 100 : null, column: ct.total > 0 ? 100 : null, total: ct.total > 0 ? 100 : null, expected: ct.total }, paths: derived("total"), margin: true };
  return [...body, [...totals, grand]];
}

/** The counts of the table and how they add up, for the guard. */
function shownCounts(ct: Crosstab, mask: boolean, audit: AuditIds): ShownCounts {
  const shown = new ShownCounts();
  ct.cells.forEach((row, i) => row.forEach((c, j) => shown.add(`c:${i}:${j}`, c.count)));
  ct.rowTotals.forEach((k, i) => shown.add(`r:${i}`, k));
  ct.columnTotals.forEach((k, j) => shown.add(`k:${j}`, k));
  shown.add("total", ct.total);
  ct.rows.forEach((_, i) => shown.line(ct.columns.map((__, j) => `c:${i}:${j}`), `r:${i}`));
  ct.columns.forEach((_, j) => shown.line(ct.rows.map((__, i) => `c:${i}:${j}`), `k:${j}`));
  shown.line(ct.rows.map((_, i) => `r:${i}`), "total");
  shown.line(ct.columns.map((_, j) => `k:${j}`), "total");
  shown.addAudit(ct.audit, audit);
  return shown.guard(mask);
}

/** The test line: χ², df, p and Cramér's V, or why they are missing. */
export function crosstabTestLine(ct: Crosstab, locale: Locale, n: string = formatCount(ct.total, locale)): string {
  const p = ct.tests.pearson;
  if (p.value === null) return `${messages[locale].notComputed("Pearson χ²", kernelReasonText(messages[locale], p, "undefined"))}.`;
  const v = ct.measures.cramersV;
  return `Pearson χ²(${p.df}) = ${formatNumber(p.value, 2, locale)}, ${pClause(p.p, locale)} · Cramér's V = ${v === null ? "–" : formatNumber(v, 3, locale)} · N = ${n}`;
}

/** What the tests rest on: "belegg for testene: χ² R 3,10–9,84 · p R ,020–,212 · V R …" ("" without evidence). */
function testEvidenceLine(ct: Crosstab, marks: FigureMarks, locale: Locale): string {
  if (ct.tests.pearson.value === null || !marks.of("tests.pearson.value")) return "";
  const two = (x: number): string => formatNumber(x, 2, locale);
  const three = (x: number): string => formatNumber(x, 3, locale);
  return messages[locale].testsEvidence([marks.inline("χ²", "tests.pearson.value", two), marks.inline("p", "tests.pearson.p", three), marks.inline("V", "measures.cramersV", three)].join(" · "));
}

/** The crosstab as a captioned table with its tests, warning and audit line. */
export function renderCrosstabTable(doc: Document, ct: Crosstab, options: CrosstabTableOptions): HTMLElement {
  const stats = options.statistics;
  const several = stats.length > 1;
  const auditIds: AuditIds = { n: "audit:n", base: "total" };
  const shown = shownCounts(ct, options.mask, auditIds);
  const marks = new FigureMarks(doc, options.evidence, options.locale ?? DEFAULT_LOCALE);
  const locale = options.locale ?? DEFAULT_LOCALE;
  const STAT_LABELS = statLabels(locale);
  const total = messages[locale].total;
  const columnTitles = [...ct.columns.map((c) => c.label), total];
  const head = tableRow(doc, [ct.rowLabel, ...(several ? [""] : []), ...columnTitles], ct.columns.length + 2 + (several ? 1 : 0));
  const labels = [...ct.rows.map((r) => r.label), total];
  const format = (stat: CrosstabStatistic) => (x: number): string => formatNumber(x, stat === "count" ? 0 : options.decimals, locale);
  const cell = (f: CrosstabFigure, stat: CrosstabStatistic, j: number): HTMLTableCellElement =>
    marks.cell(figureText(f, stat, shown, options), several ? `${columnTitles[j] ?? ""} ${STAT_LABELS[stat]}` : (columnTitles[j] ?? ""), f.paths[stat], format(stat), stat === "count" || stat === "expected" ? "" : percentUnit(locale), !(f.margin && stat !== "count" && stat !== "expected"));
  const body = figures(ct).flatMap((row, i) =>
    stats.map((stat, s) =>
      tableRow(doc, [element(doc, "th", s === 0 ? (labels[i] ?? "") : ""), ...(several ? [element(doc, "th", STAT_LABELS[stat])] : []), ...row.map((f, j) => cell(f, stat, j))], 0, i === ct.rows.length ? "tv-total" : undefined),
    ),
  );
  const hidesCount = shown.hiddenCount > 0;
  const notShown = messages[locale].guardNotShown;
  const audit = [
    hidesCount ? `Pearson χ² ${notShown}` : crosstabTestLine(ct, locale, shown.text("total")),
    ...[hidesCount ? "" : testEvidenceLine(ct, marks, locale)].filter((x) => x),
    ...(ct.expectedWarning ? [messages[locale].chiUnreliableAdvice(ct.expectedWarning.message)] : []),
    shown.auditLine(hidesCount ? { ...ct.audit, test: notShown } : ct.audit, auditIds),
    ...(options.drawn ? [options.drawn] : []),
    ...marks.auditLines(),
    ...shown.note("crosstab", locale),
    ...(!several && stats[0] !== "count" ? [messages[locale].cellsShow(STAT_LABELS[stats[0] ?? "count"])] : []),
  ];
  const figure = tableFigure(doc, {
    caption: options.caption ?? `${ct.rowLabel} × ${ct.columnLabel}`,
    head: [head],
    body,
    audit,
    // The expected-count warning is an audit line here, with its advice: not twice.
    notice: [options.notice, ...ct.notes.filter((n) => !ct.expectedWarning || n !== messages[locale].chiUnreliable(ct.expectedWarning.message))].filter((x) => x).join(" ") || undefined,
    className: "tv-crosstab",
  });
  const warning = ct.expectedWarning && messages[locale].chiUnreliableAdvice(ct.expectedWarning.message);
  if (warning) [...figure.querySelectorAll(".tv-audit-line")].find((p) => p.textContent === warning)?.classList.add("tv-warning");
  return marks.legendInto(figure);
}

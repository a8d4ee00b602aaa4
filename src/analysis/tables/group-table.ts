/**
 * A group comparison (`stats.compareGroups`) as a table: a row per group with n, mean, standard
 * deviation, median and mean rank, all groups together, then one row per test — one-way ANOVA (F,
 * df, p, η² and ω²), Welch's F and Kruskal–Wallis H (ε²). Every figure carries what it rests on
 * (FigureMarks: a figure computed on the reconstruction is marked R with its range). Counts go
 * through the disclosure guard (a breakdown by county or size class in a shared view); a hidden
 * count hides its group's mean, sd, median and rank too, which could give one answer back. A table
 * that hides a count shows no mean rank and no test at all: the ranks and the tests rest on every
 * answer, the hidden groups' too, and with them a reader solved Oslo's one answer to q1 (and Aust-
 * Agder's six) from a shared view's fylke table (test/unit/attack-hidden-cells-tests.test.ts).
 */
import type { GroupComparison, GroupRow } from "../../stats/compare-groups";
import { pClause } from "../../stats/audit";
import { FigureMarks, type TableEvidence } from "./figure-marks";
import { groupCountId, groupCounts } from "./group-counts";
import { formatNumber, tableFigure, tableRow } from "./table-dom";
import { messages, type Locale } from "../../base/locale/locale";

/** How a group table is drawn (normalised by tables.groups). */
export interface GroupTableOptions extends TableEvidence {
  notice?: string;
  caption?: string;
  /** Decimals of means, sds, medians and statistics (default 2). */
  decimals: number;
  mask: boolean;
  locale: Locale;
}

type Figure = "mean" | "sd" | "median" | "meanRank";

/** Draw the comparison. */
export function renderGroupTable(doc: Document, c: GroupComparison, options: GroupTableOptions): HTMLElement {
  const { locale, decimals } = options;
  const m = messages[locale];
  const { shown, ids } = groupCounts(c.rows, c.overall.n, c.audit, options.mask);
  const marks = new FigureMarks(doc, options.evidence, locale);
  const number = (d: number) => (x: number): string => formatNumber(x, d, locale);
  const figures: [Figure, string][] = [["mean", m.groupMean], ["sd", m.groupSd], ["median", m.groupMedian], ["meanRank", m.groupMeanRank]];

  const hidesCount = shown.hiddenCount > 0;
  const groupRow = (r: GroupRow, id: string, path: string, label: string, total: boolean): HTMLTableRowElement => {
    const hidden = shown.hidden(id);
    const cells = figures.map(([f, title]) => {
      const value = r[f];
      const text = hidden || value === null || (hidesCount && f === "meanRank") ? "–" : formatNumber(value, decimals, locale);
      return marks.cell(text, title, `${path}.${f}`, number(decimals));
    });
    return tableRow(doc, [label, marks.cell(shown.text(id), "n", `${path}.n`, number(0)), ...cells], 1, total ? "tv-total" : undefined);
  };
  const body = [
    ...c.rows.map((r, i) => groupRow(r, groupCountId(i), `rows.${i}`, r.label === String(r.group) ? r.label : `${r.group ?? ""} ${r.label}`, false)),
    groupRow(c.overall, "n:all", "overall", m.groupAll, true),
  ];

  // The tests, one row each: statistic, df, p, effect size ("–" throughout when a count is hidden).
  const shownValue = (value: number | null): number | null => (hidesCount ? null : value);
  const p = (value: number | null, path: string): HTMLTableCellElement => marks.cell(shownValue(value) === null ? "–" : pClause(value, locale).replace(/^p = /, ""), "p", path, number(3));
  const stat = (value: number | null, path: string): HTMLTableCellElement => { const v = shownValue(value); return marks.cell(v === null ? "–" : formatNumber(v, 2, locale), m.groupStatistic, path, number(2)); };
  const effect = (name: string, value: number | null, path: string): HTMLTableCellElement => { const v = shownValue(value); return marks.cell(v === null ? "–" : `${name} = ${formatNumber(v, 3, locale)}`, m.groupEffect, path, number(3)); };
  const df2 = (x: number | null): string => (x === null ? "–" : formatNumber(x, Number.isInteger(x) ? 0 : 2, locale));
  // The cell shows "df1, df2"; df1 is fixed by the groups, so the mark is df2's (Welch's varies by draw).
  // df1 counts the groups with answers, which would tell a hidden "·" of 0 from one of 1 or more.
  const df = (df1: number, x: number | null, path: string): HTMLTableCellElement => marks.cell(hidesCount ? "–" : `${df1}, ${df2(x)}`, m.groupDf, path, number(2));
  const { anova: a, welch: w, kruskalWallis: k } = c;
  const tests = [
    tableRow(doc, [m.groupTest, m.groupStatistic, m.groupDf, "p", m.groupEffect], 5, "tv-subhead"),
    tableRow(doc, [m.groupAnova, stat(a.f, "anova.f"), df(a.df1, a.df2, "anova.df2"), p(a.p, "anova.p"), effect("η²", a.etaSquared, "anova.etaSquared")], 1),
    tableRow(doc, ["", "", "", "", effect("ω²", a.omegaSquared, "anova.omegaSquared")], 1),
    tableRow(doc, [m.groupWelch, stat(w.f, "welch.f"), df(w.df1, w.df2, "welch.df2"), p(w.p, "welch.p"), ""], 1),
    tableRow(doc, [m.groupKruskal, stat(k.h, "kruskalWallis.h"), hidesCount ? "–" : `${k.df}`, p(k.p, "kruskalWallis.p"), effect("ε²", k.epsilonSquared, "kruskalWallis.epsilonSquared")], 1),
  ];
  const item = c.label === c.variable ? c.variable : `${c.label} (${c.variable})`;
  const group = c.groupLabel === c.groupVariable ? c.groupVariable : `${c.groupLabel} (${c.groupVariable})`;
  return marks.legendInto(tableFigure(doc, {
    caption: options.caption ?? m.groupCaption(item, group),
    head: [tableRow(doc, [m.groupHeading, "n", ...figures.map(([, title]) => title)], 6)],
    body: [...body, ...tests],
    // A note that names a small group ("a single answer in group 3") would give a hidden count back.
    audit: [
      ...(hidesCount ? [] : c.notes),
      shown.auditLine(hidesCount ? { ...c.audit, test: m.guardNotShown } : c.audit, ids),
      ...(options.drawn ? [options.drawn] : []),
      ...marks.auditLines(),
      ...shown.note("groups", locale),
    ],
    notice: options.notice,
    className: "tv-groups",
  }));
}

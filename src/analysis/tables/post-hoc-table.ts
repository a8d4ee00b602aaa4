/**
 * The pairwise comparisons after a group comparison (`stats.postHoc`) as a table: a block per method
 * — Tukey's HSD, Games–Howell, Dunn on the ranks — and a row per pair with its difference, standard
 * error, simultaneous interval, statistic, df and adjusted p, PSPP's "Multiple Comparisons" in one
 * table. Every figure carries what it rests on (FigureMarks: computed on the reconstruction, R with
 * its range). In a shared view the groups `tables.groups` hides (counts of 1–2 under a county or size
 * class breakdown, and their complements) hide every figure of their pairs: a difference from a group
 * of one is that respondent's answer.
 */
import type { PostHoc } from "../../stats/post-hoc";
import type { DunnPair, RangePair } from "../../stats/post-hoc-tests";
import { pClause } from "../../stats/audit";
import { FigureMarks, type TableEvidence } from "./figure-marks";
import { groupCountId, groupCounts } from "./group-counts";
import { formatNumber, tableFigure, tableRow } from "./table-dom";
import { messages, type Locale } from "../../base/locale/locale";

/** The methods a post-hoc table can show, as `tables.postHoc`'s option `method` names them. */
export const POST_HOC_METHODS = ["tukey", "games-howell", "dunn"] as const;

/** One method of `POST_HOC_METHODS`. */
export type PostHocMethod = (typeof POST_HOC_METHODS)[number];

/** How a post-hoc table is drawn (normalised by tables.postHoc). */
export interface PostHocTableOptions extends TableEvidence {
  notice?: string;
  caption?: string;
  /** Decimals of differences, SEs, bounds and statistics (default 2). */
  decimals: number;
  /** The methods shown, in this order. */
  methods: readonly PostHocMethod[];
  mask: boolean;
  locale: Locale;
}

const COLUMNS = 7;

/** Draw the pairs. */
export function renderPostHocTable(doc: Document, r: PostHoc, options: PostHocTableOptions): HTMLElement {
  const { locale, decimals } = options;
  const m = messages[locale];
  // The same counts and guard as tables.groups, so the same groups are hidden in both tables.
  const { shown, ids } = groupCounts(r.rows, r.audit.base, r.audit, options.mask);
  const marks = new FigureMarks(doc, options.evidence, locale);
  const number = (d: number) => (x: number): string => formatNumber(x, d, locale);
  const name = (i: number): string => {
    const row = r.rows[i];
    if (!row) return String(i);
    return row.label === String(row.group) ? row.label : `${row.group ?? ""} ${row.label}`;
  };
  const hidden = (a: number, b: number): boolean => shown.hidden(groupCountId(a)) || shown.hidden(groupCountId(b));
  const figure = (value: number | null, title: string, path: string, d: number, hide: boolean): HTMLTableCellElement =>
    marks.cell(hide || value === null ? "–" : formatNumber(value, d, locale), title, path, number(d));
  const p = (value: number | null, path: string, hide: boolean, why: string | undefined): HTMLTableCellElement =>
    marks.cell(hide ? "–" : value === null ? (why ?? "–") : pClause(value, locale).replace(/^p = /, ""), "p", path, number(3));
  const interval = m.postHocInterval(r.level);

  const rangeRows = (title: string, key: "tukey" | "gamesHowell", pairs: readonly RangePair[]): HTMLTableRowElement[] => [
    tableRow(doc, [title, m.postHocDifference, m.postHocSe, interval, "q", m.groupDf, "p"], COLUMNS, "tv-subhead"),
    ...pairs.map((x, j) => {
      const hide = hidden(x.a, x.b);
      const path = `${key}.${j}`;
      const ci = hide || x.low === null || x.high === null ? "–" : `${formatNumber(x.low, decimals, locale)} – ${formatNumber(x.high, decimals, locale)}`;
      // The interval's two bounds in one cell: the mark is the lower bound's (both move together).
      return tableRow(doc, [
        `${name(x.a)} − ${name(x.b)}`,
        figure(x.difference, m.postHocDifference, `${path}.difference`, decimals, hide),
        figure(x.se, m.postHocSe, `${path}.se`, decimals, hide),
        marks.cell(ci, interval, `${path}.low`, number(decimals)),
        figure(x.q, "q", `${path}.q`, decimals, hide),
        figure(x.df, m.groupDf, `${path}.df`, Number.isInteger(x.df ?? 0) ? 0 : 2, hide),
        p(x.p, `${path}.p`, hide, x.why && m.postHocReason(x.why)),
      ], 1);
    }),
  ];
  const dunnRows = (pairs: readonly DunnPair[]): HTMLTableRowElement[] => [
    tableRow(doc, [m.postHocDunn(r.adjust), m.postHocRankDifference, m.postHocSe, "", "z", "", "p"], COLUMNS, "tv-subhead"),
    ...pairs.map((x, j) => {
      const hide = hidden(x.a, x.b);
      const path = `dunn.${j}`;
      return tableRow(doc, [
        `${name(x.a)} − ${name(x.b)}`,
        figure(x.difference, m.postHocRankDifference, `${path}.difference`, decimals, hide),
        figure(x.se, m.postHocSe, `${path}.se`, decimals, hide),
        "",
        figure(x.z, "z", `${path}.z`, decimals, hide),
        "",
        p(x.p, `${path}.p`, hide, x.why && m.postHocReason(x.why)),
      ], 1);
    }),
  ];
  const blocks: Record<PostHocMethod, () => HTMLTableRowElement[]> = {
    tukey: () => rangeRows(m.postHocTukey, "tukey", r.tukey),
    "games-howell": () => rangeRows(m.postHocGamesHowell, "gamesHowell", r.gamesHowell),
    dunn: () => dunnRows(r.dunn),
  };
  const item = r.label === r.variable ? r.variable : `${r.label} (${r.variable})`;
  const group = r.groupLabel === r.groupVariable ? r.groupVariable : `${r.groupLabel} (${r.groupVariable})`;
  return marks.legendInto(tableFigure(doc, {
    caption: options.caption ?? m.postHocCaption(item, group),
    head: [tableRow(doc, [m.postHocPair, m.postHocDifference, m.postHocSe, interval, m.groupStatistic, m.groupDf, "p"], COLUMNS)],
    body: options.methods.flatMap((method) => blocks[method]()),
    // A note that names a small group would give a hidden count back (as in tables.groups).
    audit: [m.postHocGuide, ...(shown.hiddenCount > 0 ? [] : r.notes), shown.auditLine(r.audit, ids), ...(options.drawn ? [options.drawn] : []), ...marks.auditLines()],
    notice: options.notice,
    className: "tv-post-hoc",
  }));
}

/**
 * A size-class comparison as a table: for one variable, a row per SSB size class with n, the
 * successes, the rate (or mean) and its interval, then all classes together and the trend test;
 * for several variables (the six models, say), a row per variable and a column per class. Counts go
 * through the disclosure guard (shown-counts.ts; the table is a size-class breakdown); a hidden
 * count hides its rate and interval, and a comparison that hides a count shows no trend test: its z
 * is Σ score × cases over the classes, and from it (three decimals in the audit line) a reader gave
 * back the cases of all four hidden classes of q3 = 1 (test/unit/attack-hidden-cells-tests.test.ts).
 */
import type { SizeClassComparison, SizeClassRow } from "../../stats/size-class";
import { pClause } from "../../stats/audit";
import { kernelReasonText } from "../../base/locale/reason-messages";
import { FigureMarks, tableEvidence } from "./figure-marks";
import { ShownCounts, type AuditIds } from "./shown-counts";
import { formatNumber, percentUnit, tableFigure, tableRow } from "./table-dom";
import { DEFAULT_LOCALE, messages, type Locale } from "../../base/locale/locale";

/** How a size-class table is drawn (normalised by tables.sizeClass). */
export interface SizeClassTableOptions {
  /** A line above the table (the selection's message, the data notice). */
  notice?: string;
  caption?: string;
  /** Decimals of rates and means (default 1). */
  decimals: number;
  mask: boolean;
  /** The language of headers and numbers (default "nb"). */
  locale?: Locale;
}

type Statistic = "n" | "successes" | "estimate" | "interval" | "compact";

/** A class (or all classes) of one comparison, with the ids of its counts. */
type ClassRow = Omit<SizeClassRow, "sizeClass"> & { nId: string; successesId: string; path: string };

/** The rows of a comparison with their count ids (`prefix` tells comparisons apart), and "all classes" last. */
function classRows(c: SizeClassComparison, prefix: string): ClassRow[] {
  return [
    ...c.rows.map((r, i) => ({ ...r, nId: `${prefix}n:${i}`, successesId: `${prefix}s:${i}`, path: `rows.${i}` })),
    { ...c.overall, nId: `${prefix}n:all`, successesId: `${prefix}s:all`, path: "overall" },
  ];
}

/** Register one comparison's counts: the classes' n add up to all classes' n, their successes likewise. */
function addCounts(shown: ShownCounts, c: SizeClassComparison, prefix: string): AuditIds {
  const rows = classRows(c, prefix);
  for (const r of rows) {
    shown.add(r.nId, r.n);
    if (r.successes !== null) shown.add(r.successesId, r.successes);
  }
  const classes = rows.slice(0, -1);
  shown.line(classes.map((r) => r.nId), `${prefix}n:all`);
  if (c.kind === "rate") shown.line(classes.map((r) => r.successesId), `${prefix}s:all`);
  const ids: AuditIds = { n: `${prefix}audit:n`, base: `${prefix}n:all`, missing: (variable, code) => `${prefix}audit:${variable}:${code ?? "blank"}` };
  shown.addAudit(c.audit, ids);
  return ids;
}

/**
 * Every number of a size-class table becomes text here (one place, so each can later carry its
 * evidence). Rates are shown in percent; "compact" is "34,3 % (12/35)" for the wide layout.
 */
function figureText(statistic: Statistic, row: ClassRow, c: SizeClassComparison, shown: ShownCounts, options: SizeClassTableOptions): string {
  if (statistic === "n") return shown.text(row.nId);
  if (statistic === "successes") return row.successes === null ? "" : shown.text(row.successesId);
  const hidden = shown.hidden(row.nId) || (row.successes !== null && shown.hidden(row.successesId));
  const scale = c.kind === "rate" ? 100 : 1;
  const unit = c.kind === "rate" ? percentUnit(options.locale) : "";
  const value = (x: number): string => `${formatNumber(scale * x, options.decimals, options.locale)}${unit}`;
  if (statistic === "interval") return hidden || !row.interval ? "–" : `${formatNumber(scale * row.interval.low, options.decimals, options.locale)} – ${value(row.interval.high)}`;
  if (hidden) return row.n === 0 ? "–" : row.successes === null ? `n ${shown.text(row.nId)}` : `${shown.text(row.successesId)} of ${shown.text(row.nId)}`;
  if (row.estimate === null) return "–";
  if (statistic === "estimate") return value(row.estimate);
  return row.successes === null ? `${value(row.estimate)} (n ${shown.text(row.nId)})` : `${value(row.estimate)} (${shown.text(row.successesId)}/${shown.text(row.nId)})`;
}

/** The trend test in words: "Cochran–Armitage z = 2.31, p = .021". */
export function trendText(c: SizeClassComparison, locale: Locale): string {
  const t = c.trend;
  if (t.statistic === null) return `– (${kernelReasonText(messages[locale], t, "–")})`;
  const p = t.p === null ? messages[locale].noP : pClause(t.p, locale);
  return `${c.kind === "rate" ? "z" : "r"} = ${formatNumber(t.statistic, 2, locale)}, ${p}`;
}

function what(c: SizeClassComparison, locale: Locale): string {
  const m = messages[locale];
  return c.kind === "rate" ? m.sizeClassShare(c.variable, (c.success ?? []).join(locale === "en" ? " or " : " eller ")) : m.sizeClassMean(c.variable);
}

/** The comparison's notes; with counts hidden, not the one that counts the cases without a size class. */
function shownNotes(c: SizeClassComparison, shown: ShownCounts): string[] {
  return shown.hiddenCount > 0 ? c.notes.filter((n) => n !== c.unclassifiedNote) : c.notes;
}

/** The evidence path of a figure of a class row (the compact cell leads with the estimate). */
function figurePath(row: ClassRow, statistic: Statistic): string {
  const field = statistic === "compact" ? "estimate" : statistic === "interval" ? "interval.low" : statistic;
  return `${row.path}.${field}`;
}

/** "Cochran–Armitage z = 2.31, p = .021", with what z and p rest on when known; "z not shown (…)" when the comparison `hides` a count. */
function trendLine(c: SizeClassComparison, marks: FigureMarks, locale: Locale, hides: boolean): string {
  if (hides) return `${c.kind === "rate" ? "z" : "r"} ${messages[locale].guardNotShown}`;
  const evidence = c.trend.statistic === null || !marks.of("trend.statistic") ? "" : ` (${marks.inline(c.kind === "rate" ? "z" : "r", "trend.statistic", (x) => formatNumber(x, 2, locale))} · ${marks.inline("p", "trend.p", (x) => formatNumber(x, 3, locale))})`;
  return `${trendText(c, locale)}${evidence}`;
}

/** Whether any count of a comparison's rows is hidden. */
function hidesCount(rows: readonly ClassRow[], shown: ShownCounts): boolean {
  return rows.some((r) => shown.hidden(r.nId) || (r.successes !== null && shown.hidden(r.successesId)));
}

/** The comparison's audit, its test "not shown" when the comparison `hides` a count. */
function withoutTest(c: SizeClassComparison, hides: boolean, locale: Locale): SizeClassComparison["audit"] {
  return hides ? { ...c.audit, test: messages[locale].guardNotShown } : c.audit;
}

/** One comparison: a row per class. */
function oneComparison(doc: Document, c: SizeClassComparison, options: SizeClassTableOptions): HTMLElement {
  const shown = new ShownCounts();
  const ids = addCounts(shown, c, "");
  shown.guard(options.mask);
  const rows = classRows(c, "");
  const hides = hidesCount(rows, shown);
  const locale = options.locale ?? DEFAULT_LOCALE;
  const m = messages[locale];
  const level = m.intervalHeader(Math.round(c.level * 100), c.kind);
  const columns: Statistic[] = c.kind === "rate" ? ["n", "successes", "estimate", "interval"] : ["n", "estimate", "interval"];
  const titles: Record<Statistic, string> = { n: "n", successes: m.cases, estimate: c.kind === "rate" ? m.rate : m.mean, interval: level, compact: "" };
  const found = tableEvidence(c, options.mask, options.locale ?? DEFAULT_LOCALE);
  const marks = new FigureMarks(doc, found.evidence, options.locale ?? DEFAULT_LOCALE);
  const format = (s: Statistic) => (x: number): string => (s === "n" || s === "successes" ? formatNumber(x, 0, locale) : formatNumber((c.kind === "rate" ? 100 : 1) * x, options.decimals, locale));
  const body = rows.map((row, i) => {
    const label = i < c.rows.length ? `${c.rows[i]?.sizeClass ?? ""} ${c.classLabels[i] ?? ""}`.trim() : m.allClasses;
    return tableRow(doc, [label, ...columns.map((s) => marks.cell(figureText(s, row, c, shown, options), titles[s], figurePath(row, s), format(s), c.kind === "rate" && s !== "n" && s !== "successes" ? percentUnit(locale) : ""))], 1, i < c.rows.length ? undefined : "tv-total");
  });
  return marks.legendInto(tableFigure(doc, {
    caption: options.caption ?? m.sizeClassCaption(c.label, what(c, locale)),
    head: [tableRow(doc, [m.sizeClass, ...columns.map((s) => titles[s])], columns.length + 1)],
    body,
    audit: [m.trendAcross(c.trend.method, trendLine(c, marks, locale, hides)), ...shownNotes(c, shown), shown.auditLine(withoutTest(c, hides, locale), ids), ...(found.drawn ? [found.drawn] : []), ...marks.auditLines(), ...shown.note("sizeClassRatesIntervals", locale)],
    notice: options.notice,
    className: "tv-size-class",
  }));
}

/** Several comparisons: a row per variable, a column per class. */
function severalComparisons(doc: Document, list: readonly SizeClassComparison[], options: SizeClassTableOptions): HTMLElement {
  const first = list[0];
  const classes = first?.rows.map((r, i) => `${r.sizeClass} ${first.classLabels[i] ?? ""}`.trim()) ?? [];
  const shown = new ShownCounts();
  const ids = list.map((c, k) => addCounts(shown, c, `${k}:`));
  shown.guard(options.mask);
  const found = list.map((c) => tableEvidence(c, options.mask, options.locale ?? DEFAULT_LOCALE));
  const marks = list.map((_, k) => new FigureMarks(doc, found[k]?.evidence, options.locale ?? DEFAULT_LOCALE));
  const locale = options.locale ?? DEFAULT_LOCALE;
  const m = messages[locale];
  const columns = [...classes, m.allClasses];
  const body = list.map((c, k) => {
    const mk = marks[k] ?? new FigureMarks(doc, undefined, options.locale ?? DEFAULT_LOCALE);
    const percent = (x: number): string => formatNumber((c.kind === "rate" ? 100 : 1) * x, options.decimals, locale);
    const rows = classRows(c, `${k}:`);
    const cells = rows.map((r, i) => mk.cell(figureText("compact", r, c, shown, options), columns[i] ?? "", figurePath(r, "compact"), percent, c.kind === "rate" ? percentUnit(locale) : ""));
    return tableRow(doc, [c.label === c.variable ? c.variable : `${c.label} (${c.variable})`, ...cells, trendLine(c, mk, locale, hidesCount(rows, shown))], 1);
  });
  const kinds = [...new Set(list.map((c) => what(c, locale)))];
  const figure = tableFigure(doc, {
    caption: options.caption ?? m.sizeClassesCaption(kinds.length === 1 ? kinds[0] : undefined),
    head: [tableRow(doc, ["", ...classes, m.allClasses, m.trend], classes.length + 3)],
    body,
    audit: [
      m.sizeClassesCells(first?.kind === "mean", first?.trend.method ?? ""),
      ...list.map((c, k) => `${c.variable}: ${ids[k] ? shown.auditLine(withoutTest(c, hidesCount(classRows(c, `${k}:`), shown), locale), ids[k]) : c.audit.line}${found[k]?.drawn ? ` · ${found[k]?.drawn ?? ""}` : ""}`),
      ...list.flatMap((c, k) => (marks[k]?.auditLines() ?? []).map((line) => `${c.variable}: ${line}`)),
      ...shown.note("sizeClassRates", locale),
    ],
    notice: options.notice,
    className: "tv-size-class",
  });
  // One legend for the table: the markers every row used.
  const legend = marks.find((m) => m.auditLines().length > 0);
  return legend ? legend.legendInto(figure) : figure;
}

/** One comparison or several, as a table. */
export function renderSizeClassTable(doc: Document, comparisons: readonly SizeClassComparison[], options: SizeClassTableOptions): HTMLElement {
  const only = comparisons.length === 1 ? comparisons[0] : undefined;
  return only ? oneComparison(doc, only, options) : severalComparisons(doc, comparisons, options);
}

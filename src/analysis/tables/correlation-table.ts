/**
 * A correlation matrix as SPSS prints CORRELATIONS: for each variable a block of rows — r (or ρ)
 * with its significance mark, the two-sided p, the n of each pair (and Benjamini–Hochberg q when the
 * marks use it) — one column per variable. The n go through the disclosure guard (shown-counts.ts);
 * a hidden n hides its r and p.
 */
import type { CorrelationCell, CorrelationMatrix } from "../../stats/correlation-matrix";
import type { WithEvidence } from "../evidence/across-draws";
import { FigureMarks } from "./figure-marks";
import { ShownCounts, type AuditIds } from "./shown-counts";
import { formatNumber, tableFigure, tableRow } from "./table-dom";
import { DEFAULT_LOCALE, formatPValue, messages, type Locale } from "../../base/locale/locale";

/** How a correlation table is drawn (normalised by tables.correlations). */
export interface CorrelationTableOptions {
  /** A line above the table (the selection's message, the data notice). */
  notice?: string;
  caption?: string;
  /** Decimals of r (default 3). */
  decimals: number;
  /** "lower": the diagonal and below only (the matrix is symmetric). Default "full". */
  triangle: "full" | "lower";
  mask: boolean;
  /** What each figure of the result rests on (see evidence/). */
  evidence?: WithEvidence<unknown>;
  /** The audit's line naming the variables the reconstruction drew. */
  drawn?: string;
  /** The language of headers and numbers (default "nb"). */
  locale?: Locale;
}

type Statistic = "r" | "p" | "q" | "n";

/** Every number of a correlation table becomes text here (one place, so each can later carry its evidence). */
function figureText(statistic: Statistic, cell: CorrelationCell, id: string, diagonal: boolean, shown: ShownCounts, options: CorrelationTableOptions): string {
  if (statistic === "n") return shown.text(id);
  if (shown.hidden(id)) return "–";
  if (statistic === "r") return cell.r === null ? "–" : `${formatNumber(cell.r, diagonal ? 0 : options.decimals, options.locale)}${cell.mark}`;
  const p = statistic === "p" ? cell.p : cell.q;
  return diagonal || p === null ? "" : formatPValue(options.locale ?? DEFAULT_LOCALE, p);
}

/**
 * Whether a matrix note is its "n pairs have no r: …" note, in whichever language the matrix was
 * computed (a result passed in keeps its own): its reasons name each pair's n, which a shared view hides.
 */
function isPairsWithoutR(note: string): boolean {
  return Object.values(messages).some((words) => note.includes(`${words.pairsWithoutR("", "").split(":")[0] ?? ""}:`));
}

/** The correlation matrix with its method, deletion, notes and audit line. */
export function renderCorrelationTable(doc: Document, m: CorrelationMatrix, options: CorrelationTableOptions): HTMLElement {
  const symbol = m.method === "pearson" ? "r" : "ρ";
  const statistics: Statistic[] = ["r", "p", ...(m.fdr ? (["q"] as const) : []), "n"];
  const titles: Record<Statistic, string> = { r: m.method === "pearson" ? "Pearson r" : "Spearman ρ", p: messages[options.locale ?? DEFAULT_LOCALE].sig2Tailed, q: "BH q", n: "N" };
  const key = (a: number, b: number): string => `n:${Math.min(a, b)}:${Math.max(a, b)}`;
  const auditIds: AuditIds = { n: "audit:n", base: "audit:base", missing: (variable, code) => `audit:${variable}:${code ?? "blank"}` };
  const shown = new ShownCounts();
  m.cells.forEach((row, a) => row.forEach((c, b) => shown.add(key(a, b), c.n)));
  shown.addAudit(m.audit, auditIds);
  // A variable's valid n and its missing counts add up to N.
  m.audit.excluded.forEach((e, a) => shown.line([key(a, a), ...e.userMissing.filter((u) => u.count > 0).map((u) => auditIds.missing?.(e.variable, u.code) ?? ""), ...(e.systemMissing > 0 ? [auditIds.missing?.(e.variable, null) ?? ""] : [])], "audit:n"));
  shown.guard(options.mask);
  const figureMarks = new FigureMarks(doc, options.evidence, options.locale ?? DEFAULT_LOCALE);
  const locale = options.locale ?? DEFAULT_LOCALE;
  const p = (x: number): string => formatPValue(locale, x);
  const format: Record<Statistic, (x: number) => string> = { r: (x) => formatNumber(x, options.decimals, locale), p, q: p, n: (x) => formatNumber(x, 0, locale) };
  const body: HTMLTableRowElement[] = [];
  m.variables.forEach((v, a) => {
    const label = m.labels[a] && m.labels[a] !== v ? `${v} ${m.labels[a]}` : v;
    statistics.forEach((stat, s) => {
      const cells = m.variables.map((_, b) => {
        const cell = m.cells[a]?.[b];
        if (!cell || (options.triangle === "lower" && b > a)) return "";
        const text = figureText(stat, cell, key(a, b), a === b, shown, options);
        // The diagonal (r = 1) is no finding.
        return a === b && stat !== "n" ? text : figureMarks.cell(text, `${m.variables[b] ?? ""} ${titles[stat]}`, `cells.${a}.${b}.${stat}`, format[stat]);
      });
      body.push(tableRow(doc, [s === 0 ? label : "", titles[stat], ...cells], 2, s === statistics.length - 1 ? "tv-block-end" : undefined));
    });
  });
  const words = messages[locale];
  const audit = [
    `${words.corrMethod(titles.r, m.deletion, shown.text("audit:base"))} · ${words.corrMarks(m.fdr)}`,
    shown.auditLine(m.audit, auditIds),
    ...(options.drawn ? [options.drawn] : []),
    ...figureMarks.auditLines(),
    ...shown.note("correlation", options.locale ?? DEFAULT_LOCALE, symbol),
  ];
  return figureMarks.legendInto(tableFigure(doc, {
    caption: options.caption ?? words.corrCaption(titles.r, m.variables.join(", ")),
    head: [tableRow(doc, ["", "", ...m.variables], m.variables.length + 2)],
    body,
    audit,
    // The reasons for a missing r name the pair's n ("constant in these 2 cases"): not when counts are hidden.
    notice: [options.notice, ...m.notes.map((n) => (shown.hiddenCount > 0 && isPairsWithoutR(n) ? messages[locale].pairsWithoutRMasked : n))].filter((x) => x).join(" ") || undefined,
    className: "tv-correlations",
  }));
}

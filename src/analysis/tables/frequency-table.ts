/**
 * A frequency table as SPSS prints FREQUENCIES: the valid codes with count, percent, valid percent
 * and cumulative percent, their total, the missing codes (user-missing with their labels, then the
 * blanks as "System") and their total, and N. Counts go through the disclosure guard
 * (shown-counts.ts); a hidden count hides its percentages, a hidden total the percentages on it, and
 * any hidden valid count the cumulative column (its differences would give the count back).
 */
import type { FrequencyRow, FrequencyTable } from "../../stats/frequencies";
import type { WithEvidence } from "../evidence/across-draws";
import { FigureMarks } from "./figure-marks";
import { ShownCounts, type AuditIds } from "./shown-counts";
import { formatNumber, percentUnit, tableFigure, tableRow } from "./table-dom";
import { DEFAULT_LOCALE, messages, type Locale } from "../../base/locale/locale";

/** How a frequency table is drawn (normalised by tables.frequencies). */
export interface FrequencyTableOptions {
  /** A line above the table (the selection's message, the data notice). */
  notice?: string;
  caption?: string;
  /** Decimals of percentages (default 1). */
  decimals: number;
  /** Show the cumulative percent column (default true). */
  cumulative: boolean;
  /** Show the missing rows (default true); N and the percent base stay the same either way. */
  showMissing: boolean;
  mask: boolean;
  /** What each figure of the result rests on (see evidence/). */
  evidence?: WithEvidence<unknown>;
  /** The audit's line naming the variables the reconstruction drew. */
  drawn?: string;
  /** The language of headers and numbers (default "nb"). */
  locale?: Locale;
}

type Column = "count" | "percent" | "valid" | "cumulative";

/** One line of the table: the count's id and the values of the percent columns (null: none). */
interface FrequencyFigure {
  count: string;
  values: Record<Exclude<Column, "count">, number | null>;
  /** Where the row sits in the result ("valid.2", "validTotal"); its figures' evidence paths. */
  path: string;
}

/**
 * Every number of a frequency table becomes text here (one place, so each figure can later carry
 * its evidence): the count as the guard shows it; percent on N, valid percent on the valid total.
 */
function figureText(figure: FrequencyFigure, column: Column, shown: ShownCounts, options: FrequencyTableOptions): string {
  if (column === "count") return shown.text(figure.count);
  const value = figure.values[column];
  const base = column === "percent" ? "total" : "valid";
  const cumulativeHidden = column === "cumulative" && shown.hiddenCount > 0;
  if (value === null || shown.hidden(figure.count) || shown.hidden(base) || cumulativeHidden) return "–";
  return `${formatNumber(value, options.decimals, options.locale)}${percentUnit(options.locale)}`;
}

const rowId = (r: FrequencyRow): string => (r.kind === "valid" ? `v:${r.code}` : `m:${r.code ?? "blank"}`);

/** The counts and how they add up: valid codes to the valid total, missing to the missing total, both to N. */
function shownCounts(t: FrequencyTable, mask: boolean, audit: AuditIds): ShownCounts {
  const shown = new ShownCounts();
  for (const r of [...t.valid, ...t.missing]) shown.add(rowId(r), r.count);
  shown.add("valid", t.validTotal);
  shown.add("missing", t.missingTotal);
  shown.add("total", t.total);
  shown.line(t.valid.map(rowId), "valid");
  shown.line(t.missing.map(rowId), "missing");
  shown.line(["valid", "missing"], "total");
  shown.addAudit(t.audit, audit);
  return shown.guard(mask);
}

/** The frequency table with its N and audit line. */
export function renderFrequencyTable(doc: Document, t: FrequencyTable, options: FrequencyTableOptions): HTMLElement {
  const columns: Column[] = ["count", "percent", "valid", ...(options.cumulative ? (["cumulative"] as const) : [])];
  const locale = options.locale ?? DEFAULT_LOCALE;
  const m = messages[locale];
  const titles: Record<Column, string> = { count: m.count, percent: m.percent, valid: m.validPercent, cumulative: m.cumulativePercent };
  const auditIds: AuditIds = { n: "total", base: "valid", missing: (_variable, code) => `m:${code ?? "blank"}` };
  const shown = shownCounts(t, options.mask, auditIds);
  const marks = new FigureMarks(doc, options.evidence, options.locale ?? DEFAULT_LOCALE);
  const fields: Record<Column, string> = { count: "count", percent: "percent", valid: "validPercent", cumulative: "cumulativePercent" };
  // A total row's percentages follow from its count and N.
  const pathOf = (figure: FrequencyFigure, c: Column): string => (figure.path.includes(".") ? `${figure.path}.${fields[c]}` : figure.path);
  const figureCell = (figure: FrequencyFigure, c: Column): HTMLTableCellElement =>
    marks.cell(figureText(figure, c, shown, options), titles[c], pathOf(figure, c), (x) => formatNumber(x, c === "count" ? 0 : options.decimals, locale), c === "count" ? "" : percentUnit(locale));
  const line = (group: string, label: string, figure: FrequencyFigure, className?: string): HTMLTableRowElement =>
    tableRow(doc, [group, label, ...columns.map((c) => figureCell(figure, c))], 2, className);
  const rowLine = (group: string, r: FrequencyRow, path: string): HTMLTableRowElement =>
    line(group, r.kind === "system-missing" ? m.systemMissing : r.label === String(r.code) ? String(r.code) : `${r.code} ${r.label}`, { count: rowId(r), values: { percent: r.percent, valid: r.validPercent, cumulative: r.cumulativePercent }, path });
  const pct = (k: number): number | null => (t.total > 0 ? (100 * k) / t.total : null);
  const body: HTMLTableRowElement[] = [];
  t.valid.forEach((r, i) => body.push(rowLine(i === 0 ? m.valid : "", r, `valid.${i}`)));
  body.push(line(t.valid.length ? "" : m.valid, m.total, { count: "valid", values: { percent: pct(t.validTotal), valid: t.validTotal > 0 ? 100 : null, cumulative: null }, path: "validTotal" }, "tv-total"));
  if (options.showMissing && t.missing.length > 0) {
    t.missing.forEach((r, i) => body.push(rowLine(i === 0 ? m.missing : "", r, `missing.${i}`)));
    body.push(line("", m.total, { count: "missing", values: { percent: pct(t.missingTotal), valid: null, cumulative: null }, path: "missingTotal" }, "tv-total"));
  }
  body.push(line(m.total, "", { count: "total", values: { percent: t.total > 0 ? 100 : null, valid: null, cumulative: null }, path: "total" }, "tv-total"));
  const audit = [
    m.frequencyCounts(shown.text("total"), shown.text("valid"), shown.text("missing")),
    shown.auditLine(t.audit, auditIds),
    ...(options.drawn ? [options.drawn] : []),
    ...marks.auditLines(),
    ...shown.note("frequencies", locale),
  ];
  return marks.legendInto(tableFigure(doc, {
    caption: options.caption ?? `${t.label === t.variable ? t.variable : `${t.label} (${t.variable})`}`,
    head: [tableRow(doc, ["", "", ...columns.map((c) => titles[c])], columns.length + 2)],
    body,
    audit,
    notice: [options.notice, ...t.notes].filter((x) => x).join(" ") || undefined,
    className: "tv-frequencies",
  }));
}

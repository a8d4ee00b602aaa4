/**
 * HTML tables for notebook cells: a printed table beside its recomputation, and a plain table of
 * rows with a caption and an audit line. Built with the host's document (the page in the browser,
 * linkedom headless), never with innerHTML from data, so labels cannot inject markup.
 *
 * Counts pass through the disclosure guard: in shared and exported views under a county or size
 * filter, counts of 1–2 print as "< 3"; the analyst's live view keeps exact numbers.
 */
import { DISCLOSURE_THRESHOLD, formatShownCount, withheldNotice, type ShownCount } from "../stats/disclosure";
import type { ComparedCell, PrintedComparison } from "./printed-comparison";
import type { ExportFields } from "./export-fields";
import { drawingKeep } from "./kept-drawings";
import type { Evidence, EvidenceKind } from "./evidence/evidence";
import { evidenceClass, evidenceFields, evidenceLegend, evidenceMarker, evidenceSummary } from "./evidence/evidence-marker";
import { auditBlock, element, exportCells, formatCount, formatNumber } from "./tables/table-dom";
import { ShownCounts, type AuditIds } from "./tables/shown-counts";
import { readAuditLine } from "../stats/audit";
import { comparisonCounts, type ComparisonCounts } from "./tables/comparison-counts";
import { builtinError } from "../base/builtin-problem";
import { DEFAULT_LOCALE, formatPercent, messages, type Locale } from "../base/locale/locale";
import { layOutRows, plainLayout, type PlainLayoutOptions } from "./tables/plain-layout";
import { appendWithBreaks } from "./tables/break-opportunities";

export interface RenderOptions {
  /** Mask small counts ("< 3"): pass `isDisclosureSensitive(filter) && view !== "live"`. */
  mask?: boolean;
  /** Masking threshold (default 3). */
  threshold?: number;
  /** The language of headers and numbers (default "nb"); the builtins pass the app's. */
  locale?: Locale;
}

/** Options of `renderTable`: the disclosure guard's and language (`RenderOptions`), and its layout (`PlainLayoutOptions`). */
export interface PlainTableOptions extends RenderOptions, PlainLayoutOptions {}

/** One column of a plain table. */
export interface TableColumn {
  key: string;
  label: string;
  /** Count columns go through the disclosure guard. */
  count?: boolean;
  /** Decimals for numbers (default: integers as is, others 1 decimal). */
  decimals?: number;
  /**
   * The key of the count column this column is computed from (a share, a weight): it shows nothing
   * once that column hides a count, since with the total it gives the count back. A column labelled
   * "X %" beside a count column "X" is taken as one without saying so.
   */
  from?: string;
}

export interface PlainTable {
  caption: string;
  columns: TableColumn[];
  rows: Readonly<Record<string, unknown>>[];
  /** The audit line(s): N, base, filters, excluded missing, test. */
  audit: string | string[];
  /** Shown above the table, e.g. the empty-selection message or the reconstruction notice. */
  notice?: string;
  /** The selection is narrowed by county or size class (`sel.disclosureSensitive`). */
  disclosureSensitive?: boolean;
}

function cellText(value: unknown, column: TableColumn, locale: Locale): string {
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) return "–";
  if (typeof value === "number") return column.count ? formatCount(value, locale) : formatNumber(value, column.decimals, locale);
  return String(value);
}

/** What the CSV export writes for one plain-table cell: the value itself, a hidden count as blank. */
function cellFields(value: unknown, column: TableColumn, hidden: boolean, mask: boolean): ExportFields {
  if (typeof value !== "number") return [[column.key, value === null || value === undefined ? null : String(value)]];
  if (!mask) return [[column.key, value]];
  if (!column.count) return [[column.key, hidden ? null : value]];
  return hidden ? [[column.key, null], [`${column.key}_masked`, 1]] : [[column.key, value], [`${column.key}_masked`, 0]];
}

/**
 * The counts a plain table shows, under the one guard (shown-counts.ts): every count column's cells,
 * the counts of its audit lines (read back from their text; with one line per row, the line's base
 * is that row's count), the same N wherever it appears; a column computed from a count column (its
 * `from`, or a share "X %" beside "X") shows nothing once that column hides a count (the shares or
 * weights of a column pin each count, given the total).
 */
function plainCounts(spec: PlainTable, mask: boolean, threshold: number | undefined): { shown: ShownCounts; id: (i: number, key: string) => string; hiddenShare: (key: string) => boolean; audit: string[] } {
  const shown = new ShownCounts();
  const id = (i: number, key: string): string => `r${i}:${key}`;
  const countColumns = spec.columns.filter((c) => c.count);
  spec.rows.forEach((row, i) => {
    for (const c of countColumns) {
      const v = row[c.key];
      if (typeof v === "number" && Number.isFinite(v)) shown.add(id(i, c.key), v);
    }
  });
  const lines = typeof spec.audit === "string" ? [spec.audit] : spec.audit;
  const perRow = lines.length === spec.rows.length && countColumns.length === 1 ? countColumns[0] : undefined;
  const auditIds = lines.map((line, k) => {
    const base = perRow ? id(k, perRow.key) : `a${k}:base`;
    const ids: AuditIds = { n: "N", base, missing: (variable, code) => `a${k}:${variable}:${code ?? "blank"}` };
    const read = readAuditLine(line);
    if (read) {
      ids.n = `N=${read.parts.n}`;
      if (perRow && shown.value(base) !== read.parts.base) ids.base = `a${k}:base`;
    }
    shown.addAuditText(line, ids);
    return ids;
  });
  shown.guard(mask, threshold);
  const columnHides = new Set(countColumns.filter((c) => spec.rows.some((_, i) => shown.hidden(id(i, c.key)))).map((c) => c.label));
  const shareOf = new Map(spec.columns.map((c) => [c.key, spec.columns.find((x) => x.count && (c.from === x.key || `${x.label} %` === c.label))?.label]));
  return {
    shown,
    id,
    hiddenShare: (key) => {
      const of = shareOf.get(key);
      return of !== undefined && columnHides.has(of);
    },
    audit: lines.map((line, k) => shown.auditText(line, auditIds[k] ?? { n: "N", base: `a${k}:base` }, "N")),
  };
}

/** What a shared view shows instead of a table of a selection of 1–2 respondents: the caption and why. */
export function withheldFigure(doc: Document, caption: string, notice: string, className?: string): HTMLElement {
  const figure = element(doc, "figure", undefined, className ? `tv-table tv-withheld ${className}` : "tv-table tv-withheld");
  figure.append(element(doc, "figcaption", caption), element(doc, "p", notice, "tv-notice"));
  return figure;
}

/**
 * The rows a plain table's figures were computed on, as its own audit lines state them: the largest
 * N among the lines that are a kernel's audit line (`result.audit.line`, with or without a prefix,
 * read back by `readAuditLine`), as `tables.*` takes the largest N of the results it shows.
 * Undefined when no line is one: the table's rows are the cell's own objects (spread copies of
 * results, or computed on an Arquero table derived from `selection.table`), which carry no
 * selection, so the audit line is the one statement of N that reaches here.
 */
export function auditedN(spec: Pick<PlainTable, "audit">): number | undefined {
  const lines = typeof spec.audit === "string" ? [spec.audit] : spec.audit;
  const ns = lines.flatMap((line) => {
    const read = readAuditLine(line);
    return read ? [read.parts.n] : [];
  });
  return ns.length > 0 ? Math.max(...ns) : undefined;
}

/**
 * A captioned table of rows with its audit line below. In a shared view (`mask`), a table whose
 * audit lines say it was computed on 1–2 rows is withheld, as `tables.*` and `renderComparison`
 * withhold theirs: the filter bar says N < 3, so every figure of such a table (an n, a "constant in
 * these 2 cases") speaks of one or two known municipalities.
 */
export function renderTable(doc: Document, spec: PlainTable, options: PlainTableOptions = {}): HTMLElement {
  // The same rows, options and language drawn before: a copy of that table (kept-drawings.ts). 05's
  // adopters table comes back whole, 131 rows, on every "no filter" — the change that makes its p95
  // mid-page —, and a copy is a fraction of building it cell by cell. A table too long to be worth
  // a key (and a copy kept) is drawn afresh.
  if (spec.rows.length > KEPT_TABLE_ROWS) return drawPlainTable(doc, spec, options);
  return keptPlainTable(doc, [spec, options], () => drawPlainTable(doc, spec, options));
}

/** Plain tables longer than this are not kept (their key would cost more than most tables' drawing). */
const KEPT_TABLE_ROWS = 1000;

const keptPlainTable = drawingKeep<HTMLElement>();

function drawPlainTable(doc: Document, spec: PlainTable, options: PlainTableOptions): HTMLElement {
  const n = auditedN(spec);
  const withheld = n === undefined ? undefined : withheldNotice(n, { active: options.mask === true, threshold: options.threshold }, options.locale);
  if (withheld) return withheldFigure(doc, spec.caption, withheld);
  const layout = plainLayout(spec.columns, options);
  const locale = options.locale ?? DEFAULT_LOCALE;
  const figure = element(doc, "figure", undefined, "tv-table");
  if (spec.notice) figure.append(element(doc, "p", spec.notice, "tv-notice"));
  const head = (): HTMLTableRowElement => {
    const tr = element(doc, "tr");
    for (const c of spec.columns) tr.append(element(doc, "th", c.label));
    return tr;
  };
  const mask = options.mask === true;
  const counts = plainCounts(spec, mask, options.threshold);
  const exports = exportCells(doc);
  const by = layout.groupBy;
  // A block is headed by its value as its column's cells show it (plainLayout: groupBy names a
  // column): a count or share the guard hides is hidden in the heading too.
  const groups: string[] = [];
  const rows = spec.rows.map((row, i) => {
    const tr = element(doc, "tr");
    for (const c of spec.columns) {
      const hidden = (c.count === true && counts.shown.hidden(counts.id(i, c.key))) || counts.hiddenShare(c.key);
      const text = !hidden ? cellText(row[c.key], c, locale) : c.count ? counts.shown.text(counts.id(i, c.key)) : "–";
      // A long label ("Forbedringsgrupper/kvalitetssirkler", 05's lists of models) may break after
      // its "/" rather than mid-word; the cell's text, and so its export, is unchanged.
      const td = exports.cell("", cellFields(row[c.key], c, hidden, mask));
      appendWithBreaks(doc, td, text);
      tr.append(td);
      if (c.key === by && groups.length === i) groups.push(text);
    }
    return tr;
  });
  layOutRows(doc, figure, layout, { caption: spec.caption, head, rows, groups, write: (table) => exports.write(table) });
  figure.append(auditBlock(doc, [...counts.audit, ...counts.shown.note("columnShares", locale)]));
  return figure;
}

function figureText(count: number | null, percent: number | null, guard: (k: number) => ShownCount, locale: Locale): string {
  const shown = count === null ? null : guard(count);
  // A masked count hides its percentage too: with N beside it, the percentage would give the count back.
  if (shown?.masked) return formatShownCount(shown);
  const parts: string[] = [];
  if (percent !== null) parts.push(formatPercent(locale, percent, Number.isInteger(percent) ? 0 : 1));
  if (shown) parts.push(percent !== null ? `(${formatShownCount(shown)})` : formatShownCount(shown));
  return parts.length ? parts.join(" ") : "–";
}

const unmasked = (k: number): ShownCount => ({ masked: false, value: k });

/** A comparison's count `id` as a ShownCount: masked ("< 3" or "·") when the guard hides it. */
function shownCount(counts: ComparisonCounts, id: string, count: number): ShownCount {
  return counts.shown.hidden(id) ? { masked: true, threshold: DISCLOSURE_THRESHOLD, text: counts.shown.text(id) } : { masked: false, value: count };
}

function statusText(cell: ComparedCell, locale: Locale): string {
  const m = messages[locale];
  if (cell.matches === null) return "";
  if (!cell.matches) return m.differs;
  const resolved = cell.target.count !== cell.printedCount || cell.target.percent !== cell.printedPercent;
  return resolved ? `✓ ${m.resolution} (${cell.conflict ?? "documented"})` : "✓";
}

/** The weaker of two figures' evidence (the one a reader must be warier of), for a cell showing both. */
const STRENGTH: Readonly<Record<EvidenceKind, number>> = { printed: 3, determined: 2, "your-data": 1, reconstruction: 0 };
function weaker(a: Evidence | undefined, b: Evidence | undefined): Evidence | undefined {
  if (!a || !b) return a ?? b;
  return STRENGTH[a.kind] < STRENGTH[b.kind] ? a : b;
}

/** Put `evidence`'s marker after a cell's text and its class on the cell. */
function markCell(doc: Document, td: HTMLTableCellElement, evidence: Evidence | undefined, unit: "" | " %", seen: Set<EvidenceKind>, locale: Locale): void {
  if (!evidence) return;
  seen.add(evidence.kind);
  td.classList.add(evidenceClass(evidence.kind));
  td.append(evidenceMarker(doc, evidence, locale, (n) => formatNumber(n, unit ? 0 : undefined, locale), unit && locale === "en" ? "%" : unit));
}

/** What a comparison's figures rest on, counted as they are drawn: for the legend and the summary line. */
function evidenceTally(): { seen: Set<EvidenceKind>; counted: Record<EvidenceKind, number>; readonly draws: number; note(e: Evidence | undefined): void } {
  const seen = new Set<EvidenceKind>();
  const counted: Record<EvidenceKind, number> = { printed: 0, determined: 0, reconstruction: 0, "your-data": 0 };
  let draws = 0;
  return {
    seen,
    counted,
    get draws() {
      return draws;
    },
    note(e) {
      if (!e) return;
      counted[e.kind]++;
      draws = Math.max(draws, e.draws);
    },
  };
}

/** Options of `renderComparison`. */
export interface ComparisonRenderOptions extends RenderOptions {
  /**
   * "rows" (default): one line per printed figure. "grid": rows labelled "area — model" (one figure
   * each, as Tabell 2.6) drawn as the report printed them, areas down and models across, each cell
   * "recomputed (printed)".
   */
  layout?: "rows" | "grid";
}

/** The grid layout: "A — B" row labels split into A (down) and B (across), one figure per cell. */
function renderComparisonGrid(doc: Document, cmp: PrintedComparison, counts: ComparisonCounts, options: RenderOptions): HTMLElement {
  const split = cmp.rows.map((row) => ({ row, parts: row.label.split(" — ") }));
  const bad = split.find(({ row, parts }) => parts.length !== 2 || row.cells.length !== 1);
  if (bad) throw builtinError("renderComparison", "bad-option", `layout "grid" needs rows labelled "area — model" with one figure each; table ${cmp.id} has the row "${bad.row.label}". Leave out the layout option.`);
  const down = [...new Set(split.map((s) => s.parts[0] ?? ""))];
  const across = [...new Set(split.map((s) => s.parts[1] ?? ""))];
  const figure = element(doc, "figure", undefined, "tv-table tv-comparison");
  figure.append(element(doc, "p", cmp.note, cmp.mismatches > 0 ? "tv-notice tv-warning" : "tv-notice"));
  const table = element(doc, "table");
  const locale = options.locale ?? DEFAULT_LOCALE;
  table.append(element(doc, "caption", messages[locale].recomputedPrintedCaption(cmp.caption)));
  const head = element(doc, "tr");
  for (const label of ["", ...across]) head.append(element(doc, "th", label));
  const thead = element(doc, "thead");
  thead.append(head);
  const tbody = element(doc, "tbody");
  const tally = evidenceTally();
  const exports = exportCells(doc);
  for (const a of down) {
    const tr = element(doc, "tr");
    tr.append(element(doc, "th", a));
    for (const b of across) {
      const i = split.findIndex((s) => s.parts[0] === a && s.parts[1] === b);
      const row = split[i]?.row;
      const cell = row?.cells[0];
      if (!row || !cell) {
        tr.append(element(doc, "td", "–"));
        continue;
      }
      const id = counts.cell(i, 0);
      const hidden = counts.shown.hidden(id);
      const mark = cell.matches === false ? " ✗" : cell.conflict ? " ✓*" : "";
      const fields: ExportFields = [
        ["table", cmp.id], ["question", row.label], ["variable", row.variable], ["printed_count", cell.printedCount],
        ["recomputed_count", hidden ? null : cell.count], ...(options.mask === true ? [["recomputed_masked", hidden ? 1 : 0] as const] : []),
        ["agrees", cell.matches === null ? null : cell.matches ? 1 : 0], ...evidenceFields("recomputed", cell.evidence?.count),
      ];
      const td = exports.cell(`${counts.shown.text(id)} (${cell.printedCount ?? "–"})${mark}`, fields, cell.matches === false ? "tv-differs" : undefined);
      tally.note(cell.evidence?.count);
      if (!hidden) markCell(doc, td, cell.evidence?.count, "", tally.seen, locale);
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(thead, tbody);
  exports.write(table);
  const conflicts = [...new Set(cmp.rows.flatMap((r) => r.cells.flatMap((c) => (c.conflict && c.matches ? [c.conflict] : []))))];
  const auditLines = [
    counts.shown.auditText(cmp.rows[0]?.audit ?? `N = ${cmp.n}`, counts.audit(0)),
    messages[locale].comparisonCellAudit(conflicts.join(", ")),
  ];
  if (tally.seen.size > 0) auditLines.push(evidenceSummary(tally.counted, tally.draws, locale));
  if (cmp.drawn) auditLines.push(cmp.drawn);
  auditLines.push(...counts.shown.note("ranges", locale));
  figure.append(table);
  if (tally.seen.size > 0) figure.append(evidenceLegend(doc, tally.seen, tally.draws, locale));
  figure.append(auditBlock(doc, auditLines));
  return figure;
}

const keptComparison = drawingKeep<HTMLElement>();

/**
 * A printed table and its recomputation, one line per printed figure: row, category, printed,
 * recomputed (rounded as printed) with what it rests on, and whether they agree.
 */
export function renderComparison(doc: Document, cmp: PrintedComparison, options: ComparisonRenderOptions = {}): HTMLElement {
  // The same figures, options and language drawn before: a copy of that table (kept-drawings.ts).
  return keptComparison(doc, [cmp, options], () => drawComparison(doc, cmp, options));
}

function drawComparison(doc: Document, cmp: PrintedComparison, options: ComparisonRenderOptions): HTMLElement {
  const withheld = withheldNotice(cmp.n, { active: options.mask === true, threshold: options.threshold }, options.locale);
  if (withheld) return withheldFigure(doc, cmp.caption, withheld, "tv-comparison");
  const counts = comparisonCounts(cmp, options.mask === true, options.threshold);
  if (options.layout === "grid") return renderComparisonGrid(doc, cmp, counts, options);
  const locale = options.locale ?? DEFAULT_LOCALE;
  const m = messages[locale];
  const figure = element(doc, "figure", undefined, "tv-table tv-comparison");
  figure.append(element(doc, "p", cmp.note, cmp.mismatches > 0 ? "tv-notice tv-warning" : "tv-notice"));
  const table = element(doc, "table");
  table.append(element(doc, "caption", cmp.caption));
  const head = element(doc, "tr");
  // Under a filter the printed figures are still the report's, for all respondents: said in the header.
  for (const label of ["", m.answer, cmp.filtered && cmp.kind !== "text" ? m.printedAll : m.printed, cmp.filtered ? m.recomputedFiltered : m.recomputed, m.agrees]) head.append(element(doc, "th", label));
  const thead = element(doc, "thead");
  thead.append(head);
  const tbody = element(doc, "tbody");
  // The CSV export gets numbers, not the figures as printed on screen (see export-fields.ts).
  const recomputed = (id: string, count: number, percent: number | null): ExportFields => {
    const hidden = counts.shown.hidden(id);
    const flag: ExportFields = options.mask === true ? [["recomputed_masked", hidden ? 1 : 0]] : [];
    return hidden ? [["recomputed_percent", null], ["recomputed_count", null], ...flag] : [["recomputed_percent", percent], ["recomputed_count", count], ...flag];
  };
  const flag = (agrees: boolean | null): number | null => (agrees === null ? null : agrees ? 1 : 0);
  const tally = evidenceTally();
  const { seen, note } = tally;
  const exports = exportCells(doc);
  cmp.rows.forEach((row, r) => {
    const rowFields: ExportFields = [["table", cmp.id], ["question", row.label], ["variable", row.variable]];
    row.cells.forEach((cell, i) => {
      const tr = element(doc, "tr");
      tr.append(exports.cell(i === 0 ? row.label : "", rowFields));
      tr.append(exports.cell(cell.label, [["answer", cell.label], ["code", typeof cell.code === "number" ? cell.code : String(cell.code)]]));
      tr.append(exports.cell(figureText(cell.printedCount, cell.printedPercent, unmasked, locale), [["printed_percent", cell.printedPercent], ["printed_count", cell.printedCount]]));
      // A row that hides a count shows no percentages: with its base they would give the count back.
      const shownPercent = (cell.printedPercent === null && cell.target.percent === null) || counts.rowHides(r) ? null : cell.percentRounded;
      const id = counts.cell(r, i);
      // The percentage leads the cell, so its evidence (and range) is shown unless the count is weaker.
      const evidence = shownPercent === null ? cell.evidence?.count : weaker(cell.evidence?.count, cell.evidence?.percent);
      note(evidence);
      const td = exports.cell(figureText(cell.count, shownPercent, () => shownCount(counts, id, cell.count), locale), [...recomputed(id, cell.count, shownPercent === null ? null : cell.percent), ...evidenceFields("recomputed", evidence)]);
      // A masked count shows no range either: the range would bound the count it hides.
      if (!counts.shown.hidden(id)) markCell(doc, td, evidence, shownPercent === null || evidence !== cell.evidence?.percent ? "" : " %", seen, locale);
      tr.append(td);
      const resolution = cell.matches === true && statusText(cell, locale) !== "✓" ? (cell.conflict ?? "documented") : null;
      tr.append(exports.cell(statusText(cell, locale), [["agrees", flag(cell.matches)], ["resolution", resolution]], cell.matches === false ? "tv-differs" : undefined));
      tbody.append(tr);
    });
    if (row.printedTotal !== null || row.targetTotal !== null) {
      const tr = element(doc, "tr", undefined, "tv-total");
      const resolved = row.totalMatches === true && row.targetTotal !== row.printedTotal;
      tr.append(exports.cell("", rowFields), exports.cell("N", [["answer", "N"], ["code", null]]));
      tr.append(exports.cell(row.printedTotal === null ? "–" : String(row.printedTotal), [["printed_percent", null], ["printed_count", row.printedTotal]]));
      note(row.totalEvidence);
      const totalId = counts.total(r);
      const total = exports.cell(counts.shown.text(totalId), [...recomputed(totalId, row.total, null), ...evidenceFields("recomputed", row.totalEvidence)]);
      if (!counts.shown.hidden(totalId)) markCell(doc, total, row.totalEvidence, "", seen, locale);
      tr.append(total);
      tr.append(exports.cell(row.totalMatches === null ? "" : row.totalMatches ? (resolved ? `✓ ${m.resolution}` : "✓") : m.differs, [["agrees", flag(row.totalMatches)], ["resolution", resolved ? "documented" : null]]));
      tbody.append(tr);
    }
  });
  table.append(thead, tbody);
  exports.write(table);
  const bases = [...new Set(cmp.rows.map((r) => r.percentBase))].map((b) => messages[locale].percentBaseName(b)).join(", ");
  const first = counts.shown.auditText(cmp.rows[0]?.audit ?? `N = ${cmp.n}`, counts.audit(0));
  const auditLines = [first, messages[locale].comparisonBaseAudit(bases)];
  if (seen.size > 0) auditLines.push(evidenceSummary(tally.counted, tally.draws, locale));
  if (cmp.drawn) auditLines.push(cmp.drawn);
  auditLines.push(...counts.shown.note("rowPercentages", locale));
  figure.append(table);
  if (seen.size > 0) figure.append(evidenceLegend(doc, seen, tally.draws, locale));
  figure.append(auditBlock(doc, auditLines));
  // Every row's own audit line (its base and excluded missing values differ), folded away.
  const details = element(doc, "details", undefined, "tv-audit-rows");
  details.append(element(doc, "summary", m.auditEachRow(cmp.rows.length)));
  cmp.rows.forEach((row, r) => details.append(element(doc, "p", `${row.label} (${row.variable}): ${counts.shown.auditText(row.audit, counts.audit(r))}`, "tv-audit-line")));
  figure.append(details);
  return figure;
}

/**
 * DOM for the reconciliation notebook: the summary, one table per printed table with every figure
 * (printed, recomputed, residual, conflict id) and the differing ones highlighted, and every
 * inconsistency of printed-tables.json explained with the cells it touches. Built with the host's
 * document (textContent only, never innerHTML), so labels from the data cannot inject markup.
 * Highlights are inline styles as well as classes, so they show in any page that hosts the output.
 */
import { withheldNotice } from "../../stats/disclosure";
import { DEFAULT_LOCALE, formatNumber, messages, type Locale, type Messages } from "../../base/locale/locale";
import { FigureMarks } from "../tables/figure-marks";
import { percentUnit } from "../tables/table-dom";
import { evidenceOfCells, evidenceOfReconciliation, type ReconciliationEvidence } from "./reconciliation-evidence";
import type { ReconciledCell, ReconciledInconsistency, ReconciledStatus, ReconciledTable, Reconciliation, ReconciliationCounts } from "./reconcile";
import { reconciliationShown, type ReconciliationShown } from "./reconciliation-counts";
import { isElementNode } from "../../base/guards";
import { flaggedListing } from "./flagged-listing";
import { passageName, passagesText } from "./passage-name";
import { blockSize, columnGroup } from "../tables/plain-layout";
import { appendWithBreaks } from "../tables/break-opportunities";
import { inconsistencyWords, type BokmalInconsistencies } from "./inconsistency-words";

export interface ReconciliationRenderOptions {
  /** Mask recomputed counts below `threshold` ("< 3"): shared views under a county or size filter. */
  mask?: boolean;
  threshold?: number;
  /** Show only figures that differ from their target (and documented conflicts). */
  onlyFlagged?: boolean;
  /** The language of the headers, statuses, notes and numbers (default norsk). */
  locale?: Locale;
  /** `flaggedTable` under a filter: how many of the percentages furthest from the print it lists (default 25). */
  flaggedLimit?: number;
}

/** What a render shows: the options, the guard's decision, and what each recomputed figure rests on. */
interface Shown {
  options: ReconciliationRenderOptions;
  guard: ReconciliationShown;
  evidence?: ReconciliationEvidence;
  marks: FigureMarks;
  /** Figures shown without a marker: no recount of the ensemble shares them. */
  unmarked: number;
  locale: Locale;
  words: Messages;
}

/** What `rec`'s view shows; `evidence`: what its figures rest on (by default every figure's). */
function shownFor(doc: Document, rec: Reconciliation, options: ReconciliationRenderOptions, evidence = evidenceOfReconciliation(rec)): Shown {
  const locale = options.locale ?? DEFAULT_LOCALE;
  return { options, guard: reconciliationShown(rec, options.mask === true, options.threshold), evidence, marks: new FigureMarks(doc, evidence?.figures, locale), unmarked: 0, locale, words: messages[locale] };
}

/** The recomputed figure's cell: its text, and the marker of what it rests on (none when hidden by the guard: a range could give it back). */
function recomputedCell(doc: Document, cell: ReconciledCell, shown: Shown, prefix = ""): HTMLTableCellElement {
  const text = `${prefix}${recomputedText(cell, shown)}`;
  if (shown.guard.hidden(cell)) return el(doc, "td", text);
  const path = shown.evidence?.pathOf(cell);
  if (shown.evidence && path === undefined) shown.unmarked++;
  return shown.marks.cell(text, "recomputed", shown.evidence?.pathOf(cell), (n) => num(n, "count", shown.locale), cell.measure === "percent" ? percentUnit(shown.locale) : "");
}

/** The legend of the markers a view used, and the audit's tally (with the figures left unclassified). */
function evidenceNotes(figure: HTMLElement, audit: HTMLElement, doc: Document, shown: Shown): void {
  for (const line of shown.marks.auditLines()) audit.append(el(doc, "p", line, "tv-audit-line"));
  if (shown.unmarked > 0) {
    audit.append(el(doc, "p", shown.words.recUnmarked(shown.unmarked, "here"), "tv-audit-line"));
  }
  shown.marks.legendInto(figure);
}

/** In a shared view of 1–2 respondents: the notice shown instead of the figures. */
function withheld(doc: Document, rec: Reconciliation, options: ReconciliationRenderOptions, className: string): HTMLElement | undefined {
  const notice = withheldNotice(rec.n, { active: options.mask === true, threshold: options.threshold }, options.locale);
  if (!notice) return undefined;
  const figure = el(doc, "figure", undefined, `tv-table tv-withheld ${className}`);
  figure.append(el(doc, "p", notice, "tv-notice"));
  return figure;
}

/**
 * Background colours of the highlighted rows: light in both themes, so the row carries its own dark
 * ink (`HIGHLIGHT_INK`); the dark theme's light text on them read at a contrast of 1.1:1.
 */
const HIGHLIGHT: Partial<Record<ReconciledStatus, string>> = {
  "conflict-met": "#fff4d6",
  "conflict-off": "#ffd9d9",
  "difference": "#ffd9d9",
};

/** Text on a highlighted row (the light theme's ink). */
const HIGHLIGHT_INK = "#1d2430";

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A figure as printed: whole numbers as they are, others with one decimal, in the language's number format. */
function num(value: number | null, measure: ReconciledCell["measure"], locale: Locale): string {
  if (value === null || !Number.isFinite(value)) return "–";
  const text = formatNumber(locale, value, Number.isInteger(value) ? 0 : 1);
  return measure === "percent" ? `${text}${percentUnit(locale)}` : text;
}

/** The printed figure; when the print gives only the other measure (a count resolving a "48 %"), that one with its unit. */
function printedText(cell: ReconciledCell, locale: Locale): string {
  if (cell.printed !== null) return num(cell.printed, cell.measure, locale);
  if (cell.measure === "count" && cell.printedPercent !== null) return num(cell.printedPercent, "percent", locale);
  if (cell.measure === "percent" && cell.printedCount !== null) return `(${num(cell.printedCount, "count", locale)})`;
  return "–";
}

function recomputedText(cell: ReconciledCell, shown: Shown): string {
  if (cell.measure === "percent") return shown.guard.hidden(cell) ? "–" : num(cell.reconstructed, "percent", shown.locale);
  return shown.guard.text(cell);
}

/** A hidden figure's residual and status would give it back: both are left out. */
function residualText(cell: ReconciledCell, shown: Shown): string {
  if (shown.guard.hidden(cell)) return "–";
  if (cell.residual === 0) return "0";
  const sign = cell.residual > 0 ? "+" : "−";
  // A difference of percentages is in percentage points, not percent.
  const size = Math.abs(cell.residual);
  return cell.measure === "percent" ? `${sign}${num(size, "count", shown.locale)} ${shown.words.percentagePoints}` : `${sign}${num(size, cell.measure, shown.locale)}`;
}

/** The summary block: counts and the plain headline; under a filter, the warning first. */
export function renderReconciliationSummary(doc: Document, rec: Reconciliation, locale: Locale = DEFAULT_LOCALE): HTMLElement {
  const words = messages[locale];
  const figure = el(doc, "figure", undefined, "tv-table tv-reconciliation-summary");
  figure.append(el(doc, "p", rec.headline, rec.filtered || rec.counts.differences > 0 ? "tv-notice tv-warning" : "tv-notice"));
  const table = el(doc, "table");
  table.append(el(doc, "caption", words.recSummaryCaption(rec.filtered)));
  const c = rec.counts;
  // The counts of figures vary with the reconstruction (under a filter above all); the structural
  // ones (rows, inconsistencies) are facts of printed-tables.json and carry no marker.
  const label = words.recSummaryRows;
  const rows: [string, number, keyof ReconciliationCounts | undefined][] = [
    [label.compared, c.compared, "compared"],
    [label.exact, c.exact, "exact"],
    [label.conflictsMet, c.conflictsMet, "conflictsMet"],
    [label.soft, c.soft, "soft"],
    [label.softOff, c.softOff, "softOff"],
    [label.conflictsOff, c.conflictsOff, "conflictsOff"],
    [rec.filtered ? label.differencesFiltered : label.differences, c.differences, "differences"],
    [label.skipped, rec.skipped, undefined],
    [label.touching, rec.conflictIds.length, undefined],
    [label.inconsistencies, rec.inconsistencies.length, undefined],
  ];
  const marks = new FigureMarks(doc, evidenceOfReconciliation(rec)?.summary(), locale);
  const body = el(doc, "tbody");
  for (const [text, value, path] of rows) {
    const tr = el(doc, "tr");
    tr.append(el(doc, "td", text), marks.cell(formatNumber(locale, value), "count", path, (n) => formatNumber(locale, n)));
    body.append(tr);
  }
  table.append(body);
  figure.append(table);
  const audit = el(doc, "div", undefined, "tv-audit");
  for (const line of marks.auditLines()) audit.append(el(doc, "p", line, "tv-audit-line"));
  if (audit.childElementCount > 0) figure.append(audit);
  marks.legendInto(figure);
  return figure;
}

/** What a row's form depends on: its class, the colour of a highlighted row, and whether the table's id comes first. */
interface RowStyle {
  className: string;
  colour: string | undefined;
  withTable: boolean;
}

/** The column of the recomputed figure in a row without the table's id (one further with it). */
const RECOMPUTED_COLUMN = 6;
/** Cells of a row without the table's id. */
const ROW_CELLS = 10;

/**
 * Per document, a row's empty form by style, cloned for every row (issue 12: 04 draws some 1,400
 * rows a filter change, and one clone makes a row's eleven elements and its inline styles at once,
 * where creating and styling them one by one was most of the drawing). The forms are never shown.
 */
const rowForms = new WeakMap<Document, Map<string, HTMLElement>>();

/** A new empty row of `style`: its cells in place, the label cell's class and the highlight set. */
function emptyRow(doc: Document, style: RowStyle): HTMLElement {
  let forms = rowForms.get(doc);
  if (!forms) rowForms.set(doc, (forms = new Map()));
  const key = `${style.className}\u0000${style.colour ?? ""}\u0000${style.withTable}`;
  let form = forms.get(key);
  if (!form) {
    form = el(doc, "tr", undefined, style.className);
    for (let i = 0; i < ROW_CELLS; i++) form.append(el(doc, "td", undefined, i === 2 ? "tv-printed-label" : undefined));
    // On the row and on its first cell, which wide tables hold at the left edge on the page's paper.
    if (style.colour) for (const box of [form, form.firstElementChild]) box?.setAttribute("style", `background:${style.colour};color:${HIGHLIGHT_INK}`);
    if (style.withTable) form.prepend(el(doc, "td"));
    forms.set(key, form);
  }
  const row = form.cloneNode(true);
  if (!isElementNode(row)) throw new Error("a row's form cloned to a non-element");
  return row;
}

function cellRow(doc: Document, cell: ReconciledCell, shown: Shown, withTable: boolean): HTMLElement {
  const hidden = shown.guard.hidden(cell);
  const tr = emptyRow(doc, { className: `tv-rec-${cell.status}${cell.ok ? "" : " tv-differs"}`, colour: HIGHLIGHT[cell.status], withTable });
  const measure = cell.measure === "total" ? "N" : cell.measure === "percent" ? "%" : "n";
  const texts = [
    ...(withTable ? [cell.table] : []),
    cell.row,
    cell.variable,
    cell.measure === "total" ? shown.words.total : `${String(cell.code)} ${cell.label}`,
    measure,
    printedText(cell, shown.locale),
    cell.target === cell.printed ? "" : num(cell.target, cell.measure, shown.locale),
    undefined,
    residualText(cell, shown),
    cell.conflict ?? "",
    hidden ? "–" : shown.words.recStatus(cell.status),
  ];
  const tds = tr.children;
  texts.forEach((text, i) => {
    // An empty text adds no text node, as a cell drawn with "" has none. Labels, variables and
    // conflict ids may break after a "/", "_" or ":" (break-opportunities.ts), not inside a word.
    if (text) {
      const td = tds[i];
      if (td) appendWithBreaks(doc, td, text);
    }
  });
  const slot = tds[RECOMPUTED_COLUMN + (withTable ? 1 : 0)];
  if (slot) tr.replaceChild(recomputedCell(doc, cell, shown), slot);
  return tr;
}

/**
 * The columns' widths (em of the table's 13px text), the table's id first when shown: fixed
 * (`table-layout: fixed`, wide-tables.css `.tv-fixed`), never measured from the cells (issue 12).
 * A new filter puts other rows in "Figures that differ" and other numbers and ranges everywhere; an
 * auto-laid table measured every cell again and moved its columns with them (the table column
 * 10.3 → 7.8 em, recomputed 8.6 → 11.1 em between counties). Each width holds its header in either
 * language on one line, and the longest word of its column, so long labels, variables and conflict
 * ids wrap between words or after a "/", "-", "_" or ":" (`appendWithBreaks`), never inside a word.
 * Measured in Chromium's sans-serif with 10 px padding a side, the widest words need: table id
 * "text:expectations" 8.0 em ("municipalities", which a filter may list, about 8.4); row
 * "Sentraladministrasjon" 12.5; category "ressurskrevende" 9.8; conflict "fylkeskommuner" (of
 * "response-rate-fylkeskommuner") 9.8; status "resolution" 6.5. At 11.5, 9.5 and 6.5 em these broke
 * mid-word ("Sentraladministrasj|on", "t29-politikere|-base"). The table keeps at least their sum
 * (`--tv-min`) and scrolls sideways in a narrower box, as before.
 */
const TABLE_WIDTH = "8.5em";
const COLUMN_WIDTHS = ["13em", "6.5em", "10.25em", "6.5em", "6em", "7em", "9.5em", "6.5em", "10.25em", "6.75em"];
/** Sum of the widths in em, the table's least width. */
const widthSum = (widths: readonly string[]): string => `${widths.reduce((sum, w) => sum + parseFloat(w), 0)}em`;
const WITH_TABLE_WIDTHS = [TABLE_WIDTH, ...COLUMN_WIDTHS];
const MIN_WIDTH = { withTable: widthSum(WITH_TABLE_WIDTHS), without: widthSum(COLUMN_WIDTHS) };

function cellTable(doc: Document, caption: string, cells: readonly ReconciledCell[], shown: Shown, withTable = false): HTMLTableElement {
  const t = el(doc, "table", undefined, "tv-fixed");
  t.setAttribute("style", `--tv-min: ${withTable ? MIN_WIDTH.withTable : MIN_WIDTH.without}`);
  t.append(el(doc, "caption", caption), columnGroup(doc, withTable ? WITH_TABLE_WIDTHS : COLUMN_WIDTHS));
  const head = el(doc, "tr");
  const c = shown.words.recColumns;
  for (const label of [...(withTable ? [c.table] : []), c.row, c.variable, c.category, c.measure, c.printed, c.resolved, c.recomputed, c.residual, c.conflict, ""]) head.append(el(doc, "th", label));
  const thead = el(doc, "thead");
  thead.append(head);
  const body = el(doc, "tbody");
  for (const cell of cells) body.append(cellRow(doc, cell, shown, withTable));
  t.append(thead, body);
  return t;
}

/**
 * Rows per block of the flagged table (issue 12). Its 25–28 rows stand some 2,000 px tall at
 * 1360 px, and every filter change laid them all out while the reader mid-page sees 8–10 of them
 * (traced: ~720 layout objects, 4–7 ms of layout and 1–3 ms of paint at load 8–17, in the frame that
 * shows it). In blocks — the figure's caption, then one table of up to this many rows per
 * `.tv-block` (`content-visibility: auto`, wide-tables.css), as 05's list (tables/plain-layout.ts)
 * — the browser lays out and paints only the blocks near the view. Every row stays in the DOM, in
 * the listed order: a screen reader reads them in it, find-in-page and print reach them, the CSV
 * export joins the blocks' tables into one (app/drawn-output.ts), and the disclosure guard's masks
 * are the same cells as before.
 */
export const FLAGGED_BLOCK_ROWS = 8;

/** `rows` of the flagged table in blocks of FLAGGED_BLOCK_ROWS, under `caption`, into `figure`. */
function flaggedBlocks(doc: Document, figure: HTMLElement, caption: string, rows: readonly ReconciledCell[], shown: Shown): void {
  figure.classList.add("tv-blocks");
  figure.setAttribute("style", `--tv-min: ${MIN_WIDTH.withTable}`);
  figure.append(el(doc, "figcaption", caption));
  for (let first = 0; first < rows.length; first += FLAGGED_BLOCK_ROWS) {
    const part = rows.slice(first, first + FLAGGED_BLOCK_ROWS);
    const table = cellTable(doc, shown.words.recFlaggedBlock(first + 1, first + part.length, rows.length), part, shown, true);
    const block = el(doc, "div", undefined, "tv-block");
    block.setAttribute("style", blockSize([...table.querySelectorAll("tbody > tr")], WITH_TABLE_WIDTHS));
    block.append(table);
    figure.append(block);
  }
}

/** The figures that differ from their target, across all tables (soft statements included), in blocks (FLAGGED_BLOCK_ROWS). */
export function renderFlagged(doc: Document, rec: Reconciliation, options: ReconciliationRenderOptions = {}): HTMLElement {
  const hold = withheld(doc, rec, options, "tv-reconciliation-flagged");
  if (hold) return hold;
  const listing = flaggedListing(rec, options.flaggedLimit);
  // Only the figures listed carry a marker: their evidence alone (the rest of the recount is not waited for).
  const shown = shownFor(doc, rec, options, evidenceOfCells(rec, listing.rows));
  const cells = rec.tables.flatMap((t) => t.cells).filter((c) => !c.ok);
  const figure = el(doc, "figure", undefined, "tv-table tv-reconciliation-flagged");
  const caption = shown.words.recFlaggedCaption(cells.length, rec.filtered);
  if (listing.rows.length === 0) figure.append(el(doc, "p", `${caption}.`, "tv-notice"));
  else flaggedBlocks(doc, figure, caption, listing.rows, shown);
  const audit = el(doc, "div", undefined, "tv-audit");
  if (listing.ranked) audit.append(el(doc, "p", shown.words.recFlaggedRanked(listing.rows.length, listing.ranked.percentages, listing.ranked.leftOut), "tv-audit-line"));
  const undocumented = cells.filter((c) => c.status === "difference").length;
  audit.append(el(doc, "p", shown.words.recFlaggedAudit(formatNumber(shown.locale, rec.n), rec.filtered, cells.filter((c) => c.soft).length, undocumented), "tv-audit-line"));
  for (const line of shown.guard.note(shown.locale)) audit.append(el(doc, "p", line, "tv-audit-line"));
  figure.append(audit);
  evidenceNotes(figure, audit, doc, shown);
  return figure;
}

/** One printed table: every recomputed figure (or only the flagged ones), differences highlighted. */
export function renderReconciledTable(doc: Document, rec: Reconciliation, table: ReconciledTable, options: ReconciliationRenderOptions = {}): HTMLElement {
  const hold = withheld(doc, rec, options, "tv-reconciliation");
  if (hold) return hold;
  const shown = shownFor(doc, rec, options);
  const figure = el(doc, "figure", undefined, "tv-table tv-reconciliation");
  const c = table.counts;
  const visible = options.onlyFlagged ? table.cells.filter((x) => !x.ok || x.conflict !== undefined) : table.cells;
  const words = shown.words;
  const caption = words.recTableCaption(passageName(table, words), { compared: c.compared, exact: c.exact, resolved: c.conflictsMet, soft: c.soft, differing: c.differences + c.conflictsOff });
  figure.append(cellTable(doc, caption, visible, shown));
  const notes: string[] = [words.recSeedLines(table.lines[0], table.lines[1])];
  if (table.skipped.length) notes.push(words.recNotRecounted(table.skipped.map((s) => s.row).join("; "), table.kind));
  if (options.onlyFlagged) notes.push(words.recHiddenMatching(table.cells.length - visible.length));
  notes.push(...shown.guard.note(shown.locale));
  const audit = el(doc, "div", undefined, "tv-audit");
  for (const line of notes) audit.append(el(doc, "p", line, "tv-audit-line"));
  figure.append(audit);
  evidenceNotes(figure, audit, doc, shown);
  return figure;
}

/** Every inconsistency: description, reasoning, resolution, and the recomputed cells it touches. */
export function renderInconsistencies(doc: Document, rec: Reconciliation, options: ReconciliationRenderOptions = {}, bokmal?: BokmalInconsistencies): HTMLElement {
  const items: readonly ReconciledInconsistency[] = rec.inconsistencies;
  const shown = shownFor(doc, rec, options);
  const tiny = withheldNotice(rec.n, { active: options.mask === true, threshold: options.threshold }, options.locale);
  const words = shown.words;
  const section = el(doc, "section", undefined, "tv-inconsistencies");
  for (const inc of items) {
    const block = el(doc, "article", undefined, "tv-inconsistency");
    block.append(el(doc, "h3", `${inc.id} — ${passagesText(inc.table, rec.tables, words)}`));
    const list = el(doc, "dl");
    const said = inconsistencyWords(inc, shown.locale, bokmal);
    for (const [term, text] of [[words.recTermDescription, said.description], [words.recTermReasoning, said.reasoning], [words.recTermResolution, said.resolution]] as const) {
      list.append(el(doc, "dt", term), el(doc, "dd", text));
    }
    block.append(list);
    if (tiny) {
      block.append(el(doc, "p", tiny, "tv-notice"));
    } else if (inc.cells.length === 0) {
      block.append(el(doc, "p", words.recTouchesNone, "tv-audit-line"));
    } else {
      const t = el(doc, "table");
      const statuses = [...new Set(inc.cells.map((x) => words.recStatus(x.status)))].join(", ");
      t.append(el(doc, "caption", words.recCellsCarry(inc.cells.length, statuses)));
      const body = el(doc, "tbody");
      for (const cell of inc.cells) {
        const tr = el(doc, "tr");
        tr.append(
          el(doc, "td", cell.table),
          el(doc, "td", `${cell.row} (${cell.variable})`),
          el(doc, "td", cell.measure === "total" ? words.total : `${String(cell.code)} ${cell.label} [${cell.measure}]`, "tv-printed-label"),
          el(doc, "td", `${words.recPrefixPrinted} ${printedText(cell, shown.locale)}`),
          el(doc, "td", `${words.recPrefixTarget} ${num(cell.target, cell.measure, shown.locale)}`),
          recomputedCell(doc, cell, shown, `${words.recPrefixRecomputed} `),
          el(doc, "td", shown.guard.hidden(cell) ? "–" : words.recStatus(cell.status)),
        );
        body.append(tr);
      }
      t.append(body);
      block.append(t);
    }
    section.append(block);
  }
  if (shown.unmarked > 0) section.append(el(doc, "p", words.recUnmarked(shown.unmarked, "above"), "tv-audit-line"));
  shown.marks.legendInto(section);
  return section;
}

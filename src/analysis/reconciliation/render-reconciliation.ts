/**
 * DOM for the reconciliation notebook: the summary, one table per printed table with every figure
 * (printed, recomputed, residual, conflict id) and the differing ones highlighted, and every
 * inconsistency of printed-tables.json explained with the cells it touches. Built with the host's
 * document (textContent only, never innerHTML), so labels from the data cannot inject markup.
 * Highlights are inline styles as well as classes, so they show in any page that hosts the output.
 */
import { withheldNotice } from "../../stats/disclosure";
import { FigureMarks } from "../tables/figure-marks";
import { evidenceOfReconciliation, type ReconciliationEvidence } from "./reconciliation-evidence";
import type { ReconciledCell, ReconciledInconsistency, ReconciledStatus, ReconciledTable, Reconciliation, ReconciliationCounts } from "./reconcile";
import { reconciliationShown, type ReconciliationShown } from "./reconciliation-counts";

export interface ReconciliationRenderOptions {
  /** Mask recomputed counts below `threshold` ("< 3"): shared views under a county or size filter. */
  mask?: boolean;
  threshold?: number;
  /** Show only figures that differ from their target (and documented conflicts). */
  onlyFlagged?: boolean;
}

/** What a render shows: the options, the guard's decision, and what each recomputed figure rests on. */
interface Shown {
  options: ReconciliationRenderOptions;
  guard: ReconciliationShown;
  evidence?: ReconciliationEvidence;
  marks: FigureMarks;
  /** Figures shown without a marker: no recount of the ensemble shares them. */
  unmarked: number;
}

function shownFor(doc: Document, rec: Reconciliation, options: ReconciliationRenderOptions): Shown {
  const evidence = evidenceOfReconciliation(rec);
  return { options, guard: reconciliationShown(rec, options.mask === true, options.threshold), evidence, marks: new FigureMarks(doc, evidence?.figures, "en"), unmarked: 0 };
}

/** The recomputed figure's cell: its text, and the marker of what it rests on (none when hidden by the guard: a range could give it back). */
function recomputedCell(doc: Document, cell: ReconciledCell, shown: Shown, prefix = ""): HTMLTableCellElement {
  const text = `${prefix}${recomputedText(cell, shown)}`;
  if (shown.guard.hidden(cell)) return el(doc, "td", text);
  const path = shown.evidence?.pathOf(cell);
  if (shown.evidence && path === undefined) shown.unmarked++;
  return shown.marks.cell(text, "recomputed", shown.evidence?.pathOf(cell), (n) => num(n, "count"), cell.measure === "percent" ? " %" : "");
}

/** The legend of the markers a view used, and the audit's tally (with the figures left unclassified). */
function evidenceNotes(figure: HTMLElement, audit: HTMLElement, doc: Document, shown: Shown): void {
  for (const line of shown.marks.auditLines()) audit.append(el(doc, "p", line, "tv-audit-line"));
  if (shown.unmarked > 0) {
    audit.append(el(doc, "p", `${shown.unmarked} recomputed figure${shown.unmarked === 1 ? "" : "s"} here carry no marker: no recount of the ensemble shares them (derived variables, running-text statements)`, "tv-audit-line"));
  }
  shown.marks.legendInto(figure);
}

/** In a shared view of 1–2 respondents: the notice shown instead of the figures. */
function withheld(doc: Document, rec: Reconciliation, options: ReconciliationRenderOptions, className: string): HTMLElement | undefined {
  const notice = withheldNotice(rec.n, { active: options.mask === true, threshold: options.threshold });
  if (!notice) return undefined;
  const figure = el(doc, "figure", undefined, `tv-table tv-withheld ${className}`);
  figure.append(el(doc, "p", notice, "tv-notice"));
  return figure;
}

const STATUS_TEXT: Record<ReconciledStatus, string> = {
  "match": "✓",
  "conflict-met": "✓ resolution",
  "soft": "≈ text",
  "conflict-off": "✗ misses resolution",
  "difference": "✗ differs",
};

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

function num(value: number | null, measure: ReconciledCell["measure"]): string {
  if (value === null || !Number.isFinite(value)) return "–";
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(".", ",");
  return measure === "percent" ? `${text} %` : text;
}

/** The printed figure; when the print gives only the other measure (a count resolving a "48 %"), that one with its unit. */
function printedText(cell: ReconciledCell): string {
  if (cell.printed !== null) return num(cell.printed, cell.measure);
  if (cell.measure === "count" && cell.printedPercent !== null) return num(cell.printedPercent, "percent");
  if (cell.measure === "percent" && cell.printedCount !== null) return `(${num(cell.printedCount, "count")})`;
  return "–";
}

/** "Tabell 2.1, text figure “adoption-share”" from an inconsistency's table field. */
function whereText(tables: string): string {
  return tables.split(",").map((t) => t.trim()).map((t) => (t.startsWith("text:") ? `text figure “${t.slice(5)}”` : /^[\d.]+$/.test(t) ? `Tabell ${t}` : t)).join(", ");
}

function recomputedText(cell: ReconciledCell, shown: Shown): string {
  if (cell.measure === "percent") return shown.guard.hidden(cell) ? "–" : num(cell.reconstructed, "percent");
  return shown.guard.text(cell);
}

/** A hidden figure's residual and status would give it back: both are left out. */
function residualText(cell: ReconciledCell, shown: Shown): string {
  if (shown.guard.hidden(cell)) return "–";
  if (cell.residual === 0) return "0";
  const sign = cell.residual > 0 ? "+" : "−";
  // A difference of percentages is in percentage points, not percent.
  const size = Math.abs(cell.residual);
  return cell.measure === "percent" ? `${sign}${num(size, "count")} pp` : `${sign}${num(size, cell.measure)}`;
}

/** The summary block: counts and the plain headline; under a filter, the warning first. */
export function renderReconciliationSummary(doc: Document, rec: Reconciliation): HTMLElement {
  const figure = el(doc, "figure", undefined, "tv-table tv-reconciliation-summary");
  figure.append(el(doc, "p", rec.headline, rec.filtered || rec.counts.differences > 0 ? "tv-notice tv-warning" : "tv-notice"));
  const table = el(doc, "table");
  table.append(el(doc, "caption", rec.filtered ? "Printed figures against the filtered recomputation (not comparable)" : "Printed figures against the recomputation"));
  const c = rec.counts;
  // The counts of figures vary with the reconstruction (under a filter above all); the structural
  // ones (rows, inconsistencies) are facts of printed-tables.json and carry no marker.
  const rows: [string, number, keyof ReconciliationCounts | undefined][] = [
    ["Figures compared", c.compared, "compared"],
    ["Exact matches", c.exact, "exact"],
    ["Documented conflicts met at their resolved value", c.conflictsMet, "conflictsMet"],
    ["Soft text statements", c.soft, "soft"],
    ["… of which not exactly the stated round figure (approximate wording)", c.softOff, "softOff"],
    ["Documented conflicts whose resolution is missed", c.conflictsOff, "conflictsOff"],
    [rec.filtered ? "Differences (expected under a filter)" : "Undocumented differences", c.differences, "differences"],
    ["Printed rows with nothing to recount (lists)", rec.skipped, undefined],
    ["Inconsistencies touching recountable cells", rec.conflictIds.length, undefined],
    ["Inconsistencies in all (printed-tables.json)", rec.inconsistencies.length, undefined],
  ];
  const marks = new FigureMarks(doc, evidenceOfReconciliation(rec)?.summary(), "en");
  const body = el(doc, "tbody");
  for (const [label, value, path] of rows) {
    const tr = el(doc, "tr");
    tr.append(el(doc, "td", label), marks.cell(String(value), "count", path, (n) => String(n)));
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

function cellRow(doc: Document, cell: ReconciledCell, shown: Shown): HTMLTableRowElement {
  const hidden = shown.guard.hidden(cell);
  const tr = el(doc, "tr", undefined, `tv-rec-${cell.status}${cell.ok ? "" : " tv-differs"}`);
  const colour = HIGHLIGHT[cell.status];
  const measure = cell.measure === "total" ? "N" : cell.measure === "percent" ? "%" : "n";
  tr.append(
    el(doc, "td", cell.row),
    el(doc, "td", cell.variable),
    el(doc, "td", cell.measure === "total" ? "Total" : `${String(cell.code)} ${cell.label}`),
    el(doc, "td", measure),
    el(doc, "td", printedText(cell)),
    el(doc, "td", cell.target === cell.printed ? "" : num(cell.target, cell.measure)),
    recomputedCell(doc, cell, shown),
    el(doc, "td", residualText(cell, shown)),
    el(doc, "td", cell.conflict ?? ""),
    el(doc, "td", hidden ? "–" : STATUS_TEXT[cell.status]),
  );
  // On the row and on its first cell, which wide tables hold at the left edge on the page's paper.
  if (colour) for (const box of [tr, tr.firstElementChild]) box?.setAttribute("style", `background:${colour};color:${HIGHLIGHT_INK}`);
  return tr;
}

function cellTable(doc: Document, caption: string, cells: readonly ReconciledCell[], shown: Shown, withTable = false): HTMLTableElement {
  const t = el(doc, "table");
  t.append(el(doc, "caption", caption));
  const head = el(doc, "tr");
  for (const label of [...(withTable ? ["Tabell"] : []), "Row", "Variable", "Category", "Measure", "Printed", "Resolved", "Recomputed", "Residual", "Conflict", ""]) head.append(el(doc, "th", label));
  const thead = el(doc, "thead");
  thead.append(head);
  const body = el(doc, "tbody");
  for (const cell of cells) {
    const tr = cellRow(doc, cell, shown);
    if (withTable) tr.prepend(el(doc, "td", cell.table));
    body.append(tr);
  }
  t.append(thead, body);
  return t;
}

/** The figures that differ from their target, across all tables (soft statements included). */
export function renderFlagged(doc: Document, rec: Reconciliation, options: ReconciliationRenderOptions = {}): HTMLElement {
  const hold = withheld(doc, rec, options, "tv-reconciliation-flagged");
  if (hold) return hold;
  const shown = shownFor(doc, rec, options);
  const cells = rec.tables.flatMap((t) => t.cells).filter((c) => !c.ok);
  const figure = el(doc, "figure", undefined, "tv-table tv-reconciliation-flagged");
  const caption = `${cells.length} figure${cells.length === 1 ? "" : "s"} differ from their target${rec.filtered ? " (expected under a filter)" : ""}`;
  if (cells.length === 0) figure.append(el(doc, "p", `${caption}.`, "tv-notice"));
  else figure.append(cellTable(doc, caption, cells, shown, true));
  const audit = el(doc, "div", undefined, "tv-audit");
  const undocumented = cells.filter((c) => c.status === "difference").length;
  audit.append(el(doc, "p", `N = ${rec.n}${rec.filtered ? " (filtered)" : ""} · residual = recomputed − target; percentages rounded as printed · ${cells.filter((c) => c.soft).length} soft, ${undocumented} ${rec.filtered ? "differing under the filter" : "undocumented"} · engine: src/data/residuals.ts`, "tv-audit-line"));
  for (const line of shown.guard.note()) audit.append(el(doc, "p", line, "tv-audit-line"));
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
  const caption = `${table.id} — ${table.caption} (${c.compared} figures: ${c.exact} exact, ${c.conflictsMet} resolved, ${c.soft} soft, ${c.differences + c.conflictsOff} differing)`;
  figure.append(cellTable(doc, caption, visible, shown));
  const notes: string[] = [`Seed lines ${table.lines[0]}–${table.lines[1]}. Residual = recomputed − target (printed, or the resolution of a documented conflict); percentages compared after rounding as printed.`];
  if (table.skipped.length) notes.push(`Not recounted: ${table.skipped.map((s) => s.row).join("; ")} (${table.kind} rows).`);
  if (options.onlyFlagged) notes.push(`${table.cells.length - visible.length} matching figures hidden.`);
  notes.push(...shown.guard.note());
  const audit = el(doc, "div", undefined, "tv-audit");
  for (const line of notes) audit.append(el(doc, "p", line, "tv-audit-line"));
  figure.append(audit);
  evidenceNotes(figure, audit, doc, shown);
  return figure;
}

/** Every inconsistency: description, reasoning, resolution, and the recomputed cells it touches. */
export function renderInconsistencies(doc: Document, rec: Reconciliation, options: ReconciliationRenderOptions = {}): HTMLElement {
  const items: readonly ReconciledInconsistency[] = rec.inconsistencies;
  const shown = shownFor(doc, rec, options);
  const tiny = withheldNotice(rec.n, { active: options.mask === true, threshold: options.threshold });
  const section = el(doc, "section", undefined, "tv-inconsistencies");
  for (const inc of items) {
    const block = el(doc, "article", undefined, "tv-inconsistency");
    block.append(el(doc, "h3", `${inc.id} — ${whereText(inc.table)}`));
    const list = el(doc, "dl");
    for (const [term, text] of [["Description", inc.description], ["Reasoning", inc.reasoning], ["Resolution", inc.resolution]] as const) {
      list.append(el(doc, "dt", term), el(doc, "dd", text));
    }
    block.append(list);
    if (tiny) {
      block.append(el(doc, "p", tiny, "tv-notice"));
    } else if (inc.cells.length === 0) {
      block.append(el(doc, "p", "Touches no recountable cell (a list, a caption, the questionnaire or a printed sum): explained, not recomputed.", "tv-audit-line"));
    } else {
      const t = el(doc, "table");
      const statuses = [...new Set(inc.cells.map((x) => STATUS_TEXT[x.status]))].join(", ");
      t.append(el(doc, "caption", `${inc.cells.length === 1 ? "1 recomputed cell carries" : `${inc.cells.length} recomputed cells carry`} this id (${statuses})`));
      const body = el(doc, "tbody");
      for (const cell of inc.cells) {
        const tr = el(doc, "tr");
        tr.append(
          el(doc, "td", cell.table),
          el(doc, "td", `${cell.row} (${cell.variable})`),
          el(doc, "td", cell.measure === "total" ? "Total" : `${String(cell.code)} ${cell.label} [${cell.measure}]`),
          el(doc, "td", `printed ${printedText(cell)}`),
          el(doc, "td", `target ${num(cell.target, cell.measure)}`),
          recomputedCell(doc, cell, shown, "recomputed "),
          el(doc, "td", shown.guard.hidden(cell) ? "–" : STATUS_TEXT[cell.status]),
        );
        body.append(tr);
      }
      t.append(body);
      block.append(t);
    }
    section.append(block);
  }
  if (shown.unmarked > 0) section.append(el(doc, "p", `${shown.unmarked} recomputed figure${shown.unmarked === 1 ? "" : "s"} above carry no marker: no recount of the ensemble shares them (derived variables, running-text statements)`, "tv-audit-line"));
  shown.marks.legendInto(section);
  return section;
}

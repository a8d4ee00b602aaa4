/**
 * How a plain table (`renderTable`) lays out its columns and rows: its `widths` and `groupBy`
 * options, read and checked once, and the parts they add to the drawing.
 *
 * Why blocks (issue 12): 05's adopters list is 131 rows, one table ~7,000 px tall. A filter cleared
 * with the list in view laid out and painted every row in one frame (~50 ms of the frame's thread,
 * a task over 50 ms in some changes), and Chromium does not skip the layout of table parts that are
 * off screen (`content-visibility` has no effect on a row group). Drawn in blocks — one table per
 * run of rows with the same `groupBy` value, each in a block-level box with `content-visibility:
 * auto` (wide-tables.css, `.tv-block`) — the browser lays out and paints only the blocks near the
 * view; every row stays in the DOM, found by find-in-page, read by screen readers and exported.
 * Columns line up across blocks because the blocks share fixed widths (`table-layout: fixed`):
 * a filter change no longer moves the columns, which analysts prefer under what-if changes.
 *
 * Pure core: builds with the host's document.
 */
import { builtinError } from "../../base/builtin-problem";
import { element } from "./table-dom";

/** `renderTable`'s layout options (the reference panel shows these docs to cell authors). */
export interface PlainLayoutOptions {
  /**
   * Show the rows in blocks, one per run of rows with the same value of this column's key (sort
   * the rows by it), each headed by that value and its row count: e.g. `groupBy: "fylkeName"`, one
   * block per county. The browser lays out and paints only the blocks near the view, so a long
   * list redrawn under a filter stays quick; every row is still on the page (find, screen readers,
   * print) and in the CSV export. Blocks get fixed column widths (`widths`) so columns line up.
   */
  groupBy?: string;
  /**
   * Fixed column widths by column key, each a length in em, rem, ch or px: e.g.
   * `widths: {knr: "4em", name: "11em"}`. The table then keeps its columns where they are when a
   * filter changes its rows; columns without a width share the rest (at least 10em each, the table
   * scrolls sideways in a narrow window).
   */
  widths?: Readonly<Record<string, string>>;
}

/** A plain table's layout, normalised. */
export interface PlainLayout {
  /** Each column's width, in column order (undefined: a share of the rest); undefined: the browser's automatic layout. */
  widths: readonly (string | undefined)[] | undefined;
  /** The least width of a fixed table: its columns' widths, and `AUTO_COLUMN_MIN` for each column without one ("0" when not fixed). */
  minWidth: string;
  /** The row field whose runs of equal values make the blocks; undefined: one table. */
  groupBy: string | undefined;
}

/** A column without a width is never narrower than this (the table scrolls sideways instead). */
const AUTO_COLUMN_MIN = "10em";

/** A width as cell authors write it: a number with a unit that does not depend on the container. */
const LENGTH = /^\d{1,4}(\.\d{1,2})?(em|rem|ch|px)$/;

/**
 * `options`' `widths` and `groupBy` checked against `columns`: a width names a column and is a
 * length ("8em"); `groupBy` is a row field's name. Grouped rows always get fixed widths (columns
 * must line up across blocks), shared equally where none is given.
 */
export function plainLayout(columns: readonly { key: string }[], options: PlainLayoutOptions): PlainLayout {
  const { groupBy, widths } = options;
  if (groupBy !== undefined && (typeof groupBy !== "string" || groupBy === "")) {
    throw builtinError("renderTable", "bad-option", `groupBy is the name of a row field whose values head the blocks, e.g. groupBy: "fylkeName"; it got ${JSON.stringify(groupBy)}.`);
  }
  const keys = columns.map((c) => c.key);
  // The heading is a column's value as its cells show it: every row then carries it in the CSV
  // export too, and the disclosure guard that hides a cell hides the heading (render-table.ts).
  if (groupBy !== undefined && !keys.includes(groupBy)) {
    throw builtinError("renderTable", "bad-option", `groupBy names the row field "${groupBy}", but no column shows it; its columns are ${keys.join(", ")}. Add it as a column: each row keeps it in the CSV export.`);
  }
  // Each width is read once: what is checked is what is drawn (a cell's getter could answer
  // "8em" to the check and other CSS to a second read).
  const checked = new Map<string, string>();
  for (const [key, width] of Object.entries(widths ?? {})) {
    if (!keys.includes(key)) throw builtinError("renderTable", "bad-option", `widths names the column "${key}", but the table has none; its columns are ${keys.join(", ")}.`);
    if (typeof width !== "string" || !LENGTH.test(width)) throw builtinError("renderTable", "bad-option", `widths.${key} is ${JSON.stringify(width)}: give a length in em, rem, ch or px, e.g. "8em".`);
    checked.set(key, width);
  }
  const given = columns.map((c) => checked.get(c.key));
  const fixed = groupBy !== undefined || given.some((w) => w !== undefined);
  const auto = given.filter((w) => w === undefined).length;
  const parts = [...given.filter((w): w is string => w !== undefined), ...(auto > 0 ? [`${auto} * ${AUTO_COLUMN_MIN}`] : [])];
  return { widths: fixed ? given : undefined, minWidth: fixed && parts.length > 0 ? `calc(${parts.join(" + ")})` : "0", groupBy };
}

/** A `<colgroup>` setting each column's width (fixed layout reads the widths from its first row and columns). */
export function columnGroup(doc: Document, widths: readonly (string | undefined)[]): HTMLTableColElement {
  const group = element(doc, "colgroup");
  for (const width of widths) {
    const col = element(doc, "col");
    // The width was checked to be a plain length (`plainLayout`), so it cannot carry other CSS.
    if (width !== undefined) col.setAttribute("style", `width: ${width}`);
    group.append(col);
  }
  return group;
}

/** Rows split into runs of equal `groupBy` values, in their order (rows come sorted by it). */
export function rowRuns<R>(rows: readonly R[], value: (row: R) => string): { value: string; rows: R[] }[] {
  const runs: { value: string; rows: R[] }[] = [];
  for (const row of rows) {
    const v = value(row);
    const last = runs.at(-1);
    if (last && last.value === v) last.rows.push(row);
    else runs.push({ value: v, rows: [row] });
  }
  return runs;
}

/** A column without a width is taken to be this wide (em) when a block's height is estimated. */
const AUTO_COLUMN_ESTIMATE = 11;
/** Em per unit of a width (the table's text is 13px; a root em 16px; a `0` about 0.55em). */
const EM_PER_UNIT: Readonly<Record<string, number>> = { em: 1, rem: 16 / 13, ch: 0.55, px: 1 / 13 };
/** Characters of the table's text per em of a line, and a cell's side padding in em: rough, for the estimate only. */
const CHARS_PER_EM = 1.75;
const CELL_PADDING_EM = 1.5;

/** Each column's width in em, for the estimate (`AUTO_COLUMN_ESTIMATE` where none is given). */
function widthsInEm(widths: readonly (string | undefined)[]): number[] {
  return widths.map((width) => {
    const match = width === undefined ? null : /^([\d.]+)(em|rem|ch|px)$/.exec(width);
    return match ? Number(match[1]) * (EM_PER_UNIT[match[2] ?? "em"] ?? 1) : AUTO_COLUMN_ESTIMATE;
  });
}

/**
 * The lines of text `rows` are expected to take: per row, its cell that wraps to the most lines at
 * its column's width. A block not yet laid out is given a height from it (`--lines`), so the page
 * is about as tall before the blocks are laid out as after (its scrollbar and what a jump to a row
 * finds) — the browser keeps each block's real height once it has laid it out.
 */
function expectedLines(rows: readonly Element[], ems: readonly number[]): number {
  let lines = 0;
  for (const row of rows) {
    let most = 1;
    let i = 0;
    for (const cell of row.children) {
      const perLine = Math.max(1, ((ems[i] ?? AUTO_COLUMN_ESTIMATE) - CELL_PADDING_EM) * CHARS_PER_EM);
      most = Math.max(most, Math.ceil((cell.textContent?.length ?? 0) / perLine));
      i++;
    }
    lines += most;
  }
  return lines;
}

/**
 * A block's `style`: its rows and their expected lines of text at `widths` (`--rows`, `--lines`),
 * from which wide-tables.css sizes it until the browser has laid it out (`contain-intrinsic-size`).
 */
export function blockSize(rows: readonly Element[], widths: readonly (string | undefined)[]): string {
  const lines = expectedLines(rows, widthsInEm(widths));
  return `--rows: ${rows.length}; --lines: ${lines}`;
}

/** What `layOutRows` needs of the table being drawn. */
export interface PlainParts {
  caption: string;
  /** Makes the head row (once per block's table). */
  head(): HTMLTableRowElement;
  /** The body rows, and each one's `groupBy` value as shown. */
  rows: readonly HTMLTableRowElement[];
  groups: readonly string[];
  /** Writes the export fields of a table's body cells onto it (exportCells). */
  write(table: Element): void;
}

/** One `<table>`: caption, column widths (fixed layout), head and body. */
function tablePart(doc: Document, caption: string, layout: PlainLayout, head: HTMLTableRowElement, rows: readonly HTMLTableRowElement[], write: (table: Element) => void): HTMLTableElement {
  const table = element(doc, "table", undefined, layout.widths ? "tv-fixed" : undefined);
  table.append(element(doc, "caption", caption));
  if (layout.widths) table.append(columnGroup(doc, layout.widths));
  const thead = element(doc, "thead");
  thead.append(head);
  const tbody = element(doc, "tbody");
  tbody.append(...rows);
  table.append(thead, tbody);
  write(table);
  return table;
}

/**
 * The plain table's rows laid out into `figure`: one table, or — grouped — the list's caption and
 * one block per run of rows with the same `groupBy` value, each a `<div class="tv-block">` holding
 * a table captioned with that value and its row count, with the head repeated (each block is a
 * table a screen reader can read alone), `--rows` and `--lines` giving the block's expected height
 * before it is laid out (`contain-intrinsic-size`, wide-tables.css).
 */
export function layOutRows(doc: Document, figure: HTMLElement, layout: PlainLayout, parts: PlainParts): void {
  if (layout.widths) figure.setAttribute("style", `--tv-min: ${layout.minWidth}`);
  // No rows (a filter none meets): one table with its head, as without blocks — a screen reader
  // reads an empty table and the export writes its header, not nothing.
  if (layout.groupBy === undefined || parts.rows.length === 0) {
    figure.append(tablePart(doc, parts.caption, layout, parts.head(), parts.rows, parts.write));
    return;
  }
  figure.classList.add("tv-blocks");
  figure.append(element(doc, "figcaption", parts.caption));
  const runs = rowRuns(parts.rows.map((row, i) => ({ row, group: parts.groups[i] ?? "–" })), (r) => r.group);
  for (const run of runs) {
    const block = element(doc, "div", undefined, "tv-block");
    block.setAttribute("style", blockSize(run.rows.map((r) => r.row), layout.widths ?? []));
    block.append(tablePart(doc, `${run.value} (${run.rows.length})`, layout, parts.head(), run.rows.map((r) => r.row), parts.write));
    figure.append(block);
  }
}

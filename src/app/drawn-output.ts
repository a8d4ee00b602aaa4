/**
 * What an output drawn by the analysis builtins can be saved as, read off the output's root instead
 * of searched for (issue 12). Every filter change redraws each chart and table it reaches, and the
 * export buttons beside each output (`withExportMenus`) searched every output for an `<svg>` and a
 * `<table>`: on 02 that walked every cell of thirteen comparison tables for an `<svg>` they never
 * hold, and every mark of each chart for a `<table>`.
 *
 * The builtins' outputs say what they are:
 *  - a survey chart is one `<svg class="tv-chart">` (analysis/charts/chart-theme.ts, `frameChart`),
 *    built of SVG parts only: it is the chart, and it holds no HTML table;
 *  - a table is a `<figure class="tv-table">` with its `<table>` as a child (render-table.ts,
 *    tables/table-dom.ts, reconciliation/render-reconciliation.ts), and no chart; a list drawn in
 *    blocks (`renderTable`'s `groupBy`, tables/plain-layout.ts) is a `<figure class="tv-table
 *    tv-blocks">` with its caption as `<figcaption>` and one table per block, each the only child
 *    of a `<div class="tv-block">`: its tables are one table to export, their rows in order.
 * Any other output — a cell's own HTML, Plot called in a cell, a figure without a table of its own
 * (a withheld one) — is not known here and is searched as before.
 */

const SVG_NS = "http://www.w3.org/2000/svg";
/** The class of a survey chart's outer `<svg>` (chart-theme.ts `CHART_CLASS.root`). */
const CHART_CLASS = "tv-chart";
/**
 * The class of a chart the page must not scale below its drawn size (chart-theme.ts
 * `CHART_CLASS.scrolls`: the correlation heatmap), and of the box the page scrolls it in.
 */
const SCROLLS_CLASS = "tv-chart-scrolls";
const SCROLL_BOX_CLASS = "nb-chart-scroll";

/** The class of a table figure drawn by the analysis tables. */
const TABLE_CLASS = "tv-table";

/** The class of a table figure drawn in blocks, and of each block (tables/plain-layout.ts). */
const BLOCKS_CLASS = "tv-blocks";
const BLOCK_CLASS = "tv-block";

/** A builtin's table: its table, or a list in blocks' tables in order, and the caption its file is named after. */
export interface DrawnTable {
  tables: readonly HTMLTableElement[];
  caption: string | undefined;
}

/** The chart or the table of a builtin's output, or undefined when `node` is not one (search it). */
export function drawnOutput(node: Node): { chart: Element } | { table: DrawnTable } | undefined {
  if (!(node instanceof Element)) return undefined;
  if (node.localName === "svg" && node.namespaceURI === SVG_NS && node.classList.contains(CHART_CLASS)) return { chart: node };
  if (node.localName !== "figure" || !node.classList.contains(TABLE_CLASS)) return undefined;
  if (node.classList.contains(BLOCKS_CLASS)) {
    const tables: HTMLTableElement[] = [];
    let caption: string | undefined;
    for (const child of node.children) {
      if (child.localName === "figcaption") caption ??= child.textContent ?? undefined;
      const table = child.classList.contains(BLOCK_CLASS) ? child.firstElementChild : null;
      if (table instanceof HTMLTableElement) tables.push(table);
    }
    return tables.length > 0 ? { table: { tables, caption } } : undefined;
  }
  for (const child of node.children) if (child instanceof HTMLTableElement) return { table: { tables: [child], caption: child.caption?.textContent ?? undefined } };
  return undefined;
}

/**
 * `node` as the page shows it: a chart that must keep its drawn size inside a box that scrolls it
 * sideways (nb-export-menu.css; output-a11y.ts makes the box a named, focusable region when it
 * overflows), anything else as is. Without the box the chart was scaled into a phone's column until
 * its text was 3 px high; with it alone the whole output scrolled, export buttons included.
 */
export function scrollBoxed(node: Node): Node {
  if (!(node instanceof Element) || !node.classList.contains(SCROLLS_CLASS) || !node.classList.contains(CHART_CLASS)) return node;
  const box = node.ownerDocument.createElement("div");
  box.className = SCROLL_BOX_CLASS;
  box.append(node);
  return box;
}

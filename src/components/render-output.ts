/**
 * Turning cell values into DOM for the output area: DOM nodes as they are, markdown as sanitized
 * HTML, Arquero tables as a small HTML table, everything else as readable text/JSON. Errors become a
 * red box naming the kind of error and the runtime's message (which says the fix). Every output that
 * can be saved — each chart, each table — gets its own export buttons beside it (`withExportMenus`).
 */
import { DEFAULT_LOCALE, formatNumber, isLocale, messages, type Locale } from "../base/locale/locale";
import type { DOMPurify } from "dompurify";
import { describeFunction } from "../base/describe-function";
import { loadOnce } from "../base/load-once";
import { isDisplayTable, type DisplayTable } from "../runtime/display-table";
import { isMarkdownOutput, isUnsupportedCellOutput, type CellError } from "../runtime/types";
import { unsupportedKindName } from "../runtime/markdown-cell";
import { htmlTooDeep } from "../runtime/html-limits";
import { markdownLimitMessage, markdownLimitOf } from "../base/locale/markdown-limit-words";
import { findChartSvg } from "../app/export-chart";
import { findHtmlTable, htmlTableData } from "../app/html-table-rows";
import { drawnOutput, scrollBoxed, type DrawnTable } from "../app/drawn-output";
import { isColumnTable, type ExportableTable } from "../analysis/export-table";
import { NbExportMenu } from "./nb-export-menu";
import { referenceButton } from "./authoring/reference-link";
import { updateInPlace } from "./update-in-place";

const MAX_TABLE_ROWS = 12;
const MAX_TEXT = 4000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}


function isNode(value: unknown): value is Node {
  return typeof Node !== "undefined" && value instanceof Node;
}

let purify: DOMPurify | undefined;

/**
 * Loads DOMPurify (once). It is not among the frame's first scripts (issue 12: the JavaScript
 * before the first draw); frame.ts starts this at boot and draws a notebook only once it resolved.
 */
export const loadSanitizer: () => Promise<void> = loadOnce(() =>
  import("dompurify").then((m) => {
    purify = m.default;
  }),
);

/**
 * Markdown HTML from cell code is untrusted: DOMPurify strips scripts, handlers and the like.
 * Called before DOMPurify has loaded is a bug (see loadSanitizer): it throws rather than show the
 * HTML unsanitized.
 */
export function sanitizedMarkdown(html: string, locale: Locale): HTMLElement {
  if (!purify) throw new Error("Markdown output was rendered before DOMPurify loaded: await loadSanitizer() before drawing a notebook (frame.ts).");
  // Markdown and html cells were bounded when rendered; a cell's own `{kind: "markdown", html}`
  // was not, and DOMPurify's parse of deep HTML is the freeze the bound is for.
  const deep = htmlTooDeep(html, "output");
  if (deep) {
    const note = document.createElement("p");
    note.className = "nb-unsupported";
    note.setAttribute("role", "note");
    note.textContent = markdownLimitMessage(deep.limit, locale);
    return note;
  }
  const div = document.createElement("div");
  div.className = "nb-markdown";
  div.innerHTML = purify.sanitize(html);
  return div;
}

/** JSON-ish text for a value: Maps, Sets, Dates, bigints and functions get readable forms. */
export function formatValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "function") return describeFunction(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol") return value.toString();
  const seen = new WeakSet<object>();
  let text: string;
  try {
    text =
      JSON.stringify(
        value,
        (_key, v: unknown) => {
          if (typeof v === "bigint") return `${v}n`;
          if (typeof v === "function") return describeFunction(v);
          if (v instanceof Map) return Object.fromEntries(v);
          if (v instanceof Set) return [...v];
          if (typeof v === "number" && !Number.isFinite(v)) return String(v);
          if (isRecord(v)) {
            if (seen.has(v)) return "[circular]";
            seen.add(v);
          }
          return v;
        },
        2,
      ) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}\n… (${text.length - MAX_TEXT} more characters)` : text;
}

/** The page's language (the frame sets `lang` from the app's switch), for numbers in displayed tables. */
function pageLocale(): Locale {
  const lang = document.documentElement.lang;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

function renderTable(table: DisplayTable): HTMLElement {
  const locale = pageLocale();
  const wrap = document.createElement("div");
  wrap.className = "nb-table";
  const columns = table.columnNames();
  const rows = table.objects({ limit: MAX_TABLE_ROWS });
  const el = document.createElement("table");
  const head = el.createTHead().insertRow();
  for (const name of columns) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  const body = el.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const name of columns) {
      const v = row[name];
      const td = tr.insertCell();
      td.textContent = v === null || v === undefined ? "" : typeof v === "object" ? formatValue(v) : typeof v === "number" ? formatNumber(locale, v) : String(v);
      if (typeof v === "number") td.className = "num";
    }
  }
  wrap.appendChild(el);
  const n = table.numRows();
  const caption = document.createElement("div");
  caption.className = "nb-table-caption";
  caption.textContent = messages[locale].tableSize(formatNumber(locale, n), columns.length, n > rows.length ? rows.length : undefined);
  wrap.appendChild(caption);
  return wrap;
}

/** DOM for one displayed value; a note it writes (HTML too deep) in `locale`. */
export function renderValue(value: unknown, locale: Locale): Node {
  if (isNode(value)) return value;
  if (isMarkdownOutput(value)) return sanitizedMarkdown(value.html, locale);
  if (isUnsupportedCellOutput(value)) {
    // A Notebook Kit cell mode this app does not run (sql, tex, python…): kept byte for byte, said plainly.
    const note = document.createElement("p");
    note.className = "nb-unsupported";
    note.setAttribute("role", "note");
    note.textContent = messages[pageLocale()].unsupportedCell(unsupportedKindName(value.cellKind), value.type);
    return note;
  }
  if (isDisplayTable(value)) {
    try {
      return renderTable(value);
    } catch {
      // Not a real table after all; fall through to text.
    }
  }
  const pre = document.createElement("pre");
  pre.className = "nb-value";
  pre.textContent = formatValue(value);
  return pre;
}

/**
 * The red error box, in `locale`: its title and where a syntax error is; a markdown limit's message
 * worded from the limit itself, so a switch rewords it (the runtime wrote it in its own language).
 */
export function renderError(error: CellError, locale: Locale): HTMLElement {
  const words = messages[locale];
  const box = document.createElement("div");
  box.className = "nb-error";
  box.setAttribute("role", "alert");
  const title = document.createElement("strong");
  title.textContent = words.errorTitle(error.kind);
  const where = error.line !== undefined ? words.errorWhere(error.line, error.column) : "";
  const limit = markdownLimitOf(error.cause);
  const message = document.createElement("span");
  message.textContent = ` ${limit ? markdownLimitMessage(limit, locale) : error.message}${where}`;
  box.append(title, message);
  const reference = referenceButton(document, error.cause);
  if (reference) box.append(" ", reference);
  return box;
}

/** The chart `<svg>` and the HTML table(s) in an output: given by a builtin's output itself, else searched for. */
function outputParts(node: Node): { chart?: Element; svg?: Element | null; htmlTable: DrawnTable | null } {
  const drawn = drawnOutput(node);
  if (drawn) return "chart" in drawn ? { chart: drawn.chart, svg: drawn.chart, htmlTable: null } : { htmlTable: drawn.table };
  const svg = node instanceof Element ? findChartSvg(node) : null;
  const found = findHtmlTable([node]);
  return { chart: svg && node instanceof Element ? node : undefined, svg, htmlTable: found ? { tables: [found], caption: found.caption?.textContent ?? undefined } : null };
}

/** What one output can be saved as, and the title its file is named after. */
function exportable(display: unknown, node: Node): { table?: ExportableTable; chart?: Element; title?: string } | undefined {
  const { chart, svg, htmlTable } = isColumnTable(display) ? { ...outputParts(node), htmlTable: null } : outputParts(node);
  const table = isColumnTable(display) ? display : htmlTable ? htmlTableData(htmlTable.tables) : undefined;
  if (!chart && !table) return undefined;
  // A framed chart carries its title as aria-label; a rendered table has a caption.
  const title = svg?.getAttribute("aria-label") ?? htmlTable?.caption ?? undefined;
  return { table, chart, title: title?.trim() || undefined };
}

/**
 * The output nodes with export buttons beside each one that can be saved: SVG/PNG for a chart, CSV
 * for an Arquero or HTML table. A cell that displays six charts gets six button groups, each next
 * to its chart and naming its file after the chart's title (else `cellName`, numbered).
 *
 * `shown` is what the output shows now. A chart or table drawn where one was drawn before keeps
 * that one's wrapper and buttons, pointed at the new output (issue 12: a filter change redraws
 * every chart and table it reaches, and making a new button group each time — a Lit element,
 * its template, its layout — was part of what a cell on screen cost). A crosswalk table drawn where
 * one was shown is not put in: the shown one is updated to equal it (update-in-place.ts), so the
 * browser keeps the boxes of every row that stays.
 */
export function withExportMenus(displays: readonly unknown[], nodes: readonly Node[], cellName: string, shown: readonly Node[] = []): Node[] {
  const used = new Map<string, number>();
  return nodes.map((node, i) => {
    const what = exportable(displays[i], node);
    if (!what) return node;
    const base = what.title ?? cellName;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const before = shown[i];
    const kept = before instanceof HTMLElement && before.classList.contains("nb-exportable") && before.lastElementChild instanceof NbExportMenu ? before : undefined;
    const menu = kept?.lastElementChild instanceof NbExportMenu ? kept.lastElementChild : document.createElement("nb-export-menu");
    menu.name = n === 1 ? base : `${base}-${n}`;
    menu.table = what.table;
    menu.chart = what.chart;
    const output = scrollBoxed(node);
    if (!kept) {
      const wrap = document.createElement("div");
      wrap.className = "nb-exportable";
      wrap.append(output, menu);
      return wrap;
    }
    // A crosswalk table drawn again updates the one shown (update-in-place.ts): rows that stay keep their boxes.
    const current = kept.firstChild;
    if (current && current !== menu && updateInPlace(current, output)) {
      for (const child of [...kept.childNodes]) if (child !== menu && child !== current) child.remove();
      return kept;
    }
    // Only the output before the buttons changes; the buttons stay where they are.
    for (const child of [...kept.childNodes]) if (child !== menu && child !== output) child.remove();
    if (kept.firstChild !== output) kept.insertBefore(output, menu);
    return kept;
  });
}

/**
 * Make `out`'s children `nodes`, in order, moving only what changed: a node already in place (a
 * kept export wrapper) stays attached, so the browser keeps its boxes instead of building them again.
 */
export function showOutput(out: Element, nodes: readonly Node[]): void {
  nodes.forEach((node, i) => {
    const at = out.childNodes[i];
    if (at !== node) out.insertBefore(node, at ?? null);
  });
  while (out.childNodes.length > nodes.length) out.lastChild?.remove();
}

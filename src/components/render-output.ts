/**
 * Turning cell values into DOM for the output area: DOM nodes as they are, markdown as sanitized
 * HTML, Arquero tables as a small HTML table, everything else as readable text/JSON. Errors become a
 * red box naming the kind of error and the runtime's message (which says the fix).
 */
import DOMPurify from "dompurify";
import { isDisplayTable, type DisplayTable } from "../runtime/display-table";
import { isMarkdownOutput, type CellError } from "../runtime/types";

const MAX_TABLE_ROWS = 12;
const MAX_TEXT = 4000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}


function isNode(value: unknown): value is Node {
  return typeof Node !== "undefined" && value instanceof Node;
}

/** Markdown HTML from cell code is untrusted: DOMPurify strips scripts, handlers and the like. */
export function sanitizedMarkdown(html: string): HTMLElement {
  const div = document.createElement("div");
  div.className = "nb-markdown";
  div.innerHTML = DOMPurify.sanitize(html);
  return div;
}

/** JSON-ish text for a value: Maps, Sets, Dates, bigints and functions get readable forms. */
export function formatValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "function") return `ƒ ${value.name || "(anonymous)"}()`;
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
          if (typeof v === "function") return `ƒ ${v.name || "(anonymous)"}()`;
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

function renderTable(table: DisplayTable): HTMLElement {
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
      td.textContent = v === null || v === undefined ? "" : typeof v === "object" ? formatValue(v) : String(v);
      if (typeof v === "number") td.className = "num";
    }
  }
  wrap.appendChild(el);
  const n = table.numRows();
  const caption = document.createElement("div");
  caption.className = "nb-table-caption";
  caption.textContent = `${n.toLocaleString("en")} rows × ${columns.length} columns${n > rows.length ? ` (first ${rows.length} shown)` : ""}`;
  wrap.appendChild(caption);
  return wrap;
}

/** DOM for one displayed value. */
export function renderValue(value: unknown): Node {
  if (isNode(value)) return value;
  if (isMarkdownOutput(value)) return sanitizedMarkdown(value.html);
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

const errorTitles: Record<string, string> = {
  syntax: "Syntax error",
  thrown: "Error",
  rejected: "Promise rejected",
  "undefined-name": "Undefined name",
  "duplicate-definition": "Name defined twice",
  cycle: "Circular definition",
  timeout: "Time limit",
  upstream: "Input failed",
};

/** The red error box. */
export function renderError(error: CellError): HTMLElement {
  const box = document.createElement("div");
  box.className = "nb-error";
  box.setAttribute("role", "alert");
  const title = document.createElement("strong");
  title.textContent = errorTitles[error.kind] ?? "Error";
  const where = error.line !== undefined ? ` (line ${error.line}${error.column !== undefined ? `, column ${error.column}` : ""})` : "";
  const message = document.createElement("span");
  message.textContent = ` ${error.message}${where}`;
  box.append(title, message);
  return box;
}

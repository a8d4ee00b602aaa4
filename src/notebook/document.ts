/**
 * Document state of a notebook: what goes into a file, into IndexedDB and into a share link.
 * Runtime state (values, errors, timings) lives in `src/runtime` and never in here.
 *
 * The shape follows Observable Notebook Kit's open format (`<notebook>` with one `<script>` per
 * cell), so `parseNotebook`/`serializeNotebook` in `format.ts` map it one to one.
 */
import type { Locale } from "../base/locale/locale";

/**
 * How a cell is read: Notebook Kit's modes, plus `other` for a `type` we do not know (kept in the
 * cell's `attributes`). Only `js`, `md` and `html` run here; the others are kept byte for byte and
 * shown as "not supported here".
 */
export type CellKind = "js" | "md" | "html" | "tex" | "sql" | "dot" | "ojs" | "node" | "python" | "other";

/** Notebook Kit's `type` attribute for each kind it defines (its serializer's table). */
export const CELL_TYPES = {
  js: "module",
  md: "text/markdown",
  html: "text/html",
  tex: "application/x-tex",
  sql: "application/sql",
  dot: "text/vnd.graphviz",
  ojs: "application/vnd.observable.javascript",
  node: "application/vnd.node.javascript",
  python: "text/x-python",
} as const satisfies Record<Exclude<CellKind, "other">, string>;

/** What each kind is called in messages. */
export const CELL_KIND_NAMES: Readonly<Record<CellKind, string>> = {
  js: "JavaScript",
  md: "Markdown",
  html: "HTML",
  tex: "TeX",
  sql: "SQL",
  dot: "Graphviz (dot)",
  ojs: "Observable JavaScript",
  node: "Node.js",
  python: "Python",
  other: "unknown",
};

/** Type guard for {@link CellKind} (for values read from links and storage). */
export function isCellKind(value: unknown): value is CellKind {
  return typeof value === "string" && Object.hasOwn(CELL_KIND_NAMES, value);
}

export interface CellDoc {
  /** Stable id, unique within the notebook; Notebook Kit writes small integers. */
  id: string;
  kind: CellKind;
  source: string;
  /**
   * Notebook Kit's `pinned` attribute: Kit keeps the cell's code in view. New code cells are pinned
   * as Kit makes them (`newCell`). Here the edit view shows every cell's code and the report view
   * none (each cell unfolds on request); the flag is kept and written for Kit.
   */
  pinned?: boolean;
  /** Attributes we do not interpret but must keep for a lossless round trip, in file order. */
  attributes?: Array<[name: string, value: string]>;
  /**
   * A markdown cell's text in another language, by the app's language: the reader sees the variant
   * for the app's language and `source` (the authored text) where there is none. Written as a
   * sibling `<script type="text/markdown" lang="nb" for="<id>">` right after the cell (format.ts;
   * docs/decisions.md, "One language, one number format"). Markdown cells only.
   */
  variants?: CellVariants;
}

/** A markdown cell's text per language other than the authored one (`CellDoc.variants`). */
export type CellVariants = Partial<Record<Locale, string>>;

/** An HTML comment inside `<notebook>`, kept so a file round-trips; it never becomes a cell. */
export interface NotebookComment {
  /** The whole comment, `<!--` and `-->` included, byte for byte. */
  text: string;
  /** Id of the cell the comment stood before; absent when it stood after the last cell. */
  before?: string;
}

export interface NotebookDoc {
  title: string;
  cells: CellDoc[];
  /** Notebook Kit's `theme` attribute. */
  theme?: string;
  /** Other `<notebook>` attributes kept as they were, in file order. */
  attributes?: Array<[name: string, value: string]>;
  /** HTML comments between the cells. */
  comments?: NotebookComment[];
}

/**
 * Notebook Kit's default for `pinned` (its `defaultPinned`): code cells — JavaScript, SQL and the
 * interpreters — keep their code in view; prose (markdown, html, tex, dot) shows its output only.
 * Kit reads a cell without the attribute as not pinned, so a JavaScript cell we write without it
 * would open in Kit with its code hidden.
 */
export function defaultPinned(kind: CellKind): boolean {
  return kind === "js" || kind === "ojs" || kind === "sql" || kind === "node" || kind === "python";
}

/** A new cell as Notebook Kit makes one: pinned when its kind is pinned by default. */
export function newCell(id: string, kind: CellKind, source = ""): CellDoc {
  return defaultPinned(kind) ? { id, kind, source, pinned: true } : { id, kind, source };
}

/** Largest id + 1, for a new cell. Ids that are not integers are skipped. */
export function nextCellId(doc: NotebookDoc): string {
  let max = 0;
  for (const cell of doc.cells) {
    const n = Number(cell.id);
    if (Number.isInteger(n) && n > max) max = n;
  }
  return String(max + 1);
}

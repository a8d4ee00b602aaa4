/**
 * Runtime state of notebook cells: values, errors, timings. None of this is ever stored in a
 * NotebookDoc, a file, IndexedDB or a share link — it is recomputed from the document.
 */

/**
 * What went wrong in a cell. `upstream` means the cell itself is fine but a name it uses comes
 * from a cell that failed (the message names that cell).
 */
export type CellErrorKind =
  | "syntax"
  | "thrown"
  | "rejected"
  | "undefined-name"
  | "duplicate-definition"
  | "reserved-name"
  | "cycle"
  | "timeout"
  | "stopped"
  | "upstream";

/** An error shown on a cell. Errors are values: the runtime never throws them at the caller. */
export interface CellError {
  kind: CellErrorKind;
  cellId: string;
  /** Says what happened and what to do about it. */
  message: string;
  /** The names involved (undefined name, duplicated name, names in a cycle, failed input). */
  names?: string[];
  /** 1-based line of a syntax error within the cell source. */
  line?: number;
  /** 1-based column of a syntax error within the cell source. */
  column?: number;
  /** The original thrown value, for the console. */
  cause?: unknown;
}

/** pending: waiting for inputs; running: body started; fulfilled/rejected: settled. */
export type CellStatus = "pending" | "running" | "fulfilled" | "rejected";

/** Runtime state of one cell — never stored in a NotebookDoc. */
export interface CellRuntimeState {
  id: string;
  status: CellStatus;
  /** Last value of an expression cell (or a markdown cell's MarkdownOutput); undefined otherwise. */
  value?: unknown;
  /** What display()/view() showed this run, plus the expression value; DOM nodes in the browser. */
  displays: unknown[];
  error?: CellError;
  /** Top-level names this cell declares (acorn analysis). */
  defines: string[];
  /** Free names this cell reads (acorn analysis), including built-ins such as `aq`. */
  references: string[];
  /** How many times the body ran (tests count reruns with this). */
  runs: number;
  /** Wall time of the last run, from body start until its value settled. */
  lastRunMs?: number;
}

/**
 * Rendered markdown or html cell value: raw HTML (the UI sanitizes with DOMPurify before
 * inserting), so an html cell is shown exactly as a markdown cell is.
 */
export interface MarkdownOutput {
  kind: "markdown";
  html: string;
}

/** Type guard for {@link MarkdownOutput}. */
export function isMarkdownOutput(value: unknown): value is MarkdownOutput {
  return (
    typeof value === "object" &&
    value !== null &&
    "kind" in value &&
    value.kind === "markdown" &&
    "html" in value &&
    typeof value.html === "string"
  );
}

/**
 * The value of a cell of a kind this app does not run (Notebook Kit's tex, sql, dot, ojs, node,
 * python, or an unknown type). Not an error: the code is fine and is kept byte for byte in the
 * file; the UI shows `message` as a notice.
 */
export interface UnsupportedCellOutput {
  kind: "unsupported";
  /** The cell's kind ("sql", "other", …). */
  cellKind: string;
  /** The cell's `type` attribute as the file has it. */
  type: string;
  message: string;
}

/** Type guard for {@link UnsupportedCellOutput}. */
export function isUnsupportedCellOutput(value: unknown): value is UnsupportedCellOutput {
  return (
    typeof value === "object" &&
    value !== null &&
    "kind" in value &&
    value.kind === "unsupported" &&
    "message" in value &&
    typeof value.message === "string"
  );
}

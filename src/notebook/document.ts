/**
 * Document state of a notebook: what goes into a file, into IndexedDB and into a share link.
 * Runtime state (values, errors, timings) lives in `src/runtime` and never in here.
 *
 * The shape follows Observable Notebook Kit's open format (`<notebook>` with one `<script>` per
 * cell), so `parseNotebook`/`serializeNotebook` in `format.ts` map it one to one.
 */

/** JavaScript cells are `type="module"`, markdown cells `type="text/markdown"`. */
export type CellKind = "js" | "md";

export interface CellDoc {
  /** Stable id, unique within the notebook; Notebook Kit writes small integers. */
  id: string;
  kind: CellKind;
  source: string;
  /** Show the code above the output (Notebook Kit's `pinned` attribute). */
  pinned?: boolean;
  /** Attributes we do not interpret but must keep for a lossless round trip, in file order. */
  attributes?: Array<[name: string, value: string]>;
}

export interface NotebookDoc {
  title: string;
  cells: CellDoc[];
  /** Notebook Kit's `theme` attribute. */
  theme?: string;
  /** Other `<notebook>` attributes kept as they were, in file order. */
  attributes?: Array<[name: string, value: string]>;
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

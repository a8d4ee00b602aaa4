/**
 * Cells written by the authoring tools go into the notebook as if typed and run: each is added at
 * the end, given its source and run, and the first is scrolled into view.
 */
import type { GeneratedCell } from "../../analysis/cell-source/cell-source";
import type { NotebookSession } from "../../app/notebook-session";

/** Append `cells` to the notebook, run them, and bring the first into view; returns their ids. */
export function insertCells(session: NotebookSession, cells: readonly GeneratedCell[]): string[] {
  const ids: string[] = [];
  for (const cell of cells) {
    const id = session.addCell(cell.kind);
    session.setDraft(id, cell.source);
    session.run(id);
    ids.push(id);
  }
  const first = ids[0];
  if (first !== undefined) {
    // The cells render on the notebook's next update; scroll once they are there.
    requestAnimationFrame(() => requestAnimationFrame(() => document.getElementById(`cell-${first}`)?.scrollIntoView({ behavior: "smooth", block: "start" })));
  }
  return ids;
}

/** Every name the notebook's cells define (generated names avoid them). */
export function definedNames(session: NotebookSession): string[] {
  return session.doc.cells.flatMap((c) => session.state(c.id)?.defines ?? []);
}

/**
 * Edits a stranger's notebook reports about itself. A notebook from a link or a file runs, once the
 * reader agreed, in a frame whose channel its code can take (hostile-protocol.test.ts), so a `cells`
 * or `draft` message may be the notebook rewriting itself — removing the code that ran, or planting
 * code for the next run — rather than the reader editing. A reader's edit comes from a key press
 * or a click in the notebook, which gives the shell's page transient user activation too (it is
 * propagated to the frame's ancestors); a notebook cannot give itself that. So for such a notebook
 * the shell takes an edit only while the page is activated; otherwise it keeps its own copy (the
 * source agreed to, plus the reader's own edits) and reopens the notebook from it, paused, saying
 * how many cells the notebook tried to change (frame-session.ts). Residual: code that waits for the
 * reader's next click or key press in the notebook can still edit itself within those seconds.
 */
import type { Wording } from "../../base/locale/locale";
import type { CellDoc } from "../../notebook/document";
import type { NotebookOrigin } from "../notebook-store";
import { pageActivated } from "./download-gate";

/** Whether the notebook is a stranger's code: from a share link or an imported file. */
export function isStrangersNotebook(origin: NotebookOrigin | undefined): boolean {
  return origin?.kind === "shared" || origin?.kind === "imported";
}

/** How many cells differ between two lists (added, removed, or changed in kind, source or mode). */
export function changedCellCount(before: readonly CellDoc[], after: readonly CellDoc[]): number {
  const was = new Map(before.map((c) => [c.id, JSON.stringify(c)]));
  let changed = 0;
  for (const cell of after) {
    const old = was.get(cell.id);
    if (old !== JSON.stringify(cell)) changed++;
    was.delete(cell.id);
  }
  return changed + was.size;
}

/** Why a stranger's notebook was reopened paused: it changed `count` of its cells by itself. */
export function pauseSelfEdited(count: number): Wording {
  return (words) => words.pauseSelfEdited(count);
}

/** Decides whether a stranger's notebook's report of its own cells is taken. */
export class SelfEditGate {
  constructor(
    private readonly strangers: boolean,
    private readonly activated: () => boolean = pageActivated,
  ) {}

  /** May an edit the frame reports now be taken as the reader's? */
  allows(): boolean {
    return !this.strangers || this.activated();
  }
}

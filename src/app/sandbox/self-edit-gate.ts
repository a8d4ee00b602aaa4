/**
 * Edits a stranger's notebook reports about itself. A notebook from a link or a file runs, once the
 * reader agreed, in a frame whose channel its code can take (hostile-protocol.test.ts), so a `cells`
 * message may be the notebook rewriting itself — removing the code that ran, or planting code for
 * the next run (a kept notebook runs again when it is reopened) — rather than the reader editing.
 *
 * What the shell can know: a reader's edit comes from a key press or a click in the notebook, which
 * gives the shell's page transient user activation too (it is propagated to the frame's ancestors);
 * a notebook cannot give itself that. But the activation says only that the reader touched the
 * frame, not where: code that waits for the reader's next click (on its own output, say) has ~5 s
 * of it. Everything the frame draws — editor, toolbar, outputs — shares one realm with the cells, so
 * no signal from inside it can tell the reader's edit from the notebook's.
 *
 * So a legitimate change to a stranger's code is one the reader confirms in the shell, where the
 * notebook cannot click: with activation, an edit the frame reports is *held* — the frame shows and
 * runs it, the shell keeps (and saves) the code agreed to — and a bar in the shell names the changed
 * cells with "Keep changes" / "Undo changes". Keep takes them; Undo reopens the notebook from the
 * shell's copy. Without activation nothing is held: the notebook is reopened paused from the shell's
 * copy, saying how many cells it tried to change (frame-session.ts). The reader's own notebooks
 * (new, bundled) are theirs: their edits are taken as before.
 */
import type { Wording } from "../../base/locale/locale";
import type { CellDoc } from "../../notebook/document";
import type { StructureHistoryRecord } from "../../notebook/structure-history";
import type { NotebookOrigin } from "../notebook-store";
import { pageActivated } from "./download-gate";

/** Whether the notebook is a stranger's code: from a share link or an imported file. */
export function isStrangersNotebook(origin: NotebookOrigin | undefined): boolean {
  return origin?.kind === "shared" || origin?.kind === "imported";
}

/** Why a stranger's notebook was reopened paused: it changed `count` of its cells by itself. */
export function pauseSelfEdited(count: number): Wording {
  return (words) => words.pauseSelfEdited(count);
}

/** Where a held change sits: 1-based positions of the changed or added cells, and how many were removed. */
export interface HeldChange {
  count: number;
  positions: number[];
  removed: number;
}

/** Which cells of `after` differ from `before` (by position), and how many of `before` are gone. */
export function heldChange(before: readonly CellDoc[], after: readonly CellDoc[]): HeldChange {
  const was = new Map(before.map((c) => [c.id, JSON.stringify(c)]));
  const positions = after.flatMap((cell, i) => (was.get(cell.id) === JSON.stringify(cell) ? [] : [i + 1]));
  const kept = new Set(after.map((c) => c.id));
  const removed = before.filter((c) => !kept.has(c.id)).length;
  return { count: positions.length + removed, positions, removed };
}

/** What the shell does with cells the frame reports. */
export type SelfEditVerdict =
  /** The reader's own notebook: take them. */
  | { kind: "take" }
  /** The same cells as the shell's copy: nothing to take (a held change, if any, is dropped). */
  | { kind: "same" }
  /** A stranger's notebook, with activation: held until the reader confirms in the shell. */
  | { kind: "held"; change: HeldChange }
  /** A stranger's notebook, without activation: the notebook changed itself. */
  | { kind: "refused"; changed: number };

/** Decides whether a stranger's notebook's report of its own cells is taken, held or refused. */
export class SelfEditGate {
  private held: { cells: CellDoc[]; history: StructureHistoryRecord | undefined; change: HeldChange } | undefined;

  constructor(
    private readonly strangers: boolean,
    private readonly activated: () => boolean = pageActivated,
  ) {}

  /** Judge the cells the frame reports against the shell's copy (`current`). */
  judge(current: readonly CellDoc[], reported: readonly CellDoc[], history: StructureHistoryRecord | undefined): SelfEditVerdict {
    if (!this.strangers) return { kind: "take" };
    const change = heldChange(current, reported);
    if (change.count === 0) {
      this.held = undefined;
      return { kind: "same" };
    }
    // The frame saying again what is already held is no new change.
    if (this.held && JSON.stringify(this.held.cells) === JSON.stringify(reported)) return { kind: "held", change: this.held.change };
    if (!this.activated()) {
      this.held = undefined;
      return { kind: "refused", changed: change.count };
    }
    this.held = { cells: reported.map((c) => ({ ...c })), history, change };
    return { kind: "held", change };
  }

  /** A draft (editor text not run) the frame reports: a stranger's only with activation. */
  allowsDraft(): boolean {
    return !this.strangers || this.activated();
  }

  /** The change waiting for the reader's word in the shell, if any. */
  get pending(): HeldChange | undefined {
    return this.held?.change;
  }

  /** "Keep changes": the held cells and history, now the reader's (and forgotten here). */
  keep(): { cells: CellDoc[]; history: StructureHistoryRecord | undefined } | undefined {
    const held = this.held;
    this.held = undefined;
    return held && { cells: held.cells, history: held.history };
  }

  /** "Undo changes", or the frame was replaced: the held change is gone. */
  drop(): void {
    this.held = undefined;
  }
}

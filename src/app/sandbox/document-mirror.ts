/**
 * The shell's copy of a notebook that runs in the sandboxed frame: the document, the unsaved drafts
 * and the undo history, kept from what the frame reports. Autosave, export, share links and the
 * next frame read this copy, never the frame, so a frame that hangs or is replaced loses nothing.
 */
import type { NotebookDoc } from "../../notebook/document";
import type { StructureHistoryRecord } from "../../notebook/structure-history";
import { titleAfterEdit } from "../notebook-title";
import { FRAME_LIMITS } from "./protocol";

/** One notebook's document, drafts and history as the shell keeps them. */
export class DocumentMirror {
  doc: NotebookDoc;
  /** The frame's undo history as it last sent it (checked by readFrameMessage), for storage and the next frame. */
  history: StructureHistoryRecord | undefined;
  private readonly drafts = new Map<string, string>();

  /** A copy of `doc`, with the drafts of cells it has (a draft of a cell gone is dropped). */
  constructor(doc: NotebookDoc, drafts: Record<string, string>, history: StructureHistoryRecord | undefined) {
    this.doc = structuredClone(doc);
    this.history = history;
    const ids = new Set(this.doc.cells.map((c) => c.id));
    for (const [id, text] of Object.entries(drafts)) if (ids.has(id)) this.drafts.set(id, text);
  }

  /** The drafts by cell id. */
  draftRecord(): Record<string, string> {
    return Object.fromEntries(this.drafts);
  }

  /**
   * A cell's draft changed (`null`: dropped); false when the cell is not the notebook's, nothing
   * changed, or the drafts together would pass a document's size (`FRAME_LIMITS.docChars`). Each
   * draft message is checked alone, so without the total a frame could park 2 M characters in each
   * of 5,000 cells and autosave would fill the storage the other notebooks need. The frame keeps a
   * refused draft; only the shell's copy (autosave, the next frame) goes without it.
   */
  setDraft(id: string, text: string | null): boolean {
    if (!this.doc.cells.some((c) => c.id === id)) return false;
    const had = this.drafts.get(id);
    if (text !== null && this.draftChars() - (had?.length ?? 0) + text.length > FRAME_LIMITS.docChars) return false;
    if (text === null) this.drafts.delete(id);
    else this.drafts.set(id, text);
    return had !== this.drafts.get(id);
  }

  private draftChars(): number {
    let chars = 0;
    for (const text of this.drafts.values()) chars += text.length;
    return chars;
  }

  /** The notebook's cells are now `cells`: drafts of cells gone are dropped. */
  applyCells(cells: NotebookDoc["cells"]): void {
    // The title is the shell's; it follows the first heading by the same rule as in the frame.
    this.doc = { ...this.doc, title: titleAfterEdit(this.doc.title, this.doc.cells, cells), cells };
    const ids = new Set(cells.map((c) => c.id));
    for (const id of [...this.drafts.keys()]) if (!ids.has(id)) this.drafts.delete(id);
  }

  /** The user renamed the notebook; false when the title is the same. */
  setTitle(title: string): boolean {
    if (title === this.doc.title) return false;
    this.doc.title = title;
    return true;
  }
}

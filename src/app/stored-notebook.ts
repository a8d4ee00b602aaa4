/**
 * A local notebook as it is stored (IndexedDB record, journal entry), and the one way back from
 * whatever storage returned: every stored value is untrusted input, checked like a share link.
 */
import type { NotebookDoc } from "../notebook/document";
import { validatePayload } from "../notebook/share-codec";
import { decodeStructureHistory, encodeStructureHistory, type HistoryProblem, type StructureHistoryRecord } from "../notebook/structure-history";
import { isRecord, isStringRecord } from "../base/guards";

/** Where a local notebook came from; decides whether "revert to shipped version" is offered. */
export type NotebookOrigin =
  | { kind: "bundled"; name: string }
  | { kind: "shared" }
  | { kind: "imported"; fileName: string }
  | { kind: "new" };

/** One local notebook: its document, unsent editor drafts and the input values last seen. */
export interface StoredNotebook {
  key: string;
  doc: NotebookDoc;
  /** Cell id → editor text not yet run (Shift-Enter); restored with the "changed" marker. */
  drafts: Record<string, string>;
  inputs: Record<string, unknown>;
  /** The undo history of the notebook's structure (bounded, pooled: structure-history.ts). */
  history?: StructureHistoryRecord;
  /** Set on reading when a saved history could not be read and was dropped (never written). */
  historyProblem?: HistoryProblem;
  origin: NotebookOrigin;
  updatedAt: number;
}

function isOrigin(value: unknown): value is NotebookOrigin {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case "bundled":
      return typeof value.name === "string";
    case "imported":
      return typeof value.fileName === "string";
    case "shared":
    case "new":
      return true;
    default:
      return false;
  }
}

/** Rebuild a stored record from whatever IndexedDB returned; undefined when it is not one of ours. */
export function toStoredNotebook(value: unknown): StoredNotebook | undefined {
  if (!isRecord(value) || typeof value.key !== "string" || !isOrigin(value.origin)) return undefined;
  const checked = validatePayload({ doc: value.doc, inputs: isRecord(value.inputs) ? value.inputs : {} });
  if (!checked.ok) return undefined;
  const stored: StoredNotebook = {
    key: value.key,
    doc: checked.value.doc,
    inputs: checked.value.inputs,
    drafts: isStringRecord(value.drafts) ? { ...value.drafts } : {},
    origin: value.origin,
    updatedAt: typeof value.updatedAt === "number" ? value.updatedAt : 0,
  };
  // A history that cannot be read costs the history, never the notebook.
  if (value.history !== undefined) {
    const history = decodeStructureHistory(value.history);
    if (history.ok) stored.history = encodeStructureHistory(history.value);
    else stored.historyProblem = history.error;
  }
  return stored;
}

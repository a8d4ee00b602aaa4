/**
 * What the workbench needs from the outside: sessions (in the app, each notebook in a fresh
 * sandboxed frame), the file format, storage, the filter and the network. Tests hand it fakes.
 */
import type { Result } from "../base/result";
import type { NotebookDoc } from "../notebook/document";
import type { ParsedNotebook } from "../notebook/format";
import type { StructureHistoryRecord } from "../notebook/structure-history";
import type { FilterState } from "./app-filter";
import type { SessionMode } from "./notebook-session";
import type { NotebookOrigin, NotebookStore } from "./notebook-store";
import type { SessionPort } from "./session-port";

/** What a new session is made from. */
export interface SessionInit {
  key: string;
  /** Where the notebook came from; shared copies run in the shared view and without the user's file. */
  origin: NotebookOrigin;
  doc: NotebookDoc;
  drafts: Record<string, string>;
  /** The undo history saved with the notebook (a local copy only; never from a link or a file). */
  history?: StructureHistoryRecord;
  /** Input values to apply once the notebook runs (from a share link). */
  inputs: Record<string, unknown>;
  /** "preview" until the user lets a shared notebook run. */
  mode: SessionMode;
}

/** What the workbench needs from the outside (sessions, file format, storage, network). */
export interface WorkbenchServices<S extends SessionPort = SessionPort> {
  /** A session for one open notebook (in the app: the notebook in a fresh sandboxed frame). */
  createSession(init: SessionInit): S;
  /** Read a notebook file (untrusted text): the document and `warnings` saying what the reader changed (e.g. a renumbered duplicate id), or a Problem saying what is wrong and the fix. */
  parseNotebook(text: string): Result<ParsedNotebook>;
  serializeNotebook(doc: NotebookDoc): string;
  store: NotebookStore;
  /** The one survey filter every survey notebook reads. */
  filter: FilterState;
  fetcher?: typeof fetch;
  /** Replace the URL hash without a navigation (history.replaceState in the browser). */
  replaceHash?(hash: string): void;
  /** The URL hash now (location.hash in the browser; undefined when unknown): a navigation not yet handled must not be overwritten. */
  currentHash?(): string | undefined;
  /**
   * Whether the user can see the page now (document.visibilityState). A closing page still runs its
   * last save's callbacks: a word raised then is not seen, so it is left for the next tab to say.
   */
  pageVisible?(): boolean;
}

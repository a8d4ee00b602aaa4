/**
 * The open notebook as the authoring tools see it: its session (cells, values, drafts) and its
 * survey scope (codebook, selection). A frame holds exactly one notebook (src/frame.ts), so the bar
 * registers it here once and the lazily loaded parts — the panels and the editor's completions and
 * hover, which CodeMirror builds without a reference to any component — read it from here.
 */
import type { SurveyScope } from "../../analysis/survey-scope";
import type { NotebookSession } from "../../app/notebook-session";

/** What the authoring tools read and change. */
export interface AuthoringHost {
  session: NotebookSession;
  scope: SurveyScope;
  /** Inserting is off in a read-only preview. */
  readonly: boolean;
}

let current: AuthoringHost | undefined;
/** The editor that last had focus: "insert name" writes at its cursor. */
let lastEditor: { insert(text: string): boolean } | undefined;

/** Register the frame's notebook (the authoring bar does, when its props are set). */
export function setAuthoringHost(host: AuthoringHost | undefined): void {
  current = host;
}

/** The frame's notebook, if one is open. */
export function authoringHost(): AuthoringHost | undefined {
  return current;
}

/** Remember the editor that has focus (code-assist's focus listener calls this). */
export function setLastEditor(editor: { insert(text: string): boolean } | undefined): void {
  lastEditor = editor;
}

/** The editor that last had focus. */
export function lastFocusedEditor(): { insert(text: string): boolean } | undefined {
  return lastEditor;
}

/**
 * The part of an open notebook the workbench talks to. In the app it is the shell's view of a
 * notebook running in the sandboxed frame (`FrameSession`); in the unit tests and inside the frame
 * it is a `NotebookSession` itself. Its method types are NotebookSession's (picked, not copied).
 */
import type { NotebookSession } from "./notebook-session";

export type SessionPort = Pick<
  NotebookSession,
  "doc" | "mode" | "start" | "idle" | "references" | "inputValues" | "inputReport" | "draftRecord" | "historyRecord" | "setTitle" | "onChange" | "dispose"
>;

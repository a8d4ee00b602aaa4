/**
 * The part of the runtime the UI talks to. It is a view of `NotebookRuntime` (its method types
 * imported, not copied), so the session can be tested with a fake while the types stay one.
 */
import type { NotebookRuntime } from "../runtime/notebook-runtime";

export type RuntimePort = Pick<
  NotebookRuntime,
  "load" | "updateCell" | "removeCell" | "state" | "subscribe" | "uses" | "usedBy" | "idle" | "setInput" | "inputValues" | "inputReport" | "references" | "namedValues" | "dispose"
>;

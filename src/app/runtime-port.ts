/**
 * The part of the runtime the UI talks to, as a structural type. `NotebookRuntime` from
 * `src/runtime/notebook-runtime.ts` satisfies it; the UI depends on this port rather than the class so
 * that the session can be tested with a fake and the shell can be built before the engine.
 * Mirrors the runtime contract (/tmp/team/runtime-api.md at the time of writing).
 */
import type { CellDoc, NotebookDoc } from "../notebook/document";

export type PortCellStatus = "pending" | "running" | "fulfilled" | "rejected";

/** What the UI reads of a cell error (a subset of the runtime's CellError). */
export interface PortCellError {
  kind: string;
  cellId: string;
  message: string;
  names?: string[];
  line?: number;
  column?: number;
}

/** What the UI reads of a cell's runtime state (a subset of the runtime's CellRuntimeState). */
export interface PortCellState {
  id: string;
  status: PortCellStatus;
  value?: unknown;
  displays: unknown[];
  error?: PortCellError;
  defines: string[];
  references: string[];
  runs: number;
  lastRunMs?: number;
}

export interface RuntimePort {
  load(doc: NotebookDoc): void;
  updateCell(cell: CellDoc): void;
  removeCell(id: string): void;
  state(id: string): PortCellState | undefined;
  subscribe(listener: (id: string, state: PortCellState) => void): () => void;
  uses(id: string): string[];
  usedBy(id: string): string[];
  idle(): Promise<void>;
  setInput(name: string, value: unknown): void;
  inputValues(): Record<string, unknown>;
  dispose(): void;
}

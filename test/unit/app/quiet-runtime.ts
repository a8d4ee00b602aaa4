/**
 * A runtime port that runs nothing: every query answers "no cells, no state". Tests subclass it
 * and override only what they observe, so the port's shape is written once.
 */
import type { RuntimePort } from "../../../src/app/runtime-port";
import type { CellDoc, NotebookDoc } from "../../../src/notebook/document";
import type { CellRuntimeState } from "../../../src/runtime/types";

export class QuietRuntime implements RuntimePort {
  load(_doc: NotebookDoc): void {}
  updateCell(_cell: CellDoc): void {}
  removeCell(_id: string): void {}
  state(): CellRuntimeState | undefined {
    return undefined;
  }
  subscribe(): () => void {
    return () => undefined;
  }
  uses(): string[] {
    return [];
  }
  usedBy(): string[] {
    return [];
  }
  idle(): Promise<void> {
    return Promise.resolve();
  }
  setInput(_name: string, _value: unknown): void {}
  inputValues(): Record<string, unknown> {
    return {};
  }
  inputReport(): ReturnType<RuntimePort["inputReport"]> {
    return { applied: [], dropped: [] };
  }
  namedValues(): Record<string, unknown> {
    return {};
  }
  references(_name: string): boolean {
    return false;
  }
  dispose(): void {}
}

/**
 * The respondents one open notebook's frame runs on, as the shell hands them over: the bundled
 * survey (the frame reads its files itself), or the user's file when the data gate allows it —
 * its first message with `open` or `data`, then its further parts one per task (user-data-wire.ts).
 * Parts stop as soon as the frame they were for is gone or the data changed again.
 */
import type { LoadResult } from "../../data/loaders/load-result";
import type { SurveyFilter } from "../../data/survey-filter";
import type { FrameData, ShellMessage } from "./protocol";
import { encodeUserData, sendUserData, type UserDataPart } from "./user-data-wire";

/** The data the data gate lets this notebook see. */
export type FrameDataChoice = { kind: "bundled" } | { kind: "user"; version: number; name: string; load: LoadResult };

/** A user's file's further parts, each a message with the buffers it transfers. */
export type FrameDataParts = Iterable<{ message: UserDataPart; transfer: ArrayBuffer[] }>;

/** Two choices with the same key are the same data: nothing is posted again. */
function dataKey(choice: FrameDataChoice): string {
  return choice.kind === "bundled" ? "bundled" : `user:${choice.version}`;
}

/** One open notebook's data: what the gate allows now, encoded for its frame. */
export class FrameDataFeed {
  /**
   * @param choice what the gate allows when the notebook opens
   * @param filter the shell's filter now: its columns go first, so the frame's filter bar counts the N at once
   */
  constructor(
    private choice: FrameDataChoice,
    private readonly filter: () => SurveyFilter,
  ) {}

  /** Which respondents the notebook runs on. */
  get kind(): FrameDataChoice["kind"] {
    return this.choice.kind;
  }

  /** Take what the gate allows now; false when it is the data the notebook already has. */
  set(choice: FrameDataChoice): boolean {
    if (dataKey(choice) === dataKey(this.choice)) return false;
    this.choice = choice;
    return true;
  }

  /** The data for a `data` or `open` message; a user's file's further parts follow it (`send`). */
  encode(): { data: FrameData; transfer: ArrayBuffer[]; parts: FrameDataParts } {
    const choice = this.choice;
    if (choice.kind === "bundled") return { data: { kind: "bundled" }, transfer: [], parts: [] };
    const { first, parts } = encodeUserData(choice.load, choice.version, choice.name, this.filter());
    return { data: { kind: "user", data: first.message }, transfer: first.transfer, parts: parts() };
  }

  /** A user's file's parts over `channel`, one per task, while `current` says it is the open frame's and the data is the same. */
  send(parts: FrameDataParts, channel: MessagePort, current: () => boolean): void {
    const choice = this.choice;
    sendUserData(parts, (part, transfer) => {
      if (!current() || this.choice !== choice) return false;
      channel.postMessage({ type: "dataPart", part } satisfies ShellMessage, transfer);
      return true;
    });
  }
}

/**
 * How much a notebook's frame may send the shell. The frame is untrusted once a notebook runs, and
 * a notebook can take the frame's end of the channel (it runs in the same realm as the code that
 * posts), so it can post as fast as its process allows. Measured in Chromium: a notebook posting
 * 6,000 small messages per task left the shell 1 timer tick in 3 s, and then the tab crashed —
 * no Stop, no other notebook. Every message costs the shell a task, so the shell counts them and
 * stops the notebook (removes its frame, which drops what is still queued) once it sends more in a
 * second than any notebook needs: a notebook sends a few status and input messages per run or drag
 * of a slider, a report when quiet, a heartbeat answer twice a second.
 */
import type { Wording } from "../../base/locale/locale";
import { cellChars } from "../../notebook/notebook-size";
import { historyChars, type FrameMessage } from "./protocol";

/** Messages and characters of payload (cell source, drafts, report markup) a frame may send per second. */
export const MESSAGE_BUDGET = { messages: 1_000, chars: 40_000_000 } as const;

/** Why a notebook was stopped for sending too much (shown in the paused bar). */
export const PAUSE_FLOODED: Wording = (words) => words.pauseFlooded(MESSAGE_BUDGET.messages, MESSAGE_BUDGET.chars / 1e6);

/** A one-second window of what the frame sent. */
export class MessageBudget {
  private since = -Infinity;
  private messages = 0;
  private chars = 0;

  /** Count `messages` messages and `chars` payload characters at `now` (ms); false once the second's budget is spent. */
  spend(now: number, { messages = 0, chars = 0 }: { messages?: number; chars?: number }): boolean {
    if (now - this.since >= 1000) {
      this.since = now;
      this.messages = 0;
      this.chars = 0;
    }
    this.messages += messages;
    this.chars += chars;
    return this.messages <= MESSAGE_BUDGET.messages && this.chars <= MESSAGE_BUDGET.chars;
  }

  /** A fresh frame starts with a full budget. */
  reset(): void {
    this.since = -Infinity;
  }
}

/** The characters of text a (checked) frame message carries: what costs the shell to copy, check and store. */
export function payloadChars(message: FrameMessage): number {
  switch (message.type) {
    case "cells":
      // The undo history that comes with the cells is stored with them: it counts too.
      // A cell's variants and attributes are stored with it: they count as its source does.
      return message.cells.reduce((sum, cell) => sum + cellChars(cell), 0) + historyChars(message.history);
    case "draft":
      return message.text?.length ?? 0;
    case "report":
      return message.html.length + message.css.length;
    default:
      return 0;
  }
}
